package coach

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

func carePlan(t testing.TB, rule routines.CareRule, length time.Duration, ready time.Duration) *Plan {
	t.Helper()
	p, err := CarePlan(rule, length, CareOptions{Ready: ready})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// moments lists the care moments among evs with their offsets from start,
// and the other events by kind.
func careMoments(evs []Event, start time.Time) []string {
	var out []string
	for _, e := range evs {
		if m := MomentOf(e); m != CareNone {
			out = append(out, m.String()+" +"+e.At.Sub(start).String())
		} else {
			out = append(out, e.Kind.String()+" +"+e.At.Sub(start).String())
		}
	}
	return out
}

func TestCarePlanIsAGetReadyAndTwoHalves(t *testing.T) {
	cases := []struct {
		rule   routines.CareRule
		length time.Duration
		ready  time.Duration
		want   []seg // kind, length, rep (the half)
	}{
		{routines.Ice, 15 * time.Minute, 20 * s, []seg{{Ready, 20 * s, 1, NS}, {Apply, 450 * s, 1, NS}, {Apply, 450 * s, 2, NS}}},
		{routines.Heat, 20 * time.Minute, 20 * s, []seg{{Ready, 20 * s, 1, NS}, {Apply, 600 * s, 1, NS}, {Apply, 600 * s, 2, NS}}},
		// -m 0.05: the get-ready is never longer than the application.
		{routines.Ice, 3 * s, 20 * s, []seg{{Ready, 3 * s, 1, NS}, {Apply, 1500 * ms, 1, NS}, {Apply, 1500 * ms, 2, NS}}},
		// An odd number of Ticks: the second half takes the odd Tick.
		{routines.Ice, 7*s + Tick, 0, []seg{{Apply, 3500 * ms, 1, NS}, {Apply, 3500*ms + Tick, 2, NS}}},
		// Off the grid: the length and the get-ready to the nearest Tick.
		{routines.Ice, 7*s + 1, 0, []seg{{Apply, 3500 * ms, 1, NS}, {Apply, 3500 * ms, 2, NS}}},
		{routines.Ice, 7*s + Tick + Tick/5, 5*s + Tick/5, []seg{{Ready, 5 * s, 1, NS}, {Apply, 3500 * ms, 1, NS}, {Apply, 3500*ms + Tick, 2, NS}}},
	}
	for _, c := range cases {
		p := carePlan(t, c.rule, c.length, c.ready)
		var got []seg
		for _, sg := range p.Segments {
			got = append(got, seg{sg.Kind, sg.Length, sg.Rep, sg.Side})
		}
		if len(got) != len(c.want) {
			t.Errorf("%s %v: %v, want %v", c.rule.Kind, c.length, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s %v: segment %d is %v, want %v", c.rule.Kind, c.length, i, got[i], c.want[i])
			}
		}
		var total time.Duration
		for _, w := range c.want {
			total += w.length
		}
		if p.Total() != total || p.Open {
			t.Errorf("%s %v: total %v (open %v)", c.rule.Kind, c.length, p.Total(), p.Open)
		}
	}
}

func TestCarePlanRefusesWhatTheSourcesDoNotAllow(t *testing.T) {
	cases := []struct {
		rule   routines.CareRule
		length time.Duration
		ready  time.Duration
	}{
		{routines.Ice, 0, 0},
		{routines.Ice, -time.Minute, 0},
		{routines.Ice, 500 * time.Millisecond, 0},
		{routines.Ice, 25*time.Minute + 1, 0},
		{routines.Heat, 21 * time.Minute, 0},
		{routines.Ice, time.Minute, -s},
		{routines.CareRule{Kind: routines.KindSession, Longest: routines.Figure{Value: time.Hour}}, time.Minute, 0},
	}
	for _, c := range cases {
		if p, err := CarePlan(c.rule, c.length, CareOptions{Ready: c.ready}); err == nil {
			t.Errorf("%q %v (ready %v): accepted as %v", c.rule.Kind, c.length, c.ready, p.Segments)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("a refusal of more than one line: %q", err)
		}
	}
}

func TestACareApplicationAtChosenInstants(t *testing.T) {
	// Ice for 15 minutes after a 20-second get-ready, started at t0.
	c := New(carePlan(t, routines.Ice, 15*time.Minute, 20*s), t0)
	cases := []struct {
		at       time.Duration
		moment   CareMoment
		left, on time.Duration
	}{
		{0, CareGetReady, 20 * s, 0},
		{12 * s, CareGetReady, 8 * s, 0},
		{20 * s, CareOn, 15 * time.Minute, 0},
		{20*s + 7*time.Minute, CareOn, 8 * time.Minute, 7 * time.Minute},
		{20*s + 450*s - ms, CareOn, 450*s + ms, 450*s - ms},
		{20*s + 450*s, CareHalfway, 450 * s, 450 * s},
		{20*s + 15*time.Minute - ms, CareHalfway, ms, 15*time.Minute - ms},
		{20*s + 15*time.Minute, CareEnd, 0, 15 * time.Minute},
		{2 * time.Hour, CareEnd, 0, 15 * time.Minute},
	}
	for _, k := range cases {
		cs := c.CareAt(at(k.at))
		if cs.Moment != k.moment || cs.Left != k.left || cs.On != k.on || cs.Length != 15*time.Minute {
			t.Errorf("+%v: %v, %v left, on for %v (of %v); want %v, %v left, on for %v",
				k.at, cs.Moment, cs.Left, cs.On, cs.Length, k.moment, k.left, k.on)
		}
	}
	evs := c.Events(at(2 * time.Hour))
	want := []string{"get ready +0s", "on +20s", "halfway +7m50s", "end +15m20s"}
	if got := careMoments(evs, t0); strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("events %v, want %v", got, want)
	}
}

