package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
)

// Golden views of the breathe screen. lipgloss v2 writes colours as 24-bit
// sequences whatever the terminal (the program's renderer downsamples them
// to the terminal's profile on the way out), so View's content is the same
// on every machine: the goldens are the TrueColor profile, pinned by
// construction. Regenerate with `go test ./tui -run Golden -update` (the
// -update flag is the package's shared one; UPDATE_GOLDEN=1 also works).

func updatingGoldens() bool {
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		return true
	}
	return os.Getenv("UPDATE_GOLDEN") == "1"
}

// breatheGolden compares got with testdata/name, or rewrites it.
func breatheGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updatingGoldens() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update if the change is meant):\n--- got ---\n%s\n--- want ---\n%s",
			name, ansi.Strip(got), ansi.Strip(string(want)))
	}
}

// breatheClock is a clock a test moves by hand.
type breatheClock struct{ t time.Time }

func (c *breatheClock) now() time.Time { return c.t }

// newTestBreathe makes a breathe screen of w × h on a fake clock.
func newTestBreathe(t *testing.T, opt Options, w, h int, pattern string, breaths int) (*Breathe, *breatheClock) {
	t.Helper()
	clock := &breatheClock{t: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)}
	opt.Now = clock.now
	p, err := routines.ParsePattern(pattern)
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewBreathe(NewContext(opt), BreatheConfig{Pattern: p, Breaths: breaths})
	if err != nil {
		t.Fatal(err)
	}
	m.Init()
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, clock
}

// breatheAt moves the clock to d after the start and lets the screen see it.
func breatheAt(m *Breathe, c *breatheClock, d time.Duration) {
	c.t = m.start.Add(d)
	m.Update(wakeMsg{gen: -1}) // a stale wake-up: only brings the screen to now
}

func TestBreatheGolden(t *testing.T) {
	phases := []struct {
		name string
		at   time.Duration
	}{
		{"inhale", 2 * time.Second}, {"hold", 5500 * time.Millisecond}, {"exhale", 7 * time.Second},
	}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		for _, theme := range []string{"dark", "light"} {
			for _, reduced := range []bool{false, true} {
				for _, ph := range phases {
					name := fmt.Sprintf("breathe_%s_%dx%d_%s", ph.name, size[0], size[1], theme)
					if reduced {
						name += "_reduced"
					}
					t.Run(name, func(t *testing.T) {
						m, c := newTestBreathe(t, Options{Theme: theme, ReducedMotion: reduced}, size[0], size[1], "5-1-3", 10)
						breatheAt(m, c, ph.at)
						v := m.View().Content
						breatheFits(t, v, size[0], size[1])
						breatheGolden(t, name+".golden", v)
					})
				}
			}
		}
	}
}

// The other screens: paused, a pace change, the closing screen, too small.
func TestBreatheGoldenStates(t *testing.T) {
	t.Run("paused", func(t *testing.T) {
		m, c := newTestBreathe(t, Options{Theme: "dark"}, 80, 24, "5-1-3", 0)
		breatheAt(m, c, 3*time.Second)
		m.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		breatheAt(m, c, 60*time.Second)
		v := m.View().Content
		if !strings.Contains(ansi.Strip(v), "Paused. Space to go on.") || !strings.Contains(ansi.Strip(v), "Inhale  2") {
			t.Errorf("paused screen:\n%s", ansi.Strip(v))
		}
		breatheGolden(t, "breathe_paused_80x24_dark.golden", v)
	})
	t.Run("slower", func(t *testing.T) {
		m, c := newTestBreathe(t, Options{Theme: "dark"}, 40, 12, "5-1-3", 0)
		m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
		m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
		breatheAt(m, c, 1*time.Second)
		v := m.View().Content
		breatheFits(t, v, 40, 12)
		breatheGolden(t, "breathe_slower_40x12_dark.golden", v)
	})
	t.Run("closing", func(t *testing.T) {
		m, c := newTestBreathe(t, Options{Theme: "light"}, 80, 24, "1-1-1", 3)
		breatheAt(m, c, 9*time.Second)
		breatheGolden(t, "breathe_closing_80x24_light.golden", m.View().Content)
	})
	t.Run("too small", func(t *testing.T) {
		m, c := newTestBreathe(t, Options{Theme: "dark"}, 20, 6, "5-1-3", 0)
		breatheAt(m, c, time.Second)
		v := ansi.Strip(m.View().Content)
		// Wrapped to fit the 20-column window: read the words, not the lines.
		if !strings.Contains(strings.Join(strings.Fields(v), " "), "window too small (need 30×8)") {
			t.Errorf("too small:\n%s", v)
		}
		m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
		if v := ansi.Strip(m.View().Content); !strings.Contains(v, "Inhale") {
			t.Errorf("did not recover when enlarged:\n%s", v)
		}
	})
}

// breatheFits fails when the view is taller or wider than the window.
func breatheFits(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%d lines in a window of %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d wide in a window of %d: %q", i, n, w, ansi.Strip(l))
		}
	}
}
