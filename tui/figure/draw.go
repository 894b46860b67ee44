package figure

import (
	"math"
	"sort"

	"github.com/unknot/unknot/routines"
)

// The body's thickness, in the units of a figure's canvas, where a person
// standing is about 100 tall: a real body's proportions (the head an
// eighth of the height, the trunk as deep as the head is wide, the thigh
// thicker than the shin), so the figure reads as a person, not sticks.
const (
	headRadius   = 6.5
	neckRadius   = 2.0
	trunkRadius  = 4.8
	upperArm     = 2.2
	foreArm      = 1.8
	thigh        = 3.0
	shin         = 2.3
	propRadius   = 0.4
	minDotRadius = 0.55 // a stroke is never thinner than one dot
)

// bone is one stroke of the body: from a joint to another, this thick.
type bone struct {
	from, to routines.Joint
	radius   float64
}

// limbs are the arms and legs of one side, listed for the left.
var limbs = []bone{
	{routines.Neck, routines.ShoulderL, upperArm},
	{routines.ShoulderL, routines.ElbowL, upperArm},
	{routines.ElbowL, routines.HandL, foreArm},
	{routines.Pelvis, routines.HipL, thigh},
	{routines.HipL, routines.KneeL, thigh},
	{routines.KneeL, routines.FootL, shin},
}

// Draw puts pose on a canvas of cols×rows cells, the picture's canvas
// scaled to fit and centred: the still lines first, then (in a side view)
// the far side's limbs, then the trunk, the head and the near limbs.
func Draw(pic routines.Picture, pose routines.Pose, cols, rows int) *Canvas {
	c := NewCanvas(cols, rows)
	w, h := c.dotSize()
	if w == 0 || h == 0 || pic.Width <= 0 || pic.Height <= 0 {
		return c
	}
	scale := math.Min(float64(w)/float64(pic.Width), float64(h)/float64(pic.Height))
	ox := (float64(w) - scale*float64(pic.Width)) / 2
	oy := (float64(h) - scale*float64(pic.Height)) / 2
	at := func(p routines.Point) (float64, float64) { return ox + p.X*scale, oy + p.Y*scale }
	stroke := func(a, b routines.Point, radius float64, ink Ink) {
		ax, ay := at(a)
		bx, by := at(b)
		c.capsule(ax, ay, bx, by, math.Max(radius*scale, minDotRadius), ink)
	}
	for _, line := range pic.Props {
		for i := 1; i < len(line); i++ {
			stroke(line[i-1], line[i], propRadius, Prop)
		}
	}
	side := func(s routines.Side, ink Ink) {
		for _, b := range limbs {
			from, to := b.from, b.to
			if s == routines.Right {
				from, to = from.Mirror(), to.Mirror()
			}
			stroke(pose.At[from], pose.At[to], b.radius, ink)
		}
	}
	far := other(pic.Near)
	if pic.View == "side" && pic.Near != routines.NoSide {
		side(far, Far)
	}
	// The trunk: a thick stroke from neck to pelvis, and between the
	// shoulders and the hips a filled body where the view shows its width.
	stroke(pose.At[routines.Neck], pose.At[routines.Pelvis], trunkRadius, Body)
	c.fill([]routines.Point{pose.At[routines.ShoulderL], pose.At[routines.ShoulderR], pose.At[routines.HipR], pose.At[routines.HipL]}, at, Body)
	stroke(pose.At[routines.ShoulderL], pose.At[routines.ShoulderR], upperArm, Body)
	stroke(pose.At[routines.HipL], pose.At[routines.HipR], thigh, Body)
	stroke(pose.At[routines.Head], pose.At[routines.Neck], neckRadius, Body)
	hx, hy := at(pose.At[routines.Head])
	c.capsule(hx, hy, hx, hy, headRadius*scale, Body)
	order := []routines.Side{routines.Left, routines.Right}
	if pic.Near != routines.NoSide {
		order = []routines.Side{far, pic.Near} // the near side's limbs in front
	}
	for _, s := range order {
		if pic.View == "side" && pic.Near != routines.NoSide && s == far {
			continue
		}
		// A limb in front of the body (an arm across the chest, the
		// near leg over the far one) is set off by a thin gap around it,
		// as a line drawing does; not where it joins the trunk.
		for _, b := range limbs {
			from, to := b.from, b.to
			if s == routines.Right {
				from, to = from.Mirror(), to.Mirror()
			}
			if from == routines.Neck || from == routines.Pelvis {
				continue
			}
			a, e := pose.At[from], pose.At[to]
			if from.Parent() == routines.Neck || from.Parent() == routines.Pelvis {
				a = lerpPoint(a, e, 0.45) // the upper arm, the thigh: from near their middle
			}
			ax, ay := at(a)
			ex, ey := at(e)
			c.clear(ax, ay, ex, ey, math.Max(b.radius*scale, minDotRadius)+haloDots)
		}
		side(s, Body)
	}
	return c
}

