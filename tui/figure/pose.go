package figure

import (
	"math"

	"github.com/unknot/unknot/routines"
)

// order lists the joints parents first: each bone turns about a joint
// already placed.
var order = []routines.Joint{
	routines.Pelvis, routines.Neck, routines.Head,
	routines.ShoulderL, routines.ElbowL, routines.HandL,
	routines.ShoulderR, routines.ElbowR, routines.HandR,
	routines.HipL, routines.KneeL, routines.FootL,
	routines.HipR, routines.KneeR, routines.FootR,
}

// Ease is a slow start and a slow end: 0 at 0, 1 at 1, flat at both ends.
func Ease(t float64) float64 {
	t = clamp01(t)
	return (1 - math.Cos(math.Pi*t)) / 2
}

// Between is the pose a share t (0 to 1) of the way from a to b: the
// pelvis slides, and every other joint turns about its parent by the
// shorter way round, its bone growing or shrinking evenly when the two
// poses give it different lengths.
func Between(a, b routines.Pose, t float64) routines.Pose {
	t = clamp01(t)
	out := routines.Pose{Name: a.Name}
	if t >= 1 {
		out.Name = b.Name
	}
	for _, j := range order {
		p := j.Parent()
		if p < 0 {
			out.At[j] = lerpPoint(a.At[j], b.At[j], t)
			continue
		}
		va, vb := sub(a.At[j], a.At[p]), sub(b.At[j], b.At[p])
		la, lb := math.Hypot(va.X, va.Y), math.Hypot(vb.X, vb.Y)
		aa, ab := math.Atan2(va.Y, va.X), math.Atan2(vb.Y, vb.X)
		switch {
		case la == 0:
			aa = ab
		case lb == 0:
			ab = aa
		}
		d := math.Remainder(ab-aa, 2*math.Pi)
		ang := aa + d*t
		l := la + (lb-la)*t
		out.At[j] = routines.Point{X: out.At[p].X + l*math.Cos(ang), Y: out.At[p].Y + l*math.Sin(ang)}
	}
	return out
}

// Along is the pose at progress t (0 to 1) of the movement from the
// start pose through any poses between to the stretch, eased: the body
// sets off slowly and arrives slowly.
func Along(pic routines.Picture, t float64) routines.Pose {
	return walk(pic.Poses, Ease(t))
}

// Loop is the pose at progress t (0 to 1) of one round of a movement
// that comes back to where it began, such as a shoulder roll: the key
// poses in order and back to the start (reverse: the other way round), at
// an even speed, so that one round runs on into the next.
func Loop(pic routines.Picture, t float64, reverse bool) routines.Pose {
	poses := append([]routines.Pose(nil), pic.Poses...)
	if reverse {
		for i, j := 1, len(poses)-1; i < j; i, j = i+1, j-1 {
			poses[i], poses[j] = poses[j], poses[i]
		}
	}
	return walk(append(poses, poses[0]), t-math.Floor(t))
}

// walk is the pose a share u of the way along poses, each step between
// two of them taking the same time.
func walk(poses []routines.Pose, u float64) routines.Pose {
	if len(poses) == 0 {
		return routines.Pose{}
	}
	if len(poses) == 1 || u <= 0 {
		return poses[0]
	}
	if u >= 1 {
		return poses[len(poses)-1]
	}
	steps := float64(len(poses) - 1)
	i := int(u * steps)
	return Between(poses[i], poses[i+1], u*steps-float64(i))
}

// Mirror is the picture for the other side: every point reflected
// across the canvas's middle, and each joint swapped with its twin on the
// other side of the body (knee_l with knee_r), so the mirrored picture of
// a left knee rising is a right knee rising. A side view's near side
// changes too: the mirror shows the person from their other side.
func Mirror(pic routines.Picture) routines.Picture {
	w := float64(pic.Width)
	flip := func(p routines.Point) routines.Point { return routines.Point{X: w - p.X, Y: p.Y} }
	out := pic
	out.Near = other(pic.Near)
	out.Props = make([][]routines.Point, len(pic.Props))
	for i, line := range pic.Props {
		for _, p := range line {
			out.Props[i] = append(out.Props[i], flip(p))
		}
	}
	out.Poses = make([]routines.Pose, len(pic.Poses))
	for i, pose := range pic.Poses {
		out.Poses[i].Name = pose.Name
		for j := range routines.NumJoints {
			out.Poses[i].At[j.Mirror()] = flip(pose.At[j])
		}
	}
	return out
}

// ForSide is the picture for side: the figure as its data draws it for
// the left side and for a routine without sides, mirrored for the right.
func ForSide(pic routines.Picture, side routines.Side) routines.Picture {
	if side == routines.Right {
		return Mirror(pic)
	}
	return pic
}

func sub(a, b routines.Point) routines.Point { return routines.Point{X: a.X - b.X, Y: a.Y - b.Y} }

func lerpPoint(a, b routines.Point, t float64) routines.Point {
	return routines.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t}
}

func clamp01(t float64) float64 {
	if t != t || t < 0 { // NaN too
		return 0
	}
	return min(t, 1)
}

// other is the other side; NoSide stays as it is.
func other(s routines.Side) routines.Side {
	switch s {
	case routines.Left:
		return routines.Right
	case routines.Right:
		return routines.Left
	}
	return s
}

// ForRoutine is a routine's picture as its first side shows it (the side
// the session starts with; a right-only routine's is the mirror), the
// data's own for a routine without sides. r.Picture must not be nil.
func ForRoutine(r routines.Routine) routines.Picture {
	if len(r.Sides) > 0 {
		return ForSide(*r.Picture, r.Sides[0])
	}
	return *r.Picture
}
