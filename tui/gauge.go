package tui

import (
	"strings"

	"github.com/unknot/unknot/routines"
)

// Fullness is how full the lungs are, 0 to 1, at a point of a breath: it
// rises through the inhale, stays full through the hold, falls through the
// exhale and stays empty through the second hold.
func Fullness(phase routines.Phase, progress float64) float64 {
	progress = min(max(progress, 0), 1)
	switch phase {
	case routines.Inhale:
		return progress
	case routines.Hold:
		return 1
	case routines.Exhale:
		return 1 - progress
	}
	return 0
}

// Gauge draws the breath as a horizontal bar of width cells that fills and
// empties with the breath. It changes only when a whole cell changes, so a
// screen that redraws it often costs nothing extra.
func Gauge(s Styles, width int, phase routines.Phase, progress float64) string {
	if width < 1 {
		return ""
	}
	full := int(Fullness(phase, progress)*float64(width) + 0.5)
	return s.GaugeFull.Render(strings.Repeat("█", full)) +
		s.GaugeEmpty.Render(strings.Repeat("░", width-full))
}
