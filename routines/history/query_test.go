package history

import (
	"github.com/unknot/unknot/routines/record"
	"math"
	"reflect"
	"testing"
	"time"
)

func TestStreaksAcrossMonthAndYearEnds(t *testing.T) {
	t.Parallel()
	utc, ny, tokyo := zone(0), zone(-5), zone(9)
	s, _ := openTemp(t)
	// Longest: 2024-02-27 .. 2024-03-02 (leap year: 29 Feb), 5 days.
	for _, d := range []record.Day{"2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"} {
		daily(t, s, utc, d)
	}
	// Across the year end, in three time zones. 23:30 in New York on 31
	// Dec is 04:30 UTC on 1 Jan: it counts for 31 Dec, where it was done.
	rec(t, s, KindSession, at(ny, 2024, 12, 30, 23, 30), Completed, nil, nil, 0, ex("arm-raise", "", 4, 4))
	rec(t, s, KindSession, at(ny, 2024, 12, 31, 23, 30), Completed, nil, nil, 0, ex("arm-raise", "", 4, 4))
	// 00:30 on 1 Jan in Tokyo is 31 Dec UTC: it counts for 1 Jan.
	rec(t, s, KindBreathe, at(tokyo, 2025, 1, 1, 0, 30), Completed, nil, nil, 10)
	daily(t, s, utc, "2025-01-02")
	// Sessions that do not count: nothing done and not completed.
	rec(t, s, KindSession, at(utc, 2025, 1, 3, 9, 0), Stopped, nil, nil, 0, ex("arm-raise", "", 0, 4))
	rec(t, s, KindSession, at(utc, 2025, 1, 4, 9, 0), Interrupted, nil, nil, 0, ex("arm-raise", "", 0, 4))
	// But a stopped one with a rep done does.
	rec(t, s, KindSession, at(utc, 2025, 1, 5, 9, 0), Pain, nil, nil, 0, ex("arm-raise", "", 1, 4))

	for _, tc := range []struct {
		today record.Day
		want  record.Streak
	}{
		{"2025-01-02", record.Streak{Current: 4, Longest: 5, Last: "2025-01-02"}},
		{"2025-01-03", record.Streak{Current: 4, Longest: 5, Last: "2025-01-02"}}, // today not done yet
		{"2025-01-04", record.Streak{Current: 0, Longest: 5, Last: "2025-01-02"}},
		{"2025-01-05", record.Streak{Current: 1, Longest: 5, Last: "2025-01-05"}},
		{"2024-03-02", record.Streak{Current: 5, Longest: 5, Last: "2024-03-02"}},
		{"2024-03-01", record.Streak{Current: 4, Longest: 4, Last: "2024-03-01"}}, // the future is ignored
	} {
		got, err := s.Streaks(tc.today)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("Streaks(%s) = %+v, want %+v", tc.today, got, tc.want)
		}
	}

	days, err := s.DayCounts("2024-12-01", "2025-01-31")
	if err != nil {
		t.Fatal(err)
	}
	want := []record.DayCount{{Day: "2024-12-30", Sessions: 1}, {Day: "2024-12-31", Sessions: 1}, {Day: "2025-01-01", Sessions: 1}, {Day: "2025-01-02", Sessions: 1}, {Day: "2025-01-05", Sessions: 1}}
	if !reflect.DeepEqual(days, want) {
		t.Errorf("DayCounts = %v, want %v", days, want)
	}
}

func TestStreakLongerThanAYear(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	start := record.Day("2023-11-15")
	for i := range 400 {
		daily(t, s, zone(2), start.Add(i))
	}
	got, err := s.Streaks(start.Add(400))
	if err != nil {
		t.Fatal(err)
	}
	if got.Current != 400 || got.Longest != 400 {
		t.Errorf("Streaks = %+v, want 400 and 400", got)
	}
}

