package words

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// The closing summary says what was done, never more: a run whose holds
// were all skipped is not complete, a killed one says interrupted.
func TestHeadline(t *testing.T) {
	ex := func(done ...int) []routines.Exercise {
		var out []routines.Exercise
		for _, d := range done {
			out = append(out, routines.Exercise{Routine: "knee-to-chest", RepsDone: d, RepsPlanned: 10})
		}
		return out
	}
	cases := []struct {
		run  Run
		want string
	}{
		{Run{Kind: routines.KindSession, Outcome: routines.Completed, Exercises: ex(10, 10)}, "Session complete: 20 of 20 reps."},
		{Run{Kind: routines.KindSession, Outcome: routines.Completed, Exercises: ex(0, 0), Skipped: 20}, "Session over: 0 of 20 reps, 20 skipped."},
		{Run{Kind: routines.KindSession, Outcome: routines.Completed, Exercises: ex(10, 2), Skipped: 8}, "Session over: 12 of 20 reps, 8 skipped."},
		{Run{Kind: routines.KindSession, Outcome: routines.Stopped, Exercises: ex(3, 0)}, "Session ended early: 3 of 20 reps."},
		{Run{Kind: routines.KindSession, Outcome: routines.Pain, Exercises: ex(3, 0)}, "Stopped because it hurt: 3 of 20 reps."},
		{Run{Kind: routines.KindSession, Outcome: routines.Interrupted, Exercises: ex(3, 0)}, "Session interrupted: 3 of 20 reps."},
		{Run{Kind: routines.KindBreathe, Outcome: routines.Completed, Breaths: 1, Took: 9500 * time.Millisecond}, "Breathing: 1 breath in 0:09."},
		{Run{Kind: routines.KindBreathe, Outcome: routines.Interrupted, Breaths: 4, Took: 40 * time.Second}, "Breathing interrupted: 4 breaths in 0:40."},
		{Run{Kind: routines.KindBreathe, Outcome: routines.Stopped, Breaths: 0, Took: 2 * time.Second}, "Breathing stopped: 0 breaths in 0:02."},
		{Run{Kind: routines.KindHeat, Outcome: routines.Stopped, On: 7*time.Minute + 12500*time.Millisecond}, "Heat stopped after 7:12 on. Take it off now if it is still on."},
		{Run{Kind: routines.KindHeat, Outcome: routines.Stopped, NeverOn: true}, "Heat stopped before the pack went on."},
		{Run{Kind: routines.KindIce, Outcome: routines.Interrupted, NeverOn: true}, "Ice interrupted before the pack went on."},
		{Run{Kind: routines.KindIce, Outcome: routines.Interrupted, On: 40 * time.Second}, "Ice interrupted after 0:40 on. Take it off now if it is still on."},
		{Run{Kind: routines.KindIce, Outcome: routines.Completed, On: 15 * time.Minute}, "Ice: 15:00 on."},
	}
	for _, c := range cases {
		if got := c.run.Headline(); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.run.Kind, c.run.Outcome, got, c.want)
		}
	}
}

func TestLines(t *testing.T) {
	r := Run{Kind: routines.KindSession, Outcome: routines.Stopped, Took: 75 * time.Second,
		Exercises: []routines.Exercise{{Routine: "tiny", Side: "left", RepsDone: 2, RepsPlanned: 2}, {Routine: "arm-raise", RepsDone: 0, RepsPlanned: 10}},
		Titles:    map[string]string{"tiny": "Tiny stretch"}}
	want := "Session ended early: 2 of 12 reps.\n  Tiny stretch, left: 2 of 2 done\n  arm-raise: 0 of 10 done\nTime: 1:15"
	if got := strings.Join(r.Lines(), "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestClockAndSeconds(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0:00", 59499 * time.Millisecond: "0:59", time.Hour + 61*time.Second: "1:01:01", -time.Second: "0:00"} {
		if got := Clock(d); got != want {
			t.Errorf("Clock(%v) = %q, want %q", d, got, want)
		}
	}
	if got := Seconds(4500 * time.Millisecond); got != "4.5s" {
		t.Errorf("Seconds(4.5s) = %q", got)
	}
}
