package history

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// sessionCols are read by scanSessions, in this order, with the
// exercise's columns after them (NULL for a session without any).
const sessionCols = `s.id, s.kind, s.started_at, s.ended_at, s.status, s.pain_before, s.pain_after,
	s.breaths, coalesce(s.owner_pid, 0), coalesce(s.owner_token, ''),
	e.routine, e.side, e.reps_done, e.reps_planned`

// eachSession runs a query of sessionCols over sessions s left-joined with
// their exercises e (ordered so that one session's rows come together, in
// pos order) and hands each whole session to f. A running session whose
// process is gone comes out Interrupted.
func (s *Store) eachSession(ctx context.Context, query string, args []any, f func(*Session) error) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		cur        *Session
		id         int64
		kind       string
		started    string
		ended      sql.NullString
		status     string
		before     sql.NullInt64
		after      sql.NullInt64
		breaths    int
		pid        int
		token      string
		routine    sql.NullString
		side       sql.NullString
		done, plan sql.NullInt64
	)
	for rows.Next() {
		if err := rows.Scan(&id, &kind, &started, &ended, &status, &before, &after, &breaths, &pid, &token,
			&routine, &side, &done, &plan); err != nil {
			return err
		}
		if cur == nil || cur.ID != id {
			if cur != nil {
				if err := f(cur); err != nil {
					return err
				}
			}
			cur = &Session{ID: id, Kind: Kind(kind), Status: Status(status), Breaths: breaths, Exercises: []Exercise{}}
			if cur.StartedAt, err = time.Parse(time.RFC3339Nano, started); err != nil {
				return fmt.Errorf("session %d: start %q: %w", id, started, err)
			}
			if ended.Valid {
				t, err := time.Parse(time.RFC3339Nano, ended.String)
				if err != nil {
					return fmt.Errorf("session %d: end %q: %w", id, ended.String, err)
				}
				cur.EndedAt = &t
			}
			cur.PainBefore = intPtr(before)
			cur.PainAfter = intPtr(after)
			if cur.Status == Running && !ownerAlive(pid, token) {
				cur.Status = Interrupted
			}
		}
		if routine.Valid {
			cur.Exercises = append(cur.Exercises, Exercise{Routine: routine.String, Side: side.String,
				RepsDone: int(done.Int64), RepsPlanned: int(plan.Int64)})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if cur != nil {
		return f(cur)
	}
	return nil
}

func intPtr(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	n := int(v.Int64)
	return &n
}

// Filter chooses sessions for Sessions and Export.
type Filter struct {
	Since Day   // only sessions on this date or later ("" for all)
	Until Day   // only sessions on this date or earlier ("" for all)
	Kind  Kind  // only this kind ("" for both)
	Limit int   // at most this many, newest first (0: all, oldest first)
	Older int64 // with Limit: only sessions listed after the one with this id (paging)
}

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
func (s *Store) each(ctx context.Context, flt Filter, f func(*Session) error) error {
	where, args := flt.where()
	order, limit := "ASC", ""
	if flt.Limit > 0 {
		order, limit = "DESC", fmt.Sprintf(" LIMIT %d", flt.Limit)
	}
	q := `SELECT ` + sessionCols + `
		FROM (SELECT * FROM sessions` + where + ` ORDER BY started_ns ` + order + `, id ` + order + limit + `) s
		LEFT JOIN exercises e ON e.session_id = s.id
		ORDER BY s.started_ns ` + order + `, s.id ` + order + `, e.pos`
	return s.eachSession(ctx, q, args, f)
}

// Sessions lists the sessions flt chooses with all their details: with a
// Limit, the newest first (the review screen's list; pass the last id seen
// as Older for the next page); without, all of them, oldest first.
func (s *Store) Sessions(flt Filter) ([]Session, error) {
	var out []Session
	err := s.each(context.Background(), flt, func(x *Session) error {
		out = append(out, *x)
		return nil
	})
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	return out, nil
}

// Session is the session with id, and false if there is none.
func (s *Store) Session(id int64) (Session, bool, error) {
	var out Session
	found := false
	q := `SELECT ` + sessionCols + ` FROM sessions s LEFT JOIN exercises e ON e.session_id = s.id
		WHERE s.id = ? ORDER BY e.pos`
	err := s.eachSession(context.Background(), q, []any{id}, func(x *Session) error {
		out, found = *x, true
		return nil
	})
	return out, found, fault("read", s.path, err)
}
