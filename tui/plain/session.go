package plain

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// SessionHint tells a person at a terminal how to steer a session.
const SessionHint = "Enter: pause or go on · n Enter: next · skip Enter: the rest of the routine · b Enter: back · x Enter: stop, it hurts · q Enter: quit"

// sessionLines are the words of a guided session: each moment as it
// begins, each breathing phase, pause, skip, back and a stop.
func sessionLines(e coach.Event, c *coach.Coach) []string {
	seg := e.Segment
	var r routines.Routine
	if seg.Routine >= 0 && seg.Routine < len(c.Plan().Routines) {
		r = c.Plan().Routines[seg.Routine]
	}
	switch e.Kind {
	case coach.SegmentStarted:
		return segmentLines(seg, r)
	case coach.PhaseChanged:
		return []string{e.Phase.String() + " " + words.Seconds(e.PhaseLength)}
	case coach.RoutineDone:
		return []string{r.Title + ": " + routineEnd(c, seg.Routine) + "."}
	case coach.Paused:
		return []string{"Paused."}
	case coach.Resumed:
		return []string{"Going on."}
	case coach.Skipped:
		return []string{"Skipped ahead."}
	case coach.WentBack:
		return []string{"Back."}
	case coach.Stopped:
		if e.Reason == coach.Pain {
			return append([]string{"Stopped. That was the right call."}, words.PainStopLines()...)
		}
	}
	return nil
}

// segmentLines announce a moment as it begins.
func segmentLines(seg coach.Segment, r routines.Routine) []string {
	switch seg.Kind {
	case coach.Ready:
		lines := []string{fmt.Sprintf("%s: get ready, %s.", r.Title, words.Seconds(seg.Length))}
		lines = append(lines, seg.Transition()...)
		for i, s := range seg.Words(r) {
			lines = append(lines, fmt.Sprintf("  %d. %s", i+1, s))
		}
		return lines
	case coach.Stretch:
		l := fmt.Sprintf("%s: hold %s.", words.SideRep(seg), words.Seconds(seg.Length))
		switch {
		case seg.Settle >= seg.Length:
			l = fmt.Sprintf("%s: hold %s, breathing freely.", words.SideRep(seg), words.Seconds(seg.Length))
		case seg.Settle > 0:
			l = fmt.Sprintf("%s: hold %s, the first %s to settle in, then breathe.", words.SideRep(seg), words.Seconds(seg.Length), words.Seconds(seg.Settle))
		}
		if cues := seg.Words(r); len(cues) > 0 {
			l += " " + strings.Join(cues, " ")
		}
		return []string{l}
	case coach.Move:
		l := fmt.Sprintf("%s: %s.", words.Capital(seg.RepText(r)), words.Seconds(seg.Length))
		if cues := seg.Words(r); len(cues) > 0 {
			l += " " + strings.Join(cues, " ")
		}
		return []string{l}
	case coach.Rest:
		return []string{fmt.Sprintf("Rest %s. %s.", words.Seconds(seg.Length), words.NextSideRep(seg))}
	case coach.Switch:
		return []string{fmt.Sprintf("Switch sides, %s. %s.", words.Seconds(seg.Length), words.NowSide(seg))}
	}
	return nil
}

// sessionCommand applies a typed line to a session: an empty line or p
// pauses and goes on, n next, b back, x stops because it hurts, q quits.
func sessionCommand(line string, c *coach.Coach, t time.Time) (quit, known bool) {
	switch line {
	case "", "p", "space", "pause":
		c.Toggle(t)
	case "n", "next":
		c.Skip(t)
	case "skip", "nn":
		c.SkipRoutine(t)
	case "b", "back":
		c.Back(t)
	case "x", "hurts", "stop":
		c.Stop(t, coach.Pain)
	case "q", "quit":
		return true, true
	default:
		return false, false
	}
	return false, true
}

// session runs a guided session by plan (coach.SessionPlan), line by line.
// It returns when the plan is over, the person quits or stops for pain,
// or ctx is done (a signal: the run is Interrupted), with how the run went,
// the run's record and the first write error. Each rep is recorded through
// env.Journal as it is done, with levels (routine -> level) when the
// journal keeps them; painBefore is the check-in before, if one was asked.
func session(ctx context.Context, env Env, plan *coach.Plan, painBefore *int, levels map[string]int) (words.Run, routines.RunLog, error) {
	start := env.now()
	c := coach.New(plan, start)
	w := NewWriter(env.Out)
	if env.Hint {
		w.Line(SessionHint)
	}
	var log routines.RunLog
	if env.Journal != nil {
		log = env.Journal.Begin(routines.KindSession, start, words.Exercises(c), painBefore)
		if ls, ok := log.(levelSetter); ok {
			for name, l := range levels {
				ls.SetLevel(name, l)
			}
		}
	}
	err := follow(ctx, env, c, w, sessionLines, sessionCommand, SessionHint, func(e coach.Event) {
		if e.Kind != coach.RepDone || log == nil {
			return
		}
		if i := c.TallyIndex(e.Segment); i >= 0 {
			log.SetReps(i, c.Tallies()[i].Done)
		}
	})
	end := env.now()
	run := words.RunOf(c, routines.KindSession, start, end)
	if log != nil {
		if run.Outcome == routines.Pain {
			// Where x came: the coach stands still where it was stopped.
			if i, rep, ok := c.Place(end); ok {
				log.StoppedAt(i, rep)
			}
		}
		log.Finish(end, run.Outcome)
	}
	return run, log, err
}

// routineEnd says how routine ri of the plan ended: "done", or "skipped"
// when none of its reps was done and some were skipped (N, or → through
// every hold).
func routineEnd(c *coach.Coach, ri int) string {
	name := ""
	if ri >= 0 && ri < len(c.Plan().Routines) {
		name = c.Plan().Routines[ri].Name
	}
	done, skipped := 0, 0
	for _, t := range c.Tallies() {
		if t.Routine == name {
			done, skipped = done+t.Done, skipped+t.Skipped
		}
	}
	if done == 0 && skipped > 0 {
		return "skipped"
	}
	return "done"
}
