package tui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// Deps is everything the screens need from outside, handed in once by cmd:
// the routines, the default session and breathing, and the history's
// seams. Any seam may be nil: nothing is recorded, no counts are shown.
type Deps struct {
	Routines []routines.Routine // every routine, for pick routines
	Session  SessionConfig      // the session `s` starts (today's plan)
	Breathe  BreatheConfig      // the breathing `b` starts
	Journal  routines.Journal   // where runs are recorded
	Today    TodayProvider      // today's counts and streak
	Review   HistoryReader      // the history review's data
	Notes    []string           // one-line notes for the home screen (skipped routine files)
	Sound    Sound              // the cue player; nil: the bell on each phase change
	Care     CareDeps           // ice and heat: what `c` and `unknot care` open, the plan's record, notifications
}

// App is the one Bubble Tea model of unknot: it owns the window size, the
// background colour (asked once), the stack of screens, the help line and
// ctrl+c. Screens ask it, by message, to open a screen or close
// themselves; closing the last one ends the program. `unknot` starts it
// with Home at the bottom; `unknot breathe`, `session` and `history` with
// their own screen, so that closing it ends the program.
type App struct {
	ctx   *Context
	deps  Deps
	stack []Screen
	help  help.Model

	width, height int
	runs          []words.Run // every run that ended, in order

	helpKey, helpOut string // the last help line drawn, and what it was drawn for

	notice    string // a line above the help, for a while
	noticeGen int
	send      atomic.Pointer[func(tea.Msg)] // the running program's Send, for Ring and Notice
}

// signalMsg is a signal (TERM, HUP, INT, QUIT) that ends the visit.
type signalMsg struct{}

// NewApp starts the app with first at the bottom of the stack.
func NewApp(ctx *Context, deps Deps, first Page) (*App, error) {
	a := &App{ctx: ctx, deps: deps, help: help.New(), width: 80, height: 24}
	s, err := a.make(first)
	if err != nil {
		return nil, err
	}
	a.stack = []Screen{s}
	a.styleHelp()
	a.resize()
	return a, nil
}

// make builds the screen for page, as its entry in pages says.
func (a *App) make(p Page) (Screen, error) {
	if e, ok := entry(p); ok {
		return e.make(a.ctx, a.deps)
	}
	return newHome(a.ctx, a.deps), nil
}

// Init learns the frame grid (Bubble Tea started its frame ticker just
// before calling Init: see frameGrid), asks for the background colour
// (once per run) and starts the first screen.
func (a *App) Init() tea.Cmd {
	a.ctx.startFrames()
	cmds := []tea.Cmd{a.top().Init()}
	if a.ctx.Opt.Theme == "" || a.ctx.Opt.Theme == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

func (a *App) top() Screen { return a.stack[len(a.stack)-1] }

// Pages is the stack of open screens, bottom first.
func (a *App) Pages() []Page {
	ps := make([]Page, len(a.stack))
	for i, s := range a.stack {
		ps[i] = s.Page()
	}
	return ps
}

// Runs is every run that ended during the visit, in order.
func (a *App) Runs() []words.Run { return a.runs }

// Update routes one message: the window and the theme to every screen,
// keys through navigation to the top screen, screens' requests to the
// stack, and everything else to the top screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case tea.BackgroundColorMsg:
		a.ctx.SetBackground(msg.IsDark())
		a.styleHelp()
		a.resize()
		return a, nil
	case tea.KeyPressMsg:
		return a, a.key(msg)
	case openMsg:
		return a, a.open(msg.screen, msg.replace)
	case closeMsg:
		if len(a.stack) == 0 {
			return a, nil
		}
		return a, a.pop()
	case navMsg:
		return a, a.navigate(msg.key)
	case doneMsg:
		a.runs = append(a.runs, msg.run)
		return a, nil
	case painNotedMsg:
		// The run it follows, the newest of its kind and start: a session
		// may have had breathing run after it before its check-in.
		for i := len(a.runs) - 1; i >= 0; i-- {
			if r := &a.runs[i]; r.Kind == msg.run.Kind && r.Started.Equal(msg.run.Started) {
				v := msg.v
				r.PainAfter = &v
				break
			}
		}
		if msg.close && len(a.stack) > 0 {
			return a, a.pop()
		}
		return a, nil
	case tea.ResumeMsg:
		a.ctx.startFrames() // back from ctrl+z: the renderer's ticker started again
	case signalMsg:
		a.Interrupt(a.ctx.Opt.now(), routines.Interrupted)
		return a, tea.Quit
	case bellMsg:
		if a.ctx.Opt.NoBell {
			return a, nil
		}
		return a, tea.Raw("\a")
	case noticeMsg:
		return a, a.showNotice(msg.text, msg.for_)
	case noticeGoneMsg:
		if msg.gen == a.noticeGen && a.notice != "" {
			a.notice = ""
			a.resize()
		}
		return a, nil
	}
	if len(a.stack) == 0 {
		return a, nil // the last screen closed: the program is ending
	}
	s, cmd := a.top().Update(msg)
	a.stack[len(a.stack)-1] = s
	return a, cmd
}

