package plain

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// Env is what a plain run needs from outside.
type Env struct {
	In  io.Reader // typed commands, one a line; nil or EOF: none
	Out io.Writer
	Now func() time.Time // nil: time.Now
	// Hint prints how to steer first (when a person types at a terminal).
	Hint bool
	// Journal records the run; nil records nothing.
	Journal routines.Journal
	// Sound plays each moment's cue at its instant (nil: none). Its
	// Play must not block.
	Sound words.Sounder
	// Pace is the pace breathing starts at (0 or 1: the pattern as
	// written; config.toml's pace).
	Pace float64

	typed <-chan string // In's lines, once read by a question before pacing
}

func (e Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// lines are the words for one event of c; usually none or one.
type lines func(e coach.Event, c *coach.Coach) []string

// command applies one typed line (trimmed, lower case) at instant t and
// reports whether the person asked to quit, and whether the line was a
// command at all.
type command func(line string, c *coach.Coach, t time.Time) (quit, known bool)

// follow prints the coach's events as they fall due until the plan is
// over, the person quits (the coach is stopped: Quit), or ctx is done (a
// signal: the coach is stopped, Interrupt). onEvent sees each event after
// its lines. A line that is no command gets one line back: that it does
// nothing here, and hint (the commands there are). It returns the first
// write error.
func follow(ctx context.Context, env Env, c *coach.Coach, w *Writer, say lines, do command, hint string, onEvent func(coach.Event)) error {
	typed := env.typed
	if typed == nil {
		typed = readLines(env.In)
	}
	last := env.now()
	for {
		now := env.now()
		if coach.SuspendGap(last, now) > 0 && !c.Paused() && !c.Over(now) {
			c.Pause(last) // the computer slept: pause where it was
			w.Line("The computer was asleep.")
		}
		last = now
		for _, e := range c.Events(now) {
			for _, l := range say(e, c) {
				w.Line(l)
			}
			onEvent(e)
			if env.Sound == nil {
				continue
			}
			if h, ok := words.Cue(e, c); ok {
				env.Sound.Play(h.Cue, h.Words)
			}
			if e.Kind == coach.Paused {
				env.Sound.Silence()
			}
		}
		if c.Over(now) || w.Err() != nil {
			return w.Err()
		}
		var timer *time.Timer
		var fire <-chan time.Time
		if next, ok := c.NextEvent(now); ok {
			timer = time.NewTimer(next.Sub(now))
			fire = timer.C
		}
		select {
		case <-fire:
		case line, ok := <-typed:
			if !ok {
				typed = nil // no more input: go on pacing
				break
			}
			t := env.now()
			quit, known := do(strings.ToLower(strings.TrimSpace(line)), c, t)
			if quit {
				c.Stop(t, coach.Quit)
			}
			if !known {
				w.Line(fmt.Sprintf("%q does nothing here. %s", routines.Printable(strings.TrimSpace(line)), hint))
			}
		case <-ctx.Done():
			c.Stop(env.now(), coach.Interrupt)
		}
		if timer != nil {
			timer.Stop()
		}
	}
}
