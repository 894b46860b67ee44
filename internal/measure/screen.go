package measure

import (
	"strconv"
	"strings"
	"time"
)

// Shown is what a screen shows of the breathing: the phase word and the
// seconds beside it (-1 when none, as in a session's hold, where the
// seconds are the hold's, in big digits).
type Shown struct {
	Word string
	Secs int
}

func phaseWord(s string) bool { return s == "Inhale" || s == "Hold" || s == "Exhale" }

// ReadScreen finds the first line that is a phase word alone or a phase
// word and a number ("Inhale  4"), as the breathe and session screens
// draw them. The session's picture of the pose (braille, beside the
// words) is not part of a line's words.
func ReadScreen(screen string) Shown {
	for line := range strings.SplitSeq(screen, "\n") {
		f := strings.Fields(strings.Map(noBraille, line))
		if len(f) == 0 || len(f) > 2 || !phaseWord(f[0]) {
			continue
		}
		if len(f) == 1 {
			return Shown{Word: f[0], Secs: -1}
		}
		if n, err := strconv.Atoi(f[1]); err == nil {
			return Shown{Word: f[0], Secs: n}
		}
	}
	return Shown{Secs: -1}
}

// Observer turns a succession of screens into the changes seen: a new
// phase word, or the same word with other seconds.
type Observer struct {
	prev    Shown
	started bool
	Changes []Change
}

// See notes the screen as it stands after a chunk read at instant at.
func (o *Observer) See(at time.Time, s Shown) {
	prev := o.prev
	if !o.started {
		prev = Shown{Secs: -1}
		o.started = true
	}
	o.prev = s
	switch {
	case s == prev:
	case s.Word != prev.Word && s.Word != "":
		o.Changes = append(o.Changes, Change{At: at, What: PhaseWord, Value: s.Word, Secs: s.Secs})
	case s.Word == prev.Word && s.Secs >= 0:
		o.Changes = append(o.Changes, Change{At: at, What: Countdown, Value: s.Word + " " + strconv.Itoa(s.Secs), Secs: s.Secs})
	}
}

// noBraille blanks the braille patterns (U+2800 to U+28FF) the pictures
// of the poses are drawn in.
func noBraille(r rune) rune {
	if r >= 0x2800 && r <= 0x28FF {
		return ' '
	}
	return r
}
