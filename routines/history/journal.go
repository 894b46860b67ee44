package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// Journal is the process's one recording queue. Its calls never block and
// never fail: each changes the record kept in memory and wakes one
// goroutine, which writes the latest record of every run to the history,
// in the order the runs began. A write that cannot go through now (another
// unknot holds the history locked, the disk is full) is kept and retried
// in the background, with growing pauses up to RetryMax. What is still
// unwritten when Close's wait ends goes to a pending file beside the
// history (0600), which the next Open that can write merges; when even
// that file cannot be written, Close hands the record back as JSON lines
// that `history import` accepts. Nothing a person did is dropped.
type Journal struct {
	dir  string
	open func() (*Store, error)

	mu       sync.Mutex
	entries  []*Entry // not yet settled, in Begin order
	trouble  error    // the last lasting problem, nil when the last write went through
	troubled chan struct{}
	closed   bool
	closing  *Closing
	begun    int
	store    *Store // set by the worker once opened

	wake    chan struct{} // a change to write
	settled chan struct{} // the worker found nothing left to write
	written chan struct{} // closed (and replaced) at each write or trouble: Wait's wake-up
	ctx     context.Context
	cancel  context.CancelFunc
	done    chan struct{} // the worker has ended
	started bool
}

// RetryMin and RetryMax bound the pause between two tries of a write that
// could not go through.
const (
	RetryMin = 100 * time.Millisecond
	RetryMax = 5 * time.Second
)

