package plain

import (
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/journaltest"
)

// One line per moment, each on its instant: the get-ready with the towel,
// on, halfway, the end; the bell at halfway and at the end, one
// notification, and the run recorded as ice, completed.
func TestCareLinesAtTheirInstants(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &stampWriter{start: time.Now()}
		j := &journaltest.Journal{}
		var bells, notes atomic.Int32
		run, _, err := Care(t.Context(), Env{Out: w, Journal: j}, CareRun{Rule: routines.Ice, Length: time.Minute,
			Options: coach.CareOptions{Ready: 10 * time.Second}, Early: "This is early.",
			Bell: func() { bells.Add(1) }, Notify: func(string, string) { notes.Add(1) }})
		if err != nil {
			t.Fatal(err)
		}
		check(t, w.lines, []string{
			"0s This is early. Starting anyway is fine.",
			"0s Ice for 1 minute. Get ready:",
			"0s " + routines.Ice.Before[0],
			"0s " + routines.Ice.Before[1],
			"10s " + routines.Ice.On,
			"40s " + routines.Ice.Halfway,
			"1m10s " + routines.Ice.End,
		})
		if bells.Load() != 2 || notes.Load() != 1 {
			t.Errorf("%d bells, %d notifications; want 2 and 1", bells.Load(), notes.Load())
		}
		if h := run.Headline(); h != "Ice: 1:00 on." {
			t.Errorf("headline %q", h)
		}
		r := j.Runs()[0]
		if r.Kind != routines.KindIce || r.Outcome != routines.Completed || r.Ended.Sub(r.Started) != 70*time.Second {
			t.Errorf("recorded %+v", r)
		}
	})
}

// n puts the pack on before the get-ready ends; a pause holds the
// countdown; q stops it: recorded as stopped, nothing notified.
func TestCareCommands(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &stampWriter{start: time.Now()}
		in, typing := io.Pipe()
		go func() {
			time.Sleep(2 * time.Second)
			io.WriteString(typing, "n\n")
			time.Sleep(10 * time.Second)
			io.WriteString(typing, "\n")
			time.Sleep(20 * time.Second)
			io.WriteString(typing, "\n")
			time.Sleep(5 * time.Second)
			io.WriteString(typing, "q\n")
			typing.Close()
		}()
		j := &journaltest.Journal{}
		var notes atomic.Int32
		run, _, err := Care(t.Context(), Env{In: in, Out: w, Journal: j, Hint: true}, CareRun{Rule: routines.Heat, Length: 20 * time.Second,
			Options: coach.CareOptions{Ready: 20 * time.Second}, Notify: func(string, string) { notes.Add(1) }})
		if err != nil {
			t.Fatal(err)
		}
		check(t, w.lines, []string{
			"0s " + CareHint,
			"0s Heat for 20 seconds. Get ready:",
			"0s " + routines.Heat.Before[0], "0s " + routines.Heat.Before[1], "0s " + routines.Heat.Before[2],
			"2s " + routines.Heat.On,
			"12s " + routines.Heat.Halfway,
			"12s Paused: take the heat off now. Enter when it is back on, and the time goes on.", "32s Going on.",
		})
		if run.Outcome != routines.Stopped || run.On != 15*time.Second || notes.Load() != 0 {
			t.Errorf("run %+v, %d notifications; want stopped after 15 s on, none", run, notes.Load())
		}
		if r := j.Runs()[0]; r.Kind != routines.KindHeat || r.Outcome != routines.Stopped {
			t.Errorf("recorded %+v", r)
		}
	})
}

// fakeCareRecord is a history with no episode, that keeps the one said.
type fakeCareRecord struct{ kept []routines.Episode }

func (f *fakeCareRecord) CareRecord(time.Time) (*routines.Episode, []routines.Application, error) {
	return nil, nil, nil
}
func (f *fakeCareRecord) RecordEpisode(ep routines.Episode, _ time.Time) error {
	f.kept = append(f.kept, ep)
	return nil
}

// The plan for now asks once when the spasm started, keeps the answer,
// and says what is due; with no one to ask it assumes the first 48 hours.
func TestCarePlanAsksOnceAndKeeps(t *testing.T) {
	var out, errs strings.Builder
	rec := &fakeCareRecord{}
	if err := CarePlan(Env{In: strings.NewReader("y\n"), Out: &out}, rec, true, &errs); err != nil {
		t.Fatal(err)
	}
	if len(rec.kept) != 1 || !strings.Contains(out.String(), routines.OnsetQuestion) || !strings.Contains(out.String(), "Start it with: unknot care ice") {
		t.Errorf("kept %v; said:\n%s", rec.kept, out.String())
	}
	out.Reset()
	rec = &fakeCareRecord{}
	if err := CarePlan(Env{Out: &out}, rec, false, &errs); err != nil {
		t.Fatal(err)
	}
	if len(rec.kept) != 0 || strings.Contains(out.String(), routines.OnsetQuestion) || !strings.Contains(out.String(), "48 hours") {
		t.Errorf("without asking: kept %v; said:\n%s", rec.kept, out.String())
	}
}
