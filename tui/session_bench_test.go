package tui

import (
	"testing"
	"time"
)

// BenchmarkSessionRender is the cost of one frame of a hold at 100x30.
func BenchmarkSessionRender(b *testing.B) {
	clk := newSessClock()
	m := newSession(&testing.T{}, clk, 100, 30, "dark", sessBuiltin(&testing.T{}, "knee-to-chest"))
	clk.Set(9 * time.Second)
	for b.Loop() {
		clk.Add(time.Millisecond)
		_ = m.View()
	}
}
