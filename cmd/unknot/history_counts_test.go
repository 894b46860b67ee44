package main

import (
	"regexp"
	"strings"
	"testing"
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
		for _, want := range []string{`(?m)^  arm-raise +\d+ reps in 1 session$`, `(?m)^  shoulder-rolls +60 reps in 2 sessions$`} {
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
		if code != 0 || strings.Count(out, ",shoulder-rolls,,10,10,,,,forward\n") != 3 || strings.Count(out, ",shoulder-rolls,,10,10,,,,back\n") != 3 {
			t.Errorf("history --csv: exit %d, want shoulder rolls forward and back, 3 times each:\n%s", code, out)
		}
		code, out, errOut = runCLIIn(t, home, "", "report", "--plain", "-o", "-")
		if code != 0 || !regexp.MustCompile(`Shoulder rolls +2 +60 / 60 `).MatchString(out) {
			t.Errorf("report: exit %d\n%s%s", code, out, errOut)
		}
	})
}
