package coach

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// pat is a pattern in milliseconds, written as a person might type it.
func pat(in, hold, out, holdOut int) routines.Pattern {
	return routines.Pattern{time.Duration(in) * ms, time.Duration(hold) * ms, time.Duration(out) * ms, time.Duration(holdOut) * ms}
}

// oddPatterns are patterns off the Tick grid, as a person's routine file,
// config.toml or -p may give them (some quicker than ParsePattern allows,
// to try the at-least-one-Tick rule hard).
var oddPatterns = []routines.Pattern{
	pat(4550, 0, 6100, 0),
	pat(300, 100, 700, 0),
	pat(7770, 1000, 3300, 0),
	pat(5000, 100, 3000, 0),
	pat(4123, 2345, 5678, 0),
	pat(3333, 3333, 3333, 3333),
	pat(1001, 0, 1999, 0),
	pat(6660, 120, 4440, 130),
	pat(2875, 125, 2125, 375), // halves
	pat(9990, 10, 9990, 10),
}

// onGridPatterns are patterns already on the grid.
var onGridPatterns = []routines.Pattern{routines.DefaultPattern, pat(4000, 4000, 4000, 4000), pat(4500, 0, 6000, 0)}

// rounded reports whether got is orig rounded to the nearest Tick: a whole
// number of Ticks at most half a Tick away, or one Tick for a span under
// half a Tick; zero stays zero.
func rounded(got, orig time.Duration) bool {
	switch {
	case orig <= 0:
		return got == orig
	case got <= 0 || got%Tick != 0:
		return false
	case orig < Tick/2:
		return got == Tick
	}
	d := got - orig
	return d <= Tick/2 && -d <= Tick/2
}

// roundedPattern reports whether every part of got is that part of orig
// rounded to the nearest Tick.
func roundedPattern(got, orig routines.Pattern) bool {
	for i := range got {
		if !rounded(got[i], orig[i]) {
			return false
		}
	}
	return true
}

// variants are the routines the grid tests try: every built-in at every
// level, as it is and with each odd pattern, its hold, rest and rep_time
// moved off the grid too.
func variants(t testing.TB) []routines.Routine {
	t.Helper()
	c := builtins(t)
	var out []routines.Routine
	for _, name := range c.Names() {
		base, _ := c.Get(name)
		lo, hi := base.LevelRange()
		for level := lo; level <= hi; level++ {
			r := base.AtLevel(level)
			out = append(out, r)
			for k, p := range oddPatterns {
				v := r
				if !v.RepOnly() {
					v.Pattern = p
				}
				v.Rest += time.Duration(k+1) * 37 * ms
				if v.Hold > 0 {
					v.Hold += time.Duration(k+1) * 61 * ms
				}
				if v.RepTime > 0 {
					v.RepTime += time.Duration(k+1) * 43 * ms
				}
				out = append(out, v)
			}
		}
	}
	return out
}

var oddOptions = []Options{
	DefaultOptions,
	{Ready: 7900 * ms, Transition: 29300 * ms, Switch: 4100 * ms},
	{Ready: 100 * ms, Switch: 60 * ms},
}

func TestEveryBuiltinIsAlreadyOnTheGrid(t *testing.T) {
	c := builtins(t)
	for _, name := range c.Names() {
		r, _ := c.Get(name)
		lo, hi := r.LevelRange()
		for level := lo; level <= hi; level++ {
			if g := OnGrid(r.AtLevel(level)); !reflect.DeepEqual(g, r.AtLevel(level)) {
				t.Errorf("%s at level %d is changed by OnGrid: %+v", name, level, g)
			}
		}
	}
	for _, p := range onGridPatterns {
		if g := p.Round(Tick); g != p {
			t.Errorf("%v rounded to %v, want it unchanged", p, g)
		}
	}
}

// command is something the person does at an offset from the start.
type command struct {
	at time.Duration
	do func(c *Coach, t time.Time)
}

