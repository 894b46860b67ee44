package main

import (
	"strings"
	"testing"
)

// `unknot safety` through a pipe: the signs that need help now first, with
// the emergency number and where each comes from; lines wrapped on words
// at 80 columns.
func TestSafetyCommand(t *testing.T) {
	code, out, errs := runCLI(t, t.TempDir(), "safety")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "Get help now\nCall your emergency number (999 in the UK, 112 in Europe") {
		t.Errorf("safety does not begin with the help now:\n%s", out)
	}
	for _, want := range []string{"bladder or bowels", "See a doctor soon", "Where this comes from",
		"002: How to Treat Muscle Spasms in the Back? (an article)", "https://www.nhs.uk/conditions/back-pain/"} {
		if !strings.Contains(out, want) && !strings.Contains(strings.ReplaceAll(out, "\n    ", " "), strings.ReplaceAll(want, "\n    ", " ")) {
			t.Errorf("safety lacks %q:\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("a line of %d columns: %q", len([]rune(l)), l)
		}
	}
}
