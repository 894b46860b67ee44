package tui

import (
	"slices"
	"strings"
	"testing"
)

// Navigation is a pure function of the stack, whether the top screen is
// busy, and the key: every case a person meets, as key sequences.
func TestNavigate(t *testing.T) {
	H, S, B, R, P, F := PageHome, PageSession, PageBreathe, PageReview, PagePick, PageSafety
	cases := []struct {
		name  string
		stack []Page
		busy  bool
		keys  string // space-separated
		want  []Page
	}{
		{"b from home breathes at once", []Page{H}, false, "b", []Page{H, B}},
		{"s starts the session", []Page{H}, false, "s", []Page{H, S}},
		{"h opens the history", []Page{H}, false, "h", []Page{H, R}},
		{"p picks routines", []Page{H}, false, "p", []Page{H, P}},
		{"! opens safety from home", []Page{H}, false, "!", []Page{H, F}},
		{"q on home ends the program", []Page{H}, false, "q", []Page{}},
		{"esc on home does not quit", []Page{H}, false, "esc esc", []Page{H}},
		{"esc from a screen comes home, and stops there", []Page{H}, false, "h esc esc", []Page{H}},
		{"history then back is home", []Page{H}, false, "h q", []Page{H}},
		{"history, esc, safety, esc", []Page{H}, false, "h esc ! esc", []Page{H}},
		{"a busy screen keeps q", []Page{H, B}, true, "q", []Page{H, B}},
		{"a busy screen keeps every letter", []Page{H, S}, true, "b s h ! esc", []Page{H, S}},
		{"the closing screen's q goes home", []Page{H, B}, false, "q", []Page{H}},
		{"a command's own screen: q ends it all", []Page{B}, false, "q", []Page{}},
		{"letters mean nothing off home", []Page{R}, false, "b s h p", []Page{R}},
		{"safety from the review, then back to it", []Page{H, R}, false, "!", []Page{H, R, F}},
		{"safety does not open twice", []Page{H, F}, false, "!", []Page{H, F}},
		{"other keys leave the stack", []Page{H}, false, "x up down enter n", []Page{H}},
		{"an empty stack stays empty", []Page{}, false, "b q", []Page{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := slices.Clone(c.stack)
			for _, k := range strings.Fields(c.keys) {
				st = Navigate(st, c.busy, k)
			}
			if !slices.Equal(st, c.want) {
				t.Errorf("%v + %q = %v, want %v", c.stack, c.keys, st, c.want)
			}
		})
	}
}

// Navigate never changes the stack it was given.
func TestNavigateLeavesItsInputAlone(t *testing.T) {
	st := make([]Page, 1, 4)
	st[0] = PageHome
	a := Navigate(st, false, "b")
	b := Navigate(st, false, "h")
	if a[1] != PageBreathe || b[1] != PageReview || len(st) != 1 {
		t.Errorf("stacks share memory: %v %v %v", st, a, b)
	}
}
