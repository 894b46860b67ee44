package history

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/unknot/unknot/routines/record"
)

// The report's values live in routines/record (see record.Report).
type (
	Report   = record.Report
	Insights = record.Insights
)

// ReportPlanWeekly is the plan a report measures sessions against when the
// person names none: one stretch session a day.
const ReportPlanWeekly = 7

// Report gathers the numbers of `unknot report` for the dates from to
// today (DayOf(now): now's location decides what today is), measuring the
// stretch sessions against planWeekly a week (ReportPlanWeekly when less
// than 1). Sessions still being recorded by another process are left out.
//
// Each run belongs to the date where it happened (its own offset): one
// begun by now in a time zone ahead of now's may be dated after today.
// The period then ends on that date instead, so that no run done by now
// is left out (Report.To is after DayOf(Report.Made)).
func (s *Store) Report(now time.Time, from record.Day, planWeekly int) (Report, error) {
	to := record.DayOf(now)
	if from > to {
		from = to
	}
	asked := from
	ctx := context.Background()
	var last sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT max(day) FROM sessions WHERE started_ns <= ?`, now.UnixNano()).Scan(&last); err != nil {
		return Report{}, fault("read", s.path, err)
	}
	if d := record.Day(last.String); last.Valid && d > to {
		to = d
	}
	// The days before the first run on record are not days missed: the
	// period begins with the record.
	var first sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT min(day) FROM sessions`).Scan(&first); err != nil {
		return Report{}, fault("read", s.path, err)
	}
	if d := record.Day(first.String); first.Valid && d > from && d <= to {
		from = d
	}
	// The day before too: a session just after midnight may follow ice
	// put on the evening before.
	sessions, err := s.Sessions(Filter{Since: from.Add(-1), Until: to})
	if err != nil {
		return Report{}, err
	}
	levels, err := s.reportLevels(ctx, from, to)
	if err != nil {
		return Report{}, fault("read", s.path, err)
	}
	eps, err := s.reportEpisodes(ctx, from, now)
	if err != nil {
		return Report{}, err
	}
	r := buildReport(from, to, planWeekly, sessions, levels)
	r.Made, r.Asked, r.Begins = now, asked, record.Day(first.String)
	r.Episodes = eps
	return r, nil
}

// reportLevels reads the level of each routine of each session between
// from and to: session id -> routine -> level.
func (s *Store) reportLevels(ctx context.Context, from, to record.Day) (map[int64]map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.session_id, l.routine, l.level FROM levels l
		JOIN sessions s ON s.id = l.session_id WHERE s.day BETWEEN ? AND ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[string]int{}
	for rows.Next() {
		var id int64
		var routine string
		var level int
		if err := rows.Scan(&id, &routine, &level); err != nil {
			return nil, err
		}
		if out[id] == nil {
			out[id] = map[string]int{}
		}
		out[id][routine] = clamp(level, -MaxLevel, MaxLevel)
	}
	return out, rows.Err()
}

// reportEpisodes lists the spasms said to have begun from EpisodeForgotten
// before the date from up to now, oldest first; when none of them began
// before from, the latest that did, however long before, comes first.
func (s *Store) reportEpisodes(ctx context.Context, from record.Day, now time.Time) ([]record.EpisodeStart, error) {
	earliest := from.Time().Add(-EpisodeForgotten - 24*time.Hour) // from's midnight, in any zone
	rows, err := s.db.QueryContext(ctx, `SELECT began_at, day_only, or_earlier FROM episodes
		WHERE began_ns BETWEEN ? AND ? ORDER BY began_ns, id`, earliest.UnixNano(), now.UnixNano())
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	defer rows.Close()
	var out []record.EpisodeStart
	for rows.Next() {
		var began string
		var e record.EpisodeStart
		if err := rows.Scan(&began, &e.DayOnly, &e.OrEarlier); err != nil {
			return nil, fault("read", s.path, err)
		}
		t, err := time.Parse(time.RFC3339Nano, began)
		if err != nil {
			return nil, damaged(s.path, fmt.Errorf("an episode began at %q: %v", began, err))
		}
		if record.DayOf(t) < from.Add(-int(EpisodeForgotten/(24*time.Hour))) {
			continue
		}
		e.Began = t
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fault("read", s.path, err)
	}
	if len(out) > 0 && record.DayOf(out[0].Began) < from {
		return out, nil
	}
	// The spasm the period began in, however long before: the first thing
	// a physio asks is how long this has been going on.
	prev, ok, err := s.episodeBefore(ctx, from)
	if err != nil || !ok {
		return out, err
	}
	return append([]record.EpisodeStart{prev}, out...), nil
}

// episodeBefore is the latest spasm said to have begun on a day before
// from, if any.
func (s *Store) episodeBefore(ctx context.Context, from record.Day) (record.EpisodeStart, bool, error) {
	bound := from.Time().Add(24 * time.Hour) // past from's midnight in any zone; days are checked below
	rows, err := s.db.QueryContext(ctx, `SELECT began_at, day_only, or_earlier FROM episodes
		WHERE began_ns < ? ORDER BY began_ns DESC, id DESC`, bound.UnixNano())
	if err != nil {
		return record.EpisodeStart{}, false, fault("read", s.path, err)
	}
	defer rows.Close()
	for rows.Next() {
		var began string
		var e record.EpisodeStart
		if err := rows.Scan(&began, &e.DayOnly, &e.OrEarlier); err != nil {
			return record.EpisodeStart{}, false, fault("read", s.path, err)
		}
		t, err := time.Parse(time.RFC3339Nano, began)
		if err != nil {
			return record.EpisodeStart{}, false, damaged(s.path, fmt.Errorf("an episode began at %q: %v", began, err))
		}
		if record.DayOf(t) < from {
			e.Began = t
			return e, true, nil
		}
	}
	return record.EpisodeStart{}, false, fault("read", s.path, rows.Err())
}
