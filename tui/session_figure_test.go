package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/figure"
)

// figureOpts shows the pictures, keeping nothing.
func figureOpts() Options { return Options{Figures: NewFigures(true, nil), NoBell: true} }

// showsPicture reports whether screen holds the picture of pose, drawn at
// the session screen's size for pic: each of its lines, in order, on
// lines of the screen that follow one another.
func showsPicture(screen string, pic routines.Picture, pose routines.Pose, w, h int) bool {
	cols, rows := figure.Box(w, h)
	cols, rows = figure.Fit(pic, cols, rows)
	want := strings.Split(figure.Draw(pic, pose, cols, rows).Paint(nil), "\n")
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", cols+2) // the screen ends each line at its last character
	}
	for start := range lines {
		ok := start+len(want) <= len(lines)
		for k := 0; ok && k < len(want); k++ {
			ok = strings.Contains(lines[start+k], " "+want[k]+" ")
		}
		if ok {
			return true
		}
	}
	return false
}

// The picture at each instant of a rep, driven by the coach's clock: the
// start pose in the get-ready, the movement into the stretch over the
// hold's first 3 s, the stretch held still, the way back over the final
// exhale, and the other side's start in the rest, mirrored.
func TestSessionPictureFollowsTheCoach(t *testing.T) {
	r := builtin(t, "knee-to-chest") // 10 s holds: settle 1 s, one 5-1-3 breath; rest 3 s; alternating
	left := *r.Picture
	right := figure.Mirror(left)
	const hold = 8 * time.Second // the get-ready's end: rep 1 (left) from 8 s to 18 s, rest to 21 s, rep 1 right from 21 s
	for _, tc := range []struct {
		at   time.Duration
		what string
		pic  routines.Picture
		pose routines.Pose
	}{
		{3 * time.Second, "get ready: the start", left, left.Start()},
		{hold, "the hold's first instant: still the start", left, left.Start()},
		{hold + 1500*time.Millisecond, "half way in (eased)", left, figure.Along(left, stepped(1500*time.Millisecond, 3*time.Second))},
		{hold + 2250*time.Millisecond, "three quarters of the time in", left, figure.Along(left, stepped(2250*time.Millisecond, 3*time.Second))},
		{hold + 3*time.Second, "in the stretch", left, left.Stretch()},
		{hold + 6500*time.Millisecond, "held", left, left.Stretch()},
		{hold + 7*time.Second, "the final exhale begins: still there", left, left.Stretch()},
		{hold + 8500*time.Millisecond, "half way back", left, figure.Along(left, 1-stepped(1500*time.Millisecond, 3*time.Second))},
		{hold + 10*time.Second + time.Second, "rest: the right side's start", right, right.Start()},
		{hold + 13*time.Second + 3*time.Second, "the right side's stretch", right, right.Stretch()},
	} {
		t.Run(fmt.Sprintf("%v %s", tc.at, tc.what), func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newSessionApp(t, figureOpts(), 100, 30, Deps{}, r)
				h.waitUntil(tc.at)
				if s := h.screen(); !showsPicture(s, tc.pic, tc.pose, 100, 27) {
					t.Errorf("the screen does not show the pose the coach calls for:\n%s", s)
				}
			})
		})
	}
}

// stepped is the share of span that d into it is, d taken in whole
// figureSteps, as the picture moves.
func stepped(d, span time.Duration) float64 {
	return float64(d.Truncate(figureStep)) / float64(span)
}