// NewJournal makes the recording queue of the history in folder dir (the
// folder the pending file goes to); open opens that history, and is called
// lazily, in the queue's goroutine, at the first write and again after a
// failure. Use DefaultJournal for the usual folder.
func NewJournal(dir string, open func() (*Store, error)) *Journal {
	ctx, cancel := context.WithCancel(context.Background())
	return &Journal{dir: dir, open: open, troubled: make(chan struct{}),
		wake: make(chan struct{}, 1), settled: make(chan struct{}, 1), written: make(chan struct{}),
		ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// DefaultJournal is the recording queue of the history in the data folder
// (routines.DataDir). When no data folder can be found, every run ends
// "not saved" with its record handed back by Close.
func DefaultJournal() *Journal {
	dir, err := routines.DataDir()
	if err != nil {
		return NewJournal("", func() (*Store, error) { return nil, err })
	}
	return NewJournal(dir, func() (*Store, error) { return Open(dir) })
}

// Entry is one run being recorded through a Journal. Its methods never
// block and never fail; values out of bounds are held to them (pain 0 to
// 10, reps 0 to those planned, breaths 0 to MaxBreaths).
type Entry struct {
	j *Journal
	// guarded by j.mu
	s        record.Session
	ver      int            // changes made
	saved    int            // changes written
	id       int64          // the row in the history, 0 before the first write
	rejected error          // the history refuses this record: it is never retried
	listed   bool           // in j.entries: a finished, written entry leaves it until it changes again
	levels   map[string]int // routine -> the level it is done at (SetLevel)
	stop     *[2]int        // where a stop for pain came (StoppedAt), until Finish takes it
}

// Begin records the start of a run at instant at (keep its location: the
// run belongs to the date on that wall clock). planned lists the routines
// and sides to come, in plan order, with RepsPlanned set; the same routine
// and side may come more than once, told apart by index. painBefore is the
// check-in, or nil when skipped. An ice or heat run begins with its pack
// not on yet (record.Session.NeverOn) until PackOn. After Close, the run
// is not recorded.
func (j *Journal) Begin(kind routines.Kind, at time.Time, planned []routines.Exercise, painBefore *int) *Entry {
	e := &Entry{j: j, s: record.Session{Kind: kind, StartedAt: at, Status: record.Running, PainBefore: clampPain(painBefore),
		NeverOn: kind == KindIce || kind == KindHeat}}
	e.s.Exercises = make([]Exercise, len(planned))
	for i, x := range planned {
		x.RepsPlanned = clamp(x.RepsPlanned, 0, MaxReps)
		x.RepsDone = clamp(x.RepsDone, 0, x.RepsPlanned)
		e.s.Exercises[i] = x
	}
	j.mu.Lock()
	if !j.closed {
		e.ver = 1
		j.begun++
		j.entries = append(j.entries, e)
		e.listed = true
		j.start()
	}
	j.mu.Unlock()
	j.poke()
	return e
}

// change applies f to the entry's record and wakes the writer.
func (e *Entry) change(f func(*record.Session)) {
	j := e.j
	j.mu.Lock()
	if e.ver == 0 || j.closing != nil {
		j.mu.Unlock()
		return // begun or changed after Close
	}
	f(&e.s)
	e.ver++
	if !e.listed { // finished and written, then changed (the check-in after)
		j.entries = append(j.entries, e)
		e.listed = true
	}
	j.mu.Unlock()
	j.poke()
}

// SetReps records that done reps of planned exercise i (0-based, as passed
// to Begin) were done. An i outside the plan changes nothing.
func (e *Entry) SetReps(i, done int) {
	e.change(func(s *record.Session) {
		if i >= 0 && i < len(s.Exercises) {
			s.Exercises[i].RepsDone = clamp(done, 0, s.Exercises[i].RepsPlanned)
		}
	})
}

// SetLevel records that routine is done at level (steps from its file,
// routines.Progress) in this run: the plan used, kept with the session.
func (e *Entry) SetLevel(routine string, level int) {
	level = clamp(level, -MaxLevel, MaxLevel)
	e.change(func(*record.Session) {
		if e.levels == nil {
			e.levels = map[string]int{}
		}
		e.levels[routine] = level
	})
}

// SetBreaths records that n whole breaths were completed.
func (e *Entry) SetBreaths(n int) {
	e.change(func(s *record.Session) { s.Breaths = clamp(n, 0, MaxBreaths) })
}

// SetPainBefore records the check-in before the run, 0 to 10.
func (e *Entry) SetPainBefore(v int) {
	e.change(func(s *record.Session) { s.PainBefore = clampPain(&v) })
}

// SetPainAfter records the check-in after the run, 0 to 10. It may come
// before or after Finish.
func (e *Entry) SetPainAfter(v int) {
	e.change(func(s *record.Session) { s.PainAfter = clampPain(&v) })
}

// StoppedAt records where a stop for pain came: planned exercise i
// (0-based, as passed to Begin) was under way, at rep rep (1-based, held
// to 1 and the reps planned). It is kept by a Finish with Pain, and by
// nothing else; an i outside the plan, or one that plans no rep, keeps
// nothing. Called after that Finish, it still records the place if none
// was.
func (e *Entry) StoppedAt(i, rep int) {
	e.change(func(s *record.Session) {
		if i < 0 || i >= len(s.Exercises) || s.Exercises[i].RepsPlanned < 1 {
			return
		}
		place := [2]int{i, clamp(rep, 1, s.Exercises[i].RepsPlanned)}
		switch {
		case s.Status == record.Running:
			e.stop = &place
		case s.Status == Pain && s.StopPos == nil:
			s.StopPos, s.StopRep = &place[0], &place[1]
		}
	})
}

// Finish records the end of the run at instant at, with outcome o
// (Completed, Stopped, Pain or Interrupted), and with Pain the place given
// to StoppedAt. Only the first Finish counts; an end before the start is
// taken as the start. An ice or heat run that is Completed ran its time:
// its pack was on, PackOn or not.
func (e *Entry) Finish(at time.Time, o routines.Outcome) {
	if !o.Final() {
		o = Interrupted
	}
	e.change(func(s *record.Session) {
		if s.Status != record.Running {
			return
		}
		if at.Before(s.StartedAt) {
			at = s.StartedAt
		}
		s.EndedAt, s.Status = &at, o
		if o == Completed {
			s.NeverOn = false // it ran its time: the pack was on
		}
		if o == Pain && e.stop != nil {
			s.StopPos, s.StopRep = &e.stop[0], &e.stop[1]
		}
		e.stop = nil
	})
}

// SetPattern records the breathing pattern the run paces, as it is paced
// (after a change of pace, set it again): the last one set is the run's.
// Only breathing runs keep one; a pattern that routines.ParsePattern would
// refuse (a pace taken past the bounds of a pattern) leaves the run's
// pattern "not recorded" rather than wrong.
func (e *Entry) SetPattern(p routines.Pattern) {
	text := p.String()
	if q, err := routines.ParsePattern(text); err != nil || q.String() != text {
		text = ""
	}
	e.change(func(s *record.Session) {
		if s.Kind == KindBreathe {
			s.Pattern = text
		}
	})
}

// PackOn records that the pack of an ice or heat run went on at instant
// at: its get-ready is over, and the application's start moves to at (an
// instant before the start, or one checkTime refuses, keeps the start).
// Only before Finish; other kinds ignore it.
func (e *Entry) PackOn(at time.Time) {
	e.change(func(s *record.Session) {
		if s.Status != record.Running || (s.Kind != KindIce && s.Kind != KindHeat) {
			return
		}
		s.NeverOn = false
		if at.After(s.StartedAt) && checkTime("", at) == nil {
			s.StartedAt = at
		}
	})
}

// SafetyOpened records that the safety page was opened at instant at from
// the run's stop for pain: only once the run has ended with Pain, and only
// the first opening (an instant before the start is taken as the start).
func (e *Entry) SafetyOpened(at time.Time) {
	e.change(func(s *record.Session) {
		if s.Status != Pain || s.SafetyOpenedAt != nil || checkTime("", at) != nil {
			return
		}
		if at.Before(s.StartedAt) {
			at = s.StartedAt
		}
		s.SafetyOpenedAt = &at
	})
}

func clampPain(v *int) *int {
	if v == nil {
		return nil
	}
	n := clamp(*v, 0, 10)
	return &n
}

// Trouble is the lasting problem the history has had so far (a lock held
// by another unknot past the busy timeout, a read-only folder, a full
// disk), or nil when the last write went through. It never blocks. Its
// text says what is wrong and that the run is kept: a screen says it once.
func (j *Journal) Trouble() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.trouble
}

// Troubled is closed when the first lasting problem appears: a screen may
// wait on it rather than ask Trouble at every frame.
func (j *Journal) Troubled() <-chan struct{} { return j.troubled }

// keptError is a problem with the history while the run is kept.
type keptError struct{ err error }

func (e *keptError) Error() string {
	return e.err.Error() + " (this run is kept: unknot keeps trying, and if it must stop first, saves it beside the history)"
}

func (e *keptError) Unwrap() error { return e.err }

func (j *Journal) setTrouble(err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err == nil {
		j.trouble = nil
		return
	}
	if j.trouble == nil {
		select {
		case <-j.troubled:
		default:
			close(j.troubled)
		}
	}
	j.trouble = &keptError{err}
	j.wrote()
}

// wrote wakes the callers of Wait; j.mu is held.
func (j *Journal) wrote() {
	close(j.written)
	j.written = make(chan struct{})
}

// Wait waits, at most d, until every change made so far to the runs is
// written to the history (or refused by it), and reports whether it is.
// It gives up at once while the history is in trouble (a lock held
// elsewhere, a read-only folder): the runs are kept, but the history
// would not show them yet. Whoever reads the history right after a run
// (today's counts on the home screen) waits here first, so that the run
// just finished is counted.
func (j *Journal) Wait(d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		j.mu.Lock()
		done := true
		for _, e := range j.entries {
			if e.saved != e.ver && e.rejected == nil {
				done = false
			}
		}
		trouble, written := j.trouble, j.written
		j.mu.Unlock()
		switch {
		case done:
			return true
		case trouble != nil:
			return false
		}
		select {
		case <-written:
		case <-timer.C:
			return false
		}
	}
}

