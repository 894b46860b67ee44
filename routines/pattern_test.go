package routines

import (
	"strings"
	"testing"
	"time"
)

const s = time.Second
const ms = time.Millisecond

func TestParsePatternAcceptsAndWritesBack(t *testing.T) {
	tests := []struct {
		in   string
		want Pattern
		str  string // what String writes back
	}{
		{"5-1-3", Pattern{5 * s, 1 * s, 3 * s, 0}, "5-1-3"},
		{"4-7-8", Pattern{4 * s, 7 * s, 8 * s, 0}, "4-7-8"},
		{"4-4-4-4", Pattern{4 * s, 4 * s, 4 * s, 4 * s}, "4-4-4-4"},
		{"4.5-0-6", Pattern{4500 * ms, 0, 6 * s, 0}, "4.5-0-6"},
		{"4-6", Pattern{4 * s, 0, 6 * s, 0}, "4-0-6"}, // two parts: inhale-exhale
		{"  5-1-3\n", Pattern{5 * s, 1 * s, 3 * s, 0}, "5-1-3"},
		{"1-1", Pattern{1 * s, 0, 1 * s, 0}, "1-0-1"}, // exactly the shortest breath
		{"60-60-60-60", Pattern{60 * s, 60 * s, 60 * s, 60 * s}, "60-60-60-60"},
		{"0.001-0-1.999", Pattern{1 * ms, 0, 1999 * ms, 0}, "0.001-0-1.999"},
		{"05-1.500-3", Pattern{5 * s, 1500 * ms, 3 * s, 0}, "5-1.5-3"},
		{"4-4-4-0", Pattern{4 * s, 4 * s, 4 * s, 0}, "4-4-4"},
		{"59.999-0-0.001", Pattern{59999 * ms, 0, 1 * ms, 0}, "59.999-0-0.001"},
		// Found by FuzzParsePattern: 7.56s.Seconds() is 7.5600000000000005.
		{"7.56-1", Pattern{7560 * ms, 0, 1 * s, 0}, "7.56-0-1"},
		{"0.3-1.7-4.35", Pattern{300 * ms, 1700 * ms, 4350 * ms, 0}, "0.3-1.7-4.35"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePattern(tt.in)
			if err != nil {
				t.Fatalf("ParsePattern(%q): %v", tt.in, err)
			}
			if p != tt.want {
				t.Errorf("ParsePattern(%q) = %v, want %v", tt.in, [4]time.Duration(p), [4]time.Duration(tt.want))
			}
			if got := p.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			back, err := ParsePattern(p.String())
			if err != nil || back != p {
				t.Errorf("ParsePattern(String()) = %v, %v; want %v", back, err, p)
			}
		})
	}
}

func TestParsePatternRefusesWithAClearMessage(t *testing.T) {
	tests := []struct {
		in   string
		want []string // every one must appear in the message
	}{
		{"", []string{"empty", "like 5-1-3"}},
		{"   ", []string{"empty"}},
		{"0-0-0", []string{`"0-0-0"`, "inhale and the exhale must each be above zero"}},
		{"0-1-3", []string{"inhale and the exhale must each be above zero"}},
		{"5-1-0", []string{"inhale and the exhale must each be above zero"}},
		{"5-", []string{`"5-"`, "part 2", "a number is missing"}},
		{"5--3", []string{"part 2", "a number is missing"}},
		{"5-1-3-", []string{"part 4", "a number is missing"}},
		{"abc", []string{`"abc"`, "part 1", "not a number of seconds"}},
		{"5", []string{"needs at least an inhale and an exhale"}},
		{"-3-1-3", []string{`starts with "-"`, "cannot be negative"}},
		{"99999-1-1", []string{"inhale of 99999s is longer than 60s"}},
		{"5-61-3", []string{"hold of 61s is longer than 60s"}},
		{"5-1-60.001", []string{"exhale of 60.001s is longer than 60s"}},
		{"4-4-4-61", []string{"second hold of 61s is longer than 60s"}},
		{"1-0.5", []string{`"1-0.5"`, "one breath of 1.5s is too quick", "at least 2s"}},
		{"0.5-0.5-0.5-0.4", []string{"one breath of 1.9s is too quick"}},
		{"5.0001-1-3", []string{`"5.0001"`, "finer than a millisecond"}},
		{"4-4-4-4-4", []string{"has 5 parts, at most 4"}},
		{"5.-1-3", []string{`"5."`, "not a number of seconds"}},
		{".5-1-3", []string{`".5"`, "not a number of seconds"}},
		{"5-1.2.3-3", []string{"not a number of seconds"}},
		{"5 - 1 - 3", []string{"not a number of seconds"}},
		{"1e1-1-3", []string{`"1e1"`, "not a number of seconds"}},
		{"0x5-1-3", []string{"not a number of seconds"}},
		{"+5-1-3", []string{"not a number of seconds"}},
		{"Inf-1-3", []string{"not a number of seconds"}},
		{"5,5-1-3", []string{"not a number of seconds"}},
		{"٥-1-3", []string{"not a number of seconds"}}, // an Arabic-Indic digit
		{"0000000000005-1-3", []string{"far too long"}},
		// Numbers big enough to overflow a time.Duration when turned into
		// nanoseconds must still be refused as too long, not wrap around.
		{"9999999999-1-3", []string{"inhale of 9.999999999e+09s is longer than 60s"}},
		{"5-1-999999999999", []string{"exhale of 9.99999999999e+11s is longer than 60s"}},
		{"571849066285-0-2", []string{"inhale of 5.71849066285e+11s is longer than 60s"}}, // wrapped to 3.899904ms, and was accepted
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePattern(tt.in)
			if err == nil {
				t.Fatalf("ParsePattern(%q) = %v, want an error", tt.in, [4]time.Duration(p))
			}
			if p != (Pattern{}) {
				t.Errorf("ParsePattern(%q) returned %v beside its error, want the zero pattern", tt.in, [4]time.Duration(p))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("ParsePattern(%q) error %q does not say %q", tt.in, err, w)
				}
			}
		})
	}
}

