//go:build unix

package sound

import (
	"os"
	"testing"
	"time"
)

// TestRealPlayers plays cues through whatever is really on PATH and logs
// what happened (which player, bells, notices). It makes noise, so it runs
// only when asked:
//
//	UNKNOT_SOUND_REAL=1 go test -run TestRealPlayers -v ./tui/sound/
func TestRealPlayers(t *testing.T) {
	if os.Getenv("UNKNOT_SOUND_REAL") == "" {
		t.Skip("plays real sounds: set UNKNOT_SOUND_REAL=1 to hear them")
	}
	for _, m := range []Mode{Auto, Tones, Voice} {
		l := newListener()
		p := New(l.options(m))
		t.Logf("--sound %v: using %s", m, p.Using())
		for _, c := range []Cue{Inhale, Hold, Exhale, End} {
			p.Play(c, Words(c, 2*time.Second))
			select { // let each cue finish (or fail) before the next
			case <-l.bells:
				t.Logf("  %v: the bell rang", c)
			case <-time.After(Length(c) + 800*time.Millisecond):
				t.Logf("  %v: played", c)
			}
		}
		p.Close()
		t.Logf("  using %s at the end; notice %q", p.Using(), p.Notice())
	}
}
