package coach

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// The first hold of sessionCoach runs from 8 s to 18 s (10 s): 80% of it
// has run at 16 s.
func TestCreditForAHoldCutShort(t *testing.T) {
	tests := []struct {
		name          string
		act           func(c *Coach, t time.Time)
		when          time.Duration
		done, skipped int
	}{
		{"skipped with 1 s left", (*Coach).Skip, 17 * s, 1, 0},
		{"skipped at exactly 80%", (*Coach).Skip, 16 * s, 1, 0},
		{"skipped at 70%", (*Coach).Skip, 15 * s, 0, 1},
		{"skipped at once", (*Coach).Skip, 8 * s, 0, 1},
		{"quit with 1 s left", func(c *Coach, t time.Time) { c.Stop(t, Quit) }, 17 * s, 1, 0},
		{"stopped for pain at 50%", func(c *Coach, t time.Time) { c.Stop(t, Pain) }, 13 * s, 0, 0},
		{"back with 1 s left", (*Coach).Back, 17 * s, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sessionCoach(t)
			c.Events(at(tt.when))
			tt.act(c, at(tt.when))
			reps := 0
			for _, e := range c.Events(at(tt.when)) {
				if e.Kind == RepDone {
					reps++
					if !e.At.Equal(at(tt.when)) {
						t.Errorf("RepDone at +%v, want at the instant of the cut (+%v)", e.At.Sub(t0), tt.when)
					}
				}
			}
			tl := c.Tallies()[0]
			if tl.Done != tt.done || tl.Skipped != tt.skipped || reps != tt.done {
				t.Errorf("knee-to-chest left: %d done, %d skipped, %d RepDone; want %d, %d, %d",
					tl.Done, tl.Skipped, reps, tt.done, tt.skipped, tt.done)
			}
		})
	}
}

// Pressing → through a whole session: nothing done, everything skipped,
// and the run is not called completed.
func TestSkippingEverythingIsNotCompleted(t *testing.T) {
	c := sessionCoach(t)
	now := t0
	for !c.Over(now) {
		c.Events(now)
		c.Skip(now)
		now = now.Add(time.Second)
	}
	r := c.Reps()
	if r.Done != 0 || r.Skipped != r.Planned || r.Planned == 0 {
		t.Errorf("Reps = %+v, want all %d skipped", r, r.Planned)
	}
	if got := r.String(); got != "0 of 42 reps, 42 skipped" {
		t.Errorf("Reps.String() = %q", got)
	}
	if o := c.Outcome(now); o != routines.Stopped {
		t.Errorf("Outcome = %q, want stopped: nothing was done", o)
	}
}

func TestOutcomeIsTheSameWordForTheSameEnd(t *testing.T) {
	full := sessionCoach(t)
	end := t0.Add(full.Plan().Total())
	full.Events(end)
	if o := full.Outcome(end); o != routines.Completed {
		t.Errorf("a session run to its end: %q, want completed", o)
	}
	if r := full.Reps(); r.Done != r.Planned || r.Skipped != 0 || r.String() != "42 of 42 reps" {
		t.Errorf("Reps = %+v (%s)", r, r)
	}
	mid := sessionCoach(t)
	if o := mid.Outcome(at(30 * s)); o != routines.Interrupted {
		t.Errorf("a run still going when the program ends: %q, want interrupted", o)
	}
	for reason, want := range map[StopReason]routines.Outcome{Quit: routines.Stopped, Pain: routines.Pain} {
		c := sessionCoach(t)
		c.Stop(at(30*s), reason)
		if o := c.Outcome(at(40 * s)); o != want {
			t.Errorf("stopped (%v): %q, want %q", reason, o, want)
		}
	}
	// Some skipped, the rest done: completed, and the words say both.
	some := sessionCoach(t)
	some.Events(at(8 * s))
	some.Skip(at(8 * s))
	end = t0.Add(some.Plan().Total()) // the skip moved the plan 10 s ahead
	some.Events(end)
	if o := some.Outcome(end); o != routines.Completed {
		t.Errorf("one hold skipped: %q, want completed", o)
	}
	if got := some.Reps().String(); got != "41 of 42 reps, 1 skipped" {
		t.Errorf("Reps = %q", got)
	}
}

// A plan that repeats a routine has a Tally for each time it comes, in
// plan order: what the history records by index.
func TestTalliesOfARepeatedRoutine(t *testing.T) {
	rs := pick(t)
	p, err := SessionPlan([]routines.Routine{rs[0], rs[0]}, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	c := New(p, t0)
	end := t0.Add(p.Total())
	c.Events(end)
	tl := c.Tallies()
	if len(tl) != 4 {
		t.Fatalf("Tallies = %+v, want 4 (two sides, twice)", tl)
	}
	for i, x := range tl {
		if x.Routine != rs[0].Name || x.Done != x.Planned || x.Planned != rs[0].Reps {
			t.Errorf("tally %d = %+v", i, x)
		}
	}
}