// key answers a key: ctrl+c ends the visit (what was done is saved), ?
// shows all the keys, navigation keys move between screens, and the rest
// go to the top screen.
func (a *App) key(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, Keys.ForceQuit):
		a.Interrupt(a.ctx.Opt.now(), routines.Stopped)
		return tea.Quit
	case key.Matches(k, Keys.Help) && len(a.stack) > 0 && hasMore(a.top().Keys()):
		a.help.ShowAll = !a.help.ShowAll
		a.resize()
		return nil
	}
	if len(a.stack) == 0 {
		return nil
	}
	if cmd, moved := a.tryNavigate(k.String()); moved {
		return cmd
	}
	s, cmd := a.top().Update(k)
	a.stack[len(a.stack)-1] = s
	return cmd
}

// navigate moves as key says, whatever the top screen does with it.
func (a *App) navigate(key string) tea.Cmd {
	if len(a.stack) == 0 {
		return nil
	}
	cmd, _ := a.tryNavigate(key)
	return cmd
}

// tryNavigate applies Navigate to the stack; moved is false when key
// does not navigate.
func (a *App) tryNavigate(key string) (tea.Cmd, bool) {
	pages := a.Pages()
	next := Navigate(pages, a.top().Busy(), key)
	switch {
	case len(next) < len(pages):
		return a.pop(), true
	case len(next) > len(pages):
		s, err := a.make(next[len(next)-1])
		if err != nil {
			return nil, false
		}
		if w, ok := a.top().(safetyWatcher); ok && s.Page() == PageSafety {
			w.openingSafety(a.ctx.now())
		}
		return a.open(s, false), true
	}
	return nil, false
}

// open puts s on top (in place of the top one with replace).
func (a *App) open(s Screen, replace bool) tea.Cmd {
	if replace {
		a.stack = a.stack[:len(a.stack)-1]
	}
	a.stack = append(a.stack, s)
	a.resize()
	return s.Init()
}

// safetyWatcher is a screen told when ! opens the safety page over it:
// the session's summary after a stop for pain records it.
type safetyWatcher interface {
	openingSafety(at time.Time)
}

// pop closes the top screen; closing the last one ends the program.
func (a *App) pop() tea.Cmd {
	a.stack = a.stack[:len(a.stack)-1]
	if len(a.stack) == 0 {
		return tea.Quit
	}
	a.resize()
	if f, ok := a.top().(focuser); ok {
		return f.focus()
	}
	return nil
}

// Interrupt ends every run still under way at instant at, as why
// (Interrupted for a signal, Stopped for ctrl+c), records it and keeps it
// for the closing summary. It is safe to call more than once: cmd calls it
// again after the program ended, for a terminal that went away.
func (a *App) Interrupt(at time.Time, why routines.Outcome) {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if r, ok := a.stack[i].(runner); ok {
			if run, ended := r.end(at, why); ended {
				a.runs = append(a.runs, run)
			}
		}
	}
}

