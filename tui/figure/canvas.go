package figure

import "strings"

// Ink is what a dot of the canvas belongs to. A cell takes the ink of its
// strongest dot.
type Ink uint8

// The inks, weakest first.
const (
	Blank Ink = iota
	Prop      // the floor, a chair: still things
	Far       // a side view's limbs on the far side of the body
	Body      // the rest of the body
)

// Canvas is a grid of cells, each 2 dots wide and 4 high (a braille
// character), so dots are about as wide as they are high in a terminal.
type Canvas struct {
	cols, rows int
	dots       []Ink // (2·cols) × (4·rows), row by row
}

// NewCanvas is an empty canvas of cols×rows cells.
func NewCanvas(cols, rows int) *Canvas {
	cols, rows = max(cols, 0), max(rows, 0)
	return &Canvas{cols: cols, rows: rows, dots: make([]Ink, cols*2*rows*4)}
}

// Size is the canvas in cells.
func (c *Canvas) Size() (cols, rows int) { return c.cols, c.rows }

// dotSize is the canvas in dots.
func (c *Canvas) dotSize() (w, h int) { return c.cols * 2, c.rows * 4 }

// set inks the dot at x, y (a stronger ink stays).
func (c *Canvas) set(x, y int, ink Ink) {
	w, h := c.dotSize()
	if x < 0 || y < 0 || x >= w || y >= h {
		return
	}
	if i := y*w + x; c.dots[i] < ink {
		c.dots[i] = ink
	}
}

// brailleBit is the bit of a braille character for the dot at column dx
// (0, 1) and row dy (0 to 3) of its cell.
var brailleBit = [4][2]rune{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}

// cell is the character and the ink of the cell at col, row.
func (c *Canvas) cell(col, row int) (rune, Ink) {
	w, _ := c.dotSize()
	var bits rune
	ink := Blank
	for dy := range 4 {
		for dx := range 2 {
			d := c.dots[(row*4+dy)*w+col*2+dx]
			if d != Blank {
				bits |= brailleBit[dy][dx]
				ink = max(ink, d)
			}
		}
	}
	if bits == 0 {
		return ' ', Blank
	}
	return 0x2800 + bits, ink
}

// Paint is the canvas with each run of cells of one ink passed through
// paint (nil: plain text); a run of blank cells is never painted. Lines
// are all cols cells wide, so the picture stays put as the body moves.
func (c *Canvas) Paint(paint func(ink Ink, cells string) string) string {
	var b strings.Builder
	var run []rune
	runInk := Blank
	flush := func() {
		if len(run) == 0 {
			return
		}
		if paint != nil && runInk != Blank {
			b.WriteString(paint(runInk, string(run)))
		} else {
			b.WriteString(string(run))
		}
		run = run[:0]
	}
	for row := range c.rows {
		if row > 0 {
			flush()
			b.WriteByte('\n')
		}
		for col := range c.cols {
			r, ink := c.cell(col, row)
			if ink != runInk && ink != Blank {
				flush()
				runInk = ink
			}
			run = append(run, r)
		}
	}
	flush()
	return b.String()
}
