package tui

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/journaltest"
)

// The whole app under the real Bubble Tea runtime, on the fake clock:
// `unknot breathe -p 1-1-1 -n 2` paces, rings, closes by itself and
// records the run; the program ends with nothing left running.
func TestProgramBreathe(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &journaltest.Journal{}
		app, err := NewApp(NewContext(Options{Theme: "dark"}), Deps{Journal: j,
			Breathe: BreatheConfig{Pattern: routines.Pattern{time.Second, time.Second, time.Second, 0}, Breaths: 2}}, PageBreathe)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		start := time.Now()
		if err := run(app, nil, &out, tea.WithWindowSize(80, 24)); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took < 6*time.Second+CloseAfter-FrameLead || took > 6*time.Second+CloseAfter+time.Second {
			t.Errorf("the program ran %v, want the plan (6s) and the closing screen (%v)", took, CloseAfter)
		}
		if n := strings.Count(out.String(), "\a"); n < 6 {
			t.Errorf("%d bells, want one a phase (6)", n)
		}
		r := j.Runs()
		if len(r) != 1 || r[0].Breaths != 2 || r[0].Outcome != routines.Completed {
			t.Errorf("recorded %+v", r)
		}
		if runs := app.Runs(); len(runs) != 1 || runs[0].Headline() != "Breathing: 2 breaths in 0:06." {
			t.Errorf("closing summary from %+v", runs)
		}
	})
}

// A session quit from home under the real runtime: home, s, q (the
// summary), q (home), q (the end).
func TestProgramHomeSession(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &journaltest.Journal{}
		app, err := NewApp(NewContext(Options{Theme: "dark"}), Deps{Journal: j,
			Session: SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Options: testPlanOptions}}, PageHome)
		if err != nil {
			t.Fatal(err)
		}
		p := tea.NewProgram(app, ProgramOptions(nil, &bytes.Buffer{}, tea.WithWindowSize(80, 24))...)
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()
		type step struct {
			after time.Duration
			key   tea.KeyPressMsg
		}
		for _, s := range []step{{time.Second, keyMsg("s")}, {11 * time.Second, keyMsg("q")}, {time.Second, keyMsg("q")}, {time.Second, keyMsg("q")}} {
			time.Sleep(s.after)
			synctest.Wait()
			p.Send(s.key)
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("the program did not end; pages %v", app.Pages())
		}
		r := j.Runs()
		if len(r) != 1 || r[0].Outcome != routines.Stopped || r[0].Exercises[0].RepsDone != 1 {
			t.Errorf("recorded %+v", r)
		}
	})
}

// run runs the app without prepaint or signals: for tests under
// testing/synctest, where the runtime's signal goroutine must not touch
// the bubble.
func run(a *App, in io.Reader, out io.Writer, extra ...tea.ProgramOption) error {
	p := tea.NewProgram(a, ProgramOptions(in, out, extra...)...)
	send := p.Send
	a.send.Store(&send)
	defer a.send.Store(nil)
	_, err := p.Run()
	if errors.Is(err, tea.ErrInterrupted) {
		err = nil
	}
	return err
}
