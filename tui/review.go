package tui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
	"github.com/unknot/unknot/tui/words"
)

// HistoryReader is what the review screen reads from the history: the
// overview of its first frame as of instant now, and the sessions after
// the first offset ones, newest first, a page at a time. cmd passes the
// store's (with --since applied); tests pass a fixture.
type HistoryReader interface {
	Overview(now time.Time) (record.Overview, error)
	Sessions(offset, limit int) ([]record.Session, error)
}

// reviewPage is how many sessions the review reads at a time.
const reviewPage = 100

// Review is the screen of `unknot history`: the calendar, the streaks, the
// pain trend, the totals and the list of sessions, in one scrollable page.
// It reads the history in a command, never in Update or View.
type Review struct {
	ctx    *Context
	load   HistoryReader
	titles map[string]string // a routine's name -> its title (newReview)
	now    time.Time
	w, h   int

	ov      *record.Overview
	levels  []RoutineLevel
	err     error
	list    []record.Session // the sessions read so far, newest first
	listErr error
	loading bool // a page of older sessions is being read
	vp      viewport.Model
	ready   bool
}

// reviewMore carries a page of older sessions.
type reviewMore struct {
	m    *Review
	list []record.Session
	err  error
}

// reviewLoaded carries the overview once read, to the screen that asked.
type reviewLoaded struct {
	m      *Review
	ov     record.Overview
	err    error
	levels []RoutineLevel
}

// LevelReader is a HistoryReader that also knows each routine's present
// level (gentle progression), for a line of the totals.
type LevelReader interface {
	Levels() ([]RoutineLevel, error)
}

// RoutineLevel is one routine's present level: steps from its file, and
// what that sets ("6 reps per side").
type RoutineLevel = words.Level

// newReview makes the review screen; it loads when it starts.
func newReview(ctx *Context, load HistoryReader, rs []routines.Routine) *Review {
	vp := viewport.New(viewport.WithWidth(80), viewport.WithHeight(22))
	vp.KeyMap = reviewScroll()
	titles := make(map[string]string, len(rs))
	for _, r := range rs {
		titles[r.Name] = r.Title
	}
	return &Review{ctx: ctx, load: load, vp: vp, now: ctx.Opt.now(), w: 80, h: 23, titles: titles}
}

// title is how a routine is named to the person: its title, as the
// session and the report name it, or its name when no routine of the
// catalog has it (a file since removed, an import).
func (m *Review) title(name string) string {
	if t := m.titles[name]; t != "" {
		return routines.Printable(t)
	}
	return routines.Printable(name) // names come from files and imports
}

// Page is PageReview.
func (m *Review) Page() Page { return PageReview }

// Busy is false: q and Esc go back.
func (m *Review) Busy() bool { return false }

// SetSize is the body's size; the page is laid out again for it.
func (m *Review) SetSize(w, h int) {
	m.w, m.h = w, h
	m.relayout(false)
}

// Keys are scrolling's.
func (m *Review) Keys() help.KeyMap {
	return keyMap{{Keys.Scroll, Keys.Page, Keys.Done, Keys.Safety}, {Keys.Top, Keys.Bottom}}
}

// reviewScroll is the viewport's keys: the review's own, and no others
// (the viewport's defaults would scroll on j, k, f, b, u, d and space,
// keys the help does not show).
func reviewScroll() viewport.KeyMap {
	return viewport.KeyMap{Up: Keys.ScrollUp, Down: Keys.ScrollDown, PageUp: Keys.PageUp, PageDown: Keys.PageDown}
}

// Init reads the record.
func (m *Review) Init() tea.Cmd {
	if m.load == nil {
		m.ready, m.err = true, errNoHistory
		m.relayout(true)
		return nil
	}
	load, now := m.load, m.now
	return func() tea.Msg {
		ov, err := load.Overview(now)
		msg := reviewLoaded{m: m, ov: ov, err: err}
		if lr, ok := load.(LevelReader); ok && err == nil {
			msg.levels, _ = lr.Levels() // a line of the totals: without it the review still shows
		}
		return msg
	}
}

// more reads the next page of older sessions, when the list is scrolled
// to its end and there are more.
func (m *Review) more() tea.Cmd {
	if m.loading || m.ov == nil || m.listErr != nil || len(m.list) >= m.ov.Sessions || !m.vp.AtBottom() {
		return nil
	}
	m.loading = true
	load, off := m.load, len(m.list)
	return func() tea.Msg {
		list, err := load.Sessions(off, reviewPage)
		return reviewMore{m, list, err}
	}
}

// Update handles the loaded overview and keys.
func (m *Review) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case reviewLoaded:
		if msg.m != m {
			return m, nil
		}
		m.ready = true
		if msg.err != nil {
			m.err = msg.err
		} else {
			m.ov = &msg.ov
			m.list = msg.ov.Recent
			m.levels = msg.levels
		}
		m.relayout(true)
		return m, m.more()
	case reviewMore:
		if msg.m != m {
			return m, nil
		}
		m.loading = false
		m.list, m.listErr = append(m.list, msg.list...), msg.err
		if len(msg.list) == 0 && msg.err == nil {
			m.ov.Sessions = len(m.list) // the history shrank meanwhile: stop asking
		}
		m.relayout(false)
		return m, m.more()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, Keys.Done):
			return m, closeScreen
		case key.Matches(msg, Keys.Top):
			m.vp.GotoTop()
		case key.Matches(msg, Keys.Bottom):
			m.vp.GotoBottom()
		default:
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(msg)
			return m, tea.Batch(cmd, m.more())
		}
		return m, m.more()
	}
	return m, nil
}

// relayout sizes the viewport to the body and lays the page out again.
func (m *Review) relayout(top bool) {
	m.vp.SetWidth(m.w)
	m.vp.SetHeight(max(m.h-2, 1))
	off := m.vp.YOffset()
	m.vp.SetContent(m.page(m.w))
	if !top {
		m.vp.SetYOffset(off)
	}
}

// errNoHistory is what the review says when there is no history to read.
var errNoHistory = errors.New("no history is available")
