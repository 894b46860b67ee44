package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"testing"
)

func TestHomeGolden(t *testing.T) {
	today := fixedToday{Sessions: map[string]int{"knee-to-chest": 3, "arm-raise": 1}, Breathe: 2, Streak: 4}
	for _, c := range []struct {
		name  string
		w, h  int
		today TodayProvider
		notes []string
	}{
		{"home_80x24_today", 80, 24, today, nil},
		{"home_80x24_nohistory", 80, 24, nil, nil},
		{"home_80x24_skipped", 80, 24, today, []string{"1 routine file skipped: run `unknot routines check` for why"}},
		{"home_40x12_today", 40, 12, today, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newHarness(t, appOpts{first: PageHome, w: c.w, h: c.h, deps: Deps{Routines: builtins(t), Today: c.today, Notes: c.notes}})
				golden(t, c.name+".golden", h.app.View().Content)
			})
		})
	}
}

func TestHomeShowsToday(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		today := fixedToday{Sessions: map[string]int{"knee-to-chest": 3}, Breathe: 2, Streak: 4}
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t), Today: today}})
		h.must("b  Breathe now", "Knee to chest: 3 sessions today (at most 3)", "Breathing: 2 today", "4 days in a row")
	})
}

// Arrows and Enter reach every item, as its letter does.
func TestHomeArrowsAndEnter(t *testing.T) {
	for _, c := range []struct {
		downs int
		want  Page
	}{{0, PageBreathe}, {1, PageSession}, {2, PagePick}, {3, PageReview}, {4, PageCare}, {5, PageSafety}} {
		inBubble(t, func(t *testing.T) {
			h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t),
				Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}, Session: SessionConfig{Routines: builtins(t)}}})
			for range c.downs {
				h.press("down")
			}
			h.press("enter")
			if p := h.app.Pages(); len(p) != 2 || p[1] != c.want {
				t.Errorf("%d downs, enter: %v, want home then %v", c.downs, p, c.want)
			}
		})
	}
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t)}})
		for range 10 {
			h.press("down")
		}
		h.press("enter")
		if !h.quit {
			t.Error("enter on Quit did not end the program")
		}
	})
}

// The safety page is one key from home, and back.
func TestHomeSafety(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t)}})
		h.press("!")
		h.must("Get help now", "A&E", "See a doctor soon")
		h.press("esc")
		h.must("Breathe now")
	})
}

// rowOf is the row (from 0) of the first line of screen holding text, or -1.
func rowOf(screen, text string) int {
	for i, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return i
		}
	}
	return -1
}

// The menu stays where the first frame drew it: the first frame is drawn
// before the history answers (prepaint), and the counts, whatever they
// are, arrive a moment later. Every line of the menu and the title keep
// their row.
func TestHomeDoesNotMoveWhenTodayArrives(t *testing.T) {
	lines := []string{"unknot", "Breathe now", "Start today's session", "Pick routines", "History", "Ice or heat", "Safety", "Quit"}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {60, 20}} {
		var first map[string]int
		for _, today := range []fixedToday{
			{},
			{Sessions: map[string]int{"knee-to-chest": 3}, Streak: 1},
			{Sessions: map[string]int{"knee-to-chest": 3, "arm-raise": 1}, Breathe: 2, Streak: 4, Care: "ice 1 today, next from 14:30"},
		} {
			inBubble(t, func(t *testing.T) {
				deps := Deps{Routines: builtins(t), Today: today}
				// The first frame: the size, then a view, before Init (as prepaint draws it).
				a, err := NewApp(NewContext(Options{Theme: "dark"}), deps, PageHome)
				if err != nil {
					t.Fatal(err)
				}
				a.Update(sizeMsg(size[0], size[1]))
				before := ansi.Strip(a.View().Content)
				h := newHarness(t, appOpts{first: PageHome, w: size[0], h: size[1], deps: deps})
				after := h.screen()
				if today.Streak > 0 && !strings.Contains(after, "in a row") {
					t.Fatalf("the counts never arrived:\n%s", after)
				}
				for _, l := range lines {
					b, a := rowOf(before, l), rowOf(after, l)
					if b < 0 || a != b {
						t.Errorf("%dx%d %+v: %q is on row %d in the first frame and %d once today's counts arrive:\n%s\n---\n%s", size[0], size[1], today, l, b, a, before, after)
					}
					if first == nil {
						continue
					}
					if first[l] != a {
						t.Errorf("%dx%d: %q is on row %d with counts %+v, %d with none", size[0], size[1], l, a, today, first[l])
					}
				}
				if first == nil {
					first = map[string]int{}
					for _, l := range lines {
						first[l] = rowOf(after, l)
					}
				}
			})
		}
	}
}

// colOf is the column (in cells, from 0) where text starts on the row
// that holds it, or -1.
func colOf(screen, text string) int {
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, text); i >= 0 {
			return ansi.StringWidth(l[:i])
		}
	}
	return -1
}

// Pick routines, too, stays where its first frame drew it when today's
// counts arrive ("(1 today, at most 3 sessions)" after the routines with a limit).
func TestPickDoesNotMoveWhenTodayArrives(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		deps := Deps{Routines: builtins(t), Today: fixedToday{Sessions: map[string]int{"knee-to-chest": 1}}}
		a, err := NewApp(NewContext(Options{Theme: "dark"}), deps, PagePick)
		if err != nil {
			t.Fatal(err)
		}
		a.Update(sizeMsg(80, 24))
		before := ansi.Strip(a.View().Content)
		h := newHarness(t, appOpts{first: PagePick, deps: deps})
		after := h.screen()
		if !strings.Contains(after, "(1 today, at most 3 sessions)") {
			t.Fatalf("the counts never arrived:\n%s", after)
		}
		for _, r := range builtins(t) {
			if b, a := [2]int{rowOf(before, r.Title), colOf(before, r.Title)}, [2]int{rowOf(after, r.Title), colOf(after, r.Title)}; b != a || b[0] < 0 {
				t.Errorf("%q moved from row, column %v to %v:\n%s\n---\n%s", r.Title, b, a, before, after)
			}
		}
	})
}
