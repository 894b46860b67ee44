package main

import (
	"strings"
	"testing"

	"github.com/unknot/unknot/routines"
)

// Sources are named wherever they are cited: `unknot sources` lists every
// one, `routines show` and `care --sources` name the ones they cite.
func TestSourcesNamed(t *testing.T) {
	home := t.TempDir()
	code, out, errs := runCLI(t, home, "sources")
	if code != 0 || errs != "" {
		t.Fatalf("sources: exit %d: %s", code, errs)
	}
	for _, s := range routines.Sources {
		if !strings.Contains(out, s.Title) || (s.Public() && !strings.Contains(out, s.URL)) {
			t.Errorf("`unknot sources` does not name %s (%q):\n%s", s.ID, s.Title, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("a line of %d columns: %q", len([]rune(l)), l)
		}
	}
	_, show, _ := runCLI(t, home, "routines", "show", "lying-twist")
	if !strings.Contains(show, "000: Take These Steps When You Have Back Spasms") || !strings.Contains(show, "002: How to Treat Muscle Spasms in the Back?") {
		t.Errorf("routines show does not name its sources:\n%s", show)
	}
	_, care, _ := runCLI(t, home, "care", "--sources")
	flat := strings.Join(strings.Fields(care), " ") // wrapped at 80 columns
	for _, want := range []string{"001 (Lower Back Spasms). Cold:", "003 (How to Treat a Back Spasm)", "(000 “Take These Steps When You Have Back Spasms”"} {
		if !strings.Contains(flat, want) {
			t.Errorf("care --sources lacks %q:\n%s", want, care)
		}
	}
}
