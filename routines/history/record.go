package history

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"sync"
	"time"
)

// Recorder writes one session as it happens. Every call is its own short
// transaction, committed and synced before it returns, so a process killed
// at any moment loses at most the rep or breath in progress. A Recorder is
// safe for use by several goroutines.
type Recorder struct {
	s  *Store
	id int64

	mu       sync.Mutex
	finished bool
}

// ID is the session's id in the history.
func (r *Recorder) ID() int64 { return r.id }

// Start records the start of a session at instant at (keep its location:
// the session belongs to the local date of at). planned lists the routines
// and sides to come, in plan order, with their planned reps (RepsDone is
// normally 0); the same routine and side may come more than once. Other
// kinds plan none. painBefore is the check-in, or nil when skipped. The
// session reads as running while this process lives, and as interrupted if
// it dies before Finish. Most callers want a Journal instead, which never
// blocks and never loses a write.
func (s *Store) Start(kind Kind, at time.Time, planned []Exercise, painBefore *int) (*Recorder, error) {
	x := record.Session{Kind: kind, StartedAt: at, Status: record.Running, PainBefore: painBefore, Exercises: planned}
	if err := checkSession(&x); err != nil {
		return nil, fmt.Errorf("history: %w: %v", ErrBadValue, err)
	}
	if err := s.writable(); err != nil {
		return nil, err
	}
	ctx := context.Background()
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insert(ctx, tx, &x, nil, true)
		return err
	})
	if err != nil {
		return nil, fault("record the start of a session in", s.path, err)
	}
	return &Recorder{s: s, id: id}, nil
}

// insert adds session x in tx, with id (nil: the next free one), and its
// exercises; owned marks it as this process's while running.
func (s *Store) insert(ctx context.Context, tx *sql.Tx, x *record.Session, id any, owned bool) (int64, error) {
	var ended, pid, token any
	if x.EndedAt != nil {
		ended = timeText(*x.EndedAt)
	}
	if owned && x.Status == record.Running {
		pid, token = s.owner.pid, s.owner.token
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, kind, started_at, started_ns, day, ended_at,
		status, pain_before, pain_after, breaths, owner_pid, owner_token, pattern, safety_opened_at, stop_pos, stop_rep, never_on)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, x.Kind, timeText(x.StartedAt), x.StartedAt.UnixNano(), record.DayOf(x.StartedAt), ended,
		x.Status, x.PainBefore, x.PainAfter, x.Breaths, pid, token, optText(x.Pattern), optTime(x.SafetyOpenedAt),
		x.StopPos, x.StopRep, x.NeverOn)
	if err != nil {
		return 0, err
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return newID, insertExercises(ctx, tx, newID, x.Exercises)
}

// update writes every field of session x over row id in tx, exercises
// included (matched by position).
func (s *Store) update(ctx context.Context, tx *sql.Tx, id int64, x *record.Session, owned bool) error {
	var ended, pid, token any
	if x.EndedAt != nil {
		ended = timeText(*x.EndedAt)
	}
	if owned && x.Status == record.Running {
		pid, token = s.owner.pid, s.owner.token
	}
	// The start too: an ice or heat run's moves to when the pack went on.
	if _, err := tx.ExecContext(ctx, `UPDATE sessions SET started_at = ?, started_ns = ?, day = ?, ended_at = ?, status = ?, pain_before = ?,
		pain_after = ?, breaths = ?, owner_pid = ?, owner_token = ?, pattern = ?, safety_opened_at = ?,
		stop_pos = ?, stop_rep = ?, never_on = ? WHERE id = ?`,
		timeText(x.StartedAt), x.StartedAt.UnixNano(), record.DayOf(x.StartedAt), ended, x.Status, x.PainBefore, x.PainAfter, x.Breaths, pid, token,
		optText(x.Pattern), optTime(x.SafetyOpenedAt), x.StopPos, x.StopRep, x.NeverOn, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM exercises WHERE session_id = ? AND pos >= ?`, id, len(x.Exercises)); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO exercises (session_id, pos, routine, side, direction, reps_done, reps_planned)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, pos) DO UPDATE SET routine = excluded.routine,
		side = excluded.side, direction = excluded.direction, reps_done = excluded.reps_done, reps_planned = excluded.reps_planned`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, e := range x.Exercises {
		if _, err := st.ExecContext(ctx, id, i, e.Routine, e.Side, e.Direction, e.RepsDone, e.RepsPlanned); err != nil {
			return err
		}
	}
	return nil
}

func insertExercises(ctx context.Context, tx *sql.Tx, id int64, exs []Exercise) error {
	if len(exs) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO exercises
		(session_id, pos, routine, side, direction, reps_done, reps_planned) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, e := range exs {
		if _, err := st.ExecContext(ctx, id, i, e.Routine, e.Side, e.Direction, e.RepsDone, e.RepsPlanned); err != nil {
			return fmt.Errorf("%s %s: %w", e.Routine, e.Side, err)
		}
	}
	return nil
}

// tx runs f in one BEGIN IMMEDIATE transaction.
func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// SetRepsAt records that done reps of the exercise at position i of the
// plan (0-based, as passed to Start) have been done.
func (r *Recorder) SetRepsAt(i, done int) error {
	if done < 0 || done > MaxReps {
		return fmt.Errorf("history: %w: %d reps done; it must be from 0 to %d", ErrBadValue, done, MaxReps)
	}
	res, err := r.s.db.ExecContext(context.Background(), `UPDATE exercises SET reps_done = ?
		WHERE session_id = ? AND pos = ? AND reps_planned >= ?`, done, r.id, i, done)
	if err != nil {
		return fault("record a rep in", r.s.path, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("history: %w: exercise %d of session %d is not planned, or plans fewer than %d reps", ErrBadValue, i, r.id, done)
	}
	return nil
}

// SetReps records that done reps of routine on side (left, right, or ""
// for none) have been held to their end: the first planned exercise of
// that routine and side, or a new one after the last when none was
// planned. A plan that repeats a routine needs SetRepsAt.
func (r *Recorder) SetReps(routine, side string, done int) error {
	if err := checkExercise(Exercise{Routine: routine, Side: side, RepsDone: done, RepsPlanned: max(done, 0)}); err != nil {
		return fmt.Errorf("history: %w: %v", ErrBadValue, err)
	}
	ctx := context.Background()
	err := r.s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE exercises SET reps_done = ?1, reps_planned = max(reps_planned, ?1)
			WHERE session_id = ?2 AND pos = (SELECT min(pos) FROM exercises WHERE session_id = ?2 AND routine = ?3 AND side = ?4)`,
			done, r.id, routine, side)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned)
			VALUES (?1, (SELECT coalesce(max(pos), -1) + 1 FROM exercises WHERE session_id = ?1), ?2, ?3, ?4, ?4)`,
			r.id, routine, side, done)
		return err
	})
	return fault("record a rep in", r.s.path, err)
}

