package history

import (
	"context"
	"database/sql"
	"github.com/unknot/unknot/routines/record"
	"sort"
)

// counting is the SQL condition for a session that counts for its day (see
// Session.Counts): at least one rep or breath done.
const counting = `(s.breaths > 0 OR
	EXISTS (SELECT 1 FROM exercises e WHERE e.session_id = s.id AND e.reps_done > 0))`

// inTotals is the SQL condition for a session the totals count (see
// Session.InTotals): it counts, or it was stopped for pain.
const inTotals = `(s.status = 'pain' OR ` + counting + `)`

// DayCounts lists, oldest first, the dates from from to to (inclusive)
// with at least one session that counts, and how many: the calendar heat
// map. Dates without a session are left out.
func (s *Store) DayCounts(from, to record.Day) ([]record.DayCount, error) {
	rows, err := s.db.QueryContext(context.Background(), `SELECT s.day, count(*) FROM sessions s
		WHERE s.day BETWEEN ? AND ? AND `+counting+` GROUP BY s.day ORDER BY s.day`, from, to)
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	defer rows.Close()
	var out []record.DayCount
	for rows.Next() {
		var d record.DayCount
		if err := rows.Scan(&d.Day, &d.Sessions); err != nil {
			return nil, fault("read", s.path, err)
		}
		out = append(out, d)
	}
	return out, fault("read", s.path, rows.Err())
}

// Streaks measures the current and longest streaks as of date today (the
// person's local date: DayOf(time.Now())).
func (s *Store) Streaks(today record.Day) (record.Streak, error) {
	rows, err := s.db.QueryContext(context.Background(), `SELECT DISTINCT s.day FROM sessions s
		WHERE `+counting+` ORDER BY s.day`)
	if err != nil {
		return record.Streak{}, fault("read", s.path, err)
	}
	defer rows.Close()
	var days []record.Day
	for rows.Next() {
		var d record.Day
		if err := rows.Scan(&d); err != nil {
			return record.Streak{}, fault("read", s.path, err)
		}
		days = append(days, d)
	}
	if err := rows.Err(); err != nil {
		return record.Streak{}, fault("read", s.path, err)
	}
	return streaks(days, today), nil
}

// streaks measures runs of consecutive dates in days (ascending, distinct).
func streaks(days []record.Day, today record.Day) record.Streak {
	var st record.Streak
	run := 0
	for i, d := range days {
		if d > today {
			break // a clock set wrong, or a session from a time zone ahead
		}
		if i > 0 && days[i-1].Add(1) == d {
			run++
		} else {
			run = 1
		}
		st.Longest = max(st.Longest, run)
		st.Last = d
	}
	if st.Last == today || st.Last == today.Add(-1) {
		st.Current = run
	}
	return st
}

// Totals sums the reps per routine and side, and the sessions and breaths,
// since date since ("" for ever). A stretch session or breathing run is
// counted when it counts or was stopped for pain (Session.InTotals), as
// the report counts them.
func (s *Store) Totals(since record.Day) (record.Totals, error) {
	ctx := context.Background()
	var t record.Totals
	// A session counts once for a routine and side however many of its
	// exercises are that routine on that side (directions: forward and
	// back; a plan that lists a routine twice): record.Total's rule, the
	// report's (RoutineReport.Sessions) and the daily limits' (TodayCounts).
	rows, err := s.db.QueryContext(ctx, `SELECT e.routine, e.side, sum(min(e.reps_done, 1000)), count(DISTINCT e.session_id)
		FROM exercises e JOIN sessions s ON s.id = e.session_id
		WHERE s.day >= ? AND e.reps_done > 0 GROUP BY e.routine, e.side ORDER BY e.routine, e.side`, since)
	if err != nil {
		return t, fault("read", s.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var x record.Total
		if err := rows.Scan(&x.Routine, &x.Side, &x.Reps, &x.Sessions); err != nil {
			return t, fault("read", s.path, err)
		}
		t.Exercises = append(t.Exercises, x)
	}
	if err := rows.Err(); err != nil {
		return t, fault("read", s.path, err)
	}
	err = s.db.QueryRowContext(ctx, `SELECT
		coalesce(sum(s.kind = 'session' AND `+inTotals+`), 0),
		coalesce(sum(s.kind = 'breathe' AND `+inTotals+`), 0),
		coalesce(sum(min(max(s.breaths, 0), 1000000)), 0)
		FROM sessions s WHERE s.day >= ?`, since).Scan(&t.Sessions, &t.BreatheSessions, &t.Breaths)
	if err != nil {
		return t, fault("read", s.path, err)
	}
	// Ice and heat by the care plan's one rule (routines.Application.Counts).
	apps, err := s.careApps(`day >= ?`, since)
	for _, a := range apps {
		switch {
		case !a.Counts():
		case a.Kind == KindIce:
			t.Ice++
		case a.Kind == KindHeat:
			t.Heat++
		}
	}
	return t, err
}

// TodayCounts is, for each routine, how many sessions on date today got at
// least one rep of it done: what the daily limits (knee-to-chest 3 a day,
// arm-raise 4) are checked against.
func (s *Store) TodayCounts(today record.Day) (map[string]int, error) {
	rows, err := s.db.QueryContext(context.Background(), `SELECT e.routine, count(DISTINCT s.id)
		FROM sessions s JOIN exercises e ON e.session_id = s.id
		WHERE s.day = ? AND e.reps_done > 0 GROUP BY e.routine`, today)
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var r string
		var n int
		if err := rows.Scan(&r, &n); err != nil {
			return nil, fault("read", s.path, err)
		}
		out[r] = n
	}
	return out, fault("read", s.path, rows.Err())
}

