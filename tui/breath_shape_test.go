package tui

import (
	"strings"
	"testing"
)

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
	pixels := func(level int) int { // a full block is two pixels, a half block one
		out := b.Render(level, s, 0)
		if n := strings.Count(out, "\n") + 1; n != b.Radius {
			t.Fatalf("%d lines, want %d", n, b.Radius)
		}
		return 2*strings.Count(out, "█") + strings.Count(out, "▀") + strings.Count(out, "▄")
	}
	prev := -1
	for level := 0; level <= b.Steps(); level++ {
		n := pixels(level)
		if n <= prev {
			t.Errorf("level %d draws %d pixels, no more than level %d (%d)", level, n, level-1, prev)
		}
		prev = n
	}
	if NewBreathShape(3, 1).Radius != 0 {
		t.Error("a tiny box should hold no shape")
	}
}
