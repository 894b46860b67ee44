package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/journaltest"
)

// testPlanOptions are the tests' pauses: every get-ready 8 s, the longer
// one for a change of position included, so that instants stay simple.
var testPlanOptions = coach.Options{Ready: 8 * time.Second, Switch: 5 * time.Second}

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// harness runs an App the way Bubble Tea would, inside a synctest bubble:
// every command runs on a goroutine of its own, the messages they return
// come back to Update in the order they arrive, and time is the bubble's
// fake clock, moved on by wait. It shows the screen as a person sees it.
type harness struct {
	t       *testing.T
	app     *App
	journal *journaltest.Journal
	start   time.Time

	mu    sync.Mutex
	msgs  []tea.Msg
	bells int
	quit  bool
}

// appOpts are what a harness starts with.
type appOpts struct {
	first  Page
	deps   Deps
	opt    Options
	w, h   int
	noJour bool // no journal at all
}

// newHarness starts an app of o.w × o.h (80x24 by default) with a fresh
// in-memory journal. Call it inside synctest.Test.
func newHarness(t *testing.T, o appOpts) *harness {
	t.Helper()
	h := &harness{t: t, journal: &journaltest.Journal{}, start: time.Now()}
	if j, ok := o.deps.Journal.(*journaltest.Journal); ok {
		h.journal = j
	} else if !o.noJour && o.deps.Journal == nil {
		o.deps.Journal = h.journal
	}
	if o.deps.Session.Options == (coach.Options{}) {
		o.deps.Session.Options = testPlanOptions
	}
	if o.opt.Theme == "" {
		o.opt.Theme = "dark"
	}
	if o.w == 0 {
		o.w, o.h = 80, 24
	}
	app, err := NewApp(NewContext(o.opt), o.deps, o.first)
	if err != nil {
		t.Fatal(err)
	}
	h.app = app
	// Let every timer still set fire before the bubble ends: their
	// goroutines must not outlive the test.
	t.Cleanup(func() {
		h.mu.Lock()
		h.quit = true
		h.mu.Unlock()
		time.Sleep(24 * time.Hour)
	})
	h.send(tea.WindowSizeMsg{Width: o.w, Height: o.h})
	h.do(app.Init())
	h.settle()
	return h
}

// do runs cmd as Bubble Tea would: on its own goroutine.
func (h *harness) do(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		h.mu.Lock()
		h.msgs = append(h.msgs, msg)
		h.mu.Unlock()
	}()
}

// send delivers msg to the app, unpacking what Bubble Tea itself handles.
func (h *harness) send(msg tea.Msg) {
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.do(c)
		}
	case tea.QuitMsg:
		h.quit = true
	case tea.RawMsg:
		if s, ok := msg.Msg.(string); ok && s == "\a" {
			h.bells++
		}
	default:
		if h.quit {
			return
		}
		_, cmd := h.app.Update(msg)
		h.do(cmd)
	}
}

// settle delivers every message that is ready, until none is.
func (h *harness) settle() {
	for {
		synctest.Wait()
		h.mu.Lock()
		msgs := h.msgs
		h.msgs = nil
		h.mu.Unlock()
		if len(msgs) == 0 {
			return
		}
		for _, m := range msgs {
			h.send(m)
		}
	}
}

// press types keys, one after the other, each settled.
func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
		h.settle()
	}
}

// wait lets d pass on the fake clock, delivering what falls due.
func (h *harness) wait(d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		step := min(time.Until(end), 50*time.Millisecond)
		time.Sleep(step)
		h.settle()
	}
}

// waitUntil lets time pass to d after the harness started.
func (h *harness) waitUntil(d time.Duration) { h.wait(time.Until(h.start.Add(d))) }

// screen is what the terminal shows, without colours.
func (h *harness) screen() string { return ansi.Strip(h.app.View().Content) }

// must fails unless the screen shows every one of want.
func (h *harness) must(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Errorf("screen has no %q:\n%s", w, s)
		}
	}
}

// mustNot fails if the screen shows any of bad.
func (h *harness) mustNot(bad ...string) {
	h.t.Helper()
	s := h.screen()
	for _, b := range bad {
		if strings.Contains(s, b) {
			h.t.Errorf("screen shows %q:\n%s", b, s)
		}
	}
}

// keyMsg is a key press by its name, as key.Matches sees it.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
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
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "delete":
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	case "ctrl+z":
		return tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
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
		t.Fatalf("%v (run: go test ./tui -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file\n--- got\n%s\n--- want\n%s", name, ansi.Strip(got), ansi.Strip(string(want)))
	}
}

// builtins are the shipped routines, in the catalog's order.
func builtins(t testing.TB) []routines.Routine {
	t.Helper()
	c, err := routines.Builtins()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := c.Pick(c.Names()...)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// builtin is one of the shipped routines.
func builtin(t *testing.T, name string) routines.Routine {
	t.Helper()
	for _, r := range builtins(t) {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no built-in %q", name)
	return routines.Routine{}
}

// tinyRoutine is the tests' own: 2 reps a side, left then right, 2 s holds
// breathing 1-0-1, 1 s rests.
func tinyRoutine() routines.Routine {
	return routines.Routine{
		Name: "tiny", Title: "Tiny stretch", Reps: 2, Hold: 2 * time.Second, Rest: time.Second,
		Sides: []routines.Side{routines.Left, routines.Right}, Pattern: routines.Pattern{time.Second, 0, time.Second, 0},
		Setup: []string{"Lie down."}, Cues: []string{"Breathe slowly."},
	}
}

func pattern(t testing.TB, s string) routines.Pattern {
	t.Helper()
	p, err := routines.ParsePattern(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// journalToday answers today's counts from what a journal holds, as the
// history would: for the home screen's refresh after a run.
type journalToday struct{ j *journaltest.Journal }

func (jt journalToday) Today(time.Time) (TodayCounts, error) {
	c := TodayCounts{Sessions: map[string]int{}}
	for _, r := range jt.j.Runs() {
		if r.Kind == routines.KindBreathe && r.Breaths > 0 {
			c.Breathe++
		}
		seen := map[string]bool{}
		for _, e := range r.Exercises {
			if e.RepsDone > 0 && !seen[e.Routine] {
				seen[e.Routine] = true
				c.Sessions[e.Routine]++
			}
		}
	}
	return c, nil
}

// fixedToday is a history that says the same every time.
type fixedToday TodayCounts

func (f fixedToday) Today(time.Time) (TodayCounts, error) { return TodayCounts(f), nil }

func inBubble(t *testing.T, f func(t *testing.T)) { synctest.Test(t, f) }

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// frame is one frame of the renderer. A screen made at instant t is the
// one Bubble Tea writes at the next frame, so it shows that frame's
// instant: "just before" a change is a frame before it.
const frame = time.Second / time.Duration(FPS)
