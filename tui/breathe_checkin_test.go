package tui

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
)

// breathHistory is a fake breathe record that keeps every call.
type breathHistory struct {
	mu    sync.Mutex
	calls []string
}

func (f *breathHistory) add(s string) { f.mu.Lock(); f.calls = append(f.calls, s); f.mu.Unlock() }
func (f *breathHistory) SetBreaths(n int) error {
	f.add("breaths " + itoa(n))
	return nil
}
func (f *breathHistory) Finish(_ time.Time, status string) error {
	f.add("finish " + status)
	return nil
}
func (f *breathHistory) SetPainAfter(v int) error { f.add("pain after " + itoa(v)); return nil }
func (f *breathHistory) log() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.calls, "|")
}

// runBreatheCheckin runs `breathe -n 2 -p 1-1-1` as a program with the
// check-in on, sends keys once the closing screen shows, and returns the
// model when the program has ended.
func runBreatheCheckin(t *testing.T, hist *breathHistory, checkin bool, keys ...string) *Breathe {
	p113, _ := routines.ParsePattern("1-1-1")
	ctx := NewContext(Options{Theme: "dark", NoBell: true})
	m, err := NewBreathe(ctx, BreatheConfig{Pattern: p113, Breaths: 2, Checkin: checkin,
		Record: func(time.Time, int) (Recorder, error) { return hist, nil }})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	p := tea.NewProgram(m, ProgramOptions(nil, &out, tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))...)
	done := make(chan error)
	go func() { _, err := p.Run(); done <- err }()
	time.Sleep(7 * time.Second) // two breaths of 3 s, and a second more
	synctest.Wait()
	for _, k := range keys {
		p.Send(sessKey(k))
		synctest.Wait()
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBreatheAsksAfterAndRecordsTheAnswer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &breathHistory{}
		m := runBreatheCheckin(t, hist, true, "2", "enter")
		if got, want := hist.log(), "breaths 1|breaths 2|finish completed|pain after 2"; got != want {
			t.Errorf("history calls %q, want %q", got, want)
		}
		if m.asking {
			t.Error("still asking after the answer")
		}
	})
}

func TestBreatheCheckinWaitsAndQClosesWithoutAnswer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &breathHistory{}
		// A minute goes by on the closing screen: it waits, then q closes it.
		ctx := NewContext(Options{Theme: "dark", NoBell: true})
		p113, _ := routines.ParsePattern("1-1-1")
		m, _ := NewBreathe(ctx, BreatheConfig{Pattern: p113, Breaths: 1, Checkin: true,
			Record: func(time.Time, int) (Recorder, error) { return hist, nil }})
		var out bytes.Buffer
		p := tea.NewProgram(m, ProgramOptions(nil, &out, tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))...)
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()
		time.Sleep(time.Minute)
		synctest.Wait()
		select {
		case <-done:
			t.Fatal("the closing screen closed by itself while it asked")
		default:
		}
		p.Send(sessKey("q"))
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if !m.asking || !strings.Contains(stripANSI(m.render()), CheckInQuestion) {
			t.Errorf("the closing screen did not ask:\n%s", stripANSI(m.render()))
		}
		if strings.Contains(hist.log(), "pain after") {
			t.Errorf("q recorded a check-in: %q", hist.log())
		}
	})
}

func TestBreatheWithoutCheckinClosesByItself(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &breathHistory{}
		m := runBreatheCheckin(t, hist, false)
		if m.asking || strings.Contains(hist.log(), "pain after") {
			t.Errorf("--no-checkin asked anyway: %q", hist.log())
		}
	})
}