// resize gives every screen the body's size: the window less the help.
func (a *App) resize() {
	a.help.SetWidth(a.width)
	h := max(a.height-a.helpHeight(), 1)
	for _, s := range a.stack {
		s.SetSize(a.width, h)
	}
}

func (a *App) helpHeight() int {
	n := 0
	if a.notice != "" {
		n = 1
	}
	if len(a.stack) == 0 {
		return n + 1
	}
	return n + max(lipgloss.Height(a.helpView(a.shown(a.top().Keys()))), 1)
}

// hasMore reports whether the full help shows a key the short help does
// not: only then does ? have something to show.
func hasMore(k help.KeyMap) bool {
	n := 0
	for _, row := range k.FullHelp() {
		n += len(row)
	}
	return n > len(k.ShortHelp())
}

// shown are a screen's keys as its help line and the ? page show them:
// its own, and ? when there are more to see (or fewer, once shown).
func (a *App) shown(k help.KeyMap) help.KeyMap {
	if !hasMore(k) {
		return k
	}
	more := Keys.Help
	if a.help.ShowAll {
		more = Keys.FewerKeys
	}
	full := make([][]key.Binding, len(k.FullHelp()))
	for i, row := range k.FullHelp() {
		full[i] = append([]key.Binding(nil), row...)
	}
	full[len(full)-1] = append(full[len(full)-1], more)
	return keyHelp{short: append(append([]key.Binding(nil), k.ShortHelp()...), more), full: full}
}

// helpView draws the help line of keys, again only when the keys, the
// window or the theme changed: a pacing screen redraws several times a
// second with the same keys.
func (a *App) helpView(keys help.KeyMap) string {
	var b strings.Builder
	rows := [][]key.Binding{keys.ShortHelp()}
	if a.help.ShowAll {
		rows = keys.FullHelp()
	}
	fmt.Fprintf(&b, "%d %v %v|", a.width, a.help.ShowAll, a.ctx.Styles.Dark)
	for _, row := range rows {
		for _, k := range row {
			h := k.Help()
			b.WriteString(h.Key + "\x00" + h.Desc + "\x00")
		}
		b.WriteString("\x01")
	}
	if b.String() != a.helpKey {
		a.helpKey, a.helpOut = b.String(), a.help.View(keys)
	}
	return a.helpOut
}

func (a *App) styleHelp() {
	a.help.Styles = a.ctx.Styles.HelpStyles()
}

// View is the top screen's body with the help line under it, in the
// alternate screen for the whole visit.
func (a *App) View() tea.View {
	if len(a.stack) == 0 {
		return tea.NewView("") // the last screen closed: leave the alternate screen
	}
	top := a.top()
	bodyH := max(a.height-a.helpHeight(), 1)
	body := fitLines(top.View(), bodyH)
	helpLine := lipgloss.PlaceHorizontal(a.width, lipgloss.Center, a.helpView(a.shown(top.Keys())))
	if a.notice != "" {
		note := lipgloss.NewStyle().MaxWidth(a.width).Render(a.notice)
		helpLine = lipgloss.PlaceHorizontal(a.width, lipgloss.Center, a.ctx.Styles.Warn.Render(note)) + "\n" + helpLine
	}
	v := tea.NewView(trimRight(body + "\n" + helpLine))
	v.AltScreen = true
	v.WindowTitle = "unknot · " + top.Page().String()
	if top.Page() == PageHome {
		v.WindowTitle = "unknot"
	}
	return v
}

// trimRight drops the spaces that end each line: centring pads every line
// to the window's width, and Bubble Tea reads every character of a frame
// (a third of its work on a 200-column screen was reading those spaces),
// while the cells after a line's end are blank anyway. Spaces inside a
// style (before its reset) are kept: a coloured background stays.
func trimRight(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(line, " "))
	}
	return b.String()
}

// fitLines makes s exactly h lines: cut below, padded with empty lines.
func fitLines(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
