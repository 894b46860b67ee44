package history

import (
	"context"
	"database/sql"
	"github.com/unknot/unknot/routines/record"
	"os"
	"path/filepath"

	"github.com/unknot/unknot/routines"
)

// mergePending adds to the history the runs that a Journal could not write
// before its process ended, from the pending files in dir, and removes each
// file once its runs are in. A run already in the history (same start
// instant and kind: the journal wrote part of it) is brought up to date
// with the file's record, unless the history already knows it ended and
// the file does not say more. A file that cannot be merged now (another
// unknot holds the lock, it is damaged) is left for a later Open.
func (s *Store) mergePending(dir string) {
	if s.ro != nil {
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, pendingPrefix+"*"+pendingSuffix))
	for _, path := range files {
		if s.mergeFile(path) == nil {
			os.Remove(path)
		}
	}
}

func (s *Store) mergeFile(path string) error {
	f, _, err := routines.OpenRegular(path, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	ctx := context.Background()
	return s.tx(ctx, func(tx *sql.Tx) error {
		return decodeHistory(f, path, func(it item) error {
			if it.episode != nil {
				_, err := addEpisode(ctx, tx, *it.episode)
				return err
			}
			return s.upsert(ctx, tx, it.session, it.levels)
		})
	})
}

// upsert adds x with its levels, or brings the session with its start
// instant and kind up to date with them.
func (s *Store) upsert(ctx context.Context, tx *sql.Tx, x *record.Session, levels map[string]int) error {
	var id int64
	var status string
	err := tx.QueryRowContext(ctx, `SELECT id, status FROM sessions WHERE started_ns = ? AND kind = ?
		ORDER BY id LIMIT 1`, x.StartedAt.UnixNano(), x.Kind).Scan(&id, &status)
	if err == sql.ErrNoRows {
		id, err := s.insert(ctx, tx, x, nil, false)
		if err != nil {
			return err
		}
		return writeLevels(ctx, tx, id, levels)
	}
	if err != nil {
		return err
	}
	if rank(Status(status)) > rank(x.Status) {
		return nil
	}
	if err := s.update(ctx, tx, id, x, false); err != nil {
		return err
	}
	return writeLevels(ctx, tx, id, levels)
}

// rank orders what is known of how a run ended: an end the person chose
// says more than an interruption, which says more than nothing.
func rank(st Status) int {
	switch st {
	case record.Running:
		return 0
	case Interrupted:
		return 1
	}
	return 2
}
