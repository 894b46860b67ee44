package tui

import (
	"bufio"
	"context"
	"io"
	"strings"
	"time"

	"github.com/unknot/unknot/routines/coach"
)

// The plain front end prints one line per event at the moment it happens,
// with no colour and no cursor movement: for screen readers, pipes and the
// slowest links. It is driven by real timers set for the coach's next
// event (coach.NextEvent), never by a ticker, so each line is written as
// close to its scheduled instant as the machine allows, and a late wake-up
// never shifts the lines after it.
//
// It is made of three parts a screen can reuse: PlainWriter (writes and
// flushes each line at once), PlainLines (the words for an event; the
// breathe words are BreatheLines, the session adds its own) and PlainRun
// (the timer loop with typed commands, suspend detection and signals).

// PlainWriter writes whole lines, each in one Write and flushed at once.
// After the first error it writes nothing more and Err reports it.
type PlainWriter struct {
	w   io.Writer
	err error
}

// NewPlainWriter writes to w. If w has a Flush() error method (a
// bufio.Writer), each line is flushed.
func NewPlainWriter(w io.Writer) *PlainWriter { return &PlainWriter{w: w} }

// Line writes s and a newline.
func (p *PlainWriter) Line(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s+"\n")
	if f, ok := p.w.(interface{ Flush() error }); ok && p.err == nil {
		p.err = f.Flush()
	}
}

// Err is the first write error.
func (p *PlainWriter) Err() error { return p.err }

// PlainLines are the lines to print for one event of c; usually none or
// one.
type PlainLines func(e coach.Event, c *coach.Coach) []string

// PlainCommand applies one typed line (trimmed, lower case) at instant t
// and reports whether the person asked to quit.
type PlainCommand func(line string, c *coach.Coach, t time.Time) (quit bool)

// PlainEnd is how a plain run ended.
type PlainEnd int

// The ways a plain run ends.
const (
	PlainFinished    PlainEnd = iota // the plan ran to its end
	PlainQuit                        // the person typed q
	PlainInterrupted                 // ctx was cancelled: a signal
)

// PlainRun follows a coach in plain mode.
type PlainRun struct {
	Coach   *coach.Coach
	In      io.Reader // typed commands, one a line; nil or EOF: none
	Out     io.Writer
	Opt     Options      // Opt.Now is the clock
	Lines   PlainLines   // the words for each event
	Command PlainCommand // nil: BreatheCommand
	Hint    string       // printed first, when not empty

	// OnEvent, when set, sees every event after its lines are written (to
	// record history). It must not block: the next line's timing depends
	// on it.
	OnEvent func(e coach.Event)
}

// Run prints the coach's events as they fall due until the plan is over,
// the person quits, or ctx is done (then it stops the coach and prints the
// closing line). It returns how it ended and the first write error.
func (r PlainRun) Run(ctx context.Context) (PlainEnd, error) {
	w := NewPlainWriter(r.Out)
	command := r.Command
	if command == nil {
		command = BreatheCommand
	}
	typed := readLines(r.In)
	if r.Hint != "" {
		w.Line(r.Hint)
	}
	end := PlainFinished
	last := r.Opt.now()
	for {
		now := r.Opt.now()
		if coach.SuspendGap(last, now) > 0 && !r.Coach.Paused() && !r.Coach.Over(now) {
			r.Coach.Pause(last) // the computer slept: pause where it was
			w.Line("The computer was asleep.")
		}
		last = now
		for _, e := range r.Coach.Events(now) {
			for _, l := range r.Lines(e, r.Coach) {
				w.Line(l)
			}
			if r.OnEvent != nil {
				r.OnEvent(e)
			}
		}
		if r.Coach.Over(now) || w.Err() != nil {
			return end, w.Err()
		}
		var timer *time.Timer
		var fire <-chan time.Time
		if next, ok := r.Coach.NextEvent(now); ok {
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
			t := r.Opt.now()
			if command(strings.ToLower(strings.TrimSpace(line)), r.Coach, t) {
				r.Coach.Stop(t, coach.Quit)
				end = PlainQuit
			}
		case <-ctx.Done():
			r.Coach.Stop(r.Opt.now(), coach.Quit)
			end = PlainInterrupted
		}
		if timer != nil {
			timer.Stop()
		}
	}
}

// readLines sends each line of in on the channel it returns, and closes it
// at the end of the input. The goroutine ends with the input.
func readLines(in io.Reader) <-chan string {
	if in == nil {
		return nil
	}
	ch := make(chan string)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			ch <- sc.Text()
		}
	}()
	return ch
}
