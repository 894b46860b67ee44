package coach

import (
	"time"

	"github.com/unknot/unknot/routines"
)

// Outcome is how the run ended as of instant t, in the domain's words, the
// same in every front end: stopped for pain is Pain, a signal is
// Interrupted, a quit before the plan's end is Stopped, and a plan that
// ran to its end is Completed, unless every hold in it was skipped (a
// session tapped through with → is Stopped, not completed). Breathing with
// no set end has no end to fall short of: quitting it is Completed, once
// a breath was done (quit before the first, nothing was done: Stopped). A run
// still under way at t reads as Interrupted (what it would be if the
// process ended now).
func (c *Coach) Outcome(t time.Time) routines.Outcome {
	switch {
	case c.stopped && c.reason == Pain:
		return routines.Pain
	case c.stopped && c.reason == Interrupt:
		return routines.Interrupted
	case c.stopped && c.plan.Open && c.breathsDone > 0:
		return routines.Completed
	case c.stopped:
		return routines.Stopped
	case !c.Finished(t):
		return routines.Interrupted
	}
	c.advance(t)
	if r := c.Reps(); r.Planned > 0 && r.Done == 0 {
		return routines.Stopped
	}
	return routines.Completed
}

// TallyIndex is the index in Tallies of the routine, side and direction
// that segment seg holds, or -1 when seg is not a rep (a hold or a move).
func (c *Coach) TallyIndex(seg Segment) int {
	if !seg.counted() {
		return -1
	}
	n := 0
	seen := map[[3]any]int{}
	for _, s := range c.plan.Segments {
		if !s.counted() {
			continue
		}
		key := [3]any{s.Routine, s.Side, s.Direction}
		if _, ok := seen[key]; !ok {
			seen[key] = n
			n++
		}
	}
	if i, ok := seen[[3]any{seg.Routine, seg.Side, seg.Direction}]; ok {
		return i
	}
	return -1
}

// Place is where the plan stands at instant t (after Stop: where it was
// stopped), as the history records a stop for pain: exercise is the index
// in Tallies (and in the plan handed to the history) of the exercise under
// way, and rep the rep of it (1-based). In a hold or a move it is that
// rep; in a rest or a switch, the rep just held (the stop came right after
// it); in a get-ready, the first rep of the routine coming (getting into
// its position is part of it). ok is false for breathing alone, which has
// no exercises.
func (c *Coach) Place(t time.Time) (exercise, rep int, ok bool) {
	segs := c.plan.Segments
	if len(segs) == 0 || c.breathingAlone() {
		return 0, 0, false
	}
	i := c.plan.segmentAt(c.offset(t))
	s := segs[i]
	if (s.Kind == Rest || s.Kind == Switch) && i > 0 && segs[i-1].counted() {
		s = segs[i-1]
	}
	probe := s
	probe.Kind = Stretch // a get-ready, rest or switch names its rep as a hold does
	if exercise = c.TallyIndex(probe); exercise < 0 || s.Rep < 1 {
		return 0, 0, false
	}
	return exercise, s.Rep, true
}
