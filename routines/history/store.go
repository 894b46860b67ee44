package history

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// busyTimeout is how long, in milliseconds, a statement waits for another
// process's lock before it fails (and a Journal keeps the write to retry).
// A variable so that tests can make it short.
var busyTimeout = "5000"

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
func pragmas() string {
	return "_pragma=busy_timeout(" + busyTimeout + ")&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_txlock=immediate"
}

// Store is an open history. It is safe for use by several goroutines, and
// several processes may have the same history open at once.
type Store struct {
	db   *sql.DB
	path string

	owner owner // this process, as the owner of the sessions it records

	ro error // why the store was opened read-only (nil: it can be written)

	kept []string // the pending files left unmerged for what they hold (PendingKept)

	noDirection bool // a schema of version 5, read without migrating: exercises have no direction column
	noNeverOn   bool // a schema of version 6 or before, read without migrating: sessions have no never_on column
}

// ReadOnly is why the store was opened for reading only (a read-only
// folder or file, a full disk, another unknot holding it), or nil when it
// can be written. Every write to a read-only store fails with this error.
func (s *Store) ReadOnly() error { return s.ro }

func (s *Store) writable() error { return s.ro }

// Path is the file the store reads and writes.
func (s *Store) Path() string { return s.path }

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
	u := url.URL{Scheme: "file", Path: path, RawQuery: pragmas()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, fault("open the history", path, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(2)
	db.SetConnMaxIdleTime(time.Minute)
	s := &Store{db: db, path: path, owner: self()}
	if err := s.setUpWaiting(dir); err != nil {
		db.Close()
		return nil, err
	}
	s.mergePending(dir)
	return s, nil
}

// setUpWaiting is setUp, tried again while another unknot holds a lock,
// up to the busy timeout. SQLite waits that long for most locks by itself,
// but not for all: several unknots opening a new history at once can get
// SQLITE_BUSY at once while one of them turns the file to write-ahead
// logging, a lock that lasts moments (.ci/stress saw it once in 50 runs
// of TestSeveralProcessesAtOnce).
func (s *Store) setUpWaiting(dir string) error {
	ms, _ := strconv.Atoi(busyTimeout)
	deadline := time.Now().Add(time.Duration(ms) * time.Millisecond)
	for {
		err := s.setUp(dir)
		if err == nil || !errors.Is(err, ErrLocked) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// OpenForReview opens the history in folder dir to be read and exported:
// writable when it can be, else read-only (a read-only folder or file, a
// full disk, another unknot holding a lock), with ReadOnly saying why. A
// file that is not an unknot history, is damaged or comes from a newer
// unknot is refused as Open refuses it.
func OpenForReview(dir string) (*Store, error) {
	s, err := Open(dir)
	if err == nil {
		return s, nil
	}
	if !errors.Is(err, ErrReadOnly) && !errors.Is(err, ErrDiskFull) && !errors.Is(err, ErrLocked) && !errors.Is(err, ErrIO) {
		return nil, err
	}
	ro, rerr := OpenReadOnly(dir)
	if rerr != nil {
		return nil, err // the first cause says more
	}
	ro.ro = err
	return ro, nil
}

// OpenReadOnly opens the existing history in folder dir for reading only:
// nothing is created, migrated or swept, and every write fails.
func OpenReadOnly(dir string) (*Store, error) {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); err != nil {
		return nil, fault("open", path, err)
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	var lastErr error
	// mode=ro needs the -shm file of a WAL database, which a read-only
	// folder may not let SQLite make: then the file is read as immutable.
	for _, q := range []string{"mode=ro", "mode=ro&immutable=1"} {
		u := url.URL{Scheme: "file", Path: path, RawQuery: q + "&_pragma=busy_timeout(" + busyTimeout + ")&_pragma=query_only(1)"}
		db, err := sql.Open("sqlite", u.String())
		if err != nil {
			lastErr = err
			continue
		}
		db.SetMaxOpenConns(4)
		s := &Store{db: db, path: path, owner: self(),
			ro: &Error{Op: "write to", Path: path, Kind: ErrReadOnly, Err: errors.New("opened for reading only"),
				Hint: "make the folder and file writable by you, or set UNKNOT_HOME to a writable folder"}}
		v, err := userVersion(context.Background(), db)
		if err == nil {
			err = checkVersion(path, v, SchemaVersion)
			if err == nil && v < SchemaVersion {
				err = checkReadable(db, path, v)
				s.noDirection, s.noNeverOn = v < 6, v < 7
			}
			if err == nil {
				return s, nil
			}
			if e := (*Error)(nil); errors.As(err, &e) {
				db.Close()
				return nil, err
			}
		}
		db.Close()
		lastErr = err
	}
	return nil, fault("open", path, lastErr)
}

// checkReadable refuses to read, without migrating it, a history older
// than this binary that the queries cannot read: an empty file, or one of
// another program.
func checkReadable(db *sql.DB, path string, v int) error {
	if v == 0 {
		return notHistory(path, errors.New("an empty or foreign database"))
	}
	return nil
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
	// Without blocking: a FIFO named history.db must not hang unknot.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fault("open", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return &Error{Op: "open", Path: path, Kind: ErrNotHistory,
			Err:  fmt.Errorf("it is not a regular file (%v)", fi.Mode().Type()),
			Hint: "move it aside (unknot will start a new history) or set UNKNOT_HOME to another folder"}
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0:
		return nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return fault("read", path, err)
	case n < len(head) || !bytes.HasPrefix(head, sqliteMagic):
		return notHistory(path, errors.New("not a SQLite database"))
	case !saneHeader(head):
		return damaged(path, errors.New("it starts like a SQLite database but its header is garbled"))
	}
	app := binary.BigEndian.Uint32(head[headerApplicationID:])
	v := int(binary.BigEndian.Uint32(head[headerUserVersion:]))
	if app != 0 && app != applicationID {
		return notHistory(path, fmt.Errorf("a SQLite database of another program (application id %#x)", app))
	}
	if app == 0 && v > SchemaVersion {
		// Every unknot history is marked: a high version without the mark
		// is someone else's numbering.
		return notHistory(path, fmt.Errorf("a SQLite database of another program (version %d, no unknot mark)", v))
	}
	return checkVersion(path, v, SchemaVersion)
}

// headerApplicationID is where the file header keeps PRAGMA application_id.
const headerApplicationID = 68

// saneHeader checks the fields of a SQLite header that every real database
// has: a page size that is a power of two from 512 to 65536, and the fixed
// payload fractions 64, 32, 32.
func saneHeader(h []byte) bool {
	ps := int(binary.BigEndian.Uint16(h[16:]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps&(ps-1) != 0 {
		return false
	}
	return h[21] == 64 && h[22] == 32 && h[23] == 32
}

func damaged(path string, err error) error {
	return &Error{Op: "open", Path: path, Kind: ErrDamaged, Err: err,
		Hint: "keep a copy of the file, then move it aside (unknot will start a new history); `sqlite3 FILE .recover` may save its records"}
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