// drive follows c from start the way a front end does: it takes the
// events due now, asks NextEvent for the next instant, and gives each
// command at its instant (after taking the events due then). It fails the
// test at the first instant, scheduled or reported, that is not a whole
// number of Ticks after start, and returns every event taken.
func drive(t *testing.T, c *Coach, start time.Time, cmds []command) []Event {
	t.Helper()
	now := start
	var evs []Event
	take := func() int {
		got := c.Events(now)
		for _, e := range got {
			if d := e.At.Sub(start); d%Tick != 0 {
				t.Fatalf("%v (segment %d, %v) at +%v: not on the Tick grid", e.Kind, e.Index, e.Segment.Kind, d)
			}
			if e.Offset%Tick != 0 {
				t.Fatalf("%v at offset %v: not on the Tick grid", e.Kind, e.Offset)
			}
		}
		evs = append(evs, got...)
		return len(got)
	}
	take()
	for range 1_000_000 {
		next, ok := c.NextEvent(now)
		if ok && next.Sub(start)%Tick != 0 {
			t.Fatalf("NextEvent(+%v) = +%v: not on the Tick grid", now.Sub(start), next.Sub(start))
		}
		if len(cmds) > 0 && (!ok || !start.Add(cmds[0].at).After(next)) {
			now = start.Add(cmds[0].at)
			take()
			cmds[0].do(c, now)
			take()
			cmds = cmds[1:]
			continue
		}
		if !ok {
			return evs
		}
		now = next
		if take() == 0 {
			t.Fatalf("woke at +%v for an event and none was due", now.Sub(start))
		}
	}
	t.Fatal("the plan did not end")
	return nil
}

// start is an instant on no round number, as a real clock gives.
var start = time.Date(2025, 3, 1, 9, 0, 0, 123_456_789, time.UTC)

func TestEverySessionInstantIsOnTheTickGrid(t *testing.T) {
	// Commands on Tick instants: pause, resume, skip a hold under way, go
	// back, skip past Credit of a hold, skip a whole routine.
	commands := []command{
		{3300 * ms, (*Coach).Pause},
		{7500 * ms, (*Coach).Resume},
		{20 * s, (*Coach).Skip},
		{31700 * ms, (*Coach).Back},
		{40500 * ms, (*Coach).Skip},
		{52300 * ms, (*Coach).Back},
		{53 * s, (*Coach).SkipRoutine},
	}
	runs := 0
	for _, r := range variants(t) {
		for _, opt := range oddOptions {
			for _, cmds := range [][]command{nil, commands} {
				p, err := SessionPlan([]routines.Routine{r}, opt)
				if err != nil {
					t.Fatal(err)
				}
				evs := drive(t, New(p, start), start, cmds)
				if cmds == nil && (len(evs) == 0 || evs[len(evs)-1].Kind != Finished || !evs[len(evs)-1].At.Equal(start.Add(p.Total()))) {
					t.Fatalf("%s %v: the run did not finish at its total %v", r.Name, r.Pattern, p.Total())
				}
				runs++
			}
		}
	}
	// A whole session of several routines, stopped for pain at the end.
	rs := routines.DefaultSession(builtins(t))
	for k := range rs {
		if !rs[k].RepOnly() {
			rs[k].Pattern = oddPatterns[k%len(oddPatterns)]
		}
	}
	p, err := SessionPlan(rs, oddOptions[1])
	if err != nil {
		t.Fatal(err)
	}
	evs := drive(t, New(p, start), start, []command{{p.Total() - 2*Tick, func(c *Coach, t time.Time) { c.Stop(t, Pain) }}})
	if last := evs[len(evs)-1]; last.Kind != Stopped {
		t.Errorf("the session's last event %v, want Stopped", last.Kind)
	}
	t.Logf("%d single-routine runs and a session of %d routines, every instant on the grid", runs, len(rs))
}

