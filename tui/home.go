package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// homeItem is one line of the home menu: its words and the key that
// chooses it (Enter on the line is the same key).
type homeItem struct {
	label string
	key   key.Binding
}

// homeItems are the pages home opens (see pages), then Quit.
func homeItems() []homeItem {
	var items []homeItem
	for _, e := range onHome() {
		items = append(items, homeItem{e.label, e.key})
	}
	return append(items, homeItem{"Quit", Keys.Quit})
}

// Home is the screen of `unknot` with no arguments: a menu (one key each,
// or arrows and Enter), today's counts against the daily limits and the
// streak. It is read again each time a screen closes back to it.
type Home struct {
	ctx    *Context
	deps   Deps
	w, h   int
	counts *TodayCounts // nil until (unless) the history answers
	cursor int
}

func newHome(ctx *Context, deps Deps) *Home { return &Home{ctx: ctx, deps: deps} }

// Page is PageHome.
func (m *Home) Page() Page { return PageHome }

// Init reads today's counts.
func (m *Home) Init() tea.Cmd { return loadToday(m, m.deps.Today, m.ctx.Opt.now()) }

func (m *Home) focus() tea.Cmd { return m.Init() }

// SetSize is the body's size.
func (m *Home) SetSize(w, h int) { m.w, m.h = w, h }

// Busy is false: the home screen's keys are navigation.
func (m *Home) Busy() bool { return false }

// Keys are the menu's: the arrows and Enter, and each line's letter (the
// first, breathing, in the short help).
func (m *Home) Keys() help.KeyMap {
	items := homeItems()
	rest := make([]key.Binding, 0, len(items)-1)
	for _, it := range items[1:] {
		rest = append(rest, it.key)
	}
	return keyMap{{Keys.Up, Keys.Down, Keys.Choose, items[0].key}, rest}
}

// Update takes today's counts and moves the cursor; Enter is the line's key.
func (m *Home) Update(msg tea.Msg) (Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case todayMsg:
		if msg.to == m && msg.err == nil {
			c := msg.counts
			m.counts = &c
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, Keys.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, Keys.Down):
			m.cursor = min(m.cursor+1, len(homeItems())-1)
		case key.Matches(msg, Keys.Choose):
			return m, navigate(homeItems()[m.cursor].key.Keys()[0])
		}
	}
	return m, nil
}

// View draws the menu, today's panel and the notes.
func (m *Home) View() string {
	if m.w < MinWidth || m.h < MinHeight-1 {
		return tooSmallView(m.w, m.h, MinWidth, MinHeight)
	}
	s := m.ctx.Styles
	textW := min(m.w-4, 64)
	bs := []part{{s.Title.Render("unknot"), 1}, {m.menu(), 0}, {m.todayPanel(), 2}}
	for _, n := range m.deps.Notes {
		bs = append(bs, part{wrapText(s.Warn, textW, n), 2})
	}
	bs = append(bs, part{wrapText(s.Subtle, textW, routines.NotAdvice), 3})
	return stackParts(m.w, m.h, bs)
}

func (m *Home) menu() string {
	s := m.ctx.Styles
	var lines []string
	for i, it := range homeItems() {
		label := it.key.Help().Key + "  " + it.label
		if i == m.cursor {
			lines = append(lines, s.Accent.Bold(true).Render("> "+label))
		} else {
			lines = append(lines, s.Text.Render("  "+label))
		}
	}
	return strings.Join(lines, "\n")
}

// todayPanel is today's count against each daily limit and the streak,
// when there is a history to ask. It keeps the same height before the
// history answers and whatever it says (blank lines where a count is not
// shown): the menu above it, centred with it, must not move when the
// counts arrive, a moment after the first frame.
func (m *Home) todayPanel() string {
	if m.deps.Today == nil {
		return ""
	}
	lines := m.todayLines()
	for len(lines) < m.panelHeight() {
		lines = append(lines, "")
	}
	return m.ctx.Styles.Subtle.Render(strings.Join(lines, "\n"))
}

// panelHeight is the most lines todayLines can give: one per routine
// with a daily limit, breathing, ice and heat, and the streak.
func (m *Home) panelHeight() int {
	n := 3
	for _, r := range m.deps.Routines {
		if r.DailyLimit > 0 {
			n++
		}
	}
	return n
}

// todayLines are the panel's lines once the history answered.
func (m *Home) todayLines() []string {
	if m.counts == nil {
		return nil
	}
	var lines []string
	for _, r := range m.deps.Routines {
		if r.DailyLimit > 0 {
			// The limit is a most, never a goal: "0 sessions today (at most 3)",
			// not "0 of 3", which reads as three to do.
			lines = append(lines, r.Title+": "+words.Plural(m.counts.Sessions[r.Name], "session")+" today (at most "+itoa(r.DailyLimit)+")")
		}
	}
	if n := m.counts.Breathe; n > 0 {
		lines = append(lines, "Breathing: "+itoa(n)+" today")
	}
	if m.counts.Care != "" {
		lines = append(lines, words.Capital(m.counts.Care))
	}
	switch n := m.counts.Streak; {
	case n == 1:
		lines = append(lines, "1 day in a row")
	case n > 1:
		lines = append(lines, itoa(n)+" days in a row")
	}
	return lines
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
