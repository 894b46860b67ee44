package coach

import (
	"math"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

var t0 = time.Date(2026, 3, 1, 7, 30, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

func sessionCoach(t testing.TB) *Coach {
	t.Helper()
	p, err := SessionPlan(fixed(t), fixedOptions)
	if err != nil {
		t.Fatal(err)
	}
	return New(p, t0)
}

// view is the part of a State a test checks.
type view struct {
	kind      Kind
	routine   string
	rep, reps int
	side      routines.Side
	left      time.Duration // SegmentLeft: the time left in the hold
	settling  bool
	breathing bool
	phase     routines.Phase
	elapsed   time.Duration // PhaseElapsed
	progress  float64       // PhaseProgress
	breath    int
	overall   float64 // Progress
	finished  bool
}

func viewOf(st State) view {
	v := view{kind: st.Segment.Kind, rep: st.Segment.Rep, reps: st.Segment.Reps, side: st.Segment.Side,
		left: st.SegmentLeft, settling: st.Settling, breathing: st.Breathing, phase: st.Phase, elapsed: st.PhaseElapsed,
		progress: st.PhaseProgress, breath: st.Breath, overall: st.Progress, finished: st.Finished}
	if st.Routine != nil {
		v.routine = st.Routine.Name
	}
	return v
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func (v view) same(w view) bool {
	a, b := v, w
	a.progress, b.progress, a.overall, b.overall = 0, 0, 0, 0
	return a == b && near(v.progress, w.progress) && near(v.overall, w.overall)
}

// The fixed session (see TestSessionPlanOfTheFixedSessionChainsTheRoutines):
// knee-to-chest 0-265 s (Ready 0-8, left rep 1 held 8-18, Rest 18-21, right
// rep 1 held 21-31 ...), arm-raise 265-400, seated-twist 400-703,
// lying-twist 703-1006. A 10 s hold settles for 1 s, then breathes one
// whole 5-1-3 breath: Settle 0-1, Inhale 1-6, Hold 6-7, Exhale 7-10, so it
// ends as the exhale ends. A twist's hold is 5 whole breaths, no settle.
var atTests = []struct {
	name string
	d    time.Duration
	want view
}{
	{"the start: get ready", 0, view{kind: Ready, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 8 * s}},
	{"halfway through the ready", 4 * s, view{kind: Ready, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 4 * s, overall: 4.0 / 1006}},
	{"first hold begins with a settle", 8 * s, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 10 * s,
		settling: true, overall: 8.0 / 1006}},
	{"the last instant of the settle", 9*s - 1, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 9*s + 1,
		settling: true, overall: float64(9*s-1) / float64(1006*s)}},
	{"the first inhale after the settle", 9 * s, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 9 * s,
		breathing: true, phase: routines.Inhale, breath: 1, overall: 9.0 / 1006}},
	{"halfway through the first inhale", 11500 * ms, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 6500 * ms,
		breathing: true, phase: routines.Inhale, elapsed: 2500 * ms, progress: 0.5, breath: 1, overall: 11.5 / 1006}},
	{"the hold in the breath", 14*s + 250*ms, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 3750 * ms,
		breathing: true, phase: routines.Hold, elapsed: 250 * ms, progress: 0.25, breath: 1, overall: 14.25 / 1006}},
	{"the exhale", 16 * s, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 2 * s,
		breathing: true, phase: routines.Exhale, elapsed: 1 * s, progress: 1.0 / 3, breath: 1, overall: 16.0 / 1006}},
	{"the hold ends as the exhale ends", 18*s - 1, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: L, left: 1,
		breathing: true, phase: routines.Exhale, elapsed: 3*s - 1, progress: float64(3*s-1) / float64(3*s), breath: 1, overall: float64(18*s-1) / float64(1006*s)}},
	{"rest announces the right side", 18 * s, view{kind: Rest, routine: "knee-to-chest", rep: 1, reps: 10, side: R, left: 3 * s, overall: 18.0 / 1006}},
	{"first right hold", 21 * s, view{kind: Stretch, routine: "knee-to-chest", rep: 1, reps: 10, side: R, left: 10 * s,
		settling: true, overall: 21.0 / 1006}},
	{"second left hold", 35 * s, view{kind: Stretch, routine: "knee-to-chest", rep: 2, reps: 10, side: L, left: 9 * s,
		breathing: true, phase: routines.Inhale, breath: 1, overall: 35.0 / 1006}},
	// The last right hold of knee-to-chest: 8 + 19*13 = 255 s; its inhale 256-261.
	{"last knee hold", 260 * s, view{kind: Stretch, routine: "knee-to-chest", rep: 10, reps: 10, side: R, left: 5 * s,
		breathing: true, phase: routines.Inhale, elapsed: 4 * s, progress: 0.8, breath: 1, overall: 260.0 / 1006}},
	{"arm-raise ready, no side", 265 * s, view{kind: Ready, routine: "arm-raise", rep: 1, reps: 10, side: NS, left: 8 * s, overall: 265.0 / 1006}},
	{"arm-raise rep 2", 286 * s, view{kind: Stretch, routine: "arm-raise", rep: 2, reps: 10, side: NS, left: 10 * s,
		settling: true, overall: 286.0 / 1006}},
	// Seated twist: Ready 400-408, left rep 1 held 408-453 (5 breaths of 9 s).
	{"fifth breath of a twist, exhaling", 452 * s, view{kind: Stretch, routine: "seated-twist", rep: 1, reps: 3, side: L, left: 1 * s,
		breathing: true, phase: routines.Exhale, elapsed: 2 * s, progress: 2.0 / 3, breath: 5, overall: 452.0 / 1006}},
	// Seated twist: L1 408-453, rest, R1 458-503, rest before L2.
	{"halfway through the session", 503 * s, view{kind: Rest, routine: "seated-twist", rep: 2, reps: 3, side: L, left: 5 * s, overall: 0.5}},
	{"the end", 1006 * s, view{kind: Stretch, routine: "lying-twist", rep: 3, reps: 3, side: R, overall: 1, finished: true}},
	{"long after the end", 5000 * s, view{kind: Stretch, routine: "lying-twist", rep: 3, reps: 3, side: R, overall: 1, finished: true}},
}

