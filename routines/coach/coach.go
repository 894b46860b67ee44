package coach

import (
	"math"
	"time"

	"github.com/unknot/unknot/routines"
)

// BackGrace is how far into a segment "back" restarts that segment rather
// than going to the one before, as a music player's back button does.
const BackGrace = 2 * time.Second

// Credit is the share of a hold that must have run for its rep to count
// when the hold is cut short: a hold skipped (→) or stopped (q, x) after 80%
// of it ran counts as done, as if held to its end, and its RepDone is
// reported at that instant; cut sooner, it counts as skipped (Skip) or not
// done (Stop). "Back" never credits: the person holds it again.
const Credit = 0.8

// Pace bounds for breathing alone: 0.5 is twice as fast, 2 twice as slow.
const (
	MinPace  = 0.5
	MaxPace  = 2.0
	PaceStep = 0.1
)

// Coach follows a plan in real time. The zero value is not usable; make one
// with New. A Coach is not safe for use by several goroutines at once.
type Coach struct {
	plan *Plan

	// The mapping from real time to plan offset: at real instant anchor the
	// plan stood at anchorOff, and it moves on one for one unless paused.
	anchor    time.Time
	anchorOff time.Duration
	paused    bool
	pausedFor time.Duration // every pause that ended, added up
	stopped   bool
	reason    StopReason
	pace      float64

	// What has been reported: events up to offset reported (inclusive unless
	// fresh, when an event at exactly reported is still due).
	reported  time.Duration
	fresh     bool
	pending   []Event
	commanded bool // a command was given (one that reports an event)

	done        map[int]bool                    // Stretch segments held to their end (or to Credit of it)
	cut         map[int]bool                    // Stretch segments skipped before Credit of them ran
	leftFrom    map[time.Duration]time.Duration // where SkipRoutine landed → the start of the segment it left
	breathsDone int
	basePattern routines.Pattern // the breathing pattern at pace 1
}

// New starts plan at real instant start.
func New(plan *Plan, start time.Time) *Coach {
	c := &Coach{plan: plan, anchor: start, fresh: true, pace: 1, done: map[int]bool{}, cut: map[int]bool{}, leftFrom: map[time.Duration]time.Duration{}}
	if len(plan.Segments) > 0 {
		c.basePattern = plan.Segments[len(plan.Segments)-1].Pattern
	}
	return c
}

// Restart begins the plan again at instant t, as if New had made it at t.
// It is for a screen that made its coach, and perhaps took its opening
// events (those at offset 0: the first segment's SegmentStarted, the first
// inhale's PhaseChanged), before it learned the instants its frames are
// drawn on (every Tick from some epoch): restarted on a frame instant, the
// coach's every instant is on a frame. The events already taken are not
// reported again; those not yet taken come with their instants from t. A
// pace set at the start (SetPace before anything was taken) is kept.
//
// It is meant only for that moment: before any command and before anything
// past offset 0 was taken. Otherwise (a pause, skip, back, stop or pace
// change was given, or an event after offset 0 was taken) it does nothing
// and reports false: the run is under way, and restarting it would repeat
// or lose what the person was told.
func (c *Coach) Restart(t time.Time) bool {
	if c.commanded || c.stopped || c.paused || len(c.plan.scheduled(0, c.reported, false)) > 0 {
		return false
	}
	// Nothing moved the plan and nothing waits in pending (only a command
	// leaves events there): what is due at offset 0 and not yet taken is
	// taken from t on.
	c.anchor, c.anchorOff, c.reported = t, 0, 0
	return true
}

// Plan is the timeline being followed. A pace change rewrites its tail.
func (c *Coach) Plan() *Plan { return c.plan }

// offset is the plan offset at real instant t.
func (c *Coach) offset(t time.Time) time.Duration {
	off := c.anchorOff
	if !c.paused && !c.stopped {
		if d := t.Sub(c.anchor); d > 0 {
			off += d
		}
	}
	return min(off, c.plan.Total())
}

// instant is the real instant at which the plan reaches off, given the
// present mapping.
func (c *Coach) instant(off time.Duration) time.Time {
	return c.anchor.Add(off - c.anchorOff)
}

// Finished reports whether the plan ran to its end by instant t.
func (c *Coach) Finished(t time.Time) bool {
	return !c.stopped && !c.plan.Open && c.offset(t) >= c.plan.Total()
}

