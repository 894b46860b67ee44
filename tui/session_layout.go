package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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

// stackParts lays blocks out one under the other, centred, in a box of
// w×h: it leaves out the least needed blocks until they fit, then puts a
// blank line between them when there is room. Each block keeps its lines
// left-aligned and is centred as one piece. It is what lipgloss.Place of
// the blocks, each padded and placed horizontally, gives, to the cell, but
// measures each line once: a pacing screen draws several times a second.
func stackParts(w, h int, blocks []part) string { return stackAt(w, h, blocks, -1, 0) }

// countdownRow is the row of a session's body where the countdown's top
// goes, in a body h high, for a countdown ch lines high (BigRows, also
// for a count in words, so that both start on one row): a little above
// the middle, leaving room under it for the phase, the gauge and the cue,
// and a line above it for the side and rep (or the moment's word).
// It depends on the window alone, so the countdown does not move from
// rep to rep, nor between a hold, a rest and a switch of sides.
func countdownRow(h, ch int) int { return max((h-ch)/2-2, 1) }

// stackAt is stackParts with blocks[anchor] put at row, as near as the
// window allows (everything stays inside it): the blocks above and below
// it then move, never the anchor, when their heights change. An anchor
// left out for room, or -1, centres the stack as stackParts does.
func stackAt(w, h int, blocks []part, anchor, row int) string {
	height := func(bs []part) int {
		n := 0
		for _, b := range bs {
			n += strings.Count(b.text, "\n") + 1
		}
		return n
	}
	var bs []part
	var from []int // each kept block's index in blocks
	for i, b := range blocks {
		if b.text != "" {
			bs = append(bs, part{strings.ReplaceAll(b.text, "\t", "    "), b.prio})
			from = append(from, i)
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
		from = append(from[:drop], from[drop+1:]...)
	}
	anchorAt := -1 // the anchor's first line in out
	blank := len(bs) > 0 && height(bs)+len(bs)-1 <= h
	if k := slices.Index(from, anchor); blank && anchor >= 0 && k >= 0 && height(bs[:k])+k > row {
		blank = false // blank lines would push the anchor below its row
	}
	var out []string
	widest := 0
	for i, b := range bs {
		if i > 0 && blank {
			out = append(out, "")
		}
		if from[i] == anchor {
			anchorAt = len(out)
		}
		lines := strings.Split(b.text, "\n")
		widths := make([]int, len(lines))
		bw := 0
		for j, l := range lines {
			widths[j] = ansi.StringWidth(l)
			bw = max(bw, widths[j])
		}
		gap := w - bw
		left, right := 0, 0
		if gap > 0 {
			left = gap - int(math.Round(float64(gap)*0.5))
			right = gap - left
		}
		for j, l := range lines {
			out = append(out, spaces(left)+l+spaces(bw-widths[j]+right))
		}
		widest = max(widest, bw+left+right)
	}
	if len(bs) == 0 {
		out, widest = []string{spaces(w)}, w
	}
	gap := h - len(out)
	if gap <= 0 {
		return strings.Join(out, "\n")
	}
	top := gap - int(math.Round(float64(gap)*0.5))
	if anchorAt >= 0 {
		top = min(max(row-anchorAt, 0), gap)
	}
	empty := spaces(widest)
	all := make([]string, 0, h)
	for range top {
		all = append(all, empty)
	}
	all = append(all, out...)
	for len(all) < h {
		all = append(all, empty)
	}
	return strings.Join(all, "\n")
}

// spaces is n blanks (none for n <= 0).
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// wrap folds text to width cells.
func wrapText(s lipgloss.Style, width int, text string) string {
	return s.Width(max(min(width, lipgloss.Width(text)), 1)).Render(text)
}

// wrapWords folds text to width cells on its words, as wrapText does,
// but never leaves the last word alone on a line ("instead of" / "10."):
// the word before it goes down with it.
func wrapWords(s lipgloss.Style, width int, text string) string {
	width = max(width, 1)
	var lines [][]string
	n := 0 // the cells of the last line
	for _, w := range strings.Fields(text) {
		ww := ansi.StringWidth(w)
		if len(lines) == 0 || n+1+ww > width {
			lines, n = append(lines, []string{w}), ww
			continue
		}
		last := len(lines) - 1
		lines[last], n = append(lines[last], w), n+1+ww
	}
	if k := len(lines); k > 1 && len(lines[k-1]) == 1 && len(lines[k-2]) > 2 {
		prev := lines[k-2]
		moved := append([]string{prev[len(prev)-1]}, lines[k-1]...)
		if ansi.StringWidth(strings.Join(moved, " ")) <= width {
			lines[k-2], lines[k-1] = prev[:len(prev)-1], moved
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = s.Render(strings.Join(l, " "))
	}
	return strings.Join(out, "\n")
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
