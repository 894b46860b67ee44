package tui

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/vt"

	"github.com/unknot/unknot/routines/coach"
)

// frameWrite is one write of the program to its terminal, and when.
type frameWrite struct {
	at time.Duration // since the program started
	b  []byte
}

// recorder keeps every write with the fake clock's instant.
type recorder struct {
	start  time.Time
	writes []frameWrite
}

func (r *recorder) Write(p []byte) (int, error) {
	r.writes = append(r.writes, frameWrite{time.Since(r.start), bytes.Clone(p)})
	return len(p), nil
}

var phaseLabel = regexp.MustCompile(`(Inhale|Hold|Exhale)\s+(\d+)`)

// screens replays writes through a terminal emulator and returns the
// phase label ("Inhale 5") the screen shows after each write.
func screens(t *testing.T, writes []frameWrite, w, h int) []string {
	t.Helper()
	e := vt.NewEmulator(w, h)
	defer e.Close()
	labels := make([]string, len(writes))
	for i, wr := range writes {
		if _, err := e.Write(wr.b); err != nil {
			t.Fatal(err)
		}
		if m := phaseLabel.FindStringSubmatch(e.String()); m != nil {
			labels[i] = m[1] + " " + m[2]
		}
	}
	return labels
}

// label513 is what the breathe screen's phase line says at offset u into
// breathing 5-1-3: the phase and its whole seconds left, rounded up.
func label513(u time.Duration) string {
	u %= 9 * time.Second
	name, end := "Inhale", 5*time.Second
	switch {
	case u >= 6*time.Second:
		name, end = "Exhale", 9*time.Second
	case u >= 5*time.Second:
		name, end = "Hold", 6*time.Second
	}
	left := end - u
	return name + " " + strconv.Itoa(int((left+time.Second-1)/time.Second))
}

// The real program on the fake clock: every frame Bubble Tea writes falls
// on the grid the App learns in Init (a whole number of 1/FPS after the
// start), and each frame shows the screen as of its own instant. So every
// phase change and every second of the countdown is on screen at its very
// instant, not a frame late and not early. This fails if Bubble Tea stops
// starting its frame ticker just before it calls Init, if it draws at other
// moments, or if a screen stops making each view for its frame's instant.
func TestFramesLandOnTheirInstants(t *testing.T) {
	const w, h = 80, 24
	rec := &recorder{}
	var quitAt time.Duration
	synctest.Test(t, func(t *testing.T) {
		app, err := NewApp(NewContext(Options{Theme: "dark", NoBell: true}), Deps{
			Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3"), Breaths: 2}}, PageBreathe)
		if err != nil {
			t.Fatal(err)
		}
		rec.start = time.Now()
		if err := run(app, nil, rec, tea.WithWindowSize(w, h)); err != nil {
			t.Fatal(err)
		}
		quitAt = time.Since(rec.start)
	})
	frame := time.Second / time.Duration(FPS)
	labels := screens(t, rec.writes, w, h)
	pacing := 18 * time.Second // two breaths of 5-1-3
	framesAt := map[time.Duration]bool{}
	for i, wr := range rec.writes {
		if wr.at >= quitAt {
			break // the last frame and the terminal's restoring come at the end
		}
		if wr.at%frame != 0 {
			t.Errorf("a write at %v: off the frame grid (every %v from the start)", wr.at, frame)
		}
		framesAt[wr.at] = true
		if wr.at < pacing && labels[i] != label513(wr.at) {
			t.Errorf("the frame at %v shows %q, want %q (the screen as of that instant)", wr.at, labels[i], label513(wr.at))
		}
	}
	// Every change of the phase line has a frame at its instant.
	for at := time.Second; at < pacing; at += time.Second {
		if label513(at) != label513(at-frame) && !framesAt[at] {
			t.Errorf("no frame at %v, where the screen changes to %q", at, label513(at))
		}
	}
	if len(framesAt) == 0 {
		t.Fatal("the program wrote nothing before it ended")
	}
}

// Every Tick is a whole number of frames, so every instant a coach
// schedules (a whole number of Ticks from a frame) is a frame.
func TestEveryTickIsAFrame(t *testing.T) {
	frame := time.Second / time.Duration(FPS)
	if coach.Tick%frame != 0 || time.Second%frame != 0 {
		t.Errorf("coach.Tick %v is not a whole number of frames of %v", coach.Tick, frame)
	}
}

// The grid itself: the next frame at or after an instant.
func TestFrameGridNext(t *testing.T) {
	epoch := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	g := frameGrid{epoch: epoch, period: 250 * time.Millisecond}
	for _, c := range []struct{ at, want time.Duration }{
		{-time.Second, 0}, {0, 0}, {1, 250 * time.Millisecond}, {249 * time.Millisecond, 250 * time.Millisecond},
		{250 * time.Millisecond, 250 * time.Millisecond}, {5*time.Second + 1, 5250 * time.Millisecond},
	} {
		if got := g.next(epoch.Add(c.at)).Sub(epoch); got != c.want {
			t.Errorf("next(%v) = %v, want %v", c.at, got, c.want)
		}
	}
	var none frameGrid
	if at := epoch.Add(123); !none.next(at).Equal(at) {
		t.Errorf("an unknown grid moved %v", at)
	}
}
