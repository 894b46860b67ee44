package history

import (
	"time"

	"github.com/unknot/unknot/routines"
)

// Kind is what was done: the domain's kinds of run.
type Kind = routines.Kind

// The kinds of session.
const (
	KindSession = routines.KindSession
	KindBreathe = routines.KindBreathe
	KindIce     = routines.KindIce
	KindHeat    = routines.KindHeat
)

// Status is how a session ended: the domain's Outcome, and Running.
type Status = routines.Outcome

// The statuses. Running is only ever seen for a session whose process is
// still alive (another terminal, for instance); once that process is gone
// the session reads as Interrupted.
const (
	Completed          = routines.Completed   // ran to its end
	Stopped            = routines.Stopped     // the person quit
	Pain               = routines.Pain        // "stop, it hurts"
	Interrupted        = routines.Interrupted // the program died or was killed
	Running     Status = "running"            // still being recorded by a live process
)

// Exercise is one routine on one side within a session: how many reps
// were planned and how many were held to their end.
type Exercise = routines.Exercise

// Session is one recorded session, as the queries return it and as
// `history --json` prints it.
type Session struct {
	ID         int64      `json:"id"`
	Kind       Kind       `json:"kind"`
	StartedAt  time.Time  `json:"started_at"`
	EndedAt    *time.Time `json:"ended_at"`
	Status     Status     `json:"status"`
	PainBefore *int       `json:"pain_before"`
	PainAfter  *int       `json:"pain_after"`
	Breaths    int        `json:"breaths"`
	Exercises  []Exercise `json:"exercises"`
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

// Counts reports whether the session counts for its day (streaks, the heat
// map, the session totals): at least one rep or breath was done. A run that
// did neither (every hold skipped, stopped before the first breath, an ice
// or heat timer) does not, whatever its status.
func (s Session) Counts() bool {
	return s.Breaths > 0 || s.Reps() > 0
}

// finalStatus reports whether st may end a session.
func finalStatus(st Status) bool { return st.Final() }

func validStatus(st Status) bool { return finalStatus(st) || st == Interrupted || st == Running }

func validSide(s string) bool { return s == "" || s == "left" || s == "right" }

// timeText is how instants are stored and exported: RFC 3339 with
// nanoseconds when there are any, in the location they were recorded in.
func timeText(t time.Time) string { return t.Format(time.RFC3339Nano) }