func TestAtSaysWhatHappensAtEachInstant(t *testing.T) {
	c := sessionCoach(t)
	for _, tt := range atTests {
		t.Run(tt.name, func(t *testing.T) {
			st := c.At(at(tt.d))
			if got := viewOf(st); !got.same(tt.want) {
				t.Errorf("At(+%v)\n got %+v\nwant %+v", tt.d, got, tt.want)
			}
			wantOff := min(tt.d, 1006*s)
			if st.Offset != wantOff || st.Left != 1006*s-wantOff || st.Total != 1006*s {
				t.Errorf("At(+%v): offset %v left %v total %v, want %v %v 1006s", tt.d, st.Offset, st.Left, st.Total, wantOff, 1006*s-wantOff)
			}
		})
	}
}

func TestAtChangesNothing(t *testing.T) {
	c := sessionCoach(t)
	// Asking about later instants, and then earlier ones, must not move
	// anything: At is a pure question.
	for range 2 {
		for i := len(atTests) - 1; i >= 0; i-- {
			c.At(at(atTests[i].d))
		}
	}
	for _, tt := range atTests {
		if got := viewOf(c.At(at(tt.d))); !got.same(tt.want) {
			t.Errorf("%s: At(+%v) = %+v after other questions, want %+v", tt.name, tt.d, got, tt.want)
		}
	}
	if evs := c.Events(t0); len(evs) != 1 || evs[0].Kind != SegmentStarted {
		t.Errorf("Events(t0) after many At calls = %v, want only the first segment's start", kinds(evs))
	}
}

func kinds(evs []Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Kind.String()
		if e.Kind == PhaseChanged {
			out[i] += " " + e.Phase.String()
		}
	}
	return out
}

