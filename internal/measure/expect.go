package measure

import (
	"slices"
	"strconv"
	"time"
)

// The kinds of visible change measured.
const (
	PhaseWord = "phase word"       // Inhale, Hold, Exhale appears
	Countdown = "countdown second" // the seconds beside the word tick down
)

// Change is one visible change: expected (from the trace) or seen (on the
// emulated screen).
type Change struct {
	At    time.Time
	What  string // PhaseWord or Countdown
	Value string // "Inhale" for a phase word; "Inhale 4" for a countdown second
	Secs  int    // a phase word's seconds beside it: expected ceil(length), or seen; -1 when none
	Line  int    // the trace line an expected change comes from
}

// Pause is a stretch of time the coach was paused.
type Pause struct{ From, To time.Time }

// PhaseSpan is one breathing phase of a trace.
type PhaseSpan struct {
	Word       string
	Start, End time.Time
	Length     time.Duration // as the trace announced it
	Pauses     []Pause       // within [Start, End)
	Paces      []time.Time   // pace changes within (Start, End)
	Open       bool          // the trace ends within the phase: End is Start+Length+paused
	Line       int
}

// Paused is the time paused within the phase.
func (p PhaseSpan) Paused() time.Duration {
	var d time.Duration
	for _, q := range p.Pauses {
		d += q.To.Sub(q.From)
	}
	return d
}

// ends says whether an event ends the breathing phase before it.
func ends(kind string) bool {
	switch kind {
	case "phase", "segment", "skipped", "back", "stopped", "finished":
		return true
	}
	return false
}

// Phases reads the breathing phases out of a trace (sorted by instant
// first; see Backwards for a trace that needed it): each phase runs from
// its event to the next event that ends it, with the pauses and pace
// changes within it.
func Phases(trace []Event) []PhaseSpan {
	evs := slices.Clone(trace)
	slices.SortStableFunc(evs, func(a, b Event) int { return a.At.Compare(b.At) })
	var out []PhaseSpan
	for i, e := range evs {
		if e.Kind != "phase" {
			continue
		}
		p := PhaseSpan{Word: e.Fields["phase"], Start: e.At, Length: e.Length(), Line: e.Line, Open: true}
		var pausedAt time.Time
		for _, f := range evs[i+1:] {
			if ends(f.Kind) {
				p.End, p.Open = f.At, false
				break
			}
			switch f.Kind {
			case "paused":
				if pausedAt.IsZero() {
					pausedAt = f.At
				}
			case "resumed":
				if !pausedAt.IsZero() {
					p.Pauses = append(p.Pauses, Pause{pausedAt, f.At})
					pausedAt = time.Time{}
				}
			case "pace":
				p.Paces = append(p.Paces, f.At)
			}
		}
		if p.Open {
			p.End = p.Start.Add(p.Length + p.Paused())
			if !pausedAt.IsZero() { // paused when the trace ends: no end known
				p.End = time.Time{}
			}
		} else if !pausedAt.IsZero() {
			p.Pauses = append(p.Pauses, Pause{pausedAt, p.End})
		}
		out = append(out, p)
	}
	return out
}

// ceilSeconds is d in whole seconds rounded up, as a countdown shows it.
func ceilSeconds(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + time.Second - 1) / time.Second)
}

// Expect lists what the screen should show and when: each phase's word at
// its start (with ceil(length) seconds beside it) and, when countdown is
// set, each whole second the countdown ticks down to before the phase's
// end. While paused nothing is due and the rest of the phase moves later
// by the pause. After a pace change the phase's end is the next event's
// instant; between two pace changes in one phase the seconds are not
// expected (the trace does not say them).
func Expect(phases []PhaseSpan, countdown bool) []Change {
	var out []Change
	for i, p := range phases {
		contiguous := i > 0 && phases[i-1].End.Equal(p.Start) && !phases[i-1].Open
		if !(contiguous && phases[i-1].Word == p.Word) { // the same word again shows no change
			out = append(out, Change{At: p.Start, What: PhaseWord, Value: p.Word, Secs: ceilSeconds(p.Length), Line: p.Line})
		}
		if countdown && !p.End.IsZero() {
			out = append(out, ticks(p)...)
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int { return a.At.Compare(b.At) })
	return out
}

// ticks are the countdown's whole seconds within one phase.
func ticks(p PhaseSpan) []Change {
	var out []Change
	tick := func(at time.Time, k int) {
		out = append(out, Change{At: at, What: Countdown, Value: p.Word + " " + strconv.Itoa(k), Secs: k, Line: p.Line})
	}
	// Before any pace change: k seconds are left once Length-k of active
	// (unpaused) time has gone since the start.
	until := p.End
	if len(p.Paces) > 0 {
		until = p.Paces[0]
	}
	activeFromStart := func(x time.Duration) time.Time {
		t := p.Start.Add(x)
		for _, q := range p.Pauses {
			if q.From.Before(t) {
				t = t.Add(q.To.Sub(q.From))
			}
		}
		return t
	}
	for k := ceilSeconds(p.Length) - 1; k >= 1; k-- {
		if t := activeFromStart(p.Length - time.Duration(k)*time.Second); t.Before(until) {
			tick(t, k)
		}
	}
	if len(p.Paces) == 0 {
		return out
	}
	// After the last pace change: k seconds are left when k of active
	// time remain before the end.
	last := p.Paces[len(p.Paces)-1]
	activeToEnd := func(k time.Duration) time.Time {
		t := p.End.Add(-k)
		for j := len(p.Pauses) - 1; j >= 0; j-- {
			if q := p.Pauses[j]; q.To.After(t) {
				t = t.Add(-q.To.Sub(q.From))
			}
		}
		return t
	}
	left := func(t time.Time) time.Duration { // active time from t to the end
		d := p.End.Sub(t)
		for _, q := range p.Pauses {
			if !q.From.Before(t) {
				d -= q.To.Sub(q.From)
			}
		}
		return d
	}
	if len(p.Paces) == 1 { // the value just before is known: it jumps at the change
		elapsed := last.Sub(p.Start)
		for _, q := range p.Pauses {
			if q.To.Before(last) || q.To.Equal(last) {
				elapsed -= q.To.Sub(q.From)
			}
		}
		if before, after := ceilSeconds(p.Length-elapsed), ceilSeconds(left(last)); before != after && after >= 1 {
			tick(last, after)
		}
	}
	for k := 1; ; k++ {
		t := activeToEnd(time.Duration(k) * time.Second)
		if !t.After(last) {
			break
		}
		tick(t, k)
	}
	return out
}