// The picture asks for frames only while the body moves: none through the
// still part of a hold, the get-ready or the rest; one each Tick while it
// moves.
func TestSessionPictureWakesOnlyWhileItMoves(t *testing.T) {
	r := builtin(t, "knee-to-chest")
	plan, err := coach.SessionPlan([]routines.Routine{r}, testPlanOptions)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	c := coach.New(plan, t0)
	m := &Session{ctx: NewContext(figureOpts())}
	moving := 0
	for off := time.Duration(0); off < 21*time.Second; off += coach.Tick {
		st := c.At(t0.Add(off))
		d := m.untilFigure(st)
		in := st.Segment.Kind == coach.Stretch && (st.SegmentElapsed < 3*time.Second || st.SegmentElapsed >= 7*time.Second)
		switch {
		case in && (d <= 0 || d > figureStep || (st.SegmentElapsed+d)%figureStep != 0):
			t.Errorf("at %v (moving) the picture wakes in %v, want at its next step of %v", off, d, figureStep)
		case !in && d != 0:
			t.Errorf("at %v (%s, still) the picture asks for a frame in %v", off, st.Segment.Kind, d)
		}
		if d > 0 && st.SegmentElapsed%figureStep == 0 {
			moving++ // a changed picture
		}
	}
	if want := int(6 * time.Second / figureStep); moving != want { // 3 s in, 3 s out
		t.Errorf("%d pictures of movement in one rep, want %d", moving, want)
	}
	if figureStep < 200*time.Millisecond || figureStep%coach.Tick != 0 {
		t.Errorf("figureStep %v: not whole frames, or more than 5 pictures a second", figureStep)
	}
}

// --reduced-motion: the start and the stretch, still, one after the
// other; never a pose in between, never a frame for the picture.
func TestSessionPictureReducedMotion(t *testing.T) {
	r := builtin(t, "knee-to-chest")
	for _, tc := range []struct {
		at   time.Duration
		pose routines.Pose
	}{
		{3 * time.Second, r.Picture.Start()},
		{8*time.Second + 1500*time.Millisecond, r.Picture.Stretch()},
		{8*time.Second + 8500*time.Millisecond, r.Picture.Stretch()},
	} {
		inBubble(t, func(t *testing.T) {
			opt := figureOpts()
			opt.ReducedMotion = true
			h := newSessionApp(t, opt, 100, 30, Deps{}, r)
			h.waitUntil(tc.at)
			if s := h.screen(); !showsPicture(s, *r.Picture, tc.pose, 100, 27) {
				t.Errorf("at %v:\n%s", tc.at, s)
			}
			st := h.app.stack[len(h.app.stack)-1].(*Session)
			if d := st.untilFigure(st.coach.At(st.ctx.now())); d != 0 {
				t.Errorf("at %v the still picture asks for a frame in %v", tc.at, d)
			}
		})
	}
}

// v hides the picture and shows it again, and the choice is kept.
func TestSessionPictureKey(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var saved []bool
		opt := figureOpts()
		opt.Figures = NewFigures(true, func(show bool) error { saved = append(saved, show); return nil })
		r := builtin(t, "knee-to-chest")
		h := newSessionApp(t, opt, 100, 30, Deps{}, r)
		h.waitUntil(3 * time.Second)
		if !showsPicture(h.screen(), *r.Picture, r.Picture.Start(), 100, 27) {
			t.Fatalf("no picture:\n%s", h.screen())
		}
		h.press("v")
		if strings.ContainsFunc(h.screen(), isBraille) {
			t.Errorf("v did not hide the picture:\n%s", h.screen())
		}
		h.must("Get ready", "Lie on your back.", "picture hidden (v shows it)")
		h.press("v")
		if !showsPicture(h.screen(), *r.Picture, r.Picture.Start(), 100, 27) {
			t.Errorf("v did not show it again:\n%s", h.screen())
		}
		if fmt.Sprint(saved) != "[false true]" {
			t.Errorf("saved %v, want [false true]", saved)
		}
	})
}

// A choice that can't be kept is said, and the picture still does what
// the key asked.
func TestSessionPictureNotKept(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		opt := figureOpts()
		opt.Figures = NewFigures(true, func(bool) error { return errors.New("config.toml: read-only file system") })
		h := newSessionApp(t, opt, 100, 30, Deps{}, builtin(t, "knee-to-chest"))
		h.waitUntil(3 * time.Second)
		h.press("v")
		h.must("picture hidden (v shows it); not kept for next time: config.toml: read-only file system")
		if strings.ContainsFunc(h.screen(), isBraille) {
			t.Errorf("v did not hide the picture:\n%s", h.screen())
		}
	})
}

