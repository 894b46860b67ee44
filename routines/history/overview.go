package history

import (
	"github.com/unknot/unknot/routines/record"
	"time"
)

// Overview gathers the review screen's first frame as of instant now (its
// location decides what "today" is), over the whole history.
func (s *Store) Overview(now time.Time) (record.Overview, error) { return s.OverviewSince(now, "") }

// OverviewSince is Overview over the sessions on date since or later ("":
// all): the heat map, totals, pain trend, recent list and session count
// start there; runs with nothing done are left out of the list and its
// count, and counted in Empty. The streaks, the red flags and today's counts are as of
// today whatever since says: they are about now.
func (s *Store) OverviewSince(now time.Time, since record.Day) (record.Overview, error) {
	o := record.Overview{Today: record.DayOf(now), Since: since}
	var err error
	if o.Days, err = s.DayCounts(max(o.Today.Add(-(record.HeatMapDays-1)), since), o.Today); err != nil {
		return o, err
	}
	if o.Streak, err = s.Streaks(o.Today); err != nil {
		return o, err
	}
	if o.Totals, err = s.Totals(since); err != nil {
		return o, err
	}
	if o.Pain, err = s.PainTrend(since); err != nil {
		return o, err
	}
	if o.Recent, err = s.Sessions(Filter{Since: since, Limit: record.RecentSessions, HideEmpty: true}); err != nil {
		return o, err
	}
	if o.Flags, err = s.RedFlags(o.Today); err != nil {
		return o, err
	}
	if o.TodayCounts, err = s.TodayCounts(o.Today); err != nil {
		return o, err
	}
	if o.Insights, err = s.Insights(since); err != nil {
		return o, err
	}
	if o.Sessions, err = s.Count(Filter{Since: since, HideEmpty: true}); err != nil {
		return o, err
	}
	all, err := s.Count(Filter{Since: since})
	o.Empty = all - o.Sessions
	return o, err
}
