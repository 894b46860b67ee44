package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
)

func TestCheckInKeys(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		done  bool
		score int // -1: no score
	}{
		{"digit then enter", []string{"7", "enter"}, true, 7},
		{"one then zero at once is ten", []string{"1", "0", "enter"}, true, 10},
		{"one, another digit, zero is zero", []string{"1", "2", "0", "enter"}, true, 0},
		{"one, one, zero is ten", []string{"1", "1", "0", "enter"}, true, 10},
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
			at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
			for _, k := range tc.keys {
				c = c.UpdateAt(at, keyMsg(k)) // keys typed together
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
	c := NewCheckIn().UpdateAt(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), keyMsg("6"))
	v := c.View(ctx, 80)
	if !strings.Contains(v, "[6]") || !strings.Contains(v, CheckInQuestion) {
		t.Errorf("view lacks the marked choice or the question:\n%s", v)
	}
	if v := c.View(ctx, 30); !strings.Contains(v, "0 ... 10: ") || !strings.Contains(v, "6") {
		t.Errorf("narrow view lacks the chosen number:\n%s", v)
	}
}

// "1" then "0" is 10 only when typed as one number: a 0 that comes later
// than TenWithin after the 1 puts the answer right, to 0. Timed on the
// clock passed in, never by counting keys or ticks.
func TestCheckInTenOnlyWhenTypedTogether(t *testing.T) {
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		gap   time.Duration
		score int
	}{
		{"at once", 0, 10},
		{"quickly", 300 * time.Millisecond, 10},
		{"just in time", TenWithin, 10},
		{"just too late", TenWithin + time.Millisecond, 0},
		{"15 s later", 15 * time.Second, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := NewContext(Options{Theme: "dark"})
			c := NewCheckIn().UpdateAt(start, keyMsg("1"))
			if v := ansi.Strip(c.View(ctx, 80)); !strings.Contains(v, "[1]") || !strings.Contains(v, "Your answer: 1") {
				t.Errorf("after 1 the screen shows:\n%s", v)
			}
			c = c.UpdateAt(start.Add(tc.gap), keyMsg("0"))
			v := ansi.Strip(c.View(ctx, 80))
			want := fmt.Sprintf("Your answer: %d", tc.score)
			if !strings.Contains(v, "["+fmt.Sprint(tc.score)+"]") || !strings.Contains(v, want) {
				t.Errorf("after 0, %v later, the screen shows:\n%s\nwant [%d] and %q", tc.gap, v, tc.score, want)
			}
			c = c.UpdateAt(start.Add(tc.gap), keyMsg("enter"))
			if got := c.Score(); got == nil || *got != tc.score {
				t.Errorf("score %v, want %d", got, tc.score)
			}
		})
	}
}

// On the session's closing check-in, what is recorded follows the same
// rule, under the session's own clock: "1" and a quick "0" record 10; "1",
// 15 s, "0" records 0, as the reviewer's correction meant.
func TestSessionCheckInCorrectsAOneToZero(t *testing.T) {
	for _, tc := range []struct {
		name  string
		gap   time.Duration
		score int
	}{
		{"typed together", 200 * time.Millisecond, 10},
		{"corrected later", 15 * time.Second, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
				h.press("3", "enter") // before
				h.waitUntil(time.Minute)
				h.must(CheckInQuestion)
				h.press("1")
				h.must("[1]", "Your answer: 1")
				h.wait(tc.gap)
				h.press("0")
				h.must(fmt.Sprintf("[%d]", tc.score), fmt.Sprintf("Your answer: %d", tc.score))
				h.press("enter")
				r := h.journal.Runs()[0]
				if r.Outcome != routines.Completed || r.PainAfter == nil || *r.PainAfter != tc.score {
					t.Errorf("recorded %s, pain after %v; want completed, %d", r.Outcome, r.PainAfter, tc.score)
				}
				h.must(fmt.Sprintf("Noted: %d out of 10.", tc.score))
			})
		})
	}
}
