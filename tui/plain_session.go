package tui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// SessionHint tells a plain-mode user at a terminal how to steer a session.
const SessionHint = "Enter: pause or go on · n Enter: next · b Enter: back · x Enter: stop, it hurts · q Enter: quit"

// SessionLines are the plain words of a guided session: each moment as it
// begins, each breathing phase, pause, skip, back and the end.
func SessionLines(e coach.Event, c *coach.Coach) []string {
	seg := e.Segment
	var r routines.Routine
	if seg.Routine >= 0 && seg.Routine < len(c.Plan().Routines) {
		r = c.Plan().Routines[seg.Routine]
	}
	switch e.Kind {
	case coach.SegmentStarted:
		switch seg.Kind {
		case coach.Ready:
			lines := []string{fmt.Sprintf("%s: get ready, %s.", r.Title, Seconds(seg.Length))}
			for i, s := range r.Setup {
				lines = append(lines, fmt.Sprintf("  %d. %s", i+1, s))
			}
			return lines
		case coach.Stretch:
			l := fmt.Sprintf("%s: hold %s.", sideRep(seg, ""), Seconds(seg.Length))
			if len(r.Cues) > 0 {
				l += " " + strings.Join(r.Cues, " ")
			}
			return []string{l}
		case coach.Rest:
			return []string{fmt.Sprintf("Rest %s. %s.", Seconds(seg.Length), sideRep(seg, "Next: "))}
		case coach.Switch:
			return []string{fmt.Sprintf("Switch sides, %s. %s.", Seconds(seg.Length), sideRep(seg, "Now the "))}
		}
	case coach.PhaseChanged:
		return []string{e.Phase.String() + " " + Seconds(e.PhaseLength)}
	case coach.RoutineDone:
		return []string{r.Title + ": done."}
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
			lines := []string{"Stopped. That was the right call.", routines.StopRule, "See a doctor for:"}
			for _, f := range routines.RedFlags {
				lines = append(lines, "  - "+f)
			}
			return lines
		}
		return []string{"Stopped."}
	}
	return nil
}

// SessionCommand applies a typed line to a session: an empty line or p
// pauses and goes on, n next, b back, x stops because it hurts, q quits.
func SessionCommand(line string, c *coach.Coach, t time.Time) (quit bool) {
	switch line {
	case "", "p", "space", "pause":
		c.Toggle(t)
	case "n", "next":
		c.Skip(t)
	case "b", "back":
		c.Back(t)
	case "x", "hurts", "stop":
		c.Stop(t, coach.Pain)
	case "q", "quit":
		return true
	}
	return false
}

// RunPlainSession runs a guided session in plain mode, one line per event,
// then prints the summary. History writes (cfg.Record) run one at a time on
// a goroutine of their own, so a slow disk never delays a line. It returns
// the session's status ("completed", "stopped" or "pain") and the first
// error, of the output or of the history. The daily-limit prompt is a
// screen's: in plain mode the routines at their limit are named, and done.
func RunPlainSession(ctx context.Context, cfg SessionConfig, in io.Reader, out io.Writer, opt Options, hint bool) (string, error) {
	if cfg.Options == (coach.Options{}) {
		cfg.Options = coach.DefaultOptions
	}
	plan, err := coach.SessionPlan(cfg.Routines, cfg.Options)
	if err != nil {
		return "", err
	}
	start := opt.now()
	c := coach.New(plan, start)
	writes := make(chan func(SessionRecorder) error, 1024)
	recDone := make(chan error, 1)
	if cfg.Record != nil {
		planned := c.Tallies()
		go func() {
			rec, err := cfg.Record(start, planned, nil)
			for w := range writes {
				if err == nil {
					err = w(rec)
				}
			}
			recDone <- err
		}()
	} else {
		close(recDone)
	}
	send := func(w func(SessionRecorder) error) {
		if cfg.Record != nil {
			writes <- w
		}
	}
	run := PlainRun{Coach: c, In: in, Out: out, Opt: opt, Lines: SessionLines, Command: SessionCommand}
	if hint {
		run.Hint = SessionHint
	}
	run.OnEvent = func(e coach.Event) {
		if e.Kind != coach.RepDone {
			return
		}
		name := plan.Routines[e.Segment.Routine].Name
		side := e.Segment.Side
		for _, t := range c.Tallies() {
			if t.Routine == name && t.Side == side {
				done := t.Done
				send(func(r SessionRecorder) error { return r.SetReps(name, string(side), done) })
			}
		}
	}
	_, werr := run.Run(ctx)
	end := opt.now()
	status := "completed"
	switch c.Reason() {
	case coach.Quit:
		status = "stopped"
	case coach.Pain:
		status = "pain"
	}
	send(func(r SessionRecorder) error { return r.Finish(end, status) })
	if cfg.Record != nil {
		close(writes)
	}
	titles := map[string]string{}
	for _, r := range plan.Routines {
		titles[r.Name] = r.Title
	}
	w := NewPlainWriter(out)
	for _, l := range strings.Split(strings.TrimRight(Summary(status, c.Tallies(), titles, Clock(end.Sub(start))), "\n"), "\n") {
		w.Line(l)
	}
	rerr := <-recDone
	if werr == nil {
		werr = w.Err()
	}
	if werr != nil {
		return status, werr
	}
	return status, rerr
}
