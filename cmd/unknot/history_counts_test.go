package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// A routine with directions (shoulder rolls: forward, then back) is two
// exercises of one session, and a session may list a routine twice: each
// such session counts once for the routine, in `history` as in the report.
// The direction of each exercise is kept, and exported.
func TestHistoryCountsASessionOnceForARoutineWithDirections(t *testing.T) {
	onFakeClock(t, func(t *testing.T) {
		home := t.TempDir()
		code, out, errOut := runCLIIn(t, home, "", "session", "--plain", "--no-checkin", "--sound", "off",
			"-r", "arm-raise", "-r", "shoulder-rolls")
		if code != 0 || !strings.Contains(out, "Shoulder rolls: done.") {
			t.Fatalf("session: exit %d\n%s%s", code, out, errOut)
		}
		code, out, errOut = runCLIIn(t, home, "", "session", "--plain", "--no-checkin", "--sound", "off",
			"-r", "shoulder-rolls", "-r", "shoulder-rolls")
		if code != 0 {
			t.Fatalf("second session: exit %d\n%s%s", code, out, errOut)
		}
		code, out, errOut = runCLIIn(t, home, "", "history", "--plain")
		if code != 0 {
			t.Fatalf("history: exit %d\n%s", code, errOut)
		}
		for _, want := range []string{`(?m)^  Arm raise +\d+ reps in 1 session$`, `(?m)^  Shoulder rolls +60 reps in 2 sessions$`} {
			if !regexp.MustCompile(want).MatchString(out) {
				t.Errorf("history lacks %s:\n%s", want, out)
			}
		}
		// Each direction is kept with its exercise, and exported.
		code, out, _ = runCLIIn(t, home, "", "history", "--json")
		if code != 0 || strings.Count(out, `{"routine":"shoulder-rolls","side":"","direction":"forward","reps_done":10,"reps_planned":10}`) != 3 ||
			strings.Count(out, `{"routine":"shoulder-rolls","side":"","direction":"back","reps_done":10,"reps_planned":10}`) != 3 {
			t.Errorf("history --json: exit %d, want shoulder rolls forward and back, 3 times each:\n%s", code, out)
		}
		code, out, _ = runCLIIn(t, home, "", "history", "--csv")
		if code != 0 || strings.Count(out, ",shoulder-rolls,,10,10,,,,forward,\n") != 3 || strings.Count(out, ",shoulder-rolls,,10,10,,,,back,\n") != 3 {
			t.Errorf("history --csv: exit %d, want shoulder rolls forward and back, 3 times each:\n%s", code, out)
		}
		code, out, errOut = runCLIIn(t, home, "", "report", "--plain", "-o", "-")
		if code != 0 || !regexp.MustCompile(`Shoulder rolls +2 +60 / 60 `).MatchString(out) {
			t.Errorf("report: exit %d\n%s%s", code, out, errOut)
		}
	})
}

// Breathing runs ask the check-ins too: the pain "within a session" rests
// on both kinds, and says so, in `history` and in the report alike.
func TestPainWithinASessionSaysWhichRunsItRestsOn(t *testing.T) {
	home := t.TempDir()
	var lines []string
	today := time.Now().UTC().Truncate(24 * time.Hour)
	for d := 1; d <= 30; d++ {
		start := today.AddDate(0, 0, -d).Add(8 * time.Hour)
		lines = append(lines,
			fmt.Sprintf(`{"kind":"session","started_at":%q,"ended_at":%q,"status":"completed","pain_before":5,"pain_after":3,"exercises":[{"routine":"arm-raise","side":"","reps_done":5,"reps_planned":5}]}`,
				start.Format(time.RFC3339), start.Add(5*time.Minute).Format(time.RFC3339)),
			fmt.Sprintf(`{"kind":"breathe","started_at":%q,"ended_at":%q,"status":"completed","pain_before":6,"pain_after":4,"breaths":30}`,
				start.Add(12*time.Hour).Format(time.RFC3339), start.Add(12*time.Hour+5*time.Minute).Format(time.RFC3339)))
	}
	file := filepath.Join(t.TempDir(), "runs.jsonl")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, home, "history", "import", file); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	const both = "60 runs with both check-ins: 30 stretch sessions, 30 breathing runs"
	code, out, _ := runCLI(t, home, "history", "--plain")
	if code != 0 || !strings.Contains(out, "Pain: 5.5 before and 3.5 after, on average over "+both+".\n") {
		t.Errorf("history: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, home, "report", "--plain", "-o", "-")
	if code != 0 || !strings.Contains(out, "Stretch sessions: 30") ||
		!strings.Contains(out, "Pain within a session: 5.5 before, 3.5 after on average: 2.0 lower ("+both+")\n") {
		t.Errorf("report: exit %d\n%s", code, out)
	}
}