func TestPauseFreezesTimeUntilResume(t *testing.T) {
	c := sessionCoach(t)
	c.Events(at(11 * s))
	c.Pause(at(11 * s)) // 3 s into the first hold, 2 s into its inhale
	for _, d := range []time.Duration{11 * s, 12 * s, 100 * s, time.Hour} {
		st := c.At(at(d))
		if st.Offset != 11*s || st.SegmentLeft != 7*s || !st.Paused || st.Phase != routines.Inhale || st.PhaseElapsed != 2*s {
			t.Errorf("paused, At(+%v): offset %v left %v paused %v phase %v+%v; want frozen at 11s, 7s left, Inhale+2s",
				d, st.Offset, st.SegmentLeft, st.Paused, st.Phase, st.PhaseElapsed)
		}
	}
	if _, ok := c.NextEvent(at(50 * s)); ok {
		t.Error("NextEvent while paused reports an event; nothing is due until resumed")
	}
	if evs := c.Events(at(time.Hour)); len(evs) != 1 || evs[0].Kind != Paused || !evs[0].At.Equal(at(11*s)) || evs[0].Offset != 11*s {
		t.Fatalf("Events while paused = %v, want only Paused at +11s", evs)
	}
	c.Pause(at(time.Hour)) // a second pause is nothing
	c.Resume(at(100 * s))
	// The hold goes on where it stopped: its Hold phase (at 14 s) is 3 s later.
	st := c.At(at(103 * s))
	if st.Offset != 14*s || st.Phase != routines.Hold || st.Paused {
		t.Errorf("resumed, At(+103s): offset %v phase %v paused %v; want 14s Hold running", st.Offset, st.Phase, st.Paused)
	}
	next, ok := c.NextEvent(at(100 * s))
	if !ok || !next.Equal(at(103*s)) {
		t.Errorf("NextEvent after resume = %v %v, want +103s (the Hold phase, shifted by the 90 s pause)", next.Sub(t0), ok)
	}
	evs := c.Events(at(103 * s))
	if len(evs) != 2 || evs[0].Kind != Resumed || !evs[0].At.Equal(at(100*s)) ||
		evs[1].Kind != PhaseChanged || evs[1].Phase != routines.Hold || !evs[1].At.Equal(at(103*s)) || evs[1].Offset != 14*s {
		t.Errorf("Events after resume = %+v, want Resumed at +100s then Hold at +103s", evs)
	}
	// Toggle pauses and resumes too, and a resume without a pause is nothing.
	c.Resume(at(104 * s))
	c.Toggle(at(104 * s))
	if !c.Paused() {
		t.Error("Toggle did not pause a running coach")
	}
	c.Toggle(at(110 * s))
	if c.Paused() || c.At(at(110*s)).Offset != 15*s {
		t.Errorf("Toggle did not resume where it paused: offset %v", c.At(at(110*s)).Offset)
	}
}

func TestSkipJumpsToTheNextSegmentWithoutCountingIt(t *testing.T) {
	tests := []struct {
		name        string
		skipAt      time.Duration
		wantOff     time.Duration
		wantKind    Kind
		wantElapsed time.Duration
	}{
		{"from the ready to the first hold", 3 * s, 8 * s, Stretch, 0},
		{"from a hold to the rest", 10 * s, 18 * s, Rest, 0},
		{"from a rest to the next hold", 19 * s, 21 * s, Stretch, 0},
		{"from the last hold of a routine to the next routine", 260 * s, 265 * s, Ready, 0},
		{"from the last hold of the session to the end", 990 * s, 1006 * s, Stretch, 45 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sessionCoach(t)
			before := c.Events(at(tt.skipAt))
			done := map[int]bool{}
			for _, e := range before {
				if e.Kind == RepDone {
					done[e.Index] = true
				}
			}
			c.Skip(at(tt.skipAt))
			st := c.At(at(tt.skipAt))
			if st.Offset != tt.wantOff || st.Segment.Kind != tt.wantKind || st.SegmentElapsed != tt.wantElapsed {
				t.Errorf("after Skip: offset %v %v elapsed %v, want %v %v %v", st.Offset, st.Segment.Kind, st.SegmentElapsed, tt.wantOff, tt.wantKind, tt.wantElapsed)
			}
			evs := c.Events(at(tt.skipAt))
			if len(evs) == 0 || evs[0].Kind != Skipped || evs[0].Offset != tt.wantOff || !evs[0].At.Equal(at(tt.skipAt)) {
				t.Fatalf("Events after Skip = %v, want Skipped first", kinds(evs))
			}
			for _, e := range evs {
				if e.Kind == RepDone {
					t.Errorf("Skip reported %v of segment %d (%v rep %d %s), a hold that was cut short", e.Kind, e.Index, e.Segment.Kind, e.Segment.Rep, e.Segment.Side)
				}
				if e.Kind == SegmentStarted && (e.Offset != tt.wantOff || !e.At.Equal(at(tt.skipAt))) {
					t.Errorf("SegmentStarted at offset %v instant +%v, want %v at the skip", e.Offset, e.At.Sub(t0), tt.wantOff)
				}
			}
			held := 0
			for _, tl := range c.Tallies() {
				held += tl.Done
			}
			if held != len(done) {
				t.Errorf("Tallies count %d reps done, want %d (the ones held to their end before the skip)", held, len(done))
			}
			// Time runs on from the target.
			if st := c.At(at(tt.skipAt + 1*s)); st.Offset != min(tt.wantOff+1*s, 1006*s) {
				t.Errorf("1 s after Skip, offset %v, want %v", st.Offset, tt.wantOff+1*s)
			}
		})
	}
}

