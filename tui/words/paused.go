package words

// Paused is what every pacing screen (breathing, a session, ice or heat)
// says while its coach is paused: by the person, or because the computer
// slept. One sentence, the same on each, so that "how do I go on" is
// never read two ways.
func Paused(slept bool) string {
	if slept {
		return "Paused while the computer slept. Space to go on."
	}
	return "Paused. Space to go on."
}

// CarePaused is what ice or heat says while paused with the pack on:
// the time on stops while paused, so the pack must come off too, or the
// skin would have it on for longer than the record and the cap say. pack
// is "ice pack" or "heat pack"; key is how to go on ("Space", "Enter").
// Before the pack is on (the get-ready) a pause says Paused.
func CarePaused(pack, key string, slept bool) string {
	if slept {
		return "Paused while the computer slept: if the " + pack + " is still on, take it off now. " +
			key + " when it is back on, and the time goes on."
	}
	return "Paused: take the " + pack + " off now. " + key + " when it is back on, and the time goes on."
}
