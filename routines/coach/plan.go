package coach

import (
	"fmt"
	"math"
	"time"

	"github.com/unknot/unknot/routines"
)

// Kind is what a segment of the plan asks of the person.
type Kind int

// The kinds of segment.
const (
	Ready   Kind = iota // get into position for a routine
	Stretch             // hold a rep, breathing with the pattern
	Rest                // relax between reps
	Switch              // change to the other side
	Breathe             // breathe with the pattern, nothing else
)

func (k Kind) String() string {
	switch k {
	case Ready:
		return "Get ready"
	case Stretch:
		return "Hold"
	case Rest:
		return "Rest"
	case Switch:
		return "Switch sides"
	case Breathe:
		return "Breathe"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Segment is one stretch of the timeline.
type Segment struct {
	Kind   Kind
	Start  time.Duration // offset from the start of the plan
	Length time.Duration // for the open last segment of an endless plan: Forever

	Routine int              // index into Plan.Routines; -1 for breathing alone
	Rep     int              // Stretch: the rep being held (1-based, counted per side); Rest, Switch: the next rep
	Reps    int              // reps per side
	Side    routines.Side    // Stretch: the side held; Rest, Switch, Ready: the side that comes next
	Pattern routines.Pattern // breathing during Stretch and Breathe

	// For Breathe segments: how many breaths were completed before this
	// segment began, and how far into a breath the segment starts (a pace
	// change keeps the person where they were in their breath).
	BreathsBefore int
	Lead          time.Duration
}

// End is the offset at which the segment ends.
func (s Segment) End() time.Duration { return s.Start + s.Length }

// Breathing reports whether the segment is paced by a breathing pattern.
func (s Segment) Breathing() bool {
	return (s.Kind == Stretch || s.Kind == Breathe) && !s.Pattern.IsZero()
}

// Forever is the length of the last segment of a plan with no end: long
// enough for anyone, short enough that offsets never overflow.
const Forever = 10000 * time.Hour

// Plan is the timeline of a session or a breathing exercise.
type Plan struct {
	Routines []routines.Routine
	Segments []Segment
	Open     bool // breathing with no set end: it runs until stopped
}

// Total is the plan's length; Forever for an open plan.
func (p *Plan) Total() time.Duration {
	if len(p.Segments) == 0 {
		return 0
	}
	return p.Segments[len(p.Segments)-1].End()
}

// Options tune how long the moments between holds last.
type Options struct {
	Ready  time.Duration // before each routine: read its setup, get into position
	Switch time.Duration // between the last rep on one side and the first on the other
}

// DefaultOptions are the pauses a session uses unless told otherwise.
var DefaultOptions = Options{Ready: 8 * time.Second, Switch: 5 * time.Second}

// SessionPlan lays out a guided session: for each routine a Ready
// segment, then every rep as a Stretch, with a Rest between reps and a
// Switch where the side changes (unless the routine alternates, when the
// Rest between reps is where the side changes).
func SessionPlan(rs []routines.Routine, opt Options) (*Plan, error) {
	if len(rs) == 0 {
		return nil, fmt.Errorf("a session needs at least one routine")
	}
	p := &Plan{Routines: rs}
	var at time.Duration
	add := func(s Segment) {
		if s.Length <= 0 {
			return
		}
		s.Start = at
		at += s.Length
		p.Segments = append(p.Segments, s)
	}
	for ri, r := range rs {
		if r.Reps < 1 || r.HoldDuration() <= 0 {
			return nil, fmt.Errorf("routine %q has no reps or no hold", r.Name)
		}
		order := r.SideOrder()
		add(Segment{Kind: Ready, Length: opt.Ready, Routine: ri, Rep: 1, Reps: r.Reps, Side: order[0]})
		count := map[routines.Side]int{}
		for k, side := range order {
			count[side]++
			add(Segment{Kind: Stretch, Length: r.HoldDuration(), Routine: ri, Rep: count[side], Reps: r.Reps, Side: side, Pattern: r.Pattern})
			if k == len(order)-1 {
				break
			}
			next := order[k+1]
			nextRep := count[next] + 1
			if next != side && !r.Alternate {
				add(Segment{Kind: Switch, Length: max(opt.Switch, r.Rest), Routine: ri, Rep: nextRep, Reps: r.Reps, Side: next})
			} else {
				add(Segment{Kind: Rest, Length: r.Rest, Routine: ri, Rep: nextRep, Reps: r.Reps, Side: next})
			}
		}
	}
	return p, nil
}

// BreathePlan lays out breathing alone with pattern: a set number of
// breaths, or as many whole breaths as fill d (rounded up, so it always
// ends after an exhale), or, when both are zero, no end at all.
func BreathePlan(pattern routines.Pattern, breaths int, d time.Duration) (*Plan, error) {
	cycle := pattern.Cycle()
	if cycle <= 0 {
		return nil, fmt.Errorf("breathing pattern is empty")
	}
	if breaths < 0 || d < 0 {
		return nil, fmt.Errorf("the number of breaths and the minutes cannot be negative")
	}
	if d > Forever {
		return nil, fmt.Errorf("%v of breathing is longer than anyone can breathe; ask for at most %v", d, Forever)
	}
	if most := int(Forever / cycle); breaths > most {
		return nil, fmt.Errorf("%d breaths is more than anyone can take; ask for at most %d", breaths, most)
	}
	if breaths == 0 && d > 0 {
		breaths = int(math.Ceil(float64(d) / float64(cycle)))
	}
	p := &Plan{Routines: nil}
	seg := Segment{Kind: Breathe, Routine: -1, Pattern: pattern}
	if breaths == 0 {
		p.Open = true
		seg.Length = Forever
	} else {
		seg.Length = time.Duration(breaths) * cycle
	}
	p.Segments = []Segment{seg}
	return p, nil
}

// segmentAt is the index of the segment holding offset off: the last one
// starting at or before it. Past the end it is the last segment.
func (p *Plan) segmentAt(off time.Duration) int {
	lo, hi := 0, len(p.Segments)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if p.Segments[mid].Start <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
