package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
)

type fixedToday TodayCounts

func (f fixedToday) Today(time.Time) (TodayCounts, error) { return TodayCounts(f), nil }

func newHome(t *testing.T, w, h int, today TodayProvider) *Home {
	t.Helper()
	c, err := routines.Builtins()
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := c.Pick(c.Names()...)
	clk := newSessClock()
	m := NewHome(NewContext(Options{Theme: "dark", Now: clk.Now}), rs, today)
	m.Update(sessWindow(w, h))
	if cmd := m.Init(); cmd != nil && today != nil {
		m.Update(cmd()) // the provider's answer
	}
	return m
}

func TestHomeGolden(t *testing.T) {
	today := fixedToday{Sessions: map[string]int{"knee-to-chest": 3, "arm-raise": 1}, Streak: 4}
	for _, c := range []struct {
		name  string
		w, h  int
		today TodayProvider
	}{
		{"home_80x24_today", 80, 24, today},
		{"home_80x24_nohistory", 80, 24, nil},
		{"home_40x12_today", 40, 12, today},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newHome(t, c.w, c.h, c.today)
			sessGolden(t, c.name+".txt", stripANSI(m.View().Content))
		})
	}
	m := newHome(t, 80, 24, today)
	view := stripANSI(m.View().Content)
	for _, w := range []string{"Start today's session", "Knee to chest: 3 of 3 today", "4 days in a row"} {
		if !strings.Contains(view, w) {
			t.Errorf("no %q on the home screen:\n%s", w, view)
		}
	}
}

// Each menu line routes to its mode; picking routines returns them.
func TestHomeChoices(t *testing.T) {
	cases := []struct {
		keys []string
		want string
		quit bool
	}{
		{[]string{"enter"}, "session", true},
		{[]string{"down", "enter"}, "breathe", true},
		{[]string{"j", "j", "j", "enter"}, "history", true},
		{[]string{"down", "down", "enter", "down", "space", "down", "space", "enter"}, "session arm-raise seated-twist", true},
		{[]string{"down", "down", "down", "down", "enter", "esc", "up", "enter"}, "history", true},
		{[]string{"q"}, "", true},
		{[]string{"down", "down", "enter", "esc"}, "", false},
	}
	for _, c := range cases {
		m := newHome(t, 80, 24, nil)
		var cmd tea.Cmd
		for _, k := range c.keys {
			cmd = sessPress(m, k)
		}
		ch := m.Choice()
		got := strings.TrimSpace(ch.Mode + " " + strings.Join(ch.Routines, " "))
		if got != c.want {
			t.Errorf("%v: chose %q, want %q", c.keys, got, c.want)
		}
		quit := cmd != nil
		if quit {
			_, quit = cmd().(tea.QuitMsg)
		}
		if quit != c.quit {
			t.Errorf("%v: quit %v, want %v", c.keys, quit, c.quit)
		}
	}
}
