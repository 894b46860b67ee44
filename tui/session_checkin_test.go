package tui

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// painHistory is a fake history that keeps the check-ins it is given.
type painHistory struct {
	mu     sync.Mutex
	before *int
	calls  []string
	fail   error // Start fails with it
}

func (f *painHistory) add(s string)                      { f.mu.Lock(); f.calls = append(f.calls, s); f.mu.Unlock() }
func (f *painHistory) SetReps(string, string, int) error { return nil }
func (f *painHistory) Finish(_ time.Time, status string) error {
	f.add("finish " + status)
	return nil
}
func (f *painHistory) SetPainAfter(v int) error { f.add(fmt.Sprint("pain after ", v)); return nil }
func (f *painHistory) start(_ time.Time, _ []coach.Tally, before *int) (SessionRecorder, error) {
	if f.fail != nil {
		return nil, f.fail
	}
	f.mu.Lock()
	f.before = before
	f.mu.Unlock()
	f.add("start")
	return f, nil
}

// runCheckinSession runs the tiny routine as a program: the check-in
// before is answered with before (nil: skipped), the session runs to its
// end, the check-in after is answered with after, and q closes.
func runCheckinSession(t *testing.T, hist *painHistory, before, after []string) *Session {
	ctx := NewContext(Options{Theme: "dark", NoBell: true})
	m := NewSession(ctx, SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Record: hist.start, Checkin: true})
	var out bytes.Buffer
	p := tea.NewProgram(m, ProgramOptions(nil, &out, tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))...)
	done := make(chan error)
	go func() { _, err := p.Run(); done <- err }()
	synctest.Wait()
	if m.stage != stageBefore {
		t.Fatalf("the session should start by asking, it is at stage %v", m.stage)
	}
	if !strings.Contains(stripANSI(m.Render(time.Now())), CheckInQuestion) {
		t.Errorf("the check-in is not on screen:\n%s", stripANSI(m.Render(time.Now())))
	}
	time.Sleep(time.Minute) // nothing runs while the question waits
	synctest.Wait()
	if m.coach != nil {
		t.Fatal("pacing started before the check-in was answered")
	}
	for _, k := range before {
		p.Send(sessKey(k))
	}
	time.Sleep(time.Minute) // the plan is 23 s long
	synctest.Wait()
	if m.stage != stageEnd {
		t.Fatalf("after a minute the session is at stage %v", m.stage)
	}
	for _, k := range after {
		p.Send(sessKey(k))
	}
	synctest.Wait()
	p.Send(sessKey("q"))
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSessionCheckinsBeforeAndAfterAreRecorded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &painHistory{}
		m := runCheckinSession(t, hist, []string{"7", "enter"}, []string{"3", "enter"})
		if hist.before == nil || *hist.before != 7 {
			t.Errorf("pain before = %v, want 7", hist.before)
		}
		want := "start|finish completed|pain after 3"
		if got := strings.Join(hist.calls, "|"); got != want {
			t.Errorf("history calls %q, want %q", got, want)
		}
		if !strings.Contains(stripANSI(m.Render(time.Now())), "Noted: 3 out of 10.") {
			t.Errorf("the summary does not say what was noted:\n%s", stripANSI(m.Render(time.Now())))
		}
	})
}

func TestSessionCheckinsCanBeSkipped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &painHistory{}
		runCheckinSession(t, hist, []string{"s"}, []string{"s"})
		if hist.before != nil {
			t.Errorf("pain before = %d, want none (skipped)", *hist.before)
		}
		if got := strings.Join(hist.calls, "|"); got != "start|finish completed" {
			t.Errorf("history calls %q: a skipped check-in must record nothing", got)
		}
	})
}

func TestSessionThatCannotBeSavedSaysSoAndAsksNothing(t *testing.T) {
	clk := newSessClock()
	hist := &painHistory{fail: errors.New("history.db is not an unknot history")}
	ctx := NewContext(Options{Theme: "dark", Now: clk.Now, NoBell: true})
	m := NewSession(ctx, SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Record: hist.start, Checkin: true,
		Today: failingToday{errors.New("history.db is not an unknot history")}})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(todayMsg{err: errors.New("history.db is not an unknot history")})
	if m.stage != stageRun {
		t.Fatalf("with no history the session should start at once, it is at stage %v", m.stage)
	}
	screen := stripANSI(m.Render(clk.Now()))
	if !strings.Contains(screen, "This session won't be saved: history.db is not an unknot history") {
		t.Errorf("the screen does not say the session won't be saved:\n%s", screen)
	}
	clk.Add(10 * time.Second) // past the get-ready: said once, not on every screen
	if strings.Contains(stripANSI(m.Render(clk.Now())), "won't be saved") {
		t.Errorf("the notice stays on after the get-ready")
	}
}

type failingToday struct{ err error }

func (f failingToday) Today(time.Time) (TodayCounts, error) { return TodayCounts{}, f.err }
