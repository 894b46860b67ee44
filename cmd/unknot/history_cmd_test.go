package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/routines/record"
)

// seedHistory records two sessions in home's history.
func seedHistory(t *testing.T, home string) {
	t.Helper()
	s, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	loc := time.FixedZone("X", 3600)
	before, after := 6, 3
	r, err := s.Start(history.KindSession, time.Date(2025, 3, 1, 8, 0, 0, 0, loc),
		[]history.Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 3}}, &before)
	if err != nil {
		t.Fatal(err)
	}
	r.SetReps("knee-to-chest", "left", 3)
	r.Finish(time.Date(2025, 3, 1, 8, 5, 0, 0, loc), history.Completed)
	r.SetPainAfter(after)
	b, err := s.Start(history.KindBreathe, time.Date(2025, 3, 2, 22, 0, 0, 0, loc), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.SetBreaths(12)
	b.Finish(time.Date(2025, 3, 2, 22, 2, 0, 0, loc), history.Stopped)
}

func TestHistoryExportAndImportThroughTheCommandLine(t *testing.T) {
	home := t.TempDir()
	seedHistory(t, home)
	code, out, errs := runCLI(t, home, "history", "--json")
	if code != 0 || errs != "" {
		t.Fatalf("--json: exit %d, %q", code, errs)
	}
	if !strings.HasPrefix(out, "{\"format\":\"unknot-history\",\"version\":5,\n\"sessions\":[\n{\"id\":1,\"kind\":\"session\",\"started_at\":\"2025-03-01T08:00:00+01:00\"") {
		t.Errorf("--json:\n%s", out)
	}
	code, csv, _ := runCLI(t, home, "history", "--csv", "--since", "2025-03-02")
	if code != 0 || csv != "id,kind,started_at,ended_at,status,pain_before,pain_after,breaths,routine,side,reps_done,reps_planned,stopped_for_pain_at_rep,pattern,safety_opened_at,direction,never_on\n"+
		"2,breathe,2025-03-02T22:00:00+01:00,2025-03-02T22:02:00+01:00,stopped,,,12,,,,,,,,,\n" {
		t.Errorf("--csv --since: exit %d\n%s", code, csv)
	}

	file := filepath.Join(t.TempDir(), "back.json")
	if err := os.WriteFile(file, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	code, msg, errs := runCLI(t, other, "history", "import", file)
	if code != 0 || msg != "Imported 2 sessions from "+file+".\n" {
		t.Errorf("import: exit %d, %q %q", code, msg, errs)
	}
	code, msg, _ = runCLI(t, other, "history", "import", file)
	if code != 0 || msg != "Imported 0 sessions from "+file+"; skipped 2 sessions already present.\n" {
		t.Errorf("second import: exit %d, %q", code, msg)
	}
	if code, again, _ := runCLI(t, other, "history", "--json"); code != 0 || again != out {
		t.Errorf("export after import:\n%s\nwant:\n%s", again, out)
	}

	// The same sessions, one of them with another check-in after: skipped
	// and said, the history's kept.
	changed := filepath.Join(t.TempDir(), "changed.json")
	if !strings.Contains(out, `"pain_after":3,`) {
		t.Fatalf("the export has no pain after of 3:\n%s", out)
	}
	if err := os.WriteFile(changed, []byte(strings.Replace(out, `"pain_after":3,`, `"pain_after":9,`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, msg, _ = runCLI(t, other, "history", "import", changed)
	if code != 0 || msg != "Imported 0 sessions from "+changed+"; skipped 2 sessions already present (1 of them differs from the file: the history's is kept).\n" {
		t.Errorf("import of a changed file: exit %d, %q", code, msg)
	}
	if code, again, _ := runCLI(t, other, "history", "--json"); code != 0 || again != out {
		t.Errorf("export after importing a changed file:\n%s\nwant the history as it was:\n%s", again, out)
	}
}

func TestHistorySummary(t *testing.T) {
	home := t.TempDir()
	code, out, _ := runCLI(t, home, "history")
	if code != 0 || !strings.Contains(out, "No sessions yet") {
		t.Errorf("empty: exit %d, %q", code, out)
	}
	seedHistory(t, home)
	code, out, _ = runCLI(t, home, "history")
	for _, want := range []string{"Streak:", "Knee to chest (left)", "3 reps in 1 session",
		"Pain: 6.0 before and 3.0 after", "2025-03-02 22:00  breathe  stopped     12 breaths"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("summary (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
}

func TestHistoryBadInputExitsTwo(t *testing.T) {
	garbage := t.TempDir()
	if err := os.WriteFile(filepath.Join(garbage, "history.db"), []byte(strings.Repeat("not a database\n", 50)), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("[\n{\"kind\":\"breathe\",\"started_at\":\"2025-01-01T07:00:00Z\",\"status\":\"fine\"}\n]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	spasm := filepath.Join(t.TempDir(), "spasm.json")
	if err := os.WriteFile(spasm, []byte(`{"format":"unknot-history","version":4,"sessions":[],"episodes":[`+"\n"+
		`{"began_at":"2099-12-04T00:00:00Z","day_only":true,"or_earlier":false,"recorded_at":"2026-12-03T08:00:00Z"}]}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	level := filepath.Join(t.TempDir(), "level.json")
	if err := os.WriteFile(level, []byte(`{"format":"unknot-history","version":4,"sessions":[`+"\n"+
		`{"kind":"session","started_at":"2026-03-02T08:00:00Z","ended_at":"2026-03-02T08:05:00Z","status":"completed","exercises":[{"routine":"arm-raise","side":"","reps_done":5,"reps_planned":5}],"levels":{"arm-raise":1000}}]}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, home string
		args       []string
		want       string
	}{
		{"spasm in the future", "", []string{"history", "import", spasm}, spasm + `:2:1: episode 1: "began_at" is 2099-12-04T00:00:00Z, in the future; a spasm can only be recorded once it has begun; nothing was imported`},
		{"level past any routine", "", []string{"history", "import", level}, level + `:2:1: session 1: "levels": "arm-raise" is at level 1000; no routine goes more than 49 steps`},
		{"bad date", "", []string{"history", "--json", "--since", "1/2/2025"}, `--since: "1/2/2025" is not a date`},
		{"both formats", "", []string{"history", "--json", "--csv"}, "history: --json and --csv both set; give one of them"},
		{"garbage file", garbage, []string{"history", "--json"}, "not an unknot history"},
		{"no such file", "", []string{"history", "import", "/nonexistent/x.json"}, "no such file"},
		{"bad file", "", []string{"history", "import", bad}, bad + `:2:1: session 1: "status" is "fine"`},
		{"no file", "", []string{"history", "import"}, "history import: FILE.json missing; usage: unknot history import FILE.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(t, tc.home, tc.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q)", code, out)
			}
			if !strings.Contains(errs, tc.want) || strings.Count(errs, "\n") != 1 {
				t.Errorf("stderr %q, want one line with %q", errs, tc.want)
			}
		})
	}
}

// `unknot history` off a screen lists each routine's level now, as the
// review does.
func TestHistorySummaryListsLevels(t *testing.T) {
	home := t.TempDir()
	j := history.NewJournal(home, func() (*history.Store, error) { return history.Open(home) })
	start := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	e := j.Begin(routines.KindSession, start, []history.Exercise{
		{Routine: "knee-to-chest", Side: "left", RepsPlanned: 7}, {Routine: "knee-to-chest", Side: "right", RepsPlanned: 7}}, nil)
	e.SetLevel("knee-to-chest", 2)
	e.SetReps(0, 7)
	e.SetReps(1, 7)
	e.Finish(start.Add(5*time.Minute), routines.Completed)
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %s", c.Message())
	}
	code, out, _ := runCLI(t, home, "history")
	if code != 0 || !strings.Contains(out, "Levels now:\n") ||
		!strings.Contains(out, "Knee to chest                7 reps per side (2 steps up)") {
		t.Errorf("history (exit %d) lacks the level of knee-to-chest:\n%s", code, out)
	}
}

// `unknot history` leaves runs with nothing done out of its list and says
// how many; --all lists them.
func TestHistoryHidesEmptyRuns(t *testing.T) {
	home := t.TempDir()
	seedHistory(t, home)
	s, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		at := time.Date(2025, 3, 3, 7, i, 0, 0, time.UTC)
		b, err := s.Start(history.KindBreathe, at, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		b.Finish(at.Add(time.Second), history.Stopped)
	}
	s.Close()
	code, out, errs := runCLI(t, home, "history")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.Count(out, "breathe ") != 1 || !strings.Contains(out, "3 runs with nothing done are not listed (history --all lists them).") {
		t.Errorf("history:\n%s", out)
	}
	_, all, _ := runCLI(t, home, "history", "--all")
	if strings.Count(all, "breathe ") != 4 || strings.Contains(all, "nothing done") {
		t.Errorf("history --all:\n%s", all)
	}
}

// The restore a new user tries: export, import in a new home. The
// routine's level and the spasm's start come back, so progression goes on
// and the care plan does not ask again.
func TestHistoryRestoreKeepsLevelsAndTheSpasm(t *testing.T) {
	home := t.TempDir()
	j := history.NewJournal(home, func() (*history.Store, error) { return history.Open(home) })
	start := time.Now().Add(-2 * time.Hour)
	e := j.Begin(routines.KindSession, start, []routines.Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 6}}, nil)
	e.SetLevel("knee-to-chest", 1)
	e.SetReps(0, 6)
	e.Finish(start.Add(5*time.Minute), routines.Completed)
	if c := j.Close(5 * time.Second); !c.Saved {
		t.Fatalf("not saved: %+v", c)
	}
	s, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordEpisode(routines.Episode{Began: time.Now().Add(-3 * time.Hour)}, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	_, out, _ := runCLI(t, home, "history", "--json")
	file := filepath.Join(t.TempDir(), "back.json")
	os.WriteFile(file, []byte(out), 0o600)
	other := t.TempDir()
	code, msg, errs := runCLI(t, other, "history", "import", file)
	if code != 0 || msg != "Imported 1 session and 1 spasm start from "+file+".\n" {
		t.Fatalf("import: exit %d, %q %q", code, msg, errs)
	}
	code, msg, errs = runCLI(t, other, "history", "import", file)
	if code != 0 || msg != "Imported 0 sessions and 0 spasm starts from "+file+"; skipped 1 session and 1 spasm start already present.\n" {
		t.Errorf("import again: exit %d, %q %q", code, msg, errs)
	}
	r, err := history.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	lv, err := r.Levels([]string{"knee-to-chest"})
	r.Close()
	if err != nil || lv["knee-to-chest"] != 1 {
		t.Errorf("restored level %v, %v; want knee-to-chest 1", lv, err)
	}
	_, plan, _ := runCLI(t, other, "care", "--plain")
	if !strings.Contains(plan, "The spasm began") || strings.Contains(plan, routines.OnsetQuestion) || strings.Contains(plan, "No start of this spasm") {
		t.Errorf("the care plan after the restore:\n%s", plan)
	}
}

// The import's message counts sessions and spasm starts apart, each in
// its own words, added and skipped; spasm starts only when the file has any.
func TestImportMessageCountsSessionsAndSpasmStartsApart(t *testing.T) {
	for _, c := range []struct {
		res  history.Imported
		want string
	}{
		{history.Imported{Added: 12, Episodes: 1}, "Imported 12 sessions and 1 spasm start from F."},
		{history.Imported{Added: 1, Episodes: 2}, "Imported 1 session and 2 spasm starts from F."},
		{history.Imported{Added: 3}, "Imported 3 sessions from F."},
		{history.Imported{Added: 0}, "Imported 0 sessions from F."},
		{history.Imported{Added: 2, Skipped: 1}, "Imported 2 sessions from F; skipped 1 session already present."},
		{history.Imported{Added: 2, EpisodesSkipped: 1}, "Imported 2 sessions and 0 spasm starts from F; skipped 1 spasm start already present."},
		{history.Imported{Skipped: 5, EpisodesSkipped: 2}, "Imported 0 sessions and 0 spasm starts from F; skipped 5 sessions and 2 spasm starts already present."},
		{history.Imported{Added: 4, Skipped: 1, Episodes: 1, EpisodesSkipped: 1}, "Imported 4 sessions and 1 spasm start from F; skipped 1 session and 1 spasm start already present."},
		{history.Imported{Skipped: 3, Differ: 1}, "Imported 0 sessions from F; skipped 3 sessions already present (1 of them differs from the file: the history's is kept)."},
		{history.Imported{Skipped: 3, Differ: 2}, "Imported 0 sessions from F; skipped 3 sessions already present (2 of them differ from the file: the history's are kept)."},
		{history.Imported{Skipped: 1, Differ: 1}, "Imported 0 sessions from F; skipped 1 session already present (it differs from the file: the history's is kept)."},
		{history.Imported{Skipped: 2, Differ: 2}, "Imported 0 sessions from F; skipped 2 sessions already present (all of them differ from the file: the history's are kept)."},
		{history.Imported{Skipped: 3, Differ: 1, EpisodesSkipped: 1}, "Imported 0 sessions and 0 spasm starts from F; skipped 3 sessions and 1 spasm start already present (1 of the sessions differs from the file: the history's is kept)."},
	} {
		if got := importMessage(c.res, "F"); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.res, got, c.want)
		}
	}
}

// --since after today is refused, one line, exit 2, however the history is
// asked for; a past date with nothing since says so, naming the date.
func TestHistorySinceFutureRefusedAndNothingSinceSaid(t *testing.T) {
	home := t.TempDir()
	seedHistory(t, home)
	for _, args := range [][]string{
		{"history", "--since", "2999-01-01"},
		{"history", "--plain", "--since", "2999-01-01"},
		{"history", "--json", "--since", "2999-01-01"},
		{"history", "--csv", "--since", "2999-01-01"},
	} {
		code, out, errs := runCLI(t, home, args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 ||
			!strings.HasPrefix(errs, "unknot: --since 2999-01-01 is after today (") ||
			!strings.HasSuffix(errs, "), in the future: give a date up to today\n") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want one line saying the date is in the future, exit 2", args, code, out, errs)
		}
	}
	for _, c := range []struct{ home, since string }{{home, "2025-03-03"}, {t.TempDir(), "2020-01-01"}} {
		code, out, errs := runCLI(t, c.home, "history", "--plain", "--since", c.since)
		if want := "No sessions since " + c.since + ".\n"; code != 0 || out != want || errs != "" {
			t.Errorf("--since %s: exit %d, stdout %q, stderr %q; want %q", c.since, code, out, errs, want)
		}
	}
	code, out, _ := runCLI(t, home, "history", "--plain", "--since", "2025-03-02")
	if code != 0 || !strings.Contains(out, "1 breathing run") || strings.Contains(out, "No sessions") {
		t.Errorf("--since 2025-03-02: exit %d:\n%s", code, out)
	}
}

// parseSince takes today and every day before it, and refuses tomorrow
// saying what today is.
func TestParseSinceRefusesTheFuture(t *testing.T) {
	today := record.Day("2026-12-04")
	for _, c := range []struct{ in, want string }{
		{"2026-12-04", "2026-12-04"},
		{"2026-12-03", "2026-12-03"},
		{"1999-01-01", "1999-01-01"},
		{"2026-12-05", "--since 2026-12-05 is after today (2026-12-04), in the future: give a date up to today"},
		{"2030-01-01", "--since 2030-01-01 is after today (2026-12-04), in the future: give a date up to today"},
		{"2026-12-32", `--since: "2026-12-32" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01`},
	} {
		d, err := parseSince(c.in, today)
		got := string(d)
		if err != nil {
			got = err.Error()
			if exitCode(err) != 2 {
				t.Errorf("%s: exit status %d, want 2", c.in, exitCode(err))
			}
		}
		if got != c.want {
			t.Errorf("parseSince(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A history of runs with nothing done only still says they are there and
// how to list them, as it does beside other runs.
func TestHistoryOfEmptyRunsOnlySaysSo(t *testing.T) {
	home := t.TempDir()
	s, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 3, 7, 0, 0, 0, time.UTC)
	r, err := s.Start(history.KindSession, at, []history.Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 3}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Finish(at.Add(3*time.Second), history.Stopped)
	s.Close()
	code, out, errs := runCLI(t, home, "history")
	if code != 0 || out != "No sessions yet. Start one with `unknot session` or `unknot breathe`.\n"+
		"1 run with nothing done is not listed (history --all lists it).\n" {
		t.Errorf("history: exit %d %q\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, home, "history", "--since", "2025-03-01")
	if code != 0 || out != "No sessions since 2025-03-01.\n1 run with nothing done is not listed (history --all lists it).\n" {
		t.Errorf("history --since: exit %d\n%s", code, out)
	}
	if code, out, _ = runCLI(t, home, "history", "--all"); code != 0 || !strings.Contains(out, "stopped     0 of 3 reps, 3 s") {
		t.Errorf("history --all: exit %d\n%s", code, out)
	}
}

// `unknot history` writes how long each run took as a length, never as
// m:ss nor Go's 2m37s, and marks the ice that does not count by the care
// plan's one rule, as its count leaves it out.
func TestHistoryListsLengthsAndMarksIceThatDidNotCount(t *testing.T) {
	home := t.TempDir()
	seedHistory(t, home)
	s, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)
	for _, took := range []time.Duration{63 * time.Second, 6 * time.Second} {
		r, err := s.Start(history.KindIce, at, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		r.Finish(at.Add(took), history.Stopped)
		at = at.Add(time.Hour)
	}
	s.Close()
	code, out, _ := runCLI(t, home, "history")
	for _, want := range []string{"Ice and heat: 1 ice pack, 0 heat packs.\n",
		"  2025-03-03 10:00  ice      stopped     6 s, not counted (under 1 min)\n",
		"  2025-03-03 09:00  ice      stopped     1 min 3 s\n",
		"  2025-03-01 08:00  session  completed   3 of 3 reps, 5 min, pain 6 → 3\n",
		"  2025-03-02 22:00  breathe  stopped     12 breaths, 2 min\n"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("history (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
}
