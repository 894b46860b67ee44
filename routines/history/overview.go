package history

import "time"

// HeatMapDays is how far back Overview's heat map reaches: 26 weeks.
const HeatMapDays = 26 * 7

// RecentSessions is how many sessions Overview lists.
const RecentSessions = 50

// Overview is everything the review screen shows in its first frame.
type Overview struct {
	Today       Day
	Days        []DayCount // the heat map: the last HeatMapDays days
	Streak      Streak
	Totals      Totals // ever
	Pain        PainTrend
	Recent      []Session // newest first
	Flags       RedFlags
	TodayCounts map[string]int // today's count per routine, for the daily limits
	Sessions    int            // all sessions ever recorded, of any status
}

// Overview gathers the review screen's first frame as of instant now (its
// location decides what "today" is).
func (s *Store) Overview(now time.Time) (Overview, error) {
	o := Overview{Today: DayOf(now)}
	var err error
	if o.Days, err = s.DayCounts(o.Today.Add(-(HeatMapDays - 1)), o.Today); err != nil {
		return o, err
	}
	if o.Streak, err = s.Streaks(o.Today); err != nil {
		return o, err
	}
	if o.Totals, err = s.Totals(""); err != nil {
		return o, err
	}
	if o.Pain, err = s.PainTrend(""); err != nil {
		return o, err
	}
	if o.Recent, err = s.Sessions(Filter{Limit: RecentSessions}); err != nil {
		return o, err
	}
	if o.Flags, err = s.RedFlags(o.Today); err != nil {
		return o, err
	}
	if o.TodayCounts, err = s.TodayCounts(o.Today); err != nil {
		return o, err
	}
	err = s.db.QueryRow(`SELECT count(*) FROM sessions`).Scan(&o.Sessions)
	return o, fault("read", s.path, err)
}