func TestSkipAtTheEndOfTheSessionFinishesIt(t *testing.T) {
	c := sessionCoach(t)
	c.Events(at(1000 * s))
	c.Skip(at(1000 * s))
	evs := c.Events(at(1000 * s))
	if last := evs[len(evs)-1]; last.Kind != Finished || !last.At.Equal(at(1000*s)) {
		t.Errorf("Events after skipping the last hold = %v, want Finished last", kinds(evs))
	}
	if !c.Finished(at(1000*s)) || !c.Over(at(1000*s)) || !c.At(at(1000*s)).Finished {
		t.Error("after skipping the last segment the coach is not finished")
	}
	c.Skip(at(1001 * s)) // nothing left to skip
	if evs := c.Events(at(1001 * s)); len(evs) != 0 {
		t.Errorf("Skip after the end reported %v", kinds(evs))
	}
}

func TestBackRestartsTheSegmentOrGoesToTheOneBefore(t *testing.T) {
	tests := []struct {
		name    string
		backAt  time.Duration
		wantOff time.Duration
	}{
		{"2 s into a hold: restart it", 10 * s, 8 * s},
		{"well into a hold: restart it", 17 * s, 8 * s},
		{"1 s into a hold: the ready before it", 9 * s, 0},
		{"just under the grace: the one before", 10*s - 1, 0},
		{"1 s into a rest: the hold before it", 19 * s, 8 * s},
		{"1 s into the first segment: restart it", 1 * s, 0},
		{"at the very start: stay", 0, 0},
		{"1 s into the next routine's ready: the last hold of the one before", 266 * s, 255 * s},
		{"5 s into the next routine's ready: restart the ready", 270 * s, 265 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sessionCoach(t)
			c.Events(at(tt.backAt))
			c.Back(at(tt.backAt))
			st := c.At(at(tt.backAt))
			if st.Offset != tt.wantOff || st.SegmentElapsed != 0 {
				t.Errorf("after Back at +%v: offset %v elapsed %v, want %v 0", tt.backAt, st.Offset, st.SegmentElapsed, tt.wantOff)
			}
			evs := c.Events(at(tt.backAt))
			if len(evs) == 0 || evs[0].Kind != WentBack || evs[0].Offset != tt.wantOff {
				t.Fatalf("Events after Back = %v, want WentBack to %v first", kinds(evs), tt.wantOff)
			}
			for _, e := range evs[1:] {
				if e.Offset != tt.wantOff || !e.At.Equal(at(tt.backAt)) {
					t.Errorf("%v at offset %v instant +%v, want at the back target %v, now", e.Kind, e.Offset, e.At.Sub(t0), tt.wantOff)
				}
				switch e.Kind {
				case SegmentStarted, SideSwitched, PhaseChanged:
				default:
					t.Errorf("Back reported %v of segment %d, which belongs to a segment already left behind", e.Kind, e.Index)
				}
			}
		})
	}
}

func TestBackMakesARepHeldAgainCountOnce(t *testing.T) {
	c := sessionCoach(t)
	c.Events(at(19 * s)) // left rep 1 held 8-18: done
	c.Back(at(19 * s))   // back to its start at offset 8
	evs := c.Events(at(30 * s))
	n := 0
	for _, e := range evs {
		if e.Kind == RepDone {
			n++
			if e.Offset != 18*s || !e.At.Equal(at(29*s)) {
				t.Errorf("RepDone of the rep held again at offset %v instant +%v, want 18s at +29s", e.Offset, e.At.Sub(t0))
			}
		}
	}
	if n != 1 {
		t.Errorf("%d RepDone while holding rep 1 again, want 1", n)
	}
	tl := c.Tallies()
	if len(tl) == 0 || tl[0].Routine != "knee-to-chest" || tl[0].Side != L || tl[0].Done != 1 || tl[0].Planned != 10 {
		t.Errorf("Tallies = %+v, want knee-to-chest left 1 of 10", tl)
	}
}

