package tui

import (
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// The breathing cues from content.md (source 000), in the project's own
// words, one set for each phase so that what a person reads is about what
// they are doing: the knot comes loose on the way in, the muscle lets go
// on the way out. Short enough to read at a glance lying down.
var (
	inhaleCues = []string{
		"Picture a tight knot slowly coming loose as you breathe in.",
		"Let your ribs widen as the breath fills them.",
		"Breathe in slowly, moving as little as you can.",
	}
	holdCues = []string{
		"Rest at the top of the breath.",
		"Stay still. Let the floor take your weight.",
	}
	exhaleCues = []string{
		"Let the breath go slowly. Feel the muscle lengthen.",
		"Each slow breath out helps a clenched muscle let go.",
		"Let your shoulders drop as the air leaves.",
	}
)

// phaseCues are the cues for phase p.
func phaseCues(p routines.Phase) []string {
	switch p {
	case routines.Inhale:
		return inhaleCues
	case routines.Exhale:
		return exhaleCues
	}
	return holdCues
}

// breathsPerCue is how many breaths each phase's cue stays before the next
// of its set: it changes slowly, and only ever at a phase's start.
const breathsPerCue = 3

// pausedCues take the cue's place while paused: by the person, or because
// the computer slept.
var pausedCues = []string{words.Paused(false), words.Paused(true)}

// allCues is every cue the breathe screen may show, for its layout.
func allCues() []string {
	var all []string
	for _, set := range [][]string{inhaleCues, holdCues, exhaleCues, pausedCues} {
		all = append(all, set...)
	}
	return all
}