// paces lists every pace from MinPace to MaxPace in PaceSteps.
func paces() []float64 {
	var out []float64
	for i := 0; ; i++ {
		p := math.Round((MinPace+float64(i)*PaceStep)*100) / 100
		if p > MaxPace {
			return out
		}
		out = append(out, p)
	}
}

func TestEveryBreathingInstantIsOnTheTickGridAtEveryPace(t *testing.T) {
	const breaths = 6
	patterns := append(append([]routines.Pattern(nil), onGridPatterns...), oddPatterns...)
	midPhase, changes := 0, 0
	for _, p := range patterns {
		for _, pace := range paces() {
			// The pace from the settings, at the start.
			plan, err := BreathePlan(p, breaths, 0)
			if err != nil {
				t.Fatal(err)
			}
			c := New(plan, start)
			c.SetPace(start, pace)
			if got, ideal := c.Plan().Segments[0].Pattern, p.Round(Tick).Scale(pace); !roundedPattern(got, ideal) {
				t.Fatalf("%v at pace %v breathes %v, want %v rounded to the nearest Tick", p, pace, got, ideal)
			}
			checkBreaths(t, fmt.Sprintf("%v at pace %v from the start", p, pace), drive(t, c, start, nil), breaths)

			// Changed at Tick instants during the breathing, mostly mid-phase.
			set := func(to float64) func(*Coach, time.Time) {
				return func(c *Coach, at time.Time) {
					if c.At(at).PhaseElapsed > 0 {
						midPhase++
					}
					changes++
					c.SetPace(at, to)
					st := c.At(at)
					if ideal := p.Round(Tick).Scale(to); !roundedPattern(st.Segment.Pattern, ideal) {
						t.Fatalf("%v at pace %v breathes %v, want %v rounded to the nearest Tick", p, to, st.Segment.Pattern, ideal)
					}
					if st.Segment.Lead%Tick != 0 || st.Segment.Start%Tick != 0 || st.Segment.Length%Tick != 0 {
						t.Fatalf("%v at pace %v: segment %+v off the grid", p, to, st.Segment)
					}
				}
			}
			plan, err = BreathePlan(p, breaths, 0)
			if err != nil {
				t.Fatal(err)
			}
			cycle := plan.Segments[0].Pattern.Cycle()
			// Instants a third and two thirds into a breath, on the grid.
			third := (cycle / 3).Round(Tick)
			cmds := []command{
				{third, set(pace)},
				{cycle + 2*third + Tick, set(StepPace(pace, -1))},
				{3*cycle + third - Tick, set(pace)},
			}
			checkBreaths(t, fmt.Sprintf("%v changed to pace %v", p, pace), drive(t, New(plan, start), start, cmds), breaths)
		}
	}
	if midPhase < changes*2/3 {
		t.Errorf("only %d of %d pace changes came mid-phase: the test does not try what it says", midPhase, changes)
	}
}

// checkBreaths checks that a breathing run counted each of its breaths
// once, in order, and ended with them.
func checkBreaths(t *testing.T, what string, evs []Event, want int) {
	t.Helper()
	n := 0
	for _, e := range evs {
		if e.Kind == BreathDone {
			n++
			if e.Breath != n {
				t.Fatalf("%s: breath %d done after %d", what, e.Breath, n-1)
			}
		}
	}
	if n != want || evs[len(evs)-1].Kind != Finished {
		t.Fatalf("%s: %d breaths done, last event %v; want %d and Finished", what, n, evs[len(evs)-1].Kind, want)
	}
}