func TestStopEndsTheSessionWithItsReason(t *testing.T) {
	for _, reason := range []StopReason{Quit, Pain} {
		t.Run(reason.String(), func(t *testing.T) {
			c := sessionCoach(t)
			c.Events(at(28 * s))
			c.Stop(at(28*s), reason)
			for _, d := range []time.Duration{28 * s, 31 * s, 2000 * s} {
				st := c.At(at(d))
				if st.Offset != 28*s || !st.Stopped || st.Reason != reason || st.Finished {
					t.Errorf("At(+%v) after Stop: offset %v stopped %v reason %v finished %v", d, st.Offset, st.Stopped, st.Reason, st.Finished)
				}
			}
			if !c.Over(at(31*s)) || c.Finished(at(2000*s)) || c.Reason() != reason {
				t.Errorf("Over %v Finished %v Reason %v; want over, not finished, %v", c.Over(at(31*s)), c.Finished(at(2000*s)), c.Reason(), reason)
			}
			if _, ok := c.NextEvent(at(31 * s)); ok {
				t.Error("NextEvent after Stop reports an event")
			}
			evs := c.Events(at(2000 * s))
			if len(evs) != 1 || evs[0].Kind != Stopped || evs[0].Reason != reason || !evs[0].At.Equal(at(28*s)) || evs[0].Offset != 28*s {
				t.Errorf("Events after Stop = %+v, want only Stopped(%v) at +28s", evs, reason)
			}
			// After a stop nothing moves any more.
			c.Resume(at(2000 * s))
			c.Skip(at(2000 * s))
			c.Back(at(2000 * s))
			c.Pause(at(2000 * s))
			c.Stop(at(2000*s), Quit)
			if evs := c.Events(at(3000 * s)); len(evs) != 0 {
				t.Errorf("commands after Stop reported %v", kinds(evs))
			}
			// Reps held before the stop count: left 1 (8-18) and right 1 (21-31 is cut at 70%, under the credit).
			if tl := c.Tallies(); tl[0].Done != 1 || tl[1].Done != 0 {
				t.Errorf("Tallies after Stop = %+v, want left 1, right 0", tl)
			}
		})
	}
}

func TestStopWhilePausedKeepsThePausedPosition(t *testing.T) {
	c := sessionCoach(t)
	c.Pause(at(12 * s))
	c.Stop(at(50*s), Pain)
	if st := c.At(at(60 * s)); st.Offset != 12*s || !st.Stopped || st.Reason != Pain {
		t.Errorf("At after pause and stop: offset %v stopped %v reason %v, want 12s stopped pain", st.Offset, st.Stopped, st.Reason)
	}
}

func TestEventsOfAWholeSessionComeInOrderOnceEach(t *testing.T) {
	c := sessionCoach(t)
	var all []Event
	// Ask at irregular instants, some of them twice, as a screen would.
	for d := time.Duration(0); d <= 1010*s; d += 333 * ms {
		all = append(all, c.Events(at(d))...)
		all = append(all, c.Events(at(d))...)
	}
	count := map[EventKind]int{}
	type key struct {
		kind  EventKind
		off   time.Duration
		index int
	}
	seen := map[key]bool{}
	for i, e := range all {
		count[e.Kind]++
		k := key{e.Kind, e.Offset, e.Index}
		if seen[k] {
			t.Errorf("%v of segment %d at %v reported twice", e.Kind, e.Index, e.Offset)
		}
		seen[k] = true
		if !e.At.Equal(t0.Add(e.Offset)) {
			t.Errorf("%v at instant +%v, want +%v (its offset; nothing paused)", e.Kind, e.At.Sub(t0), e.Offset)
		}
		if i > 0 {
			p := all[i-1]
			if e.Offset < p.Offset || (e.Offset == p.Offset && e.Kind.order() < p.Kind.order()) {
				t.Errorf("event %d %v@%v comes after %v@%v", i, e.Kind, e.Offset, p.Kind, p.Offset)
			}
		}
	}
	// Counted from the facts: 42 holds (20+10+6+6); 4 routines; the
	// segments: knee 1+20+19, arm 1+10+9, twists 1+6+5 each = 104; sides
	// switch at every knee hold but the first (19) and every twist hold but
	// the first (5+5); phases: 3 per 10 s hold (a 1 s settle, then Inhale,
	// Hold, Exhale: no phase cut short) * 30, 15 per 45 s hold * 12 = 270.
	want := map[EventKind]int{RepDone: 42, RoutineDone: 4, SegmentStarted: 84, SideSwitched: 29, PhaseChanged: 270, Finished: 1}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d %v events, want %d", count[k], k, n)
		}
	}
	if len(all) == 0 || all[len(all)-1].Kind != Finished || all[len(all)-1].Offset != 1006*s {
		t.Errorf("the last event is not Finished at 1006s")
	}
	if count[BreathDone] != 0 {
		t.Errorf("%d BreathDone in a session; they belong to breathing alone", count[BreathDone])
	}
	for _, tl := range c.Tallies() {
		if tl.Done != tl.Planned {
			t.Errorf("tally %+v: a whole session holds every rep", tl)
		}
	}
	if got := len(c.Tallies()); got != 7 { // knee L R, arm, seated L R, lying L R
		t.Errorf("%d tallies, want 7", got)
	}
}

