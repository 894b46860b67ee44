package history

import (
	"context"
	"database/sql"
	"reflect"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// setLevels records the levels session id was done at, as the Journal does.
func setLevels(t *testing.T, s *Store, id int64, levels map[string]int) {
	t.Helper()
	err := s.tx(context.Background(), func(tx *sql.Tx) error { return writeLevels(context.Background(), tx, id, levels) })
	if err != nil {
		t.Fatal(err)
	}
}

// handBuilt is a history of two weeks (Mon 2 to Sun 15 March 2026, UTC+1)
// small enough to work out every number of its report by hand.
func handBuilt(t *testing.T) (*Store, time.Time) {
	t.Helper()
	s, _ := openTemp(t)
	loc := zone(1)
	rec(t, s, KindIce, at(loc, 2026, 3, 1, 23, 0), Completed, nil, nil, 0) // the evening before
	b := rec(t, s, KindSession, at(loc, 2026, 3, 2, 0, 30), Completed, ptr(6), ptr(4), 0,
		ex("knee-to-chest", "left", 3, 3), ex("knee-to-chest", "right", 3, 3))
	setLevels(t, s, b, map[string]int{"knee-to-chest": 0})
	c := rec(t, s, KindSession, at(loc, 2026, 3, 3, 8, 0), Pain, ptr(5), ptr(7), 0,
		ex("knee-to-chest", "left", 3, 3), ex("knee-to-chest", "right", 3, 3), ex("lying-twist", "left", 2, 5))
	setLevels(t, s, c, map[string]int{"knee-to-chest": 1})
	rec(t, s, KindBreathe, at(loc, 2026, 3, 4, 22, 30), Completed, ptr(4), ptr(2), 20)
	rec(t, s, KindHeat, at(loc, 2026, 3, 9, 17, 0), Completed, nil, nil, 0)
	f := rec(t, s, KindSession, at(loc, 2026, 3, 9, 18, 0), Completed, ptr(3), ptr(2), 0,
		ex("knee-to-chest", "left", 4, 4), ex("knee-to-chest", "right", 4, 4))
	setLevels(t, s, f, map[string]int{"knee-to-chest": 1})
	rec(t, s, KindSession, at(loc, 2026, 3, 15, 8, 0), Stopped, nil, nil, 0, ex("knee-to-chest", "left", 0, 4))
	rec(t, s, KindSession, at(loc, 2026, 3, 16, 8, 0), Completed, ptr(9), ptr(0), 0, ex("arm-raise", "", 5, 5)) // after today
	for _, ep := range []time.Time{at(loc, 2026, 1, 1, 9, 0), at(loc, 2026, 3, 1, 7, 0)} {
		if err := s.RecordEpisode(routines.Episode{Began: ep}, ep.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	return s, at(loc, 2026, 3, 15, 20, 0)
}

func TestReportHandBuilt(t *testing.T) {
	s, now := handBuilt(t)
	r, err := s.Report(now, "2026-03-02", 0)
	if err != nil {
		t.Fatal(err)
	}
	loc := zone(1)
	if r.From != "2026-03-02" || r.To != "2026-03-15" || !r.Made.Equal(now) || r.PlanWeekly != 7 {
		t.Errorf("period %s..%s made %v plan %d", r.From, r.To, r.Made, r.PlanWeekly)
	}
	wantWeeks := []record.ReportWeek{
		{Week: "2026-03-02", Days: 7, Sessions: 2, Breathe: 1, Breaths: 20, PainStops: 1,
			Before: 5, NBefore: 3, After: 13.0 / 3, NAfter: 3},
		{Week: "2026-03-09", Days: 7, Sessions: 1, Heat: 1, Before: 3, NBefore: 1, After: 2, NAfter: 1},
	}
	if !reflect.DeepEqual(r.Weeks, wantWeeks) {
		t.Errorf("weeks\n got %+v\nwant %+v", r.Weeks, wantWeeks)
	}
	wantAd := record.Adherence{Days: 14, DaysWithSession: 3, LongestGap: 6, Sessions: 3, Planned: 14}
	if r.Adherence != wantAd {
		t.Errorf("adherence %+v, want %+v", r.Adherence, wantAd)
	}
	// 15 March's session, stopped before its first rep, is a run with
	// nothing done: its 4 reps planned are not in the routine's.
	wantRoutines := []record.RoutineReport{
		{Routine: "knee-to-chest", Sessions: 3, RepsDone: 20, RepsPlanned: 20,
			Levels: []record.LevelStep{{Day: "2026-03-02", Level: 0}, {Day: "2026-03-03", Level: 1}}},
		{Routine: "lying-twist", Sessions: 1, RepsDone: 2, RepsPlanned: 5, PainStops: 1,
			Levels: []record.LevelStep{{Day: "2026-03-03", Level: 0}}},
	}
	if !reflect.DeepEqual(r.Routines, wantRoutines) {
		t.Errorf("routines\n got %+v\nwant %+v", r.Routines, wantRoutines)
	}
	if len(r.Pain.Points) != 4 || r.Pain.Pairs != 4 || r.Pain.AvgBefore != 4.5 || r.Pain.AvgAfter != 3.75 {
		t.Errorf("pain %+v", r.Pain)
	}
	if p := r.Pain.Points[3]; !p.At.Equal(at(loc, 2026, 3, 9, 18, 0)) || *p.Before != 3 || *p.After != 2 || p.Kind != "session" {
		t.Errorf("last pain point %+v", p)
	}
	if p := r.Pain.Points[3]; p.At.Format("15:04 -07:00") != "18:00 +01:00" {
		t.Errorf("a time is shown on the clock where it happened: %s", p.At.Format("15:04 -07:00"))
	}
	// Recorded through a Recorder, which keeps no place for the stop: put
	// down to the first exercise not finished, and said to be.
	wantStop := record.StopEvent{At: at(loc, 2026, 3, 3, 8, 0), Kind: "session", Routine: "lying-twist",
		Side: "left", Rep: 3, RepsPlanned: 5, Guessed: true, PainBefore: ptr(5), PainAfter: ptr(7)}
	if len(r.Stops) != 1 || !reflect.DeepEqual(stripTime(r.Stops[0]), stripTime(wantStop)) || !r.Stops[0].At.Equal(wantStop.At) {
		t.Errorf("stops %+v", r.Stops)
	}
	if len(r.Episodes) != 1 || !r.Episodes[0].Began.Equal(at(loc, 2026, 3, 1, 7, 0)) {
		t.Errorf("episodes %+v", r.Episodes)
	}
	if r.Care != (record.CareCounts{Heat: 1, BreathingRuns: 1, Breaths: 20}) {
		t.Errorf("care %+v", r.Care)
	}
	if r.Sessions != 6 || !reflect.DeepEqual(r.Kinds, map[string]int{"session": 4, "breathe": 1, "heat": 1}) {
		t.Errorf("runs %d %v", r.Sessions, r.Kinds)
	}
	wantHeld := []record.Held{
		{Group: "routine", Label: "knee-to-chest", Sessions: 3}, {Group: "routine", Label: "lying-twist", Sessions: 1},
		{Group: "breathing", Label: record.PatternNotRecorded, Sessions: 1},
		{Group: "care", Label: "heat", Sessions: 1}, {Group: "care", Label: "ice", Sessions: 1},
		{Group: "time", Label: "morning", Sessions: 1}, {Group: "time", Label: "evening", Sessions: 1},
		{Group: "time", Label: "night", Sessions: 2},
	}
	if len(r.Insights.Observations) != 0 || r.Insights.Pairs != 4 || !reflect.DeepEqual(r.Insights.Held, wantHeld) {
		t.Errorf("insights %+v", r.Insights)
	}
	// The review's insights over the same dates say the same.
	in, err := s.Insights("2026-03-02")
	if err != nil {
		t.Fatal(err)
	}
	if !heldWithFuture(in.Held, wantHeld) {
		t.Errorf("Insights held %+v", in.Held)
	}
}

// heldWithFuture: Insights has no upper bound, so the session after today
// (arm-raise, morning) is among its groups.
func heldWithFuture(got, want []record.Held) bool {
	w := append([]record.Held{{Group: "routine", Label: "arm-raise", Sessions: 1}}, want...)
	w[6].Sessions = 2 // morning
	return reflect.DeepEqual(got, w)
}

func stripTime(s record.StopEvent) record.StopEvent { s.At = time.Time{}; return s }

func TestReportPlanAndEmpty(t *testing.T) {
	s, _ := openTemp(t)
	now := at(zone(-5), 2026, 3, 4, 12, 0) // a Wednesday
	r, err := s.Report(now, "2026-02-26", 3)
	if err != nil {
		t.Fatal(err)
	}
	// Thu 26 Feb to Wed 4 Mar: 7 days in two weeks (4 and 3 of them).
	if len(r.Weeks) != 2 || r.Weeks[0].Days != 4 || r.Weeks[1].Days != 3 || r.Weeks[0].Week != "2026-02-23" {
		t.Errorf("weeks %+v", r.Weeks)
	}
	if r.Adherence != (record.Adherence{Days: 7, LongestGap: 7, Planned: 3}) {
		t.Errorf("adherence %+v", r.Adherence)
	}
	if r.Pain.Pairs != 0 || len(r.Stops) != 0 || r.Sessions != 0 || len(r.Insights.Observations) != 0 {
		t.Errorf("an empty history reports something: %+v", r)
	}
}

// TestInsightsRefuseBelowMinimum: four sessions of a routine say nothing
// about it; the fifth makes it an observation.
func TestInsightsRefuseBelowMinimum(t *testing.T) {
	s, _ := openTemp(t)
	loc := zone(2)
	for i := range 4 {
		rec(t, s, KindSession, at(loc, 2026, 5, 1+i, 9, 0), Completed, ptr(5), ptr(3), 0, ex("lying-twist", "left", 2, 2))
	}
	in, err := s.Insights("")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Observations) != 0 {
		t.Fatalf("claims from 4 sessions: %+v", in.Observations)
	}
	if len(in.Held) != 2 || in.Held[0] != (record.Held{Group: "routine", Label: "lying-twist", Sessions: 4}) {
		t.Errorf("held %+v", in.Held)
	}
	rec(t, s, KindSession, at(loc, 2026, 5, 6, 9, 0), Completed, ptr(6), ptr(6), 0, ex("lying-twist", "left", 2, 2))
	if in, err = s.Insights(""); err != nil {
		t.Fatal(err)
	}
	want := []record.Observation{
		{Group: "routine", Label: "lying-twist", Sessions: 5, Change: -1.6, Before: 5.2, After: 3.6},
		{Group: "time", Label: "morning", Sessions: 5, Change: -1.6, Before: 5.2, After: 3.6},
	}
	if len(in.Held) != 0 || len(in.Observations) != 2 {
		t.Fatalf("insights %+v", in)
	}
	for i, o := range in.Observations {
		w := want[i]
		if o.Group != w.Group || o.Label != w.Label || o.Sessions != w.Sessions ||
			!near(o.Change, w.Change) || !near(o.Before, w.Before) || !near(o.After, w.After) {
			t.Errorf("observation %d: %+v, want %+v", i, o, w)
		}
	}
	ov, err := s.Overview(at(loc, 2026, 5, 7, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(ov.Insights.Observations) != 2 {
		t.Errorf("the review's overview lacks the insights: %+v", ov.Insights)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestInsightsCare: a session within three hours after ice counts as
// "after ice"; after more than three hours, as nothing.
func TestInsightsCare(t *testing.T) {
	loc := zone(0)
	var list []record.Session
	add := func(k Kind, h, m int, before, after *int) {
		list = append(list, record.Session{Kind: k, StartedAt: at(loc, 2026, 6, 1, h, m), Status: Completed,
			PainBefore: before, PainAfter: after, Breaths: 10})
	}
	add(KindIce, 6, 0, nil, nil)
	add(KindBreathe, 9, 0, ptr(4), ptr(3)) // exactly 3 h: after ice
	add(KindBreathe, 9, 1, ptr(4), ptr(3)) // 3 h 1 min: not
	add(KindHeat, 12, 0, nil, nil)
	add(KindBreathe, 12, 30, ptr(5), nil) // no check-in after: no sample
	add(KindBreathe, 13, 0, ptr(5), ptr(1))
	got := samplesOf(list, "", "")
	want := []record.InsightSample{
		{Before: 4, After: 3, Breathing: record.PatternNotRecorded, Care: "ice", Hour: 9},
		{Before: 4, After: 3, Breathing: record.PatternNotRecorded, Hour: 9},
		{Before: 5, After: 1, Breathing: record.PatternNotRecorded, Care: "heat", Hour: 13},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("samples\n got %+v\nwant %+v", got, want)
	}
}

// Days asked for before the first run on record are not days missed: the
// period begins with the record, and says what was asked.
func TestReportBeginsWithTheRecord(t *testing.T) {
	s, _ := openTemp(t)
	loc := zone(1)
	rec(t, s, KindSession, at(loc, 2026, 3, 10, 8, 0), Completed, nil, nil, 0, ex("arm-raise", "", 5, 5))
	rec(t, s, KindSession, at(loc, 2026, 3, 12, 8, 0), Completed, nil, nil, 0, ex("arm-raise", "", 5, 5))
	r, err := s.Report(at(loc, 2026, 3, 12, 20, 0), "2026-02-01", 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.From != "2026-03-10" || r.Asked != "2026-02-01" || r.To != "2026-03-12" {
		t.Errorf("period %s to %s, asked from %s; want 2026-03-10 to 2026-03-12, asked from 2026-02-01", r.From, r.To, r.Asked)
	}
	if r.Adherence.Days != 3 || r.Adherence.DaysWithSession != 2 || r.Adherence.LongestGap != 1 {
		t.Errorf("adherence %+v; want 3 days, 2 with a session, the longest gap 1", r.Adherence)
	}
}

// Each stop for pain in the report says when the safety page was opened
// from it, on the clock where it happened; a stop it was not opened from
// has none.
func TestReportStopCarriesTheSafetyPage(t *testing.T) {
	s, _ := openTemp(t)
	loc := zone(-4)
	stop := func(start time.Time, opened *time.Time) {
		t.Helper()
		end := start.Add(3 * time.Minute)
		x := record.Session{Kind: KindSession, StartedAt: start, EndedAt: &end, Status: Pain, SafetyOpenedAt: opened,
			Exercises: []Exercise{ex("lying-twist", "left", 1, 5)}}
		if _, err := s.save(context.Background(), &x, nil, 0); err != nil {
			t.Fatal(err)
		}
	}
	opened := at(loc, 2026, 3, 3, 23, 58)
	stop(at(loc, 2026, 3, 3, 23, 50), &opened)
	stop(at(loc, 2026, 3, 5, 8, 0), nil)
	r, err := s.Report(at(loc, 2026, 3, 6, 12, 0), "2026-03-02", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Stops) != 2 || r.Stops[0].SafetyOpenedAt == nil || r.Stops[1].SafetyOpenedAt != nil {
		t.Fatalf("stops %+v", r.Stops)
	}
	if got := r.Stops[0].SafetyOpenedAt.Format("Mon 2 Jan 15:04 -07:00"); got != "Tue 3 Mar 23:58 -04:00" {
		t.Errorf("safety page opened %s, want Tue 3 Mar 23:58 -04:00, the clock where it happened", got)
	}
}

// The spasm a period began in is in its report however long before it
// began (the report left out one from 19 days before); of older ones only
// the latest, and one in the period after it.
func TestReportNamesTheSpasmThePeriodBeganIn(t *testing.T) {
	s, _ := openTemp(t)
	loc := zone(-10)
	rec(t, s, KindSession, at(loc, 2026, 1, 5, 8, 0), Completed, nil, nil, 0, ex("arm-raise", "", 5, 5))
	eps := []time.Time{at(loc, 2026, 1, 2, 9, 0), at(loc, 2026, 2, 1, 7, 30), at(loc, 2026, 3, 20, 6, 0)}
	for _, ep := range eps {
		if err := s.RecordEpisode(routines.Episode{Began: ep}, ep.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	now := at(loc, 2026, 3, 31, 12, 0)
	r, err := s.Report(now, "2026-03-01", 0) // 28 days after the second
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Episodes) != 2 || !r.Episodes[0].Began.Equal(eps[1]) || !r.Episodes[1].Began.Equal(eps[2]) {
		t.Errorf("episodes %+v; want the one of 1 Feb (the period began in it), then 20 Mar", r.Episodes)
	}
	r, err = s.Report(now, "2026-03-25", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Episodes) != 1 || !r.Episodes[0].Began.Equal(eps[2]) {
		t.Errorf("episodes %+v; want only 20 Mar's", r.Episodes)
	}
}
