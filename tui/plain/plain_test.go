package plain

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/journaltest"
)

// stampWriter notes each line with the fake instant it was written.
type stampWriter struct {
	start time.Time
	mu    sync.Mutex
	lines []string
}

func (w *stampWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for l := range strings.SplitSeq(strings.TrimSuffix(string(p), "\n"), "\n") {
		w.lines = append(w.lines, fmt.Sprintf("%v %s", time.Since(w.start), l))
	}
	return len(p), nil
}

func breathePlan(t *testing.T, pattern string, n int) *coach.Plan {
	t.Helper()
	p, err := routines.ParsePattern(pattern)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := coach.BreathePlan(p, n, 0)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func check(t *testing.T, got, want []string) {
	t.Helper()
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

// Each line is written at its exact instant (the fake clock of
// testing/synctest), one per phase; the run says what was done.
func TestBreatheLinesAtTheirInstants(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &stampWriter{start: time.Now()}
		j := &journaltest.Journal{}
		run, err := Breathe(t.Context(), Env{Out: w, Journal: j}, breathePlan(t, "1-1-1", 2))
		if err != nil {
			t.Fatal(err)
		}
		check(t, w.lines, []string{
			"0s Inhale 1s  (breath 1 of 2)", "1s Hold 1s", "2s Exhale 1s",
			"3s Inhale 1s  (breath 2 of 2)", "4s Hold 1s", "5s Exhale 1s",
		})
		if h := run.Headline(); h != "Breathing: 2 breaths in 0:06." {
			t.Errorf("headline %q", h)
		}
		r := j.Runs()[0]
		if r.Kind != routines.KindBreathe || r.Breaths != 2 || r.Outcome != routines.Completed || r.Finishes != 1 || r.Pattern != "1-1-1" {
			t.Errorf("recorded %+v", r)
		}
	})
}

// Typed commands: pause, go on, slower (↑, as on the screen; s is not a
// pace key, and says so with the commands there are), quit; the pause
// shows as lines.
// Quitting breathing that has no set end is its normal end: completed.
func TestBreatheCommands(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &stampWriter{start: time.Now()}
		in, typing := io.Pipe()
		go func() {
			time.Sleep(2 * time.Second)
			io.WriteString(typing, "\n") // pause
			time.Sleep(10 * time.Second)
			io.WriteString(typing, "p\n") // go on
			time.Sleep(4 * time.Second)   // 7s of breathing: into the exhale
			io.WriteString(typing, "s\n") // not a pace key: s is sound on the screens
			time.Sleep(time.Second)
			io.WriteString(typing, "\x1b[A\n") // ↑, as a terminal in line mode sends it: slower
			time.Sleep(time.Second)
			io.WriteString(typing, "q\n")
			typing.Close()
		}()
		j := &journaltest.Journal{}
		run, err := Breathe(t.Context(), Env{In: in, Out: w, Journal: j, Hint: true}, breathePlan(t, "5-1-3", 0))
		if err != nil {
			t.Fatal(err)
		}
		check(t, w.lines, []string{
			"0s " + BreatheHint,
			"0s Inhale 5s  (breath 1)", "2s Paused.", "12s Going on.", "15s Hold 1s", "16s Exhale 3s",
			`16s "s" does nothing here. ` + BreatheHint, // said, not ignored in silence
			"17s Pace 1.1× (slower): Inhale 5.5s, Hold 1.1s, Exhale 3.3s",
		})
		// Quit inside the first breath: no whole breath was done, so the
		// run stopped with nothing done (not completed).
		// 18 s from start to quit, 10 of them paused: 8 s breathed.
		if run.Outcome != routines.Stopped || run.Took != 8*time.Second {
			t.Errorf("run %+v", run)
		}
		if r := j.Runs()[0]; r.Outcome != routines.Stopped || r.Finishes != 1 {
			t.Errorf("recorded %q, %d finishes; want stopped once", r.Outcome, r.Finishes)
		}
		// The pattern paced when it ended: slowed by ↑.
		if r := j.Runs()[0]; r.Pattern != "5.5-1.1-3.3" {
			t.Errorf("recorded pattern %q, want 5.5-1.1-3.3 (5-1-3 slowed to 1.1×)", r.Pattern)
		}
	})
}

// The pace of the settings is the pace breathing starts at: the pattern
// recorded is the one paced, not the one written.
func TestBreatheRecordsThePatternAtTheSettingsPace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		j := &journaltest.Journal{}
		if _, err := Breathe(t.Context(), Env{Out: io.Discard, Journal: j, Pace: 1.2}, breathePlan(t, "5-1-3", 1)); err != nil {
			t.Fatal(err)
		}
		if r := j.Runs()[0]; r.Pattern != "6-1.2-3.6" || r.Breaths != 1 {
			t.Errorf("recorded pattern %q with %d breaths, want 6-1.2-3.6 (5-1-3 at 1.2×) and 1", r.Pattern, r.Breaths)
		}
	})
}

// A signal (ctx cancelled) records the run as interrupted, with the
// breaths done, and the run says so.
func TestBreatheInterrupted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 7500*time.Millisecond)
		defer cancel()
		w := &stampWriter{start: time.Now()}
		j := &journaltest.Journal{}
		run, err := Breathe(ctx, Env{Out: w, Journal: j}, breathePlan(t, "1-1-1", 5))
		if err != nil {
			t.Fatal(err)
		}
		if h := run.Headline(); h != "Breathing interrupted: 2 breaths in 0:07." {
			t.Errorf("headline %q", h)
		}
		if r := j.Runs()[0]; r.Outcome != routines.Interrupted || r.Breaths != 2 || r.Finishes != 1 {
			t.Errorf("recorded %+v; want interrupted with 2 breaths", r)
		}
	})
}

// A typed line far longer than any command is dropped whole, and the
// commands after it still work.
func TestLongTypedLineDoesNotStopCommands(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		w := &stampWriter{start: time.Now()}
		in, typing := io.Pipe()
		go func() {
			time.Sleep(time.Second)
			io.WriteString(typing, strings.Repeat("x", 100_000)+"\n")
			time.Sleep(time.Second)
			io.WriteString(typing, "q\n")
			typing.Close()
		}()
		run, err := Breathe(t.Context(), Env{In: in, Out: w}, breathePlan(t, "5-1-3", 10))
		if err != nil {
			t.Fatal(err)
		}
		if run.Outcome != routines.Stopped || run.Took != 2*time.Second {
			t.Errorf("after a 100 KB line, q at 2s gave %s after %v; want stopped at 2s", run.Outcome, run.Took)
		}
	})
}
