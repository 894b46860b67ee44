package words

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The safety page as `unknot safety` prints it through a pipe, at 80
// columns: kept in testdata/safety_80.txt (UNKNOT_UPDATE_GOLDEN=1 writes
// it again). Every line fits, and every word is whole.
func TestSafetyTextGolden(t *testing.T) {
	var b strings.Builder
	if err := WriteSafety(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	path := filepath.Join("testdata", "safety_80.txt")
	if os.Getenv("UNKNOT_UPDATE_GOLDEN") != "" {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (write it with UNKNOT_UPDATE_GOLDEN=1 go test ./tui/words)", err)
	}
	if got != string(want) {
		t.Errorf("unknot safety differs from %s:\n%s", path, got)
	}
	for _, l := range strings.Split(got, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("a line of %d columns: %q", n, l)
		}
	}
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(SafetyText(0)), " ") {
		t.Error("wrapping at 80 columns changed the words (a word broken?)")
	}
}

func TestWrapKeepsWordsWhole(t *testing.T) {
	got := Wrap("a verylongwordthatdoesnotfit b c", 10, "- ", "  ")
	want := []string{"- a", "  verylongwordthatdoesnotfit", "  b c"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
}
