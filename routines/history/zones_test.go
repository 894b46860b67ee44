package history

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the machine has

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// Each case: a zone and the date d of a day of note there (a DST change,
// or a zone 14 h ahead of or 12 h behind UTC). Sessions at 23:30 on d-2,
// d-1 and d, and at 00:15 on d, must count on the wall clock of that zone:
// days, limits, streaks, the heat map, since and the list's times.
func TestDaysOnTheWallClockWhereTheyHappened(t *testing.T) { // not parallel: it sets time.Local
	cases := []struct {
		zone string
		d    record.Day
	}{
		{"Pacific/Kiritimati", "2025-06-15"}, // UTC+14: 23:30 is 09:30 UTC the same day
		{"Etc/GMT+12", "2025-06-15"},         // UTC-12: 23:30 is 11:30 UTC the next day
		{"Europe/Berlin", "2025-03-30"},      // spring forward: a 23-hour day
		{"Europe/Berlin", "2025-10-26"},      // fall back: a 25-hour day
		{"America/New_York", "2025-03-09"},
		{"America/New_York", "2025-11-02"},
	}
	for _, tc := range cases {
		t.Run(tc.zone+"/"+string(tc.d), func(t *testing.T) {
			loc, err := time.LoadLocation(tc.zone)
			if err != nil {
				t.Fatal(err)
			}
			dir := newHistory(t)
			j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
			wall := func(d record.Day, hh, mm int) time.Time {
				x := d.Time()
				return time.Date(x.Year(), x.Month(), x.Day(), hh, mm, 0, 0, loc)
			}
			plan := []routines.Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 2}}
			recordRun := func(start time.Time) {
				e := j.Begin(routines.KindSession, start, plan, nil)
				e.SetReps(0, 1)
				e.Finish(start.Add(20*time.Minute), routines.Stopped)
			}
			for _, day := range []record.Day{tc.d.Add(-2), tc.d.Add(-1), tc.d} {
				recordRun(wall(day, 23, 30))
			}
			recordRun(wall(tc.d, 0, 15))
			// A run with nothing done counts nowhere.
			empty := j.Begin(routines.KindSession, wall(tc.d.Add(1), 9, 0), plan, nil)
			empty.Finish(wall(tc.d.Add(1), 9, 5), routines.Completed)
			if c := j.Close(time.Minute); !c.Saved {
				t.Fatalf("Close = %+v", c)
			}

			// Read as someone far away would: the viewer's zone is not the
			// sessions' zone.
			oldLocal := time.Local
			time.Local = time.FixedZone("viewer", -9*3600)
			defer func() { time.Local = oldLocal }()

			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			days, err := s.DayCounts(tc.d.Add(-3), tc.d.Add(1))
			want := []record.DayCount{{Day: tc.d.Add(-2), Sessions: 1}, {Day: tc.d.Add(-1), Sessions: 1}, {Day: tc.d, Sessions: 2}}
			if err != nil || !sameDays(days, want) {
				t.Errorf("DayCounts = %v (%v), want %v", days, err, want)
			}
			now := wall(tc.d, 23, 59)
			today := record.DayOf(now)
			if today != tc.d {
				t.Fatalf("today = %s, want %s", today, tc.d)
			}
			limits, _ := s.TodayCounts(today)
			if limits["knee-to-chest"] != 2 {
				t.Errorf("TodayCounts = %v, want knee-to-chest 2 (the limits count the local day)", limits)
			}
			st, _ := s.Streaks(today)
			if st.Current != 3 || st.Longest != 3 || st.Last != tc.d {
				t.Errorf("Streaks = %+v, want 3 days ending %s", st, tc.d)
			}
			o, err := s.OverviewSince(now, tc.d.Add(-1))
			if err != nil {
				t.Fatal(err)
			}
			// Listed and counted: d-1, d twice; the empty run of d+1 is left out, and counted as hidden.
			if !sameDays(o.Days, want[1:]) || o.Sessions != 3 || len(o.Recent) != 3 || o.Empty != 1 || o.Totals.Sessions != 3 {
				t.Errorf("OverviewSince(%s): days %v, %d sessions, %d recent, %d empty, totals %+v; want %v, 3 listed, 1 empty, 3 counted",
					tc.d.Add(-1), o.Days, o.Sessions, len(o.Recent), o.Empty, o.Totals, want[1:])
			}
			if o.Streak.Current != 3 {
				t.Errorf("the streak is as of today whatever since says: %+v", o.Streak)
			}
			since, _ := s.Sessions(Filter{Since: tc.d})
			if len(since) != 3 { // 00:15 and 23:30 on d, and the empty run of d+1
				t.Errorf("since %s: %d sessions, want 3", tc.d, len(since))
			}
			for _, x := range since {
				if x.Day() < tc.d {
					t.Errorf("since %s listed a session of %s", tc.d, x.Day())
				}
			}
			// The list shows each session at the wall-clock time where it
			// happened, on the same day it counts for.
			list, _ := s.Sessions(Filter{Limit: 10})
			wantTimes := []string{"09:00", "23:30", "00:15", "23:30", "23:30"}
			for i, x := range list {
				if got := x.StartedAt.Format("15:04"); i < len(wantTimes) && got != wantTimes[i] {
					t.Errorf("list item %d at %s, want %s (the wall clock where it happened)", i, got, wantTimes[i])
				}
				if x.Day() != record.DayOf(x.StartedAt) || x.StartedAt.Format(time.DateOnly) != string(x.Day()) {
					t.Errorf("list item %d shown on %s but counts for %s", i, x.StartedAt.Format(time.DateOnly), x.Day())
				}
				_, off := x.StartedAt.Zone()
				_, want := x.StartedAt.In(loc).Zone()
				if off != want {
					t.Errorf("list item %d has offset %d, want %d, the one recorded", i, off, want)
				}
			}
		})
	}
}

func sameDays(a, b []record.DayCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Paging by offset reaches every session, with none twice.
func TestSessionsPagesThroughEverySession(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	start := at(zone(0), 2025, 1, 1, 8, 0)
	for i := range 125 {
		rec(t, s, KindBreathe, start.Add(time.Duration(i)*time.Hour), Completed, nil, nil, 1)
	}
	n, _ := s.Count(Filter{})
	seen := map[int64]bool{}
	for off := 0; off < n; off += 50 {
		page, err := s.Sessions(Filter{Limit: 50, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range page {
			if seen[x.ID] {
				t.Errorf("session %d listed twice", x.ID)
			}
			seen[x.ID] = true
		}
	}
	if n != 125 || len(seen) != 125 {
		t.Errorf("Count %d, paged through %d; want 125", n, len(seen))
	}
}
