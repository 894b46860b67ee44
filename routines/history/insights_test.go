package history

import (
	"context"
	"testing"
	"time"

	"github.com/unknot/unknot/routines/record"
)

// breathingRun saves a finished breathing run begun at start with the
// check-ins before and after, paced at pattern ("" not recorded).
func breathingRun(t *testing.T, s *Store, start time.Time, pattern string, before, after int) {
	t.Helper()
	end := start.Add(5 * time.Minute)
	x := record.Session{Kind: KindBreathe, StartedAt: start, EndedAt: &end, Status: Completed,
		PainBefore: ptr(before), PainAfter: ptr(after), Breaths: 30, Pattern: pattern}
	if _, err := s.save(context.Background(), &x, nil, 0); err != nil {
		t.Fatal(err)
	}
}

// TestInsightsByPattern: breathing runs are grouped by the pattern they
// paced, the runs with none recorded in a group of their own, and the
// minimum holds for each group: four runs of 4-7-8 say nothing about
// 4-7-8, however many breathing runs there are in all.
func TestInsightsByPattern(t *testing.T) {
	s, _ := openTemp(t)
	loc := zone(1)
	day := func(d int) time.Time { return at(loc, 2026, 4, d, 21, 0) } // evening
	// 5-1-3, six runs: 6->5, 6->4, 5->4, 5->4, 6->5, 4->3: before 32/6, after 25/6.
	for i, p := range [][2]int{{6, 5}, {6, 4}, {5, 4}, {5, 4}, {6, 5}, {4, 3}} {
		breathingRun(t, s, day(1+i), "5-1-3", p[0], p[1])
	}
	// 4-7-8, four runs: held back.
	for i := range 4 {
		breathingRun(t, s, day(10+i), "4-7-8", 7, 3)
	}
	// From before the pattern was recorded, five runs: 5->5 each.
	for i := range 5 {
		breathingRun(t, s, day(20+i), "", 5, 5)
	}
	in, err := s.Insights("")
	if err != nil {
		t.Fatal(err)
	}
	want := []record.Observation{
		{Group: record.ByBreathing, Label: "5-1-3", Sessions: 6, Before: 32.0 / 6, After: 25.0 / 6, Change: -7.0 / 6},
		{Group: record.ByBreathing, Label: record.PatternNotRecorded, Sessions: 5, Before: 5, After: 5, Change: 0},
		{Group: record.ByTime, Label: record.Evening, Sessions: 15, Before: 85.0 / 15, After: 62.0 / 15, Change: -23.0 / 15},
	}
	if len(in.Observations) != len(want) {
		t.Fatalf("observations %+v, want %+v", in.Observations, want)
	}
	for i, o := range in.Observations {
		w := want[i]
		if o.Group != w.Group || o.Label != w.Label || o.Sessions != w.Sessions ||
			!near(o.Change, w.Change) || !near(o.Before, w.Before) || !near(o.After, w.After) {
			t.Errorf("observation %d: %+v, want %+v", i, o, w)
		}
	}
	held := []record.Held{{Group: record.ByBreathing, Label: "4-7-8", Sessions: 4}}
	if len(in.Held) != 1 || in.Held[0] != held[0] {
		t.Errorf("held %+v, want %+v", in.Held, held)
	}

	// The report over the same dates groups the same way.
	r, err := s.Report(day(28), "2026-04-01", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Insights.Observations) != 3 || r.Insights.Observations[0].Label != "5-1-3" ||
		r.Insights.Observations[1].Label != record.PatternNotRecorded || len(r.Insights.Held) != 1 || r.Insights.Held[0].Label != "4-7-8" {
		t.Errorf("report insights %+v", r.Insights)
	}

	// The fifth run of 4-7-8 makes it an observation of its own.
	breathingRun(t, s, day(14), "4-7-8", 7, 3)
	if in, err = s.Insights(""); err != nil {
		t.Fatal(err)
	}
	if len(in.Held) != 0 || len(in.Observations) != 4 || in.Observations[0].Label != "4-7-8" || in.Observations[0].Sessions != 5 ||
		!near(in.Observations[0].Change, -4) {
		t.Errorf("after the fifth 4-7-8: %+v", in)
	}
}
