package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/journaltest"
)

// waitFor lets the fake clock run, half a second at a time, until the
// screen shows want; at most limit.
func (h *harness) waitFor(want string, limit time.Duration) {
	h.t.Helper()
	for end := time.Now().Add(limit); !strings.Contains(h.screen(), want); {
		if !time.Now().Before(end) {
			h.t.Fatalf("after %v the screen has no %q:\n%s", limit, want, h.screen())
		}
		h.wait(500 * time.Millisecond)
	}
}

// stopRecorded is where the journal says run r's stop for pain came, in
// words: "lying-twist left rep 1 of 3".
func stopRecorded(r journaltest.Run) string {
	if r.StopPos < 0 || r.StopPos >= len(r.Exercises) {
		return fmt.Sprintf("no place (%d)", r.StopPos)
	}
	e := r.Exercises[r.StopPos]
	return fmt.Sprintf("%s %s rep %d of %d", e.Routine, e.Side, r.StopRep, e.RepsPlanned)
}

// The reviewer's three stops for pain, driven through the session screen
// under the fake clock: the journal records the routine, side and rep
// under way when x came (not the first exercise not finished), then the
// end for pain. routines/history's TestAStopForPainIsPutDownToWhereItCame
// records these very places and checks what the report and the next
// session make of them.
func TestPainStopRecordsWhereItCame(t *testing.T) {
	t.Run("the first routine skipped, x in the twist's first hold", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, builtin(t, "knee-to-chest"), builtin(t, "lying-twist"))
			h.must("Knee to chest", "Get ready")
			h.press("n", "N", "n")
			h.must("Lying twist", "Left side · rep 1/3")
			h.wait(2 * time.Second)
			h.press("x")
			r := h.journal.Runs()[0]
			if got := stopRecorded(r); r.Outcome != routines.Pain || got != "lying-twist left rep 1 of 3" {
				t.Errorf("recorded %s at %s, want pain at lying-twist left rep 1 of 3", r.Outcome, got)
			}
			if r.StopPos != 2 || r.StopRep != 1 || repsDone(r) != "0 0 0 0" {
				t.Errorf("recorded place (%d, %d), reps %s; want (2, 1), none done", r.StopPos, r.StopRep, repsDone(r))
			}
			calls := h.journal.Calls()
			if i := slices.Index(calls, "stopped at 2 1"); i < 0 || i+1 >= len(calls) || calls[i+1] != "finish pain" {
				t.Errorf("calls %q, want the place just before the finish for pain", calls)
			}
		})
	})
	t.Run("left rep 1 held, x in the right side's first hold", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, builtin(t, "knee-to-chest"))
			h.press("n")
			h.must("Left side · rep 1/5")
			h.waitFor("Right side · rep 1/5", time.Minute)
			h.wait(time.Second)
			h.press("x")
			r := h.journal.Runs()[0]
			if got := stopRecorded(r); r.Outcome != routines.Pain || got != "knee-to-chest right rep 1 of 5" || repsDone(r) != "1 0" {
				t.Errorf("recorded %s at %s, reps %s; want pain at knee-to-chest right rep 1 of 5, reps 1 0", r.Outcome, got, repsDone(r))
			}
		})
	})
	t.Run("the left side skipped, x in the right side's last hold", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			knee := builtin(t, "knee-to-chest").AtLevel(3)
			if knee.Reps != 8 {
				t.Fatalf("knee to chest at level 3: %d reps, want 8", knee.Reps)
			}
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, knee)
			h.press("n")
			for rep := 1; rep <= 8; rep++ {
				h.waitFor(fmt.Sprintf("Left side · rep %d/8", rep), time.Minute)
				h.press("n") // every left hold skipped; the right ones held
			}
			h.waitFor("Right side · rep 8/8", time.Minute)
			h.wait(2 * time.Second)
			h.press("x")
			r := h.journal.Runs()[0]
			if got := stopRecorded(r); r.Outcome != routines.Pain || got != "knee-to-chest right rep 8 of 8" || repsDone(r) != "0 7" {
				t.Errorf("recorded %s at %s, reps %s; want pain at knee-to-chest right rep 8 of 8, reps 0 7", r.Outcome, got, repsDone(r))
			}
		})
	})
	t.Run("x in a rest: the rep just held", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, builtin(t, "knee-to-chest"))
			h.press("n")
			h.waitFor("Next: right side · rep 1/5", time.Minute)
			h.press("x")
			if r := h.journal.Runs()[0]; stopRecorded(r) != "knee-to-chest left rep 1 of 5" {
				t.Errorf("x in the rest after left rep 1: recorded at %s, want knee-to-chest left rep 1 of 5", stopRecorded(r))
			}
		})
	})
	t.Run("q records no place", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, builtin(t, "knee-to-chest"))
			h.press("n")
			h.wait(2 * time.Second)
			h.press("q")
			if r := h.journal.Runs()[0]; r.Outcome != routines.Stopped || r.StopPos != -1 {
				t.Errorf("quit: recorded %s with place %d, want stopped and none", r.Outcome, r.StopPos)
			}
		})
	})
}

// repsDone is the reps done of each exercise of r, in plan order: "1 0".
func repsDone(r journaltest.Run) string {
	var out []string
	for _, e := range r.Exercises {
		out = append(out, fmt.Sprint(e.RepsDone))
	}
	return strings.Join(out, " ")
}

// q after a rep held, with the check-in before answered, asks the one
// after too (Esc skips it, as everywhere); q with nothing held, or with
// the first question skipped, asks nothing.
func TestSessionQuitAsksTheCheckInAfter(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before []string      // keys for the check-in before
		at     time.Duration // when q comes (the first rep is held by 10 s)
		after  []string      // keys for the check-in after, if asked
		asks   bool
		pain   int // recorded after; -1: none
	}{
		{"a rep held, answered", []string{"3", "enter"}, 12 * time.Second, []string{"2", "enter"}, true, 2},
		{"a rep held, skipped with esc", []string{"3", "enter"}, 12 * time.Second, []string{"esc"}, true, -1},
		{"nothing held", []string{"3", "enter"}, 5 * time.Second, nil, false, -1},
		{"the first skipped", []string{"esc"}, 12 * time.Second, nil, false, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
				h.press(tc.before...)
				h.waitUntil(tc.at)
				h.press("q")
				h.must("Session ended early")
				if !tc.asks {
					h.mustNot(CheckInQuestion)
				} else {
					h.must(CheckInQuestion)
					h.press(tc.after...)
					h.mustNot(CheckInQuestion)
				}
				r := h.journal.Runs()[0]
				if r.Outcome != routines.Stopped {
					t.Errorf("recorded %s, want stopped", r.Outcome)
				}
				switch {
				case tc.pain < 0 && r.PainAfter != nil:
					t.Errorf("recorded pain after %d, want none", *r.PainAfter)
				case tc.pain >= 0 && (r.PainAfter == nil || *r.PainAfter != tc.pain):
					t.Errorf("recorded pain after %v, want %d", r.PainAfter, tc.pain)
				}
				if tc.pain >= 0 {
					h.must(fmt.Sprintf("Noted: %d out of 10.", tc.pain))
				}
				h.press("q")
				if !h.quit {
					t.Error("q on the summary did not close `unknot session`")
				}
			})
		})
	}
}
