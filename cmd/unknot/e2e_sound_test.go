//go:build unix

package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/tui/sound/soundtest"
)

// `breathe --plain -p 1-1-1 -n 2 --sound tones` with a fake pw-play on
// PATH: one play a phase (and the end chime), inhale and exhale different
// sounds, each started on its instant. How far each start is from its
// instant is logged (the README has the figures); only plays off the
// schedule by checkOnSchedule's bounds fail the test.
func TestE2ESoundTones(t *testing.T) {
	t.Parallel()
	skipShort(t)
	f := soundtest.Write(t, map[string]string{"pw-play": soundtest.Succeed})
	home := newHome(t)
	lines, code := readPlain(t, []string{home, f.Env()}, "breathe", "--plain", "-p", "1-1-1", "-n", "2", "--sound", "tones")
	if code != 0 {
		t.Fatalf("exit %d: %v", code, lines)
	}
	var evs []soundtest.Event
	for range 7 {
		evs = append(evs, f.Next())
	}
	// The schedule's origin is the median of the plays' starts less their
	// instants, not the first play: that one may wait for the tones to be
	// rendered at start-up, which is measured, not asserted.
	var origins []time.Duration
	for i, e := range evs[:6] {
		origins = append(origins, e.At.Sub(evs[0].At)-time.Duration(i)*time.Second)
	}
	slices.Sort(origins)
	origin := origins[len(origins)/2]
	sums := map[string]bool{}
	var offs []time.Duration
	for i, e := range evs[:6] {
		sums[e.Sum] = true
		off := e.At.Sub(evs[0].At) - time.Duration(i)*time.Second - origin
		offs = append(offs, off)
		t.Logf("play %d (%s, %d bytes): %+.2f ms from its instant", i, e.Name, e.Size, float64(off)/1e6)
	}
	if evs[0].Sum == evs[2].Sum || evs[0].Sum == evs[1].Sum || evs[6].Sum == evs[0].Sum {
		t.Errorf("inhale, hold, exhale and the end sound alike: %v", []string{evs[0].Sum, evs[1].Sum, evs[2].Sum, evs[6].Sum})
	}
	if evs[0].Sum != evs[3].Sum || len(sums) != 3 {
		t.Errorf("the two inhales differ, or not three phase sounds: %v", sums)
	}
	checkOnSchedule(t, "plays", offs)
	if n := f.Starts(); n != 7 {
		t.Errorf("%d plays, want 7 (six phases and the end)", n)
	}
}

// --sound voice speaks short words through the voice on PATH.
func TestE2ESoundVoice(t *testing.T) {
	t.Parallel()
	skipShort(t)
	f := soundtest.Write(t, map[string]string{"spd-say": soundtest.Succeed})
	_, code := readPlain(t, []string{newHome(t), f.Env()}, "breathe", "--plain", "-p", "3-0-3", "-n", "1", "--sound", "voice")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	in, out := f.Next(), f.Next()
	if in.Name != "spd-say" || !strings.Contains(in.Last(), "in") || !strings.Contains(out.Last(), "out") {
		t.Errorf("spoke %q then %q, want breathing in then out", in.Args, out.Args)
	}
}

// --sound off plays nothing and writes no bell.
func TestE2ESoundOff(t *testing.T) {
	t.Parallel()
	skipShort(t)
	f := soundtest.Write(t, map[string]string{"pw-play": soundtest.Succeed, "spd-say": soundtest.Succeed})
	stdout, stderr, code := runUnknot(t, []string{newHome(t), f.Env()}, "breathe", "--plain", "-p", "1-1-1", "-n", "1", "--sound", "off")
	if code != 0 || strings.Contains(stdout+stderr, "\a") || f.Starts() != 0 {
		t.Errorf("exit %d, %d plays, bell in output: %v", code, f.Starts(), strings.Contains(stdout+stderr, "\a"))
	}
}

// A player that crashes, or hangs, falls back to the bell and says so
// once, never as a stack of errors; the breathing goes on to its end.
func TestE2ESoundPlayerFails(t *testing.T) {
	t.Parallel()
	skipShort(t)
	for name, behaviour := range map[string]string{"crash": soundtest.Crash, "hang": soundtest.Hang} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := soundtest.Write(t, map[string]string{"pw-play": behaviour})
			stdout, stderr, code := runUnknot(t, []string{newHome(t), f.Env()}, "breathe", "--plain", "-p", "1-1-1", "-n", "2", "--sound", "tones")
			if code != 0 || !strings.Contains(stdout, "Breathing: 2 breaths") {
				t.Errorf("exit %d, stdout %q", code, stdout)
			}
			if n := strings.Count(stderr, "bell"); n != 1 || strings.Count(stderr, "unknot: ") != 1 {
				t.Errorf("stderr %q, want one line about falling back to the bell", stderr)
			}
		})
	}
}

// A bogus mode or volume is one line and exit 2.
func TestE2ESoundBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--sound", "bogus"}, {"--volume", "101"}, {"--volume", "loud"}} {
		_, stderr, code := runUnknot(t, []string{newHome(t)}, append([]string{"breathe", "--plain", "-n", "1"}, args...)...)
		if code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
