package history

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"modernc.org/sqlite"
)

// The kinds of fault a caller may want to tell apart. Every error this
// package returns for a fault wraps one of them (test with errors.Is), and
// its text already says what happened, where, and what to do.
var (
	ErrReadOnly     = errors.New("the history folder or file is read-only")
	ErrDiskFull     = errors.New("the disk is full")
	ErrNotHistory   = errors.New("not an unknot history")
	ErrFutureSchema = errors.New("history written by a newer unknot")
	ErrLocked       = errors.New("history locked by another unknot for too long")
	ErrDamaged      = errors.New("the history file is damaged")
	ErrIO           = errors.New("the disk reported an error")
	ErrFinished     = errors.New("the session is already finished")
	ErrBadValue     = errors.New("bad value")
)

// Error is a fault with the history file: what was being done, on which
// file, why it failed and what the person can do about it.
type Error struct {
	Op   string // what was being done: "open", "record a rep", ...
	Path string // the file or folder
	Kind error  // one of the Err... values, or nil
	Err  error  // the underlying error
	Hint string // what to do
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("history: cannot %s %s", e.Op, e.Path)
	cause := e.Err
	var pe *fs.PathError
	if errors.As(cause, &pe) {
		cause = pe.Err // the path is said already
	}
	switch {
	case e.Kind != nil && cause != nil:
		msg += fmt.Sprintf(": %v (%v)", e.Kind, cause)
	case e.Kind != nil:
		msg += fmt.Sprintf(": %v", e.Kind)
	case cause != nil:
		msg += fmt.Sprintf(": %v", cause)
	}
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

// Is matches the kind of fault.
func (e *Error) Is(target error) bool { return e.Kind != nil && e.Kind == target }

// Unwrap gives the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// SQLite result codes this package tells apart (the primary code, the low
// eight bits of an extended code).
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// fault wraps err, from doing op on path, into an *Error with a kind and a
// hint. A nil err stays nil; an *Error is returned as it is.
func fault(op, path string, err error) error {
	if err == nil {
		return nil
	}
	var he *Error
	if errors.As(err, &he) {
		return err
	}
	e := &Error{Op: op, Path: path, Err: err}
	var se *sqlite.Error
	code := -1
	if errors.As(err, &se) {
		code = se.Code() & 0xff
	}
	switch {
	case code == sqliteFull || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) ||
		((code == sqliteIOErr || errors.Is(err, syscall.EIO)) && noSpace(path)):
		e.Kind, e.Hint = ErrDiskFull, "free some space; what was already saved is safe"
	case code == sqliteReadOnly || errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
		e.Kind, e.Hint = ErrReadOnly, "make the folder and file writable by you, or set UNKNOT_HOME to a writable folder"
	case code == sqliteNotADB:
		e.Kind, e.Hint = ErrNotHistory, "move the file aside (unknot will start a new history) or set UNKNOT_HOME to another folder"
	case code == sqliteCorrupt:
		e.Kind, e.Hint = ErrDamaged, "keep a copy of the file; `sqlite3 FILE .recover` may save its records"
	case code == sqliteBusy || code == sqliteLocked:
		e.Kind, e.Hint = ErrLocked, "close the other unknot, or try again"
	case code == sqliteIOErr || code == sqliteCantOpen || errors.Is(err, syscall.EFBIG) || errors.Is(err, syscall.EIO):
		e.Kind, e.Hint = ErrIO, "check that the disk is not full or failing; what was already saved is safe"
	}
	return e
}

// ExitCode is the exit status for err, the same in every command: 0 for
// nil, 2 for bad input (an import file that is wrong, unreadable or not a
// regular file, a bad value), 1 for every other failure (the history
// cannot be opened, read or written).
func ExitCode(err error) int {
	var ie *ImportError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ie) || errors.Is(err, ErrBadValue):
		return 2
	}
	return 1
}
