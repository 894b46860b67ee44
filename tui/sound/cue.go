package sound

import "strconv"

// Cue is a moment the coach announces.
type Cue int

const (
	// Inhale starts a breath in: a rising glide.
	Inhale Cue = iota
	// Hold starts a breath hold: one soft, short note.
	Hold
	// Exhale starts a breath out: a falling glide.
	Exhale
	// RepDone ends one repetition: a short tap.
	RepDone
	// Switch asks to change sides: two notes, high then low.
	Switch
	// RoutineDone ends one routine of a session: three rising notes.
	RoutineDone
	// End ends the session or the breathing run: a chime.
	End
	// LeadIn is one tick of the 3-2-1 count at the end of a get-ready:
	// play it three times, at 3 s, 2 s and 1 s before the phase starts.
	LeadIn
)

// Cues lists every cue.
var Cues = []Cue{Inhale, Hold, Exhale, RepDone, Switch, RoutineDone, End, LeadIn}

var cueNames = [...]string{"inhale", "hold", "exhale", "rep-done", "switch", "routine-done", "end", "lead-in"}

// String names the cue (also the stem of its WAV file).
func (c Cue) String() string {
	if c < 0 || int(c) >= len(cueNames) {
		return "Cue(" + strconv.Itoa(int(c)) + ")"
	}
	return cueNames[c]
}
