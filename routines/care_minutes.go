package routines

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ShortestCare is the shortest application the timer accepts: anything
// shorter cannot be timed meaningfully (a second is there for trying the
// timer out, as -m 0.05 does).
const ShortestCare = time.Second

// ParseCareKind reads the care command's argument: "ice" or "heat". The
// error is one line saying what to type instead.
func ParseCareKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(strings.TrimSpace(s))); k {
	case KindIce, KindHeat:
		return k, nil
	}
	return "", fmt.Errorf("care %s: not a kind of care; say `care ice`, `care heat`, or just `care` for the plan for now", s)
}

// ParseCareMinutes reads -m as typed and turns it into the length of one
// application of kind k, refusing with one line (what, why, what to give)
// anything that is not a number, not more than nothing, or longer than the
// sources allow.
func ParseCareMinutes(k Kind, s string) (time.Duration, error) {
	m, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		rule, _ := CareRuleFor(k)
		return 0, fmt.Errorf("-m %s: not a number of minutes; give a number such as -m %g (at most %g for %s)",
			s, rule.Default.Value.Minutes(), rule.Longest.Value.Minutes(), strings.ToLower(rule.Title))
	}
	return careLength(k, m, strings.TrimSpace(s))
}

// careLength checks minutes, typed as the person typed them.
func careLength(k Kind, minutes float64, typed string) (time.Duration, error) {
	rule, ok := CareRuleFor(k)
	if !ok {
		return 0, fmt.Errorf("%q is not ice or heat", string(k))
	}
	name := strings.ToLower(rule.Title)
	flag := "-m " + typed
	most := rule.Longest.Value.Minutes()
	ask := fmt.Sprintf("give more than 0 and at most %g minutes of %s (%g if unsure)", most, name, rule.Default.Value.Minutes())
	switch {
	case math.IsNaN(minutes) || math.IsInf(minutes, 0):
		return 0, fmt.Errorf("%s: not a number of minutes; %s", flag, ask)
	case minutes < 0:
		return 0, fmt.Errorf("%s: minutes cannot be negative; %s", flag, ask)
	case minutes == 0:
		return 0, fmt.Errorf("%s: an application needs some time; %s", flag, ask)
	case minutes > most:
		return 0, fmt.Errorf("%s: %s minutes of %s is longer than unknot allows: at most %g, because %s", flag, typed, name, most, rule.Longest.Note)
	}
	d := time.Duration(minutes * float64(time.Minute)).Round(time.Millisecond)
	if d < ShortestCare {
		return 0, fmt.Errorf("%s: under a second is too short to time; %s", flag, ask)
	}
	return d, nil
}
