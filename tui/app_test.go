package tui

import (
	"slices"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/journaltest"
)

// The visit a person makes: home, b, breathing, q, the closing screen,
// back home with the breathing counted, the history and back, then quit.
// One app the whole way: nothing ends until home's q.
func TestAppVisit(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		j := &journaltest.Journal{}
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{
			Routines: builtins(t),
			Breathe:  BreatheConfig{Pattern: pattern(t, "5-1-3"), Checkin: true},
			Journal:  j,
			Today:    journalToday{j},
			Review:   fixtureOverview,
		}})
		h.must("Breathe now", "Start today's session")
		h.mustNot("Breathing: 1 today")

		h.press("b")
		h.must("Inhale", "breath 1")
		h.wait(20 * time.Second) // two whole breaths and a bit
		h.press("q")
		h.must("Well done.", "2 breaths", CheckInQuestion)
		h.press("3", "enter")
		h.must("Noted: 3 out of 10.")
		h.press("enter") // any key closes the closing screen
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageHome}) {
			t.Fatalf("after the check-in the stack is %v, want home", got)
		}
		h.must("Breathing: 1 today")

		h.press("h")
		h.must("Looking back")
		h.press("q")
		h.must("Breathe now")
		h.press("q")
		if !h.quit {
			t.Error("q on home did not end the program")
		}
		runs := h.journal.Runs()
		if len(runs) != 1 || runs[0].Kind != routines.KindBreathe || runs[0].Breaths != 2 ||
			runs[0].Outcome != routines.Completed || runs[0].PainAfter == nil || *runs[0].PainAfter != 3 {
			t.Errorf("recorded %+v", runs)
		}
		if got := h.app.Runs(); len(got) != 1 || got[0].Breaths != 2 {
			t.Errorf("the app's runs for the closing summary: %+v", got)
		}
	})
}

// `unknot breathe` is the same app with breathing at the bottom: q ends
// the breathing, the closing screen shows, and closing it ends the program.
func TestAppBreatheCommand(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageBreathe, deps: Deps{Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}}})
		h.wait(10 * time.Second)
		h.press("q")
		h.must("Well done.", "1 breath ·")
		if h.quit {
			t.Fatal("q while pacing ended the program; it should show the closing screen")
		}
		h.press("q")
		if !h.quit {
			t.Error("q on the closing screen did not end the program")
		}
	})
}

// The closing screen closes by itself after CloseAfter.
func TestAppBreatheClosesByItself(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageBreathe, deps: Deps{Breathe: BreatheConfig{Pattern: pattern(t, "1-1-1"), Breaths: 1}}})
		h.wait(3 * time.Second)
		h.must("Well done.")
		h.wait(CloseAfter - time.Second)
		if h.quit {
			t.Fatal("closed before CloseAfter")
		}
		h.wait(time.Second)
		if !h.quit {
			t.Error("the closing screen did not close by itself")
		}
	})
}

// A signal records every run under way as interrupted and ends the
// program; ctrl+c records them stopped.
func TestAppSignalAndCtrlC(t *testing.T) {
	for _, c := range []struct {
		name string
		send func(h *harness)
		want routines.Outcome
	}{
		{"signal", func(h *harness) { h.send(signalMsg{}); h.settle() }, routines.Interrupted},
		{"ctrl+c", func(h *harness) { h.press("ctrl+c") }, routines.Stopped},
	} {
		t.Run(c.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newHarness(t, appOpts{first: PageSession, deps: Deps{Session: SessionConfig{Routines: []routines.Routine{tinyRoutine()}}}})
				h.wait(11 * time.Second) // the get-ready (8 s), rep 1 (2 s), into the rest
				c.send(h)
				if !h.quit {
					t.Fatal("the program did not end")
				}
				r := h.journal.Runs()[0]
				if r.Outcome != c.want || r.Exercises[0].RepsDone != 1 || r.Finishes != 1 {
					t.Errorf("recorded %s with %d reps (%d finishes); want %s with 1", r.Outcome, r.Exercises[0].RepsDone, r.Finishes, c.want)
				}
				runs := h.app.Runs()
				if len(runs) != 1 || runs[0].Outcome != c.want {
					t.Errorf("runs for the summary: %+v", runs)
				}
				// cmd calls Interrupt again once the program is over: nothing changes.
				h.app.Interrupt(time.Now(), routines.Interrupted)
				if len(h.app.Runs()) != 1 || h.journal.Runs()[0].Finishes != 1 {
					t.Error("a second Interrupt recorded the run again")
				}
			})
		})
	}
}

// Pick routines: the session takes the pick screen's place, so closing the
// session goes straight home.
func TestAppPickThenSessionGoesHome(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: []routines.Routine{tinyRoutine(), builtin(t, "arm-raise")}}})
		h.press("p")
		h.must("Pick routines", "[ ] Tiny stretch")
		h.press("space", "enter")
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageHome, PageSession}) {
			t.Fatalf("stack %v", got)
		}
		h.must("Tiny stretch", "Get ready")
		h.press("q")
		h.must("Nothing held this time.", "Session ended early: 0 of 4 reps.")
		h.press("enter")
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageHome}) {
			t.Errorf("after the summary the stack is %v, want home", got)
		}
	})
}

// Every screen shows its keys in the help line, and ? shows them all.
func TestAppHelpLine(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t),
			Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}, Review: fixtureOverview,
			Session: SessionConfig{Routines: builtins(t)}}})
		h.must("enter go", "b breathe")
		h.press("b")
		h.must("space pause", "↑ slower", "q stop")
		h.press("q", "q", "h")
		h.must("↑/↓ scroll", "q back")
		h.press("q", "s")
		h.must("space pause", "x it hurts", "? keys")
		h.mustNot("→/n next")
		h.press("?")
		h.must("→/n", "next", "←/b", "back")
	})
}
