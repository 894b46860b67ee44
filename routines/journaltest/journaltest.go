// Package journaltest is an in-memory routines.Journal for tests: it keeps
// every run and every call, in order, so a test can check what a screen or
// the plain front end recorded without a database.
package journaltest

import (
	"fmt"
	"sync"
	"time"

	"github.com/unknot/unknot/routines"
)

// Journal keeps runs in memory. The zero value is ready to use; it is
// safe for use by several goroutines.
type Journal struct {
	mu    sync.Mutex
	runs  []*Run
	calls []string

	// Fail, when set, is what Trouble reports: the journal then behaves
	// as a history that can't be written.
	Fail error
}

// Run is one recorded run.
type Run struct {
	j          *Journal
	Kind       routines.Kind
	Started    time.Time
	Ended      time.Time
	Outcome    routines.Outcome // "" until finished
	Exercises  []routines.Exercise
	Breaths    int
	PainBefore *int
	PainAfter  *int
	Finishes   int
	Pattern    string // the last pattern set, as typed ("5-1-3"); "" none
	// SafetyOpenedAt is the first opening of the safety page from the
	// run's stop for pain (zero: none); SafetyOpenings counts them all.
	SafetyOpenedAt time.Time
	SafetyOpenings int
	// StopPos and StopRep are the last place given to StoppedAt: the
	// index into Exercises and the rep (1-based); StopPos is -1 when none
	// was given.
	StopPos, StopRep int
	// On is whether PackOn was called: an ice or heat run's pack went on
	// (false: it never did); OnAt is the instant it was given.
	On   bool
	OnAt time.Time
}

// Begin starts a run.
func (j *Journal) Begin(kind routines.Kind, at time.Time, planned []routines.Exercise, painBefore *int) routines.RunLog {
	j.mu.Lock()
	defer j.mu.Unlock()
	r := &Run{j: j, Kind: kind, Started: at, Exercises: append([]routines.Exercise(nil), planned...), StopPos: -1}
	if painBefore != nil {
		v := *painBefore
		r.PainBefore = &v
	}
	j.runs = append(j.runs, r)
	j.calls = append(j.calls, fmt.Sprintf("begin %s", kind))
	return r
}

// Trouble reports Fail.
func (j *Journal) Trouble() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.Fail
}

// Runs is a copy of every run so far.
func (j *Journal) Runs() []Run {
	j.mu.Lock()
	defer j.mu.Unlock()
	out := make([]Run, len(j.runs))
	for i, r := range j.runs {
		out[i] = *r
		out[i].Exercises = append([]routines.Exercise(nil), r.Exercises...)
	}
	return out
}

// Calls is every call so far, in order: "begin session", "reps 0 3",
// "breaths 4", "pattern 5-1-3", "pain before 6", "pain after 2",
// "stopped at 2 1", "finish completed", "safety opened", "pack on".
func (j *Journal) Calls() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]string(nil), j.calls...)
}

func (r *Run) note(format string, args ...any) {
	r.j.calls = append(r.j.calls, fmt.Sprintf(format, args...))
}

// SetReps records reps done of planned[i].
func (r *Run) SetReps(i, done int) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("reps %d %d", i, done)
	if i >= 0 && i < len(r.Exercises) {
		r.Exercises[i].RepsDone = done
	}
}

// SetBreaths records whole breaths done.
func (r *Run) SetBreaths(n int) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("breaths %d", n)
	r.Breaths = n
}

// SetPainBefore records the check-in before.
func (r *Run) SetPainBefore(v int) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("pain before %d", v)
	r.PainBefore = &v
}

// SetPainAfter records the check-in after.
func (r *Run) SetPainAfter(v int) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("pain after %d", v)
	r.PainAfter = &v
}

// StoppedAt records where a stop for pain came.
func (r *Run) StoppedAt(i, rep int) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("stopped at %d %d", i, rep)
	r.StopPos, r.StopRep = i, rep
}

// Finish records the end.
func (r *Run) Finish(at time.Time, o routines.Outcome) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("finish %s", o)
	r.Finishes++
	r.Ended, r.Outcome = at, o
}

// SetPattern records the breathing pattern paced.
func (r *Run) SetPattern(p routines.Pattern) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("pattern %s", p)
	r.Pattern = p.String()
}

// PackOn records that an ice or heat run's pack went on at instant at,
// where the application then begins (OnAt).
func (r *Run) PackOn(at time.Time) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("pack on")
	r.On, r.OnAt = true, at
}

// SafetyOpened records an opening of the safety page from the pain stop;
// the first one is kept.
func (r *Run) SafetyOpened(at time.Time) {
	r.j.mu.Lock()
	defer r.j.mu.Unlock()
	r.note("safety opened")
	r.SafetyOpenings++
	if r.SafetyOpenedAt.IsZero() {
		r.SafetyOpenedAt = at
	}
}
