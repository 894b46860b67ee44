package history

import (
	"regexp"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
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
	Completed   = routines.Completed   // ran to its end
	Stopped     = routines.Stopped     // the person quit
	Pain        = routines.Pain        // "stop, it hurts"
	Interrupted = routines.Interrupted // the program died or was killed
)

// Exercise is one routine on one side within a session: how many reps
// were planned and how many were held to their end.
type Exercise = routines.Exercise

// finalStatus reports whether st may end a session.
func finalStatus(st Status) bool { return st.Final() }

func validStatus(st Status) bool { return finalStatus(st) || st == Interrupted || st == record.Running }

func validSide(s string) bool { return s == "" || s == "left" || s == "right" }

// directionRE is a direction as a routine file may list it (routines'
// checkDirections): one or two lower-case words, at most
// maxDirectionBytes.
var directionRE = regexp.MustCompile(`^[a-z]+( [a-z]+)?$`)

const maxDirectionBytes = 20

func validDirection(d string) bool { return len(d) <= maxDirectionBytes && directionRE.MatchString(d) }

// timeText is how instants are stored and exported: RFC 3339 with
// nanoseconds when there are any, in the location they were recorded in.
func timeText(t time.Time) string { return t.Format(time.RFC3339Nano) }

// optText is s for a nullable column: NULL when "".
func optText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optTime is t for a nullable column of instants (timeText): NULL when nil.
func optTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return timeText(*t)
}
