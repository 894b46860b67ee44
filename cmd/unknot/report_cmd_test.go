package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// todayFile is the default report's name today (either side of a
// midnight the test may straddle).
func todayFiles() []string {
	now := time.Now()
	return []string{"unknot-report-" + now.Format(time.DateOnly) + ".html",
		"unknot-report-" + now.Add(time.Minute).Format(time.DateOnly) + ".html"}
}

// onlyFiles fails unless dir holds exactly names (no temporary file left).
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func TestReportWritesTheDefaultFileOnce(t *testing.T) {
	home := demoHome(t)
	dir := t.TempDir()
	t.Chdir(dir)
	code, out, errs := runCLI(t, home, "report")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, %q", code, errs)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || (ents[0].Name() != todayFiles()[0] && ents[0].Name() != todayFiles()[1]) {
		t.Fatalf("wrote %v, want %s", ents, todayFiles()[0])
	}
	name := ents[0].Name()
	path := filepath.Join(dir, name)
	if !strings.HasPrefix(out, "Wrote the report of ") || !strings.HasSuffix(out, " to "+path+"\n") {
		t.Errorf("says %q", out)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("the report is %v, want 0600", st.Mode().Perm())
	}
	first, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(first), "<!DOCTYPE html>") || !strings.Contains(string(first), "Lying twist, left side, rep 3 of 4") {
		t.Errorf("the report:\n%.300s", first)
	}
	// Again: refused, the file as it was, nothing left behind.
	os.WriteFile(path, []byte("mine"), 0o600)
	code, out, errs = runCLI(t, home, "report")
	if code != 2 || out != "" || errs != "unknot: "+name+" already exists: add --force to replace it, or give another name with -o\n" {
		t.Errorf("again: exit %d, %q %q", code, out, errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Error("the existing file was changed without --force")
	}
	onlyFiles(t, dir, name)
	code, _, errs = runCLI(t, home, "report", "--force")
	if b, _ := os.ReadFile(path); code != 0 || errs != "" || !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("--force: exit %d, %q", code, errs)
	}
	onlyFiles(t, dir, name)
}

func TestReportBadInputOneLineEach(t *testing.T) {
	home := demoHome(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--since", "2026-13-01"}, 2, `unknot: --since: "2026-13-01" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01`},
		{[]string{"--weeks", "0"}, 2, "unknot: --weeks 0: give a number of weeks from 1 to 2600, e.g. --weeks 6"},
		{[]string{"--since", "2999-01-01"}, 2, "unknot: --since 2999-01-01 is after today"},
		{[]string{"-o", "/nonexistent/x.html"}, 2, "unknot: cannot write /nonexistent/x.html: the folder /nonexistent does not exist; create it or give another -o"},
		{[]string{"-o", dir}, 2, "unknot: cannot write " + dir + ": it is a folder; give a file name with -o"},
		{[]string{"--per-week", "0"}, 2, "unknot: --per-week 0: give the sessions a week you aim for, from 1 to 28"},
		{[]string{"--json", "--plain"}, 2, "unknot: --json and --plain: choose one"},
		{[]string{"-o", "/proc/x.html"}, 1, "unknot: cannot write /proc/x.html: "},
	} {
		code, out, errs := runCLI(t, home, append([]string{"report"}, c.args...)...)
		if code != c.code || out != "" || !strings.HasPrefix(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("report %v: exit %d (want %d), out %q, err %q", c.args, code, c.code, out, errs)
		}
	}
	onlyFiles(t, dir)
}

func TestReportToStandardOutputPlainAndJSON(t *testing.T) {
	home := demoHome(t)
	t.Chdir(t.TempDir())
	code, out, errs := runCLI(t, home, "report", "-o", "-")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(out, "</html>\n") {
		t.Errorf("-o -: exit %d %q\n%.200s", code, errs, out)
	}
	code, out, _ = runCLI(t, home, "report", "--plain", "--weeks", "2")
	if code != 0 || !strings.HasPrefix(out, "Back exercises and pain: ") || !strings.Contains(out, "(14 days)") ||
		!strings.Contains(out, "5. Safety: stops for pain") || strings.Contains(out, "\x1b") {
		t.Errorf("--plain: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, home, "report", "--json", "--since", time.Now().AddDate(0, 0, -60).Format(time.DateOnly))
	var r struct {
		Stops []any `json:"pain_stops"`
		Care  struct {
			Ice, Heat int
		} `json:"care"`
		Insights struct {
			Observations []struct {
				Sessions int `json:"sessions"`
			} `json:"observations"`
		} `json:"insights"`
	}
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil {
		t.Fatalf("--json: exit %d %v", code, err)
	}
	if len(r.Stops) != 3 || r.Care.Ice != 4 || r.Care.Heat != 10 || len(r.Insights.Observations) == 0 {
		t.Errorf("--json numbers: %+v", r)
	}
	for _, o := range r.Insights.Observations {
		if o.Sessions < 5 {
			t.Errorf("an observation on %d sessions", o.Sessions)
		}
	}
}
