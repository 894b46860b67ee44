package figure

import (
	"math"
	"strings"
	"testing"

	"github.com/unknot/unknot/routines"
)

func builtin(t *testing.T, name string) routines.Picture {
	t.Helper()
	pic, ok := routines.BuiltinFigure(name)
	if !ok {
		t.Fatalf("no built-in figure %q", name)
	}
	return pic
}

func dist(a, b routines.Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

// The right side's picture is the left's, mirrored: each line of it is
// the left's line read backwards, each braille cell's dots flipped.
func TestRightIsTheMirrorOfLeft(t *testing.T) {
	for _, name := range routines.FigureNames() {
		pic := builtin(t, name)
		right := Mirror(pic)
		for _, sc := range screens {
			cols, rows := sessionSize(pic, sc.w, sc.h)
			for i := range pic.Poses {
				left := Draw(pic, pic.Poses[i], cols, rows).String()
				got := Draw(right, right.Poses[i], cols, rows).String()
				if want := mirrorText(left); got != want {
					t.Errorf("%s %dx%d pose %s: the right side is not the mirror of the left:\n%s\nwant:\n%s", name, sc.w, sc.h, pic.Poses[i].Name, got, want)
				}
			}
		}
	}
}

// mirrorText flips braille text left to right.
func mirrorText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		rs := []rune(l)
		for a, b := 0, len(rs)-1; a <= b; a, b = a+1, b-1 {
			rs[a], rs[b] = flipCell(rs[b]), flipCell(rs[a])
		}
		lines[i] = string(rs)
	}
	return strings.Join(lines, "\n")
}

func flipCell(r rune) rune {
	if r < 0x2800 || r > 0x28ff {
		return r
	}
	bits := r - 0x2800
	var out rune
	for dy := range 4 {
		for dx := range 2 {
			if bits&brailleBit[dy][dx] != 0 {
				out |= brailleBit[dy][1-dx]
			}
		}
	}
	return 0x2800 + out
}

// "Left" is the person's left. Each view puts it where a person looking
// at the picture expects it (routines.Picture tells the views).
func TestTheSideTheWordsName(t *testing.T) {
	t.Run("knee-to-chest: the left knee rises, seen from the left", func(t *testing.T) {
		pic := builtin(t, "knee-to-chest")
		for _, tc := range []struct {
			side         routines.Side
			moves, stays routines.Joint
			headRight    bool
		}{
			{routines.Left, routines.KneeL, routines.KneeR, true},
			{routines.Right, routines.KneeR, routines.KneeL, false},
		} {
			p := ForSide(pic, tc.side)
			start, stretch := p.Start(), p.Stretch()
			chest := start.At[routines.Neck]
			if d0, d1 := dist(start.At[tc.moves], chest), dist(stretch.At[tc.moves], chest); d1 > d0-15 {
				t.Errorf("%s: %s does not come to the chest: %.0f to %.0f from the neck", tc.side, tc.moves, d0, d1)
			}
			if stretch.At[tc.stays] != start.At[tc.stays] {
				t.Errorf("%s: %s moves", tc.side, tc.stays)
			}
			// Lying face up, head to the right of the screen, the person's
			// left side faces the viewer: it is drawn in front.
			if got := start.At[routines.Head].X > start.At[routines.Pelvis].X; got != tc.headRight || p.Near != tc.side {
				t.Errorf("%s: head on the right %v, near side %q: the picture does not face the viewer with the %s side", tc.side, got, p.Near, tc.side)
			}
		}
	})
	t.Run("lying twist: the knees fall to the person's left, the screen's right", func(t *testing.T) {
		pic := builtin(t, "lying-twist")
		for side, sign := range map[routines.Side]float64{routines.Left: 1, routines.Right: -1} {
			p := ForSide(pic, side)
			for _, k := range []routines.Joint{routines.KneeL, routines.KneeR} {
				if d := (p.Stretch().At[k].X - p.Start().At[k].X) * sign; d < 8 {
					t.Errorf("%s: %s moves %.0f toward the %s", side, k, d, side)
				}
			}
			for _, j := range []routines.Joint{routines.ShoulderL, routines.ShoulderR, routines.HandL, routines.HandR} {
				if p.Stretch().At[j] != p.Start().At[j] {
					t.Errorf("%s: %s leaves the floor", side, j)
				}
			}
			// Seen from above, face up: the left hand is on the screen's right.
			if (p.Start().At[routines.HandL].X-p.Start().At[routines.HandR].X)*sign < 0 && side == routines.Left {
				t.Errorf("the left hand is not on the screen's right")
			}
		}
	})
	t.Run("seated twist: turning left, the right hand reaches the left knee", func(t *testing.T) {
		pic := builtin(t, "seated-twist")
		for _, tc := range []struct {
			side       routines.Side
			hand, knee routines.Joint
		}{{routines.Left, routines.HandR, routines.KneeL}, {routines.Right, routines.HandL, routines.KneeR}} {
			p := ForSide(pic, tc.side)
			if d := dist(p.Stretch().At[tc.hand], p.Stretch().At[tc.knee]); d > 6 {
				t.Errorf("%s: %s is %.0f from %s", tc.side, tc.hand, d, tc.knee)
			}
		}
	})
	t.Run("arm raise: both hands above the head", func(t *testing.T) {
		pic := builtin(t, "arm-raise")
		s := pic.Stretch()
		for _, h := range []routines.Joint{routines.HandL, routines.HandR} {
			if s.At[h].Y >= s.At[routines.Head].Y-headRadius {
				t.Errorf("%s at %v is not above the head", h, s.At[h])
			}
		}
	})
	t.Run("shoulder rolls: forward moves the top of the circle forward", func(t *testing.T) {
		pic := builtin(t, "shoulder-rolls")
		// Facing right: forward is to the right of the screen.
		if pic.Start().At[routines.Head].X <= pic.Start().At[routines.Pelvis].X {
			t.Fatal("the figure does not face right")
		}
		for reverse, want := range map[bool]float64{false: 1, true: -1} {
			// The top of the circle: where the shoulder is highest.
			top, topY := 0.0, math.Inf(1)
			for i := range 100 {
				u := float64(i) / 100
				if y := Loop(pic, u, reverse).At[routines.ShoulderL].Y; y < topY {
					top, topY = u, y
				}
			}
			dx := Loop(pic, top+0.01, reverse).At[routines.ShoulderL].X - Loop(pic, top-0.01, reverse).At[routines.ShoulderL].X
			if dx*want <= 0 {
				t.Errorf("reverse %v: at the top the shoulder moves %.2f across", reverse, dx)
			}
		}
	})
}

