package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines/coach"
)

// SessionRecorder is the seam between the session screen and the
// history: the part of routines/history's *Recorder the session needs (the
// lead wires an adapter in cmd). The screen calls it through tea.Cmds, one
// call at a time and in order: never inside Update or View.
type SessionRecorder interface {
	// SetReps records that done reps of routine on side ("left", "right",
	// or "" for none) have been held to their end.
	SetReps(routine, side string, done int) error
	// Finish records the end: status "completed", "stopped" (quit) or
	// "pain" (stopped because it hurt).
	Finish(at time.Time, status string) error
	// SetPainAfter records the check-in after the session, 0 to 10.
	SetPainAfter(v int) error
}

// StartSession opens the record of a session that began at instant at, with
// the reps planned per routine and side (Done is 0) and the check-in before
// (nil: skipped or not asked). It may be slow; the screen calls it in a
// command. A nil StartSession records nothing.
type StartSession func(at time.Time, planned []coach.Tally, painBefore *int) (SessionRecorder, error)

// TodayCounts is what the history knows about today, for the home screen
// and the daily-limit check.
type TodayCounts struct {
	Sessions map[string]int // routine name -> sessions today that included it
	Streak   int            // days in a row with a session, today included
}

// TodayProvider reads TodayCounts from the history. It is called from a
// tea.Cmd, never from Update or View. A nil TodayProvider means there is no
// history: no counts, no streak, no limit prompt.
type TodayProvider interface {
	Today(now time.Time) (TodayCounts, error)
}

// todayMsg carries what a TodayProvider said.
type todayMsg struct {
	counts TodayCounts
	err    error
}

// loadToday asks p for today's counts; nil when there is no provider.
func loadToday(p TodayProvider, now time.Time) tea.Cmd {
	if p == nil {
		return nil
	}
	return func() tea.Msg {
		c, err := p.Today(now)
		return todayMsg{counts: c, err: err}
	}
}

// recordedMsg says a history write finished.
type recordedMsg struct{ err error }

// recordQueue runs history writes one at a time, in the order they were
// asked for, each in its own tea.Cmd.
type recordQueue struct {
	waiting  []func() error
	inFlight bool
	err      error // the first write that failed
}

// push queues a write and returns the Cmd to start it, if none is running.
func (q *recordQueue) push(w func() error) tea.Cmd {
	q.waiting = append(q.waiting, w)
	return q.next()
}

// done notes that the write in flight finished and starts the next one.
func (q *recordQueue) done(err error) tea.Cmd {
	q.inFlight = false
	if err != nil && q.err == nil {
		q.err = err
	}
	return q.next()
}

func (q *recordQueue) next() tea.Cmd {
	if q.inFlight || len(q.waiting) == 0 {
		return nil
	}
	w := q.waiting[0]
	q.waiting = q.waiting[1:]
	q.inFlight = true
	return func() tea.Msg { return recordedMsg{err: w()} }
}

// idle reports whether every write has finished.
func (q *recordQueue) idle() bool { return !q.inFlight && len(q.waiting) == 0 }
