//go:build unix

package sound

import (
	"os"
	"os/exec"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/unknot/unknot/tui/sound/soundtest"
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
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Succeed})
	p := New(newListener().options(Tones))
	defer p.Close()
	p.Play(LeadIn, "") // the first start pays for rendering the tones
	f.Next()
	delays := make([]time.Duration, 0, n)
	for i := range n {
		at := time.Now()
		p.Play(Cues[i%len(Cues)], "")
		delays = append(delays, f.Next().At.Sub(at))
	}
	report(t, "Play -> fake player's first line", delays)

	// The floor: the same script started directly, no Player in between.
	path, _ := lookPath("pw-play")
	delays = delays[:0]
	for range n {
		at := time.Now()
		cmd := exec.Command(path, "/dev/null")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delays = append(delays, f.Next().At.Sub(at))
		cmd.Wait()
	}
	report(t, "exec.Cmd.Start -> the same first line", delays)
}

func report(t *testing.T, what string, delays []time.Duration) {
	n := len(delays)
	slices.Sort(delays)
	t.Logf("%s, %d cues: min %v, median %v, p90 %v, p99 %v, max %v",
		what, n, delays[0], delays[n/2], delays[n*9/10], delays[n*99/100], delays[n-1])
}
