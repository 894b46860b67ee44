package tui

import (
	"fmt"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// From the summary of a stop for pain, ! opens the safety page, and the
// run records when: while the check-in after waits (which is still there
// on the way back) and, once answered, through the App's own !. Only the
// first opening is kept.
func TestPainStopRecordsTheSafetyPage(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
		h.press("esc") // skip the check-in before
		h.waitUntil(9 * time.Second)
		h.press("x")
		h.must("Stopped. That was the right call.", CheckInQuestion, "! safety")
		if r := h.journal.Runs()[0]; r.SafetyOpenings != 0 {
			t.Fatalf("the safety page is recorded as opened before it was: %+v", r)
		}
		h.wait(20 * time.Second)
		opened := time.Now()
		h.press("!")
		h.must("Get help now", "See a doctor soon")
		r := h.journal.Runs()[0]
		if r.Outcome != routines.Pain || r.SafetyOpenedAt.Before(opened) || r.SafetyOpenedAt.Sub(opened) > time.Second {
			t.Fatalf("recorded %s, safety page opened at %v; want pain, and %v", r.Outcome, r.SafetyOpenedAt, opened)
		}
		h.press("q")
		h.must("Stopped. That was the right call.", CheckInQuestion)
		h.press("6", "enter")
		h.wait(time.Minute)
		h.press("!") // the summary is no longer busy: the App opens it
		h.must("Get help now")
		r = h.journal.Runs()[0]
		if r.SafetyOpenings != 2 || r.SafetyOpenedAt.Sub(opened) > time.Second || r.PainAfter == nil || *r.PainAfter != 6 {
			t.Errorf("after a second opening: %d openings, the first at %v, pain after %v; want 2, the first kept, 6",
				r.SafetyOpenings, r.SafetyOpenedAt, r.PainAfter)
		}
	})
}

// Without check-ins the summary is not busy: ! goes through the App, and
// is recorded all the same.
func TestPainStopRecordsTheSafetyPageWithoutCheckins(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, tinyRoutine())
		h.waitUntil(9 * time.Second)
		h.press("x")
		h.mustNot(CheckInQuestion)
		opened := time.Now()
		h.press("!")
		h.must("Get help now")
		if r := h.journal.Runs()[0]; r.SafetyOpenings != 1 || r.SafetyOpenedAt.Before(opened) {
			t.Errorf("recorded %d openings, at %v; want one, at %v", r.SafetyOpenings, r.SafetyOpenedAt, opened)
		}
	})
}

// The safety page opened mid-session, or after a session that did not
// stop for pain, is not an opening from a pain stop: nothing is recorded.
func TestSafetyPageElsewhereIsNotRecorded(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, tinyRoutine())
		h.waitUntil(9 * time.Second)
		h.press("!") // mid-session
		h.must("Get help now")
		h.press("q", "q") // back, then end the session
		h.must("Session ended early")
		h.press("!")
		h.must("Get help now")
		for _, c := range h.journal.Calls() {
			if c == "safety opened" {
				t.Errorf("calls %q: an opening recorded away from a pain stop", h.journal.Calls())
			}
		}
	})
}

// A stop for pain in any window keeps what keeps a person safe: the
// check-in's scale with the score chosen (its key line offers it) and the
// signs that need help now, whole when there is room, else one line that
// points to ! for them; then the offer of slow breathing.
func TestPainStopSafetyFirstInAnyWindow(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}} {
		name := fmt.Sprintf("session_painstop_%dx%d_dark", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newSessionApp(t, Options{NoBell: true}, size[0], size[1], Deps{Session: SessionConfig{Checkin: true}},
					builtin(t, "knee-to-chest"))
				h.press("esc") // skip the check-in before
				h.waitUntil(12 * time.Second)
				h.press("x")
				h.must("Stopped. That was the right call.", CheckInQuestion, " 0  1  2", "10", "0 no pain · 10 the worst",
					"Get help now", "score")
				h.press("7")
				h.must("[7]", "Get help now")
				if size[0] == 40 {
					h.must(words.SafetyPointer, "Slow breathing helps now: Enter")
				} else {
					h.must("bladder or bowels", words.SafetyMore, "Your answer: 7", "Slow breathing helps now: Enter keeps your answer")
				}
				v := h.app.View().Content
				fits(t, v, size[0], size[1])
				golden(t, name+".golden", v)
				h.press("enter")
				h.must("Noted: 7 out of 10.", "Get help now")
				if r := h.journal.Runs()[0]; r.PainAfter == nil || *r.PainAfter != 7 {
					t.Errorf("recorded pain after %v, want 7", r.PainAfter)
				}
			})
		})
	}
}