func TestPaceOnePointThreeOnFiveOneThreeIsRoundedToTheTick(t *testing.T) {
	c := breatheCoach(t, routines.DefaultPattern, 10)
	c.Events(at(13500 * ms)) // breath 2, 4.5 s into its 5 s inhale
	c.SetPace(at(13500*ms), 1.3)
	st := c.At(at(13500 * ms))
	want := pat(6500, 1300, 3900, 0) // 6.5-1.3-3.9, on the grid of tenths already
	if st.Segment.Pattern != want {
		t.Errorf("pace 1.3 breathes %v, want %v", st.Segment.Pattern, want)
	}
	// 90% of 6.5 s is 5.85 s: 5.9 s to the nearest Tick.
	if st.Phase != routines.Inhale || st.PhaseElapsed != 5900*ms || st.Breath != 2 || st.Breaths != 10 {
		t.Errorf("after the change: %v %v into breath %d of %d, want Inhale 5.9s into breath 2 of 10", st.Phase, st.PhaseElapsed, st.Breath, st.Breaths)
	}
	// The rest of this inhale, then 8 whole breaths more (9 left counting this one).
	if total := c.Plan().Total(); total != 13500*ms+600*ms+1300*ms+3900*ms+8*(11700*ms) {
		t.Errorf("total %v after the change", total)
	}
}

func TestAPlaceInAPhaseStaysInThatPhase(t *testing.T) {
	// 5-1-3 to pace 0.5: the 1 s hold becomes 0.5 s, five Ticks; the
	// 5 s inhale 2.5 s.
	tests := []struct {
		name    string
		at      time.Duration
		phase   routines.Phase
		elapsed time.Duration
	}{
		{"a Tick into the inhale stays a Tick in", Tick, routines.Inhale, Tick},
		{"a Tick before the inhale ends stays a Tick before", 5*s - Tick, routines.Inhale, 2500*ms - Tick},
		{"mid-hold stays mid-hold", 5600 * ms, routines.Hold, 300 * ms},
		{"a Tick before the hold ends stays in it", 6*s - Tick, routines.Hold, 500*ms - Tick},
		{"the start of the exhale stays its start", 6 * s, routines.Exhale, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := breatheCoach(t, routines.DefaultPattern, 3)
			c.Events(at(tt.at))
			c.SetPace(at(tt.at), 0.5)
			if st := c.At(at(tt.at)); st.Phase != tt.phase || st.PhaseElapsed != tt.elapsed {
				t.Errorf("%v %v in, want %v %v in", st.Phase, st.PhaseElapsed, tt.phase, tt.elapsed)
			}
		})
	}
	// A hold of two Ticks at pace 0.5 is one Tick; a Tick into it, the
	// only place on the grid is its start.
	c := breatheCoach(t, pat(4000, int(2*Tick/ms), 4000, 0), 3)
	c.Events(at(4*s + Tick))
	c.SetPace(at(4*s+Tick), 0.5)
	if st := c.At(at(4*s + Tick)); st.Phase != routines.Hold || st.PhaseElapsed != 0 || st.PhaseLength != Tick {
		t.Errorf("%v %v into %v, want the Hold of one Tick at its start", st.Phase, st.PhaseElapsed, st.PhaseLength)
	}
}