func TestPatternSpansSkipZeroPartsAndCycleAddsUp(t *testing.T) {
	tests := []struct {
		p     Pattern
		spans []PhaseSpan
		cycle time.Duration
	}{
		{DefaultPattern, []PhaseSpan{{Inhale, 0, 5 * s}, {Hold, 5 * s, 1 * s}, {Exhale, 6 * s, 3 * s}}, 9 * s},
		{Pattern{4500 * ms, 0, 6 * s, 0}, []PhaseSpan{{Inhale, 0, 4500 * ms}, {Exhale, 4500 * ms, 6 * s}}, 10500 * ms},
		{Pattern{4 * s, 4 * s, 4 * s, 4 * s}, []PhaseSpan{{Inhale, 0, 4 * s}, {Hold, 4 * s, 4 * s}, {Exhale, 8 * s, 4 * s}, {HoldOut, 12 * s, 4 * s}}, 16 * s},
	}
	for _, tt := range tests {
		t.Run(tt.p.String(), func(t *testing.T) {
			got := tt.p.Spans()
			if len(got) != len(tt.spans) {
				t.Fatalf("Spans() = %v, want %v", got, tt.spans)
			}
			for i := range got {
				if got[i] != tt.spans[i] {
					t.Errorf("span %d = %+v, want %+v", i, got[i], tt.spans[i])
				}
			}
			if c := tt.p.Cycle(); c != tt.cycle {
				t.Errorf("Cycle() = %v, want %v", c, tt.cycle)
			}
		})
	}
}

func TestPatternScaleRoundsToTheMillisecond(t *testing.T) {
	tests := []struct {
		f    float64
		want Pattern
	}{
		{1, DefaultPattern},
		{2, Pattern{10 * s, 2 * s, 6 * s, 0}},
		{0.5, Pattern{2500 * ms, 500 * ms, 1500 * ms, 0}},
		{1.1, Pattern{5500 * ms, 1100 * ms, 3300 * ms, 0}},
		{1.0 / 3, Pattern{1667 * ms, 333 * ms, 1 * s, 0}},
	}
	for _, tt := range tests {
		if got := DefaultPattern.Scale(tt.f); got != tt.want {
			t.Errorf("Scale(%v) = %v, want %v", tt.f, [4]time.Duration(got), [4]time.Duration(tt.want))
		}
	}
}

func TestPhaseNamesAreTheOnesOnScreen(t *testing.T) {
	want := map[Phase]string{Inhale: "Inhale", Hold: "Hold", Exhale: "Exhale", HoldOut: "Hold", Phase(7): "Phase(7)"}
	for p, w := range want {
		if got := p.String(); got != w {
			t.Errorf("Phase(%d).String() = %q, want %q", int(p), got, w)
		}
	}
}

func TestPatternRoundGoesToTheNearestStepAndKeepsShortParts(t *testing.T) {
	const q = 250 * ms
	tests := []struct {
		in, want string
	}{
		{"5-1-3", "5-1-3"}, // on the grid: unchanged
		{"4.5-0-6", "4.5-0-6"},
		{"4-4-4-4", "4-4-4-4"},
		{"4.55-0-6.1", "4.5-0-6"},
		{"7.77-1-3.3", "7.75-1-3.25"},
		{"5-0.1-3", "5-0.25-3"},             // a short hold is kept, a step long
		{"5-0.001-3", "5-0.25-3"},           // however short
		{"6.5-1.3-3.9", "6.5-1.25-4"},       // 5-1-3 at pace 1.3
		{"2.125-0.375-2.875", "2.25-0.5-3"}, // halves go up
		{"3.124-0.624-4.874", "3-0.5-4.75"}, // under a half goes down
		{"4-0.2-4-0.3", "4-0.25-4-0.25"},    // both holds
		{"59.999-60-59.874", "60-60-59.75"}, // long parts
		{"9.87-0-9.9", "9.75-0-10"},
	}
	for _, tt := range tests {
		p, err := ParsePattern(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Round(q).String(); got != tt.want {
			t.Errorf("%s rounded to %v = %s, want %s", tt.in, q, got, tt.want)
		}
	}
	if got := DefaultPattern.Round(0); got != DefaultPattern {
		t.Errorf("rounding to no step changed %v to %v", DefaultPattern, got)
	}
}

func TestRoundSpan(t *testing.T) {
	const q = 250 * ms
	tests := []struct{ d, want time.Duration }{
		{0, 0},
		{-s, -s},
		{1, q},
		{124 * ms, q},
		{125 * ms, q},
		{374 * ms, q},
		{375 * ms, 500 * ms},
		{2900 * ms, 3 * s},
		{3 * s, 3 * s},
		{10*s + 1, 10 * s},
	}
	for _, tt := range tests {
		if got := RoundSpan(tt.d, q); got != tt.want {
			t.Errorf("RoundSpan(%v, %v) = %v, want %v", tt.d, q, got, tt.want)
		}
	}
}
