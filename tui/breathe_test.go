package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/journaltest"
)

// newBreatheApp opens `unknot breathe -p pat -n n` at w×h.
func newBreatheApp(t *testing.T, opt Options, w, h int, pat string, n int, checkin bool) *harness {
	t.Helper()
	return newHarness(t, appOpts{first: PageBreathe, w: w, h: h, opt: opt,
		deps: Deps{Breathe: BreatheConfig{Pattern: pattern(t, pat), Breaths: n, Checkin: checkin}}})
}

// fits fails when the view is taller or wider than the window.
func fits(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%d lines in a window of %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d wide in a window of %d: %q", i, n, w, ansi.Strip(l))
		}
	}
}

func TestBreatheGolden(t *testing.T) {
	phases := []struct {
		name string
		at   time.Duration
	}{
		{"inhale", 2 * time.Second}, {"hold", 5500 * time.Millisecond}, {"exhale", 7 * time.Second},
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, theme := range []string{"dark", "light"} {
			for _, reduced := range []bool{false, true} {
				for _, ph := range phases {
					name := fmt.Sprintf("breathe_%s_%dx%d_%s", ph.name, size[0], size[1], theme)
					if reduced {
						name += "_reduced"
					}
					t.Run(name, func(t *testing.T) {
						inBubble(t, func(t *testing.T) {
							h := newBreatheApp(t, Options{Theme: theme, ReducedMotion: reduced, NoBell: true}, size[0], size[1], "5-1-3", 10, false)
							h.waitUntil(ph.at)
							v := h.app.View().Content
							fits(t, v, size[0], size[1])
							golden(t, name+".golden", v)
						})
					})
				}
			}
		}
	}
}

// The other moments: paused, a pace change, the closing screen, too small.
func TestBreatheGoldenStates(t *testing.T) {
	t.Run("paused", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, false)
			h.waitUntil(3 * time.Second)
			h.press("space")
			h.waitUntil(60 * time.Second)
			h.must("Paused. Space to go on.", "Inhale  2")
			golden(t, "breathe_paused_80x24_dark.golden", h.app.View().Content)
		})
	})
	t.Run("slower", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 40, 12, "5-1-3", 0, false)
			h.press("up", "up")
			h.waitUntil(time.Second)
			h.must("pace 1.2×")
			fits(t, h.app.View().Content, 40, 12)
			golden(t, "breathe_slower_40x12_dark.golden", h.app.View().Content)
		})
	})
	t.Run("closing", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{Theme: "light"}, 80, 24, "1-1-1", 3, false)
			h.waitUntil(9 * time.Second)
			h.must("Well done.", "3 breaths · 0:09")
			golden(t, "breathe_closing_80x24_light.golden", h.app.View().Content)
		})
	})
	t.Run("too small", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 20, 6, "5-1-3", 0, false)
			h.waitUntil(time.Second)
			// Wrapped to fit the 20-column window: read the words, not the lines.
			if v := strings.Join(strings.Fields(h.screen()), " "); !strings.Contains(v, "window too small (need 30×8)") {
				t.Errorf("too small:\n%s", h.screen())
			}
			h.send(tea.WindowSizeMsg{Width: 40, Height: 12})
			h.must("Inhale")
		})
	})
}

// Each phase word shows from its very instant, not a frame later, with one
// bell per phase change; the closing screen comes at the plan's end.
func TestBreathePhasesAtTheirInstants(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{}, 80, 24, "1-1-1", 2, false)
		if h.bells != 1 {
			t.Errorf("%d bells at the start, want 1 (the first inhale)", h.bells)
		}
		for _, step := range []struct {
			at   time.Duration
			word string
		}{
			{time.Second - frame, "Inhale"}, {time.Second, "Hold"}, {2*time.Second - frame, "Hold"},
			{2 * time.Second, "Exhale"}, {3 * time.Second, "Inhale"}, {4 * time.Second, "Hold"}, {5 * time.Second, "Exhale"},
		} {
			h.waitUntil(step.at)
			if !strings.Contains(h.screen(), step.word) {
				t.Errorf("at %v the screen has no %q:\n%s", step.at, step.word, h.screen())
			}
		}
		if h.bells != 6 {
			t.Errorf("%d bells by the last exhale, want 6", h.bells)
		}
		h.waitUntil(6 * time.Second)
		h.must("Well done.", "2 breaths")
	})
}

// --no-bell rings nothing.
func TestBreatheNoBell(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{NoBell: true}, 80, 24, "1-1-1", 2, false)
		h.waitUntil(10 * time.Second)
		if h.bells != 0 {
			t.Errorf("%d bells with NoBell", h.bells)
		}
	})
}

// The check-in comes only on the closing screen, and its answer is kept,
// said there ("Noted: 4 out of 10.", as a session's summary says it) and
// in the exit text; the closing screen then closes by itself.
func TestBreatheCheckinAfter(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{}, 80, 24, "1-1-1", 2, true)
		h.mustNot(CheckInQuestion)
		h.waitUntil(6 * time.Second)
		h.must("Well done.", CheckInQuestion)
		h.wait(2 * CloseAfter)
		h.must(CheckInQuestion) // it waits for the answer
		h.press("4", "enter")
		h.must("Well done.", "Noted: 4 out of 10.")
		h.mustNot(CheckInQuestion)
		if h.quit {
			t.Error("answering closed `unknot breathe` before saying it was noted")
		}
		h.wait(CloseAfter)
		if !h.quit {
			t.Error("the closing screen did not close after the answer")
		}
		if got := strings.Join(h.app.Runs()[0].Lines(), "\n"); got != "Breathing: 2 breaths in 0:06.\nNoted: your back after, 4 out of 10." {
			t.Errorf("the exit text:\n%s", got)
		}
		r := h.journal.Runs()[0]
		if r.PainAfter == nil || *r.PainAfter != 4 || r.Breaths != 2 || r.Outcome != routines.Completed {
			t.Errorf("recorded %+v", r)
		}
	})
}

