package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/tui/words"
)

// Safety is the safety page (words.SafetyText): the signs that need help
// now first, then those that need a doctor soon, the stop rule, what to do
// during a spasm and the sources. One key (!) from every screen that is
// not busy; the pain stop (x) leads to its first part. Taller than the
// window, it scrolls (↑/↓, pgup/pgdown, g/G), the help now always on top.
type Safety struct {
	ctx  *Context
	w, h int
	vp   viewport.Model
}

func newSafety(ctx *Context) *Safety {
	m := &Safety{ctx: ctx, vp: viewport.New(viewport.WithWidth(80), viewport.WithHeight(22))}
	m.vp.KeyMap = reviewScroll() // the keys the help shows, and no others
	m.SetSize(80, 23)
	return m
}

// safetyMaxWidth is the widest the page is laid out: short lines read best.
const safetyMaxWidth = 78

// Page is PageSafety.
func (m *Safety) Page() Page { return PageSafety }

// Init does nothing: the page is static.
func (m *Safety) Init() tea.Cmd { return nil }

// SetSize is the body's size: the page is laid out again at its width.
func (m *Safety) SetSize(w, h int) {
	m.w, m.h = w, h
	width := m.textWidth()
	m.vp.SetWidth(width)
	m.vp.SetHeight(max(h-1, 1))
	m.vp.SetContent(m.page(width))
}

func (m *Safety) textWidth() int { return max(min(m.w-2, safetyMaxWidth), 10) }

// Busy is false.
func (m *Safety) Busy() bool { return false }

// Keys: back (Enter too), and the scrolling keys while the page is taller
// than the window.
func (m *Safety) Keys() help.KeyMap {
	if m.vp.TotalLineCount() <= m.vp.Height() {
		return keyMap{{Keys.Done}}
	}
	return keyMap{{Keys.Scroll, Keys.Page, Keys.Done}, {Keys.Top, Keys.Bottom}}
}

// Update: Enter goes back too (q and Esc are the App's); the arrows and
// page keys scroll.
func (m *Safety) Update(msg tea.Msg) (Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, Keys.Done):
		return m, closeScreen
	case key.Matches(k, Keys.Top):
		m.vp.GotoTop()
	case key.Matches(k, Keys.Bottom):
		m.vp.GotoBottom()
	default:
		var cmd tea.Cmd
		m.vp, cmd = m.vp.Update(msg)
		return m, cmd
	}
	return m, nil
}

// page is the safety text at width, its headings styled.
func (m *Safety) page(width int) string {
	s := m.ctx.Styles
	lines := strings.Split(words.SafetyText(width), "\n")
	for i, l := range lines {
		switch l {
		case words.GetHelpNowTitle, words.GetHelpTodayTitle:
			lines[i] = s.Warn.Bold(true).Render(l)
		case words.SeeDoctorTitle, "Stop rule", "During a spasm", words.SourcesTitle:
			lines[i] = s.Title.Render(l)
		default:
			lines[i] = s.Text.Render(l)
		}
	}
	return strings.Join(lines, "\n")
}

// View is the page, one column from the left edge, and below it how much
// more there is.
func (m *Safety) View() string {
	s := m.ctx.Styles
	pad := strings.Repeat(" ", max((m.w-m.textWidth())/2, 0))
	body := strings.Split(m.vp.View(), "\n")
	for i, l := range body {
		body[i] = strings.TrimRight(pad+l, " ")
	}
	more := ""
	if m.vp.TotalLineCount() > m.vp.Height() {
		more = fmt.Sprintf("↑↓ more · %.0f%%", m.vp.ScrollPercent()*100)
	}
	return strings.Join(body, "\n") + "\n" + pad + s.Subtle.Render(more)
}