func TestEventsAtARoutineBoundaryComeEndsFirst(t *testing.T) {
	c := sessionCoach(t)
	c.Events(at(264 * s))
	evs := c.Events(at(265 * s))
	want := []string{"rep done", "routine done", "segment started"}
	if got := kinds(evs); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("events at the end of knee-to-chest = %v, want %v", got, want)
	}
	if evs[0].Segment.Side != R || evs[0].Segment.Rep != 10 || evs[2].Segment.Kind != Ready || evs[2].Segment.Routine != 1 {
		t.Errorf("the rep done is %v rep %d, the segment started %v of routine %d", evs[0].Segment.Side, evs[0].Segment.Rep, evs[2].Segment.Kind, evs[2].Segment.Routine)
	}
	// At a side change: rep done, segment started (Rest), and at the next
	// hold segment started, side switched; its first inhale follows the
	// 1 s settle.
	c = sessionCoach(t)
	c.Events(at(20 * s))
	got := kinds(c.Events(at(21 * s)))
	want = []string{"segment started", "side switched"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("events at the first right hold = %v, want %v", got, want)
	}
	if got := kinds(c.Events(at(22 * s))); len(got) != 1 || got[0] != "phase changed Inhale" {
		t.Errorf("events 1 s into the first right hold = %v, want the inhale after the settle", got)
	}
}

func TestNextEventIsTheNextScheduledInstant(t *testing.T) {
	tests := []struct {
		now, next time.Duration
	}{
		{0, 8 * s},         // the first hold, settling
		{8 * s, 9 * s},     // Inhale, after the settle
		{9 * s, 14 * s},    // Hold
		{14 * s, 15 * s},   // Exhale
		{15 * s, 18 * s},   // rep done, rest, as the exhale ends
		{17*s + 1, 18 * s}, // any instant between
		{18 * s, 21 * s},   // next hold
		// The last hold of lying-twist: 1006 - 45 = 961 s; its breaths
		// start at 961, 970, 979, 988, 997: at 999 the next change is the
		// Hold at 1002.
		{999 * s, 1002 * s},
		{1005 * s, 1006 * s}, // the end
		{1006 * s, -1},       // nothing after the end
		{408 * s, 413 * s},   // twist: Hold phase
		{451 * s, 453 * s},   // twist rep done at 453
		{264*s + 1, 265 * s}, // next routine
		{399*s + 1, 400 * s}, // next routine
	}
	c := sessionCoach(t)
	for _, tt := range tests {
		next, ok := c.NextEvent(at(tt.now))
		if tt.next < 0 {
			if ok {
				t.Errorf("NextEvent(+%v) = +%v, want none", tt.now, next.Sub(t0))
			}
			continue
		}
		if !ok || !next.Equal(at(tt.next)) {
			t.Errorf("NextEvent(+%v) = +%v %v, want +%v", tt.now, next.Sub(t0), ok, tt.next)
		}
	}
}

func breatheCoach(t testing.TB, pattern routines.Pattern, breaths int) *Coach {
	t.Helper()
	p, err := BreathePlan(pattern, breaths, 0)
	if err != nil {
		t.Fatal(err)
	}
	return New(p, t0)
}

func TestBreathingAloneCountsBreaths(t *testing.T) {
	c := breatheCoach(t, routines.DefaultPattern, 10)
	tests := []struct {
		d           time.Duration
		phase       routines.Phase
		breath      int
		breathsDone int
		finished    bool
	}{
		{0, routines.Inhale, 1, 0, false},
		{5 * s, routines.Hold, 1, 0, false},
		{9 * s, routines.Inhale, 2, 1, false},
		{89 * s, routines.Exhale, 10, 9, false},
		{90 * s, routines.Inhale, 10, 10, true},
		{99 * s, routines.Inhale, 10, 10, true},
	}
	for _, tt := range tests {
		st := c.At(at(tt.d))
		if st.Breath != tt.breath || st.BreathsDone != tt.breathsDone || st.Breaths != 10 || st.Finished != tt.finished ||
			(!tt.finished && (st.Phase != tt.phase || !st.Breathing)) {
			t.Errorf("At(+%v): %v breath %d done %d of %d finished %v; want %v breath %d done %d of 10 finished %v",
				tt.d, st.Phase, st.Breath, st.BreathsDone, st.Breaths, st.Finished, tt.phase, tt.breath, tt.breathsDone, tt.finished)
		}
	}
	evs := c.Events(at(90 * s))
	var breaths []int
	for _, e := range evs {
		if e.Kind == BreathDone {
			breaths = append(breaths, e.Breath)
			if e.Offset != time.Duration(e.Breath)*9*s {
				t.Errorf("breath %d done at %v, want %v", e.Breath, e.Offset, time.Duration(e.Breath)*9*s)
			}
		}
	}
	if len(breaths) != 10 || breaths[0] != 1 || breaths[9] != 10 || c.BreathsDone() != 10 {
		t.Errorf("BreathDone for %v, BreathsDone() %d; want 1..10, 10", breaths, c.BreathsDone())
	}
	if evs[len(evs)-1].Kind != Finished {
		t.Errorf("last event %v, want Finished", evs[len(evs)-1].Kind)
	}
	if tl := c.Tallies(); len(tl) != 0 {
		t.Errorf("Tallies of breathing alone = %v, want none", tl)
	}
}

