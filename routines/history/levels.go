package history

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// MaxLevel bounds a recorded level either way (steps from a routine's
// file; routines.Progress keeps real ones within a few): the schema's
// bound, to which reading clamps.
const MaxLevel = 1000

// MaxLevelSteps is the furthest any routine can be taken from its file,
// either way: a routine file gives at most routines.MaxReps reps (and
// max_reps), or a hold of at most routines.MaxHoldBreaths breaths, and a
// level never goes under one rep or one breath (routines.LevelRange).
// Import refuses a level past it. It does not hold a level to the range
// of the routine as its file reads now: a file changed since may allow
// less than it did, and the level recorded then is still the person's
// (routines.ClampLevel uses it as the nearest it allows).
const MaxLevelSteps = max(routines.MaxReps, routines.MaxHoldBreaths) - 1

// writeLevels replaces the levels recorded for session id with levels
// (routine -> level), in tx. Nil levels leave the session's rows alone.
func writeLevels(ctx context.Context, tx *sql.Tx, id int64, levels map[string]int) error {
	if levels == nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM levels WHERE session_id = ?`, id); err != nil {
		return err
	}
	for r, l := range levels {
		if _, err := tx.ExecContext(ctx, `INSERT INTO levels (session_id, routine, level) VALUES (?, ?, ?)`,
			id, r, clamp(l, -MaxLevel, MaxLevel)); err != nil {
			return err
		}
	}
	return nil
}

// errEnough ends a walk over the sessions early.
var errEnough = errors.New("enough")

// RecentRuns are the last n stretch sessions (n <= 0: all) that did
// routine, newest first, as routines.Progress reads them. A session counts
// for a routine when at least one of its reps was done, or when the
// session was stopped for pain: a pain stop brakes every routine of that
// session, and is put down (Pain: one step back) to the routine it came
// in (painRoutine) and to those with reps done before it. A routine never
// reached in a session that ended otherwise is not counted. Pain not asked
// or skipped is routines.PainUnknown; the level is the one recorded with
// the session (0 when none was: the routine as its file gives it).
// Sessions still running are left out.
func (s *Store) RecentRuns(routine string, n int) ([]routines.PastRun, error) {
	ctx := context.Background()
	var out []routines.PastRun
	var ids []int64
	q := `SELECT ` + s.cols() + ` FROM sessions s WHERE s.kind = 'session' AND s.status != 'running'
		AND EXISTS (SELECT 1 FROM exercises e WHERE e.session_id = s.id AND e.routine = ?)
		ORDER BY s.started_ns DESC, s.id DESC`
	err := s.eachSession(ctx, q, []any{routine}, func(x *record.Session) error {
		if x.Status == record.Running {
			return nil
		}
		run, ok := pastRun(x, routine)
		if !ok {
			return nil
		}
		out, ids = append(out, run), append(ids, x.ID)
		if n > 0 && len(out) >= n {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, fault("read", s.path, err)
	}
	for i, id := range ids {
		var l int
		err := s.db.QueryRowContext(ctx, `SELECT level FROM levels WHERE session_id = ? AND routine = ?`, id, routine).Scan(&l)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, fault("read", s.path, err)
		default:
			out[i].Level = clamp(l, -MaxLevel, MaxLevel)
		}
	}
	return out, nil
}

// pastRun is session x as a run of routine; false when x did none of it
// and did not end for pain.
func pastRun(x *record.Session, routine string) (routines.PastRun, bool) {
	run := routines.PastRun{Day: x.StartedAt, Outcome: x.Status,
		PainBefore: routines.PainUnknown, PainAfter: routines.PainUnknown}
	if x.PainBefore != nil {
		run.PainBefore = *x.PainBefore
	}
	if x.PainAfter != nil {
		run.PainAfter = *x.PainAfter
	}
	for _, e := range x.Exercises {
		if e.Routine == routine {
			run.RepsPlanned += e.RepsPlanned
			run.RepsDone += e.RepsDone
		}
	}
	if place, ok := x.PainPlace(); ok && x.Exercises[place.Pos].Routine != routine &&
		(run.RepsDone == 0 || !place.Guessed) {
		// The stop for pain came in another routine: this one did not
		// hurt (no step back), but a day that ended in pain is no day to
		// grow on (PainElsewhere). Where the place was not recorded (a
		// stop from before it was) and this routine was done before the
		// guessed place, it keeps the pain: it may have been where it
		// hurt.
		run.Outcome, run.PainElsewhere = Stopped, true
	}
	return run, run.RepsDone > 0 || x.Status == Pain
}

// painRoutine is the routine a stop for pain in session x is put down to,
// as RedFlags, the report and the insights put it: the one under way when
// the stop came, as recorded; for a stop from before that was recorded,
// the first exercise not finished, else the last one
// (record.Session.PainPlace). "" when x holds no exercise.
func painRoutine(x *record.Session) string {
	if p, ok := x.PainPlace(); ok {
		return x.Exercises[p.Pos].Routine
	}
	return ""
}

// Levels is each of names' present level: the one recorded with its
// newest session (0 when it has none).
func (s *Store) Levels(names []string) (map[string]int, error) {
	out := make(map[string]int, len(names))
	for _, n := range names {
		if _, ok := out[n]; ok || strings.TrimSpace(n) == "" {
			continue
		}
		runs, err := s.RecentRuns(n, 1)
		if err != nil {
			return nil, err
		}
		out[n] = 0
		if len(runs) > 0 {
			out[n] = runs[0].Level
		}
	}
	return out, nil
}