// q on the check-in closes without an answer; none is asked after 0
// breaths, nor without a history to keep it.
func TestBreatheCheckinSkipped(t *testing.T) {
	t.Run("q", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 80, 24, "1-1-1", 1, true)
			h.waitUntil(3 * time.Second)
			h.press("q")
			if !h.quit || h.journal.Runs()[0].PainAfter != nil {
				t.Errorf("q: quit %v, recorded %+v", h.quit, h.journal.Runs()[0])
			}
		})
	})
	t.Run("no breath", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, true)
			h.wait(time.Second)
			h.press("q")
			h.mustNot(CheckInQuestion)
			h.must("Stopped.", "0 breaths")
		})
	})
	t.Run("history can't be written", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			j := &journaltest.Journal{Fail: fmt.Errorf("history.db is read-only")}
			h := newHarness(t, appOpts{first: PageBreathe, deps: Deps{Journal: j,
				Breathe: BreatheConfig{Pattern: pattern(t, "1-1-1"), Breaths: 1, Checkin: true}}})
			h.waitUntil(3 * time.Second)
			h.mustNot(CheckInQuestion)
			h.must("Not saved yet: history.db is read-only")
		})
	})
}

// Quitting breathing with a set number of breaths before the end is
// stopped; quitting open-ended breathing is its normal end: completed.
func TestBreatheQuitOutcome(t *testing.T) {
	for _, c := range []struct {
		n    int
		want routines.Outcome
	}{{10, routines.Stopped}, {0, routines.Completed}} {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 80, 24, "1-1-1", c.n, false)
			h.waitUntil(4 * time.Second)
			h.press("q")
			if r := h.journal.Runs()[0]; r.Outcome != c.want || r.Breaths != 1 {
				t.Errorf("-n %d, q after 1 breath: recorded %s with %d breaths, want %s", c.n, r.Outcome, r.Breaths, c.want)
			}
		})
	}
}

// Pace keys scale the breath from where the person is.
func TestBreathePaceKeys(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, false)
		h.press("up")
		h.must("pace 1.1× (slower)")
		h.press("down", "down")
		h.must("pace 0.9× (faster)")
		for range 20 {
			h.press("down")
		}
		h.must("pace 0.5× (faster)")
		h.press("q")
		// The run keeps the pattern it paced last: 5-1-3 at twice the speed.
		if r := h.journal.Runs()[0]; r.Pattern != "2.5-0.5-1.5" {
			t.Errorf("recorded pattern %q, want 2.5-0.5-1.5", r.Pattern)
		}
	})
}

// The pattern recorded is the one paced: the settings' pace applied, as
// the flags chose it.
func TestBreatheRecordsThePattern(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageBreathe, deps: Deps{
			Breathe: BreatheConfig{Pattern: pattern(t, "4-7-8"), Breaths: 1, Pace: 0.5}}})
		h.waitUntil(20 * time.Second)
		r := h.journal.Runs()[0]
		if r.Pattern != "2-3.5-4" || r.Breaths != 1 {
			t.Errorf("recorded pattern %q with %d breaths, want 2-3.5-4 (4-7-8 at 0.5×) and 1", r.Pattern, r.Breaths)
		}
		if c := h.journal.Calls(); c[1] != "pattern 2-3.5-4" {
			t.Errorf("calls %q: the pattern is set as the run begins", c)
		}
	})
}

// A score typed on the closing check-in and then q: kept and said in the
// exit text, as Enter would (q dropped it, with "Your answer: 7" shown).
func TestBreatheCheckinTypedThenQKeepsTheScore(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{}, 80, 24, "1-1-1", 2, true)
		h.waitUntil(6 * time.Second)
		h.must(CheckInQuestion)
		h.press("7")
		h.must("Your answer: 7")
		h.press("q")
		if !h.quit {
			t.Error("q did not close `unknot breathe`")
		}
		r := h.journal.Runs()[0]
		if r.PainAfter == nil || *r.PainAfter != 7 {
			t.Errorf("recorded pain after %v, want 7", r.PainAfter)
		}
		if got := strings.Join(h.app.Runs()[0].Lines(), "\n"); !strings.HasSuffix(got, "Noted: your back after, 7 out of 10.") {
			t.Errorf("the exit text:\n%s", got)
		}
	})
}

// A check-in of 8 or more after breathing points to the safety page, on
// the closing screen and in the exit text (a 10 said only "Noted"); 7
// does not.
func TestBreatheStrongPainPointsToSafety(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want bool
	}{{[]string{"1", "0", "enter"}, true}, {[]string{"8", "enter"}, true}, {[]string{"7", "enter"}, false}} {
		inBubble(t, func(t *testing.T) {
			h := newBreatheApp(t, Options{}, 80, 24, "1-1-1", 2, true)
			h.waitUntil(6 * time.Second)
			h.press(c.keys...)
			shown := strings.Contains(flat(h.screen()), "`unknot safety` lists the signs that need help now")
			said := strings.Contains(strings.Join(h.app.Runs()[0].Lines(), "\n"), "`unknot safety` lists the signs")
			if shown != c.want || said != c.want {
				t.Errorf("%v: on screen %v, in the exit text %v; want %v\n%s", c.keys, shown, said, c.want, h.screen())
			}
		})
	}
}
