package tui

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
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

// ease is the breath's easing: slow as a breath turns, quickest half way
// (half a cosine, from 0 to 1 as p goes from 0 to 1).
func ease(p float64) float64 { return (1 - math.Cos(math.Pi*min(max(p, 0), 1))) / 2 }

// unease is ease's inverse: the progress at which ease reaches f.
func unease(f float64) float64 { return math.Acos(1-2*min(max(f, 0), 1)) / math.Pi }

// Breath is how full the lungs are at elapsed into a phase of length, as
// the moving pictures show it: Fullness eased, so that the shape and the
// gauge slow down at the turns of the breath as the lungs do.
func Breath(phase routines.Phase, elapsed, length time.Duration) float64 {
	p := 1.0
	if length > 0 {
		p = float64(min(max(elapsed, 0), length)) / float64(length)
	}
	return Fullness(phase, ease(p))
}

// SteppedElapsed is elapsed held back to the instant the countdown last
// showed a new second: with --reduced-motion the breathing shape moves
// once a second, in step with the countdown, never in between.
func SteppedElapsed(elapsed, length time.Duration) time.Duration {
	shown := words.SecondsUp(length - elapsed)
	return min(max(length-time.Duration(shown)*time.Second, 0), elapsed)
}

// Steps are the fullnesses, sorted, at which a moving picture changes: it
// shows step k (0 to len) once the lungs are at least the k-th full.
type Steps []float64

// Level is the step shown at fullness f.
func (s Steps) Level(f float64) int { return sort.Search(len(s), func(i int) bool { return s[i] > f }) }

// Next is how long after elapsed into a phase of length the picture next
// changes within that phase; false when it rests (a hold, or the last
// step reached). Nothing is counted: it inverts the easing.
func (s Steps) Next(phase routines.Phase, elapsed, length time.Duration) (time.Duration, bool) {
	if length <= 0 || elapsed >= length || len(s) == 0 {
		return 0, false
	}
	k := s.Level(Breath(phase, elapsed, length))
	var p float64 // the progress at which the next step shows
	switch phase {
	case routines.Inhale:
		if k == len(s) {
			return 0, false
		}
		p = unease(s[k])
	case routines.Exhale:
		if k == 0 {
			return 0, false
		}
		// Fullness 1-ease(p) falls below s[k-1] just after this.
		p = unease(1 - s[k-1])
	default:
		return 0, false
	}
	at := time.Duration(math.Ceil(p*float64(length)/float64(time.Microsecond))) * time.Microsecond
	if s.Level(Breath(phase, at, length)) == k {
		at += time.Microsecond // exactly on the threshold, an exhale's still above it
	}
	if at >= length {
		return 0, false
	}
	return max(at-elapsed, time.Microsecond), true
}

// GaugeSteps are the steps of a gauge of width cells: eighths of a cell.
func GaugeSteps(width int) Steps {
	n := 8 * max(width, 0)
	s := make(Steps, n)
	for i := range s {
		s[i] = (float64(i) + 0.5) / float64(n)
	}
	return s
}

// eighths are the left-filled blocks of one to seven eighths of a cell.
var eighths = []string{"▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// Gauge draws the breath as a horizontal bar of width cells, filled to
// fullness f in eighths of a cell (▏▎▍▌▋▊▉).
func Gauge(s Styles, width int, f float64) string {
	if width < 1 {
		return ""
	}
	n := GaugeSteps(width).Level(f) // eighths filled
	full, part := n/8, n%8
	bar := strings.Repeat("█", full)
	empty := width - full
	if part > 0 {
		bar += eighths[part-1]
		empty--
	}
	return s.GaugeFull.Render(bar) + s.GaugeEmpty.Render(strings.Repeat("░", empty))
}
