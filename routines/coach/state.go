package coach

import (
	"fmt"
	"time"

	"github.com/unknot/unknot/routines"
)

// State is everything a screen needs to show the plan at one instant.
type State struct {
	Offset time.Duration // how far into the plan
	Total  time.Duration // the plan's length (Forever when open)
	Open   bool          // breathing with no set end

	Index   int     // the present segment
	Segment Segment // the present segment
	Routine *routines.Routine
	Count   int // how many segments in all

	SegmentElapsed time.Duration
	SegmentLeft    time.Duration // for a Stretch: the time left in the hold

	// Settling: a Stretch is in its settle, before the first paced breath
	// (Segment.Settle): easing into the stretch, breathing freely.
	Settling   bool
	SettleLeft time.Duration // how long the settle has left

	Breathing     bool           // a breathing phase is running
	Phase         routines.Phase // the phase now
	PhaseElapsed  time.Duration
	PhaseLength   time.Duration
	PhaseProgress float64 // 0 at the phase's start, 1 at its end
	Breath        int     // the breath now, from 1
	BreathsDone   int     // breaths completed (breathing alone)
	Breaths       int     // breaths planned in all (0 when open)

	Progress float64       // 0 to 1 through the whole plan (0 when open)
	Left     time.Duration // time left in the whole plan (0 when open)
	Pace     float64       // 1 is the planned pace

	Paused   bool
	Stopped  bool
	Reason   StopReason
	Finished bool
}

// At says what is happening at instant t. It changes nothing: call it as
// often as a screen redraws.
func (c *Coach) At(t time.Time) State {
	p := c.plan
	off := c.offset(t)
	total := p.Total()
	st := State{
		Offset: off, Total: total, Open: p.Open, Count: len(p.Segments), Pace: c.pace,
		Paused: c.paused, Stopped: c.stopped, Reason: c.reason,
		Finished: !c.stopped && !p.Open && off >= total,
	}
	if len(p.Segments) == 0 {
		return st
	}
	i := p.segmentAt(off)
	s := p.Segments[i]
	st.Index, st.Segment = i, s
	if s.Routine >= 0 && s.Routine < len(p.Routines) {
		st.Routine = &p.Routines[s.Routine]
	}
	st.SegmentElapsed = off - s.Start
	if s.Kind == Stretch && off < s.breathStart() {
		st.SettleLeft = s.breathStart() - off
	}
	st.SegmentLeft = s.End() - off
	if !p.Open {
		st.Left = total - off
		if total > 0 {
			st.Progress = float64(off) / float64(total)
		}
	}
	st.Settling = s.Kind == Stretch && off < s.breathStart() && !st.Finished
	if s.Breathing() && !st.Finished && !st.Settling {
		cycle := s.Pattern.Cycle()
		u := off - s.breathStart() + s.Lead
		in := u % cycle
		st.Breathing = true
		st.Breath = s.BreathsBefore + int(u/cycle) + 1
		for _, sp := range s.Pattern.Spans() {
			if in >= sp.Start && in < sp.Start+sp.Length {
				st.Phase, st.PhaseLength, st.PhaseElapsed = sp.Phase, sp.Length, in-sp.Start
				st.PhaseProgress = float64(st.PhaseElapsed) / float64(sp.Length)
				break
			}
		}
	}
	if s.Kind == Breathe {
		cycle := s.Pattern.Cycle()
		st.BreathsDone = s.BreathsBefore + int((off-s.Start+s.Lead)/cycle)
		if !p.Open {
			st.Breaths = s.BreathsBefore + int((s.Lead+s.Length)/cycle)
		}
		if st.Finished {
			st.Breath = st.Breaths
		}
	}
	return st
}

// Tally is what became of the reps of one exercise: one routine on one
// side, at one place in the plan (a plan that repeats a routine has one
// Tally for each time it comes).
type Tally struct {
	Routine   string
	Side      routines.Side
	Direction string // a rep-only routine's way ("forward", "back"), or ""
	Done      int    // held to their end, or to Credit of the hold
	Skipped   int    // skipped (→) before Credit of the hold ran
	Planned   int
}

// Tallies counts, per exercise in plan order, the reps done and skipped.
// Index i of the result is index i of the plan handed to the history
// (history.Journal.Begin, Entry.SetReps). A routine's two sides are two
// exercises; a routine that comes twice in the plan is two more. Reps
// count once even when "back" made the person hold them again. Events
// must have been taken (Events) for the count to include them.
func (c *Coach) Tallies() []Tally {
	var out []Tally
	index := map[[3]any]int{}
	done := map[[4]any]bool{}
	skipped := map[[4]any]bool{}
	for i, s := range c.plan.Segments {
		if !s.counted() {
			continue
		}
		key := [3]any{s.Routine, s.Side, s.Direction}
		j, ok := index[key]
		if !ok {
			j = len(out)
			index[key] = j
			out = append(out, Tally{Routine: c.plan.Routines[s.Routine].Name, Side: s.Side, Direction: s.Direction, Planned: s.Reps})
		}
		rep := [4]any{s.Routine, s.Side, s.Direction, s.Rep}
		switch {
		case c.done[i] && !done[rep]:
			done[rep] = true
			out[j].Done++
			if skipped[rep] { // skipped once, held later
				skipped[rep] = false
				out[j].Skipped--
			}
		case c.cut[i] && !done[rep] && !skipped[rep]:
			skipped[rep] = true
			out[j].Skipped++
		}
	}
	return out
}

// counted reports whether segment s is a rep the tallies count: a hold,
// or one move of a rep-only routine.
func (s Segment) counted() bool { return s.Kind == Stretch || s.Kind == Move }

// Reps is how a run's reps went, all exercises together.
type Reps struct {
	Done, Skipped, Planned int
}

// String says it in words: "12 of 40 reps, 28 skipped".
func (r Reps) String() string {
	s := fmt.Sprintf("%d of %d reps", r.Done, r.Planned)
	if r.Planned == 1 {
		s = fmt.Sprintf("%d of 1 rep", r.Done)
	}
	if r.Skipped > 0 {
		s += fmt.Sprintf(", %d skipped", r.Skipped)
	}
	return s
}

// Reps sums the Tallies.
func (c *Coach) Reps() Reps {
	var r Reps
	for _, t := range c.Tallies() {
		r.Done += t.Done
		r.Skipped += t.Skipped
		r.Planned += t.Planned
	}
	return r
}

// BreathsDone is how many whole breaths were completed (breathing alone).
func (c *Coach) BreathsDone() int { return c.breathsDone }