// KindToday is how many runs of kind were done on day today: breathing
// runs with at least one breath, stretch sessions with at least one rep,
// ice and heat applications that count (routines.Application.Counts: the
// care plan's one rule).
func (s *Store) KindToday(today record.Day, kind Kind) (int, error) {
	if kind == KindIce || kind == KindHeat {
		apps, err := s.careApps(`day = ? AND kind = ?`, today, kind)
		n := 0
		for _, a := range apps {
			if a.Counts() {
				n++
			}
		}
		return n, err
	}
	var n int
	err := s.db.QueryRowContext(context.Background(), `SELECT count(*) FROM sessions s
		WHERE s.day = ? AND s.kind = ? AND (s.kind IN ('ice', 'heat') OR s.breaths > 0
			OR EXISTS (SELECT 1 FROM exercises e WHERE e.session_id = s.id AND e.reps_done > 0))`,
		today, kind).Scan(&n)
	return n, fault("read", s.path, err)
}

// PainTrend gathers the check-ins since date since ("" for ever): before
// against after, and the weekly averages, oldest week first.
func (s *Store) PainTrend(since record.Day) (record.PainTrend, error) {
	rows, err := s.db.QueryContext(context.Background(), `SELECT day, kind, min(max(pain_before, 0), 10), min(max(pain_after, 0), 10) FROM sessions
		WHERE day >= ? AND (pain_before IS NOT NULL OR pain_after IS NOT NULL) ORDER BY day`, since)
	if err != nil {
		return record.PainTrend{}, fault("read", s.path, err)
	}
	defer rows.Close()
	var p record.PainTrend
	var sumB, sumA int
	weeks := map[record.Day]*record.WeekPain{}
	for rows.Next() {
		var d record.Day
		var k Kind
		var b, a sql.NullInt64
		if err := rows.Scan(&d, &k, &b, &a); err != nil {
			return record.PainTrend{}, fault("read", s.path, err)
		}
		if b.Valid && a.Valid {
			p.Pairs++
			p.ByKind.Add(k)
			sumB += int(b.Int64)
			sumA += int(a.Int64)
		}
		w := weeks[d.Week()]
		if w == nil {
			w = &record.WeekPain{Week: d.Week()}
			weeks[w.Week] = w
		}
		if b.Valid {
			w.Before += float64(b.Int64)
			w.NBefore++
		}
		if a.Valid {
			w.After += float64(a.Int64)
			w.NAfter++
		}
	}
	if err := rows.Err(); err != nil {
		return record.PainTrend{}, fault("read", s.path, err)
	}
	if p.Pairs > 0 {
		p.AvgBefore = float64(sumB) / float64(p.Pairs)
		p.AvgAfter = float64(sumA) / float64(p.Pairs)
	}
	for _, w := range weeks {
		if w.NBefore > 0 {
			w.Before /= float64(w.NBefore)
		}
		if w.NAfter > 0 {
			w.After /= float64(w.NAfter)
		}
		p.Weeks = append(p.Weeks, *w)
	}
	sort.Slice(p.Weeks, func(i, j int) bool { return p.Weeks[i].Week < p.Weeks[j].Week })
	return p, nil
}
