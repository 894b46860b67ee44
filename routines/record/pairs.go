package record

import (
	"fmt"
	"strings"

	"github.com/unknot/unknot/routines"
)

// PairCounts is how many runs had a check-in both before and after, by
// kind: what the pain "within a session" rests on, said the same way in
// `history`, the review and the report. Stretch sessions and breathing
// runs both ask the check-ins; Other counts any other kind (none that
// unknot records).
type PairCounts struct {
	Stretch int `json:"stretch_sessions"`
	Breathe int `json:"breathing_runs"`
	Other   int `json:"other_runs,omitempty"`
}

// Add counts one run of kind k with both check-ins.
func (p *PairCounts) Add(k routines.Kind) {
	switch k {
	case routines.KindSession:
		p.Stretch++
	case routines.KindBreathe:
		p.Breathe++
	default:
		p.Other++
	}
}

// Total is every run counted.
func (p PairCounts) Total() int { return p.Stretch + p.Breathe + p.Other }

// Words says what the pairs are: "3 stretch sessions with both
// check-ins", "2 breathing runs with both check-ins", or, with more than
// one kind, "60 runs with both check-ins: 30 stretch sessions, 30
// breathing runs".
func (p PairCounts) Words() string {
	var parts []string
	if p.Stretch > 0 {
		parts = append(parts, plural(p.Stretch, "stretch session"))
	}
	if p.Breathe > 0 {
		parts = append(parts, plural(p.Breathe, "breathing run"))
	}
	if p.Other > 0 {
		parts = append(parts, plural(p.Other, "other run"))
	}
	if len(parts) == 0 {
		return "no run with both check-ins"
	}
	if len(parts) == 1 && p.Other == 0 {
		return parts[0] + " with both check-ins"
	}
	return plural(p.Total(), "run") + " with both check-ins: " + strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
