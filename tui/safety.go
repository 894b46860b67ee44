package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/tui/words"
)

// Safety is the stop rule, the red flags and what to do during a spasm:
// one key (!) from every screen that is not busy.
type Safety struct {
	ctx  *Context
	w, h int
}

func newSafety(ctx *Context) *Safety { return &Safety{ctx: ctx} }

// Page is PageSafety.
func (m *Safety) Page() Page { return PageSafety }

// Init does nothing: the page is static.
func (m *Safety) Init() tea.Cmd { return nil }

// SetSize is the body's size.
func (m *Safety) SetSize(w, h int) { m.w, m.h = w, h }

// Busy is false.
func (m *Safety) Busy() bool { return false }

// Keys: back (Enter too).
func (m *Safety) Keys() help.KeyMap { return keyMap{{Keys.Done}} }

// Update: Enter goes back too (q and Esc are the App's).
func (m *Safety) Update(msg tea.Msg) (Screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, Keys.Done) {
		return m, closeScreen
	}
	return m, nil
}

// View is the safety text, left-aligned in a centred column.
func (m *Safety) View() string {
	var b strings.Builder
	_ = words.WriteSafety(&b)
	text := strings.TrimRight(b.String(), "\n")
	return stackParts(m.w, m.h, []part{{wrapText(m.ctx.Styles.Text, min(m.w-4, 72), text), 0}})
}
