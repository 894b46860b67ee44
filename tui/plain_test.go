package tui

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

// Plain mode writes each line at its exact instant (the fake clock of
// testing/synctest), one per phase, then the closing line.
func TestPlainBreatheLinesAtTheirInstants(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, _ := routines.ParsePattern("1-1-1")
		w := &stampWriter{start: time.Now()}
		if err := RunPlainBreathe(t.Context(), BreatheConfig{Pattern: p, Breaths: 2}, nil, w, Options{}, false); err != nil {
			t.Fatal(err)
		}
		want := []string{
			"0s Inhale 1s  (breath 1 of 2)", "1s Hold 1s", "2s Exhale 1s",
			"3s Inhale 1s  (breath 2 of 2)", "4s Hold 1s", "5s Exhale 1s",
			"6s Done: 2 breaths in 0:06.",
		}
		if got := strings.Join(w.lines, "\n"); got != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
		}
	})
}

// Typed commands: pause, go on, slower, quit; and the pause shows as lines.
func TestPlainBreatheCommands(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, _ := routines.ParsePattern("5-1-3")
		w := &stampWriter{start: time.Now()}
		in, typing := io.Pipe()
		go func() {
			time.Sleep(2 * time.Second)
			io.WriteString(typing, "\n") // pause
			time.Sleep(10 * time.Second)
			io.WriteString(typing, "p\n") // go on
			time.Sleep(4 * time.Second)   // 7s of breathing: into the exhale
			io.WriteString(typing, "s\n")
			time.Sleep(time.Second)
			io.WriteString(typing, "q\n")
			typing.Close()
		}()
		rec := &fakeRecorder{}
		start := func(at time.Time, planned int) (Recorder, error) { return rec, nil }
		err := RunPlainBreathe(t.Context(), BreatheConfig{Pattern: p, Record: start}, in, w, Options{}, true)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"0s " + BreatheHint,
			"0s Inhale 5s  (breath 1)", "2s Paused.", "12s Going on.", "15s Hold 1s", "16s Exhale 3s",
			"16s Pace 1.1× (slower): Inhale 5.5s, Hold 1.1s, Exhale 3.3s",
			"17s Stopped: 0 breaths in 0:07.",
		}
		if got := strings.Join(w.lines, "\n"); got != strings.Join(want, "\n") {
			t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
		}
		synctest.Wait()
		if rec.status != StatusCompleted || rec.finishes != 1 {
			t.Errorf("recorded %q, %d finishes; want completed once (quitting an open session)", rec.status, rec.finishes)
		}
	})
}

// A signal (ctx cancelled) stops with a closing line and records the
// session as interrupted, with the breaths done.
func TestPlainBreatheInterrupted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, _ := routines.ParsePattern("1-1-1")
		ctx, cancel := context.WithTimeout(t.Context(), 7500*time.Millisecond)
		defer cancel()
		w := &stampWriter{start: time.Now()}
		rec := &fakeRecorder{}
		start := func(at time.Time, planned int) (Recorder, error) { return rec, nil }
		if err := RunPlainBreathe(ctx, BreatheConfig{Pattern: p, Breaths: 5, Record: start}, nil, w, Options{}, false); err != nil {
			t.Fatal(err)
		}
		if last := w.lines[len(w.lines)-1]; last != "7.5s Stopped: 2 breaths in 0:07." {
			t.Errorf("last line %q", last)
		}
		if rec.finishes != 0 || rec.breaths != 2 {
			t.Errorf("finished %d times with %d breaths; want unfinished with 2", rec.finishes, rec.breaths)
		}
	})
}
