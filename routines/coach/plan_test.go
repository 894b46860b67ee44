package coach

import (
	"fmt"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

const (
	s  = time.Second
	ms = time.Millisecond
)

const (
	L  = routines.Left
	R  = routines.Right
	NS = routines.NoSide
)

// seg is what a test expects of one segment.
type seg struct {
	kind   Kind
	length time.Duration
	rep    int
	side   routines.Side
}

func (g seg) String() string { return fmt.Sprintf("%v %v rep %d %q", g.kind, g.length, g.rep, g.side) }

// alternating is the expected timeline of an alternating two-sided routine,
// written out from its facts: a Ready, then left, right, left ... with a
// Rest between every two holds, the Rest announcing the next side and rep.
func alternating(reps int, hold, rest time.Duration) []seg {
	out := []seg{{Ready, 8 * s, 1, L}}
	for rep := 1; rep <= reps; rep++ {
		out = append(out, seg{Stretch, hold, rep, L}, seg{Rest, rest, rep, R}, seg{Stretch, hold, rep, R})
		if rep < reps {
			out = append(out, seg{Rest, rest, rep + 1, L})
		}
	}
	return out
}

// sideless is the expected timeline of a routine without sides.
func sideless(reps int, hold, rest time.Duration) []seg {
	out := []seg{{Ready, 8 * s, 1, NS}}
	for rep := 1; rep <= reps; rep++ {
		out = append(out, seg{Stretch, hold, rep, NS})
		if rep < reps {
			out = append(out, seg{Rest, rest, rep + 1, NS})
		}
	}
	return out
}

// defaultSession is the expected timeline of the default plan, from the facts.
func defaultSession() []seg {
	var out []seg
	out = append(out, alternating(10, 10*s, 3*s)...)
	out = append(out, sideless(10, 10*s, 3*s)...)
	out = append(out, alternating(3, 45*s, 5*s)...)
	return append(out, alternating(3, 45*s, 5*s)...)
}

func builtins(t testing.TB) *routines.Catalog {
	t.Helper()
	c, err := routines.Builtins()
	if err != nil {
		t.Fatalf("Builtins: %v", err)
	}
	return c
}

func pick(t testing.TB, names ...string) []routines.Routine {
	t.Helper()
	rs, err := builtins(t).Pick(names...)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// fixed is the session the timing tests follow, written out so that it
// does not move when the built-ins do: knee-to-chest at 10 reps a leg,
// arm-raise at 10 reps (both at their maximum level), seated-twist and
// lying-twist, each after an 8 s get-ready (fixedOptions: no longer
// get-ready for a change of position). 1006 s in all.
func fixed(t testing.TB) []routines.Routine {
	t.Helper()
	rs := pick(t, "knee-to-chest", "arm-raise", "seated-twist", "lying-twist")
	rs[0], rs[1] = rs[0].AtLevel(5), rs[1].AtLevel(5)
	if rs[0].Reps != 10 || rs[1].Reps != 10 {
		t.Fatalf("the fixed session's reps are %d and %d, want 10 and 10", rs[0].Reps, rs[1].Reps)
	}
	return rs
}

var fixedOptions = Options{Ready: 8 * s, Switch: 5 * s}

func TestSessionPlanOfEachBuiltinFollowsItsFacts(t *testing.T) {
	// The facts, from content.md and the built-in files: knee-to-chest
	// 5 reps a leg to start (up to 10), 10 s holds, 3 s rests, alternating;
	// arm-raise 5 reps of 10 s (up to 10), 3 s rests, no sides; the twists
	// 3 reps a side of 5 breaths of 5-1-3 (45 s), 5 s rests, alternating.
	// A routine alone starts with the 30 s guided get-ready (getting into
	// its position from wherever the person is: DefaultOptions.Transition).
	// A 10 s hold settles 1 s, then breathes one 9 s breath.
	ready := func(segs []seg) []seg { segs[0].length = 30 * s; return segs }
	tests := []struct {
		name    string
		want    []seg
		total   time.Duration
		reps    int
		settle  time.Duration
		pattern routines.Pattern
	}{
		// 30 + 10 holds*10 + 9 rests*3 = 157 s
		{"knee-to-chest", ready(alternating(5, 10*s, 3*s)), 157 * s, 5, 1 * s, routines.DefaultPattern},
		// 30 + 5*10 + 4*3 = 92 s
		{"arm-raise", ready(sideless(5, 10*s, 3*s)), 92 * s, 5, 1 * s, routines.DefaultPattern},
		// 30 + 6 holds*45 + 5 rests*5 = 325 s
		{"seated-twist", ready(alternating(3, 45*s, 5*s)), 325 * s, 3, 0, routines.DefaultPattern},
		{"lying-twist", ready(alternating(3, 45*s, 5*s)), 325 * s, 3, 0, routines.DefaultPattern},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := SessionPlan(pick(t, tt.name), DefaultOptions)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Total(); got != tt.total {
				t.Errorf("Total() = %v, want %v", got, tt.total)
			}
			if len(p.Segments) != len(tt.want) {
				t.Fatalf("%d segments, want %d", len(p.Segments), len(tt.want))
			}
			if r := p.Segments[0]; !r.ChangesPosition() || len(r.Transition()) == 0 {
				t.Errorf("the first get-ready %+v does not guide the person into position", r)
			}
			var at time.Duration
			for i, g := range p.Segments {
				w := tt.want[i]
				got := seg{g.Kind, g.Length, g.Rep, g.Side}
				if got != w {
					t.Errorf("segment %d = %v, want %v", i, got, w)
				}
				if g.Start != at {
					t.Errorf("segment %d starts at %v, want %v (right after the one before)", i, g.Start, at)
				}
				at += g.Length
				if g.Routine != 0 {
					t.Errorf("segment %d: Routine = %d, want 0", i, g.Routine)
				}
				if g.Reps != tt.reps {
					t.Errorf("segment %d: Reps = %d, want %d", i, g.Reps, tt.reps)
				}
				if g.Kind == Stretch && g.Settle != tt.settle {
					t.Errorf("segment %d: settle %v, want %v", i, g.Settle, tt.settle)
				}
				if g.Kind == Stretch && g.Pattern != tt.pattern {
					t.Errorf("segment %d: pattern %v, want %v", i, g.Pattern, tt.pattern)
				}
				if g.Kind != Stretch && g.Breathing() {
					t.Errorf("segment %d (%v) is paced by breathing; only holds are", i, g.Kind)
				}
			}
			if p.Open {
				t.Error("a session plan is open; it must end")
			}
		})
	}
}

