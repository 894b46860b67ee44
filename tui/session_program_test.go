package tui

import (
	"bytes"
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

// observed wraps the session and notes the (fake) instant each coach event
// reached the screen.
type observed struct {
	*Session
	seen *[]time.Time
}

func (o observed) Init() tea.Cmd {
	cmd := o.Session.Init()
	for range o.Log() {
		*o.seen = append(*o.seen, time.Now())
	}
	return cmd
}

func (o observed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	n := len(o.Log())
	_, cmd := o.Session.Update(msg)
	for range o.Log()[n:] {
		*o.seen = append(*o.seen, time.Now())
	}
	return o, cmd
}

// fakeHistory records the recorder calls in order.
type fakeHistory struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeHistory) add(s string) { f.mu.Lock(); f.calls = append(f.calls, s); f.mu.Unlock() }
func (f *fakeHistory) SetReps(routine, side string, done int) error {
	f.add(fmt.Sprintf("reps %s %s %d", routine, side, done))
	return nil
}
func (f *fakeHistory) Finish(_ time.Time, status string) error { f.add("finish " + status); return nil }
func (f *fakeHistory) SetPainAfter(v int) error                { f.add(fmt.Sprint("pain after ", v)); return nil }
func (f *fakeHistory) start(_ time.Time, planned []coach.Tally, _ *int) (SessionRecorder, error) {
	f.add(fmt.Sprintf("start %d exercises", len(planned)))
	return f, nil
}

// A whole program, on a fake clock, runs the custom routine (2 reps, 2
// sides, 2 s holds) to the summary: every event in order, each seen at
// exactly its scheduled instant, every rep recorded, one bell at least.
func TestSessionProgram(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &fakeHistory{}
		start := time.Now()
		ctx := NewContext(Options{Theme: "dark"})
		m := NewSession(ctx, SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Record: hist.start})
		var seen []time.Time
		var out bytes.Buffer
		p := tea.NewProgram(observed{m, &seen}, ProgramOptions(nil, &out,
			tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))...)
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()

		time.Sleep(time.Minute) // the plan is 23 s long
		synctest.Wait()
		if m.stage != stageEnd {
			t.Fatalf("after a minute the session is at stage %v", m.stage)
		}
		p.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
		if err := <-done; err != nil {
			t.Fatal(err)
		}

		var got []string
		for i, e := range m.Log() {
			s := e.Kind.String()
			switch e.Kind {
			case coach.SegmentStarted:
				s += " " + e.Segment.Kind.String()
			case coach.PhaseChanged:
				s += " " + e.Phase.String()
			case coach.RepDone, coach.SideSwitched:
				s += fmt.Sprintf(" %s %d", e.Segment.Side, e.Segment.Rep)
			}
			got = append(got, s)
			if want := start.Add(e.Offset); !e.At.Equal(want) {
				t.Errorf("%s: at %v, scheduled for %v", s, e.At.Sub(start), e.Offset)
			}
			if !seen[i].Equal(e.At) {
				t.Errorf("%s: on screen at %v, due at %v", s, seen[i].Sub(start), e.At.Sub(start))
			}
		}
		hold := []string{"segment started Hold", "phase changed Inhale", "phase changed Exhale"}
		want := []string{"segment started Get ready"}
		want = append(want, hold...)
		want = append(want, "rep done left 1", "segment started Rest")
		want = append(want, hold...)
		want = append(want, "rep done left 2", "segment started Switch sides", "segment started Hold", "side switched right 1",
			"phase changed Inhale", "phase changed Exhale", "rep done right 1", "segment started Rest")
		want = append(want, hold...)
		want = append(want, "rep done right 2", "routine done", "finished")
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}

		var tallies []string
		for _, tl := range m.Coach().Tallies() {
			tallies = append(tallies, fmt.Sprintf("%s %s %d/%d", tl.Routine, tl.Side, tl.Done, tl.Planned))
		}
		if g, w := strings.Join(tallies, ", "), "tiny left 2/2, tiny right 2/2"; g != w {
			t.Errorf("tallies %s, want %s", g, w)
		}
		if m.Status() != "completed" || m.Elapsed() != 23*time.Second {
			t.Errorf("status %q after %v, want completed after 23s", m.Status(), m.Elapsed())
		}
		wantCalls := "start 2 exercises, reps tiny left 1, reps tiny left 2, reps tiny right 1, reps tiny right 2, finish completed"
		if g := strings.Join(hist.calls, ", "); g != wantCalls {
			t.Errorf("history calls:\n%s\nwant\n%s", g, wantCalls)
		}
		if !strings.Contains(out.String(), "\a") {
			t.Error("no bell rang")
		}
		if !strings.Contains(stripANSI(m.Render(time.Now())), "Well done.") {
			t.Errorf("the summary reads\n%s", stripANSI(m.Render(time.Now())))
		}
	})
}

// Quitting mid-session waits for what was done to be saved, then leaves.
func TestSessionProgramQuitSaves(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &fakeHistory{}
		ctx := NewContext(Options{Theme: "dark", NoBell: true})
		m := NewSession(ctx, SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Record: hist.start})
		p := tea.NewProgram(m, ProgramOptions(nil, &bytes.Buffer{}, tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))...)
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()
		time.Sleep(12 * time.Second) // into left rep 2
		synctest.Wait()
		p.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		// A wake-up timer set before the quit still runs to its deadline
		// (Bubble Tea cannot cancel a command): let it, so the bubble ends.
		time.Sleep(time.Minute)
		want := "start 2 exercises, reps tiny left 1, finish stopped"
		if g := strings.Join(hist.calls, ", "); g != want {
			t.Errorf("history calls %s, want %s", g, want)
		}
	})
}
