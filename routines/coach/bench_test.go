package coach

import (
	"testing"
	"time"
)

// BenchmarkAt asks a session of the four built-ins what happens at instants
// spread over the whole session, as a screen does on every frame.
func BenchmarkAt(b *testing.B) {
	c := sessionCoach(b)
	var instants []time.Time
	for d := time.Duration(0); d <= 1006*s; d += 7919 * ms { // a prime step: every kind of segment and phase
		instants = append(instants, at(d))
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		st := c.At(instants[i%len(instants)])
		if st.Total != 1006*s {
			b.Fatal(st.Total)
		}
		i++
	}
}

// BenchmarkNextEvent is the other question asked on every wake.
func BenchmarkNextEvent(b *testing.B) {
	c := sessionCoach(b)
	var instants []time.Time
	for d := time.Duration(0); d < 1006*s; d += 7919 * ms {
		instants = append(instants, at(d))
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, ok := c.NextEvent(instants[i%len(instants)]); !ok {
			b.Fatal("no next event")
		}
		i++
	}
}
