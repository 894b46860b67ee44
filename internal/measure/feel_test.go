package measure

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// press is one key typed and what the screen shows once it took effect.
type press struct {
	keys  string
	shows func(screen string) bool
}

// echo is a run of key presses measured from outside: each written to the
// pty at a known instant, and the delay until the first chunk after which
// the emulated screen shows its effect.
type echo struct {
	name    string
	args    []string
	ready   func(screen string) bool // the first screen, before the first key
	presses []press
	every   time.Duration // between presses: not a multiple of a frame, so the keys fall all over it
}

func paused(s string) bool    { return strings.Contains(s, "Paused") }
func notPaused(s string) bool { return !paused(s) }
func review(s string) bool    { return strings.Contains(s, "Looking back") }
func notReview(s string) bool { return !review(s) && strings.Contains(s, "unknot") }
func breathing(s string) bool { return ReadScreen(s).Word != "" }
func alternate(n int, a, b press) []press {
	out := make([]press, n)
	for i := range out {
		out[i] = a
		if i%2 == 1 {
			out[i] = b
		}
	}
	return out
}

var echoes = []echo{
	{name: "space on breathe → Paused (and back)", args: []string{"breathe", "--sound", "off"}, ready: breathing,
		presses: alternate(40, press{" ", paused}, press{" ", notPaused}), every: 613 * time.Millisecond},
	{name: "h on home → the review; q → home", args: []string{"--sound", "off"}, ready: notReview,
		presses: alternate(40, press{"h", review}, press{"q", notReview}), every: 587 * time.Millisecond},
}

// echoed is what measureEcho found: the delays by key, and how many
// presses showed their effect after a frame that did not (a frame
// skipped: a frame came between the key and the one that showed it).
type echoed struct {
	delays  map[string][]time.Duration
	skipped int
}

