package history

import (
	"errors"
	"fmt"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The bounds of what a history holds. Recording, import and the schema's
// CHECK constraints all hold values to them, and reading clamps to them, so
// that no sum a query makes can overflow even over a file written by hand.
const (
	// MaxBreaths is the most breaths one run may record: more than eleven
	// days of breathing at the quickest pace (one breath a second).
	MaxBreaths = 1_000_000
	// MaxReps is the most reps one exercise may plan or do (a routine file
	// allows 50 per side).
	MaxReps = 1000
	// MaxExercises is the most exercises (routine and side, in plan order)
	// one session may hold.
	MaxExercises = 1000
	// MaxNameBytes is the longest routine name, in bytes.
	MaxNameBytes = 200
	// MinYear and MaxYear bound the dates of a run, inclusive, on the wall
	// clock where it happened.
	MinYear = 1970
	MaxYear = 2100
	// MaxSessionBytes is the largest one session of an import file may be.
	MaxSessionBytes = 1 << 20
)

// check validates a whole session as recording and import take it: the
// first problem found, in words a person understands, naming the field.
func checkSession(s *record.Session) error {
	switch {
	case !s.Kind.Valid():
		return fmt.Errorf(`"kind" is %q; it must be "session", "breathe", "ice" or "heat"`, s.Kind)
	case !validStatus(s.Status):
		return fmt.Errorf(`"status" is %q; it must be "completed", "stopped", "pain" or "interrupted"`, s.Status)
	}
	if err := checkTime(`"started_at"`, s.StartedAt); err != nil {
		return err
	}
	if s.EndedAt != nil {
		if err := checkTime(`"ended_at"`, *s.EndedAt); err != nil {
			return err
		}
		if s.EndedAt.Before(s.StartedAt) {
			return fmt.Errorf(`"ended_at" (%s) is before "started_at" (%s)`, timeText(*s.EndedAt), timeText(s.StartedAt))
		}
	}
	if err := checkPain(`"pain_before"`, s.PainBefore); err != nil {
		return err
	}
	if err := checkPain(`"pain_after"`, s.PainAfter); err != nil {
		return err
	}
	if s.Breaths < 0 || s.Breaths > MaxBreaths {
		return fmt.Errorf(`"breaths" is %d; it must be from 0 to %d`, s.Breaths, MaxBreaths)
	}
	if s.NeverOn && s.Kind != KindIce && s.Kind != KindHeat {
		return fmt.Errorf(`"never_on" is true for a run of kind %q; only ice or heat ("kind": "ice" or "heat") has a pack to put on`, s.Kind)
	}
	if s.NeverOn && s.Status == Completed {
		return errors.New(`"never_on" is true for an application that ran its time ("status": "completed"); a pack that never went on was stopped or interrupted`)
	}
	if len(s.Exercises) > 0 && s.Kind != KindSession {
		return fmt.Errorf(`"exercises" are listed for a run of kind %q; only stretch sessions ("kind": "session") have them`, s.Kind)
	}
	if len(s.Exercises) > MaxExercises {
		return fmt.Errorf(`"exercises" lists %d; at most %d are allowed`, len(s.Exercises), MaxExercises)
	}
	for i, e := range s.Exercises {
		if err := checkExercise(e); err != nil {
			return fmt.Errorf("exercise %d: %v", i+1, err)
		}
	}
	if err := checkPattern(s); err != nil {
		return err
	}
	if err := checkStopPlace(s); err != nil {
		return err
	}
	return checkSafetyOpened(s)
}

// checkStopPlace validates where a stop for pain came: both "stop_pos"
// and "stop_rep" or neither, only on a run stopped for pain, the position
// one of its exercises' (0-based, as they are listed) and the rep one that
// exercise plans. (The rep may be past those done: reps skipped before
// the stop; or among them: a rep held again after going back.)
func checkStopPlace(s *record.Session) error {
	switch {
	case s.StopPos == nil && s.StopRep == nil:
		return nil
	case s.StopPos == nil:
		return errors.New(`"stop_rep" is given without "stop_pos"; give both, or neither`)
	case s.StopRep == nil:
		return errors.New(`"stop_pos" is given without "stop_rep"; give both, or neither`)
	case s.Status != Pain:
		return fmt.Errorf(`"stop_pos" is given for a run with the status %q; it is recorded only for a stop for pain ("status": "pain")`, s.Status)
	}
	pos, rep := *s.StopPos, *s.StopRep
	if pos < 0 || pos >= len(s.Exercises) {
		if len(s.Exercises) == 0 {
			return fmt.Errorf(`"stop_pos" is %d, but the run lists no exercises`, pos)
		}
		return fmt.Errorf(`"stop_pos" is %d; it must name one of the run's exercises, from 0 to %d`, pos, len(s.Exercises)-1)
	}
	e := s.Exercises[pos]
	if e.RepsPlanned < 1 {
		return fmt.Errorf(`"stop_pos" is %d, but exercise %d (%s) plans no rep to stop in`, pos, pos+1, e.Routine)
	}
	if rep < 1 || rep > e.RepsPlanned {
		return fmt.Errorf(`"stop_rep" is %d; exercise %d (%s) plans %d, so it must be from 1 to %d`, rep, pos+1, e.Routine, e.RepsPlanned, e.RepsPlanned)
	}
	return nil
}

// checkPattern validates a breathing run's pattern: one that
// routines.ParsePattern reads, written as Pattern.String writes it ("5-1-3",
// not "5-1-3.0"), the form the insights group runs by. Only breathing runs
// have one.
func checkPattern(s *record.Session) error {
	if s.Pattern == "" {
		return nil
	}
	if s.Kind != KindBreathe {
		return fmt.Errorf(`"pattern" is given for a run of kind %q; only breathing runs ("kind": "breathe") record one`, s.Kind)
	}
	p, err := routines.ParsePattern(s.Pattern)
	if err != nil {
		return fmt.Errorf(`"pattern": %v`, err)
	}
	if p.String() != s.Pattern {
		return fmt.Errorf(`"pattern" is %q; write it %q`, s.Pattern, p.String())
	}
	return nil
}

// checkSafetyOpened validates when the safety page was opened from a
// run's stop for pain: a run stopped for pain, no sooner than it began.
func checkSafetyOpened(s *record.Session) error {
	at := s.SafetyOpenedAt
	if at == nil {
		return nil
	}
	if err := checkTime(`"safety_opened_at"`, *at); err != nil {
		return err
	}
	if s.Status != Pain {
		return fmt.Errorf(`"safety_opened_at" is given for a run with the status %q; it is recorded only from a stop for pain ("status": "pain")`, s.Status)
	}
	if at.Before(s.StartedAt) {
		return fmt.Errorf(`"safety_opened_at" (%s) is before "started_at" (%s)`, timeText(*at), timeText(s.StartedAt))
	}
	return nil
}

// checkTime holds an instant to the years MinYear to MaxYear.
func checkTime(what string, t time.Time) error {
	if y := t.Year(); y < MinYear || y > MaxYear {
		return fmt.Errorf("%s is in the year %d; dates must be from %d to %d", what, y, MinYear, MaxYear)
	}
	if _, off := t.Zone(); off < -24*3600 || off > 24*3600 {
		return fmt.Errorf("%s has an offset of %d s from UTC; it must be within a day", what, off)
	}
	return nil
}

// checkName validates a routine's name as the history keeps it.
func checkName(r string) error {
	switch {
	case r == "":
		return errors.New(`"routine" is missing or empty`)
	case len(r) > MaxNameBytes:
		return fmt.Errorf(`"routine" is %d bytes long; at most %d are allowed`, len(r), MaxNameBytes)
	case !utf8.ValidString(r):
		return errors.New(`"routine" is not valid UTF-8 text`)
	case strings.ContainsFunc(r, unicode.IsControl):
		return fmt.Errorf(`"routine" %q holds a control character`, r)
	}
	return nil
}

// checkExercise validates one exercise.
func checkExercise(e Exercise) error {
	if err := checkName(e.Routine); err != nil {
		return err
	}
	switch {
	case !validSide(e.Side):
		return fmt.Errorf(`"side" is %q; it must be "left", "right" or ""`, e.Side)
	case e.Direction != "" && !validDirection(e.Direction):
		return fmt.Errorf(`"direction" is %q; it must be one or two lower-case words, like "forward", as a routine file lists them`, e.Direction)
	case e.Direction != "" && e.Side != "":
		return fmt.Errorf(`"direction" is %q and "side" %q; a routine has sides or directions, not both: make one of them ""`, e.Direction, e.Side)
	case e.RepsPlanned < 0 || e.RepsPlanned > MaxReps:
		return fmt.Errorf(`"reps_planned" is %d; it must be from 0 to %d`, e.RepsPlanned, MaxReps)
	case e.RepsDone < 0 || e.RepsDone > e.RepsPlanned:
		return fmt.Errorf(`"reps_done" is %d; it must be from 0 to "reps_planned" (%d)`, e.RepsDone, e.RepsPlanned)
	}
	return nil
}

func checkPain(what string, v *int) error {
	if v != nil && (*v < 0 || *v > 10) {
		return fmt.Errorf("%s is %d; it must be from 0 to 10", what, *v)
	}
	return nil
}

// clamp holds n to lo..hi: how absurd values already in a file are read.
func clamp(n, lo, hi int) int { return min(max(n, lo), hi) }
