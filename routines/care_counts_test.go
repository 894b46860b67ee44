package routines

import (
	"testing"
	"time"
)

// One rule: an application counts unless it ended, not run to its time,
// within its first minute.
func TestApplicationCounts(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		ap   Application
		want bool
	}{
		{"done", Application{KindIce, t0, t0.Add(15 * time.Minute), Completed}, true},
		{"a short timer done", Application{KindIce, t0, t0.Add(3 * time.Second), Completed}, true},
		{"stopped early", Application{KindIce, t0, t0.Add(6 * time.Minute), Stopped}, true},
		{"stopped in the first minute", Application{KindIce, t0, t0.Add(59 * time.Second), Stopped}, false},
		{"stopped for pain at once", Application{KindHeat, t0, t0.Add(5 * time.Second), Pain}, false},
		{"signal in the first minute", Application{KindHeat, t0, t0.Add(10 * time.Second), Interrupted}, false},
		{"signal later", Application{KindHeat, t0, t0.Add(time.Minute), Interrupted}, true},
		{"still under way", Application{KindIce, t0, time.Time{}, Interrupted}, true},
		{"not ice or heat", Application{KindBreathe, t0, t0.Add(time.Hour), Completed}, false},
	} {
		if got := c.ap.Counts(); got != c.want {
			t.Errorf("%s: Counts() = %v, want %v", c.name, got, c.want)
		}
		adv := AfterCare(t0.Add(time.Hour), nil, nil, c.ap)
		if n := adv.Today(c.ap.Kind); (n == 1) != c.want {
			t.Errorf("%s: the plan counts %d today; Counts() is %v", c.name, n, c.want)
		}
	}
	// AfterCare puts the ended application in place of its record.
	rec := Application{KindIce, t0, time.Time{}, Interrupted}
	ended := Application{KindIce, t0, t0.Add(5 * time.Second), Stopped}
	if got := WithApplication([]Application{rec}, ended); len(got) != 1 || got[0] != ended {
		t.Errorf("WithApplication = %+v, want only the ended one", got)
	}
}
