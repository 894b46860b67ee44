package history

import (
	"context"
	"sort"
)

// The thresholds of the red flags. They are deliberately simple: the note
// they raise is gentle, and points to `unknot safety`.
const (
	PainStopWindow = 30 // days looked back for stops for pain
	PainStopLimit  = 3  // stops for pain of one routine within the window that raise a flag
	HighPain       = 6  // a weekly average check-in at or above this is high
	HighPainWeeks  = 3  // weeks in a row of high pain that raise a flag
)

// PainStop is a routine that was stopped for pain, how often within the
// window, and when last.
type PainStop struct {
	Routine string
	Count   int
	Last    Day
}

// RedFlags are the signs that the person should read the red flags and
// perhaps see a doctor.
type RedFlags struct {
	// PainStops lists the routines stopped for pain at least PainStopLimit
	// times in the last PainStopWindow days, most often first.
	PainStops []PainStop
	// HighWeeks is how many weeks in a row, up to this week or the last,
	// the average check-in was HighPain or more.
	HighWeeks int
}

// Raised reports whether any red flag is up.
func (r RedFlags) Raised() bool { return len(r.PainStops) > 0 || r.HighWeeks >= HighPainWeeks }

// RedFlags looks for the same routine stopped for pain again and again,
// and for pain staying high week after week, as of date today. The routine
// blamed for a stop is the first one not finished when it came.
func (s *Store) RedFlags(today Day) (RedFlags, error) {
	var rf RedFlags
	rows, err := s.db.QueryContext(context.Background(), `SELECT s.day,
		(SELECT e.routine FROM exercises e WHERE e.session_id = s.id
			ORDER BY e.reps_done >= e.reps_planned,
				CASE WHEN e.reps_done >= e.reps_planned THEN -e.pos ELSE e.pos END LIMIT 1)
		FROM sessions s WHERE s.status = 'pain' AND s.kind = 'session' AND s.day BETWEEN ? AND ?`,
		today.Add(-(PainStopWindow - 1)), today)
	if err != nil {
		return rf, fault("read", s.path, err)
	}
	defer rows.Close()
	stops := map[string]*PainStop{}
	for rows.Next() {
		var d Day
		var routine *string
		if err := rows.Scan(&d, &routine); err != nil {
			return rf, fault("read", s.path, err)
		}
		if routine == nil {
			continue
		}
		p := stops[*routine]
		if p == nil {
			p = &PainStop{Routine: *routine}
			stops[*routine] = p
		}
		p.Count++
		p.Last = max(p.Last, d)
	}
	if err := rows.Err(); err != nil {
		return rf, fault("read", s.path, err)
	}
	for _, p := range stops {
		if p.Count >= PainStopLimit {
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
func highWeeks(weeks []WeekPain, today Day) int {
	byWeek := map[Day]WeekPain{}
	for _, w := range weeks {
		byWeek[w.Week] = w
	}
	high := func(d Day) bool {
		w, ok := byWeek[d]
		n := w.NBefore + w.NAfter
		return ok && n > 0 && (w.Before*float64(w.NBefore)+w.After*float64(w.NAfter))/float64(n) >= HighPain
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