// SetBreaths records that n whole breaths have been completed.
func (r *Recorder) SetBreaths(n int) error {
	if n < 0 || n > MaxBreaths {
		return fmt.Errorf("history: %w: %d breaths; it must be from 0 to %d", ErrBadValue, n, MaxBreaths)
	}
	_, err := r.s.db.ExecContext(context.Background(), `UPDATE sessions SET breaths = ? WHERE id = ?`, n, r.id)
	return fault("record a breath in", r.s.path, err)
}

// Finish records the end of the session at instant at, with status
// Completed, Stopped, Pain or Interrupted. It may be called once.
func (r *Recorder) Finish(at time.Time, status Status) error {
	if !finalStatus(status) {
		return fmt.Errorf("history: %w: a session ends completed, stopped, pain or interrupted, not %q", ErrBadValue, status)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.finished {
		return fmt.Errorf("history: session %d: %w", r.id, ErrFinished)
	}
	_, err := r.s.db.ExecContext(context.Background(), `UPDATE sessions
		SET ended_at = ?, status = ?, owner_pid = NULL, owner_token = NULL WHERE id = ?`,
		timeText(at), status, r.id)
	if err != nil {
		return fault("record the end of a session in", r.s.path, err)
	}
	r.finished = true
	return nil
}

// SetPainAfter records the check-in after the session, 0 to 10. It may
// come before or after Finish.
func (r *Recorder) SetPainAfter(v int) error {
	if err := checkPain("pain after", &v); err != nil {
		return fmt.Errorf("history: %w: %v", ErrBadValue, err)
	}
	_, err := r.s.db.ExecContext(context.Background(), `UPDATE sessions SET pain_after = ? WHERE id = ?`, v, r.id)
	return fault("record the pain check-in in", r.s.path, err)
}

// sweep marks interrupted the running sessions whose process is gone, so
// that they never read as running again.
func (s *Store) sweep() error {
	ctx := context.Background()
	dead, err := s.deadRunning(ctx)
	if err != nil || len(dead) == 0 {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range dead {
			if _, err := tx.ExecContext(ctx, `UPDATE sessions SET status = 'interrupted',
				owner_pid = NULL, owner_token = NULL WHERE id = ? AND status = 'running'`, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// deadRunning lists the sessions marked running whose process is gone.
func (s *Store) deadRunning(ctx context.Context) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(owner_pid, 0), coalesce(owner_token, '')
		FROM sessions WHERE status = 'running'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var dead []int64
	for rows.Next() {
		var id int64
		var pid int
		var token string
		if err := rows.Scan(&id, &pid, &token); err != nil {
			return nil, err
		}
		if !ownerAlive(pid, token) {
			dead = append(dead, id)
		}
	}
	return dead, rows.Err()
}
