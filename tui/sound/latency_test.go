package sound

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestPlayLatency measures, without asserting, how long it takes from
// Play to the player's first instruction (the fake pw-play's
// $EPOCHREALTIME, its first line). It is a measurement, not a check, so
// it runs only when asked:
//
//	UNKNOT_SOUND_LATENCY=200 go test -run TestPlayLatency -v ./tui/sound/
func TestPlayLatency(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("UNKNOT_SOUND_LATENCY"))
	if n <= 0 {
		t.Skip("a measurement, not a check: set UNKNOT_SOUND_LATENCY=200 to run it")
	}
	f := fakePlayers(t, map[string]string{"pw-play": succeed})
	p := New(newListener().options(Tones))
	defer p.Close()
	p.Play(LeadIn, "") // the first start pays for rendering the tones
	f.next()
	delays := make([]time.Duration, 0, n)
	for i := range n {
		at := time.Now()
		p.Play(Cues[i%len(Cues)], "")
		delays = append(delays, f.next().at.Sub(at))
	}
	slices.Sort(delays)
	t.Logf("Play -> fake player's first line, %d cues: min %v, median %v, p90 %v, p99 %v, max %v",
		n, delays[0], delays[n/2], delays[n*9/10], delays[n*99/100], delays[n-1])
}
