package coach

import (
	"fmt"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// Every way a run ends has one outcome, the same for every front end.
func TestOutcome(t *testing.T) {
	long := 10 * time.Minute
	cases := []struct {
		name string
		open bool // breathing with no set end
		stop StopReason
		at   time.Duration
		want routines.Outcome
	}{
		{"ran to its end", false, NotStopped, long, routines.Completed},
		{"still running reads as interrupted", false, NotStopped, time.Second, routines.Interrupted},
		{"quit before the end", false, Quit, time.Second, routines.Stopped},
		{"it hurt", false, Pain, time.Second, routines.Pain},
		{"a signal", false, Interrupt, time.Second, routines.Interrupted},
		{"quitting open breathing is its end", true, Quit, long, routines.Completed},
		{"quitting open breathing before a breath did nothing", true, Quit, time.Second, routines.Stopped},
		{"a signal in open breathing", true, Interrupt, time.Second, routines.Interrupted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := 5
			if c.open {
				n = 0
			}
			co := breatheCoach(t, routines.DefaultPattern, n)
			if c.stop != NotStopped {
				co.Stop(at(c.at), c.stop)
			}
			if got := co.Outcome(at(c.at)); got != c.want {
				t.Errorf("outcome %s, want %s", got, c.want)
			}
		})
	}
}

// TallyIndex finds a stretch's place among the tallies; a routine that
// comes twice has two places.
func TestTallyIndex(t *testing.T) {
	r := pick(t)[0]
	p, err := SessionPlan([]routines.Routine{r, r}, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	c := New(p, t0)
	seen := map[int]bool{}
	for _, s := range p.Segments {
		i := c.TallyIndex(s)
		if s.Kind != Stretch {
			if i != -1 {
				t.Errorf("%v segment has tally %d", s.Kind, i)
			}
			continue
		}
		tl := c.Tallies()[i]
		if tl.Routine != r.Name || tl.Side != s.Side {
			t.Errorf("segment %v %s maps to tally %+v", s.Routine, s.Side, tl)
		}
		seen[i] = true
	}
	if want := 2 * max(len(r.Sides), 1); len(seen) != want {
		t.Errorf("%d tallies used, want %d (two of each side)", len(seen), want)
	}
}

// N skips the rest of the routine: every rep left counts as skipped, and
// a hold that had run most of its length still counts as done.
func TestSkipRoutineCountsTheRestSkipped(t *testing.T) {
	r := pick(t)[0]
	p, err := SessionPlan([]routines.Routine{r, pick(t)[1]}, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	c := New(p, t0)
	var first Segment
	for _, s := range p.Segments {
		if s.Kind == Stretch {
			first = s
			break
		}
	}
	at90 := first.Start + first.Length*9/10
	c.Events(at(at90))
	c.SkipRoutine(at(at90))
	c.Events(at(at90))
	st := c.At(at(at90))
	if st.Routine == nil || st.Routine.Name != pick(t)[1].Name {
		t.Fatalf("after N the session is at %v, want the next routine", st.Routine)
	}
	var done, skipped, planned int
	for _, tl := range c.Tallies() {
		if tl.Routine == r.Name {
			done, skipped, planned = done+tl.Done, skipped+tl.Skipped, planned+tl.Planned
		}
	}
	if done != 1 || skipped != planned-1 {
		t.Errorf("after N at 90%% of the first hold: %d done, %d skipped of %d; want 1 and %d", done, skipped, planned, planned-1)
	}
}

// A pace given before breathing starts (from the settings) is the plan's
// own: the first inhale is already at that pace, and no change is told.
func TestPaceAtTheStart(t *testing.T) {
	c := breatheCoach(t, routines.DefaultPattern, 0)
	c.SetPace(t0, 1.5)
	evs := c.Events(t0)
	inhale := false
	for _, e := range evs {
		switch e.Kind {
		case PaceChanged:
			t.Errorf("a pace change was told at the start: %v", kinds(evs))
		case PhaseChanged:
			inhale = e.Phase == routines.Inhale && e.PhaseLength == 7500*time.Millisecond
		}
	}
	if !inhale {
		t.Errorf("first events %v, want the inhale at 7.5 s", kinds(evs))
	}
	if c.Pace() != 1.5 {
		t.Errorf("pace %v, want 1.5", c.Pace())
	}
}

// Place names the exercise and rep under way at every kind of moment of
// knee to chest (sides alternating) then the lying twist: a hold its own
// rep, a rest or switch the rep just held, a get-ready the first rep of
// the routine coming; a stop freezes it where the stop came.
func TestPlace(t *testing.T) {
	rs := pick(t, "knee-to-chest", "lying-twist")
	p, err := SessionPlan(rs, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	c := New(p, t0)
	tallies := c.Tallies()
	name := func(i, rep int) string {
		return fmt.Sprintf("%s %s rep %d", tallies[i].Routine, tallies[i].Side, rep)
	}
	seen := map[Kind]bool{}
	for k, s := range p.Segments {
		mid := at(s.Start + s.Length/2)
		i, rep, ok := c.Place(mid)
		if !ok {
			t.Fatalf("segment %d (%v): no place", k, s.Kind)
		}
		want := name(c.TallyIndex(Segment{Kind: Stretch, Routine: s.Routine, Side: s.Side, Direction: s.Direction}), s.Rep)
		if s.Kind == Rest || s.Kind == Switch {
			prev := p.Segments[k-1]
			want = name(c.TallyIndex(prev), prev.Rep)
		}
		if s.Kind == Ready {
			want = name(c.TallyIndex(p.Segments[k+1]), 1)
		}
		if got := name(i, rep); got != want {
			t.Errorf("segment %d (%v %s rep %d): place %s, want %s", k, s.Kind, s.Side, s.Rep, got, want)
		}
		seen[s.Kind] = true
	}
	if !seen[Ready] || !seen[Rest] || !seen[Stretch] {
		t.Errorf("the plan has no get-ready, rest or hold: %v", seen)
	}
	// Stopped during the lying twist's first hold, left side: that rep,
	// however long after.
	for _, s := range p.Segments {
		if s.Kind == Stretch && rs[s.Routine].Name == "lying-twist" {
			c.Stop(at(s.Start+time.Second), Pain)
			break
		}
	}
	if i, rep, _ := c.Place(at(time.Hour)); name(i, rep) != "lying-twist left rep 1" {
		t.Errorf("stopped in the twist's first hold: place %s", name(i, rep))
	}
	if _, _, ok := breatheCoach(t, routines.DefaultPattern, 5).Place(t0); ok {
		t.Error("breathing alone has a place")
	}
}