func TestDayCountsCountsSessionsPerDay(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(-3)
	for range 3 {
		daily(t, s, loc, "2025-06-30")
	}
	rec(t, s, KindBreathe, at(loc, 2025, 7, 1, 22, 0), Stopped, nil, nil, 4)
	rec(t, s, KindBreathe, at(loc, 2025, 7, 1, 23, 0), Stopped, nil, nil, 0) // nothing done
	got, err := s.DayCounts("2025-06-30", "2025-07-01")
	if err != nil {
		t.Fatal(err)
	}
	if want := []record.DayCount{{Day: "2025-06-30", Sessions: 3}, {Day: "2025-07-01", Sessions: 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("DayCounts = %v, want %v", got, want)
	}
	if got, _ := s.DayCounts("2025-07-02", "2025-08-01"); len(got) != 0 {
		t.Errorf("DayCounts of an empty range = %v", got)
	}
}

func TestTotals(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(0)
	rec(t, s, KindSession, at(loc, 2025, 1, 1, 8, 0), Completed, nil, nil, 0,
		ex("knee-to-chest", "left", 3, 3), ex("knee-to-chest", "right", 3, 3), ex("arm-raise", "", 5, 5))
	rec(t, s, KindSession, at(loc, 2025, 1, 2, 8, 0), Pain, nil, nil, 0,
		ex("knee-to-chest", "left", 2, 3), ex("knee-to-chest", "right", 1, 3), ex("arm-raise", "", 0, 5))
	rec(t, s, KindBreathe, at(loc, 2025, 1, 2, 9, 0), Completed, nil, nil, 20)
	rec(t, s, KindBreathe, at(loc, 2025, 1, 3, 9, 0), Stopped, nil, nil, 7)

	got, err := s.Totals("")
	if err != nil {
		t.Fatal(err)
	}
	want := record.Totals{Exercises: []record.Total{
		{Routine: "arm-raise", Side: "", Reps: 5, Sessions: 1},
		{Routine: "knee-to-chest", Side: "left", Reps: 5, Sessions: 2},
		{Routine: "knee-to-chest", Side: "right", Reps: 4, Sessions: 2},
	}, Sessions: 2, BreatheSessions: 2, Breaths: 27}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Totals:\n got %+v\nwant %+v", got, want)
	}
	got, _ = s.Totals("2025-01-02")
	want = record.Totals{Exercises: []record.Total{{Routine: "knee-to-chest", Side: "left", Reps: 2, Sessions: 1}, {Routine: "knee-to-chest", Side: "right", Reps: 1, Sessions: 1}},
		Sessions: 1, BreatheSessions: 2, Breaths: 27}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Totals since 2025-01-02:\n got %+v\nwant %+v", got, want)
	}
}

func TestTodayCounts(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(10)
	for range 3 {
		rec(t, s, KindSession, at(loc, 2025, 5, 5, 7, 0), Completed, nil, nil, 0,
			ex("knee-to-chest", "left", 1, 1), ex("arm-raise", "", 2, 2))
	}
	// Planned but not started: does not use up the daily limit.
	rec(t, s, KindSession, at(loc, 2025, 5, 5, 20, 0), Stopped, nil, nil, 0,
		ex("knee-to-chest", "left", 1, 1), ex("arm-raise", "", 0, 2))
	// Yesterday and tomorrow (local dates).
	rec(t, s, KindSession, at(loc, 2025, 5, 4, 23, 59), Completed, nil, nil, 0, ex("arm-raise", "", 1, 1))
	rec(t, s, KindSession, at(loc, 2025, 5, 6, 0, 0), Completed, nil, nil, 0, ex("arm-raise", "", 1, 1))
	got, err := s.TodayCounts("2025-05-05")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"knee-to-chest": 4, "arm-raise": 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("TodayCounts = %v, want %v", got, want)
	}
}