// Over reports whether nothing more will happen: finished or stopped.
func (c *Coach) Over(t time.Time) bool { return c.stopped || c.Finished(t) }

// Paused reports whether the coach is paused.
func (c *Coach) Paused() bool { return c.paused }

// advance moves the reported offset to instant t, queueing the scheduled
// events on the way and noting completed reps and breaths.
func (c *Coach) advance(t time.Time) {
	to := c.offset(t)
	if to < c.reported || (to == c.reported && !c.fresh) {
		return
	}
	for _, e := range c.plan.scheduled(c.reported, to, c.fresh) {
		c.take(e)
	}
	c.reported, c.fresh = to, false
}

// take queues a scheduled event, noting a completed rep or breath.
func (c *Coach) take(e Event) {
	e.At = c.instant(e.Offset)
	switch e.Kind {
	case RepDone:
		c.done[e.Index] = true
	case BreathDone:
		c.breathsDone = max(c.breathsDone, e.Breath)
	}
	c.pending = append(c.pending, e)
}

// Events returns, in order, everything that happened up to instant t and
// was not returned before: the plan's scheduled events, each with the
// instant it was due, and the person's commands.
func (c *Coach) Events(t time.Time) []Event {
	c.advance(t)
	evs := c.pending
	c.pending = nil
	return evs
}

// NextEvent is the real instant of the next scheduled event after t, and
// false when there is none (paused, stopped or finished). A caller sets its
// timer for exactly this instant.
func (c *Coach) NextEvent(t time.Time) (time.Time, bool) {
	if c.paused || c.stopped {
		return time.Time{}, false
	}
	off := c.offset(t)
	if off >= c.plan.Total() {
		return time.Time{}, false
	}
	// Look ahead one segment at a time: the next event is at most a phase away.
	i := c.plan.segmentAt(off)
	for ; i < len(c.plan.Segments); i++ {
		s := c.plan.Segments[i]
		to := s.End()
		if s.Breathing() {
			// The next phase change is at most a breath after the
			// settle (or after off, when past it).
			to = min(to, max(off, s.breathStart())+s.Pattern.Cycle())
		}
		if evs := c.plan.scheduled(off, max(to, off), false); len(evs) > 0 {
			return c.instant(evs[0].Offset), true
		}
	}
	return time.Time{}, false
}

// Pause freezes the plan at instant t.
func (c *Coach) Pause(t time.Time) {
	if c.paused || c.Over(t) {
		return
	}
	c.advance(t)
	c.anchorOff, c.anchor, c.paused = c.offset(t), t, true
	c.control(t, Event{Kind: Paused})
}

// Resume lets the plan run on from instant t where it was paused.
func (c *Coach) Resume(t time.Time) {
	if !c.paused || c.stopped {
		return
	}
	c.pausedFor += t.Sub(c.anchor)
	c.anchor, c.paused = t, false
	c.control(t, Event{Kind: Resumed})
}

// PausedFor is how long the coach has stood paused up to instant t: every
// pause, the one still going included (to its stop, when it stopped
// paused). A run's time taken is its wall time less this.
func (c *Coach) PausedFor(t time.Time) time.Duration {
	if c.paused && !c.stopped && t.After(c.anchor) {
		return c.pausedFor + t.Sub(c.anchor)
	}
	return c.pausedFor
}

// Toggle pauses a running coach and resumes a paused one.
func (c *Coach) Toggle(t time.Time) {
	if c.paused {
		c.Resume(t)
	} else {
		c.Pause(t)
	}
}

// Skip jumps to the start of the next segment at instant t; from the last
// segment it jumps to the end. What was skipped is not counted as done.
func (c *Coach) Skip(t time.Time) {
	if c.Over(t) || c.breathingAlone() {
		return
	}
	c.advance(t)
	if !c.credit(t) {
		if i := c.plan.segmentAt(c.offset(t)); c.plan.Segments[i].counted() && !c.done[i] {
			c.cut[i] = true
		}
	}
	i := c.plan.segmentAt(c.offset(t))
	target := c.plan.Total()
	if i+1 < len(c.plan.Segments) {
		target = c.plan.Segments[i+1].Start
	}
	c.jump(t, target, Skipped)
}

