package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// The session screen at chosen instants, in two sizes and two themes.
// Seated twist (3 reps a side, alternating, holds of 5 breaths of 5-1-3,
// 5 s rests) then a one-sided-at-a-time custom routine for the switch.
func TestSessionGolden(t *testing.T) {
	oneSide := sessBuiltin(t, "knee-to-chest")
	oneSide.Name, oneSide.Alternate, oneSide.Reps = "knee-one-side", false, 2
	instants := []struct {
		name  string
		at    time.Duration // from the start of the plan
		pause bool          // pause at this instant, then let 30 s go by
	}{
		{"ready", 3 * time.Second, false},
		{"hold", 8*time.Second + 3500*time.Millisecond, false}, // 3.5 s into the first inhale
		{"exhale", 8*time.Second + 7*time.Second, false},
		{"rest", 8*time.Second + 10*time.Second + 1500*time.Millisecond, false},
		{"switch", 0, false}, // set below: inside the switch segment
		{"paused", 8*time.Second + 3500*time.Millisecond, true},
	}
	sizes := [][2]int{{80, 24}, {40, 12}}
	for _, in := range instants {
		for _, size := range sizes {
			for _, theme := range []string{"dark", "light"} {
				name := fmt.Sprintf("session_%s_%dx%d_%s", in.name, size[0], size[1], theme)
				t.Run(name, func(t *testing.T) {
					clk := newSessClock()
					rs := []routines.Routine{sessBuiltin(t, "knee-to-chest")}
					if in.name == "switch" {
						rs = []routines.Routine{oneSide}
					}
					m := newSession(t, clk, size[0], size[1], theme, rs...)
					off := in.at
					if in.name == "switch" {
						for _, s := range m.coach.Plan().Segments {
							if s.Kind.String() == "Switch sides" {
								off = s.Start + 2*time.Second
								break
							}
						}
					}
					clk.Set(off)
					m.Update(sessionWakeMsg{gen: m.gen})
					if in.pause {
						sessPress(m, "space")
						clk.Add(30 * time.Second)
						m.Update(sessionWakeMsg{gen: m.gen})
					}
					view := m.View().Content
					for i, line := range strings.Split(stripANSI(view), "\n") {
						if w := len([]rune(line)); w > size[0] {
							t.Errorf("line %d is %d cells wide, more than %d: %q", i, w, size[0], line)
						}
					}
					if n := strings.Count(view, "\n") + 1; n > size[1] {
						t.Errorf("%d lines, more than %d", n, size[1])
					}
					sessGolden(t, name+".golden", pin256(view))
					if theme == "dark" {
						sessGolden(t, name+".txt", stripANSI(view))
					}
				})
			}
		}
	}
}

// What each moment says, in words, read off the plain text.
func TestSessionViewWords(t *testing.T) {
	clk := newSessClock()
	m := newSession(t, clk, 80, 24, "dark", sessBuiltin(t, "knee-to-chest"))
	cases := []struct {
		at   time.Duration
		want []string
	}{
		{2 * time.Second, []string{"Knee to chest", "Get ready", "Start with the left side.", "1. Lie on your back."}},
		{9 * time.Second, []string{"Left side · rep 1/10", "Inhale", "Bring one knee slowly up"}},
		{8*time.Second + 5500*time.Millisecond, []string{"Hold"}},
		{8*time.Second + 7*time.Second, []string{"Exhale"}},
		{8*time.Second + 10*time.Second + time.Second, []string{"Rest", "Next: right side · rep 1/10"}},
	}
	for _, c := range cases {
		clk.Set(c.at)
		m.Update(sessionWakeMsg{gen: m.gen})
		view := stripANSI(m.View().Content)
		for _, w := range c.want {
			if !strings.Contains(view, w) {
				t.Errorf("at %v: no %q in\n%s", c.at, w, view)
			}
		}
	}
}

// Below the minimum the screen says so, and it recovers when enlarged.
func TestSessionTooSmall(t *testing.T) {
	clk := newSessClock()
	m := newSession(t, clk, 80, 24, "dark", tinyRoutine())
	m.Update(sessWindow(MinWidth-1, MinHeight))
	if got := stripANSI(m.View().Content); !strings.Contains(got, fmt.Sprintf("window too small (need %d×%d)", MinWidth, MinHeight)) {
		t.Fatalf("a window one cell too narrow shows\n%s", got)
	}
	m.Update(sessWindow(14, 4))
	if got := strings.Join(strings.Fields(stripANSI(m.View().Content)), " "); !strings.Contains(got, "window too small (need 30×10)") {
		t.Fatalf("a tiny window shows\n%s", got)
	}
	m.Update(sessWindow(40, 12))
	if got := stripANSI(m.View().Content); strings.Contains(got, "too small") || !strings.Contains(got, "Get ready") {
		t.Fatalf("after enlarging:\n%s", got)
	}
}

// --reduced-motion shows the breath in words instead of the gauge.
func TestSessionReducedMotion(t *testing.T) {
	clk := newSessClock()
	ctx := NewContext(Options{Theme: "dark", Now: clk.Now, ReducedMotion: true})
	m := NewSession(ctx, SessionConfig{Routines: []routines.Routine{sessBuiltin(t, "arm-raise")}})
	m.Update(sessWindow(80, 24))
	m.Init()
	clk.Set(9 * time.Second)
	m.Update(sessionWakeMsg{gen: m.gen})
	view := stripANSI(m.View().Content)
	if !strings.Contains(view, "breathe in slowly, 5 s") || strings.Contains(view, "░") {
		t.Fatalf("reduced motion view:\n%s", view)
	}
}
