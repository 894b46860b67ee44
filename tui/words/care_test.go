package words

import (
	"strings"
	"testing"
)

// `unknot care --sources` wraps on words at the width given (the
// terminal's, or 80): no line longer, no word broken, every entry a
// hanging indent (its first line two spaces in, the lines it wraps onto
// four), and the safety rules are there.
func TestCareSourcesWrapWithAHangingIndent(t *testing.T) {
	whole := strings.Join(strings.Fields(strings.Join(CareSources(0), " ")), " ")
	for _, width := range []int{80, 60, 40} {
		lines := CareSources(width)
		if got := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); got != whole {
			t.Errorf("at %d columns the words changed:\n%s", width, strings.Join(lines, "\n"))
		}
		entries, hung := 0, 0
		for i, l := range lines {
			if n := len([]rune(l)); n > width && strings.Contains(strings.TrimSpace(l), " ") {
				t.Errorf("at %d: a line of %d columns: %q", width, n, l)
			}
			switch {
			case strings.HasPrefix(l, "    "):
				hung++
				if i == 0 || !strings.HasPrefix(lines[i-1], "  ") {
					t.Errorf("at %d: a continuation line under no entry: %q", width, l)
				}
			case strings.HasPrefix(l, "  "):
				entries++
				if strings.HasPrefix(l, "   ") {
					t.Errorf("at %d: an entry's first line indented more than two: %q", width, l)
				}
			}
		}
		if entries != 10 || hung == 0 {
			t.Errorf("at %d: %d entries, %d continuation lines; want 10 and some:\n%s", width, entries, hung, strings.Join(lines, "\n"))
		}
		text := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
		for _, want := range []string{"What each article says about cold and heat:", "Where they differ:", "Safety:", "unknot sources"} {
			if !strings.Contains(text, want) {
				t.Errorf("at %d: no %q", width, want)
			}
		}
	}
}
