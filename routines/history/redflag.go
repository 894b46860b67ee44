package history

import (
	"context"
	"github.com/unknot/unknot/routines/record"
	"sort"
)

// painPos is record.Session.PainPlace's position as SQL, over a session s
// stopped for pain: the one recorded, when it names an exercise that plans
// its rep (as load.go reads it); for a stop from before it was recorded,
// the first exercise not finished, else the last one. NULL when s holds
// no exercise.
const painPos = `coalesce(
	(SELECT pe.pos FROM exercises pe WHERE pe.session_id = s.id AND pe.pos = s.stop_pos
		AND s.stop_rep BETWEEN 1 AND pe.reps_planned),
	(SELECT pe.pos FROM exercises pe WHERE pe.session_id = s.id
		ORDER BY pe.reps_done >= pe.reps_planned,
			CASE WHEN pe.reps_done >= pe.reps_planned THEN -pe.pos ELSE pe.pos END LIMIT 1))`

// RedFlags looks for the same routine stopped for pain again and again,
// and for pain staying high week after week, as of date today. The routine
// blamed for a stop is the one under way when it came (painPos).
func (s *Store) RedFlags(today record.Day) (record.RedFlags, error) {
	var rf record.RedFlags
	rows, err := s.db.QueryContext(context.Background(), `SELECT s.day,
		(SELECT e.routine FROM exercises e WHERE e.session_id = s.id AND e.pos = `+painPos+`)
		FROM sessions s WHERE s.status = 'pain' AND s.kind = 'session' AND s.day BETWEEN ? AND ?`,
		today.Add(-(record.PainStopWindow - 1)), today)
	if err != nil {
		return rf, fault("read", s.path, err)
	}
	defer rows.Close()
	stops := map[string]*record.PainStop{}
	for rows.Next() {
		var d record.Day
		var routine *string
		if err := rows.Scan(&d, &routine); err != nil {
			return rf, fault("read", s.path, err)
		}
		if routine == nil {
			continue
		}
		p := stops[*routine]
		if p == nil {
			p = &record.PainStop{Routine: *routine}
			stops[*routine] = p
		}
		p.Count++
		p.Last = max(p.Last, d)
	}
	if err := rows.Err(); err != nil {
		return rf, fault("read", s.path, err)
	}
	for _, p := range stops {
		if p.Count >= record.PainStopLimit {
			rf.PainStops = append(rf.PainStops, *p)
		}
	}
	sort.Slice(rf.PainStops, func(i, j int) bool {
		a, b := rf.PainStops[i], rf.PainStops[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Routine < b.Routine
	})

	trend, err := s.PainTrend(today.Week().Add(-7 * 52))
	if err != nil {
		return rf, err
	}
	rf.HighWeeks = highWeeks(trend.Weeks, today)
	return rf, nil
}

// highWeeks counts the weeks in a row, ending this week or the last, whose
// average check-in (before and after together) was HighPain or more. A week
// without check-ins breaks the run.
func highWeeks(weeks []record.WeekPain, today record.Day) int {
	byWeek := map[record.Day]record.WeekPain{}
	for _, w := range weeks {
		byWeek[w.Week] = w
	}
	high := func(d record.Day) bool {
		w, ok := byWeek[d]
		n := w.NBefore + w.NAfter
		return ok && n > 0 && (w.Before*float64(w.NBefore)+w.After*float64(w.NAfter))/float64(n) >= record.HighPain
	}
	week := today.Week()
	if !high(week) {
		week = week.Add(-7) // this week may not have begun yet
	}
	n := 0
	for ; high(week); week = week.Add(-7) {
		n++
	}
	return n
}
