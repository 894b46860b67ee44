package tui

import (
	"io"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/unknot/unknot/routines"
)

// breathePhaseMark is a phase the model showed and the fake instant it began to.
type breathePhaseMark struct {
	at     time.Duration
	phase  routines.Phase
	breath int
}

// breatheWatch wraps the breathe model and notes, after Init and each Update,
// when the phase it shows changes. The clock is synctest's fake one, so the
// instants are exact: a timer fires at its deadline to the nanosecond.
type breatheWatch struct {
	m     *Breathe
	start time.Time
	mu    *sync.Mutex
	marks *[]breathePhaseMark
	bells *int
}

func (w breatheWatch) note() {
	st := w.m.State()
	if w.m.Done() {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	mk := breathePhaseMark{at: time.Since(w.start), phase: st.Phase, breath: st.Breath}
	if n := len(*w.marks); n == 0 || (*w.marks)[n-1].phase != mk.phase || (*w.marks)[n-1].breath != mk.breath {
		*w.marks = append(*w.marks, mk)
	}
}

func (w breatheWatch) Init() tea.Cmd {
	cmd := w.m.Init()
	w.note()
	return cmd
}

func (w breatheWatch) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.RawMsg); ok {
		w.mu.Lock()
		*w.bells++
		w.mu.Unlock()
	}
	_, cmd := w.m.Update(msg)
	w.note()
	return w, cmd
}

func (w breatheWatch) View() tea.View { return w.m.View() }

// TestBreatheProgram runs a whole `breathe -n 3 -p 1-1-1` program, renderer
// and all, under a fake clock: the phases change at exactly 0, 1, ... 8 s,
// a bell rings for each, and the program ends on its own after the closing
// screen.
func TestBreatheProgram(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, err := routines.ParsePattern("1-1-1")
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		m, err := NewBreathe(NewContext(Options{Theme: "dark"}), BreatheConfig{Pattern: p, Breaths: 3})
		if err != nil {
			t.Fatal(err)
		}
		var marks []breathePhaseMark
		bells := 0
		w := breatheWatch{m: m, start: start, mu: &sync.Mutex{}, marks: &marks, bells: &bells}
		final, err := run(w, nil, io.Discard, false,
			tea.WithWindowSize(80, 24), tea.WithColorProfile(colorprofile.TrueColor))
		if err != nil {
			t.Fatal(err)
		}
		ended := time.Since(start)

		phases := []routines.Phase{routines.Inhale, routines.Hold, routines.Exhale}
		if len(marks) != 9 {
			t.Fatalf("saw %d phase changes, want 9: %+v", len(marks), marks)
		}
		for i, mk := range marks {
			want := breathePhaseMark{at: time.Duration(i) * time.Second, phase: phases[i%3], breath: i/3 + 1}
			if mk != want {
				t.Errorf("phase change %d = %+v, want %+v", i, mk, want)
			}
		}
		if bells != 9 {
			t.Errorf("rang %d bells, want 9", bells)
		}
		// The closing screen shows from 9 s until it closes itself.
		if want := 9*time.Second + CloseAfter; ended != want {
			t.Errorf("program ended after %v, want %v", ended, want)
		}
		b := final.(breatheWatch).m
		if !b.Done() || b.Status() != StatusCompleted {
			t.Errorf("done %v, status %q; want done, completed", b.Done(), b.Status())
		}
		view := b.View().Content
		for _, want := range []string{"Well done.", "3 breaths · 0:09"} {
			if !strings.Contains(view, want) {
				t.Errorf("closing screen lacks %q:\n%s", want, view)
			}
		}
		if got := b.Summary(); got != "3 breaths in 0:09." {
			t.Errorf("summary %q", got)
		}
	})
}

// TestBreatheProgramNoBell: --no-bell rings nothing.
func TestBreatheProgramNoBell(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, _ := routines.ParsePattern("1-1-1")
		m, _ := NewBreathe(NewContext(Options{Theme: "dark", NoBell: true}), BreatheConfig{Pattern: p, Breaths: 1})
		var marks []breathePhaseMark
		bells := 0
		w := breatheWatch{m: m, start: time.Now(), mu: &sync.Mutex{}, marks: &marks, bells: &bells}
		if _, err := run(w, nil, io.Discard, false, tea.WithWindowSize(80, 24)); err != nil {
			t.Fatal(err)
		}
		if len(marks) != 3 || bells != 0 {
			t.Errorf("%d phase changes and %d bells; want 3 and 0", len(marks), bells)
		}
	})
}
