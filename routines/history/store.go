package history

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/unknot/unknot/routines"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// FileName is the name of the history database inside the data folder.
const FileName = "history.db"

// The permissions of the data folder and of every history file: pain
// scores are health data, for the person's eyes only.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// pragmas are applied to every connection: wait up to 5 s for a lock,
// write ahead log, fsync on every commit, foreign keys on, and BEGIN
// IMMEDIATE so that read-then-write never fails with SQLITE_BUSY.
const pragmas = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_txlock=immediate"

// Store is an open history. It is safe for use by several goroutines, and
// several processes may have the same history open at once.
type Store struct {
	db   *sql.DB
	path string

	owner owner // this process, as the owner of the sessions it records

}

// Path is the file the store reads and writes.
func (s *Store) Path() string { return s.path }

// OpenDefault opens the history in the data folder routines.DataDir names:
// $UNKNOT_HOME, else $XDG_DATA_HOME/unknot, else ~/.local/share/unknot.
func OpenDefault() (*Store, error) {
	dir, err := routines.DataDir()
	if err != nil {
		return nil, err
	}
	return Open(dir)
}

// Open opens, creating it if need be, the history in folder dir: the file
// dir/history.db. The folder is created 0700 and the files 0600 whatever
// the umask. A file that is not an unknot history, or one written by a
// newer unknot, is refused and left exactly as it is.
func Open(dir string) (*Store, error) {
	path := filepath.Join(dir, FileName)
	if err := prepareDir(dir); err != nil {
		return nil, err
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	if err := createFile(path, dir); err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: pragmas}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, fault("open the history", path, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(2)
	db.SetConnMaxIdleTime(time.Minute)
	s := &Store{db: db, path: path, owner: self()}
	if err := s.setUp(dir); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// setUp checks the schema version, migrates, tightens the permissions of
// the files SQLite made, and marks the sessions of dead processes
// interrupted.
func (s *Store) setUp(dir string) error {
	if err := s.db.Ping(); err != nil {
		return s.openFault(dir, err)
	}
	if err := migrate(s.db, s.path); err != nil {
		return s.openFault(dir, err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Chmod(s.path+suffix, FileMode); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fault("protect", s.path+suffix, err)
		}
	}
	if err := s.sweep(); err != nil {
		return s.openFault(dir, err)
	}
	return nil
}

// openFault explains a failure to open: SQLite says "unable to open
// database file" both for a read-only folder and for a missing one, so the
// folder is probed to say which.
func (s *Store) openFault(dir string, err error) error {
	if f, perr := os.CreateTemp(dir, ".unknot-probe-*"); perr != nil {
		if errors.Is(perr, fs.ErrPermission) || errors.Is(perr, syscall.EROFS) {
			return &Error{Op: "open", Path: s.path, Kind: ErrReadOnly, Err: perr,
				Hint: "make the folder writable by you, or set UNKNOT_HOME to a writable folder"}
		}
		if errors.Is(perr, syscall.ENOSPC) {
			return &Error{Op: "open", Path: s.path, Kind: ErrDiskFull, Err: perr, Hint: "free some space; what was already saved is safe"}
		}
	} else {
		f.Close()
		os.Remove(f.Name())
	}
	return fault("open", s.path, err)
}

// Close closes the history. Sessions still recording are left as they are
// and will read as interrupted once this process has gone.
func (s *Store) Close() error {
	return fault("close", s.path, s.db.Close())
}

// prepareDir creates the data folder with mode 0700, and takes group and
// other permissions away from an existing one.
func prepareDir(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, DirMode); err != nil {
			return fault("create the history folder", dir, err)
		}
		return fault("protect the history folder", dir, os.Chmod(dir, DirMode))
	}
	if err != nil {
		return fault("open the history folder", dir, err)
	}
	if !st.IsDir() {
		return &Error{Op: "use the history folder", Path: dir, Err: errors.New("it is a file, not a folder"),
			Hint: "move the file aside or set UNKNOT_HOME to a folder"}
	}
	if st.Mode().Perm()&0o077 != 0 {
		// Best effort: a folder shared on purpose stays usable, and the
		// files in it are 0600 anyway.
		_ = os.Chmod(dir, st.Mode().Perm()&DirMode)
	}
	return nil
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// headerUserVersion is where the file header keeps PRAGMA user_version.
const headerUserVersion = 60

// checkFile refuses, before SQLite touches it, a file that is not a SQLite
// database or whose schema is newer than this binary knows. An empty or
// missing file is fine: SQLite writes the first pages into the log.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fault("open", path, err)
	}
	defer f.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0:
		return nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fault("read", path, err)
	case n < len(head) || !bytes.HasPrefix(head, sqliteMagic):
		return notHistory(path, errors.New("not a SQLite database"))
	}
	return checkVersion(path, int(binary.BigEndian.Uint32(head[headerUserVersion:])), SchemaVersion)
}

// checkVersion refuses a schema newer than known, the newest this binary
// knows.
func checkVersion(path string, v, known int) error {
	if v > known {
		return &Error{Op: "open", Path: path, Kind: ErrFutureSchema,
			Err:  fmt.Errorf("its schema is version %d, this unknot knows up to %d", v, known),
			Hint: "update unknot; the file was left untouched"}
	}
	return nil
}

func notHistory(path string, err error) error {
	return &Error{Op: "open", Path: path, Kind: ErrNotHistory, Err: err,
		Hint: "move the file aside (unknot will start a new history) or set UNKNOT_HOME to another folder"}
}

// createFile makes the database file, empty and 0600, before SQLite opens
// it, so that the umask cannot leave it readable by others; an existing
// file has group and other permissions taken away.
func createFile(path, dir string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return &Error{Op: "open", Path: path, Kind: ErrReadOnly, Err: err,
				Hint: "make " + dir + " and the file writable by you, or set UNKNOT_HOME to a writable folder"}
		}
		return fault("create", path, err)
	}
	defer f.Close()
	return fault("protect", path, f.Chmod(FileMode))
}
