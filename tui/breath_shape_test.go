package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// The shape moves only when the countdown beside it does, a step each
// second: checked at every millisecond of a few phases, whole and not.
// Through an inhale it only grows, through an exhale it only shrinks.
func TestShapeMovesWithTheSeconds(t *testing.T) {
	for _, phase := range []routines.Phase{routines.Inhale, routines.Exhale} {
		for _, length := range []time.Duration{time.Second, 3 * time.Second, 4500 * time.Millisecond, 5 * time.Second, 6500 * time.Millisecond} {
			const steps = 8
			level := func(e time.Duration) int { return ShapeLevel(phase, onTheSecond(e, length), length, steps) }
			prev, changes := level(0), 0
			for e := time.Millisecond; e < length; e += time.Millisecond {
				lv := level(e)
				ticked := words.SecondsUp(length-e) != words.SecondsUp(length-e+time.Millisecond)
				if lv != prev && !ticked {
					t.Fatalf("%v %v: the shape moved at %v, between two seconds of the countdown", phase, length, e)
				}
				if (phase == routines.Inhale && lv < prev) || (phase == routines.Exhale && lv > prev) {
					t.Fatalf("%v %v: the shape went the wrong way at %v (%d to %d)", phase, length, e, prev, lv)
				}
				if lv != prev {
					changes++
				}
				prev = lv
			}
			// A step at each second the phase has, but where two seconds
			// round to the same step (a half second of 6.5 s).
			if most := words.SecondsUp(length) - 1; changes > most || changes < most-1 {
				t.Errorf("%v %v: %d steps within the phase, want about one at each of its %d seconds", phase, length, changes, most)
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
