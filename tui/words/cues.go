package words

import (
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/sound"
)

// Sounder plays the cue of a moment. tui/sound's Player is one; the
// screens and the plain front end call it at each event's instant, from
// the coach's own timer, never at the next frame.
type Sounder interface {
	Play(c sound.Cue, words string)
	Silence()
}

// Heard is one cue to play: the sound and the words a voice says.
type Heard struct {
	Cue   sound.Cue
	Words string
}

// Cue is what a person hears for event e of the run that c paces: the
// phase sounds and words ("breathe in"), a rep done ("rep 3 of 10"), a
// switch of side ("switch to the right side"), a routine done, the end.
// The words always fit before the next cue (a 1 s hold gets no sentence).
// ok is false for an event with no sound of its own.
func Cue(e coach.Event, c *coach.Coach) (h Heard, ok bool) {
	room := untilNext(e, c)
	switch e.Kind {
	case coach.PhaseChanged:
		cue := map[routines.Phase]sound.Cue{routines.Inhale: sound.Inhale, routines.Hold: sound.Hold, routines.Exhale: sound.Exhale}[e.Phase]
		return Heard{cue, sound.Words(cue, e.PhaseLength)}, true
	case coach.RepDone:
		return Heard{sound.RepDone, sound.RepWords(e.Segment.Rep, e.Segment.Reps, room)}, true
	case coach.SideSwitched:
		return Heard{sound.Switch, sound.SwitchWords(string(e.Segment.Side), room)}, true
	case coach.RoutineDone:
		return Heard{sound.RoutineDone, sound.Words(sound.RoutineDone, room)}, true
	case coach.Finished:
		return Heard{sound.End, sound.Words(sound.End, 10*time.Second)}, true
	}
	return Heard{}, false
}

// untilNext is how long after e the next scheduled event comes: the room
// a voice has.
func untilNext(e coach.Event, c *coach.Coach) time.Duration {
	next, ok := c.NextEvent(e.At.Add(time.Nanosecond))
	if !ok {
		return 10 * time.Second
	}
	return next.Sub(e.At)
}

// LeadIns is the 3-2-1 before a get-ready ends: ticks 3, 2 and 1 fall
// when the get-ready has that many seconds left. NextLeadIn is how long
// from the state st until the next tick, if one is still to come.
func NextLeadIn(st coach.State) (in time.Duration, ok bool) {
	if st.Segment.Kind != coach.Ready || st.Paused || st.Finished || st.Stopped {
		return 0, false
	}
	for k := 3; k >= 1; k-- {
		at := time.Duration(k) * time.Second
		if st.SegmentLeft > at && st.Segment.Length > at {
			return st.SegmentLeft - at, true
		}
	}
	return 0, false
}

// CrossedLeadIn is the lead-in tick (3, 2 or 1) that falls after a
// get-ready had before left and by the time it has after left, the lowest
// if several did; 0 when none did.
func CrossedLeadIn(length, before, after time.Duration) int {
	n := 0
	for k := 3; k >= 1; k-- {
		at := time.Duration(k) * time.Second
		if length > at && before > at && after <= at {
			n = k
		}
	}
	return n
}
