package routines

import "time"

// Journal is where runs are recorded as they happen. routines/history
// provides one backed by the history file; the screens and the plain front
// end only ever see this interface. No call blocks or fails: a journal
// queues what it is given, writes it in order, retries what can't go
// through yet, and keeps what it can't write at all, so a slow or broken
// disk never stalls pacing and nothing a person did is dropped.
type Journal interface {
	// Begin starts the record of one run at instant at (keep its
	// location: the run belongs to the local date of at). planned lists the
	// routines and sides to come with their planned reps, in plan order;
	// painBefore is the check-in before, or nil.
	Begin(kind Kind, at time.Time, planned []Exercise, painBefore *int) RunLog
	// Trouble is a lasting problem with the record so far (the history
	// can't be written, or is waiting on another unknot), for a screen to
	// say once; nil while all is well.
	Trouble() error
}

// RunLog is the record of one run under way.
type RunLog interface {
	SetReps(i, done int) // reps done of planned[i]
	SetBreaths(n int)    // whole breaths done
	SetPainBefore(v int) // the check-in before, 0-10
	SetPainAfter(v int)  // the check-in after, 0-10
	// StoppedAt records where a stop for pain came: planned[i] was under
	// way, at its rep rep (1-based). Call it before Finish with Pain; a
	// run that finishes otherwise keeps no place, and a place outside the
	// plan is not kept.
	StoppedAt(i, rep int)
	Finish(at time.Time, o Outcome)
	// SetPattern records the breathing pattern a breathing run paces, as
	// it is paced: after the settings, the flags and the pace (a change of
	// pace under way is set again). The last one set is the run's.
	SetPattern(p Pattern)
	// SafetyOpened records that the safety page was opened at instant at
	// from the run's stop for pain (after Finish with Pain). Only the
	// first opening is kept.
	SafetyOpened(at time.Time)
	// PackOn records that the pack of an ice or heat run went on at
	// instant at: its get-ready is over, and the application begins
	// there (its start moves to at, so its length, whether it counts and
	// the wait for the next are the time the pack was on, as the screen
	// says). Such a run begins with the pack not on yet, and one ended
	// (or cut off) before PackOn had nothing done (Application.NeverOn).
	// Other kinds ignore it.
	PackOn(at time.Time)
}
