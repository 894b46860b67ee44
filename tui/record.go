package tui

import (
	"sync"
	"time"
)

// Recorder is the seam between the breathe screen and the history: the
// part of a history recorder the screen needs. routines/history's
// *Recorder satisfies it; the lead wires it in cmd.
type Recorder interface {
	SetBreaths(n int) error
	Finish(at time.Time, status string) error
}

// PainRecorder is a Recorder that also keeps the check-in after
// (routines/history's recorder does).
type PainRecorder interface {
	SetPainAfter(v int) error
}

// StartRecorder opens the record of one breathe session that began at at,
// with planned breaths (0 when open-ended). It may be slow (it opens the
// database): the screen calls it in a command, after its first frame is
// under way, never before.
type StartRecorder func(at time.Time, planned int) (Recorder, error)

// How a breathe session ended, in the history's words. An interrupted
// session (a signal ended it) is not finished at all: its breaths are
// written and the history shows a session never finished as interrupted.
const (
	StatusCompleted   = "completed"
	StatusStopped     = "stopped"
	StatusInterrupted = "interrupted"
)

// record serialises writes to a Recorder that arrives late. Commands run
// in goroutines of their own and in no set order, so every write goes
// through here: the breath count only ever grows, a Finish is done once,
// and what was asked before the recorder was open is written as soon as it
// is. A nil *record, or one without a StartRecorder, records nothing.
type record struct {
	start StartRecorder

	mu       sync.Mutex
	rec      Recorder
	opened   chan struct{} // closed once start has returned
	breaths  int           // the most breaths asked for
	written  int           // the most breaths written
	finished bool
	at       time.Time
	status   string
	pain     *int  // the check-in after, to be written
	err      error // the first error, kept for the caller
}

func newRecord(start StartRecorder) *record {
	return &record{start: start, opened: make(chan struct{})}
}

// open starts the recorder; run it in a command.
func (r *record) open(at time.Time, planned int) error {
	if r == nil || r.start == nil {
		return nil
	}
	rec, err := r.start(at, planned)
	r.mu.Lock()
	defer r.mu.Unlock()
	defer close(r.opened)
	if err != nil {
		r.keep(err)
		return err
	}
	r.rec = rec
	return r.flush()
}

// setBreaths asks for the breath count to be written.
func (r *record) setBreaths(n int) error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.breaths = max(r.breaths, n)
	return r.flush()
}

// finish asks for the session to be closed with status at instant at, with
// n breaths. Only the first finish counts.
func (r *record) finish(at time.Time, n int, status string) error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.breaths = max(r.breaths, n)
	if !r.finished {
		r.finished, r.at, r.status = true, at, status
		if status == StatusInterrupted {
			r.status = "" // left unfinished: the history calls that interrupted
		}
	}
	return r.flush()
}

// failed reports whether a write (or the opening) failed.
func (r *record) failed() bool {
	if r == nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err != nil
}

// painAfter asks for the check-in after to be written.
func (r *record) painAfter(v int) error {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pain = &v
	return r.flush()
}

// flush writes what is asked and not yet written. r.mu is held.
func (r *record) flush() error {
	if r.rec == nil {
		return nil
	}
	var err error
	if r.breaths > r.written {
		if err = r.rec.SetBreaths(r.breaths); err == nil {
			r.written = r.breaths
		}
	}
	if r.finished && r.status != "" && err == nil {
		err = r.rec.Finish(r.at, r.status)
		r.status = "" // done, or failed: not tried again
	}
	if r.pain != nil && err == nil {
		if pr, ok := r.rec.(PainRecorder); ok {
			err = pr.SetPainAfter(*r.pain)
		}
		r.pain = nil
	}
	r.keep(err)
	return err
}

func (r *record) keep(err error) {
	if err != nil && r.err == nil {
		r.err = err
	}
}

// wait blocks until the recorder was opened (or failed), for at most d, and
// returns the first error seen. Call it after the program ended, so that
// the process does not exit before the last write.
func (r *record) wait(d time.Duration) error {
	if r == nil || r.start == nil {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-r.opened:
	case <-t.C:
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}