// Between turns bones: a limb keeps its length all the way, where a
// straight line between the points would shorten it.
func TestBetweenKeepsLimbLengths(t *testing.T) {
	pic := builtin(t, "knee-to-chest")
	a, b := pic.Start(), pic.Stretch()
	thigh := dist(a.At[routines.HipL], a.At[routines.KneeL])
	for i := 0; i <= 10; i++ {
		p := Between(a, b, float64(i)/10)
		if got := dist(p.At[routines.HipL], p.At[routines.KneeL]); math.Abs(got-thigh) > 0.6 {
			t.Errorf("t=%.1f: thigh %.2f, want %.2f", float64(i)/10, got, thigh)
		}
	}
	for j := range routines.NumJoints {
		if dist(Between(a, b, 0).At[j], a.At[j]) > 1e-9 || dist(Between(a, b, 1).At[j], b.At[j]) > 1e-9 {
			t.Errorf("Between does not begin at a and end at b: %s", j)
		}
	}
}

func TestAlongEasesInAndOut(t *testing.T) {
	pic := builtin(t, "arm-raise")
	if Along(pic, 0).At != pic.Start().At || dist(Along(pic, 1).At[routines.HandL], pic.Stretch().At[routines.HandL]) > 1e-9 {
		t.Fatal("Along does not go from start to stretch")
	}
	// Halfway in time is the middle key pose: arms out to the sides.
	if mid := Along(pic, 0.5).At[routines.HandL]; dist(mid, pic.Poses[1].At[routines.HandL]) > 0.01 {
		t.Errorf("halfway: hand_l at %v, want the middle pose's %v", mid, pic.Poses[1].At[routines.HandL])
	}
	// Slow at the ends: the first tenth of the time covers less than a tenth of the way.
	if Ease(0.1) >= 0.1 || Ease(0.9) <= 0.9 || math.Abs(Ease(0.5)-0.5) > 1e-12 {
		t.Errorf("Ease(0.1) = %.3f, Ease(0.9) = %.3f", Ease(0.1), Ease(0.9))
	}
}

// A routine file's own figure is drawn like a built-in: every joint of
// the pose within the picture.
func TestDrawStaysOnTheCanvas(t *testing.T) {
	pic := builtin(t, "lying-twist")
	c := Draw(pic, pic.Stretch(), 30, 10)
	lines := strings.Split(c.String(), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if n := len([]rune(l)); n != 30 {
			t.Errorf("a line %d cells wide, want 30: %q", n, l)
		}
	}
	if !strings.ContainsAny(c.String(), "⣿") {
		t.Error("nothing drawn")
	}
}
