package coach

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/unknot/unknot/routines"
)

func TestAWholeIceApplicationUnderRealTimersRemindsHalfwayAndEndsOnTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, err := CarePlan(routines.Ice, routines.Ice.Default.Value, DefaultCareOptions)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		c := New(p, start)
		// pace wakes on real timers at exactly each NextEvent and fails on
		// any wake off its instant.
		evs := pace(t, c, start.Add(24*time.Hour))
		want := "get ready +0s, on +20s, halfway +7m50s, end +15m20s"
		if got := strings.Join(careMoments(evs, start), ", "); got != want {
			t.Errorf("events %s, want %s", got, want)
		}
		if now := time.Now(); !now.Equal(start.Add(15*time.Minute+20*s)) || c.CareAt(now).Moment != CareEnd {
			t.Errorf("the application ended at +%v (%v), want +15m20s", now.Sub(start), c.CareAt(now).Moment)
		}
	})
}

func TestAPausedHeatApplicationUnderRealTimersShiftsHalfwayAndEndByThePause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, err := CarePlan(routines.Heat, 3*time.Minute, CareOptions{Ready: 10 * s})
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		c := New(p, start)
		evs := pace(t, c, start.Add(time.Minute)) // get ready, on at +10s
		wait(time.Minute)                         // +1m10s, on for a minute
		c.Pause(time.Now())
		if cs := c.CareAt(time.Now()); cs.On != time.Minute || cs.Left != 2*time.Minute {
			t.Errorf("at the pause: on for %v, %v left; want 1m and 2m", cs.On, cs.Left)
		}
		wait(5 * time.Minute) // someone at the door
		c.Resume(time.Now())
		evs = append(evs, pace(t, c, start.Add(time.Hour))...)
		want := "get ready +0s, on +10s, paused +1m10s, resumed +6m10s, halfway +6m40s, end +8m10s"
		if got := strings.Join(careMoments(evs, start), ", "); got != want {
			t.Errorf("events %s, want %s", got, want)
		}
	})
}
