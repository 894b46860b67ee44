package sound

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteCues writes every cue as a WAV file to listen to, or to measure
// with sox, when asked:
//
//	UNKNOT_SOUND_WRITE=/tmp/cues go test -run TestWriteCues ./tui/sound/
//	for f in /tmp/cues/*.wav; do sox --i "$f"; sox "$f" -n stat; done
func TestWriteCues(t *testing.T) {
	dir := os.Getenv("UNKNOT_SOUND_WRITE")
	if dir == "" {
		t.Skip("writes files only when asked: set UNKNOT_SOUND_WRITE to a folder")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, c := range Cues {
		if err := os.WriteFile(filepath.Join(dir, c.String()+".wav"), Synth(c, DefaultVolume), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
