package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
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

// --force replaces a regular file and nothing else: a named pipe, a
// folder or a symbolic link at the path is refused in one line (exit 2),
// with or without --force, and left as it was.
func TestReportForceReplacesOnlyARegularFile(t *testing.T) {
	home := demoHome(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "mine.html")
	os.WriteFile(mine, []byte("mine"), 0o600)
	link := filepath.Join(dir, "link.html")
	if err := os.Symlink(mine, link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want string
		mode fs.FileMode
	}{
		{fifo, "unknot: cannot write " + fifo + ": it is a named pipe, not a regular file; give a file name with -o (or -o - for standard output)\n", fs.ModeNamedPipe},
		{folder, "unknot: cannot write " + folder + ": it is a folder; give a file name with -o\n", fs.ModeDir},
		{link, "unknot: cannot write " + link + ": it is a symbolic link, not a regular file; give a file name with -o (or -o - for standard output)\n", fs.ModeSymlink},
	} {
		for _, args := range [][]string{{"report", "-o", c.path, "--force"}, {"report", "--plain", "-o", c.path}} {
			code, out, errs := runCLI(t, home, args...)
			if code != 2 || out != "" || errs != c.want {
				t.Errorf("%v: exit %d, out %q, err %q; want exit 2 and %q", args, code, out, errs, c.want)
			}
			st, err := os.Lstat(c.path)
			if err != nil || st.Mode().Type() != c.mode {
				t.Errorf("%v: %s is now %v (%v), want it left a %v", args, c.path, st.Mode().Type(), err, c.mode)
			}
		}
	}
	if b, _ := os.ReadFile(mine); string(b) != "mine" {
		t.Errorf("the file the link points to was changed: %q", b)
	}
	onlyFiles(t, dir, "folder", "link.html", "mine.html", "pipe")
	// A regular file is replaced with --force.
	if code, _, errs := runCLI(t, home, "report", "-o", mine, "--force"); code != 0 || errs != "" {
		t.Errorf("--force over a regular file: exit %d, %q", code, errs)
	}
	if b, _ := os.ReadFile(mine); !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("--force did not replace the regular file: %.40q", b)
	}
}

// `unknot history` and `unknot report` agree on a history whose last
// session stepped knee-to-chest up and was stopped for pain before its
// first rep, beside a heat off again after 20 s: the same stretch
// sessions (the stop for pain is one), the same heat packs (the short one
// is not), the same level now.
func TestHistoryAndReportAgree(t *testing.T) {
	home := t.TempDir()
	j := history.NewJournal(home, func() (*history.Store, error) { return history.Open(home) })
	now := time.Now()
	session := func(start time.Time, level, done int, status routines.Outcome, before, after int) {
		reps := 5 + level
		e := j.Begin(routines.KindSession, start, []history.Exercise{
			{Routine: "knee-to-chest", Side: "left", RepsPlanned: reps}, {Routine: "knee-to-chest", Side: "right", RepsPlanned: reps}}, &before)
		e.SetLevel("knee-to-chest", level)
		e.SetReps(0, done)
		e.SetReps(1, done)
		e.Finish(start.Add(5*time.Minute), status)
		e.SetPainAfter(after)
	}
	heat := func(start time.Time, on time.Duration, status routines.Outcome) {
		e := j.Begin(routines.KindHeat, start, nil, nil)
		e.PackOn(start) // at once: no get-ready
		e.Finish(start.Add(on), status)
	}
	session(now.Add(-54*time.Hour), 0, 5, routines.Completed, 4, 3)
	heat(now.Add(-50*time.Hour), 15*time.Minute, routines.Completed)
	session(now.Add(-30*time.Hour), 1, 0, routines.Pain, 6, 8) // stepped up, then "stop, it hurts" at once
	heat(now.Add(-29*time.Hour), 20*time.Second, routines.Stopped)
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %s", c.Message())
	}
	_, hist, _ := runCLI(t, home, "history")
	code, rep, errs := runCLI(t, home, "report", "--plain", "--weeks", "1")
	if code != 0 || errs != "" {
		t.Fatalf("report: exit %d, %q", code, errs)
	}
	for _, c := range []struct{ history, report string }{
		{"Sessions: 2 stretch sessions", "Stretch sessions: 2 (plan"},
		{"Ice and heat: 0 ice packs, 1 heat pack.", "Ice, heat: 0 ice, 1 heat"},
		{"Knee to chest                6 reps per side (1 step up)", "+1 step           "},
	} {
		if !strings.Contains(hist, c.history) || !strings.Contains(rep, c.report) {
			t.Errorf("history says %q: %v; the report %q: %v\nhistory:\n%s\nreport:\n%s", c.history, strings.Contains(hist, c.history),
				c.report, strings.Contains(rep, c.report), hist, rep)
		}
	}
	if want := "Heat: 1 application, and 1 more under a minute on that does not count."; !strings.Contains(rep, want) {
		t.Errorf("the report does not say the short heat does not count (%q):\n%s", want, rep)
	}
}

// A history with nothing in it: one line, exit 1, no file (a report of
// nothing said "0 of 42 days", which reads as 42 days missed).
func TestReportOfAnEmptyRecordWritesNothing(t *testing.T) {
	home := t.TempDir()
	dir := t.TempDir()
	t.Chdir(dir)
	for _, args := range [][]string{{"report"}, {"report", "--plain"}, {"report", "--json"}} {
		code, out, errs := runCLI(t, home, args...)
		if code != 1 || out != "" || !strings.HasPrefix(errs, "unknot: nothing to report yet: the history in ") ||
			strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	onlyFiles(t, dir)
}