func TestPainTrend(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(1)
	// Week of Monday 2024-12-30 (spans the year end): before 6 and 8, after 4 and 5.
	rec(t, s, KindSession, at(loc, 2024, 12, 30, 8, 0), Completed, ptr(6), ptr(4), 0, ex("arm-raise", "", 1, 1))
	rec(t, s, KindSession, at(loc, 2025, 1, 5, 8, 0), Completed, ptr(8), ptr(5), 0, ex("arm-raise", "", 1, 1))
	// Week of 2025-01-06: one before only, one breathe with after only.
	rec(t, s, KindSession, at(loc, 2025, 1, 6, 8, 0), Stopped, ptr(3), nil, 0, ex("arm-raise", "", 1, 1))
	rec(t, s, KindBreathe, at(loc, 2025, 1, 12, 23, 0), Completed, nil, ptr(2), 5)
	// No check-ins: not in the trend.
	rec(t, s, KindSession, at(loc, 2025, 1, 20, 8, 0), Completed, nil, nil, 0, ex("arm-raise", "", 1, 1))

	got, err := s.PainTrend("")
	if err != nil {
		t.Fatal(err)
	}
	if got.Pairs != 2 || got.AvgBefore != 7 || got.AvgAfter != 4.5 {
		t.Errorf("before/after = %d pairs, %v → %v; want 2, 7 → 4.5",
			got.Pairs, got.AvgBefore, got.AvgAfter)
	}
	want := []record.WeekPain{
		{Week: "2024-12-30", Before: 7, After: 4.5, NBefore: 2, NAfter: 2},
		{Week: "2025-01-06", Before: 3, After: 2, NBefore: 1, NAfter: 1},
	}
	if !reflect.DeepEqual(got.Weeks, want) {
		t.Errorf("weeks:\n got %+v\nwant %+v", got.Weeks, want)
	}
	got, _ = s.PainTrend("2025-01-06")
	if got.Pairs != 0 || len(got.Weeks) != 1 || math.Abs(got.Weeks[0].Before-3) > 1e-9 {
		t.Errorf("since 2025-01-06: %+v", got)
	}
}

func TestDayWeek(t *testing.T) {
	t.Parallel()
	for d, want := range map[record.Day]record.Day{
		"2025-01-01": "2024-12-30", // Wednesday
		"2024-12-30": "2024-12-30", // Monday
		"2025-01-05": "2024-12-30", // Sunday
		"2024-03-01": "2024-02-26",
	} {
		if got := d.Week(); got != want {
			t.Errorf("%s.Week() = %s, want %s", d, got, want)
		}
	}
	if d := record.Day("2024-02-28").Add(2); d != "2024-03-01" {
		t.Errorf("two days after 28 Feb 2024 = %s, want 1 Mar (across 29 Feb)", d)
	}
	if _, err := record.ParseDay("2025-13-01"); err == nil {
		t.Error("ParseDay accepted month 13")
	}
}

func TestRedFlags(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(0)
	today := record.Day("2025-03-20")
	stop := func(d record.Day, exs ...Exercise) {
		tm := d.Time()
		rec(t, s, KindSession, at(loc, tm.Year(), tm.Month(), tm.Day(), 8, 0), Pain, nil, nil, 0, exs...)
	}
	// seated-twist stopped for pain three times within 30 days: a flag.
	// The routine blamed is the first not finished.
	for _, d := range []record.Day{"2025-02-20", "2025-03-01", "2025-03-19"} {
		stop(d, ex("knee-to-chest", "left", 3, 3), ex("seated-twist", "left", 1, 3), ex("lying-twist", "left", 0, 3))
	}
	// lying-twist three times, but one is 31 days ago: no flag.
	for _, d := range []record.Day{"2025-02-17", "2025-03-02", "2025-03-03"} {
		stop(d, ex("lying-twist", "right", 0, 3))
	}
	got, err := s.RedFlags(today)
	if err != nil {
		t.Fatal(err)
	}
	want := []record.PainStop{{Routine: "seated-twist", Count: 3, Last: "2025-03-19"}}
	if !reflect.DeepEqual(got.PainStops, want) || !got.Raised() {
		t.Errorf("PainStops = %+v (raised %v), want %+v", got.PainStops, got.Raised(), want)
	}
	if got.HighWeeks != 0 {
		t.Errorf("HighWeeks = %d with no check-ins", got.HighWeeks)
	}
}

