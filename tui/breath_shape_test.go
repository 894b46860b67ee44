package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// ShapeNext must name exactly the instants at which ShapeLevel changes:
// the level is constant from one named instant to the next, and differs at
// each. Checked by brute force at every millisecond of a few phases.
func TestShapeNextAgreesWithLevel(t *testing.T) {
	for _, phase := range []routines.Phase{routines.Inhale, routines.Exhale} {
		for _, length := range []time.Duration{1 * time.Second, 3 * time.Second, 4500 * time.Millisecond, 5500 * time.Millisecond} {
			for _, steps := range []int{1, 3, 12, 13} {
				var e time.Duration
				changes := 0
				for {
					next, ok := ShapeNext(phase, e, length, steps)
					end := length
					if ok {
						end = next
					}
					lv := ShapeLevel(phase, e, length, steps)
					for x := e; x < end; x += time.Millisecond {
						if got := ShapeLevel(phase, x, length, steps); got != lv {
							t.Fatalf("%v %v steps %d: level %d at %v, %d at %v, but no change named between", phase, length, steps, lv, e, got, x)
						}
					}
					if !ok {
						break
					}
					if ShapeLevel(phase, next, length, steps) == lv || ShapeLevel(phase, next-1, length, steps) != lv {
						t.Fatalf("%v %v steps %d: no change exactly at %v", phase, length, steps, next)
					}
					changes++
					e = next
				}
				if changes != steps {
					t.Errorf("%v %v steps %d: %d changes, want %d", phase, length, steps, changes, steps)
				}
			}
		}
	}
}

func TestShapeLevelEnds(t *testing.T) {
	L := 5 * time.Second
	cases := []struct {
		phase   routines.Phase
		elapsed time.Duration
		want    int
	}{
		{routines.Inhale, 0, 0}, {routines.Inhale, L, 10}, {routines.Inhale, L / 2, 5},
		{routines.Hold, 0, 10}, {routines.Exhale, 0, 10}, {routines.Exhale, L, 0}, {routines.HoldOut, L / 2, 0},
	}
	for _, c := range cases {
		if got := ShapeLevel(c.phase, c.elapsed, L, 10); got != c.want {
			t.Errorf("ShapeLevel(%v, %v) = %d, want %d", c.phase, c.elapsed, got, c.want)
		}
	}
	if _, ok := ShapeNext(routines.Hold, 0, L, 10); ok {
		t.Error("a hold should not change the shape")
	}
}

// The shape fits its box and grows with its level.
func TestBreathShapeRender(t *testing.T) {
	s := NewStyles(true)
	b := NewBreathShape(80, 10)
	if b.Radius != 10 || b.Steps() <= 0 {
		t.Fatalf("shape %+v", b)
	}
	if big := NewBreathShape(400, 120); big.Radius != MaxShapeRadius {
		t.Errorf("a huge window makes a shape of radius %d, want at most %d", big.Radius, MaxShapeRadius)
	}
	blocks := func(level int) int {
		out := b.Render(level, s, 0)
		if n := strings.Count(out, "\n") + 1; n != b.Radius {
			t.Fatalf("%d lines, want %d", n, b.Radius)
		}
		return strings.Count(out, "█") + strings.Count(out, "▀") + strings.Count(out, "▄")
	}
	prev := -1
	for level := 0; level <= b.Steps(); level++ {
		n := blocks(level)
		if n <= prev {
			t.Errorf("level %d draws %d cells, no more than level %d (%d)", level, n, level-1, prev)
		}
		prev = n
	}
	if NewBreathShape(3, 1).Radius != 0 {
		t.Error("a tiny box should hold no shape")
	}
}