func TestSessionPlanOfTheFixedSessionChainsTheRoutines(t *testing.T) {
	p, err := SessionPlan(fixed(t), fixedOptions)
	if err != nil {
		t.Fatal(err)
	}
	// Each routine's Ready begins where the one before ends:
	// 0, 265, 265+135 = 400, 400+303 = 703; the session lasts 703+303 = 1006 s.
	wantReady := []time.Duration{0, 265 * s, 400 * s, 703 * s}
	var readies []time.Duration
	for i, g := range p.Segments {
		if g.Kind == Ready {
			readies = append(readies, g.Start)
			if g.Routine != len(readies)-1 {
				t.Errorf("Ready %d belongs to routine %d", len(readies)-1, g.Routine)
			}
		}
		if i > 0 && g.Start != p.Segments[i-1].End() {
			t.Errorf("segment %d starts at %v, the one before ends at %v", i, g.Start, p.Segments[i-1].End())
		}
	}
	if fmt.Sprint(readies) != fmt.Sprint(wantReady) {
		t.Errorf("Ready segments at %v, want %v", readies, wantReady)
	}
	if p.Total() != 1006*s {
		t.Errorf("Total() = %v, want 1006s", p.Total())
	}
	if len(p.Routines) != 4 || p.Routines[0].Name != "knee-to-chest" || p.Routines[3].Name != "lying-twist" {
		t.Errorf("routines %v, want the default plan", p.Routines)
	}
}

