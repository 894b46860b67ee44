package history

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
	"strconv"
	"strings"
	"time"
)

// sessionCols are read by eachSession, in this order, from sessions s
// (the pattern, the opening of the safety page and where a stop for pain
// came, NULL when not recorded, after the owner; then whether an ice or
// heat run's pack never went on); the exercises come last, as one text, each "routine US side US done US
// planned US direction", separated by RS, in plan order. One row a session is several
// times faster to read than a join, one row an exercise.
const sessionCols = `s.id, s.kind, s.started_at, s.ended_at, s.status, s.pain_before, s.pain_after,
	s.breaths, coalesce(s.owner_pid, 0), coalesce(s.owner_token, ''), s.pattern, s.safety_opened_at,
	s.stop_pos, s.stop_rep, s.never_on,
	(SELECT group_concat(e.routine || char(31) || e.side || char(31) || e.reps_done || char(31) || e.reps_planned
		|| char(31) || e.direction,
		char(30) ORDER BY e.pos) FROM exercises e WHERE e.session_id = s.id)`

// cols is sessionCols as s's schema can answer it (compat).
func (s *Store) cols() string { return s.compat(sessionCols) }

// compat is query q as s's schema can answer it: over a history of an
// older schema, opened read-only and so not migrated (OpenReadOnly), a
// column it lacks reads as every run from before it reads once migrated:
// no direction (version 5: "", not recorded), and never_on 0 (version 6
// and before: the pack went on). Every query that names these columns
// goes through it, naming them as "e.direction" and "s.never_on".
func (s *Store) compat(q string) string {
	if s.noDirection {
		q = strings.ReplaceAll(q, "e.direction", "''")
	}
	if s.noNeverOn {
		q = strings.ReplaceAll(q, "s.never_on", "0")
	}
	return q
}

// eachSession runs a query of sessionCols and hands each session to f. A
// running session whose process is gone comes out Interrupted.
func (s *Store) eachSession(ctx context.Context, query string, args []any, f func(*record.Session) error) error {
	return s.scanSessions(ctx, query, args, func(x *record.Session, _ string) error { return f(x) })
}

// scanSessions is eachSession for a query that may add one more column
// after sessionCols (levelCols: the session's levels as text), handed to f
// as it is ("" when the query has no such column or it is null).
func (s *Store) scanSessions(ctx context.Context, query string, args []any, f func(*record.Session, string) error) error {
	return scanSessionsOn(ctx, s.db, query, args, f)
}

// rowsQuerier is what scanSessionsOn reads through: the store's pool, or
// a transaction (which sees what it has written).
type rowsQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// scanSessionsOn is scanSessions through q.
func scanSessionsOn(ctx context.Context, q rowsQuerier, query string, args []any, f func(*record.Session, string) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		kind, started, status, token string
		ended, exs                   sql.NullString
		before, after                sql.NullInt64
		stopPos, stopRep             sql.NullInt64
		pid                          int
		names                        = map[string]string{} // routine names, shared
		extra                        sql.NullString
		pattern, safety              sql.NullString
		patterns                     = map[string]string{} // as stored -> as read, shared
	)
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		x := &record.Session{}
		dest := []any{&x.ID, &kind, &started, &ended, &status, &before, &after, &x.Breaths, &pid, &token,
			&pattern, &safety, &stopPos, &stopRep, &x.NeverOn, &exs}
		if len(cols) > len(dest) {
			dest = append(dest, &extra)
		}
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		x.Kind, x.Status = Kind(kind), Status(status)
		if x.StartedAt, err = time.Parse(time.RFC3339Nano, started); err != nil {
			return fmt.Errorf("session %d: start %q: %w", x.ID, started, err)
		}
		if ended.Valid {
			t, err := time.Parse(time.RFC3339Nano, ended.String)
			if err != nil {
				return fmt.Errorf("session %d: end %q: %w", x.ID, ended.String, err)
			}
			x.EndedAt = &t
		}
		if safety.Valid {
			t, err := time.Parse(time.RFC3339Nano, safety.String)
			if err != nil {
				return fmt.Errorf("session %d: safety page opened %q: %w", x.ID, safety.String, err)
			}
			x.SafetyOpenedAt = &t
		}
		// A file written by hand may hold anything: read within bounds.
		x.Breaths = clamp(x.Breaths, 0, MaxBreaths)
		x.Pattern = readPattern(pattern, patterns)
		x.PainBefore = intPtr(before)
		x.PainAfter = intPtr(after)
		if x.Status == record.Running && !ownerAlive(pid, token) {
			x.Status = Interrupted
		}
		if x.Exercises, err = splitExercises(exs.String, names); err != nil {
			return fmt.Errorf("session %d: %w", x.ID, err)
		}
		x.StopPos, x.StopRep = stopPlace(x, stopPos, stopRep)
		if err := f(x, extra.String); err != nil {
			return err
		}
	}
	return rows.Err()
}

// splitExercises reads the text sessionCols makes of a session's exercises.
func splitExercises(text string, names map[string]string) ([]Exercise, error) {
	out := make([]Exercise, 0, strings.Count(text, "\x1e")+1)
	if text == "" {
		return out, nil
	}
	for item := range strings.SplitSeq(text, "\x1e") {
		f := strings.Split(item, "\x1f")
		if len(f) != 5 {
			return nil, fmt.Errorf("exercise %q cannot be read", item)
		}
		done, err1 := strconv.Atoi(f[2])
		planned, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("exercise %q cannot be read", item)
		}
		name, ok := names[f[0]]
		if !ok {
			name = f[0]
			names[name] = name
		}
		planned = clamp(planned, 0, MaxReps)
		done = clamp(done, 0, planned)
		out = append(out, Exercise{Routine: name, Side: f[1], Direction: f[4], RepsDone: done, RepsPlanned: planned})
	}
	return out, nil
}

