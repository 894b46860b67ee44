package tui

import (
	"time"

	"github.com/unknot/unknot/tui/words"
)

// The slow parts of a pacing screen (the progress bar, the clock of time
// breathed, a hold's cues) move with the countdown's seconds, not between
// them. Why: every frame that changes costs about the same whatever
// changed in it (Bubble Tea draws the whole view into its cells again and
// diffs every line with anything on it), so parts that each moved on their
// own instants would add frames, where moving together they share one.
// The breath's shape and gauge are the exception: they follow the breath
// itself (pacer, Mover), through inhales and exhales only.

// lastTick is elapsed into a span of length moved back to the last instant
// its countdown changed: the span's start, or a whole number of seconds
// before its end.
func lastTick(elapsed, length time.Duration) time.Duration {
	if length <= 0 {
		return 0
	}
	shown := words.SecondsUp(length - min(max(elapsed, 0), length))
	return max(length-time.Duration(shown)*time.Second, 0)
}