func TestSessionPlanOfANonAlternatingRoutineSwitchesOnce(t *testing.T) {
	r := routines.Routine{Name: "side-bend", Reps: 2, Hold: 4 * s, Rest: 2 * s, Sides: []routines.Side{L, R}, Pattern: routines.Pattern{2 * s, 0, 2 * s, 0}}
	tests := []struct {
		name string
		opt  Options
		rest time.Duration
		want []seg
	}{
		{"switch longer than rest", Options{Ready: 3 * s, Switch: 5 * s}, 2 * s, []seg{
			{Ready, 3 * s, 1, L}, {Stretch, 4 * s, 1, L}, {Rest, 2 * s, 2, L}, {Stretch, 4 * s, 2, L},
			{Switch, 5 * s, 1, R}, {Stretch, 4 * s, 1, R}, {Rest, 2 * s, 2, R}, {Stretch, 4 * s, 2, R}}},
		{"rest longer than switch", Options{Ready: 3 * s, Switch: 1 * s}, 2 * s, []seg{
			{Ready, 3 * s, 1, L}, {Stretch, 4 * s, 1, L}, {Rest, 2 * s, 2, L}, {Stretch, 4 * s, 2, L},
			{Switch, 2 * s, 1, R}, {Stretch, 4 * s, 1, R}, {Rest, 2 * s, 2, R}, {Stretch, 4 * s, 2, R}}},
		{"no rest and no ready", Options{Switch: 5 * s}, 0, []seg{
			{Stretch, 4 * s, 1, L}, {Stretch, 4 * s, 2, L},
			{Switch, 5 * s, 1, R}, {Stretch, 4 * s, 1, R}, {Stretch, 4 * s, 2, R}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := r
			r.Rest = tt.rest
			p, err := SessionPlan([]routines.Routine{r}, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var total time.Duration
			for _, w := range tt.want {
				total += w.length
			}
			if p.Total() != total {
				t.Errorf("Total() = %v, want %v", p.Total(), total)
			}
			if len(p.Segments) != len(tt.want) {
				t.Fatalf("segments %v, want %v", p.Segments, tt.want)
			}
			for i, g := range p.Segments {
				if got := (seg{g.Kind, g.Length, g.Rep, g.Side}); got != tt.want[i] {
					t.Errorf("segment %d = %v, want %v", i, got, tt.want[i])
				}
			}
		})
	}
}

func TestSessionPlanRefusesWhatCannotBeHeld(t *testing.T) {
	tests := []struct {
		name string
		rs   []routines.Routine
	}{
		{"no routines", nil},
		{"no reps", []routines.Routine{{Name: "x", Hold: s}}},
		{"no hold", []routines.Routine{{Name: "x", Reps: 1}}},
	}
	for _, tt := range tests {
		if p, err := SessionPlan(tt.rs, DefaultOptions); err == nil {
			t.Errorf("%s: SessionPlan = %v, want an error", tt.name, p)
		}
	}
}

func TestBreathePlanCountsWholeBreaths(t *testing.T) {
	box := routines.Pattern{4 * s, 4 * s, 4 * s, 4 * s}
	tests := []struct {
		name    string
		pattern routines.Pattern
		breaths int
		d       time.Duration
		total   time.Duration
		open    bool
		wantErr bool
	}{
		{"ten breaths", routines.DefaultPattern, 10, 0, 90 * s, false, false},
		{"one minute rounds up to whole breaths", routines.DefaultPattern, 0, time.Minute, 63 * s, false, false}, // 60/9 = 6.67 -> 7 breaths
		{"box breathing rounds up too", box, 0, 2 * time.Minute, 128 * s, false, false},                          // 120/16 = 7.5 -> 8
		{"exact multiple", routines.DefaultPattern, 0, 90 * s, 90 * s, false, false},
		{"breaths win over minutes", routines.DefaultPattern, 2, time.Hour, 18 * s, false, false},
		{"neither: open", routines.DefaultPattern, 0, 0, Forever, true, false},
		{"empty pattern", routines.Pattern{}, 3, 0, 0, false, true},
		{"negative breaths", routines.DefaultPattern, -1, 0, 0, false, true},
		{"negative minutes", routines.DefaultPattern, 0, -time.Minute, 0, false, true},
		// 2e9 breaths of 9 s overflow a Duration: the plan would end before it began.
		{"more breaths than a Duration holds", routines.DefaultPattern, 2_000_000_000, 0, 0, false, true},
		{"more breaths than Forever", routines.DefaultPattern, int(Forever/(9*s)) + 1, 0, 0, false, true},
		{"as many breaths as Forever holds", routines.DefaultPattern, int(Forever / (9 * s)), 0, Forever, false, false},
		{"longer than Forever", routines.DefaultPattern, 0, Forever + time.Hour, 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := BreathePlan(tt.pattern, tt.breaths, tt.d)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("BreathePlan = %+v, want an error", p)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Total() != tt.total || p.Open != tt.open {
				t.Errorf("Total %v open %v, want %v %v", p.Total(), p.Open, tt.total, tt.open)
			}
			if len(p.Segments) != 1 || p.Segments[0].Kind != Breathe || p.Segments[0].Routine != -1 || p.Segments[0].Pattern != tt.pattern {
				t.Errorf("segments %+v, want one Breathe segment of %v", p.Segments, tt.pattern)
			}
		})
	}
}