func TestBreathingAloneSkippedIsNotABreathDone(t *testing.T) {
	c := breatheCoach(t, routines.DefaultPattern, 10)
	c.Events(at(40 * s)) // 4 whole breaths, the fifth under way
	c.Skip(at(40 * s))
	evs := c.Events(at(40 * s))
	for _, e := range evs {
		if e.Kind == BreathDone {
			t.Errorf("Skip reported breath %d done", e.Breath)
		}
	}
	if c.BreathsDone() != 4 {
		t.Errorf("BreathsDone() = %d after skipping from breath 5, want 4", c.BreathsDone())
	}
}

func TestSetPaceKeepsThePlaceInTheBreathAndTheBreathsLeft(t *testing.T) {
	tests := []struct {
		name      string
		changeAt  time.Duration
		pace      float64
		phase     routines.Phase
		elapsed   time.Duration // into the phase, right after the change
		length    time.Duration // the phase's new length
		total     time.Duration // the plan's new total
		nextPhase time.Duration // instant of the next phase change
	}{
		// 13.5 s: breath 2 is 4.5 s in, 90% through its 5 s inhale. At pace
		// 2 the breath is 10-2-6 (18 s): 9 s into a 10 s inhale. 9 breaths
		// remain counting this one: 9*18 - 9 = 153 s more.
		{"twice as slow mid-inhale", 13500 * ms, 2, routines.Inhale, 9 * s, 10 * s, 13500*ms + 153*s, 14500 * ms},
		// 13 s: breath 2, 4 s into the 5 s inhale. At pace 0.5:
		// 2.5-0.5-1.5 (4.5 s); 2 s into a 2.5 s inhale; 9*4.5 - 2 = 38.5 s
		// more.
		{"twice as fast mid-inhale", 13 * s, 0.5, routines.Inhale, 2 * s, 2500 * ms, 13*s + 38500*ms, 13500 * ms},
		// 15 s: breath 2, 6 s in: the exhale begins. At pace 1.5
		// (7.5-1.5-4.5, 13.5 s) the exhale begins too; 9*13.5 - 9 = 112.5 s.
		{"slower at a phase boundary", 15 * s, 1.5, routines.Exhale, 0, 4500 * ms, 15*s + 112500*ms, 19500 * ms},
		// 18 s: a breath boundary (2 done). Pace 1.2: 6-1.2-3.6, on the
		// Tick grid already (10.8 s); 8 breaths left: 86.4 s more.
		{"at a breath boundary", 18 * s, 1.2, routines.Inhale, 0, 6 * s, 18*s + 86400*ms, 24 * s},
		{"clamped to twice as slow", 13500 * ms, 7, routines.Inhale, 9 * s, 10 * s, 13500*ms + 153*s, 14500 * ms},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := breatheCoach(t, routines.DefaultPattern, 10)
			before := c.At(at(tt.changeAt))
			c.Events(at(tt.changeAt))
			c.SetPace(at(tt.changeAt), tt.pace)
			st := c.At(at(tt.changeAt))
			if st.Phase != tt.phase || st.PhaseElapsed != tt.elapsed || st.PhaseLength != tt.length {
				t.Errorf("after SetPace: %v %v of %v, want %v %v of %v", st.Phase, st.PhaseElapsed, st.PhaseLength, tt.phase, tt.elapsed, tt.length)
			}
			if !near(st.PhaseProgress, before.PhaseProgress) && tt.elapsed != 0 {
				t.Errorf("progress through the phase %v, was %v before the change", st.PhaseProgress, before.PhaseProgress)
			}
			if st.Breath != before.Breath || st.BreathsDone != before.BreathsDone || st.Breaths != 10 {
				t.Errorf("breath %d, %d done of %d; was %d, %d of 10", st.Breath, st.BreathsDone, st.Breaths, before.Breath, before.BreathsDone)
			}
			if c.Plan().Total() != tt.total {
				t.Errorf("new total %v, want %v", c.Plan().Total(), tt.total)
			}
			if next, ok := c.NextEvent(at(tt.changeAt)); !ok || !next.Equal(at(tt.nextPhase)) {
				t.Errorf("next event at +%v, want +%v", next.Sub(t0), tt.nextPhase)
			}
			evs := c.Events(at(tt.total + time.Hour))
			if len(evs) == 0 || evs[0].Kind != PaceChanged || evs[0].Pace != min(tt.pace, MaxPace) {
				t.Fatalf("events after SetPace = %v, want PaceChanged first", kinds(evs))
			}
			var done []int
			for _, e := range evs {
				if e.Kind == BreathDone {
					done = append(done, e.Breath)
				}
			}
			if c.BreathsDone() != 10 || len(done) != 10-before.BreathsDone || done[len(done)-1] != 10 {
				t.Errorf("breaths done after the change %v, BreathsDone() %d; want up to 10", done, c.BreathsDone())
			}
			if last := evs[len(evs)-1]; last.Kind != Finished || !last.At.Equal(at(tt.total)) {
				t.Errorf("the last event %v at +%v, want Finished at +%v", last.Kind, last.At.Sub(t0), tt.total)
			}
		})
	}
}

