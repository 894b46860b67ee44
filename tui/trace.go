package tui

import (
	"fmt"
	"strings"

	"github.com/unknot/unknot/routines/coach"
)

// trace writes one line for each of a coach's events to Options.Trace:
// the Unix nanoseconds of the instant it was scheduled for (a command's:
// the instant it took effect), then what it was, as
//
//	1763790000250000000 phase phase=Inhale length=5000ms breath=1
//	1763790003250000000 paused
//
// It is for measuring how closely the screen follows the coach (issue 14:
// internal/measure reads it back); nothing else reads it, and a failed
// write is ignored: it never gets in the way of pacing.
func (c *Context) trace(evs []coach.Event) {
	if c.Opt.Trace == nil || len(evs) == 0 {
		return
	}
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "%d %s\n", e.At.UnixNano(), traceWords(e))
	}
	_, _ = c.Opt.Trace.Write([]byte(b.String()))
}

// traceWords says what one event was, in the trace's words.
func traceWords(e coach.Event) string {
	switch e.Kind {
	case coach.PhaseChanged:
		return fmt.Sprintf("phase phase=%s length=%dms breath=%d", e.Phase, e.PhaseLength.Milliseconds(), e.Breath)
	case coach.SegmentStarted:
		return fmt.Sprintf("segment kind=%s rep=%d side=%s", e.Segment.Kind, e.Segment.Rep, e.Segment.Side)
	case coach.PaceChanged:
		return fmt.Sprintf("pace pace=%g", e.Pace)
	case coach.Stopped:
		return "stopped reason=" + e.Reason.String()
	case coach.WentBack:
		return "back"
	}
	return strings.ReplaceAll(e.Kind.String(), " ", "-")
}
