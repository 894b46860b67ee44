package coach

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// restartCases are plans a screen may make before it knows its frames: a
// session, breathing at a pace from the settings, a care application.
func restartCases(t *testing.T) []struct {
	name string
	make func(at time.Time) *Coach
} {
	session, err := SessionPlan(fixed(t), fixedOptions)
	if err != nil {
		t.Fatal(err)
	}
	breathe, err := BreathePlan(oddPatterns[0], 6, 0)
	if err != nil {
		t.Fatal(err)
	}
	care := carePlan(t, routines.Heat, 90*s, 20*s)
	return []struct {
		name string
		make func(at time.Time) *Coach
	}{
		{"session", func(at time.Time) *Coach { return New(session, at) }},
		{"breathing at pace 1.3 from the settings", func(at time.Time) *Coach {
			c := New(breathe, at)
			c.SetPace(at, 1.3)
			return c
		}},
		{"care", func(at time.Time) *Coach { return New(care, at) }},
	}
}

func TestRestartBeginsThePlanAgainWithoutRepeatingOrLosingEvents(t *testing.T) {
	made := start                // the coach is made before the frames are known ...
	frame := start.Add(180 * ms) // ... and restarted on the first frame instant
	for _, tc := range restartCases(t) {
		for _, drained := range []bool{false, true} {
			c := tc.make(made)
			var opening []Event
			if drained {
				opening = c.Events(made)
				if len(opening) == 0 {
					t.Fatalf("%s: no opening events to take", tc.name)
				}
				// A wake before the frame, with nothing due: still restartable.
				if evs := c.Events(made.Add(3 * ms)); len(evs) != 0 {
					t.Fatalf("%s: events %v 3 ms in", tc.name, kinds(evs))
				}
			}
			if !c.Restart(frame) {
				t.Fatalf("%s (opening taken: %v): Restart refused", tc.name, drained)
			}
			got := append(opening, drive(t, c, frame, nil)...)
			want := drive(t, tc.make(frame), frame, nil)
			if len(got) != len(want) {
				t.Fatalf("%s (opening taken: %v): %d events, a coach made on the frame has %d:\n%v\n%v",
					tc.name, drained, len(got), len(want), kinds(got), kinds(want))
			}
			for i := range want {
				g, w := got[i], want[i]
				if i < len(opening) {
					w.At = made // taken before the restart, at the instant they were due then
				}
				if !reflect.DeepEqual(g, w) {
					t.Fatalf("%s (opening taken: %v): event %d is %v at +%v offset %v, want %v at +%v offset %v",
						tc.name, drained, i, g.Kind, g.At.Sub(made), g.Offset, w.Kind, w.At.Sub(made), w.Offset)
				}
			}
			if !c.Finished(frame.Add(c.Plan().Total())) || c.Pace() != tc.make(frame).Pace() {
				t.Errorf("%s: after the run finished %v, pace %v", tc.name, c.Finished(frame.Add(c.Plan().Total())), c.Pace())
			}
		}
	}
}

func TestRestartOnceTheRunIsUnderWayDoesNothing(t *testing.T) {
	later := start.Add(30 * s)
	under := []struct {
		name  string
		plans string // which of restartCases it applies to: s(ession), b(reathing), c(are)
		do    func(c *Coach)
	}{
		{"paused at the start", "sbc", func(c *Coach) { c.Events(start); c.Pause(start) }},
		{"paused and resumed at once", "sbc", func(c *Coach) { c.Pause(start); c.Resume(start) }},
		{"an event after the start taken", "sbc", func(c *Coach) { c.Events(start.Add(25 * s)) }},
		{"skipped at the start", "sc", func(c *Coach) { c.Skip(start) }},
		{"stopped at the start", "sbc", func(c *Coach) { c.Stop(start, Quit) }},
		{"a pace change after the opening events", "b", func(c *Coach) { c.Events(start); c.SetPace(start, 0.8) }},
	}
	for k, tc := range restartCases(t) {
		for _, u := range under {
			if !strings.Contains(u.plans, "sbc"[k:k+1]) {
				continue
			}
			c, twin := tc.make(start), tc.make(start)
			u.do(c)
			u.do(twin)
			if c.Restart(later) {
				t.Errorf("%s, %s: Restart accepted", tc.name, u.name)
			}
			c.Resume(later)
			twin.Resume(later)
			end := later.Add(2 * time.Hour)
			if g, w := c.Events(end), twin.Events(end); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, %s: a refused Restart changed the events: %d of them, want %d", tc.name, u.name, len(g), len(w))
			}
			if g, w := c.At(end), twin.At(end); !reflect.DeepEqual(g, w) {
				t.Errorf("%s, %s: a refused Restart changed the state: %+v, want %+v", tc.name, u.name, g, w)
			}
		}
	}
}

func TestACommandThatDidNothingLeavesTheCoachRestartable(t *testing.T) {
	// Breathing alone has nothing to skip; a session has no pace.
	b := restartCases(t)[1].make(start)
	b.Events(start)
	b.Skip(start)
	b.Back(start)
	s := restartCases(t)[0].make(start)
	s.Events(start)
	s.SetPace(start, 1.5)
	for name, c := range map[string]*Coach{"breathing": b, "session": s} {
		if evs := c.Events(start); len(evs) != 0 {
			t.Fatalf("%s: the ignored commands reported %v", name, kinds(evs))
		}
		if !c.Restart(start.Add(Tick)) {
			t.Errorf("%s: Restart refused after commands that were ignored", name)
		}
		if st := c.At(start.Add(Tick)); st.Offset != 0 {
			t.Errorf("%s: at the restart instant the plan stands at %v, want 0", name, st.Offset)
		}
	}
}