func TestRedFlagHighPainForWeeks(t *testing.T) {
	t.Parallel()
	loc := zone(0)
	checkin := func(s *Store, d record.Day, before, after int) {
		tm := d.Time()
		rec(t, s, KindSession, at(loc, tm.Year(), tm.Month(), tm.Day(), 8, 0), Completed, ptr(before), ptr(after), 0,
			ex("arm-raise", "", 1, 1))
	}
	today := record.Day("2025-01-08") // a Wednesday
	// Three weeks in a row averaging 6 or more, the last one last week
	// (nothing yet this week): a flag.
	s, _ := openTemp(t)
	checkin(s, "2024-12-16", 7, 6)
	checkin(s, "2024-12-24", 6, 6)
	checkin(s, "2024-12-31", 8, 5)
	checkin(s, "2025-01-02", 6, 6)
	got, err := s.RedFlags(today)
	if err != nil {
		t.Fatal(err)
	}
	if got.HighWeeks != 3 || !got.Raised() {
		t.Errorf("HighWeeks = %d (raised %v), want 3", got.HighWeeks, got.Raised())
	}
	// A week with lower pain breaks the run.
	s2, _ := openTemp(t)
	checkin(s2, "2024-12-16", 7, 6)
	checkin(s2, "2024-12-24", 4, 3)
	checkin(s2, "2024-12-31", 8, 7)
	checkin(s2, "2025-01-07", 8, 7)
	got, _ = s2.RedFlags(today)
	if got.HighWeeks != 2 || got.Raised() {
		t.Errorf("broken run: HighWeeks = %d (raised %v), want 2, not raised", got.HighWeeks, got.Raised())
	}
}

func TestSessionsPaging(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	base := at(zone(0), 2025, 1, 1, 8, 0)
	var ids []int64
	for i := range 7 {
		ids = append(ids, rec(t, s, KindBreathe, base.Add(time.Duration(i)*time.Hour), Completed, nil, nil, i+1))
	}
	page, err := s.Sessions(Filter{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for len(page) > 0 {
		for _, x := range page {
			got = append(got, x.ID)
		}
		if page, err = s.Sessions(Filter{Limit: 3, Older: page[len(page)-1].ID}); err != nil {
			t.Fatal(err)
		}
	}
	want := []int64{ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pages = %v, want %v", got, want)
	}
}

func TestOverview(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(0)
	for _, d := range []record.Day{"2025-03-18", "2025-03-19", "2025-03-20"} {
		daily(t, s, loc, d)
	}
	rec(t, s, KindBreathe, at(loc, 2025, 3, 20, 21, 0), Completed, nil, ptr(2), 30)
	o, err := s.Overview(at(loc, 2025, 3, 20, 22, 0))
	if err != nil {
		t.Fatal(err)
	}
	if o.Streak.Current != 3 || o.Sessions != 4 || len(o.Recent) != 4 || o.TodayCounts["knee-to-chest"] != 1 || len(o.Days) != 3 {
		t.Errorf("Overview = %+v", o)
	}
}

// KindToday counts the runs of one kind done today, not the empty ones,
// nor yesterday's.
func TestKindToday(t *testing.T) {
	t.Parallel()
	s, dir := openTemp(t)
	day := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	for i, breaths := range []int{3, 0, 5} {
		e := j.Begin(KindBreathe, day.Add(time.Duration(i)*time.Minute), nil, nil)
		e.SetBreaths(breaths)
		e.Finish(day.Add(time.Duration(i)*time.Minute+time.Second), Completed)
	}
	e := j.Begin(KindBreathe, day.AddDate(0, 0, -1), nil, nil)
	e.SetBreaths(4)
	e.Finish(day.AddDate(0, 0, -1).Add(time.Minute), Completed)
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %+v", c)
	}
	n, err := s.KindToday(record.DayOf(day), KindBreathe)
	if err != nil || n != 2 {
		t.Errorf("KindToday = %d, %v; want 2 (the run of 0 breaths and yesterday's don't count)", n, err)
	}
	if n, _ := s.KindToday(record.DayOf(day), KindSession); n != 0 {
		t.Errorf("sessions today = %d, want 0", n)
	}
}
