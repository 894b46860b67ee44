package history

import (
	"context"
	"testing"
	"time"

	"github.com/unknot/unknot/routines/record"
)

// saveRun records x as it is, ended at its EndedAt.
func saveRun(t *testing.T, s *Store, x record.Session) {
	t.Helper()
	if _, err := s.save(context.Background(), &x, nil, 0); err != nil {
		t.Fatal(err)
	}
}

// ended is a finished run of kind k, begun at start and ended after d.
func ended(k Kind, start time.Time, d time.Duration, status Status) record.Session {
	end := start.Add(d)
	return record.Session{Kind: k, StartedAt: start, EndedAt: &end, Status: status}
}

// The report counts ice and heat by the care plan's one rule
// (routines.Application.Counts), as `history` and the closing screen do,
// and says how many were too short to count.
func TestReportCountsCareByTheCarePlansRule(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(1)
	saveRun(t, s, ended(KindHeat, at(loc, 2026, 3, 2, 9, 0), 15*time.Minute, Completed))
	saveRun(t, s, ended(KindHeat, at(loc, 2026, 3, 3, 9, 0), 20*time.Second, Stopped)) // "does not count"
	saveRun(t, s, ended(KindIce, at(loc, 2026, 3, 4, 9, 0), 2*time.Minute, Stopped))
	saveRun(t, s, ended(KindIce, at(loc, 2026, 3, 4, 12, 0), 5*time.Second, Pain))
	now := at(loc, 2026, 3, 4, 20, 0)
	r, err := s.Report(now, "2026-03-02", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := record.CareCounts{Ice: 1, Heat: 1, IceShort: 1, HeatShort: 1}
	if r.Care != want {
		t.Errorf("report's care %+v, want %+v", r.Care, want)
	}
	if len(r.Weeks) != 1 || r.Weeks[0].Ice != 1 || r.Weeks[0].Heat != 1 {
		t.Errorf("weeks %+v, want 1 ice and 1 heat", r.Weeks)
	}
	tot, err := s.Totals("2026-03-02")
	if err != nil {
		t.Fatal(err)
	}
	if tot.Ice != r.Care.Ice || tot.Heat != r.Care.Heat {
		t.Errorf("history says %d ice and %d heat, the report %d and %d", tot.Ice, tot.Heat, r.Care.Ice, r.Care.Heat)
	}
	n, err := s.KindToday("2026-03-03", KindHeat)
	if err != nil || n != 0 {
		t.Errorf("the heat of 20 s counts %d on its day (%v), want 0", n, err)
	}
}

// A step up taken at the start of a session that was then stopped for
// pain before its first rep: the report's level is `history`'s.
func TestReportLevelAgreesWithHistoryAfterAPainStopAtZeroReps(t *testing.T) {
	t.Parallel()
	good := func(day, level int) levelRun {
		return levelRun{day: day, status: Completed, level: level, done: 2 * (5 + level), armDone: 5, before: ptr(3), after: ptr(2)}
	}
	s, _ := recordRuns(t, good(1, 0), good(2, 1), good(3, 2),
		levelRun{day: 4, status: Pain, level: 3, done: 0, armDone: 0, before: ptr(6), after: ptr(8)})
	lv, err := s.Levels([]string{"knee-to-chest", "arm-raise"})
	if err != nil {
		t.Fatal(err)
	}
	if lv["knee-to-chest"] != 3 {
		t.Fatalf("history's level %d, want 3 (the step taken on day 4)", lv["knee-to-chest"])
	}
	r, err := s.Report(time.Date(2025, 3, 4, 20, 0, 0, 0, zone(1)), "2025-03-01", 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]record.LevelStep{}
	for _, x := range r.Routines {
		got[x.Routine] = x.Levels
	}
	k := got["knee-to-chest"]
	if len(k) != 4 || k[3] != (record.LevelStep{Day: "2025-03-04", Level: 3}) {
		t.Errorf("knee-to-chest's levels in the report %+v, want 0, 1, 2 and 3 on 2025-03-04", k)
	}
	for name, want := range lv {
		steps := got[name]
		if len(steps) == 0 || steps[len(steps)-1].Level != want {
			t.Errorf("%s: the report's level at the end %+v, history's %d", name, steps, want)
		}
	}
}

// A stop for pain is something the person did: a session in the totals,
// the review's and the report's alike, even at 0 reps or 0 breaths. A run
// with nothing done and no stop for pain is in neither.
func TestTotalsAndReportCountAPainStopAtZeroReps(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(-3)
	rec(t, s, KindSession, at(loc, 2026, 12, 1, 8, 0), Completed, ptr(4), ptr(3), 0, ex("knee-to-chest", "left", 3, 3))
	rec(t, s, KindSession, at(loc, 2026, 12, 3, 8, 0), Pain, ptr(6), ptr(8), 0, ex("knee-to-chest", "left", 0, 3))
	rec(t, s, KindBreathe, at(loc, 2026, 12, 3, 9, 0), Pain, nil, nil, 0)
	rec(t, s, KindSession, at(loc, 2026, 12, 3, 10, 0), Stopped, nil, nil, 0, ex("knee-to-chest", "left", 0, 3)) // empty
	now := at(loc, 2026, 12, 3, 20, 0)

	tot, err := s.Totals("2026-12-03")
	if err != nil {
		t.Fatal(err)
	}
	if tot.Sessions != 1 || tot.BreatheSessions != 1 {
		t.Errorf("history since 2026-12-03: %d stretch sessions and %d breathing, want the two stops for pain", tot.Sessions, tot.BreatheSessions)
	}
	ov, err := s.OverviewSince(now, "2026-12-03")
	if err != nil {
		t.Fatal(err)
	}
	if ov.Totals.Sessions != 1 || ov.Pain.Pairs != 1 || ov.Empty != 1 {
		t.Errorf("overview: %d sessions, %d pairs, %d empty; want 1, 1, 1", ov.Totals.Sessions, ov.Pain.Pairs, ov.Empty)
	}

	r, err := s.Report(now, "2026-11-30", 0)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Totals("2026-11-30")
	if err != nil {
		t.Fatal(err)
	}
	weekly, breathe := 0, 0
	for _, w := range r.Weeks {
		weekly += w.Sessions
		breathe += w.Breathe
	}
	if r.Adherence.Sessions != 2 || weekly != 2 || all.Sessions != 2 {
		t.Errorf("stretch sessions: report %d, its weeks %d, history %d; want 2 each", r.Adherence.Sessions, weekly, all.Sessions)
	}
	if r.Care.BreathingRuns != 1 || breathe != 1 || all.BreatheSessions != 1 {
		t.Errorf("breathing runs: report %d, its weeks %d, history %d; want 1 each", r.Care.BreathingRuns, breathe, all.BreatheSessions)
	}
	if len(r.Stops) != 2 || r.Adherence.DaysWithSession != 2 {
		t.Errorf("%d stops, %d days with a session; want 2 and 2", len(r.Stops), r.Adherence.DaysWithSession)
	}
}

// Each run belongs to the date where it happened: a run made in a time
// zone ahead of here is dated after today here, and the report keeps it.
func TestReportKeepsRunsDatedAheadOfToday(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	kiritimati, adak := zone(14), zone(-10)
	now := time.Date(2026, 12, 3, 20, 0, 0, 0, time.UTC)                               // Thu 3 Dec here
	rec(t, s, KindBreathe, now.Add(-time.Hour).In(kiritimati), Completed, nil, nil, 1) // Fri 4 Dec 09:00 there
	rec(t, s, KindBreathe, now.Add(-11*time.Hour).In(adak), Completed, nil, nil, 1)    // Wed 2 Dec 23:00 there
	r, err := s.Report(now, record.DayOf(now).Add(-6), 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Care.BreathingRuns != 2 || r.Care.Breaths != 2 {
		t.Errorf("breathing runs %d (%d breaths), want 2", r.Care.BreathingRuns, r.Care.Breaths)
	}
	if r.To != "2026-12-04" || r.From != "2026-12-02" {
		t.Errorf("period %s to %s, want 2026-12-02 (the record's first run) to 2026-12-04 (its run dated ahead)", r.From, r.To)
	}
	n := 0
	for _, w := range r.Weeks {
		n += w.Breathe
	}
	if n != 2 {
		t.Errorf("the weeks hold %d breathing runs, want 2", n)
	}
	if listed, err := s.Sessions(Filter{}); err != nil || len(listed) != 2 {
		t.Errorf("history lists %d runs (%v), want 2", len(listed), err)
	}
}