func TestACareApplicationPausesResumesAndStopsAsAnyPlan(t *testing.T) {
	// Heat for 10 minutes with no get-ready; paused at +3 min for 2 min.
	c := New(carePlan(t, routines.Heat, 10*time.Minute, 0), t0)
	c.Pause(at(3 * time.Minute))
	if cs := c.CareAt(at(4 * time.Minute)); !cs.Paused || cs.On != 3*time.Minute || cs.Left != 7*time.Minute {
		t.Errorf("paused: %+v, want on for 3m, 7m left", cs)
	}
	if _, ok := c.NextEvent(at(4 * time.Minute)); ok {
		t.Error("a paused application has a next event")
	}
	c.Resume(at(5 * time.Minute))
	if next, ok := c.NextEvent(at(5 * time.Minute)); !ok || !next.Equal(at(7*time.Minute)) {
		t.Errorf("after the pause the halfway reminder is due at +%v (%v), want +7m", next.Sub(t0), ok)
	}
	evs := c.Events(at(8 * time.Minute))
	want := "on +0s, paused +3m0s, resumed +5m0s, halfway +7m0s"
	if got := strings.Join(careMoments(evs, t0), ", "); got != want {
		t.Errorf("events %s, want %s", got, want)
	}
	c.Stop(at(9*time.Minute), Pain)
	evs = c.Events(at(20 * time.Minute))
	if got := strings.Join(careMoments(evs, t0), ", "); got != "stopped +9m0s" {
		t.Errorf("after stop: %s, want only the stop (no end)", got)
	}
	cs := c.CareAt(at(20 * time.Minute))
	if !cs.Stopped || cs.Reason != Pain || cs.On != 7*time.Minute || cs.Left != 3*time.Minute || cs.Moment != CareHalfway {
		t.Errorf("stopped: %+v, want stopped for pain after 7m on (3 before the pause, 4 after), in the second half", cs)
	}
	if c.Finished(at(20 * time.Minute)) {
		t.Error("a stopped application counts as finished")
	}
}

func TestStartingACareApplicationBeforeTheGetReadyEnds(t *testing.T) {
	// Skip during the get-ready puts the pack on at once; the halfway
	// reminder and the end move with it.
	c := New(carePlan(t, routines.Ice, 4*time.Minute, 20*s), t0)
	c.Skip(at(5 * s))
	evs := c.Events(at(time.Hour))
	want := "get ready +0s, skipped +5s, on +5s, halfway +2m5s, end +4m5s"
	if got := strings.Join(careMoments(evs, t0), ", "); got != want {
		t.Errorf("events %s, want %s", got, want)
	}
}

func TestCareWordsAreTheRuleAtEachMoment(t *testing.T) {
	cases := []struct {
		rule   routines.CareRule
		m      CareMoment
		length time.Duration
		first  string
		has    string
	}{
		{routines.Ice, CareGetReady, 15 * time.Minute, "Ice for 15 minutes. Get ready:", "thin towel"},
		{routines.Heat, CareGetReady, 150 * s, "Heat for 2 minutes 30 seconds. Get ready:", "never sleep on a heating pad"},
		{routines.Ice, CareGetReady, 3 * s, "Ice for 3 seconds. Get ready:", "thin towel"},
		{routines.Heat, CareGetReady, time.Minute, "Heat for 1 minute. Get ready:", "towel"},
		{routines.Ice, CareOn, time.Minute, routines.Ice.On, "ice pack on now"},
		{routines.Ice, CareHalfway, time.Minute, routines.Ice.Halfway, "burns, blisters or goes numb"},
		{routines.Heat, CareEnd, time.Minute, routines.Heat.End, "take the heat off"},
	}
	for _, c := range cases {
		got := CareWords(c.rule, c.m, c.length)
		if len(got) == 0 || got[0] != c.first || !strings.Contains(strings.Join(got, " "), c.has) {
			t.Errorf("%s at %v: %q, want it to begin %q and say %q", c.rule.Kind, c.m, got, c.first, c.has)
		}
	}
	if got := CareWords(routines.Ice, CareNone, time.Minute); got != nil {
		t.Errorf("a pause is given words: %q", got)
	}
}
