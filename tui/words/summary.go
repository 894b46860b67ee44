package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// Run is how one run went, as the closing summary tells it.
type Run struct {
	Kind    routines.Kind
	Outcome routines.Outcome
	Took    time.Duration
	Breaths int           // breathe runs: whole breaths done
	On      time.Duration // ice and heat: how long it was on (the get-ready left out)
	NeverOn bool          // ice and heat: ended during the get-ready, before the pack went on

	// Sessions: each routine and side in plan order, and how many reps
	// were passed over with → or N (not done, not left undone by a stop).
	Exercises []routines.Exercise
	Ways      []string // beside Exercises: a rep-only routine's direction, or ""
	Skipped   int
	Titles    map[string]string // routine name -> title

	// Finished is whether the plan ran to its end (a session tapped
	// through with → did, and is over, not ended early).
	Finished bool

	// Started is when the run began: with Kind, which run it is.
	Started time.Time
	// PainAfter is the check-in after, once answered on the closing
	// screen (and recorded); nil when not (yet) answered.
	PainAfter *int
}

// Reps is the reps done and planned, all routines together.
func (r Run) Reps() (done, planned int) {
	for _, e := range r.Exercises {
		done += e.RepsDone
		planned += e.RepsPlanned
	}
	return done, planned
}

// Headline is the run's one-line outcome, true to what was done: a session
// whose every hold was skipped is never "complete".
func (r Run) Headline() string {
	if r.Kind == routines.KindIce || r.Kind == routines.KindHeat {
		return careHeadline(r)
	}
	if r.Kind == routines.KindBreathe {
		what := fmt.Sprintf("%s in %s", Breaths(r.Breaths), Clock(r.Took.Truncate(time.Second)))
		switch r.Outcome {
		case routines.Interrupted:
			return "Breathing interrupted: " + what + "."
		case routines.Stopped:
			return "Breathing stopped: " + what + "."
		}
		return "Breathing: " + what + "."
	}
	done, planned := r.Reps()
	reps := fmt.Sprintf("%d of %d reps", done, planned)
	if r.Skipped > 0 {
		reps += fmt.Sprintf(", %d skipped", r.Skipped)
	}
	switch r.Outcome {
	case routines.Pain:
		return "Stopped because it hurt: " + reps + "."
	case routines.Stopped:
		if r.Finished {
			return "Session over: " + reps + "."
		}
		return "Session ended early: " + reps + "."
	case routines.Interrupted:
		return "Session interrupted: " + reps + "."
	}
	if done == planned && planned > 0 {
		return "Session complete: " + reps + "."
	}
	return "Session over: " + reps + "."
}

// Lines are the closing summary: the headline, each routine and side of a
// session, and the time taken; then the check-in after, when one was
// answered (Noted).
func (r Run) Lines() []string {
	lines := []string{r.Headline()}
	if r.Kind != routines.KindSession {
		return append(lines, r.noted()...)
	}
	for i, e := range r.Exercises {
		side := e.Side
		if i < len(r.Ways) && r.Ways[i] != "" {
			side = strings.TrimSpace(side + " " + r.Ways[i])
		}
		title := r.Titles[e.Routine]
		if title == "" {
			title = e.Routine
		}
		if side != "" {
			title += ", " + side
		}
		lines = append(lines, fmt.Sprintf("  %s: %d of %d done", title, e.RepsDone, e.RepsPlanned))
	}
	lines = append(lines, "Time: "+Clock(r.Took))
	return append(lines, r.noted()...)
}

// noted is the line saying the check-in after that was recorded, as the
// closing screen says it ("Noted: 4 out of 10."), with what it is about,
// the screen's question gone: "Noted: your back after, 4 out of 10.".
// None when there is none.
func (r Run) noted() []string {
	if r.PainAfter == nil {
		return nil
	}
	out := []string{fmt.Sprintf("Noted: your back after, %d out of 10.", *r.PainAfter)}
	if l := StrongPain(*r.PainAfter); l != "" {
		out = append(out, l)
	}
	return out
}

// StrongPainFrom is the check-in score from which the closing words
// point to the safety page: pain this strong after a run needs watching.
const StrongPainFrom = 8

// StrongPain is the line said after a check-in of StrongPainFrom or more:
// where to read when to get help; "" below it.
func StrongPain(v int) string {
	if v < StrongPainFrom {
		return ""
	}
	return "That is strong pain. If it does not ease, see a doctor; `unknot safety` lists the signs that need help now."
}

// Noted is what a closing screen says once the check-in after is
// answered: "Noted: 4 out of 10."
func Noted(v int) string { return fmt.Sprintf("Noted: %d out of 10.", v) }

// RunOf is how the run that c paces went, from started to ended, with the
// outcome the coach gives at ended. The time it took leaves out the pauses,
// so the closing screen agrees with the time the pacing screen showed.
func RunOf(c *coach.Coach, kind routines.Kind, started, ended time.Time) Run {
	r := Run{Kind: kind, Outcome: c.Outcome(ended), Took: max(ended.Sub(started)-c.PausedFor(ended), 0), Breaths: c.BreathsDone(),
		Titles: map[string]string{}, Started: started}
	for _, rt := range c.Plan().Routines {
		r.Titles[rt.Name] = rt.Title
	}
	r.Exercises = Exercises(c)
	for _, t := range c.Tallies() {
		r.Ways = append(r.Ways, t.Direction)
	}
	r.Skipped = c.Reps().Skipped
	r.Finished = c.Finished(ended)
	return r
}

// Exercises are the coach's tallies in the history's shape, in plan order.
func Exercises(c *coach.Coach) []routines.Exercise {
	ts := c.Tallies()
	out := make([]routines.Exercise, len(ts))
	for i, t := range ts {
		out[i] = routines.Exercise{Routine: t.Routine, Side: string(t.Side), Direction: t.Direction, RepsDone: t.Done, RepsPlanned: t.Planned}
	}
	return out
}
