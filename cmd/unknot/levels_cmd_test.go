package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A level past what a routine allows now (an import, or a file since
// changed; import refuses only what no routine allows) is said as the
// level the session uses: the nearest the routine allows, not "40 steps
// up" beside the amount of the fifth.
func TestHistoryLevelsAreSaidAsUsed(t *testing.T) {
	home := t.TempDir()
	file := filepath.Join(t.TempDir(), "levels.json")
	doc := `{"format":"unknot-history","version":3,"sessions":[
{"id":1,"kind":"session","started_at":"2025-03-01T08:00:00+01:00","ended_at":"2025-03-01T08:09:00+01:00","status":"completed","pain_before":null,"pain_after":null,"breaths":0,"exercises":[{"routine":"knee-to-chest","side":"left","reps_done":4,"reps_planned":4},{"routine":"arm-raise","side":"","reps_done":1,"reps_planned":1}],"levels":{"knee-to-chest":40,"arm-raise":-5}}
],"episodes":[]}`
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, home, "history", "import", file); code != 0 {
		t.Fatalf("import: exit %d, %q %q", code, out, errs)
	}
	code, out, _ := runCLI(t, home, "history")
	if code != 0 || !strings.Contains(out, "10 reps per side (5 steps up)") || !strings.Contains(out, "1 rep (4 steps back)") {
		t.Errorf("history: exit %d\n%s", code, out)
	}
	if strings.Contains(out, "40 steps") || strings.Contains(out, "5 steps back") {
		t.Errorf("a level past the routine's range is said as recorded:\n%s", out)
	}
}
