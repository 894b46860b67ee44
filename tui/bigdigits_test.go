package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestBigDigits(t *testing.T) {
	got := BigDigits("10")
	want := "  ██   ██████\n" +
		"████   ██  ██\n" +
		"  ██   ██  ██\n" +
		"  ██   ██  ██\n" +
		"██████ ██████"
	if got != want {
		t.Fatalf("BigDigits(10) =\n%s\nwant\n%s", got, want)
	}
	for _, s := range []string{"0", "7", "59", "1:05"} {
		out := BigDigits(s)
		if n := strings.Count(out, "\n") + 1; n != BigRows {
			t.Errorf("%q: %d rows, want %d", s, n, BigRows)
		}
		if w := lipgloss.Width(out); w != BigWidth(s) {
			t.Errorf("%q: width %d, BigWidth says %d", s, w, BigWidth(s))
		}
	}
}
