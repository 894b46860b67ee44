package history

import (
	"context"
	"database/sql"
	"errors"
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
// unknot holds the lock) is left for a later Open; one that holds what
// the history refuses (a run in the future, a pain of 99, a file cut
// short) is left too, never deleted, and said by PendingKept.
func (s *Store) mergePending(dir string) {
	if s.ro != nil {
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, pendingPrefix+"*"+pendingSuffix))
	for _, path := range files {
		err := s.mergeFile(path)
		var ie *ImportError
		switch {
		case err == nil:
			os.Remove(path)
		case errors.As(err, &ie):
			s.kept = append(s.kept, ie.where()+": "+ie.Err.Error()+
				"; this run is not in your history, and the file is kept as it is: correct that line and unknot adds it, or move the file away")
		}
	}
}

// PendingKept says, one line each, the pending files (runs a Journal
// could not write, history-pending-*.jsonl beside the history) that Open
// found holding what the history refuses: the file, the line and what is
// wrong, and that the file is kept. Nil when there are none. Say them
// once, where the history is read or a run's record is closed.
func (s *Store) PendingKept() []string { return s.kept }

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
