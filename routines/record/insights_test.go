package record

import (
	"reflect"
	"testing"
)

// TestNewInsightsByPattern: breathing runs group by pattern, those with
// none recorded last and on their own, and the minimum holds for each
// group alone: five breathing runs in all, but no five of one pattern,
// say nothing about breathing.
func TestNewInsightsByPattern(t *testing.T) {
	run := func(pattern string, before, after int) InsightSample {
		return InsightSample{Before: before, After: after, Breathing: pattern, Hour: 22}
	}
	samples := []InsightSample{
		run("5-1-3", 6, 4), run("5-1-3", 6, 4), run("4-7-8", 5, 5),
		run(PatternNotRecorded, 3, 3), run("5-1-3", 6, 4),
	}
	in := NewInsights(samples, 3)
	wantObs := []Observation{
		{Group: ByBreathing, Label: "5-1-3", Sessions: 3, BreathingRuns: 3, Change: -2, Before: 6, After: 4},
		{Group: ByTime, Label: Night, Sessions: 5, BreathingRuns: 5, Change: -1.2, Before: 5.2, After: 4},
	}
	wantHeld := []Held{{Group: ByBreathing, Label: "4-7-8", Sessions: 1}, {Group: ByBreathing, Label: PatternNotRecorded, Sessions: 1}}
	if len(in.Observations) != 2 || in.Observations[0] != wantObs[0] || in.Observations[1].Label != Night ||
		in.Observations[1].Sessions != 5 || in.Observations[1].BreathingRuns != 5 {
		t.Errorf("observations %+v, want %+v", in.Observations, wantObs)
	}
	if !reflect.DeepEqual(in.Held, wantHeld) {
		t.Errorf("held %+v, want %+v", in.Held, wantHeld)
	}
	// Five breathing runs, none of them five of one pattern: nothing is
	// said of breathing at the default minimum.
	in = NewInsights(samples, 0)
	for _, o := range in.Observations {
		if o.Group == ByBreathing {
			t.Errorf("claimed %+v from fewer than %d runs of one pattern", o, InsightMinimum)
		}
	}
	if len(in.Held) != 3 || in.Held[0].Label != "4-7-8" || in.Held[1].Label != "5-1-3" || in.Held[2].Label != PatternNotRecorded {
		t.Errorf("held %+v: want the patterns by name, then the runs without one", in.Held)
	}
}

// A time of day holds stretch sessions and breathing runs alike, and says
// how many were breathing runs (the words said "sessions" of five
// breathing runs at night).
func TestInsightsTimeOfDaySaysItsBreathingRuns(t *testing.T) {
	var samples []InsightSample
	for range 3 {
		samples = append(samples, InsightSample{Before: 5, After: 3, Routines: []string{"arm-raise"}, Hour: 9})
	}
	for range 2 {
		samples = append(samples, InsightSample{Before: 5, After: 4, Breathing: "5-1-3", Hour: 10})
	}
	in := NewInsights(samples, 5)
	if len(in.Observations) != 1 {
		t.Fatalf("observations %+v; want the morning's alone", in.Observations)
	}
	if o := in.Observations[0]; o.Label != Morning || o.Sessions != 5 || o.BreathingRuns != 2 {
		t.Errorf("morning %+v; want 5, 2 of them breathing runs", o)
	}
}
