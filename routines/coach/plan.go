package coach

import (
	"fmt"
	"math"
	"slices"
	"strings"
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

// Move is one rep of a rep-only routine: a paced movement, no hold, no
// pattern to follow. (Apply, the care plan's kind, comes before it.)
const Move Kind = Apply + 1

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
	case Move:
		return "Move"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Segment is one stretch of the timeline.
type Segment struct {
	Kind   Kind
	Start  time.Duration // offset from the start of the plan
	Length time.Duration // for the open last segment of an endless plan: Forever

	Routine   int              // index into Plan.Routines; -1 for breathing alone
	Rep       int              // Stretch, Move: the rep (1-based, counted per side and direction); Rest, Switch: the next rep
	Reps      int              // reps per side (per direction)
	Side      routines.Side    // Stretch, Move: the side; Rest, Switch, Ready: the side that comes next
	Direction string           // Move: the direction ("forward"); Rest, Switch, Ready: the one that comes next
	Pattern   routines.Pattern // breathing during Stretch and Breathe

	// Settle is, for a Stretch, the time at the start of the hold before
	// the first paced breath: easing into the stretch, breathing freely.
	// The breaths after it fill the hold, so it ends as an exhale ends
	// (routines.HoldPacing).
	Settle time.Duration

	// For Ready segments: the position of the routine before (AnyPosition
	// at the start of the session) and of this one. When they differ the
	// get-ready is the longer, guided one (Transition).
	From, To routines.Position

	// For Breathe segments: how many breaths were completed before this
	// segment began, and how far into a breath the segment starts (a pace
	// change keeps the person where they were in their breath).
	BreathsBefore int
	Lead          time.Duration
}

// End is the offset at which the segment ends.
func (s Segment) End() time.Duration { return s.Start + s.Length }

// Breathing reports whether the segment is paced by a breathing pattern.
// A Stretch whose hold is shorter than one breath is all settle: not paced.
func (s Segment) Breathing() bool {
	return (s.Kind == Stretch || s.Kind == Breathe) && !s.Pattern.IsZero() && s.Length > s.Settle
}

// breathStart is the offset at which the segment's paced breathing begins:
// after the settle.
func (s Segment) breathStart() time.Duration { return s.Start + s.Settle }

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

// ChangesPosition reports whether a Ready segment asks the person to get
// up or down (or into a position not known): its get-ready is the longer,
// guided one.
func (s Segment) ChangesPosition() bool {
	return s.Kind == Ready && routines.ChangesPosition(s.From, s.To)
}

// Transition is what a Ready segment says about moving to the routine's
// position, a line at a time: slowly, rolling to the side first, pressing
// on a muscle that tightens (routines.Transition). It is nil when the
// position stays the same, and for every other kind of segment.
func (s Segment) Transition() []string {
	if s.Kind != Ready {
		return nil
	}
	return routines.Transition(s.From, s.To)
}

// Words is what the screen shows beside segment s of routine r: the setup
// while getting ready, the cues during a hold or a move, with the side and
// direction filled in ("Draw your left knee ..."). Rest and Switch show
// the setup of what comes next (its side and direction).
func (s Segment) Words(r routines.Routine) []string {
	switch s.Kind {
	case Stretch, Move:
		return r.CuesFor(s.Side, s.Direction)
	case Ready:
		return r.SetupFor(s.Side, s.Direction)
	}
	return nil
}

// RepText counts segment s of routine r aloud, the way the screens and the
// plain front end say it: "rep 3 of 5, left side", "roll 3 of 10,
// forward", "next: roll 1 of 10, back". It is "" for Ready and Breathe.
func (s Segment) RepText(r routines.Routine) string {
	var b strings.Builder
	switch s.Kind {
	case Stretch, Move:
	case Rest, Switch:
		b.WriteString("next: ")
	default:
		return ""
	}
	fmt.Fprintf(&b, "%s %d of %d", r.Rep(), s.Rep, s.Reps)
	if s.Side != routines.NoSide {
		b.WriteString(", " + s.Side.Label())
	}
	if s.Direction != "" {
		b.WriteString(", " + s.Direction)
	}
	return b.String()
}

// Options tune how long the moments between holds last.
type Options struct {
	Ready      time.Duration // before a routine in the same position as the one before: read its setup
	Transition time.Duration // before a routine in another position: get up or down slowly (0: Ready)
	Switch     time.Duration // between the last rep on one side (or direction) and the first on the other
}

// DefaultOptions are the pauses a session uses unless told otherwise. A
// change of position gets 30 s: rolling to the side and getting up or down
// slowly, as seeds 000 and 003 ask, takes time, and space pauses it.
var DefaultOptions = Options{Ready: 8 * time.Second, Transition: 30 * time.Second, Switch: 5 * time.Second}

// readyLength is how long the get-ready before a routine lasts.
func (o Options) readyLength(from, to routines.Position) time.Duration {
	if routines.ChangesPosition(from, to) && o.Transition > 0 {
		return o.Transition
	}
	return o.Ready
}

// SessionPlan lays out a guided session: for each routine a Ready segment
// (the longer Transition when the position changes), then every rep as a
// Stretch (a Move for a rep-only routine), with a Rest between reps and a
// Switch where the side or direction changes (unless the routine
// alternates, when the Rest between reps is where the side changes). Each
// Stretch settles first and then breathes whole breaths, so it ends as an
// exhale ends (routines.HoldPacing). Every length is in whole Ticks: the
// routines are taken OnGrid (Plan.Routines holds them so), and opt's
// lengths are rounded to the nearest Tick (at least one when not zero).
func SessionPlan(rs []routines.Routine, opt Options) (*Plan, error) {
	if len(rs) == 0 {
		return nil, fmt.Errorf("a session needs at least one routine")
	}
	// Every length in whole Ticks, so every instant of the plan is on the
	// grid; a routine already on it is unchanged.
	rs = slices.Clone(rs)
	for i := range rs {
		rs[i] = OnGrid(rs[i])
	}
	opt = opt.onGrid()
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
	from := routines.AnyPosition
	for ri, r := range rs {
		if r.Reps < 1 || r.HoldDuration() <= 0 {
			return nil, fmt.Errorf("routine %q has no reps or no hold", r.Name)
		}
		order := r.Order()
		kind := Stretch
		if r.RepOnly() {
			kind = Move
		}
		settle, _ := r.Pacing()
		add(Segment{Kind: Ready, Length: opt.readyLength(from, r.Position), Routine: ri, Rep: 1, Reps: r.Reps,
			Side: order[0].Side, Direction: order[0].Direction, From: from, To: r.Position})
		from = r.Position
		for k, turn := range order {
			add(Segment{Kind: kind, Length: r.HoldDuration(), Routine: ri, Rep: turn.Rep, Reps: r.Reps,
				Side: turn.Side, Direction: turn.Direction, Pattern: r.Pattern, Settle: settle})
			if k == len(order)-1 {
				break
			}
			next := order[k+1]
			between := Segment{Kind: Rest, Length: r.Rest, Routine: ri, Rep: next.Rep, Reps: r.Reps, Side: next.Side, Direction: next.Direction}
			if (next.Side != turn.Side && !r.Alternate) || next.Direction != turn.Direction {
				between.Kind, between.Length = Switch, max(opt.Switch, r.Rest)
			}
			add(between)
		}
	}
	return p, nil
}

// BreathePlan lays out breathing alone with pattern: a set number of
// breaths, or as many whole breaths as fill d (rounded up, so it always
// ends after an exhale), or, when both are zero, no end at all. The
// pattern breathed is pattern rounded to the nearest Tick, a part that was
// not zero kept at least one Tick (routines.Pattern.Round): the segment's
// Pattern says it. A pattern already on the grid is unchanged.
func BreathePlan(pattern routines.Pattern, breaths int, d time.Duration) (*Plan, error) {
	pattern = pattern.Round(Tick)
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
