package tui

import (
	"time"

	"github.com/unknot/unknot/tui/words"
)

// The slow parts of a pacing screen (the breath's shape and gauge, the
// progress bar, the clock of time breathed) move with the countdown's
// seconds, not between them. Why: every frame that changes costs about the
// same whatever changed in it (Bubble Tea draws the whole view into its
// cells again and diffs every line with anything on it, about 1.5 ms at
// 200x60 here), so a screen whose parts each moved on their own instants
// drew two to four frames a second; moving together, they draw one. The
// shape still grows through an inhale, a step each second, and the
// phase word and its seconds change on their own instants as before.

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

// onTheSecond is elapsed into a span of length moved to the middle of the
// countdown second it falls in (within the span): where the shape and the
// gauge stand for the whole of that second.
func onTheSecond(elapsed, length time.Duration) time.Duration {
	if length <= 0 {
		return 0
	}
	return min(lastTick(elapsed, length)+time.Second/2, length)
}
