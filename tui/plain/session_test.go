package plain

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/journaltest"
	"github.com/unknot/unknot/tui/words"
)

func tinyRoutine() routines.Routine {
	p, _ := routines.ParsePattern("1-0-1")
	return routines.Routine{Name: "tiny", Title: "Tiny stretch", Reps: 2, Hold: 2 * time.Second, Rest: time.Second,
		Sides: []routines.Side{routines.Left, routines.Right}, Pattern: p,
		Setup: []string{"Lie down."}, Cues: []string{"Breathe slowly."}}
}

func sessionPlan(t *testing.T, rs ...routines.Routine) *coach.Plan {
	t.Helper()
	plan, err := coach.SessionPlan(rs, coach.Options{Ready: 8 * time.Second, Switch: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// One line per moment and phase, and every rep recorded in order.
func TestSession(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var out bytes.Buffer
		j := &journaltest.Journal{}
		run, err := runSession(context.Background(), Env{Out: &out, Journal: j}, sessionPlan(t, tinyRoutine()), nil)
		if err != nil {
			t.Fatal(err)
		}
		want := `Tiny stretch: get ready, 8s.
Take your time getting into position.
Move slowly; no sudden turns.
If a muscle tightens, press your fingertips on it and wait for it to ease.
  1. Lie down.
Left side · rep 1/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Rest 1s. Next: left side · rep 2/2.
Left side · rep 2/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Switch sides, 5s. Now the right side · rep 1/2.
Right side · rep 1/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Rest 1s. Next: right side · rep 2/2.
Right side · rep 2/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Tiny stretch: done.
`
		if out.String() != want {
			t.Errorf("plain output:\n%s\nwant:\n%s", out.String(), want)
		}
		if got := strings.Join(run.Lines(), "\n"); got != "Session complete: 4 of 4 reps.\n  Tiny stretch, left: 2 of 2 done\n  Tiny stretch, right: 2 of 2 done\nTime: 0:23" {
			t.Errorf("summary:\n%s", got)
		}
		if g := strings.Join(j.Calls(), ", "); g != "begin session, reps 0 1, reps 0 2, reps 1 1, reps 1 2, finish completed" {
			t.Errorf("journal calls: %s", g)
		}
	})
}

// The same routine twice in a plan: each is its own exercise, each
// recorded with its reps.
func TestSessionRepeatedRoutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := tinyRoutine()
		r.Sides = nil
		j := &journaltest.Journal{}
		if _, err := runSession(context.Background(), Env{Out: io.Discard, Journal: j}, sessionPlan(t, r, r), nil); err != nil {
			t.Fatal(err)
		}
		got := j.Runs()[0].Exercises
		if len(got) != 2 || got[0].RepsDone != 2 || got[1].RepsDone != 2 {
			t.Errorf("exercises %+v; want two of tiny, 2 reps each", got)
		}
	})
}

// A signal mid-session records interrupted with the reps done so far, and
// the summary says interrupted, never complete.
func TestSessionInterrupted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 12*time.Second) // after rep 1, mid rep 2
		defer cancel()
		j := &journaltest.Journal{}
		run, err := runSession(ctx, Env{Out: io.Discard, Journal: j}, sessionPlan(t, tinyRoutine()), nil)
		if err != nil {
			t.Fatal(err)
		}
		if h := run.Headline(); h != "Session interrupted: 1 of 4 reps." {
			t.Errorf("headline %q", h)
		}
		r := j.Runs()[0]
		if r.Outcome != routines.Interrupted || r.Exercises[0].RepsDone != 1 || r.Ended.Sub(r.Started) != 12*time.Second {
			t.Errorf("recorded %+v", r)
		}
	})
}

// A routine skipped whole (typed skip) is said to be skipped, not done.
func TestSessionSkippedRoutineSaysSkipped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, typing := io.Pipe()
		go func() {
			time.Sleep(9 * time.Second) // into the first hold
			io.WriteString(typing, "skip\n")
			typing.Close()
		}()
		var out bytes.Buffer
		if _, err := runSession(context.Background(), Env{In: in, Out: &out}, sessionPlan(t, tinyRoutine()), nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Tiny stretch: skipped.") || strings.Contains(out.String(), "Tiny stretch: done.") {
			t.Errorf("plain output:\n%s", out.String())
		}
	})
}

// A hold's line says how its settling in fits in it: a hold shorter than
// a breath is breathed freely (as the screen and routines show say), or
// the first part settles before the breathing.
func TestHoldLineSaysHowSettlingFits(t *testing.T) {
	r := tinyRoutine()
	seg := coach.Segment{Kind: coach.Stretch, Rep: 1, Reps: 2, Side: routines.Left, Length: 3 * time.Second, Settle: 3 * time.Second}
	if got := segmentLines(seg, r)[0]; !strings.Contains(got, "hold 3s, breathing freely.") || strings.Contains(got, "settle in") {
		t.Errorf("a hold that is all settling: %q", got)
	}
	seg.Length = 10 * time.Second
	seg.Settle = time.Second
	if got := segmentLines(seg, r)[0]; !strings.Contains(got, "hold 10s, the first 1s to settle in, then breathe.") {
		t.Errorf("a hold that settles, then breathes: %q", got)
	}
}

// runSession is a guided session by plan without its questions (what
// Guided runs after them), recording no levels.
func runSession(ctx context.Context, env Env, plan *coach.Plan, painBefore *int) (words.Run, error) {
	run, _, err := session(ctx, env, plan, painBefore, nil)
	return run, err
}

// x records where the stop for pain came: the first routine left with
// "skip", x in the second's first hold is that routine, left side, rep 1
// (not the first exercise not finished, the first routine's).
func TestSessionPainStopRecordsWhereItCame(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		second := tinyRoutine()
		second.Name, second.Title = "tiny-two", "Second stretch"
		in, typing := io.Pipe()
		go func() {
			for _, line := range []string{"n", "skip", "n", "x"} {
				time.Sleep(500 * time.Millisecond)
				io.WriteString(typing, line+"\n")
			}
			typing.Close()
		}()
		j := &journaltest.Journal{}
		var out bytes.Buffer
		if _, err := runSession(context.Background(), Env{In: in, Out: &out, Journal: j}, sessionPlan(t, tinyRoutine(), second), nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Stopped. That was the right call.") {
			t.Fatalf("no stop for pain:\n%s", out.String())
		}
		r := j.Runs()[0]
		if r.Outcome != routines.Pain || r.StopPos != 2 || r.StopRep != 1 || r.Exercises[2].Routine != "tiny-two" || r.Exercises[2].Side != "left" {
			t.Errorf("recorded %s at (%d, %d) of %+v; want pain at tiny-two left (2), rep 1", r.Outcome, r.StopPos, r.StopRep, r.Exercises)
		}
		if calls := j.Calls(); len(calls) < 2 || calls[len(calls)-2] != "stopped at 2 1" || calls[len(calls)-1] != "finish pain" {
			t.Errorf("calls %q, want the place, then the finish for pain", calls)
		}
	})
}
