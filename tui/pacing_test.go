package tui

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"github.com/unknot/unknot/routines"
)

// picture is one frame of a recorded run as a person sees it: when it was
// written, the breathing shape (every line above the phase line) and the
// whole screen.
type picture struct {
	at     time.Duration
	shape  string
	screen string
}

// pictures replays writes through a terminal emulator and returns what the
// screen shows after each.
func pictures(t *testing.T, writes []frameWrite, w, h int) []picture {
	t.Helper()
	e := vt.NewEmulator(w, h)
	defer e.Close()
	out := make([]picture, len(writes))
	for i, wr := range writes {
		if _, err := e.Write(wr.b); err != nil {
			t.Fatal(err)
		}
		screen := e.String()
		shape := screen
		if loc := phaseLabel.FindStringIndex(screen); loc != nil {
			shape = screen[:loc[0]]
		}
		out[i] = picture{at: wr.at, shape: shape, screen: screen}
	}
	return out
}

// recordBreathe runs `unknot breathe -p pat -n 1` on the fake clock in a
// w × h window and returns every write and when the program ended.
func recordBreathe(t *testing.T, pat string, w, h int, send func(p *tea.Program)) ([]frameWrite, time.Duration) {
	t.Helper()
	return recordBreatheWith(t, Options{Theme: "dark", NoBell: true}, pat, w, h, send)
}

// recordBreatheWith is recordBreathe with the options given.
func recordBreatheWith(t *testing.T, opt Options, pat string, w, h int, send func(p *tea.Program)) ([]frameWrite, time.Duration) {
	t.Helper()
	rec := &recorder{}
	var quitAt time.Duration
	synctest.Test(t, func(t *testing.T) {
		app, err := NewApp(NewContext(opt), Deps{
			Breathe: BreatheConfig{Pattern: pattern(t, pat), Breaths: 1}}, PageBreathe)
		if err != nil {
			t.Fatal(err)
		}
		rec.start = time.Now()
		p := tea.NewProgram(app, ProgramOptions(nil, rec, tea.WithWindowSize(w, h))...)
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()
		if send != nil {
			send(p)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		quitAt = time.Since(rec.start)
	})
	return rec.writes, quitAt
}

// The breathing shape flows: through a 5 s inhale the real program shows
// it in many pictures, each a little bigger, never still for long, and
// through the 3 s hold it rests, with no frame spent on it (the only
// frames are the countdown's seconds). The exhale flows back down.
func TestShapeFlowsThroughAnInhaleAndRestsThroughAHold(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { shapeFlows(t, size[0], size[1]) })
	}
}

func shapeFlows(t *testing.T, w, h int) {
	writes, _ := recordBreathe(t, "5-3-4", w, h, nil)
	pics := pictures(t, writes, w, h)
	sec := time.Second
	type spell struct {
		from, to time.Duration
	}
	// The shape changes at most MotionFPS times a second, fewer in a
	// window of more than MotionCells.
	every := time.Second / MotionFPS
	if cells := w * (h - 1); cells > MotionCells { // the help line is not the body's
		every = time.Duration(int64(every) * int64(cells) / MotionCells)
	}
	count := func(s spell) (changes int, longest time.Duration, frames []time.Duration) {
		prev, since := "", s.from
		for _, p := range pics {
			if p.at < s.from || p.at >= s.to {
				continue
			}
			frames = append(frames, p.at)
			if p.shape != prev {
				if prev != "" {
					changes++
					longest = max(longest, p.at-since)
					if p.at-since < every && p.at%time.Second != 0 {
						t.Errorf("the shape changed at %v, %v after the change before: more often than every %v", p.at, p.at-since, every)
					}
				}
				prev, since = p.shape, p.at
			}
		}
		return changes, max(longest, s.to-since), frames
	}
	inhale, longIn, _ := count(spell{0, 5 * sec})
	exhale, longOut, _ := count(spell{8 * sec, 12 * sec})
	hold, _, holdFrames := count(spell{5 * sec, 8 * sec})
	t.Logf("inhale: %d changes, still at most %v; exhale: %d changes, still at most %v; hold: %d changes in %d frames",
		inhale, longIn, exhale, longOut, hold, len(holdFrames))
	if inhale < 10 || exhale < 10 {
		t.Errorf("the shape changed %d times through the 5 s inhale and %d through the 4 s exhale, want at least 10 each", inhale, exhale)
	}
	if longIn > 500*time.Millisecond || longOut > 500*time.Millisecond {
		t.Errorf("the shape stood still for %v of the inhale, %v of the exhale, want no spell over half a second", longIn, longOut)
	}
	if hold != 0 {
		t.Errorf("the shape changed %d times through the hold, want still", hold)
	}
	for _, at := range holdFrames {
		if at%sec != 0 {
			t.Errorf("a frame at %v in the hold: only the countdown's seconds should be drawn", at)
		}
	}
	// It grows through the inhale: each picture has more of the disc.
	prev := -1
	for _, p := range pics {
		if p.at >= 5*sec {
			break
		}
		n := 2*strings.Count(p.shape, "█") + strings.Count(p.shape, "▀") + strings.Count(p.shape, "▄")
		if n < prev {
			t.Errorf("the shape shrank at %v of the inhale (%d pixels after %d)", p.at, n, prev)
		}
		prev = n
	}
}

