package history

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
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
// and sides to come, with their planned reps (RepsDone is normally 0);
// breathe sessions plan none. painBefore is the check-in, or nil when
// skipped. The session reads as running while this process lives, and as
// interrupted if it dies before Finish.
func (s *Store) Start(kind Kind, at time.Time, planned []Exercise, painBefore *int) (*Recorder, error) {
	if !validKind(kind) {
		return nil, fmt.Errorf("history: %w: kind %q is not session or breathe", ErrBadValue, kind)
	}
	if err := checkPain("pain before", painBefore); err != nil {
		return nil, fmt.Errorf("history: %w: %v", ErrBadValue, err)
	}
	for _, e := range planned {
		if err := checkExercise(e); err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
	}
	ctx := context.Background()
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO sessions
			(kind, started_at, started_ns, day, status, pain_before, owner_pid, owner_token)
			VALUES (?, ?, ?, ?, 'running', ?, ?, ?)`,
			kind, timeText(at), at.UnixNano(), DayOf(at), painBefore, s.owner.pid, s.owner.token)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return insertExercises(ctx, tx, id, planned)
	})
	if err != nil {
		return nil, fault("record the start of a session in", s.path, err)
	}
	return &Recorder{s: s, id: id}, nil
}

func checkExercise(e Exercise) error {
	switch {
	case e.Routine == "":
		return fmt.Errorf("%w: an exercise has no routine name", ErrBadValue)
	case strings.ContainsFunc(e.Routine, unicode.IsControl):
		return fmt.Errorf("%w: routine name %q holds a control character", ErrBadValue, e.Routine)
	case !validSide(e.Side):
		return fmt.Errorf("%w: side %q of %s is not left, right or empty", ErrBadValue, e.Side, e.Routine)
	case e.RepsDone < 0 || e.RepsPlanned < 0:
		return fmt.Errorf("%w: reps of %s are negative", ErrBadValue, e.Routine)
	}
	return nil
}

func insertExercises(ctx context.Context, tx *sql.Tx, id int64, exs []Exercise) error {
	if len(exs) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO exercises
		(session_id, pos, routine, side, reps_done, reps_planned) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i, e := range exs {
		if _, err := st.ExecContext(ctx, id, i, e.Routine, e.Side, e.RepsDone, e.RepsPlanned); err != nil {
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

// SetReps records that done reps of routine on side (left, right, or ""
// for none) have been held to their end. A routine and side that were not
// planned are added to the session rather than dropped.
func (r *Recorder) SetReps(routine, side string, done int) error {
	if err := checkExercise(Exercise{Routine: routine, Side: side, RepsDone: done}); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	ctx := context.Background()
	// One statement, one implicit transaction: update the planned row, or
	// add a row after the last.
	_, err := r.s.db.ExecContext(ctx, `INSERT INTO exercises (session_id, pos, routine, side, reps_done)
		VALUES (?1, (SELECT coalesce(max(pos), -1) + 1 FROM exercises WHERE session_id = ?1), ?2, ?3, ?4)
		ON CONFLICT (session_id, routine, side) DO UPDATE SET reps_done = excluded.reps_done`,
		r.id, routine, side, done)
	return fault("record a rep in", r.s.path, err)
}

// SetBreaths records that n whole breaths have been completed.
func (r *Recorder) SetBreaths(n int) error {
	if n < 0 {
		return fmt.Errorf("history: %w: %d breaths", ErrBadValue, n)
	}
	_, err := r.s.db.ExecContext(context.Background(), `UPDATE sessions SET breaths = ? WHERE id = ?`, n, r.id)
	return fault("record a breath in", r.s.path, err)
}

// Finish records the end of the session at instant at, with status
// Completed, Stopped or Pain. It may be called once.
func (r *Recorder) Finish(at time.Time, status Status) error {
	if !finalStatus(status) {
		return fmt.Errorf("history: %w: a session ends completed, stopped or pain, not %q", ErrBadValue, status)
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