func TestSetPaceTwiceScalesThePlannedPatternNotTheLastOne(t *testing.T) {
	c := breatheCoach(t, routines.DefaultPattern, 0)
	c.SetPace(at(2*s), 2)
	c.SetPace(at(20*s), 1.5)
	st := c.At(at(20 * s))
	want := routines.Pattern{7500 * ms, 1500 * ms, 4500 * ms, 0}
	if st.Segment.Pattern != want || c.Pace() != 1.5 {
		t.Errorf("pattern %v pace %v, want %v 1.5", st.Segment.Pattern, c.Pace(), want)
	}
	if st.Breaths != 0 || !st.Open || st.Progress != 0 {
		t.Errorf("an open plan shows %d breaths planned, open %v, progress %v", st.Breaths, st.Open, st.Progress)
	}
}

func TestSetPaceLeavesASessionAlone(t *testing.T) {
	c := sessionCoach(t)
	c.SetPace(at(10*s), 2)
	if c.Pace() != 1 || c.Plan().Total() != 1006*s {
		t.Errorf("SetPace changed a session: pace %v total %v", c.Pace(), c.Plan().Total())
	}
	if evs := c.Events(at(10 * s)); len(evs) > 0 && evs[len(evs)-1].Kind == PaceChanged {
		t.Error("SetPace on a session reported a pace change")
	}
}

func TestBackAfterTheEndStaysFinished(t *testing.T) {
	c := sessionCoach(t)
	c.Events(at(1200 * s))
	c.Back(at(1200 * s))
	st := c.At(at(1200 * s))
	if !st.Finished || st.Offset != 1006*s {
		t.Errorf("after Back past the end: finished %v offset %v, want finished at 16m46s", st.Finished, st.Offset)
	}
	if evs := c.Events(at(1300 * s)); len(evs) != 0 {
		t.Errorf("events after Back past the end: %v, want none (no second Finished)", kinds(evs))
	}
}

func TestBackAndSkipAreIgnoredWhileBreathingAlone(t *testing.T) {
	c := breatheCoach(t, routines.DefaultPattern, 10)
	c.SetPace(at(13500*ms), 2) // a new segment from 13.5 s, at 10-2-6
	before := c.At(at(14500 * ms))
	c.Back(at(14500 * ms))
	c.Skip(at(14500 * ms))
	after := c.At(at(14500 * ms))
	if after.Offset != before.Offset || after.Segment.Pattern != before.Segment.Pattern || after.Breath != before.Breath {
		t.Fatalf("Back/Skip moved a breathing plan: %v %v breath %d, was %v %v breath %d",
			after.Offset, after.Segment.Pattern, after.Breath, before.Offset, before.Segment.Pattern, before.Breath)
	}
	for _, e := range c.Events(at(14500 * ms)) {
		if e.Kind == WentBack || e.Kind == Skipped {
			t.Errorf("event %v from an ignored command", e.Kind)
		}
	}
}

// PausedFor adds up every pause: one that ended, one still going, and one
// that a stop ended.
func TestPausedForAddsUpThePauses(t *testing.T) {
	start := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	p, err := routines.ParsePattern("5-1-3")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := BreathePlan(p, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := New(plan, start)
	at := func(s float64) time.Time { return start.Add(time.Duration(s * float64(time.Second))) }
	c.Pause(at(6))
	c.Resume(at(10))
	if got := c.PausedFor(at(12)); got != 4*time.Second {
		t.Errorf("after one pause of 4 s: %v", got)
	}
	c.Pause(at(15))
	if got := c.PausedFor(at(17.5)); got != 6500*time.Millisecond {
		t.Errorf("4 s and 2.5 s of a pause still going: %v", got)
	}
	c.Stop(at(20), Quit)
	if got := c.PausedFor(at(30)); got != 9*time.Second {
		t.Errorf("4 s and a pause of 5 s that the stop ended: %v", got)
	}
}
