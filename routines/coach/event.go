package coach

import (
	"fmt"
	"sort"
	"time"

	"github.com/unknot/unknot/routines"
)

// EventKind says what happened.
type EventKind int

// Scheduled events come from the plan as time passes; control events come
// from the person (pause, skip ...) at the instant they act.
const (
	SegmentStarted EventKind = iota // a Ready, Stretch, Move, Rest, Switch or Breathe segment begins
	SideSwitched                    // a Stretch begins on the other side than the one before it
	PhaseChanged                    // a breathing phase begins
	BreathDone                      // a whole breath is complete (breathing alone)
	RepDone                         // a Stretch was held (or a Move done) to its end
	RoutineDone                     // the last segment of a routine ended
	Finished                        // the plan ended

	Paused
	Resumed
	Skipped     // jumped forward to the next segment
	WentBack    // jumped back to the start of this or the previous segment
	PaceChanged // the breathing pattern was scaled
	Stopped     // ended early, with a reason
)

func (k EventKind) String() string {
	names := [...]string{"segment started", "side switched", "phase changed", "breath done", "rep done",
		"routine done", "finished", "paused", "resumed", "skipped", "went back", "pace changed", "stopped"}
	if int(k) < len(names) {
		return names[k]
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// StopReason says why a plan was stopped early.
type StopReason int

// The reasons to stop.
const (
	NotStopped StopReason = iota
	Quit                  // the person chose to end it
	Pain                  // "stop, it hurts"
	Interrupt             // a signal or a lost terminal ended the run
)

func (r StopReason) String() string {
	names := [...]string{"not stopped", "quit", "pain", "interrupt"}
	if r >= 0 && int(r) < len(names) {
		return names[r]
	}
	return fmt.Sprintf("StopReason(%d)", int(r))
}

// Event is something that happened, with the instant it was scheduled for
// (for control events, the instant the person acted).
type Event struct {
	Kind    EventKind
	At      time.Time     // the real instant
	Offset  time.Duration // the plan offset
	Index   int           // the segment it belongs to
	Segment Segment

	Phase       routines.Phase // PhaseChanged: the phase that begins
	PhaseLength time.Duration  // PhaseChanged: how long it lasts
	Breath      int            // PhaseChanged, BreathDone: the breath's number, from 1
	Reason      StopReason     // Stopped
	Pace        float64        // PaceChanged: the new pace, 1 the plan's own
}

// order ranks events that share an offset: what ends comes before what
// begins, and the plan's end comes last.
func (k EventKind) order() int {
	switch k {
	case BreathDone, RepDone:
		return 0
	case RoutineDone:
		return 1
	case SegmentStarted:
		return 2
	case SideSwitched:
		return 3
	case PhaseChanged:
		return 4
	case Finished:
		return 5
	}
	return 6
}

// scheduled lists the plan's events with offsets in the window from..to:
// (from, to], or [from, to] when inclusive. A window of an open plan must
// be bounded by the caller.
func (p *Plan) scheduled(from, to time.Duration, inclusive bool) []Event {
	if to < from || len(p.Segments) == 0 {
		return nil
	}
	in := func(off time.Duration) bool {
		if inclusive && off == from {
			return true
		}
		return off > from && off <= to
	}
	var evs []Event
	emit := func(e Event) {
		if in(e.Offset) {
			evs = append(evs, e)
		}
	}
	first := p.segmentAt(from)
	if first > 0 && p.Segments[first].Start == from {
		first-- // its end events sit at from
	}
	last := p.segmentAt(to)
	for i := first; i <= last; i++ {
		s := p.Segments[i]
		emit(Event{Kind: SegmentStarted, Offset: s.Start, Index: i, Segment: s})
		if s.Kind == Stretch {
			if prev, ok := p.previousStretch(i); ok && prev.Side != s.Side {
				emit(Event{Kind: SideSwitched, Offset: s.Start, Index: i, Segment: s})
			}
		}
		if s.Breathing() {
			evs = append(evs, p.breathEvents(i, from, to, in)...)
		}
		if s.Kind == Stretch || s.Kind == Move {
			emit(Event{Kind: RepDone, Offset: s.End(), Index: i, Segment: s})
		}
		if s.Routine >= 0 && (i == len(p.Segments)-1 || p.Segments[i+1].Routine != s.Routine) {
			emit(Event{Kind: RoutineDone, Offset: s.End(), Index: i, Segment: s})
		}
		if i == len(p.Segments)-1 && !p.Open {
			emit(Event{Kind: Finished, Offset: s.End(), Index: i, Segment: s})
		}
	}
	sort.SliceStable(evs, func(a, b int) bool {
		if evs[a].Offset != evs[b].Offset {
			return evs[a].Offset < evs[b].Offset
		}
		return evs[a].Kind.order() < evs[b].Kind.order()
	})
	return evs
}

// breathEvents lists the phase changes (and, for breathing alone, the
// completed breaths) of segment i that fall in the window.
func (p *Plan) breathEvents(i int, from, to time.Duration, in func(time.Duration) bool) []Event {
	s := p.Segments[i]
	cycle := s.Pattern.Cycle()
	spans := s.Pattern.Spans()
	// u is time inside the pattern: u = off - start + s.Lead, where the
	// paced breathing starts after the settle.
	start, length := s.breathStart(), s.Length-s.Settle
	uFrom := max(from-start+s.Lead, s.Lead)
	uTo := min(to-start+s.Lead, s.Lead+length)
	var evs []Event
	for k := uFrom / cycle; k*cycle <= uTo; k++ {
		base := k * cycle
		if s.Kind == Breathe && k > 0 && base > s.Lead {
			off := start + base - s.Lead
			if in(off) {
				evs = append(evs, Event{Kind: BreathDone, Offset: off, Index: i, Segment: s, Breath: s.BreathsBefore + int(k)})
			}
		}
		for _, sp := range spans {
			u := base + sp.Start
			if u < s.Lead || u >= s.Lead+length {
				continue
			}
			off := start + u - s.Lead
			if in(off) {
				evs = append(evs, Event{Kind: PhaseChanged, Offset: off, Index: i, Segment: s,
					Phase: sp.Phase, PhaseLength: sp.Length, Breath: s.BreathsBefore + int(k) + 1})
			}
		}
	}
	return evs
}

// previousStretch finds the Stretch before segment i in the same routine.
func (p *Plan) previousStretch(i int) (Segment, bool) {
	r := p.Segments[i].Routine
	for j := i - 1; j >= 0 && p.Segments[j].Routine == r; j-- {
		if p.Segments[j].Kind == Stretch {
			return p.Segments[j], true
		}
	}
	return Segment{}, false
}
