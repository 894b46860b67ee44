package history

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"time"

	"github.com/unknot/unknot/routines"
)

// EpisodeForgotten is how long after it began an episode of spasm still
// counts for the care plan: past it, `unknot care` asks again when the
// spasm started, as it would for a new one.
const EpisodeForgotten = 14 * 24 * time.Hour

// RecordEpisode keeps ep, the answer to routines.OnsetQuestion given at
// instant at, as the latest episode of spasm. The instant keeps its offset,
// so that a day the person named stays that day wherever it is read.
func (s *Store) RecordEpisode(ep routines.Episode, at time.Time) error {
	if ep.Began.IsZero() {
		return fmt.Errorf("history: %w: an episode needs the time it began", ErrBadValue)
	}
	if err := s.writable(); err != nil {
		return err
	}
	ctx := context.Background()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO episodes (began_at, began_ns, day_only, or_earlier, recorded_at, recorded_ns)
			VALUES (?, ?, ?, ?, ?, ?)`, timeText(ep.Began), ep.Began.UnixNano(), ep.Day, ep.OrEarlier, timeText(at), at.UnixNano())
		return err
	})
	return fault("write", s.path, err)
}

// LatestEpisode is the episode said last that began at most
// EpisodeForgotten before now, or nil when there is none.
func (s *Store) LatestEpisode(now time.Time) (*routines.Episode, error) {
	var began string
	var day, earlier bool
	err := s.db.QueryRowContext(context.Background(), `SELECT began_at, day_only, or_earlier FROM episodes
		WHERE began_ns >= ? ORDER BY recorded_ns DESC, id DESC LIMIT 1`,
		now.Add(-EpisodeForgotten).UnixNano()).Scan(&began, &day, &earlier)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	t, err := time.Parse(time.RFC3339Nano, began)
	if err != nil {
		return nil, damaged(s.path, fmt.Errorf("an episode began at %q: %v", began, err))
	}
	return &routines.Episode{Began: t, Day: day, OrEarlier: earlier}, nil
}

// CareApplications are the ice and heat applications begun at or after
// since, oldest first, however they ended (a run still being recorded
// reads as interrupted, what it would be if its process ended now).
func (s *Store) CareApplications(since time.Time) ([]routines.Application, error) {
	return s.careApps(`started_ns >= ?`, since.UnixNano())
}

// careApps are the ice and heat applications where cond holds, oldest
// first.
func (s *Store) careApps(cond string, args ...any) ([]routines.Application, error) {
	rows, err := s.db.QueryContext(context.Background(), s.compat(`SELECT s.kind, s.started_at, s.ended_at, s.status, s.never_on
		FROM sessions s WHERE s.kind IN ('ice', 'heat') AND `+cond+` ORDER BY s.started_ns`), args...)
	if err != nil {
		return nil, fault("read", s.path, err)
	}
	defer rows.Close()
	var out []routines.Application
	for rows.Next() {
		var a routines.Application
		var started, status string
		var ended sql.NullString
		if err := rows.Scan(&a.Kind, &started, &ended, &status, &a.NeverOn); err != nil {
			return nil, fault("read", s.path, err)
		}
		if a.Started, err = time.Parse(time.RFC3339Nano, started); err != nil {
			return nil, damaged(s.path, fmt.Errorf("a %s began at %q: %v", a.Kind, started, err))
		}
		if ended.Valid {
			if t, err := time.Parse(time.RFC3339Nano, ended.String); err == nil {
				a.Ended = t
			}
		}
		a.Outcome = routines.Outcome(status)
		if !a.Outcome.Final() {
			a.Outcome = routines.Interrupted
		}
		out = append(out, a)
	}
	return out, fault("read", s.path, rows.Err())
}

// episodeRow is one episode as the history keeps it: the answer and when
// it was given (the export's and the import's unit).
type episodeRow struct {
	routines.Episode
	Recorded time.Time
}

// eachEpisode hands f the episodes whose beginning falls within flt's days
// (Since, Until), in the order they were said.
func (s *Store) eachEpisode(ctx context.Context, flt Filter, f func(episodeRow) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT began_at, day_only, or_earlier, recorded_at FROM episodes
		ORDER BY recorded_ns, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var began, recorded string
		var e episodeRow
		if err := rows.Scan(&began, &e.Day, &e.OrEarlier, &recorded); err != nil {
			return err
		}
		if e.Began, err = time.Parse(time.RFC3339Nano, began); err != nil {
			return fmt.Errorf("an episode began at %q: %w", began, err)
		}
		if e.Recorded, err = time.Parse(time.RFC3339Nano, recorded); err != nil {
			return fmt.Errorf("an episode was recorded at %q: %w", recorded, err)
		}
		d := record.DayOf(e.Began)
		if (flt.Since != "" && d < flt.Since) || (flt.Until != "" && d > flt.Until) {
			continue
		}
		if err := f(e); err != nil {
			return err
		}
	}
	return rows.Err()
}
