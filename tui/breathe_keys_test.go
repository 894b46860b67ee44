package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
)

// Keys as a table: each row presses keys at given instants and checks the
// screen's state after.
func TestBreatheKeys(t *testing.T) {
	space := tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	up := tea.KeyPressMsg{Code: tea.KeyUp}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	q := tea.KeyPressMsg{Code: 'q', Text: "q"}
	type press struct {
		at  time.Duration
		key tea.KeyPressMsg
	}
	cases := []struct {
		name    string
		presses []press
		look    time.Duration
		paused  bool
		pace    float64
		offset  time.Duration
		done    bool
		status  string
	}{
		{"nothing", nil, 7 * time.Second, false, 1, 7 * time.Second, false, ""},
		{"pause", []press{{2 * time.Second, space}}, 30 * time.Second, true, 1, 2 * time.Second, false, ""},
		{"pause and resume", []press{{2 * time.Second, space}, {10 * time.Second, space}}, 11 * time.Second, false, 1, 3 * time.Second, false, ""},
		{"slower twice", []press{{0, up}, {0, up}}, time.Second, false, 1.2, time.Second, false, ""},
		{"faster, bounded", []press{{0, down}, {0, down}, {0, down}, {0, down}, {0, down}, {0, down}, {0, down}}, 0, false, 0.5, 0, false, ""},
		{"quit an open session", []press{{4 * time.Second, q}}, 9 * time.Second, false, 1, 4 * time.Second, true, StatusCompleted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, clock := newTestBreathe(t, Options{Theme: "dark"}, 80, 24, "5-1-3", 0)
			for _, p := range c.presses {
				clock.t = m.start.Add(p.at)
				m.Update(p.key)
			}
			breatheAt(m, clock, c.look)
			st := m.State()
			if st.Paused != c.paused || st.Pace != c.pace || st.Offset != c.offset || m.Done() != c.done || m.Status() != c.status {
				t.Errorf("paused %v pace %v offset %v done %v status %q; want %v %v %v %v %q",
					st.Paused, st.Pace, st.Offset, m.Done(), m.Status(), c.paused, c.pace, c.offset, c.done, c.status)
			}
		})
	}
}

// Quitting a session with a set number of breaths before its end is a stop.
func TestBreatheQuitEarlyIsStopped(t *testing.T) {
	m, clock := newTestBreathe(t, Options{Theme: "dark"}, 80, 24, "5-1-3", 10)
	clock.t = m.start.Add(20 * time.Second)
	m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if !m.Done() || m.Status() != StatusStopped || m.coach.BreathsDone() != 2 {
		t.Errorf("done %v status %q breaths %d", m.Done(), m.Status(), m.coach.BreathsDone())
	}
}

// Stale wake-ups change nothing; each arm starts a new generation, and a
// paused screen sets no timer at all.
func TestBreatheWakeGenerations(t *testing.T) {
	m, clock := newTestBreathe(t, Options{Theme: "dark"}, 80, 24, "5-1-3", 0)
	gen := m.gen
	clock.t = m.start.Add(time.Second)
	if _, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}); m.gen == gen {
		t.Error("pausing did not start a new generation")
	} else if _, ok := m.nextChange(clock.t); ok {
		t.Errorf("a paused screen wants a wake-up (cmd %v)", cmd != nil)
	}
}

// The next wake-up is the next change on screen: on a 5-1-3 inhale at an
// 80x24 window, the shape steps before the seconds change.
func TestBreatheNextChange(t *testing.T) {
	m, clock := newTestBreathe(t, Options{Theme: "dark"}, 80, 24, "5-1-3", 0)
	st := m.State()
	steps := m.layout(st).shape.Steps()
	e, _ := ShapeNext(routines.Inhale, 0, 5*time.Second, steps)
	next, ok := m.nextChange(clock.t)
	if !ok || next.Sub(m.start) != e {
		t.Errorf("next change at %v, want the first shape step at %v", next.Sub(m.start), e)
	}
	m2, clock2 := newTestBreathe(t, Options{Theme: "dark", ReducedMotion: true}, 80, 24, "5-1-3", 0)
	clock2.t = m2.start.Add(1500 * time.Millisecond)
	if next, ok := m2.nextChange(clock2.t); !ok || next.Sub(m2.start) != 2*time.Second {
		t.Errorf("reduced motion: next change at %v, want 2s (the next whole second)", next.Sub(m2.start))
	}
}
