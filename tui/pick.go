package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/figure"
	"github.com/unknot/unknot/tui/words"
)

// Pick lets the person choose routines for one session: space marks, Enter
// starts the marked ones (or the one under the cursor). The session takes
// its place on the stack, so closing the session goes back home.
type Pick struct {
	ctx    *Context
	deps   Deps
	w, h   int
	counts *TodayCounts
	at     int
	picked map[string]bool
}

func newPick(ctx *Context, deps Deps) *Pick {
	return &Pick{ctx: ctx, deps: deps, picked: map[string]bool{}}
}

// Page is PagePick.
func (m *Pick) Page() Page { return PagePick }

// Init reads today's counts, to show each routine's against its limit.
func (m *Pick) Init() tea.Cmd { return loadToday(m, m.deps.Today, m.ctx.Opt.now()) }

// SetSize is the body's size.
func (m *Pick) SetSize(w, h int) { m.w, m.h = w, h }

// Busy is false: q and Esc go back.
func (m *Pick) Busy() bool { return false }

// Keys are the list's.
func (m *Pick) Keys() help.KeyMap {
	ks := []key.Binding{Keys.Up, Keys.Down, Keys.Toggle, Keys.Marked}
	if m.ctx.Opt.Figures != nil {
		ks = append(ks, Keys.Figure)
	}
	return keyMap{append(ks, Keys.Close, Keys.Safety)}
}

// Update moves, marks and starts.
func (m *Pick) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case todayMsg:
		if msg.to == m && msg.err == nil {
			c := msg.counts
			m.counts = &c
		}
	case tea.KeyPressMsg:
		rs := m.deps.Routines
		switch {
		case len(rs) == 0:
		case key.Matches(msg, Keys.Up):
			m.at = max(m.at-1, 0)
		case key.Matches(msg, Keys.Down):
			m.at = min(m.at+1, len(rs)-1)
		case key.Matches(msg, Keys.Toggle):
			m.picked[rs[m.at].Name] = !m.picked[rs[m.at].Name]
		case key.Matches(msg, Keys.Marked):
			return m, m.start()
		case key.Matches(msg, Keys.Figure):
			return m, m.ctx.Opt.Figures.Toggle()
		}
	}
	return m, nil
}

// start opens a session of the marked routines, in the list's order.
func (m *Pick) start() tea.Cmd {
	var chosen []routines.Routine
	for _, r := range m.deps.Routines {
		if m.picked[r.Name] {
			chosen = append(chosen, r)
		}
	}
	if len(chosen) == 0 {
		chosen = []routines.Routine{m.deps.Routines[m.at]}
	}
	cfg := m.deps.Session
	cfg.Routines = chosen
	return replaceWith(newSession(m.ctx, cfg, m.deps))
}

// View draws the list.
func (m *Pick) View() string {
	if m.w < MinWidth || m.h < MinHeight-1 {
		return tooSmallView(m.w, m.h, MinWidth, MinHeight)
	}
	s := m.ctx.Styles
	lines := m.lines()
	bs := []part{{s.Title.Render("Pick routines"), 1}, {strings.Join(lines, "\n"), 0}}
	for _, n := range m.deps.Notes {
		bs = append(bs, part{wrapText(s.Warn, min(m.w-4, 64), n), 2})
	}
	if len(m.deps.Routines) > 0 {
		if pic := m.picture(m.deps.Routines[m.at]); pic != "" {
			return pic
		}
	}
	return stackParts(m.w, m.h, bs)
}

// picture is the list beside the highlighted routine's stretch, as the
// session screen shows pictures; "" when there is none to show or no room.
func (m *Pick) picture(r routines.Routine) string {
	if r.Picture == nil || !m.ctx.Opt.Figures.Shown() {
		return ""
	}
	cols, rows := figure.Box(m.w, m.h)
	if cols == 0 {
		return ""
	}
	pic := figure.ForRoutine(r)
	cols, rows = figure.Fit(pic, cols, rows)
	if m.w-cols-figureGap-1 < minWordsWidth {
		return ""
	}
	s := m.ctx.Styles
	lines := m.lines()
	textW := m.w - cols - figureGap - 1
	bs := []part{{s.Title.Render("Pick routines"), 1}, {strings.Join(lines, "\n"), 0}}
	for _, n := range m.deps.Notes {
		bs = append(bs, part{wrapText(s.Warn, min(textW-4, 64), n), 2})
	}
	drawn := figure.Draw(pic, pic.Stretch(), cols, rows).Paint(paintFigure(s))
	return beside(drawn, cols, rows, stackParts(textW, m.h, bs), m.h)
}

// lines are the routines, one a line, the highlighted one marked.
func (m *Pick) lines() []string {
	s := m.ctx.Styles
	var lines []string
	for i, r := range m.deps.Routines {
		box := "[ ]"
		if m.picked[r.Name] {
			box = "[x]"
		}
		line := box + " " + r.Title + m.countNote(r)
		if i == m.at {
			lines = append(lines, s.Accent.Bold(true).Render("> "+line))
		} else {
			lines = append(lines, s.Text.Render("  "+line))
		}
	}
	return lines
}

// countNote is "  (1 today, at most 3 sessions)" for a routine with a daily limit, once
// the history has answered; blanks of the same width until then, so the
// list (centred as one block) does not move when the counts arrive.
func (m *Pick) countNote(r routines.Routine) string {
	if m.deps.Today == nil || r.DailyLimit == 0 {
		return ""
	}
	if m.counts == nil {
		return spaces(len("  (0 today, at most " + words.Plural(r.DailyLimit, "session") + ")"))
	}
	return "  (" + itoa(m.counts.Sessions[r.Name]) + " today, at most " + words.Plural(r.DailyLimit, "session") + ")"
}
