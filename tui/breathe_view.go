package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/routines/coach"
)

// The smallest window the breathe screen draws in.
const (
	BreatheMinWidth  = 30
	BreatheMinHeight = 8
)

// compactBelow is the height under which the screen drops its blank lines.
const compactBelow = 18

// View draws the instant of the last Update; it reads no clock.
func (m *Breathe) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "unknot · breathe"
	return v
}

func (m *Breathe) tooSmall() bool {
	return m.ctx.Width < BreatheMinWidth || m.ctx.Height < BreatheMinHeight
}

// breatheLayout is what goes on screen, worked out once for the view and
// for the wake-up deadline, so both agree on the shape's size.
type breatheLayout struct {
	shape   BreathShape
	cue     []string // the cue, wrapped
	compact bool
}

func (m *Breathe) layout(st coach.State) breatheLayout {
	w, h := m.ctx.Width, m.ctx.Height
	l := breatheLayout{compact: h < compactBelow}
	l.cue = wrap(m.cue(st), w-4)
	if m.ctx.Opt.ReducedMotion {
		return l
	}
	// Room for the tallest cue, so the shape keeps its size when the cue
	// changes or the screen pauses.
	text := 3 + cueHeight(w-4) // phase, cue, status, help
	if !l.compact {
		text += 3 + 2 // the blank lines between, and a margin above and below
	}
	l.shape = NewBreathShape(w, h-text)
	return l
}

func (m *Breathe) render() string {
	s, w, h := m.ctx.Styles, m.ctx.Width, m.ctx.Height
	if m.tooSmall() {
		return tooSmallView(w, h, BreatheMinWidth, BreatheMinHeight)
	}
	st := m.coach.At(m.now)
	if m.done && m.status != "" && (st.Finished || m.asking) {
		return place(w, h, m.closing(st))
	}
	l := m.layout(st)
	var lines []string
	gap := func() {
		if !l.compact {
			lines = append(lines, "")
		}
	}
	secs := s.Big.Render(strconv.Itoa(max(1, ceilSeconds(st.PhaseLength-st.PhaseElapsed))))
	if m.ctx.Opt.ReducedMotion {
		lines = append(lines, s.Phase.Render(st.Phase.String()), secs)
	} else {
		if l.shape.Radius > 0 {
			level := ShapeLevel(st.Phase, st.PhaseElapsed, st.PhaseLength, l.shape.Steps())
			lines = append(lines, m.shapeLines(l.shape, level)...)
			gap()
		}
		lines = append(lines, s.Phase.Render(st.Phase.String())+"  "+secs)
	}
	gap()
	cueStyle := s.Text
	if st.Paused {
		cueStyle = s.Paused
	}
	for _, c := range l.cue {
		lines = append(lines, cueStyle.Render(c))
	}
	gap()
	lines = append(lines, s.Subtle.Render(m.statusLine(st)), s.Help.Render(m.help()))
	return place(w, h, lines)
}

// cue is the one line of guidance shown: while paused, how to go on;
// otherwise one of the cues, changing every few breaths.
func (m *Breathe) cue(st coach.State) string {
	switch {
	case st.Paused && m.slept:
		return pausedCues[1]
	case st.Paused:
		return pausedCues[0]
	}
	return breatheCues[(max(st.Breath, 1)-1)/breathsPerCue%len(breatheCues)]
}

// cueHeight is the most lines any cue takes at width.
func cueHeight(width int) int {
	n := 0
	for _, c := range append(breatheCues, pausedCues...) {
		n = max(n, len(wrap(c, width)))
	}
	return n
}

// statusLine is the breath count, the time breathed and the pace when not 1.
func (m *Breathe) statusLine(st coach.State) string {
	b := fmt.Sprintf("breath %d", max(st.Breath, 1))
	if st.Breaths > 0 {
		b += fmt.Sprintf(" of %d", st.Breaths)
	}
	parts := []string{b, Clock(st.Offset.Truncate(time.Second))}
	if p := st.Pace; p != 1 {
		parts = append(parts, PaceWords(p))
		if l := strings.Join(parts, " · "); lipgloss.Width(l) > m.ctx.Width-2 {
			parts[2] = fmt.Sprintf("pace %s×", strconv.FormatFloat(p, 'f', -1, 64))
		}
	}
	return strings.Join(parts, " · ")
}

// PaceWords says a pace for people: "pace 1.2× (slower)".
func PaceWords(p float64) string {
	way := "slower"
	if p < 1 {
		way = "faster"
	}
	return fmt.Sprintf("pace %s× (%s)", strconv.FormatFloat(p, 'f', -1, 64), way)
}

func (m *Breathe) help() string {
	if m.ctx.Width < 44 {
		return "space pause · ↑↓ pace · q quit"
	}
	return "space pause · ↑ slower · ↓ faster · q quit"
}

// closing is the short screen after the last breath.
func (m *Breathe) closing(st coach.State) []string {
	s := m.ctx.Styles
	lines := []string{
		s.Title.Render("Well done."),
		"",
		s.Text.Render(fmt.Sprintf("%s · %s", breathsWord(st.BreathsDone), Clock(st.Offset.Truncate(time.Second)))),
		"",
	}
	for _, l := range wrap("Stay still a little longer if you like, then get up slowly.", m.ctx.Width-4) {
		lines = append(lines, s.Text.Render(l))
	}
	if m.asking {
		lines = append(lines, "")
		lines = append(lines, strings.Split(m.after.View(m.ctx), "\n")...)
		return append(lines, "", s.Help.Render("q to close without answering"))
	}
	return append(lines, "", s.Help.Render("any key to close"))
}

// place centres lines, each on its own, in a w × h screen.
func place(w, h int, lines []string) string {
	out := make([]string, 0, h)
	for range max(0, (h-len(lines))/2) {
		out = append(out, "")
	}
	for _, l := range lines {
		if len(out) == h {
			break
		}
		if l == "" {
			out = append(out, "")
			continue
		}
		pad := max(0, (w-lipgloss.Width(l))/2)
		out = append(out, strings.Repeat(" ", pad)+l)
	}
	return strings.Join(out, "\n")
}

// wrap breaks plain text into lines of at most width cells, at spaces.
func wrap(text string, width int) []string {
	width = max(width, 10)
	var lines []string
	line := ""
	for word := range strings.FieldsSeq(text) {
		switch {
		case line == "":
			line = word
		case lipgloss.Width(line)+1+lipgloss.Width(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// shapeKey names one drawing of the shape.
type shapeKey struct {
	shape BreathShape
	level int
	dark  bool
}

// shapeLines draws the shape at level, from a cache: the shape has a few
// dozen drawings at most, and drawing one is most of a frame's cost.
func (m *Breathe) shapeLines(b BreathShape, level int) []string {
	k := shapeKey{b, level, m.ctx.Styles.Dark}
	if lines, ok := m.shapes[k]; ok {
		return lines
	}
	if m.shapes == nil || len(m.shapes) > 256 {
		m.shapes = map[shapeKey][]string{} // a resize or theme change: start again
	}
	lines := strings.Split(b.Render(level, m.ctx.Styles, 0), "\n")
	m.shapes[k] = lines
	return lines
}
