package record

import (
	"testing"

	"github.com/unknot/unknot/routines"
)

// A session is done for the day when it came to its end with a rep, or
// held half its planned reps; one left after 1 rep of 15 is not (it made
// the reminders think the day's session was done).
func TestSessionDone(t *testing.T) {
	session := func(status routines.Outcome, done ...int) Session {
		s := Session{Kind: routines.KindSession, Status: status}
		for _, d := range done {
			s.Exercises = append(s.Exercises, routines.Exercise{Routine: "knee-to-chest", RepsDone: d, RepsPlanned: 5})
		}
		return s
	}
	for _, c := range []struct {
		name string
		s    Session
		want bool
	}{
		{"completed", session(routines.Completed, 5, 5, 5), true},
		{"completed with every hold skipped", session(routines.Completed, 0, 0, 0), false},
		{"interrupted after 1 rep of 15", session(routines.Interrupted, 1, 0, 0), false},
		{"stopped with 8 of 15 held", session(routines.Stopped, 5, 3, 0), true},
		{"stopped with 7 of 15 held", session(routines.Stopped, 5, 2, 0), false},
		{"stopped for pain at the first rep", session(routines.Pain, 0, 0, 0), false},
		{"a breathing run", Session{Kind: routines.KindBreathe, Status: routines.Completed, Breaths: 20}, false},
	} {
		if got := c.s.Done(); got != c.want {
			t.Errorf("%s: Done %v, want %v", c.name, got, c.want)
		}
	}
}
