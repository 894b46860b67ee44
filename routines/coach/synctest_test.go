package coach

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/unknot/unknot/routines"
)

// pace follows c the way a front end does: it asks for the next event's
// instant, sets a real timer for exactly that instant, and on waking takes
// the events due at time.Now(). It stops after the last event due by until.
// Every wake must come exactly at the instant asked for, and every event
// taken must carry that instant.
func pace(t *testing.T, c *Coach, until time.Time) []Event {
	t.Helper()
	now := time.Now()
	evs := c.Events(now)
	for {
		next, ok := c.NextEvent(now)
		if !ok || next.After(until) {
			return evs
		}
		timer := time.NewTimer(next.Sub(now))
		<-timer.C
		now = time.Now()
		if !now.Equal(next) {
			t.Fatalf("woke at %v, %v off the scheduled %v", now, now.Sub(next), next)
		}
		got := c.Events(now)
		if len(got) == 0 {
			t.Fatalf("woke at %v for an event and none was due", now)
		}
		for _, e := range got {
			if !e.At.Equal(now) {
				t.Errorf("%v taken at %v carries the instant %v", e.Kind, now, e.At)
			}
		}
		evs = append(evs, got...)
	}
}

// wait lets d pass on the bubble's fake clock, which takes no real time.
func wait(d time.Duration) { <-time.NewTimer(d).C }

func TestWholeSessionUnderRealTimersLandsEveryPhaseOnSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, err := SessionPlan(fixed(t), fixedOptions)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		c := New(p, start)
		evs := pace(t, c, start.Add(24*time.Hour))

		// The instants every segment and every breathing phase must begin
		// at, worked out from the facts (defaultSession): a hold settles for
		// what is left over from whole 9 s breaths (1 s of a 10 s hold), then
		// the 5-1-3 phases begin 0, 5 and 6 s into each breath.
		var wantSegs, wantPhases []time.Time
		var off time.Duration
		for _, g := range defaultSession() {
			wantSegs = append(wantSegs, start.Add(off))
			if g.kind == Stretch {
				for b := g.length % (9 * s); b < g.length; b += 9 * s {
					for _, ph := range []time.Duration{0, 5 * s, 6 * s} {
						if b+ph < g.length {
							wantPhases = append(wantPhases, start.Add(off+b+ph))
						}
					}
				}
			}
			off += g.length
		}
		var gotSegs, gotPhases []time.Time
		finished := 0
		for _, e := range evs {
			switch e.Kind {
			case SegmentStarted:
				gotSegs = append(gotSegs, e.At)
			case PhaseChanged:
				gotPhases = append(gotPhases, e.At)
			case Finished:
				finished++
				if !e.At.Equal(start.Add(1006 * s)) {
					t.Errorf("finished at +%v, want +1006s", e.At.Sub(start))
				}
			}
		}
		same := func(what string, got, want []time.Time) {
			if len(got) != len(want) {
				t.Errorf("%d %s, want %d", len(got), what, len(want))
				return
			}
			for i := range got {
				if d := got[i].Sub(want[i]); d != 0 {
					t.Errorf("%s %d at +%v, %v off the schedule +%v", what, i, got[i].Sub(start), d, want[i].Sub(start))
				}
			}
		}
		same("segment starts", gotSegs, wantSegs)
		same("phase changes", gotPhases, wantPhases)
		if finished != 1 {
			t.Errorf("%d Finished events, want 1", finished)
		}
		if now := time.Now(); !now.Equal(start.Add(1006*s)) || !c.Finished(now) {
			t.Errorf("the run ended at +%v (finished %v), want +1006s", now.Sub(start), c.Finished(now))
		}
	})
}

func TestAnHourOfOpenBreathingUnderRealTimersDoesNotDrift(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, err := BreathePlan(routines.DefaultPattern, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		c := New(p, start)
		hour := start.Add(time.Hour)
		evs := pace(t, c, hour)

		// An hour is 400 breaths of 9 s exactly; the 401st begins with an
		// inhale on the hour.
		var breaths, phases int
		var lastBreath, lastPhase Event
		for _, e := range evs {
			switch e.Kind {
			case BreathDone:
				breaths++
				if e.Breath != breaths || !e.At.Equal(start.Add(time.Duration(breaths)*9*s)) {
					t.Fatalf("breath %d reported as %d at +%v, want at +%v", breaths, e.Breath, e.At.Sub(start), time.Duration(breaths)*9*s)
				}
				lastBreath = e
			case PhaseChanged:
				phases++
				lastPhase = e
			case Finished:
				t.Errorf("an open plan finished at +%v", e.At.Sub(start))
			}
		}
		if breaths != 400 || c.BreathsDone() != 400 || !lastBreath.At.Equal(hour) {
			t.Errorf("%d breaths (BreathsDone %d), the last at +%v; want 400 at +1h", breaths, c.BreathsDone(), lastBreath.At.Sub(start))
		}
		if phases != 3*400+1 || !lastPhase.At.Equal(hour) || lastPhase.Phase != routines.Inhale || lastPhase.Breath != 401 {
			t.Errorf("%d phase changes, the last %v of breath %d at +%v; want 1201, Inhale of 401 at +1h",
				phases, lastPhase.Phase, lastPhase.Breath, lastPhase.At.Sub(start))
		}
		if now := time.Now(); !now.Equal(hour) {
			t.Errorf("the clock stands at +%v after the last wake, want +1h exactly", now.Sub(start))
		}
		st := c.At(hour)
		if st.BreathsDone != 400 || st.Breath != 401 || st.Phase != routines.Inhale || st.PhaseElapsed != 0 {
			t.Errorf("At(+1h): breath %d, %d done, %v+%v; want breath 401, 400 done, Inhale+0", st.Breath, st.BreathsDone, st.Phase, st.PhaseElapsed)
		}
	})
}

func TestPausedBreathingUnderRealTimersShiftsTheScheduleByThePause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, err := BreathePlan(routines.DefaultPattern, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		c := New(p, start)
		// Breathe 20 s (2 breaths and 2 s of the third), pause 47.5 s,
		// resume, and breathe to the end.
		evs := pace(t, c, start.Add(20*s))
		wait(20*s - time.Since(start))
		c.Pause(time.Now())
		wait(47500 * ms)
		if _, ok := c.NextEvent(time.Now()); ok {
			t.Fatal("a paused coach has a next event")
		}
		c.Resume(time.Now())
		evs = append(evs, pace(t, c, start.Add(time.Hour))...)

		var breaths []time.Duration
		for _, e := range evs {
			if e.Kind == BreathDone {
				breaths = append(breaths, e.At.Sub(start))
			}
		}
		// Breaths 1 and 2 end at 9 and 18 s; the rest 47.5 s later than
		// planned: breath n at 9n + 47.5 s.
		if len(breaths) != 10 {
			t.Fatalf("%d breaths, want 10", len(breaths))
		}
		for i, got := range breaths {
			want := time.Duration(i+1) * 9 * s
			if i >= 2 {
				want += 47500 * ms
			}
			if got != want {
				t.Errorf("breath %d done at +%v, want +%v", i+1, got, want)
			}
		}
		if now := time.Now(); !now.Equal(start.Add(137500*ms)) || !c.Finished(now) {
			t.Errorf("finished at +%v (%v), want +137.5s", now.Sub(start), c.Finished(now))
		}
	})
}
