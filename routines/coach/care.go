package coach

import (
	"fmt"
	"time"

	"github.com/unknot/unknot/routines"
)

// A care plan times one application of ice or heat: a short get-ready
// (wrap the pack in a towel, lie down), then the countdown while it is on.
// The countdown is laid out as two Apply segments, the first half and the
// second, so that the second half's start is the halfway reminder; the
// plan's end is the moment to take it off. Being an ordinary Plan, it is
// followed by an ordinary Coach: pause, resume, stop, the events with
// their instants and NextEvent work as for a session.

// Apply is the kind of the care plan's countdown segments: the ice or heat
// is on. Segment.Rep says which half (1 or 2, of Reps 2).
const Apply Kind = Breathe + 1

// CareOptions tune a care plan.
type CareOptions struct {
	// Ready is the get-ready before the pack goes on. It is never longer
	// than the application itself (a 3-second trial gets 3 seconds).
	Ready time.Duration
}

// DefaultCareOptions give 20 seconds to wrap the pack and settle; the
// person can start sooner (Skip).
var DefaultCareOptions = CareOptions{Ready: 20 * time.Second}

// CarePlan lays out one application of rule's ice or heat lasting length.
// A length that is not positive, or longer than the sources allow
// (rule.Longest), is refused: check -m with routines.CareLength first for
// the person's one-line message. The plan keeps time in whole Ticks: the
// length and the get-ready are rounded to the nearest Tick, and the first
// half is the whole Ticks of half of it.
func CarePlan(rule routines.CareRule, length time.Duration, opt CareOptions) (*Plan, error) {
	if rule.Kind != routines.KindIce && rule.Kind != routines.KindHeat {
		return nil, fmt.Errorf("a care plan is for ice or heat, not %q", rule.Kind)
	}
	if length < routines.ShortestCare || length > rule.Longest.Value {
		return nil, fmt.Errorf("%v of %s: give from %v to %v", length, rule.Kind, routines.ShortestCare, rule.Longest.Value)
	}
	if opt.Ready < 0 {
		return nil, fmt.Errorf("the get-ready cannot be negative")
	}
	// In whole Ticks, so every instant is on the grid: the length and the
	// get-ready to the nearest Tick, the first half the whole Ticks of half.
	length = routines.RoundSpan(length, Tick)
	ready := min(routines.RoundSpan(opt.Ready, Tick), length)
	first := length / Tick / 2 * Tick
	segs := []Segment{
		{Kind: Ready, Start: 0, Length: ready, Routine: -1, Rep: 1, Reps: 2},
		{Kind: Apply, Start: ready, Length: first, Routine: -1, Rep: 1, Reps: 2},
		{Kind: Apply, Start: ready + first, Length: length - first, Routine: -1, Rep: 2, Reps: 2},
	}
	if ready == 0 {
		segs = segs[1:]
	}
	return &Plan{Segments: segs}, nil
}

// CareMoment is a moment of an application a person is told about.
type CareMoment int

// The moments, in the order they come.
const (
	CareNone     CareMoment = iota // nothing to say (a pause, a resume ...)
	CareGetReady                   // wrap the pack, settle: Before
	CareOn                         // put it on now: the countdown begins
	CareHalfway                    // check the skin: Halfway
	CareEnd                        // time is up, take it off: End (the chime, the notification)
)

func (m CareMoment) String() string {
	names := [...]string{"none", "get ready", "on", "halfway", "end"}
	if m >= 0 && int(m) < len(names) {
		return names[m]
	}
	return fmt.Sprintf("CareMoment(%d)", int(m))
}

// MomentOf says which moment of a care plan an event is, CareNone for
// events that are not one (pause, resume, stop: see Event.Kind).
func MomentOf(e Event) CareMoment {
	switch {
	case e.Kind == Finished:
		return CareEnd
	case e.Kind != SegmentStarted:
		return CareNone
	case e.Segment.Kind == Ready:
		return CareGetReady
	case e.Segment.Kind == Apply && e.Segment.Rep == 1:
		return CareOn
	case e.Segment.Kind == Apply:
		return CareHalfway
	}
	return CareNone
}

// CareStatus is what a care screen shows at one instant.
type CareStatus struct {
	Moment   CareMoment    // the latest moment reached: get ready, on, halfway (the second half) or end
	Left     time.Duration // getting ready: until it goes on; after: until it comes off
	On       time.Duration // how long it has been on (what the history records as done)
	Length   time.Duration // the application's planned length
	Progress float64       // 0 to 1 through the application, the get-ready left out
	Paused   bool
	Stopped  bool
	Reason   StopReason
}

// CareAt says where the care plan followed by c stands at instant t.
func (c *Coach) CareAt(t time.Time) CareStatus {
	st := c.At(t)
	p := c.plan
	var ready time.Duration
	if len(p.Segments) > 0 && p.Segments[0].Kind == Ready {
		ready = p.Segments[0].Length
	}
	length := p.Total() - ready
	cs := CareStatus{Length: length, Paused: st.Paused, Stopped: st.Stopped, Reason: st.Reason}
	switch {
	case st.Finished:
		cs.Moment = CareEnd
	case st.Segment.Kind == Ready:
		cs.Moment = CareGetReady
	case st.Segment.Rep == 1:
		cs.Moment = CareOn
	default:
		cs.Moment = CareHalfway
	}
	if cs.Moment == CareGetReady {
		cs.Left = st.SegmentLeft
		return cs
	}
	cs.On = st.Offset - ready
	cs.Left = length - cs.On
	if length > 0 {
		cs.Progress = float64(cs.On) / float64(length)
	}
	return cs
}

// CareWords are what a care screen or the plain front end says at moment m
// of an application of rule lasting length: the same words everywhere.
func CareWords(rule routines.CareRule, m CareMoment, length time.Duration) []string {
	switch m {
	case CareGetReady:
		out := []string{fmt.Sprintf("%s for %s. Get ready:", rule.Title, careSpoken(length))}
		return append(out, rule.Before...)
	case CareOn:
		return []string{rule.On}
	case CareHalfway:
		return []string{rule.Halfway}
	case CareEnd:
		return []string{rule.End}
	}
	return nil
}

// spoken says a length as a person says it: "15 minutes", "1 minute",
// "2 minutes 30 seconds", "3 seconds".
func careSpoken(d time.Duration) string {
	d = d.Round(time.Second)
	m, sec := int(d/time.Minute), int(d%time.Minute/time.Second)
	unit := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case m == 0:
		return unit(sec, "second")
	case sec == 0:
		return unit(m, "minute")
	}
	return unit(m, "minute") + " " + unit(sec, "second")
}