// haloDots is the gap, in dots, around a limb in front of the body.
const haloDots = 1.0

// clear blanks the body's dots (not the floor's) within r of the segment.
func (c *Canvas) clear(ax, ay, bx, by, r float64) {
	w, _ := c.dotSize()
	c.eachDot(ax, ay, bx, by, r, func(x, y int) {
		if i := y*w + x; c.dots[i] == Body || c.dots[i] == Far {
			c.dots[i] = Blank
		}
	})
}

// capsule inks every dot whose centre is within r of the segment from
// (ax, ay) to (bx, by): a stroke with round ends, so joints meet smoothly.
func (c *Canvas) capsule(ax, ay, bx, by, r float64, ink Ink) {
	c.eachDot(ax, ay, bx, by, r, func(x, y int) { c.set(x, y, ink) })
}

// eachDot calls f with every dot of the canvas whose centre is within r
// of the segment from (ax, ay) to (bx, by).
func (c *Canvas) eachDot(ax, ay, bx, by, r float64, f func(x, y int)) {
	w, h := c.dotSize()
	x0 := max(int(math.Floor(math.Min(ax, bx)-r)), 0)
	x1 := min(int(math.Ceil(math.Max(ax, bx)+r)), w-1)
	y0 := max(int(math.Floor(math.Min(ay, by)-r)), 0)
	y1 := min(int(math.Ceil(math.Max(ay, by)+r)), h-1)
	dx, dy := bx-ax, by-ay
	l2 := dx*dx + dy*dy
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			t := 0.0
			if l2 > 0 {
				t = clamp01(((px-ax)*dx + (py-ay)*dy) / l2)
			}
			ex, ey := px-(ax+t*dx), py-(ay+t*dy)
			if ex*ex+ey*ey <= r*r+1e-9 { // a dot on the edge counts, on both sides alike
				f(x, y)
			}
		}
	}
}

// fill inks the dots inside the polygon pts (in canvas units, placed by
// at), by the even-odd rule; a polygon with no area inks nothing.
func (c *Canvas) fill(pts []routines.Point, at func(routines.Point) (float64, float64), ink Ink) {
	w, h := c.dotSize()
	xs := make([]float64, len(pts))
	ys := make([]float64, len(pts))
	for i, p := range pts {
		xs[i], ys[i] = at(p)
	}
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, y := range ys {
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	var cross []float64
	for y := max(int(minY), 0); y <= min(int(maxY), h-1); y++ {
		py := float64(y) + 0.5
		cross = cross[:0]
		for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
			if (ys[i] > py) != (ys[j] > py) {
				cross = append(cross, (xs[j]-xs[i])*(py-ys[i])/(ys[j]-ys[i])+xs[i])
			}
		}
		sort.Float64s(cross)
		// Between each pair of crossings, a dot on the edge counting
		// as in on both sides alike, so a mirrored pose fills the same.
		for k := 0; k+1 < len(cross); k += 2 {
			for x := max(int(math.Floor(cross[k])), 0); x <= min(int(cross[k+1]), w-1); x++ {
				if px := float64(x) + 0.5; px >= cross[k]-1e-9 && px <= cross[k+1]+1e-9 {
					c.set(x, y, ink)
				}
			}
		}
	}
}
