package plain

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/journaltest"
)

// typeLines types each line at its instant from now (the fake clock),
// then ends the input.
func typeLines(t *testing.T, lines map[time.Duration]string) io.Reader {
	in, typing := io.Pipe()
	go func() {
		start := time.Now()
		for _, at := range []time.Duration{0, time.Second, 9 * time.Second, 20 * time.Second, 40 * time.Second, time.Minute} {
			if l, ok := lines[at]; ok {
				time.Sleep(at - time.Since(start))
				io.WriteString(typing, l+"\n")
			}
		}
		time.Sleep(2 * time.Minute)
		typing.Close()
	}()
	t.Cleanup(func() { time.Sleep(3 * time.Minute) }) // the typing ends inside the bubble
	return in
}

func guidedSetup(checkin bool) Setup {
	return Setup{Routines: []routines.Routine{tinyRoutine()}, Ask: true, Checkin: checkin,
		Options: coach.Options{Ready: 8 * time.Second, Switch: 5 * time.Second}}
}

// After a stop for pain at a terminal, the check-in after takes ! for the
// whole safety page, records when, and asks again.
func TestGuidedPainStopShowsAndRecordsTheSafetyPage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		in := typeLines(t, map[time.Duration]string{
			time.Second:      "5", // before
			9 * time.Second:  "x", // it hurts, in the first hold
			20 * time.Second: "!",
			40 * time.Second: "3",
		})
		var out bytes.Buffer
		j := &journaltest.Journal{}
		run, ran, err := Guided(t.Context(), Env{In: in, Out: &out, Journal: j}, guidedSetup(true))
		if err != nil || !ran || run.Outcome != routines.Pain {
			t.Fatalf("run %+v, ran %v, err %v", run, ran, err)
		}
		text := out.String()
		for _, want := range []string{"Stopped. That was the right call.", "! and Enter: the whole safety page.",
			"See a doctor soon", "Noted: 3 out of 10."} {
			if !strings.Contains(text, want) {
				t.Errorf("the lines lack %q:\n%s", want, text)
			}
		}
		if n := strings.Count(text, "How did it go?"); n != 2 {
			t.Errorf("the check-in after was asked %d times, want again after the safety page", n)
		}
		r := j.Runs()[0]
		if !r.SafetyOpenedAt.Equal(start.Add(20*time.Second)) || r.SafetyOpenings != 1 || r.PainAfter == nil || *r.PainAfter != 3 {
			t.Errorf("recorded safety page at %v (%d), pain after %v; want at 20s, once, and 3", r.SafetyOpenedAt.Sub(start), r.SafetyOpenings, r.PainAfter)
		}
	})
}

// Without check-ins, the safety page is offered on its own after a stop
// for pain; Enter alone passes it by, and nothing is recorded.
func TestGuidedPainStopOffersTheSafetyPage(t *testing.T) {
	for _, c := range []struct {
		typed  string
		opened bool
	}{{"!", true}, {"", false}} {
		synctest.Test(t, func(t *testing.T) {
			in := typeLines(t, map[time.Duration]string{9 * time.Second: "x", 20 * time.Second: c.typed})
			var out bytes.Buffer
			j := &journaltest.Journal{}
			if _, _, err := Guided(t.Context(), Env{In: in, Out: &out, Journal: j}, guidedSetup(false)); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			if !strings.Contains(text, "! and Enter: the whole safety page, with when to see a doctor soon. Enter alone: done.") ||
				strings.Contains(text, "How did it go?") {
				t.Errorf("typed %q:\n%s", c.typed, text)
			}
			if r := j.Runs()[0]; (r.SafetyOpenings == 1) != c.opened || strings.Contains(text, "Where this comes from") != c.opened {
				t.Errorf("typed %q: %d openings recorded; page shown %v", c.typed, r.SafetyOpenings, strings.Contains(text, "Where this comes from"))
			}
		})
	}
}

// q and Enter at a question before the session (the check-in, the daily
// limit's choice) quits: nothing is paced or recorded, one line says so;
// at the check-in after, q leaves it unanswered and the run stays saved.
func TestGuidedQuitAtAQuestion(t *testing.T) {
	atLimit := guidedSetup(true)
	atLimit.Routines[0].DailyLimit = 1
	atLimit.Today = map[string]int{atLimit.Routines[0].Name: 1}
	for _, c := range []struct {
		name  string
		setup Setup
		typed map[time.Duration]string
		ran   bool
	}{
		{"at the check-in before", guidedSetup(true), map[time.Duration]string{time.Second: "q"}, false},
		{"at the daily limit's choice", atLimit, map[time.Duration]string{time.Second: "Q"}, false},
		{"at the check-in after", guidedSetup(true), map[time.Duration]string{time.Second: "4", time.Minute: "q"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var out bytes.Buffer
				j := &journaltest.Journal{}
				run, ran, err := Guided(t.Context(), Env{In: typeLines(t, c.typed), Out: &out, Journal: j}, c.setup)
				if err != nil || ran != c.ran {
					t.Fatalf("ran %v, err %v, want ran %v:\n%s", ran, err, c.ran, out.String())
				}
				text := out.String()
				if strings.Contains(text, "is not one of the numbers") || strings.Contains(text, "is not a number from 0 to 10") {
					t.Errorf("q was taken for an answer:\n%s", text)
				}
				if !c.ran {
					if !strings.Contains(text, "Quit before the session began: nothing was recorded.") || len(j.Runs()) != 0 || strings.Contains(text, "Inhale") {
						t.Errorf("quit before: %d runs recorded, lines:\n%s", len(j.Runs()), text)
					}
					return
				}
				if len(j.Runs()) != 1 || j.Runs()[0].PainAfter != nil || run.Outcome != routines.Completed {
					t.Errorf("quit at the check-in after: runs %+v, outcome %v:\n%s", j.Runs(), run.Outcome, text)
				}
			})
		})
	}
}
