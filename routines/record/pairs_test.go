package record

import (
	"testing"

	"github.com/unknot/unknot/routines"
)

func TestPairCountsWords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		stretch, breathe int
		want             string
	}{
		{1, 0, "1 stretch session with both check-ins"},
		{3, 0, "3 stretch sessions with both check-ins"},
		{0, 2, "2 breathing runs with both check-ins"},
		{30, 30, "60 runs with both check-ins: 30 stretch sessions, 30 breathing runs"},
		{1, 1, "2 runs with both check-ins: 1 stretch session, 1 breathing run"},
		{0, 0, "no run with both check-ins"},
	} {
		var p PairCounts
		for range tc.stretch {
			p.Add(routines.KindSession)
		}
		for range tc.breathe {
			p.Add(routines.KindBreathe)
		}
		if got := p.Words(); got != tc.want {
			t.Errorf("%d stretch, %d breathing: %q, want %q", tc.stretch, tc.breathe, got, tc.want)
		}
	}
}