func TestPlansRoundEachSpanByAtMostHalfATickAndDoNotDrift(t *testing.T) {
	for _, r := range variants(t) {
		for _, opt := range oddOptions {
			p, err := SessionPlan([]routines.Routine{r}, opt)
			if err != nil {
				t.Fatal(err)
			}
			what := fmt.Sprintf("%s (%v, hold %v, rest %v, rep %v) with %+v", r.Name, r.Pattern, r.Hold, r.Rest, r.RepTime, opt)
			g := p.Routines[0]
			if !roundedPattern(g.Pattern, r.Pattern) || !rounded(g.Hold, r.Hold) || !rounded(g.Rest, r.Rest) || !rounded(g.RepTime, r.RepTime) {
				t.Fatalf("%s: the plan's routine is %v, hold %v, rest %v, rep %v", what, g.Pattern, g.Hold, g.Rest, g.RepTime)
			}
			var at time.Duration
			for i, sg := range p.Segments {
				if sg.Start != at {
					t.Fatalf("%s: segment %d starts at %v, the one before ends at %v", what, i, sg.Start, at)
				}
				at = sg.End()
				var ok bool
				switch sg.Kind {
				case Ready:
					ok = rounded(sg.Length, opt.readyLength(sg.From, sg.To))
				case Rest:
					ok = rounded(sg.Length, r.Rest)
				case Switch:
					ok = rounded(sg.Length, max(opt.Switch, r.Rest))
				case Move:
					ok = rounded(sg.Length, r.RepTime)
				case Stretch:
					// A hold in seconds is rounded; a hold in breaths is
					// whole breaths of the rounded pattern, exhale last.
					if r.HoldBreaths > 0 {
						ok = sg.Length == time.Duration(r.HoldBreaths)*sg.Pattern.Cycle()-sg.Pattern[routines.HoldOut]
					} else {
						ok = rounded(sg.Length, r.Hold)
					}
					settle, breaths := routines.HoldPacing(sg.Length, sg.Pattern)
					ok = ok && sg.Pattern == g.Pattern && sg.Settle == settle && sg.Settle%Tick == 0 &&
						(breaths == 0 || sg.Settle+time.Duration(breaths)*sg.Pattern.Cycle()-sg.Pattern[routines.HoldOut] == sg.Length)
				}
				if !ok {
					t.Fatalf("%s: segment %d is %v %v settle %v of %v", what, i, sg.Kind, sg.Length, sg.Settle, sg.Pattern)
				}
			}
			if p.Total() != at {
				t.Fatalf("%s: total %v, the segments add up to %v", what, p.Total(), at)
			}
		}
	}
	for _, pt := range append(append([]routines.Pattern(nil), onGridPatterns...), oddPatterns...) {
		for _, d := range []time.Duration{0, time.Minute, 61*s + 7*ms} {
			p, err := BreathePlan(pt, 0, d)
			if err != nil {
				t.Fatal(err)
			}
			sg := p.Segments[0]
			if !roundedPattern(sg.Pattern, pt) {
				t.Errorf("%v is breathed as %v", pt, sg.Pattern)
			}
			cycle := sg.Pattern[0] + sg.Pattern[1] + sg.Pattern[2] + sg.Pattern[3]
			want := Forever
			if d > 0 {
				want = time.Duration(math.Ceil(float64(d)/float64(cycle))) * cycle
			}
			if p.Total() != want {
				t.Errorf("%v for %v: total %v, want %v (whole breaths of %v)", pt, d, p.Total(), want, cycle)
			}
		}
	}
	for _, length := range []time.Duration{s, 1001 * ms, 7*s + 130*ms, 7*s + 125*ms, 15 * time.Minute, 20*time.Minute - 1} {
		for _, ready := range []time.Duration{0, 60 * ms, 19999 * ms} {
			p := carePlan(t, routines.Ice, length, ready)
			var sum time.Duration
			for _, sg := range p.Segments {
				if sg.Start != sum || sg.Length%Tick != 0 {
					t.Fatalf("care %v ready %v: segment %+v", length, ready, sg)
				}
				sum += sg.Length
			}
			on := p.Total()
			if p.Segments[0].Kind == Ready {
				on -= p.Segments[0].Length
				if !rounded(p.Segments[0].Length, min(ready, length)) {
					t.Errorf("care %v: ready %v is not %v to the nearest Tick", length, p.Segments[0].Length, ready)
				}
			}
			if !rounded(on, length) || sum != p.Total() {
				t.Errorf("care %v ready %v: on for %v, total %v", length, ready, on, p.Total())
			}
			if half := p.Segments[len(p.Segments)-1].Length - p.Segments[len(p.Segments)-2].Length; half != 0 && half != Tick {
				t.Errorf("care %v: halves %v apart", length, half)
			}
		}
	}
}
