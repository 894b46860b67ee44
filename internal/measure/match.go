package measure

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Pair is an expected change and the one seen for it.
type Pair struct {
	Exp, Seen Change
	Index     int // the expected change's index among those of its kind
}

// Lag is how late the change reached the screen (negative: early).
func (p Pair) Lag() time.Duration { return p.Seen.At.Sub(p.Exp.At) }

// Result is the matching of one kind of change.
type Result struct {
	What      string
	Pairs     []Pair
	Missed    []Change // expected, never seen within the window
	Extra     []Change // seen, never expected
	WrongSecs []Pair   // a phase word seen with other seconds than ceil(length)
}

// Match pairs each expected change of kind what with the first change
// seen after the previous match that shows the same value, from early
// before its instant to late after it.
func Match(what string, exp, seen []Change, early, late time.Duration) Result {
	r := Result{What: what}
	var e, s []Change
	for _, c := range exp {
		if c.What == what {
			e = append(e, c)
		}
	}
	for _, c := range seen {
		if c.What == what {
			s = append(s, c)
		}
	}
	used := make([]bool, len(s))
	cur := 0
	for i, x := range e {
		found := -1
		for j := cur; j < len(s); j++ {
			if s[j].At.After(x.At.Add(late)) {
				break
			}
			if s[j].Value == x.Value && !s[j].At.Before(x.At.Add(-early)) {
				found = j
				break
			}
		}
		if found < 0 {
			r.Missed = append(r.Missed, x)
			continue
		}
		used[found] = true
		cur = found + 1
		p := Pair{Exp: x, Seen: s[found], Index: i}
		r.Pairs = append(r.Pairs, p)
		if what == PhaseWord && x.Secs >= 0 && s[found].Secs >= 0 && x.Secs != s[found].Secs {
			r.WrongSecs = append(r.WrongSecs, p)
		}
	}
	for j, c := range s {
		if !used[j] {
			r.Extra = append(r.Extra, c)
		}
	}
	return r
}

// Lags are the pairs' lags.
func (r Result) Lags() []time.Duration {
	out := make([]time.Duration, len(r.Pairs))
	for i, p := range r.Pairs {
		out[i] = p.Lag()
	}
	return out
}

// LengthErrors compares, for each two phase words seen one after the
// other for two expected one after the other, the time between them on
// screen with the time between them in the trace: screen minus trace.
func (r Result) LengthErrors() []time.Duration {
	var out []time.Duration
	for i := 1; i < len(r.Pairs); i++ {
		a, b := r.Pairs[i-1], r.Pairs[i]
		if b.Index != a.Index+1 {
			continue
		}
		out = append(out, b.Seen.At.Sub(a.Seen.At)-b.Exp.At.Sub(a.Exp.At))
	}
	return out
}

// Stats summarise a distribution of durations.
type Stats struct {
	N                     int
	Median, P95, Max, Min time.Duration
}

// Summarize gives the count, median, 95th percentile (nearest rank), max
// and min; all zero for none.
func Summarize(ds []time.Duration) Stats {
	if len(ds) == 0 {
		return Stats{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	med := s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	rank := int(math.Ceil(0.95*float64(n))) - 1
	return Stats{N: n, Median: med, P95: s[rank], Max: s[n-1], Min: s[0]}
}

// WordLengths are, from the screen alone, how long each phase word stayed:
// from its appearance to the next phase word's, by word. The last word
// seen has no length.
func WordLengths(seen []Change) map[string][]time.Duration {
	out := map[string][]time.Duration{}
	var prev *Change
	for i := range seen {
		c := &seen[i]
		if c.What != PhaseWord {
			continue
		}
		if prev != nil {
			out[prev.Value] = append(out[prev.Value], c.At.Sub(prev.At))
		}
		prev = c
	}
	return out
}

// TraceLengths are the trace's phase lengths as they ran (start to end,
// pauses included), by word; a phase the trace ends within is left out.
func TraceLengths(phases []PhaseSpan) map[string][]time.Duration {
	out := map[string][]time.Duration{}
	for _, p := range phases {
		if !p.Open {
			out[p.Word] = append(out[p.Word], p.End.Sub(p.Start))
		}
	}
	return out
}

// ScheduleErrors lists the phases whose run in the trace (start to end,
// less pauses) differs from their announced length by more than 1 ms,
// leaving out those cut short (skipped, back, stopped, a new segment) or
// changed by a pace change: a schedule that is wrong in itself.
func ScheduleErrors(trace []Event, phases []PhaseSpan) []string {
	endKind := map[time.Time]string{}
	for _, e := range trace {
		if _, ok := endKind[e.At]; !ok || e.Kind != "phase" {
			endKind[e.At] = e.Kind
		}
	}
	var out []string
	for _, p := range phases {
		if p.Open || len(p.Paces) > 0 || endKind[p.End] != "phase" && endKind[p.End] != "finished" {
			continue
		}
		ran := p.End.Sub(p.Start) - p.Paused()
		if d := ran - p.Length; d > time.Millisecond || d < -time.Millisecond {
			out = append(out, fmt.Sprintf("trace line %d: %s announced %v, ran %v", p.Line, p.Word, p.Length, ran))
		}
	}
	return out
}
