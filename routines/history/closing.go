package history

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Closing is how a Journal's record ended up.
type Closing struct {
	Saved   bool     // every run is in the history
	History string   // the history file, when known
	Pending string   // the pending file the runs not yet in the history went to ("" if none)
	Unsaved []string // when nothing could be written at all: each run as a JSON line `history import` accepts
	Runs    int      // how many runs were recorded through the journal
	Err     error    // why not everything is in the history (nil when Saved)
	// Kept are the pending files of earlier runs the history refused
	// (Store.PendingKept), one line each: print them after Message.
	Kept []string
}

// Message is the one line to print about where the record went ("" when
// nothing was recorded), safe on a terminal: the paths in it (from
// UNKNOT_HOME, XDG_DATA_HOME) are routines.Printable. When Unsaved is
// set, print its lines after it.
func (c Closing) Message() string {
	switch {
	case c.Runs == 0:
		return ""
	case c.Saved:
		return "Saved in your history (" + routines.Printable(c.History) + ")."
	case c.Pending != "":
		return fmt.Sprintf("Not yet in your history (%s): kept in %s; unknot adds it the next time it can write the history.",
			routines.Printable(cause(c.Err)), routines.Printable(c.Pending))
	}
	return fmt.Sprintf("Not saved (%s). To keep this record, save the line%s below in a file and run `unknot history import FILE` once the history can be written:",
		routines.Printable(cause(c.Err)), map[bool]string{true: "", false: "s"}[len(c.Unsaved) == 1])
}

// cause says in a few words why the history could not be written.
func cause(err error) string {
	for _, k := range []error{ErrReadOnly, ErrDiskFull, ErrLocked, ErrNotHistory, ErrFutureSchema, ErrDamaged, ErrIO, ErrBadValue} {
		if errors.Is(err, k) {
			switch k {
			case ErrLocked:
				return "the history is locked by another unknot"
			case ErrBadValue:
				return "the history refused a value"
			}
			return k.Error()
		}
	}
	if err == nil {
		return "the history was still being written when unknot had to stop"
	}
	return err.Error()
}

// Close ends the journal: a run not finished is finished as Interrupted
// now, and the writer gets until wait has passed to write everything. What
// it could not write goes to a pending file beside the history; if that
// fails too, Closing.Unsaved holds it. Close may be called more than once;
// later calls report the first.
func (j *Journal) Close(wait time.Duration) Closing {
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	j.mu.Lock()
	if j.closing != nil {
		c := *j.closing
		j.mu.Unlock()
		return c
	}
	j.closed = true
	now := time.Now()
	for _, e := range j.entries {
		if e.s.Status == record.Running {
			end := now
			if end.Before(e.s.StartedAt) {
				end = e.s.StartedAt
			}
			e.s.EndedAt, e.s.Status = &end, Interrupted
			e.ver++
		}
	}
	runs := j.begun
	j.mu.Unlock()
	j.poke()
	timedOut := false
	for !timedOut {
		j.mu.Lock()
		done := j.allSaved()
		// Waiting helps only while another unknot holds the file; a
		// history that can't be written at all (damaged, not a history,
		// newer, read-only, full) won't be by waiting: keep the run now.
		hopeless := j.trouble != nil && !errors.Is(j.trouble, ErrLocked)
		var firstTrouble <-chan struct{} // wakes this wait at the first problem
		if j.trouble == nil {
			firstTrouble = j.troubled
		}
		j.mu.Unlock()
		if done || !j.started || hopeless {
			break
		}
		select {
		case <-j.settled:
		case <-firstTrouble:
		case <-deadline.C:
			timedOut = true
		}
	}
	j.cancel()
	if !timedOut && j.started {
		select { // let the writer close the store
		case <-j.done:
		case <-deadline.C:
		}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	c := Closing{Runs: runs}
	if j.store != nil {
		c.History = j.store.Path()
		c.Kept = j.store.PendingKept()
	} else if j.dir != "" {
		c.History = filepath.Join(j.dir, FileName)
	}
	var left []record.Session
	var levels []map[string]int
	var rejected error
	for _, e := range j.entries {
		if e.saved != e.ver || e.rejected != nil {
			left = append(left, e.s)
			levels = append(levels, e.levels)
			if e.rejected != nil {
				rejected = e.rejected
			}
		}
	}
	if len(left) == 0 {
		c.Saved = true
		j.closing = &c
		return c
	}
	c.Err = rejected
	if c.Err == nil && j.trouble != nil {
		c.Err = j.trouble.(*keptError).err
	}
	if c.Err == nil {
		c.Err = errors.New("the history was still being written when unknot had to stop")
	}
	lines := make([]string, len(left))
	for i := range left {
		lines[i] = string(appendSessionLevels(nil, &left[i], sortedLevels(levels[i])))
	}
	if rejected == nil {
		if path, err := writePending(j.dir, lines); err == nil {
			c.Pending = path
			j.closing = &c
			return c
		}
	}
	c.Unsaved = lines
	j.closing = &c
	return c
}

// The pending files: history-pending-<time>-<random>.jsonl in the
// history's folder, each a JSON line per run.
const (
	pendingPrefix = "history-pending-"
	pendingSuffix = ".jsonl"
)

// writePending writes lines to a new pending file in dir, 0600, whole or
// not at all (written under a temporary name, synced, then renamed).
func writePending(dir string, lines []string) (string, error) {
	if dir == "" {
		return "", errors.New("no history folder")
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	name := pendingPrefix + time.Now().UTC().Format("20060102T150405") + "-" + hex.EncodeToString(rnd[:]) + pendingSuffix
	path := filepath.Join(dir, name)
	tmp := filepath.Join(dir, "."+name+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		return "", err
	}
	_, err = f.WriteString(strings.Join(lines, "\n") + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return path, nil
}
