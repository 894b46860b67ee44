package tui

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/unknot/unknot/routines"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// sessEpoch is the fixed instant the test sessions start at.
var sessEpoch = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// sessClock is a clock the test moves by hand.
type sessClock struct{ t time.Time }

func (c *sessClock) Now() time.Time          { return c.t }
func (c *sessClock) Add(d time.Duration)     { c.t = c.t.Add(d) }
func (c *sessClock) Set(since time.Duration) { c.t = sessEpoch.Add(since) }
func (c *sessClock) Since() time.Duration    { return c.t.Sub(sessEpoch) }
func newSessClock() *sessClock               { return &sessClock{t: sessEpoch} }

// builtin is one of the shipped routines.
func sessBuiltin(t *testing.T, name string) routines.Routine {
	t.Helper()
	c, err := routines.Builtins()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Get(name)
	if !ok {
		t.Fatalf("no built-in %q", name)
	}
	return r
}

// tiny is the custom routine of the tests: 2 reps a side, left then
// right, 2 s holds breathing 1-0-1.
func tinyRoutine() routines.Routine {
	return routines.Routine{
		Name: "tiny", Title: "Tiny stretch", Reps: 2, Hold: 2 * time.Second, Rest: time.Second,
		Sides: []routines.Side{routines.Left, routines.Right}, Pattern: routines.Pattern{time.Second, 0, time.Second, 0},
		Setup: []string{"Lie down."}, Cues: []string{"Breathe slowly."},
	}
}

// newSession makes a started session screen of w×h on the fake clock.
func newSession(t *testing.T, clk *sessClock, w, h int, theme string, rs ...routines.Routine) *Session {
	t.Helper()
	ctx := NewContext(Options{Theme: theme, Now: clk.Now, NoBell: true})
	m := NewSession(ctx, SessionConfig{Routines: rs})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Init()
	if m.coach == nil {
		t.Fatal("the session did not start")
	}
	return m
}

// press sends a key by its name, as key.Matches sees it.
func sessPress(m tea.Model, k string) tea.Cmd {
	_, cmd := m.Update(sessKey(k))
	return cmd
}

func sessKey(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// pinned is s as a terminal with 256 colours receives it: the colour
// profile is fixed so the goldens do not depend on the machine.
func pin256(s string) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ANSI256}
	_, _ = w.Write([]byte(s))
	return b.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func sessGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./tui -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func sessWindow(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
