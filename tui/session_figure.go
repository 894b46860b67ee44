package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/figure"
)

// Figures is whether the screens show the picture of each stretch, shared
// by every screen of the program (Options.Figures) and kept in
// config.toml by save when the person changes it (the v key).
type Figures struct {
	hidden bool
	save   func(show bool) error
}

// NewFigures starts the pictures shown or hidden; save (may be nil) keeps
// a change for next time.
func NewFigures(show bool, save func(show bool) error) *Figures {
	return &Figures{hidden: !show, save: save}
}

// Shown reports whether pictures are drawn. Nil Figures: never (the
// screens' tests that predate pictures).
func (f *Figures) Shown() bool { return f != nil && !f.hidden }

// Toggle shows or hides the pictures, and keeps the choice in a tea.Cmd
// (a slow disk never holds a frame up), which says in a notice what
// changed, and if it could not be kept, why.
func (f *Figures) Toggle() tea.Cmd {
	if f == nil {
		return nil
	}
	f.hidden = !f.hidden
	show, save := !f.hidden, f.save
	said := "picture hidden (v shows it)"
	if show {
		said = "picture shown (v hides it)"
	}
	return func() tea.Msg {
		if save != nil {
			if err := save(show); err != nil {
				return noticeMsg{said + "; not kept for next time: " + routines.Printable(err.Error()), 6 * time.Second}
			}
		}
		return noticeMsg{said, 2 * time.Second}
	}
}

// The movement into the stretch: over the first figureIn of a hold (at
// most two fifths of it), slowly; the way back over the hold's last cue,
// the final exhale (cueTail), as the words say "lower ... slowly".
const figureIn = 3 * time.Second

// figureStep is how often a moving picture changes: every frame (a
// coach Tick) while frames are at least 200 ms apart, else every few, so
// that a faster frame rate does not make the picture cost more: each
// changed frame redraws the whole window.
const figureStep = (200*time.Millisecond + coach.Tick - 1) / coach.Tick * coach.Tick

// figureFrame is what the picture shows at one instant.
type figureFrame struct {
	pic    routines.Picture // for the side, mirrored for the right
	pose   routines.Pose
	moving bool // the body moves: the next frame differs
}

// figureAt is the picture the coach's state calls for, as a pure function
// of it: the start pose in the get-ready, the rest and the switch (of the
// side that comes next); in a hold, the movement into the stretch over
// its first seconds, the stretch held still, and the way back over its
// last exhale; in a move (shoulder rolls), the loop of its poses, once per
// rep, the other way round for the second direction. Time within a
// segment is taken in whole figureSteps, so the picture changes only on
// frames, and not on every frame when they come fast. reduced (--reduced-motion): the start and the stretch, still,
// one after the other, never in between. ok is false for a routine
// without a figure.
func figureAt(st coach.State, reduced bool) (figureFrame, bool) {
	r := st.Routine
	if r == nil || r.Picture == nil || len(r.Picture.Poses) == 0 {
		return figureFrame{}, false
	}
	seg := st.Segment
	pic := figure.ForSide(*r.Picture, seg.Side)
	fr := figureFrame{pic: pic, pose: pic.Start()}
	if st.Finished || st.Stopped {
		return fr, true
	}
	at := st.SegmentElapsed.Truncate(figureStep)
	switch seg.Kind {
	case coach.Stretch:
		in, out := figureSpans(seg)
		switch {
		case reduced:
			fr.pose = pic.Stretch()
		case at < in:
			fr.pose, fr.moving = figure.Along(pic, float64(at)/float64(in)), true
		case out > 0 && at >= seg.Length-out:
			back := float64(at-(seg.Length-out)) / float64(out)
			fr.pose, fr.moving = figure.Along(pic, 1-back), true
		default:
			fr.pose = pic.Stretch()
		}
	case coach.Move:
		if reduced || seg.Length <= 0 {
			break
		}
		reverse := len(r.Directions) > 1 && seg.Direction != r.Directions[0]
		fr.pose, fr.moving = figure.Loop(pic, float64(at)/float64(seg.Length), reverse), true
	}
	fr.moving = fr.moving && !st.Paused
	return fr, true
}

// figureSpans are how long a hold's movement in and out take.
func figureSpans(seg coach.Segment) (in, out time.Duration) {
	in = min(figureIn, seg.Length*2/5)
	out = min(cueTail(seg), seg.Length-in)
	return in, out
}

// figureMoves is the picture as a Mover of the pacer: how long until it
// next changes, while the body moves.
func (m *Session) figureMoves(st coach.State) (time.Duration, bool) {
	d := m.untilFigure(st)
	return d, d > 0
}

// untilFigure is how long until the picture next changes: the next
// figureStep while the body moves, none while it is still (a hold asks for no frames
// of its own).
func (m *Session) untilFigure(st coach.State) time.Duration {
	fr, ok := figureAt(st, m.ctx.Opt.ReducedMotion)
	if !ok || !fr.moving || !m.ctx.Opt.Figures.Shown() {
		return 0
	}
	return figureStep - st.SegmentElapsed%figureStep
}

// figureGap is the blank columns between the picture and the words.
const figureGap = 2

// minWordsWidth is the narrowest the words beside a picture may get.
const minWordsWidth = 40

// withFigure is the body of the running session: the moment's words, and
// to their left the picture, when the routine has one, the person has not
// hidden it and the window holds it beside words at least minWordsWidth
// wide; else the words alone.
func (m *Session) withFigure(st coach.State, l sessionLayout, h int) string {
	fr, ok := figureAt(st, m.ctx.Opt.ReducedMotion)
	cols, rows := figure.Box(l.width, h)
	if ok && cols > 0 {
		cols, rows = figure.Fit(fr.pic, cols, rows)
	}
	if !ok || cols == 0 || !m.ctx.Opt.Figures.Shown() || l.width-cols-figureGap-1 < minWordsWidth {
		return m.momentBody(st, l, h)
	}
	words := l
	words.width = l.width - cols - figureGap - 1
	words.gaugeWidth = min(l.gaugeWidth, max(words.width-8, 0))
	text := m.momentBody(st, words, h)
	pic := figure.Draw(fr.pic, fr.pose, cols, rows).Paint(m.figurePaint())
	return beside(pic, cols, rows, text, h)
}

// figurePaint colours a picture with the theme: the body as what is
// happening now, the far limbs and the floor quieter.
func (m *Session) figurePaint() func(figure.Ink, string) string {
	return paintFigure(m.ctx.Styles)
}

func paintFigure(s Styles) func(figure.Ink, string) string {
	return func(ink figure.Ink, cells string) string {
		switch ink {
		case figure.Body:
			return s.Accent.Render(cells)
		case figure.Far:
			return s.Subtle.Render(cells)
		}
		return s.GaugeEmpty.Render(cells)
	}
}

// beside puts a picture of cols×rows cells, centred on h lines, one
// column in from the left, and text (h lines) to its right.
func beside(pic string, cols, rows int, text string, h int) string {
	picLines := strings.Split(pic, "\n")
	textLines := strings.Split(text, "\n")
	top := max((h-rows)/2, 0)
	blank := spaces(cols)
	out := make([]string, max(h, len(textLines)))
	for i := range out {
		p := blank
		if k := i - top; k >= 0 && k < len(picLines) {
			p = picLines[k]
		}
		t := ""
		if i < len(textLines) {
			t = textLines[i]
		}
		out[i] = " " + p + spaces(figureGap) + t
	}
	return strings.Join(out, "\n")
}
