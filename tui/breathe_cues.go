package tui

// breatheCues are the breathing cues from content.md (source 000), in the
// project's own words: short enough to read at a glance lying down, and
// shown one at a time.
var breatheCues = []string{
	"Picture a tight knot slowly coming loose as you breathe in.",
	"Let your ribs widen as the breath fills them.",
	"Feel the tight muscles lengthen, a little more each breath.",
	"Stay still. Let the floor take your weight.",
	"Breathe in slowly, moving as little as you can.",
	"Each slow breath helps a clenched muscle let go.",
}

// breathsPerCue is how many breaths each cue stays: it changes slowly, at
// the start of a breath, never mid-phase.
const breathsPerCue = 3

// pausedCues take the cue's place while paused: by the person, or because
// the computer slept.
var pausedCues = []string{
	"Paused. Space to go on.",
	"Paused while the computer slept. Space to go on.",
}
