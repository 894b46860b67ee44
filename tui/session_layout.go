package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// The smallest window the session screen draws in.
const (
	MinWidth  = 30
	MinHeight = 10
)

// sessionLayout is the size of the parts that depend on the window.
type sessionLayout struct {
	width, height int
	gaugeWidth    int // the breath gauge
	barWidth      int // the session's progress bar
	small         bool
}

func (m *Session) layout() sessionLayout {
	w, h := m.w, m.h
	return sessionLayout{
		width: w, height: h,
		gaugeWidth: min(24, max(w-8, 0)),
		barWidth:   min(60, max(w-8, 0)),
		small:      w < 60 || h < 20,
	}
}

// tooSmall is what a window below the minimum shows.
func tooSmallView(w, h, needW, needH int) string {
	msg := fmt.Sprintf("window too small (need %d×%d)", needW, needH)
	if w <= 0 || h <= 0 {
		return msg
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center,
		lipgloss.NewStyle().Width(max(w, 1)).Align(lipgloss.Center).Render(msg))
}

// part is a part of a screen that can be left out when the window is
// short: the highest prio goes first.
type part struct {
	text string
	prio int
}

// stack lays blocks out one under the other, centred, in a box of w×h:
// it leaves out the least needed blocks until they fit, then puts a blank
// line between them when there is room.
func stackParts(w, h int, blocks []part) string {
	height := func(bs []part) int {
		n := 0
		for _, b := range bs {
			n += lipgloss.Height(b.text)
		}
		return n
	}
	var bs []part
	for _, b := range blocks {
		if b.text != "" {
			bs = append(bs, b)
		}
	}
	for len(bs) > 0 && height(bs) > h {
		drop := 0
		for i, b := range bs {
			if b.prio >= bs[drop].prio {
				drop = i
			}
		}
		bs = append(bs[:drop], bs[drop+1:]...)
	}
	sep := "\n"
	if height(bs)+len(bs)-1 <= h {
		sep = "\n\n"
	}
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = lipgloss.PlaceHorizontal(w, lipgloss.Center, padLines(b.text))
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(parts, sep))
}

// wrap folds text to width cells.
func wrapText(s lipgloss.Style, width int, text string) string {
	return s.Width(max(min(width, lipgloss.Width(text)), 1)).Render(text)
}

// bar draws the session's progress: filled cells of width.
func progressBar(s Styles, width, filled int) string {
	filled = min(max(filled, 0), width)
	return s.GaugeFull.Render(strings.Repeat("━", filled)) + s.GaugeEmpty.Render(strings.Repeat("─", width-filled))
}

// spread puts left at the left edge and right at the right edge of width.
func spreadLine(width int, left, right string) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return lipgloss.NewStyle().MaxWidth(width).Render(left)
	}
	return left + strings.Repeat(" ", gap) + right
}

// padLines pads every line of s to the widest, so a block centres as one
// piece, its lines left-aligned.
func padLines(s string) string {
	lines := strings.Split(s, "\n")
	w := lipgloss.Width(s)
	for i, l := range lines {
		if gap := w - lipgloss.Width(l); gap > 0 {
			lines[i] = l + strings.Repeat(" ", gap)
		}
	}
	return strings.Join(lines, "\n")
}