// SkipRoutine jumps at instant t past the rest of the present routine, to
// the get-ready of the next one (or to the end, from the last): the "N"
// key. What was left out is not counted as done. It does nothing while
// breathing alone.
func (c *Coach) SkipRoutine(t time.Time) {
	if c.Over(t) || c.breathingAlone() {
		return
	}
	c.advance(t)
	c.credit(t) // a hold that had run 80% counts, as with →
	i := c.plan.segmentAt(c.offset(t))
	ri := c.plan.Segments[i].Routine
	target := c.plan.Total()
	for j := i; j < len(c.plan.Segments); j++ {
		s := c.plan.Segments[j]
		if s.Routine != ri {
			target = s.Start
			break
		}
		if s.counted() && !c.done[j] {
			c.cut[j] = true // the rest of the routine: skipped, not done
		}
	}
	c.leftFrom[target] = c.plan.Segments[i].Start // "back" from there returns here
	c.jump(t, target, Skipped)
}

// Back jumps at instant t to the start of the present segment, or to the
// start of the one before when the present one began under BackGrace ago.
// The one before a routine reached by SkipRoutine is the segment the skip
// left (N then b puts the person back where they were), not the last
// segment of the routine they skipped.
func (c *Coach) Back(t time.Time) {
	if c.Over(t) || c.breathingAlone() {
		return
	}
	c.advance(t)
	off := c.offset(t)
	i := c.plan.segmentAt(off)
	here := c.plan.Total()
	if off >= c.plan.Total() {
		i = len(c.plan.Segments) // from the end: back to the last segment
	} else if here = c.plan.Segments[i].Start; off-here >= BackGrace {
		c.jump(t, here, WentBack) // restart this one
		return
	}
	if from, ok := c.leftFrom[here]; ok {
		delete(c.leftFrom, here) // once: the way on from there is the routine's own
		c.jump(t, from, WentBack)
		return
	}
	c.jump(t, c.plan.Segments[max(i-1, 0)].Start, WentBack)
}

// breathingAlone reports whether the plan is breathing with no stretches:
// it has no segments to skip or go back to, and its breaths, once counted,
// stay counted.
func (c *Coach) breathingAlone() bool {
	return len(c.plan.Segments) > 0 && c.plan.Segments[0].Kind == Breathe
}

// jump moves the plan to offset target at instant t, keeping pause as it is.
func (c *Coach) jump(t time.Time, target time.Duration, kind EventKind) {
	c.anchor, c.anchorOff = t, target
	c.control(t, Event{Kind: kind, Offset: target})
	// What begins at the target is due now. What ends there belongs to the
	// segment left behind: a skip cut it short, so its rep or breath was not
	// done; after a step back it was reported when it happened.
	for _, e := range c.plan.scheduled(target, target, true) {
		if e.Kind == RepDone || e.Kind == BreathDone || (e.Kind == RoutineDone && kind == WentBack) {
			continue
		}
		c.take(e)
	}
	c.reported, c.fresh = target, false
}

// Stop ends the plan early at instant t for reason.
func (c *Coach) Stop(t time.Time, reason StopReason) {
	if c.Over(t) {
		return
	}
	c.advance(t)
	c.credit(t)
	if c.paused && t.After(c.anchor) {
		c.pausedFor += t.Sub(c.anchor) // stopped while paused: the pause ends here
	}
	c.anchorOff, c.anchor = c.offset(t), t
	c.stopped, c.reason = true, reason
	c.control(t, Event{Kind: Stopped, Reason: reason})
}

// credit counts the hold in progress at instant t as done when at least
// Credit of it ran, reporting its RepDone now; it reports whether it did.
func (c *Coach) credit(t time.Time) bool {
	off := c.offset(t)
	if off >= c.plan.Total() || len(c.plan.Segments) == 0 {
		return false
	}
	i := c.plan.segmentAt(off)
	s := c.plan.Segments[i]
	if !s.counted() || c.done[i] || s.Length <= 0 || float64(off-s.Start) < Credit*float64(s.Length) {
		return false
	}
	c.take(Event{Kind: RepDone, Offset: off, Index: i, Segment: s})
	return true
}

// Reason is why the plan was stopped, or NotStopped.
func (c *Coach) Reason() StopReason { return c.reason }

// Pace is the present breathing pace: 1 is the pattern as planned, 1.2 is
// a fifth slower.
func (c *Coach) Pace() float64 { return c.pace }

