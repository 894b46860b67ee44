package report

import (
	"strings"
	"testing"

	"github.com/unknot/unknot/routines/record"
)

// The change said beside two means is the difference of the means as
// shown: 5.44 and 4.66 read "5.4 before, 4.7 after: 0.7 lower", not the
// 0.8 of the unrounded means (a reader subtracts what they see).
func TestChangeIsOfTheMeansAsShown(t *testing.T) {
	p := record.ReportPain{Pairs: 10, AvgBefore: 5.44, AvgAfter: 4.66}
	if got := painSummary(p); !strings.HasPrefix(got, "5.4 before, 4.7 after on average: 0.7 lower") {
		t.Errorf("painSummary = %q", got)
	}
	in := record.Insights{Minimum: 5, Pairs: 6, Observations: []record.Observation{
		{Group: record.ByBreathing, Label: "5-1-3", Sessions: 6, BreathingRuns: 6, Change: 4.66 - 5.44, Before: 5.44, After: 4.66}}}
	if got := Observations(in, nil)[0]; !strings.Contains(got, "0.7 lower") {
		t.Errorf("observation = %q", got)
	}
}