// start runs the writer once there is something to write. j.mu is held.
func (j *Journal) start() {
	if !j.started {
		j.started = true
		go j.run()
	}
}

func (j *Journal) poke() {
	select {
	case j.wake <- struct{}{}:
	default:
	}
}

// run is the writer: it writes whatever changed, retrying after a pause
// when the history cannot be written now.
func (j *Journal) run() {
	defer close(j.done)
	defer func() {
		if j.store != nil {
			j.store.Close()
		}
	}()
	retry := time.NewTimer(time.Hour)
	retry.Stop()
	pause := time.Duration(0)
	for {
		select {
		case <-j.ctx.Done():
			return
		case <-j.wake:
		case <-retry.C:
		}
		if j.flush() {
			pause = min(max(pause*2, RetryMin), RetryMax)
			retry.Reset(pause)
		} else {
			pause = 0
		}
	}
}

// work is one entry's record as it stood when taken to be written.
type work struct {
	e      *Entry
	s      record.Session
	levels map[string]int
	ver    int
	id     int64
}

// flush writes every changed record; it reports whether some could not be
// written and should be tried again.
func (j *Journal) flush() (again bool) {
	todo := j.pending()
	if len(todo) == 0 {
		j.signalSettled()
		return false
	}
	if j.store == nil {
		st, err := j.open()
		if err != nil {
			j.setTrouble(err)
			return true
		}
		j.mu.Lock()
		j.store = st
		j.mu.Unlock()
	}
	for _, w := range todo {
		id, err := j.store.save(j.ctx, &w.s, w.levels, w.id)
		j.mu.Lock()
		switch {
		case err == nil:
			w.e.id, w.e.saved = id, w.ver
		case errors.Is(err, ErrBadValue):
			w.e.rejected = err
		}
		j.wrote()
		j.mu.Unlock()
		if err != nil && !errors.Is(err, ErrBadValue) {
			if j.ctx.Err() == nil {
				j.setTrouble(err)
			}
			return true
		}
	}
	j.setTrouble(nil)
	j.mu.Lock()
	kept := j.entries[:0]
	for _, e := range j.entries {
		if e.s.Status == record.Running || e.saved != e.ver || e.rejected != nil {
			kept = append(kept, e)
		} else {
			e.listed = false
		}
	}
	j.entries = kept
	j.mu.Unlock()
	if len(j.pending()) == 0 {
		j.signalSettled()
	}
	return false
}

