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
