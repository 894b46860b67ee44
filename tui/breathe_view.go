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
	l.cue = m.wrapped(m.cue(st), w-4)
	// Room for the tallest cue, so the shape keeps its size when the cue
	// changes or the screen pauses.
	text := 2 + m.cueHeight(w-4) // phase, cue, status
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
	st := m.coach.At(m.pace.now)
	if m.done {
		return place(w, h, m.closing())
	}
	l := m.layout(st)
	var lines []string
	var widths []int // beside lines: a width already known, or -1
	add := func(ls []string, ws []int) {
		lines = append(lines, ls...)
		for i := range ls {
			if ws != nil {
				widths = append(widths, ws[i])
			} else {
				widths = append(widths, -1)
			}
		}
	}
	gap := func() {
		if !l.compact {
			add([]string{""}, nil)
		}
	}
	secs := s.Big.Render(strconv.Itoa(max(1, words.SecondsUp(st.PhaseLength-st.PhaseElapsed))))
	if l.shape.Radius > 0 {
		elapsed := st.PhaseElapsed
		if m.ctx.Opt.ReducedMotion {
			elapsed = SteppedElapsed(elapsed, st.PhaseLength)
		}
		level := l.shape.Level(Breath(st.Phase, elapsed, st.PhaseLength))
		d := m.shapeLines(l.shape, level)
		add(d.lines, d.widths)
		gap()
	}
	add([]string{s.PhaseStyle(st.Phase).Render(st.Phase.String()) + "  " + secs}, nil)
	gap()
	cueStyle := s.Text
	if st.Paused {
		cueStyle = s.Paused
	}
	for _, c := range l.cue {
		add([]string{cueStyle.Render(c)}, nil)
	}
	gap()
	add([]string{s.Subtle.Render(m.statusLine(st))}, nil)
	return placeWidths(w, h, lines, widths)
}

// cue is the one line of guidance shown: while paused, how to go on;
// otherwise one of the cues, changing every few breaths.
func (m *Breathe) cue(st coach.State) string {
	switch {
	case st.Paused && m.pace.slept:
		return pausedCues[1]
	case st.Paused:
		return pausedCues[0]
	}
	set := phaseCues(st.Phase)
	return set[(max(st.Breath, 1)-1)/breathsPerCue%len(set)]
}

// cueHeight is the most lines any cue takes at width (kept per width).
func (m *Breathe) cueHeight(width int) int {
	if m.cueH.width == width && m.cueH.lines > 0 {
		return m.cueH.lines
	}
	n := 0
	for _, c := range allCues() {
		n = max(n, len(wrap(c, width)))
	}
	m.cueH.width, m.cueH.lines = width, n
	return n
}

// wrapped is wrap(text, width), kept for the cue on screen.
func (m *Breathe) wrapped(text string, width int) []string {
	if m.cueWrap.text != text || m.cueWrap.width != width || m.cueWrap.lines == nil {
		m.cueWrap.text, m.cueWrap.width, m.cueWrap.lines = text, width, wrap(text, width)
	}
	return m.cueWrap.lines
}

// statusLine is the breath count, the time breathed and the pace when not 1.
func (m *Breathe) statusLine(st coach.State) string {
	b := fmt.Sprintf("breath %d", max(st.Breath, 1))
	if st.Breaths > 0 {
		b += fmt.Sprintf(" of %d", st.Breaths)
	}
	tick := st.Offset - st.PhaseElapsed + lastTick(st.PhaseElapsed, st.PhaseLength) // moves with the phase's seconds
	parts := []string{b, words.Clock(tick.Truncate(time.Second))}
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
	} else if v, ok := m.after.Result(); ok {
		lines = append(lines, "", s.Subtle.Render(words.Noted(v)))
		if l := words.StrongPain(v); l != "" {
			lines = append(lines, strings.Split(wrapText(s.Warn, min(m.w-4, 60), l), "\n")...)
		}
	}
	return lines
}

// place centres lines, each on its own, in a w × h screen.
func place(w, h int, lines []string) string { return placeWidths(w, h, lines, nil) }

// placeWidths is place with the lines' widths where known (-1: not), so
// that a drawing kept from frame to frame is not measured again.
func placeWidths(w, h int, lines []string, widths []int) string {
	out := make([]string, 0, h)
	for range max(0, (h-len(lines))/2) {
		out = append(out, "")
	}
	for i, l := range lines {
		if len(out) == h {
			break
		}
		if l == "" {
			out = append(out, "")
			continue
		}
		lw := -1
		if i < len(widths) {
			lw = widths[i]
		}
		if lw < 0 {
			lw = lipgloss.Width(l)
		}
		pad := max(0, (w-lw)/2)
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

// drawing is one drawing of the shape: its lines and their widths.
type drawing struct {
	lines  []string
	widths []int
}

// shapeLines draws the shape at level, from a cache: the shape has a few
// hundred drawings at most, and drawing and measuring one was most of a
// frame's cost.
func (m *Breathe) shapeLines(b BreathShape, level int) drawing {
	k := shapeKey{b, level, m.ctx.Styles.Dark}
	if d, ok := m.shapes[k]; ok {
		return d
	}
	if m.shapes == nil || len(m.shapes) > 2048 {
		m.shapes = map[shapeKey]drawing{} // a resize or theme change: start again
	}
	d := drawing{lines: strings.Split(b.Render(level, m.ctx.Styles, 0), "\n")}
	for _, l := range d.lines {
		d.widths = append(d.widths, lipgloss.Width(l))
	}
	m.shapes[k] = d
	return d
}

// paceWords is a pace in words: "pace 1.2× (slower)", or "the pattern's
// own pace" for 1.
func paceWords(p float64) string {
	if p == 1 {
		return "the pattern's own pace"
	}
	return words.Pace(p)
}
