package record

import (
	"time"

	"github.com/unknot/unknot/routines"
)

// Running is the status of a session still being recorded by a live
// process (another terminal); once that process is gone it reads as
// routines.Interrupted.
const Running routines.Outcome = "running"

// Session is one recorded session, as the queries return it and as
// `history --json` prints it.
type Session struct {
	ID         int64               `json:"id"`
	Kind       routines.Kind       `json:"kind"`
	StartedAt  time.Time           `json:"started_at"`
	EndedAt    *time.Time          `json:"ended_at"`
	Status     routines.Outcome    `json:"status"`
	PainBefore *int                `json:"pain_before"`
	PainAfter  *int                `json:"pain_after"`
	Breaths    int                 `json:"breaths"`
	Exercises  []routines.Exercise `json:"exercises"`
	// Pattern is the breathing pattern a breathing run paced, as it is
	// typed ("5-1-3", routines.Pattern's String), at the pace it ended
	// at; "" when not recorded (other kinds, and runs from before it was).
	Pattern string `json:"pattern,omitempty"`
	// SafetyOpenedAt is when the safety page was first opened from this
	// run's stop for pain; nil when it was not (or the run is from before
	// it was recorded).
	SafetyOpenedAt *time.Time `json:"safety_opened_at,omitempty"`
	// StopPos and StopRep are where a stop for pain came: the exercise
	// under way (its index in Exercises) and its rep (1-based). Both or
	// neither: nil for runs not stopped for pain, and for those from
	// before it was recorded (PainPlace then guesses).
	StopPos *int `json:"stop_pos,omitempty"`
	StopRep *int `json:"stop_rep,omitempty"`
	// NeverOn marks an ice or heat run that ended in its get-ready, before
	// the pack went on (recorded since the history's schema 7; runs
	// from before read false, on).
	NeverOn bool `json:"never_on,omitempty"`
}

// StopPlace is where a stop for pain came: Exercises[Pos] was under way,
// at its rep Rep (1-based; 0 when not known). Guessed marks a place not
// recorded but put down by PainPlace's rule, for runs from before unknot
// recorded it.
type StopPlace struct {
	Pos, Rep int
	Guessed  bool
}

// PainPlace is where the session's stop for pain came: the place recorded
// when there is one; for a run from before it was recorded, the first
// exercise not finished (its rep: the one after those done), else the
// last one (rep not known). False when the session did not end for pain
// or holds no exercise.
func (s Session) PainPlace() (StopPlace, bool) {
	if s.Status != routines.Pain || len(s.Exercises) == 0 {
		return StopPlace{}, false
	}
	if s.StopPos != nil && s.StopRep != nil && *s.StopPos >= 0 && *s.StopPos < len(s.Exercises) {
		return StopPlace{Pos: *s.StopPos, Rep: *s.StopRep}, true
	}
	for i, e := range s.Exercises {
		if e.RepsDone < e.RepsPlanned {
			return StopPlace{Pos: i, Rep: e.RepsDone + 1, Guessed: true}, true
		}
	}
	return StopPlace{Pos: len(s.Exercises) - 1, Guessed: true}, true
}

// Day is the date the session counts for.
func (s Session) Day() Day { return DayOf(s.StartedAt) }

// Reps is the number of reps held to their end, all routines together.
func (s Session) Reps() int {
	n := 0
	for _, e := range s.Exercises {
		n += e.RepsDone
	}
	return n
}

// Empty reports whether nothing was done in the run, over: a stretch
// session or breathing with no rep and no breath done, no check-in
// answered, and not stopped for pain (breathing opened and closed at
// once); or ice or heat whose pack never went on (NeverOn: stopped in its
// get-ready). The review leaves such runs out of its list by default and
// says how many.
func (s Session) Empty() bool {
	if s.Status != routines.Completed && s.Status != routines.Stopped && s.Status != routines.Interrupted {
		return false
	}
	switch s.Kind {
	case routines.KindIce, routines.KindHeat:
		return s.NeverOn
	case routines.KindSession, routines.KindBreathe:
		return !s.Counts() && s.PainBefore == nil && s.PainAfter == nil
	}
	return false
}

// Done reports whether a stretch session did what a planned session asks,
// for the reminders' "today's sessions are done": it came to its end
// with a rep or more done, or at least half of its planned reps were
// held. One stopped or left after a rep or two is not done, nor one
// stopped for pain early (the reminder may ask again, gently, later).
func (s Session) Done() bool {
	if s.Kind != routines.KindSession {
		return false
	}
	planned := 0
	for _, e := range s.Exercises {
		planned += e.RepsPlanned
	}
	reps := s.Reps()
	return (s.Status == routines.Completed && reps > 0) || (planned > 0 && 2*reps >= planned)
}

// Counts reports whether the session counts for its day (streaks, the heat
// map, the session totals): at least one rep or breath was done. A run that
// did neither (every hold skipped, stopped before the first breath, an ice
// or heat timer) does not, whatever its status.
func (s Session) Counts() bool {
	return s.Breaths > 0 || s.Reps() > 0
}

// InTotals reports whether a stretch session or breathing run is one of
// the sessions the totals count (the review's, `history`'s and the
// report's): it counts (Counts), or it was stopped for pain, which is
// something the person did even before the first rep or breath. A run
// with nothing done and no stop for pain is not (see Empty). Streaks and
// the heat map go by Counts.
func (s Session) InTotals() bool {
	return s.Counts() || s.Status == routines.Pain
}

// Application is an ice or heat run as the care plan reads it, so that
// whether it counts is decided by routines.Application.Counts, the one
// rule: a run still being recorded (Running), or whose status is not a
// final one, reads as Interrupted, as its record does once its process is
// gone.
func (s Session) Application() routines.Application {
	a := routines.Application{Kind: s.Kind, Started: s.StartedAt, Outcome: s.Status, NeverOn: s.NeverOn}
	if s.EndedAt != nil {
		a.Ended = *s.EndedAt
	}
	if !a.Outcome.Final() {
		a.Outcome = routines.Interrupted
	}
	return a
}
