package words

import (
	"strings"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/figure"
)

// Pictures says whether and how a routine's figure is printed.
type Pictures int

const (
	NoPictures     Pictures = iota // words only: --plain, screen readers
	PlainPictures                  // braille text, no colour: a pipe, NO_COLOR
	ColourPictures                 // the far limbs and the floor faint, on a terminal
)

// pictureWidth is the widest a row of printed pictures is: it fits an
// 80-column terminal with the indent.
const pictureWidth = 76

// Picture is a routine's figure in text: a heading, then its key poses
// side by side (all of them when they fit, else the start and the
// stretch), each captioned with its name. Empty for a routine without a
// figure, or with NoPictures.
func Picture(r routines.Routine, how Pictures) string {
	if r.Picture == nil || how == NoPictures {
		return ""
	}
	pic := figure.ForRoutine(r)
	var paint func(figure.Ink, string) string
	if how == ColourPictures {
		paint = func(ink figure.Ink, cells string) string {
			if ink == figure.Body {
				return cells
			}
			return "\x1b[2m" + cells + "\x1b[22m" // faint
		}
	}
	const gap = 4
	panels := func(poses []routines.Pose, maxRows int) ([]figure.Panel, bool) {
		n := len(poses)
		maxCols := (pictureWidth - gap*(n-1)) / n
		cols, rows := figure.Fit(pic, maxCols, maxRows)
		if cols < figure.MinCols-6 || rows < 6 {
			return nil, false
		}
		out := make([]figure.Panel, n)
		for i, p := range poses {
			out[i] = figure.Panel{Caption: Capital(p.Name), Canvas: figure.Draw(pic, p, cols, rows)}
		}
		return out, true
	}
	ps, ok := panels(pic.Poses, 12)
	if !ok {
		ps, _ = panels([]routines.Pose{pic.Start(), pic.Stretch()}, 12)
	}
	title := "Picture"
	switch len(r.Sides) {
	case 0:
	case 1:
		title += " (the " + string(r.Sides[0]) + " side)"
	default:
		title += " (the " + string(r.Sides[0]) + " side; the " + string(r.Sides[1]) + " is its mirror)"
	}
	if r.RepOnly() && len(r.Directions) > 0 {
		title += " (one " + r.Rep() + " " + r.Directions[0] + " goes through these in order; " + strings.Join(r.Directions[1:], ", ") + " the other way)"
	}
	rows := strings.Split(figure.Beside(gap, paint, ps...), "\n")
	for i, l := range rows {
		rows[i] = strings.TrimRight("  "+l, " ")
	}
	return title + "\n" + strings.Join(rows, "\n")
}
