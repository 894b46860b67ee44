package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/journaltest"
)

// newSessionApp opens `unknot session` of rs at w×h.
func newSessionApp(t *testing.T, opt Options, w, h int, deps Deps, rs ...routines.Routine) *harness {
	t.Helper()
	deps.Session.Routines = rs
	return newHarness(t, appOpts{first: PageSession, w: w, h: h, opt: opt, deps: deps})
}

// The session screen at chosen instants, in two sizes and two themes:
// knee to chest (alternating sides), and a one-side-then-the-other copy
// for the switch.
func TestSessionGolden(t *testing.T) {
	oneSide := builtin(t, "knee-to-chest")
	oneSide.Name, oneSide.Alternate, oneSide.Reps = "knee-one-side", false, 2
	plan, err := coach.SessionPlan([]routines.Routine{oneSide}, testPlanOptions)
	if err != nil {
		t.Fatal(err)
	}
	var switchAt time.Duration
	for _, s := range plan.Segments {
		if s.Kind == coach.Switch {
			switchAt = s.Start + 2*time.Second
			break
		}
	}
	instants := []struct {
		name  string
		at    time.Duration
		pause bool // pause at this instant, then let 30 s go by
	}{
		{"ready", 3 * time.Second, false},
		{"hold", 8*time.Second + 3500*time.Millisecond, false},
		{"exhale", 8*time.Second + 7*time.Second, false},
		{"rest", 8*time.Second + 10*time.Second + 1500*time.Millisecond, false},
		{"switch", switchAt, false},
		{"paused", 8*time.Second + 3500*time.Millisecond, true},
	}
	for _, in := range instants {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			for _, theme := range []string{"dark", "light"} {
				name := fmt.Sprintf("session_%s_%dx%d_%s", in.name, size[0], size[1], theme)
				t.Run(name, func(t *testing.T) {
					inBubble(t, func(t *testing.T) {
						r := builtin(t, "knee-to-chest")
						if in.name == "switch" {
							r = oneSide
						}
						h := newSessionApp(t, Options{Theme: theme, NoBell: true}, size[0], size[1], Deps{}, r)
						h.waitUntil(in.at)
						if in.pause {
							h.press("space")
							h.wait(30 * time.Second)
						}
						v := h.app.View().Content
						fits(t, v, size[0], size[1])
						golden(t, name+".golden", v)
					})
				})
			}
		}
	}
}

// What each moment says, at its very instant.
func TestSessionMomentsAtTheirInstants(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, tinyRoutine())
		for _, step := range []struct {
			at    time.Duration
			words []string
		}{
			{0, []string{"Tiny stretch", "Get ready", "Start with the left side.", "1. Lie down."}},
			{8*time.Second - frame, []string{"Get ready"}},
			{8 * time.Second, []string{"Left side · rep 1/2", "Inhale", "Breathe slowly."}},
			{9 * time.Second, []string{"Exhale"}},
			{10 * time.Second, []string{"Rest", "Next: left side · rep 2/2"}},
			{13 * time.Second, []string{"Switch sides", "Now the right side · rep 1/2"}},
			{18 * time.Second, []string{"Right side · rep 1/2", "Inhale"}},
			{23 * time.Second, []string{"Well done.", "Session complete: 4 of 4 reps.", "Tiny stretch  left   2 of 2 done", "right  2 of 2 done"}},
		} {
			h.waitUntil(step.at)
			h.must(step.words...)
		}
		if got := strings.Join(h.journal.Calls(), ", "); got != "begin session, reps 0 1, reps 0 2, reps 1 1, reps 1 2, finish completed" {
			t.Errorf("journal calls: %s", got)
		}
		r := h.journal.Runs()[0]
		if r.Ended.Sub(r.Started) != 23*time.Second {
			t.Errorf("recorded %v long, want 23s", r.Ended.Sub(r.Started))
		}
	})
}

