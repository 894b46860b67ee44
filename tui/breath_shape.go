package tui

import (
	"math"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
)

// BreathShape is the breathe screen's large, calm shape: a round disc that
// grows through the inhale, rests full through the hold, shrinks through
// the exhale and rests small through a second hold. A faint ring of dots
// marks full lungs.
//
// It is drawn with half blocks (▀ ▄ █): a terminal cell is about twice as
// tall as it is wide, so each cell holds two square "pixels" and the disc
// is round. Its radius takes whole pixel steps only, and the screen moves
// it with the countdown's seconds (onTheSecond), never between them.
type BreathShape struct {
	Radius int // the full radius, in pixels (a cell is one pixel wide and two high)
	Min    int // the radius at empty lungs
}

// NewBreathShape fits the largest disc into width × height cells.
func NewBreathShape(width, height int) BreathShape {
	r := min(height, (width-2)/2, MaxShapeRadius)
	if r < 2 {
		return BreathShape{}
	}
	return BreathShape{Radius: r, Min: max(1, r/5)}
}

// MaxShapeRadius bounds the shape's size: a calm shape needs no more, and
// each of its steps redraws its whole area, so a bigger one would make a
// maximised window pay more for every breath (CPU grew with the window's
// area: 1.0% of a core at 200x60 against 0.47% at 100x30).
const MaxShapeRadius = 12

// MaxShapeSteps bounds how often the shape changes in a phase: each change
// is a wake-up and a frame, and eight steps already read as calm growth.
const MaxShapeSteps = 8

// Steps is how many steps lie between empty and full: 0 for a shape too
// small to draw.
func (b BreathShape) Steps() int {
	if b.Radius <= b.Min {
		return 0
	}
	return min(b.Radius-b.Min, MaxShapeSteps)
}

// stepsDone is how many of steps a phase has moved through after elapsed of
// length, rounded to the nearest: floor(elapsed/length*steps + 1/2), in
// whole numbers.
func stepsDone(elapsed, length time.Duration, steps int) int {
	if length <= 0 || steps <= 0 {
		return 0
	}
	elapsed = min(max(elapsed, 0), length)
	n := int64(steps)
	return int((2*int64(elapsed)*n + int64(length)) / (2 * int64(length)))
}

// ShapeLevel is how many steps of steps the shape shows, from 0 (empty) to
// steps (full), at elapsed into a phase of length.
func ShapeLevel(phase routines.Phase, elapsed, length time.Duration, steps int) int {
	switch phase {
	case routines.Inhale:
		return stepsDone(elapsed, length, steps)
	case routines.Hold:
		return steps
	case routines.Exhale:
		return steps - stepsDone(elapsed, length, steps)
	}
	return 0
}

// Render draws the shape at level of Steps() as Radius lines, each 2·Radius
// cells wide (so that the lines can be centred as a block), centred in
// width cells when width is larger.
func (b BreathShape) Render(level int, s Styles, width int) string {
	if b.Radius == 0 {
		return ""
	}
	steps := b.Steps()
	r := float64(b.Min)
	if steps > 0 {
		r += math.Round(float64(min(max(level, 0), steps)*(b.Radius-b.Min)) / float64(steps))
	}
	R := float64(b.Radius)
	rows := b.Radius
	cols := 2 * b.Radius
	left := max(0, (width-cols)/2)
	cx, cy := float64(cols)/2, float64(rows) // the centre, in pixels
	inside := func(x, py int, rad float64) bool {
		dx, dy := float64(x)+0.5-cx, float64(py)+0.5-cy
		return dx*dx+dy*dy <= rad*rad
	}
	var out strings.Builder
	for y := range rows {
		var line strings.Builder
		// Runs of disc cells and of ring dots are each styled at once: one
		// colour change a run, not one a cell, is less for the terminal
		// (and Bubble Tea) to read every frame.
		var disc, ring strings.Builder
		flush := func() {
			if disc.Len() > 0 {
				line.WriteString(s.GaugeFull.Render(disc.String()))
				disc.Reset()
			}
			if ring.Len() > 0 {
				line.WriteString(s.GaugeEmpty.Render(ring.String()))
				ring.Reset()
			}
		}
		for x := range cols {
			top, bottom := inside(x, 2*y, r), inside(x, 2*y+1, r)
			cell := ""
			switch {
			case top && bottom:
				cell = "█"
			case top:
				cell = "▀"
			case bottom:
				cell = "▄"
			}
			switch {
			case cell != "":
				if ring.Len() > 0 {
					flush()
				}
				disc.WriteString(cell)
			case onRing(float64(x)-cx, float64(2*y)-cy, R):
				if disc.Len() > 0 {
					flush()
				}
				ring.WriteString("·")
			default:
				flush()
				line.WriteString(" ")
			}
		}
		flush()
		out.WriteString(strings.Repeat(" ", left))
		out.WriteString(line.String())
		if y < rows-1 {
			out.WriteString("\n")
		}
	}
	return out.String()
}

// onRing reports whether the circle of radius R about the centre crosses
// the cell whose top left corner is dx, dy pixels from the centre (a cell
// is 1 pixel wide and 2 high).
func onRing(dx, dy, R float64) bool {
	nx := max(dx, min(0, dx+1)) // the cell's nearest point to the centre
	ny := max(dy, min(0, dy+2))
	near := math.Hypot(nx, ny)
	far := math.Hypot(max(math.Abs(dx), math.Abs(dx+1)), max(math.Abs(dy), math.Abs(dy+2)))
	return near <= R && R < far
}