// readPattern is a stored pattern as Pattern.String writes it, or "" (not
// recorded) when there is none or it cannot be read; seen keeps those
// read already.
func readPattern(v sql.NullString, seen map[string]string) string {
	if !v.Valid || v.String == "" {
		return ""
	}
	if p, ok := seen[v.String]; ok {
		return p
	}
	p := ""
	if q, err := routines.ParsePattern(v.String); err == nil {
		p = q.String()
	}
	seen[v.String] = p
	return p
}

// stopPlace is where session x's stop for pain came, as stored: nil, "not
// recorded", unless both are there and name a rep x's exercises plan (a
// file written by hand may hold anything).
func stopPlace(x *record.Session, pos, rep sql.NullInt64) (*int, *int) {
	if !pos.Valid || !rep.Valid || x.Status != Pain || pos.Int64 < 0 || pos.Int64 >= int64(len(x.Exercises)) ||
		rep.Int64 < 1 || rep.Int64 > int64(x.Exercises[pos.Int64].RepsPlanned) {
		return nil, nil
	}
	p, r := int(pos.Int64), int(rep.Int64)
	return &p, &r
}

func intPtr(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	n := int(min(max(v.Int64, 0), 10))
	return &n
}

// Filter chooses sessions for Sessions and Export.
type Filter struct {
	Since  record.Day // only sessions on this date or later ("" for all)
	Until  record.Day // only sessions on this date or earlier ("" for all)
	Kind   Kind       // only this kind ("" for both)
	Limit  int        // at most this many, newest first (0: all, oldest first)
	Offset int        // with Limit: skip this many first (paging by page number)
	Older  int64      // with Limit: only sessions listed after the one with this id (paging by cursor)
	// HideEmpty leaves out the runs with nothing done (Session.Empty):
	// what the review lists by default.
	HideEmpty bool
}

// emptyRun is Session.Empty as SQL, over sessions s.
const emptyRun = `(s.status IN ('completed', 'stopped', 'interrupted') AND (
	(s.kind IN ('session', 'breathe') AND s.breaths <= 0 AND s.pain_before IS NULL AND s.pain_after IS NULL
		AND NOT EXISTS (SELECT 1 FROM exercises e WHERE e.session_id = s.id AND e.reps_done > 0))
	OR (s.kind IN ('ice', 'heat') AND s.never_on = 1)))`

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if f.Since != "" {
		conds, args = append(conds, "day >= ?"), append(args, string(f.Since))
	}
	if f.Until != "" {
		conds, args = append(conds, "day <= ?"), append(args, string(f.Until))
	}
	if f.Kind != "" {
		conds, args = append(conds, "kind = ?"), append(args, string(f.Kind))
	}
	if f.HideEmpty {
		conds = append(conds, "NOT "+emptyRun)
	}
	if f.Older != 0 {
		conds = append(conds, "(started_ns, id) < (SELECT started_ns, id FROM sessions WHERE id = ?)")
		args = append(args, f.Older)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// each hands f the sessions f chooses, with their exercises.
func (s *Store) each(ctx context.Context, flt Filter, f func(*record.Session) error) error {
	where, args := flt.where()
	order, limit := "ASC", ""
	if flt.Limit > 0 {
		order, limit = "DESC", fmt.Sprintf(" LIMIT %d OFFSET %d", flt.Limit, max(flt.Offset, 0))
	}
	q := s.compat(`SELECT ` + sessionCols + ` FROM sessions s` + where +
		` ORDER BY s.started_ns ` + order + `, s.id ` + order + limit)
	return s.eachSession(ctx, q, args, f)
}

// Sessions lists the sessions flt chooses with all their details: with a
// Limit, the newest first (the review screen's list: pass the last id seen
// as Older, or the count already shown as Offset, for the next page; Count
// says how many there are); without, all of them, oldest first. Each
// session's StartedAt and EndedAt keep the offset recorded where it
// happened: format them as they are (never .Local() or .In(viewer)) to show
// the wall-clock time of that place, the same clock its Day counts on.
func (s *Store) Sessions(flt Filter) ([]record.Session, error) {
	var out []record.Session
	err := s.each(context.Background(), flt, func(x *record.Session) error {
		out = append(out, *x)
		return nil
	})
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	return out, nil
}

// Count is how many sessions flt chooses (Limit, Offset and Older aside):
// how many pages the review's list has.
func (s *Store) Count(flt Filter) (int, error) {
	flt.Older = 0
	where, args := flt.where()
	var n int
	err := s.db.QueryRowContext(context.Background(), s.compat(`SELECT count(*) FROM sessions s`+where), args...).Scan(&n)
	return n, fault("read", s.path, err)
}

// Session is the session with id, and false if there is none.
func (s *Store) Session(id int64) (record.Session, bool, error) {
	var out record.Session
	found := false
	q := `SELECT ` + s.cols() + ` FROM sessions s WHERE s.id = ?`
	err := s.eachSession(context.Background(), q, []any{id}, func(x *record.Session) error {
		out, found = *x, true
		return nil
	})
	return out, found, fault("read", s.path, err)
}
