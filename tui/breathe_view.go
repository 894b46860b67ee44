package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// The smallest window the breathe screen draws in.
const (
	BreatheMinWidth  = 30
	BreatheMinHeight = 8
)

// compactBelow is the height under which the screen drops its blank lines.
const compactBelow = 18

// View draws the instant of the last Update; it reads no clock.
func (m *Breathe) View() string { return m.render() }

func (m *Breathe) tooSmall() bool {
	return m.w < BreatheMinWidth || m.h < BreatheMinHeight-1
}

// breatheLayout is what goes on screen, worked out once for the view and
// for the wake-up deadline, so both agree on the shape's size.
type breatheLayout struct {
	shape   BreathShape
	cue     []string // the cue, wrapped
	compact bool
}

func (m *Breathe) layout(st coach.State) breatheLayout {
	w, h := m.w, m.h
	l := breatheLayout{compact: h < compactBelow}
	l.cue = wrap(m.cue(st), w-4)
	if m.ctx.Opt.ReducedMotion {
		return l
	}
	// Room for the tallest cue, so the shape keeps its size when the cue
	// changes or the screen pauses.
	text := 2 + cueHeight(w-4) // phase, cue, status
	if !l.compact {
		text += 3 + 2 // the blank lines between, and a margin above and below
	}
	l.shape = NewBreathShape(w, h-text)
	return l
}

func (m *Breathe) render() string {
	s, w, h := m.ctx.Styles, m.w, m.h
	if m.tooSmall() {
		return tooSmallView(w, h, BreatheMinWidth, BreatheMinHeight)
	}
	st := m.coach.At(m.now)
	if m.done {
		return place(w, h, m.closing())
	}
	l := m.layout(st)
	var lines []string
	gap := func() {
		if !l.compact {
			lines = append(lines, "")
		}
	}
	secs := s.Big.Render(strconv.Itoa(max(1, words.SecondsUp(st.PhaseLength-st.PhaseElapsed))))
	if m.ctx.Opt.ReducedMotion {
		lines = append(lines, s.PhaseStyle(st.Phase).Render(st.Phase.String()), secs)
	} else {
		if l.shape.Radius > 0 {
			level := ShapeLevel(st.Phase, st.PhaseElapsed, st.PhaseLength, l.shape.Steps())
			lines = append(lines, m.shapeLines(l.shape, level)...)
			gap()
		}
		lines = append(lines, s.PhaseStyle(st.Phase).Render(st.Phase.String())+"  "+secs)
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
	lines = append(lines, s.Subtle.Render(m.statusLine(st)))
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
	set := phaseCues(st.Phase)
	return set[(max(st.Breath, 1)-1)/breathsPerCue%len(set)]
}

// cueHeight is the most lines any cue takes at width.
func cueHeight(width int) int {
	n := 0
	for _, c := range allCues() {
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
	parts := []string{b, words.Clock(st.Offset.Truncate(time.Second))}
	if p := st.Pace; p != 1 {
		parts = append(parts, words.Pace(p))
		if l := strings.Join(parts, " · "); lipgloss.Width(l) > m.w-2 {
			parts[2] = words.ShortPace(p)
		}
	}
	return strings.Join(parts, " · ")
}

// closing is the short screen after the last breath, or after q: what
// was done, and the check-in when it asks.
func (m *Breathe) closing() []string {
	s := m.ctx.Styles
	head := "Well done."
	if m.run.Breaths == 0 {
		head = "Stopped."
	}
	lines := []string{
		s.Title.Render(head),
		"",
		s.Text.Render(words.Breaths(m.run.Breaths) + " · " + words.Clock(m.run.Took.Truncate(time.Second))),
		"",
	}
	for _, l := range wrap("Stay still a little longer if you like, then get up slowly.", m.w-4) {
		lines = append(lines, s.Text.Render(l))
	}
	if m.journal != nil {
		if err := m.journal.Trouble(); err != nil {
			lines = append(lines, "")
			for _, l := range wrap("Not saved yet: "+err.Error(), m.w-4) {
				lines = append(lines, s.Warn.Render(l))
			}
		}
	}
	switch {
	case m.offersPace():
		lines = append(lines, "")
		for _, l := range wrap("You breathed at "+paceWords(m.coach.Pace())+". Press k to start at it next time.", m.w-4) {
			lines = append(lines, s.Accent.Render(l))
		}
	case m.kept != "":
		st := s.Subtle
		if m.keptErr {
			st = s.Warn
		}
		lines = append(lines, "")
		for _, l := range wrap(m.kept, m.w-4) {
			lines = append(lines, st.Render(l))
		}
	}
	if m.asking {
		lines = append(lines, "")
		lines = append(lines, strings.Split(m.after.View(m.ctx, m.w), "\n")...)
	}
	return lines
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

// paceWords is a pace in words: "pace 1.2× (slower)", or "the pattern's
// own pace" for 1.
func paceWords(p float64) string {
	if p == 1 {
		return "the pattern's own pace"
	}
	return words.Pace(p)
}
