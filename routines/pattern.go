package routines

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Phase is one part of a breath.
type Phase int

// The phases of a breath, in the order a pattern lists them. HoldOut is the
// pause after the exhale in a four-part pattern such as box breathing; it is
// shown as "Hold" like the first pause.
const (
	Inhale Phase = iota
	Hold
	Exhale
	HoldOut
)

// String is the phase's word as it appears on screen and in plain output.
func (p Phase) String() string {
	switch p {
	case Inhale:
		return "Inhale"
	case Hold, HoldOut:
		return "Hold"
	case Exhale:
		return "Exhale"
	}
	return fmt.Sprintf("Phase(%d)", int(p))
}

// Bounds on a pattern: anything outside them is refused as a mistake.
const (
	MaxPhase    = 60 * time.Second // one phase longer than this is absurd
	MinCycle    = 2 * time.Second  // a whole breath shorter than this is a gasp
	maxDecimals = 3                // milliseconds
)

// DefaultPattern is the pacing the source articles teach: in for 5 seconds,
// pause 1, out for 3.
var DefaultPattern = Pattern{5 * time.Second, 1 * time.Second, 3 * time.Second, 0}

// Pattern is a breathing rhythm: how long to inhale, hold, exhale and hold
// again. A zero part is skipped.
type Pattern [4]time.Duration

// PhaseSpan is one non-zero phase of a pattern, with its offset in the cycle.
type PhaseSpan struct {
	Phase  Phase
	Start  time.Duration
	Length time.Duration
}

// Spans lists the pattern's non-zero phases in order, with their offsets
// from the start of the breath.
func (p Pattern) Spans() []PhaseSpan {
	spans := make([]PhaseSpan, 0, 4)
	var at time.Duration
	for i, d := range p {
		if d <= 0 {
			continue
		}
		spans = append(spans, PhaseSpan{Phase: Phase(i), Start: at, Length: d})
		at += d
	}
	return spans
}

// Cycle is the length of one whole breath.
func (p Pattern) Cycle() time.Duration {
	return p[0] + p[1] + p[2] + p[3]
}

// IsZero reports whether the pattern is unset.
func (p Pattern) IsZero() bool { return p.Cycle() == 0 }

// Scale returns the pattern with every part multiplied by f, rounded to the
// millisecond.
func (p Pattern) Scale(f float64) Pattern {
	var q Pattern
	for i, d := range p {
		q[i] = time.Duration(math.Round(float64(d)*f/float64(time.Millisecond))) * time.Millisecond
	}
	return q
}

// Round returns the pattern with every part rounded to the nearest whole
// multiple of q (RoundSpan): a part that was not zero stays at least q, so
// 5-0.1-3 keeps a short hold. A pattern already on the grid is unchanged.
func (p Pattern) Round(q time.Duration) Pattern {
	for i, d := range p {
		p[i] = RoundSpan(d, q)
	}
	return p
}

// RoundSpan rounds a span of time to the nearest whole multiple of q
// (halves away from zero), but a span above zero stays at least q: a short
// rest or hold is kept, never dropped. Zero and below, and any span when q
// is not above zero, come back unchanged.
func RoundSpan(d, q time.Duration) time.Duration {
	if d <= 0 || q <= 0 {
		return d
	}
	return max(d.Round(q), q)
}

// String writes the pattern the way it is typed: "5-1-3", "4-4-4-4",
// "4.5-0-6". A trailing zero hold is left off.
func (p Pattern) String() string {
	n := 4
	if p[3] == 0 {
		n = 3
	}
	parts := make([]string, n)
	for i := range n {
		parts[i] = seconds(p[i])
	}
	return strings.Join(parts, "-")
}

// seconds writes d in seconds with up to three decimals, from whole
// milliseconds: d.Seconds() is a float, and 7.56s would print as
// 7.5600000000000005.
func seconds(d time.Duration) string {
	ms := d.Milliseconds()
	s := strconv.FormatInt(ms/1000, 10)
	if f := ms % 1000; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%03d", f), "0")
	}
	return s
}

// ParsePattern reads a pattern such as "5-1-3" (inhale-hold-exhale) or
// "4-4-4-4" (inhale-hold-exhale-hold): 2 to 4 numbers of seconds joined by
// "-", whole or decimal. A two-part pattern is inhale-exhale. The inhale and
// exhale must be above zero; a zero hold is skipped.
func ParsePattern(s string) (Pattern, error) {
	var p Pattern
	const how = `write 2 to 4 numbers of seconds joined by "-", like 5-1-3`
	s = strings.TrimSpace(s)
	if s == "" {
		return p, fmt.Errorf("breathing pattern is empty: %s", how)
	}
	if strings.HasPrefix(s, "-") {
		return p, fmt.Errorf("breathing pattern %q starts with \"-\": seconds cannot be negative; %s", s, how)
	}
	parts := strings.Split(s, "-")
	if len(parts) > 4 {
		return p, fmt.Errorf("breathing pattern %q has %d parts, at most 4: %s", s, len(parts), how)
	}
	var secs [4]float64
	for i, part := range parts {
		v, err := parseSeconds(part)
		if err != nil {
			return p, fmt.Errorf("breathing pattern %q, part %d: %v; %s", s, i+1, err, how)
		}
		secs[i] = v
	}
	if len(parts) < 2 {
		return p, fmt.Errorf("breathing pattern %q needs at least an inhale and an exhale: %s", s, how)
	}
	if len(parts) == 2 { // inhale-exhale
		secs[2], secs[1] = secs[1], 0
	}
	names := [4]string{"inhale", "hold", "exhale", "second hold"}
	for i, v := range secs {
		// Compare in seconds before converting: a number of seconds with
		// ten or more digits overflows a Duration and wraps around.
		if v > MaxPhase.Seconds() {
			return Pattern{}, fmt.Errorf("breathing pattern %q: the %s of %gs is longer than %gs; choose a gentler pattern like 5-1-3", s, names[i], v, MaxPhase.Seconds())
		}
		p[i] = time.Duration(math.Round(v*1000)) * time.Millisecond
	}
	if p[Inhale] == 0 || p[Exhale] == 0 {
		return Pattern{}, fmt.Errorf("breathing pattern %q: the inhale and the exhale must each be above zero; %s", s, how)
	}
	if p.Cycle() < MinCycle {
		return Pattern{}, fmt.Errorf("breathing pattern %q: one breath of %v is too quick to follow (at least %v); %s", s, p.Cycle(), MinCycle, how)
	}
	return p, nil
}

// parseSeconds reads a non-negative decimal number with at most three
// decimals. It refuses signs, exponents, hex, infinities and the like that
// strconv.ParseFloat would accept.
func parseSeconds(s string) (float64, error) {
	if s == "" {
		return 0, fmt.Errorf("a number is missing")
	}
	dot := false
	decimals := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			if dot {
				decimals++
			}
		case c == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return 0, fmt.Errorf("%q is not a number of seconds", s)
		}
	}
	if decimals > maxDecimals {
		return 0, fmt.Errorf("%q is finer than a millisecond", s)
	}
	if len(s) > 12 {
		return 0, fmt.Errorf("%q is far too long", s)
	}
	return strconv.ParseFloat(s, 64)
}
