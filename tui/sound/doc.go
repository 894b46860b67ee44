// Package sound lets a person follow a routine with their eyes closed: one
// distinct, quiet cue for every moment the coach announces (breathe in,
// hold, breathe out, a rep done, switch sides, a routine done, the end, and
// a 3-2-1 lead-in), as a synthesised tone, a short spoken phrase, or the
// terminal bell.
//
// Tones are sine waves with a soft attack and release, synthesised here in
// pure Go as 16-bit mono WAV (see Synth) and handed to a player already on
// the machine (pw-play, paplay, aplay or afplay, found on PATH by name).
// Speech goes through spd-say, espeak-ng, espeak or say, with words short
// enough to end inside the phase (see Words, RepWords, SwitchWords). A
// Player runs them asynchronously, one at a time (a new cue ends the one
// before), each with a timeout. When a player fails (exits non-zero, says
// "error", hangs) the next one found takes over; when none is left the
// bell stands in and the person is told once (Options.OnNotice,
// Player.Notice). Mode "off" plays nothing and never rings the bell.
//
// The package knows no screen: it imports neither Bubble Tea nor Lip Gloss,
// and it knows nothing of routines or history. The caller decides when a
// cue is due (from the coach's own timer) and calls Player.Play at that
// instant.
package sound
