package tui

import (
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

// prepaint draws m's first frame on the terminal at once, before Bubble
// Tea's renderer does.
//
// Why: the renderer draws on a ticker at FPS (20 a second: see FPS), so its
// first frame would come a whole tick after start, over 50 ms in all;
// `unknot breathe` must show pacing at once (issue 14: under 12 ms from
// exec). The coach begins a few milliseconds later, on the renderer's
// first frame instant (frameGrid, Context.restartAt). The window's size is read with one ioctl (no
// terminal round trip that could block), the model is told it, and its
// view is written in the alternate screen through the same colour
// downsampling Bubble Tea uses (NO_COLOR honoured). Bubble Tea's first
// frame then replaces it with the same picture. Outside a terminal it does
// nothing.
func prepaint(m tea.Model, out io.Writer) {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return
	}
	w, h, err := term.GetSize(f.Fd())
	if err != nil || w <= 0 || h <= 0 {
		return
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: h}) // its commands come again from Bubble Tea's own size message
	content := m.View().Content
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	var b strings.Builder
	b.WriteString("\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J") // alternate screen, no cursor, home, clear
	b.WriteString(strings.Join(lines, "\r\n"))
	cw := colorprofile.NewWriter(f, os.Environ())
	_, _ = io.WriteString(cw, b.String())
}
