package tui

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// BreathShape is the breathe screen's large, calm shape: a round disc that
// grows through the inhale, rests full through the hold, shrinks through
// the exhale and rests small through a second hold. A faint ring of dots
// marks full lungs.
//
// It is drawn with half blocks (▀ ▄ █): a terminal cell is about twice as
// tall as it is wide, so each cell holds two square "pixels" and the disc
// is round. Its area follows the breath's eased fullness (Breath)
// continuously, so the picture changes each time the edge of the disc
// crosses the centre of another pixel: as often as the terminal's cells
// allow, dozens of times through an inhale (Steps), slowly at the turns
// of the breath and faster between them.
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

// MaxShapeRadius bounds the shape's size: a calm shape needs no more than
// half of a tall window. (A frame's cost grows with the window, hardly
// with the shape: see FPS.)
const MaxShapeRadius = 24

// edges are, for each size of shape, the distinct squared distances from
// the centre of the pixels between the disc at Min and at Radius, sorted:
// the disc's picture changes exactly as its radius passes one of them.
var edges struct {
	sync.Mutex
	of map[BreathShape]shapeEdges
}

// shapeEdges are a shape's edges and the fullness at which each is reached.
type shapeEdges struct {
	d2 []float64
	at Steps
}

// geometry is where the shape's pixels lie: its rows and columns of cells
// and its centre, in pixels.
func (b BreathShape) geometry() (rows, cols int, cx, cy float64) {
	rows, cols = b.Radius, 2*b.Radius
	return rows, cols, float64(cols) / 2, float64(rows)
}

// dist2 is the squared distance of pixel (x, py) from the centre.
func dist2(x, py int, cx, cy float64) float64 {
	dx, dy := float64(x)+0.5-cx, float64(py)+0.5-cy
	return dx*dx + dy*dy
}

// edges is the shape's sorted distinct squared pixel distances in
// (Min², Radius²].
func (b BreathShape) edges() []float64 { return b.shapeEdges().d2 }

func (b BreathShape) shapeEdges() shapeEdges {
	edges.Lock()
	defer edges.Unlock()
	if e, ok := edges.of[b]; ok {
		return e
	}
	rows, cols, cx, cy := b.geometry()
	lo, hi := float64(b.Min*b.Min), float64(b.Radius*b.Radius)
	var e []float64
	for x := range cols {
		for py := range 2 * rows {
			if d := dist2(x, py, cx, cy); d > lo && d <= hi {
				e = append(e, d)
			}
		}
	}
	slices.Sort(e)
	e = slices.Compact(e)
	// The disc's area follows the lungs' fullness: it holds Min² + f·(R² -
	// Min²) square pixels' worth at fullness f. (Its radius grows quickly
	// while it is small, where each step adds few pixels, and slowly as
	// it fills.)
	at := make(Steps, len(e))
	if span := hi - lo; span > 0 {
		for i, d := range e {
			at[i] = min(max((d-lo)/span, 0), 1)
		}
	}
	if edges.of == nil {
		edges.of = map[BreathShape]shapeEdges{}
	}
	edges.of[b] = shapeEdges{e, at}
	return edges.of[b]
}

// Steps is how many pictures lie between empty and full, not counting
// empty: 0 for a shape too small to draw.
func (b BreathShape) Steps() int {
	if b.Radius <= b.Min {
		return 0
	}
	return len(b.edges())
}

// Thresholds are the fullness (0 to 1) at which each step is reached: the
// shape shows step k once the fullness is at least the k-th.
func (b BreathShape) Thresholds() Steps {
	if b.Radius <= b.Min {
		return nil
	}
	return b.shapeEdges().at
}

// Level is the step the shape shows at fullness f.
func (b BreathShape) Level(f float64) int {
	if b.Steps() == 0 {
		return 0
	}
	return b.Thresholds().Level(f)
}

// Render draws the shape at level of Steps() as Radius lines, each 2·Radius
// cells wide (so that the lines can be centred as a block), centred in
// width cells when width is larger.
func (b BreathShape) Render(level int, s Styles, width int) string {
	if b.Radius == 0 {
		return ""
	}
	rows, cols, cx, cy := b.geometry()
	r2 := float64(b.Min * b.Min)
	if e := b.edges(); len(e) > 0 && level > 0 {
		r2 = e[min(level, len(e))-1]
	}
	R := float64(b.Radius)
	left := max(0, (width-cols)/2)
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
			top, bottom := dist2(x, 2*y, cx, cy) <= r2, dist2(x, 2*y+1, cx, cy) <= r2
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