// Check-ins: before pacing and on the summary, both kept.
func TestSessionCheckins(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
		h.must("Before you start", CheckInQuestion)
		h.wait(time.Minute) // nothing starts while it asks
		h.mustNot("Get ready")
		h.press("6", "enter")
		h.must("Get ready")
		h.wait(30 * time.Second)
		h.must("Well done.", CheckInQuestion)
		h.press("2", "enter")
		h.must("Noted: 2 out of 10.")
		r := h.journal.Runs()[0]
		if r.PainBefore == nil || *r.PainBefore != 6 || r.PainAfter == nil || *r.PainAfter != 2 {
			t.Errorf("recorded pain %v → %v, want 6 → 2", r.PainBefore, r.PainAfter)
		}
		// The exit text says it too, last.
		if lines := h.app.Runs()[0].Lines(); lines[len(lines)-1] != "Noted: your back after, 2 out of 10." {
			t.Errorf("the exit text:\n%s", strings.Join(lines, "\n"))
		}
	})
}

// Skipping every hold is no success: the summary says nothing was held,
// and the record has no rep.
func TestSessionSkippedThroughIsNotPraised(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, tinyRoutine())
		for range 40 {
			h.press("n")
		}
		h.must("Nothing held this time.", "0 of 4 reps")
		h.mustNot("Well done", "Session complete")
		r := h.journal.Runs()[0]
		if r.Exercises[0].RepsDone+r.Exercises[1].RepsDone != 0 {
			t.Errorf("skipped holds were counted: %+v", r.Exercises)
		}
	})
}

// q mid-session ends it at once, asks nothing, and keeps what was done;
// x stops for pain, shows the stop rule and asks how it feels.
func TestSessionQuitAndHurts(t *testing.T) {
	t.Run("q", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
			h.press("esc") // skip the check-in before
			h.waitUntil(11 * time.Second)
			h.press("q")
			h.must("Session ended.", "Session ended early: 1 of 4 reps.")
			h.mustNot(CheckInQuestion)
			if r := h.journal.Runs()[0]; r.Outcome != routines.Stopped || r.Exercises[0].RepsDone != 1 {
				t.Errorf("recorded %s, %+v", r.Outcome, r.Exercises)
			}
			h.press("q")
			if !h.quit {
				t.Error("q on the summary did not close `unknot session`")
			}
		})
	})
	t.Run("x", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
			h.press("esc")
			h.waitUntil(9 * time.Second)
			h.press("x")
			h.must("Stopped. That was the right call.", "Get help now", "bladder or bowels", CheckInQuestion)
			if r := h.journal.Runs()[0]; r.Outcome != routines.Pain {
				t.Errorf("recorded %s, want pain", r.Outcome)
			}
		})
	})
}

// A routine at its daily limit is asked about first; leaving it out runs
// the rest.
func TestSessionDailyLimit(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		k := builtin(t, "knee-to-chest")
		today := fixedToday{Sessions: map[string]int{k.Name: k.DailyLimit}}
		h := newSessionApp(t, Options{}, 80, 24, Deps{Today: today}, k, tinyRoutine())
		h.must("Already done today", fmt.Sprintf("Knee to chest: %d today, the most for a day is %d.", k.DailyLimit, k.DailyLimit), "> Leave it out today")
		h.press("enter")
		h.must("Tiny stretch", "Get ready")
		if ex := h.journal.Runs()[0].Exercises; len(ex) != 2 || ex[0].Routine != "tiny" {
			t.Errorf("planned %+v, want tiny alone", ex)
		}
	})
}

// A history that can't be written: the session runs, says so once, and
// asks nothing.
func TestSessionNotSaved(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		j := &journaltest.Journal{Fail: errors.New("history.db is read-only (chmod u+w it)")}
		h := newSessionApp(t, Options{}, 80, 24, Deps{Journal: j, Session: SessionConfig{Checkin: true}}, tinyRoutine())
		h.mustNot(CheckInQuestion)
		h.must("Get ready", "This session isn't being saved: history.db is read-only")
		h.waitUntil(30 * time.Second)
		h.must("isn't being saved")
		h.mustNot(CheckInQuestion)
	})
}

// A window too small says so, and the session goes on to recover.
func TestSessionTooSmall(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 20, 5, Deps{}, tinyRoutine())
		if v := strings.Join(strings.Fields(h.screen()), " "); !strings.Contains(v, "window too small") {
			t.Errorf("tiny window:\n%s", h.screen())
		}
		h.waitUntil(9 * time.Second)
		h.send(sizeMsg(80, 24))
		h.must("Left side · rep 1/2")
	})
}

