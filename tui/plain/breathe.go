package plain

import (
	"context"
	"fmt"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// BreatheHint tells a person at a terminal how to steer breathing.
// The pace keys are the screen's (↑ slower, ↓ faster): s means sound on
// the screens, so it is not a pace key here.
const BreatheHint = "Enter: pause or go on · ↑ Enter: slower · ↓ Enter: faster · q Enter: quit"

// BreathLine is the line for a breathing phase: "Inhale 5s", with the
// breath's number on the inhale: "Inhale 5s  (breath 2 of 10)", or
// "(breath 2)" when there is no set number (planned 0).
func BreathLine(e coach.Event, planned int) string {
	l := e.Phase.String() + " " + words.Seconds(e.PhaseLength)
	if e.Phase == routines.Inhale {
		if planned > 0 {
			l += fmt.Sprintf("  (breath %d of %d)", e.Breath, planned)
		} else {
			l += fmt.Sprintf("  (breath %d)", e.Breath)
		}
	}
	return l
}

// breatheLines are the words of breathing alone: each phase, pause and
// resume, and a pace change. The end is the closing summary's.
func breatheLines(e coach.Event, c *coach.Coach) []string {
	switch e.Kind {
	case coach.PhaseChanged:
		return []string{BreathLine(e, c.At(e.At).Breaths)}
	case coach.Paused:
		return []string{"Paused."}
	case coach.Resumed:
		return []string{"Going on."}
	case coach.PaceChanged:
		return []string{fmt.Sprintf("%s: %s", words.Capital(words.Pace(e.Pace)), words.Pattern(e.Segment.Pattern))}
	}
	return nil
}

// breatheCommand applies a typed line to breathing: an empty line or p
// pauses and goes on, ↑ (as a terminal sends it) or "slower" slows,
// ↓ or "faster" quickens, q quits.
func breatheCommand(line string, c *coach.Coach, t time.Time) (quit, known bool) {
	switch line {
	case "", "p", "space", "pause":
		c.Toggle(t)
	case "\x1b[a", "\x1boa", "slower", "+": // ↑ (lower case: see follow)
		c.SetPace(t, coach.StepPace(c.Pace(), +1))
	case "\x1b[b", "\x1bob", "faster", "-": // ↓
		c.SetPace(t, coach.StepPace(c.Pace(), -1))
	case "q", "quit":
		return true, true
	default:
		return false, false
	}
	return false, true
}

// Breathe paces breathing by plan (coach.BreathePlan), line by line: the
// first line is written before anything else is done. It returns when the
// breaths are done, the person quits, or ctx is done (a signal: the run
// is Interrupted), with how the run went and the first write error. The
// run is recorded through env.Journal as it goes.
func Breathe(ctx context.Context, env Env, plan *coach.Plan) (words.Run, error) {
	start := env.now()
	c := coach.New(plan, start)
	if env.Pace > 0 && env.Pace != 1 {
		c.SetPace(start, env.Pace)
	}
	w := NewWriter(env.Out)
	if env.Hint {
		w.Line(BreatheHint)
	}
	var log routines.RunLog
	if env.Journal != nil {
		log = env.Journal.Begin(routines.KindBreathe, start, nil, nil)
		log.SetPattern(c.At(start).Segment.Pattern) // as paced: the settings' pace applied
	}
	err := follow(ctx, env, c, w, breatheLines, breatheCommand, BreatheHint, func(e coach.Event) {
		switch {
		case log == nil:
		case e.Kind == coach.BreathDone:
			log.SetBreaths(e.Breath)
		case e.Kind == coach.PaceChanged: // slower or faster: the pattern paced from now on
			log.SetPattern(e.Segment.Pattern)
		}
	})
	end := env.now()
	run := words.RunOf(c, routines.KindBreathe, start, end)
	if log != nil {
		log.SetBreaths(c.BreathsDone())
		log.Finish(end, run.Outcome)
	}
	return run, err
}