func isBraille(r rune) bool { return r > 0x2800 && r <= 0x28ff }

// Too small a window, or a routine without a figure: words only, as
// before.
func TestSessionPictureHidden(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, figureOpts(), 60, 20, Deps{}, builtin(t, "knee-to-chest"))
		h.waitUntil(3 * time.Second)
		if strings.ContainsFunc(h.screen(), isBraille) {
			t.Errorf("a picture squeezed into 60x20:\n%s", h.screen())
		}
		h.must("Get ready")
	})
	inBubble(t, func(t *testing.T) {
		h := newSessionApp(t, figureOpts(), 100, 30, Deps{}, tinyRoutine())
		h.waitUntil(3 * time.Second)
		if strings.ContainsFunc(h.screen(), isBraille) {
			t.Errorf("a routine without a figure shows one:\n%s", h.screen())
		}
		h.must("Get ready")
	})
}

// The session screen with its picture, at 80x24 and 100x30, in the
// get-ready, half way into the stretch and in the hold.
func TestSessionPictureGolden(t *testing.T) {
	for _, in := range []struct {
		name string
		at   time.Duration
	}{{"ready", 3 * time.Second}, {"moving", 8*time.Second + time.Second}, {"hold", 8*time.Second + 4*time.Second}} {
		for _, size := range [][2]int{{80, 24}, {100, 30}} {
			name := fmt.Sprintf("session_figure_%s_%dx%d", in.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				inBubble(t, func(t *testing.T) {
					h := newSessionApp(t, figureOpts(), size[0], size[1], Deps{}, builtin(t, "knee-to-chest"))
					h.waitUntil(in.at)
					v := h.app.View().Content
					fits(t, v, size[0], size[1])
					checkFigureGolden(t, name+".golden", ansi.Strip(v))
				})
			})
		}
	}
}

// checkFigureGolden compares with testdata/name, plain text (the colours
// are the theme's, tested with the other screens).
func checkFigureGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./tui -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs; got:\n%s\nwant:\n%s", path, got, want)
	}
}

// Pick routines shows the highlighted routine's stretch beside the list,
// and nothing for a routine without a figure.
func TestPickShowsTheHighlightedFigure(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		arm, knee := builtin(t, "arm-raise"), builtin(t, "knee-to-chest")
		h := newHarness(t, appOpts{first: PagePick, w: 100, h: 30, opt: figureOpts(),
			deps: Deps{Routines: []routines.Routine{arm, tinyRoutine(), knee}}})
		// The pick screen's body: all but the help line.
		shows := func(r routines.Routine) bool {
			cols, rows := figure.Box(100, 29)
			cols, rows = figure.Fit(*r.Picture, cols, rows)
			want := figure.Draw(*r.Picture, r.Picture.Stretch(), cols, rows).Paint(nil)
			s := h.screen()
			for _, l := range strings.Split(want, "\n") {
				if l = strings.TrimRight(l, " "); l != "" && !strings.Contains(s, l) {
					return false
				}
			}
			return true
		}
		h.must("Pick routines", "> [ ] Arm raise")
		if !shows(arm) {
			t.Errorf("no arm raise:\n%s", h.screen())
		}
		h.press("down")
		h.must("> [ ] Tiny stretch")
		if strings.ContainsFunc(h.screen(), isBraille) {
			t.Errorf("a routine without a figure shows one:\n%s", h.screen())
		}
		h.press("down")
		if !shows(knee) || shows(arm) {
			t.Errorf("not the knee to chest's picture:\n%s", h.screen())
		}
		h.press("v")
		if strings.ContainsFunc(h.screen(), isBraille) {
			t.Errorf("v did not hide the picture:\n%s", h.screen())
		}
	})
}