// With reduced motion the breath is words, not a gauge.
func TestSessionReducedMotion(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{ReducedMotion: true}, 80, 24, Deps{}, tinyRoutine())
		h.waitUntil(8500 * time.Millisecond)
		h.must("breathe in slowly")
	})
}

// A hold's last cue (coming out of the stretch) waits for the hold's
// final exhale: it never shows while the person should still hold.
func TestLastCueWaitsForTheFinalExhale(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		r := builtin(t, "knee-to-chest") // 10 s holds: settle 1 s, one 5-1-3 breath
		h := newSessionApp(t, Options{}, 100, 30, Deps{}, r)
		last := "Lower your left foot back down, slowly."
		h.waitUntil(8*time.Second + 6500*time.Millisecond) // into the hold's hold phase
		h.mustNot(last)
		h.waitUntil(8*time.Second + 7500*time.Millisecond) // the final exhale
		h.must(last, "Exhale")
	})
}

// ! mid-session pauses and shows the safety page; closing it comes back to
// the paused session, and space goes on.
func TestSessionSafetyKeyPauses(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, tinyRoutine())
		h.waitUntil(9 * time.Second)
		h.press("!")
		h.must("Get help now", "A&E", "See a doctor soon")
		h.wait(time.Minute)
		h.press("q")
		h.must("Paused. Space to go on.", "Left side · rep 1/2")
		h.press("space")
		h.wait(time.Second)
		h.mustNot("Paused")
	})
}

// The summary on screen names each direction of a routine done both ways,
// as the text printed on exit does (words.Run.Lines): never the same row
// twice.
func TestSessionSummaryNamesTheDirection(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, builtin(t, "shoulder-rolls"))
		h.wait(5 * time.Second)
		h.press("q")
		h.must("Session ended early")
		var rows []string
		for l := range strings.SplitSeq(h.screen(), "\n") {
			if strings.Contains(l, " done") {
				rows = append(rows, strings.Join(strings.Fields(l), " "))
			}
		}
		want := []string{"Shoulder rolls forward 0 of 10 done", "Shoulder rolls back 0 of 10 done"}
		if !slices.Equal(rows, want) {
			t.Errorf("summary rows %q, want %q:\n%s", rows, want, h.screen())
		}
		for _, l := range h.app.Runs()[0].Lines() {
			if strings.Contains(l, " done") && !strings.Contains(l, "forward") && !strings.Contains(l, "back") {
				t.Errorf("the text printed on exit names no direction: %q", l)
			}
		}
	})
}

// A hold shorter than one breath of its pattern is breathed freely: the
// screen says "Hold, breathing freely" through it, never "Settle in"
// (which it read from start to end).
func TestSessionFreeHoldSaysHold(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		r := tinyRoutine()
		r.Hold, r.Pattern = 3*time.Second, pattern(t, "5-1-3")
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, r)
		seen := false
		for at := time.Duration(0); at < 20*time.Second; at += 250 * time.Millisecond {
			h.waitUntil(at)
			screen := h.screen()
			if strings.Contains(screen, "Settle in") {
				t.Fatalf("at %v a free hold says settle in:\n%s", at, screen)
			}
			seen = seen || strings.Contains(screen, "Hold, breathing freely")
		}
		if !seen {
			t.Error("no hold said 'Hold, breathing freely' in 20 s")
		}
	})
}

// On the session's summary too: a score typed, then q, is kept.
func TestSessionCheckinTypedThenQKeepsTheScore(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, Options{}, 80, 24, Deps{Session: SessionConfig{Checkin: true}}, tinyRoutine())
		h.press("6", "enter")
		h.wait(30 * time.Second)
		h.must("Well done.", CheckInQuestion)
		h.press("3")
		h.must("Your answer: 3")
		h.press("q")
		r := h.journal.Runs()[0]
		if r.PainAfter == nil || *r.PainAfter != 3 {
			t.Errorf("recorded pain after %v, want 3", r.PainAfter)
		}
		if lines := h.app.Runs()[0].Lines(); lines[len(lines)-1] != "Noted: your back after, 3 out of 10." {
			t.Errorf("the exit text:\n%s", strings.Join(lines, "\n"))
		}
	})
}
