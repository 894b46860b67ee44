package tui

import (
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
		h.must("b  Breathe now", "Knee to chest: 3 of 3 today", "Breathing: 2 today", "4 days in a row")
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