// measureEcho types each press of e and returns the delays.
func measureEcho(t *testing.T, bin string, e echo, cols, rows int) echoed {
	term, err := StartTerm(bin, e.args, Env(t.TempDir()), cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	defer term.Stop("\x03") // ctrl+c ends any screen
	var mu sync.Mutex
	var chunks []time.Time
	term.Watch(func(at time.Time, _ string) {
		mu.Lock()
		chunks = append(chunks, at)
		mu.Unlock()
	})
	ready := term.Await(e.ready)
	if e.ready(term.Screen()) {
		ready = nil
	}
	if ready != nil {
		select {
		case <-ready:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the first screen never showed: %q", e.name, term.Screen())
		}
	}
	out := echoed{delays: map[string][]time.Duration{}}
	next := time.Now().Add(time.Second)
	for i, p := range e.presses {
		time.Sleep(time.Until(next))
		next = next.Add(e.every)
		shown := term.Await(p.shows)
		at, err := term.KeysAt(p.keys)
		if err != nil {
			t.Fatal(err)
		}
		select {
		case seen := <-shown:
			what := fmt.Sprintf("%q", p.keys)
			out.delays[what] = append(out.delays[what], seen.Sub(at))
			mu.Lock()
			for _, c := range chunks {
				if c.After(at) {
					if seen.Sub(c) > burst {
						out.skipped++
						t.Logf("%s: press %d (%q) at +%v: a frame at +%v did not show it; shown at +%v",
							e.name, i+1, p.keys, at.Sub(term.Start), c.Sub(term.Start), seen.Sub(term.Start))
					}
					break
				}
			}
			mu.Unlock()
		case <-time.After(3 * time.Second):
			t.Fatalf("%s: press %d (%q) showed nothing in 3 s: %q", e.name, i+1, p.keys, term.Screen())
		}
	}
	return out
}

// measureShape watches unknot breathe for span and returns the shape's
// motion through each whole phase.
func measureShape(t *testing.T, bin string, pattern string, cols, rows int, span time.Duration) []Motion {
	term, err := StartTerm(bin, []string{"breathe", "-p", pattern, "--sound", "off"}, Env(t.TempDir()), cols, rows)
	if err != nil {
		t.Fatal(err)
	}
	defer term.Stop("q")
	var mu sync.Mutex
	var frames []Frame
	term.Watch(func(at time.Time, screen string) {
		mu.Lock()
		frames = append(frames, FrameOf(at, screen))
		mu.Unlock()
	})
	time.Sleep(span)
	mu.Lock()
	defer mu.Unlock()
	return Motions(frames)
}

// TestMeasureFeel is what a person feels of unknot, measured from outside
// through a pty and a terminal emulator: how soon a key's effect shows
// (space on breathe; h on home, q on the review), and how the breathing
// shape moves (its distinct pictures through each inhale and exhale, and
// the longest it stands still while the breath moves; holds should show
// one picture). It fails when a key's echo is over 100 ms at the 95th
// percentile or 60 ms at the median, when an inhale or exhale of 4 s or
// more shows fewer than 10 pictures, or when the shape stands still for
// more than 500 ms of one.
func TestMeasureFeel(t *testing.T) {
	needMeasure(t)
	bin := built(t, unknotPkg, "unknot")
	rows := [][]string{{"key, 100x30", "presses", "median ms", "p95 ms", "min ms", "max ms", "a frame skipped"}}
	for _, e := range echoes {
		got := measureEcho(t, bin, e, 100, 30)
		var all []time.Duration
		for _, k := range slices.Sorted(maps.Keys(got.delays)) {
			d := got.delays[k]
			s := Summarize(d)
			rows = append(rows, []string{e.name + ": " + k, fmt.Sprint(s.N), msf(s.Median), msf(s.P95), msf(s.Min), msf(s.Max), ""})
			all = append(all, d...)
		}
		rows[len(rows)-1][6] = fmt.Sprint(got.skipped)
		if s := Summarize(all); s.P95 > 100*time.Millisecond || s.Median > 60*time.Millisecond {
			t.Errorf("%s: median %s ms, p95 %s ms; want at most 60 and 100", e.name, msf(s.Median), msf(s.P95))
		}
	}
	t.Log("\nkey echo: the key written to the pty, to the first chunk after which the screen shows its effect\n" + table(rows))

	span := measureSeconds(t, 30*time.Second)
	shapeRows := [][]string{{"breathe 5-1-3", "phase", "phases", "pictures (min–max)", "longest still, ms (max)"}}
	var wg sync.WaitGroup
	sizes := [][2]int{{100, 30}, {200, 60}}
	motions := make([][]Motion, len(sizes))
	for i, size := range sizes {
		wg.Go(func() { motions[i] = measureShape(t, bin, "5-1-3", size[0], size[1], span) })
	}
	wg.Wait()
	for i, size := range sizes {
		for _, word := range []string{"Inhale", "Hold", "Exhale"} {
			n, lo, hi, long := 0, 0, 0, time.Duration(0)
			for _, m := range motions[i] {
				if m.Word != word {
					continue
				}
				if n == 0 || m.Pictures < lo {
					lo = m.Pictures
				}
				hi, long, n = max(hi, m.Pictures), max(long, m.Longest), n+1
				moving := word != "Hold" && m.End.Sub(m.Start) >= 2900*time.Millisecond
				if moving && m.End.Sub(m.Start) >= 4*time.Second && m.Pictures < 10 {
					t.Errorf("%dx%d: %d pictures through a %v %s, want at least 10", size[0], size[1], m.Pictures, m.End.Sub(m.Start).Round(time.Millisecond), word)
				}
				if moving && m.Longest > 500*time.Millisecond {
					t.Errorf("%dx%d: the shape stood still %v of a %s, want at most 500 ms", size[0], size[1], m.Longest.Round(time.Millisecond), word)
				}
				if word == "Hold" && m.Pictures != 1 {
					t.Errorf("%dx%d: %d pictures through a hold, want it still", size[0], size[1], m.Pictures)
				}
			}
			shapeRows = append(shapeRows, []string{fmt.Sprintf("%dx%d", size[0], size[1]), word, fmt.Sprint(n),
				fmt.Sprintf("%d–%d", lo, hi), msf(long)})
		}
	}
	t.Logf("\nthe breathing shape over %v (whole phases only)\n%s", span, table(shapeRows))
}