// SetPace scales the breathing of a breathing-alone plan at instant t,
// within MinPace and MaxPace. The person stays where they are within their
// breath: halfway through an inhale stays halfway, only slower or faster.
// The number of breaths left does not change.
//
// The scaled pattern is rounded to the nearest Tick like a plan's
// (routines.Pattern.Round: pace 1.3 on 5-1-3 breathes 6.5-1.25-4), and
// the place in the phase to the nearest Tick, so that a change made on a
// Tick instant keeps every later instant on the grid. The place stays
// inside its phase: a phase under way stays under way (at least a Tick in,
// at least a Tick left), one that had just begun begins anew; when the new
// phase is a single Tick long, its only place on the grid is its start.
func (c *Coach) SetPace(t time.Time, pace float64) {
	pace = min(max(pace, MinPace), MaxPace)
	last := len(c.plan.Segments) - 1
	if c.Over(t) || last < 0 || c.plan.Segments[last].Kind != Breathe || pace == c.pace {
		return
	}
	// Before anything was taken, at the very start, the pace is the
	// plan's own: the breathing starts at it, with no event for a change
	// (a pace from the settings, not a change the person made).
	starting := c.fresh && c.offset(t) <= 0
	if !starting {
		c.advance(t)
	}
	off := c.offset(t)
	// The present segment is the last one unless "back" returned to an
	// earlier pace; what comes after it is replaced.
	i := c.plan.segmentAt(off)
	s := c.plan.Segments[i]
	oldCycle := s.Pattern.Cycle()
	u := off - s.Start + s.Lead
	whole := int(u / oldCycle)
	leftBreaths := time.Duration(0)
	if !c.plan.Open {
		end := c.plan.Segments[last]
		total := end.BreathsBefore + int((end.Lead+end.Length)/end.Pattern.Cycle())
		leftBreaths = time.Duration(total - s.BreathsBefore - whole)
	}
	pattern := c.basePattern.Scale(pace).Round(Tick)
	cycle := pattern.Cycle()
	lead := samePlace(s.Pattern, u%oldCycle, pattern)
	next := Segment{Kind: Breathe, Start: off, Routine: -1, Pattern: pattern,
		BreathsBefore: s.BreathsBefore + whole, Lead: lead}
	if c.plan.Open {
		next.Length = Forever
	} else {
		next.Length = leftBreaths*cycle - lead
	}
	segs := append([]Segment(nil), c.plan.Segments[:i+1]...)
	if off == s.Start {
		segs = segs[:i]
	} else {
		segs[i].Length = off - s.Start
	}
	c.plan = &Plan{Routines: c.plan.Routines, Segments: append(segs, next), Open: c.plan.Open}
	c.pace = pace
	if starting {
		return
	}
	c.control(t, Event{Kind: PaceChanged, Offset: off, Pace: pace, Index: len(segs), Segment: next})
}

// control queues a command's event at instant t.
func (c *Coach) control(t time.Time, e Event) {
	c.commanded = true
	e.At = t
	if e.Kind != Skipped && e.Kind != WentBack && e.Kind != PaceChanged {
		e.Offset = c.offset(t)
	}
	c.pending = append(c.pending, e)
}

// SuspendGap reports how long the machine slept between two readings of
// the clock: Go's monotonic clock stops during a suspend while the wall
// clock goes on. A caller that sees a gap pauses the coach at prev, so a
// hold never runs out while the laptop lid was shut.
func SuspendGap(prev, now time.Time) time.Duration {
	wall := now.Round(0).Sub(prev.Round(0))
	mono := now.Sub(prev)
	if gap := wall - mono; gap > time.Second {
		return gap
	}
	return 0
}

// samePlace is where in a breath of pattern to stand to be where in is in
// a breath of old: in the same phase, as far through it, rounded to the
// nearest Tick and kept inside the phase (SetPace). Both patterns have the
// same phases, being scales of one pattern.
func samePlace(old routines.Pattern, in time.Duration, pattern routines.Pattern) time.Duration {
	var at time.Duration // where the phase begins in pattern
	for i, d := range old {
		if in >= d {
			in, at = in-d, at+pattern[i]
			continue
		}
		// in is now how far into phase i, which is under way.
		to := pattern[i]
		if in == 0 || to < 2*Tick {
			return at
		}
		ticks := math.Round(float64(in) / float64(d) * float64(to) / float64(Tick))
		return at + min(max(time.Duration(ticks)*Tick, Tick), to-Tick)
	}
	return at
}
