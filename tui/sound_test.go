package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/sound"
)

// fakeSound notes each cue it is asked to play, with the instant.
type fakeSound struct {
	start time.Time
	mu    sync.Mutex
	plays []string
	mode  sound.Mode
	quiet int // Silence calls
}

func (f *fakeSound) Play(c sound.Cue, words string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.plays = append(f.plays, fmt.Sprintf("%v %s %q", time.Since(f.start), c, words))
}
func (f *fakeSound) Silence()             { f.mu.Lock(); f.quiet++; f.mu.Unlock() }
func (f *fakeSound) SetMode(m sound.Mode) { f.mode = m }
func (f *fakeSound) Mode() sound.Mode     { return f.mode }
func (f *fakeSound) Using() string        { return f.mode.String() + " (fake)" }

func (f *fakeSound) got() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.plays, "\n")
}

// Each cue is asked for at its event's very instant (the fake clock of
// synctest: 0 ns late), not at the next frame: breathing 1-1-1 twice.
// Short words fit a 1 s phase; none runs into the next cue.
func TestSoundCuesAtTheirInstants(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := &fakeSound{start: time.Now()}
		h := newHarness(t, appOpts{first: PageBreathe, deps: Deps{Sound: f,
			Breathe: BreatheConfig{Pattern: pattern(t, "1-1-1"), Breaths: 2}}})
		h.wait(7 * time.Second)
		want := strings.Join([]string{
			`0s inhale "breathe in"`, `1s hold "hold"`, `2s exhale "breathe out"`,
			`3s inhale "breathe in"`, `4s hold "hold"`, `5s exhale "breathe out"`, `6s end "well done"`,
		}, "\n")
		if got := f.got(); got != want {
			t.Errorf("cues:\n%s\nwant:\n%s", got, want)
		}
		if h.bells != 0 {
			t.Errorf("%d bells beside a player", h.bells)
		}
	})
}

// Words fit the phase: a 5 s inhale says "breathe in", a 1 s hold says
// nothing; a session announces reps and the switch of side, and the
// get-ready ends with a soft 3-2-1 on its last seconds.
func TestSoundSessionCues(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := &fakeSound{start: time.Now()}
		r := tinyRoutine()
		r.Alternate = false
		h := newHarness(t, appOpts{first: PageSession, deps: Deps{Sound: f,
			Session: SessionConfig{Routines: []routines.Routine{r}}}})
		h.wait(30 * time.Second)
		got := f.got()
		for _, w := range []string{
			`5s lead-in "3"`, `6s lead-in "2"`, `7s lead-in "1"`,
			`8s inhale "breathe in"`, `9s exhale "breathe out"`, `10s rep-done "1 of 2"`, `13s rep-done "rep 2 of 2"`,
			`18s switch "right side"`, `23s routine-done`, `23s end "well done"`,
		} {
			if !strings.Contains(got, w) {
				t.Errorf("no %s among the cues:\n%s", w, got)
			}
		}
	})
}

// Pause silences the player; s cycles the mode and says which is on.
func TestSoundPauseAndModeKey(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		f := &fakeSound{start: time.Now(), mode: sound.Tones}
		h := newHarness(t, appOpts{first: PageBreathe, deps: Deps{Sound: f,
			Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}}})
		h.press("space")
		if f.quiet != 1 {
			t.Errorf("pause silenced %d times, want 1", f.quiet)
		}
		h.press("space", "s")
		if f.mode != sound.Voice {
			t.Errorf("s made the mode %v, want voice (after tones)", f.mode)
		}
		h.must("sound: voice (fake)")
		h.wait(3 * time.Second)
		h.mustNot("sound: voice")
	})
}

// Inhale and exhale are told apart by colour as well as by word.
func TestInhaleAndExhaleColours(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := NewStyles(dark)
		if fmt.Sprint(s.Inhale.GetForeground()) == fmt.Sprint(s.Exhale.GetForeground()) {
			t.Errorf("dark %v: inhale and exhale share a colour", dark)
		}
	}
}

// The cue read during a phase is about that phase.
func TestBreatheCueMatchesThePhase(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, false)
		for _, step := range []struct {
			at   time.Duration
			cues []string
		}{{2 * time.Second, inhaleCues}, {5500 * time.Millisecond, holdCues}, {7 * time.Second, exhaleCues}} {
			h.waitUntil(step.at)
			found := false
			for _, c := range step.cues {
				found = found || strings.Contains(strings.Join(strings.Fields(h.screen()), " "), c)
			}
			if !found {
				t.Errorf("at %v no cue of its phase:\n%s", step.at, h.screen())
			}
		}
	})
}