// pending copies the records that changed since they were last written.
func (j *Journal) pending() []work {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []work
	for _, e := range j.entries {
		if e.saved != e.ver && e.rejected == nil {
			s := e.s
			s.Exercises = append([]Exercise(nil), e.s.Exercises...)
			out = append(out, work{e: e, s: s, levels: maps.Clone(e.levels), ver: e.ver, id: e.id})
		}
	}
	return out
}

func (j *Journal) signalSettled() {
	select {
	case j.settled <- struct{}{}:
	default:
	}
}

// allSaved reports whether every record is written. j.mu is held.
func (j *Journal) allSaved() bool {
	for _, e := range j.entries {
		if e.saved != e.ver || e.rejected != nil {
			return false
		}
	}
	return true
}

// save writes record x over row id (0: a new row) in one transaction, and
// returns the row.
func (s *Store) save(ctx context.Context, x *record.Session, levels map[string]int, id int64) (int64, error) {
	if err := checkSession(x); err != nil {
		return id, fmt.Errorf("history: %w: %v", ErrBadValue, err)
	}
	if err := s.writable(); err != nil {
		return id, err
	}
	newID := id
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if id != 0 {
			if err := s.update(ctx, tx, id, x, true); err != nil {
				return err
			}
		} else {
			var err error
			if newID, err = s.insert(ctx, tx, x, nil, true); err != nil {
				return err
			}
		}
		return writeLevels(ctx, tx, newID, levels)
	})
	if err != nil {
		return id, fault("record a run in", s.path, err)
	}
	return newID, nil
}
