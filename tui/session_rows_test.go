package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// countdownTop is the row of the big countdown's first line on screen, or
// -1: the first line made of full blocks alone, no wider than two digits
// (the breath gauge is wider, and has light shade when not full).
func countdownTop(screen string) int {
	for i, l := range strings.Split(screen, "\n") {
		t := strings.TrimSpace(l)
		if t != "" && strings.Trim(t, "█ ") == "" && ansi.StringWidth(t) <= 13 {
			return i
		}
	}
	return -1
}

// The big countdown stays on one row through a routine: from rep to rep
// (cues of one line and of two), in holds, rests and the switch of sides.
// It is read from every frame of the run, in four window sizes.
func TestSessionCountdownStaysPut(t *testing.T) {
	r := tinyRoutine()
	r.Reps, r.Hold, r.Alternate = 3, 9*time.Second, false
	r.Cues = []string{"Breathe slowly.",
		"Let the stretch come to you: ease a little further on each breath out, and never push into pain."}
	plan, err := coach.SessionPlan([]routines.Routine{r}, testPlanOptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {100, 30}, {60, 20}, {40, 12}} {
		inBubble(t, func(t *testing.T) {
			h := newSessionApp(t, Options{}, size[0], size[1], Deps{}, r)
			rows := map[int]string{} // row -> the first screen it was seen on
			seen := map[string]bool{}
			for at := frame; at < plan.Total(); at += frame {
				h.waitUntil(at)
				s := h.screen()
				if strings.Contains(s, "Get ready") || strings.Contains(s, "Well done") {
					continue
				}
				for _, w := range []string{"Rest", "Switch sides", "rep 3/3", "never push"} {
					if strings.Contains(s, w) {
						seen[w] = true
					}
				}
				row := countdownTop(s)
				if row < 0 {
					continue
				}
				if _, ok := rows[row]; !ok {
					rows[row] = s
				}
			}
			for _, w := range []string{"Rest", "Switch sides", "rep 3/3", "never push"} {
				if !seen[w] && (w != "never push" || size[1] >= 20) { // a small window leaves the cue out
					t.Errorf("%dx%d: the run never showed %q", size[0], size[1], w)
				}
			}
			if len(rows) != 1 {
				for row, s := range rows {
					t.Errorf("%dx%d: the countdown on row %d:\n%s", size[0], size[1], row, s)
				}
			}
		})
	}
}
