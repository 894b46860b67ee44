package tui

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// wrapWords folds on words and takes a word down with a last one left
// alone.
func TestWrapWordsLeavesNoWordAlone(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  string
	}{
		{"9 rolls per direction instead of 10.", 33, "9 rolls per direction instead\nof 10."},
		{"9 rolls per direction instead of 10.", 40, "9 rolls per direction instead of 10."},
		{"one two three", 8, "one two\nthree"},               // the line above would be left with one word
		{"a verylongwordindeed", 6, "a\nverylongwordindeed"}, // a word longer than the line has one of its own
	}
	for _, c := range cases {
		if got := wrapWords(lipgloss.NewStyle(), c.width, c.text); got != c.want {
			t.Errorf("wrapWords(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
