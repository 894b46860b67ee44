package tui

import (
	"strings"
	"testing"
)

func TestCheckInKeys(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		done  bool
		score int // -1: no score
	}{
		{"digit then enter", []string{"7", "enter"}, true, 7},
		{"one then zero is ten", []string{"1", "0", "enter"}, true, 10},
		{"zero alone is zero", []string{"0", "enter"}, true, 0},
		{"later digit replaces", []string{"3", "6", "enter"}, true, 6},
		{"arrows start from the middle", []string{"right", "enter"}, true, 5},
		{"left from the middle", []string{"left", "left", "enter"}, true, 3},
		{"arrows stop at ten", []string{"9", "right", "right", "enter"}, true, 10},
		{"arrows stop at zero", []string{"0", "left", "enter"}, true, 0},
		{"enter with nothing chosen waits", []string{"enter"}, false, -1},
		{"s does not skip (s is sound while pacing)", []string{"4", "s"}, false, -1},
		{"esc skips", []string{"esc"}, true, -1},
		{"keys after done are ignored", []string{"2", "enter", "9"}, true, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCheckIn()
			for _, k := range tc.keys {
				c = c.Update(keyMsg(k))
			}
			if c.Done() != tc.done {
				t.Fatalf("done = %v, want %v", c.Done(), tc.done)
			}
			got := c.Score()
			switch {
			case tc.score < 0 && got != nil:
				t.Errorf("score = %d, want none", *got)
			case tc.score >= 0 && (got == nil || *got != tc.score):
				t.Errorf("score = %v, want %d", got, tc.score)
			}
		})
	}
}

func TestCheckInViewMarksChoiceWithoutColour(t *testing.T) {
	ctx := NewContext(Options{Theme: "dark"})
	c := NewCheckIn().Update(keyMsg("6"))
	v := c.View(ctx, 80)
	if !strings.Contains(v, "[6]") || !strings.Contains(v, CheckInQuestion) {
		t.Errorf("view lacks the marked choice or the question:\n%s", v)
	}
	if v := c.View(ctx, 30); !strings.Contains(v, "0 ... 10: ") || !strings.Contains(v, "6") {
		t.Errorf("narrow view lacks the chosen number:\n%s", v)
	}
}
