package tui

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// BreatheHint tells a plain-mode user at a terminal how to steer.
const BreatheHint = "Enter: pause or go on · s Enter: slower · f Enter: faster · q Enter: quit"

// Seconds writes a duration as plain seconds: "5s", "4.5s", "1.25s".
func Seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Round(time.Millisecond).Seconds(), 'f', -1, 64) + "s"
}

// BreathLine is the plain line for a breathing phase: "Inhale 5s", with the
// breath's number on the inhale: "Inhale 5s  (breath 2 of 10)", or
// "(breath 2)" when there is no set number (planned 0).
func BreathLine(e coach.Event, planned int) string {
	l := e.Phase.String() + " " + Seconds(e.PhaseLength)
	if e.Phase == routines.Inhale {
		if planned > 0 {
			l += fmt.Sprintf("  (breath %d of %d)", e.Breath, planned)
		} else {
			l += fmt.Sprintf("  (breath %d)", e.Breath)
		}
	}
	return l
}

// BreatheLines are the plain words of breathing alone: each phase, pause
// and resume, a pace change, and a closing line.
func BreatheLines(e coach.Event, c *coach.Coach) []string {
	done := func() string {
		return fmt.Sprintf("%s in %s.", breathsWord(c.BreathsDone()), Clock(e.Offset.Truncate(time.Second)))
	}
	switch e.Kind {
	case coach.PhaseChanged:
		return []string{BreathLine(e, c.At(e.At).Breaths)}
	case coach.Paused:
		return []string{"Paused."}
	case coach.Resumed:
		return []string{"Going on."}
	case coach.PaceChanged:
		p := e.Segment.Pattern
		return []string{fmt.Sprintf("%s: %s", capital(PaceWords(e.Pace)), patternWords(p))}
	case coach.Finished:
		return []string{"Done: " + done()}
	case coach.Stopped:
		return []string{"Stopped: " + done()}
	}
	return nil
}

// patternWords spells a pattern's phases: "Inhale 5.5s, Hold 1.1s, Exhale 3.3s".
func patternWords(p routines.Pattern) string {
	s := ""
	for i, sp := range p.Spans() {
		if i > 0 {
			s += ", "
		}
		s += sp.Phase.String() + " " + Seconds(sp.Length)
	}
	return s
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// BreatheCommand applies a typed line to breathing: an empty line or p
// pauses and goes on, s slower, f faster, q quits.
func BreatheCommand(line string, c *coach.Coach, t time.Time) (quit bool) {
	switch line {
	case "", "p", "space", "pause":
		c.Toggle(t)
	case "s", "slower", "+":
		c.SetPace(t, stepPace(c.Pace(), +1))
	case "f", "faster", "-":
		c.SetPace(t, stepPace(c.Pace(), -1))
	case "q", "quit":
		return true
	}
	return false
}

// RunPlainBreathe paces breathing in plain mode: pacing starts at once,
// the first line is written before anything else is done, and the history
// record (cfg.Record) is opened and written in the background. It returns
// when the breaths are done, the person quits, or ctx is done (a signal),
// after the last history write, and reports the first write error, of the
// output or of the history.
func RunPlainBreathe(ctx context.Context, cfg BreatheConfig, in io.Reader, out io.Writer, opt Options, hint bool) error {
	plan, err := coach.BreathePlan(cfg.Pattern, cfg.Breaths, cfg.Duration)
	if err != nil {
		return err
	}
	start := opt.now()
	c := coach.New(plan, start)
	rec := newRecord(cfg.Record)
	run := PlainRun{Coach: c, In: in, Out: out, Opt: opt, Lines: BreatheLines}
	if hint {
		run.Hint = BreatheHint
	}
	if cfg.Record != nil {
		planned := c.At(start).Breaths
		go func() { _ = rec.open(start, planned) }()
		run.OnEvent = func(e coach.Event) {
			if e.Kind == coach.BreathDone {
				go func() { _ = rec.setBreaths(e.Breath) }()
			}
		}
	}
	end, werr := run.Run(ctx)
	if cfg.Record == nil {
		return werr
	}
	status := StatusCompleted
	switch {
	case end == PlainInterrupted:
		status = StatusInterrupted
	case end == PlainQuit && !plan.Open:
		status = StatusStopped
	}
	now := opt.now()
	rerr := rec.wait(10 * time.Second)
	if ferr := rec.finish(now, c.BreathsDone(), status); rerr == nil {
		rerr = ferr
	}
	if werr != nil {
		return werr
	}
	return rerr
}
