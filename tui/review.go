package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines/history"
)

// LoadOverview reads what the review screen shows, as of instant now. cmd
// passes the store's Overview; tests pass a fixture.
type LoadOverview func(now time.Time) (history.Overview, error)

// Review is the screen of `unknot history`: the calendar, the streaks, the
// pain trend, the totals and the list of sessions, in one scrollable page.
// It reads the history in a command, never in Update or View.
type Review struct {
	ctx  *Context
	load LoadOverview
	now  time.Time

	ov     *history.Overview
	err    error
	vp     viewport.Model
	ready  bool
	quit   bool
	layout int // the width the content was laid out for
}

// reviewLoaded carries the overview once read.
type reviewLoaded struct {
	ov  history.Overview
	err error
}

// NewReview makes the review screen; it loads when it starts.
func NewReview(ctx *Context, load LoadOverview) *Review {
	vp := viewport.New(viewport.WithWidth(ctx.Width), viewport.WithHeight(max(ctx.Height-2, 1)))
	return &Review{ctx: ctx, load: load, vp: vp, now: ctx.Opt.now()}
}

// Init reads the history and asks the terminal for its background.
func (m *Review) Init() tea.Cmd {
	load, now := m.load, m.now
	return tea.Batch(func() tea.Msg {
		ov, err := load(now)
		return reviewLoaded{ov, err}
	}, tea.RequestBackgroundColor)
}

// Update handles the loaded overview, the window, the background and keys.
func (m *Review) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case reviewLoaded:
		m.ready = true
		if msg.err != nil {
			m.err = msg.err
		} else {
			m.ov = &msg.ov
		}
		m.relayout(true)
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.relayout(false)
	case tea.BackgroundColorMsg:
		m.ctx.SetBackground(msg.IsDark())
		m.relayout(false)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, Keys.Quit), msg.String() == "esc":
			m.quit = true
			return m, tea.Quit
		case msg.String() == "g" || msg.String() == "home":
			m.vp.GotoTop()
		case msg.String() == "G" || msg.String() == "end":
			m.vp.GotoBottom()
		default:
			var cmd tea.Cmd
			m.vp, cmd = m.vp.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

// relayout sizes the viewport to the window and lays the page out again.
func (m *Review) relayout(top bool) {
	m.vp.SetWidth(m.ctx.Width)
	m.vp.SetHeight(max(m.ctx.Height-2, 1))
	off := m.vp.YOffset()
	m.vp.SetContent(m.page(m.ctx.Width))
	m.layout = m.ctx.Width
	if !top {
		m.vp.SetYOffset(off)
	}
}

// View draws the header, the scrolling page and the keys.
func (m *Review) View() tea.View {
	return tea.NewView(m.Render())
}