// With --reduced-motion the shape is there and moves in steps, once a
// second with the countdown (it showed no shape at all): through the 5 s
// inhale it changes only on whole seconds, 4 times, and it grows.
func TestReducedMotionShapeStepsOnceASecond(t *testing.T) {
	const w, h = 100, 30
	writes, _ := recordBreatheWith(t, Options{Theme: "dark", NoBell: true, ReducedMotion: true}, "5-3-4", w, h, nil)
	pics := pictures(t, writes, w, h)
	prev, changes, pixels := "", 0, -1
	for _, p := range pics {
		if p.at >= 5*time.Second {
			break
		}
		n := 2*strings.Count(p.shape, "█") + strings.Count(p.shape, "▀") + strings.Count(p.shape, "▄")
		if n == 0 {
			t.Fatalf("no shape at %v:\n%s", p.at, p.screen)
		}
		if prev != "" && p.shape != prev {
			changes++
			if p.at%time.Second != 0 {
				t.Errorf("the shape changed at %v, between the countdown's seconds", p.at)
			}
			if n <= pixels {
				t.Errorf("the shape did not grow at %v (%d pixels after %d)", p.at, n, pixels)
			}
		}
		prev, pixels = p.shape, n
	}
	if changes != 4 {
		t.Errorf("the shape changed %d times through the 5 s inhale, want 4 (once a second)", changes)
	}
}

// A key's effect is in the very next frame: space pressed between two
// frames shows "Paused" in the first frame after it, and a frame is
// written then (none skipped); space again goes on in the next frame.
func TestAKeyShowsInTheNextFrame(t *testing.T) {
	const w, h = 80, 24
	frame := time.Second / time.Duration(FPS)
	presses := []time.Duration{1234 * time.Millisecond, 2871 * time.Millisecond}
	writes, _ := recordBreathe(t, "5-1-3", w, h, func(p *tea.Program) {
		start := time.Now()
		for _, at := range presses {
			time.Sleep(time.Until(start.Add(at)))
			p.Send(keyMsg("space"))
		}
		time.Sleep(time.Until(start.Add(4 * time.Second)))
		p.Send(keyMsg("q")) // the closing screen, which closes by itself
	})
	pics := pictures(t, writes, w, h)
	for i, at := range presses {
		next := (at/frame + 1) * frame
		paused := i%2 == 0
		var first *picture
		for k := range pics {
			if pics[k].at >= at {
				first = &pics[k]
				break
			}
		}
		switch {
		case first == nil:
			t.Fatalf("no frame after the key at %v", at)
		case first.at != next:
			t.Errorf("the first frame after the key at %v came at %v, want the next frame, at %v", at, first.at, next)
		case strings.Contains(first.screen, "Paused") != paused:
			t.Errorf("the frame at %v after space at %v: paused %v, want %v:\n%s", first.at, at, !paused, paused, first.screen)
		}
	}
}

// Steps.Next says exactly when a moving picture changes: its level is the
// same until then and different from then on (checked against the level
// at every millisecond of phases of a few lengths).
func TestStepsNextIsWhenThePictureChanges(t *testing.T) {
	shapes := []Steps{GaugeSteps(24), NewBreathShape(100, 20).Thresholds(), NewBreathShape(40, 5).Thresholds()}
	for _, s := range shapes {
		for _, phase := range []routines.Phase{routines.Inhale, routines.Exhale, routines.Hold} {
			for _, length := range []time.Duration{time.Second, 4 * time.Second, 6500 * time.Millisecond} {
				level := func(e time.Duration) int { return s.Level(Breath(phase, e, length)) }
				for e := time.Duration(0); e < length; e += 7 * time.Millisecond {
					d, ok := s.Next(phase, e, length)
					if !ok {
						if level(e) != level(length) {
							t.Fatalf("%v %v at %v: still, but its level goes from %d to %d", phase, length, e, level(e), level(length))
						}
						continue
					}
					if level(e+d-time.Microsecond) != level(e) || level(e+d) == level(e) {
						t.Fatalf("%v %v at %v: next change in %v, but levels %d, %d, %d", phase, length, e, d, level(e), level(e+d-time.Microsecond), level(e+d))
					}
				}
			}
		}
	}
}

// The gauge fills in eighths of a cell.
func TestGaugeFillsInEighths(t *testing.T) {
	s := NewStyles(true)
	for _, c := range []struct {
		f    float64
		want string
	}{
		{0, "░░░░"}, {0.5, "██░░"}, {13.0 / 32, "█▋░░"}, {1.0 / 32, "▏░░░"}, {1, "████"}, {31.0 / 32, "███▉"},
	} {
		if got := ansi.Strip(Gauge(s, 4, c.f)); got != c.want {
			t.Errorf("Gauge(4, %v) = %q, want %q", c.f, got, c.want)
		}
	}
}

// What a picture riding on the loop asks: the coach's state at the
// frame's instant, and whether anything moves now (the shape through an
// inhale, not through a hold, not while paused).
func TestPacerSaysWhatMovesAtTheFrame(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{NoBell: true}, 100, 30, "5-3-4", 0, false)
		b := h.app.top().(*Breathe)
		h.waitUntil(2 * time.Second)
		if st := b.pace.State(); st.Phase != routines.Inhale || !b.pace.Moving() {
			t.Errorf("2 s into the inhale: %v, moving %v; want the inhale, moving", st.Phase, b.pace.Moving())
		}
		h.waitUntil(6 * time.Second)
		if st := b.pace.State(); st.Phase != routines.Hold || b.pace.Moving() {
			t.Errorf("in the hold: %v, moving %v; want the hold, still", st.Phase, b.pace.Moving())
		}
		h.waitUntil(9 * time.Second)
		h.press("space")
		if st := b.pace.State(); st.Phase != routines.Exhale || !st.Paused || b.pace.Moving() {
			t.Errorf("paused in the exhale: %v paused %v, moving %v; want it still", st.Phase, st.Paused, b.pace.Moving())
		}
	})
}
