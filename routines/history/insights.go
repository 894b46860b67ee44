package history

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/unknot/unknot/routines/record"
)

// Insights finds what seems to help the person, from the sessions on date
// since or later ("" for all): the mean change in pain within a session by
// routine, for breathing runs by their pattern (those from before the
// pattern was recorded in a group of their own), after ice or heat, and
// by time of day, each
// with the count it rests on; groups of fewer than record.InsightMinimum
// sessions are held back, not claimed.
func (s *Store) Insights(since record.Day) (Insights, error) {
	from := since
	if from != "" {
		from = from.Add(-1) // the ice or heat of the evening before
	}
	// Only what the observations need: the check-ins, the routines done
	// or stopped for pain in (samplesOf), and the ice and heat (no
	// check-ins of their own).
	q := `SELECT s.id, s.kind, s.started_at, s.pain_before, s.pain_after, s.breaths, s.pattern,
		(SELECT group_concat(r, char(31)) FROM (SELECT DISTINCT e.routine r FROM exercises e
			WHERE e.session_id = s.id AND (e.reps_done > 0 OR (s.status = 'pain' AND e.pos = ` + painPos + `))))
		FROM sessions s WHERE s.day >= ? AND s.status != 'running' AND (s.kind IN ('ice', 'heat')
			OR (s.pain_before IS NOT NULL AND s.pain_after IS NOT NULL))
		ORDER BY s.started_ns, s.id`
	rows, err := s.db.QueryContext(context.Background(), q, from)
	if err != nil {
		return Insights{}, fault("read", s.path, err)
	}
	defer rows.Close()
	var list []record.Session
	patterns := map[string]string{}
	for rows.Next() {
		var x record.Session
		var kind, started string
		var before, after sql.NullInt64
		var done, pattern sql.NullString
		if err := rows.Scan(&x.ID, &kind, &started, &before, &after, &x.Breaths, &pattern, &done); err != nil {
			return Insights{}, fault("read", s.path, err)
		}
		x.Kind = Kind(kind)
		if x.StartedAt, err = time.Parse(time.RFC3339Nano, started); err != nil {
			return Insights{}, damaged(s.path, err)
		}
		x.PainBefore, x.PainAfter = intPtr(before), intPtr(after)
		x.Pattern = readPattern(pattern, patterns)
		for r := range strings.SplitSeq(done.String, "\x1f") {
			if r == "" {
				continue
			}
			x.Exercises = append(x.Exercises, Exercise{Routine: r, RepsDone: 1, RepsPlanned: 1})
		}
		list = append(list, x)
	}
	if err := rows.Err(); err != nil {
		return Insights{}, fault("read", s.path, err)
	}
	return record.NewInsights(samplesOf(list, since, ""), record.InsightMinimum), nil
}

// samplesOf turns the sessions (oldest first) with both check-ins on dates
// from to to ("": no bound) into insight samples; the ice and heat among
// the sessions mark those begun within record.CareWindow hours after. A
// session counts for each routine it did a rep of, and for the one a stop
// for pain came in (painRoutine), reps or none: a routine that hurt at its
// first rep is not left out of its own group, where it would make the
// routine look better than it is.
func samplesOf(sessions []record.Session, from, to record.Day) []record.InsightSample {
	var out []record.InsightSample
	var care Kind
	var careAt time.Time
	for i := range sessions {
		x := &sessions[i]
		switch x.Kind {
		case KindIce, KindHeat:
			care, careAt = x.Kind, x.StartedAt
			continue
		}
		d := x.Day()
		if x.PainBefore == nil || x.PainAfter == nil || x.Status == record.Running ||
			(from != "" && d < from) || (to != "" && d > to) {
			continue
		}
		sm := record.InsightSample{Before: *x.PainBefore, After: *x.PainAfter, Hour: x.StartedAt.Hour()}
		seen := map[string]bool{}
		for _, e := range x.Exercises {
			if e.RepsDone > 0 && !seen[e.Routine] {
				seen[e.Routine] = true
				sm.Routines = append(sm.Routines, e.Routine)
			}
		}
		if r := painRoutine(x); r != "" && !seen[r] {
			sm.Routines = append(sm.Routines, r)
		}
		if x.Kind == KindBreathe && x.Breaths > 0 {
			sm.Breathing = x.Pattern
			if sm.Breathing == "" {
				sm.Breathing = record.PatternNotRecorded // from before it was recorded
			}
		}
		if care != "" && !x.StartedAt.Before(careAt) && x.StartedAt.Sub(careAt) <= record.CareWindow*time.Hour {
			sm.Care = string(care)
		}
		out = append(out, sm)
	}
	return out
}
