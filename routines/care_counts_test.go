package routines

import (
	"testing"
	"time"
)

// One rule: an application counts unless its pack never went on, or it
// ended, not run to its time, within its first minute.
func TestApplicationCounts(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		ap   Application
		want bool
	}{
		{"done", Application{KindIce, t0, t0.Add(15 * time.Minute), Completed, false}, true},
		{"a short timer done", Application{KindIce, t0, t0.Add(3 * time.Second), Completed, false}, true},
		{"stopped early", Application{KindIce, t0, t0.Add(6 * time.Minute), Stopped, false}, true},
		{"stopped in the first minute", Application{KindIce, t0, t0.Add(59 * time.Second), Stopped, false}, false},
		{"stopped for pain at once", Application{KindHeat, t0, t0.Add(5 * time.Second), Pain, false}, false},
		{"signal in the first minute", Application{KindHeat, t0, t0.Add(10 * time.Second), Interrupted, false}, false},
		{"signal later", Application{KindHeat, t0, t0.Add(time.Minute), Interrupted, false}, true},
		{"still under way", Application{KindIce, t0, time.Time{}, Interrupted, false}, true},
		{"not ice or heat", Application{KindBreathe, t0, t0.Add(time.Hour), Completed, false}, false},
		{"stopped before the pack went on", Application{KindIce, t0, t0.Add(6 * time.Second), Stopped, true}, false},
		{"paused long in the get-ready, then stopped", Application{KindIce, t0, t0.Add(5 * time.Minute), Stopped, true}, false},
		{"cut off in the get-ready", Application{KindHeat, t0, time.Time{}, Interrupted, true}, false},
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
	rec := Application{KindIce, t0, time.Time{}, Interrupted, false}
	ended := Application{KindIce, t0, t0.Add(5 * time.Second), Stopped, false}
	if got := WithApplication([]Application{rec}, ended); len(got) != 1 || got[0] != ended {
		t.Errorf("WithApplication = %+v, want only the ended one", got)
	}
}
