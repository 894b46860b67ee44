package tui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/unknot/unknot/routines"
)

// Plain mode writes one line per moment and phase, then the summary, and
// records every rep in order.
func TestPlainSession(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		hist := &fakeHistory{}
		var out bytes.Buffer
		cfg := SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Record: hist.start}
		status, err := RunPlainSession(context.Background(), cfg, nil, &out, Options{}, false)
		if err != nil || status != "completed" {
			t.Fatalf("status %q, err %v", status, err)
		}
		want := `Tiny stretch: get ready, 8s.
  1. Lie down.
Left side · rep 1/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Rest 1s. Next: left side · rep 2/2.
Left side · rep 2/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Switch sides, 5s. Now the right side · rep 1/2.
Right side · rep 1/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Rest 1s. Next: right side · rep 2/2.
Right side · rep 2/2: hold 2s. Breathe slowly.
Inhale 1s
Exhale 1s
Tiny stretch: done.
Session complete.
  Tiny stretch, left: 2 of 2
  Tiny stretch, right: 2 of 2
Time: 0:23
`
		if out.String() != want {
			t.Errorf("plain output:\n%s\nwant:\n%s", out.String(), want)
		}
		if g := strings.Join(hist.calls, ", "); !strings.HasSuffix(g, "reps tiny right 2, finish completed") {
			t.Errorf("history calls: %s", g)
		}
	})
}
