package routines

// ChangesPosition reports whether going from one routine's position to the
// next means getting up or down. from is AnyPosition at the start of a
// session (where the person is is not known). A routine that names no
// position may need any move, so it counts as a change too: the longer,
// guided get-ready is the safe side.
func ChangesPosition(from, to Position) bool {
	return from != to || from == AnyPosition
}

// pressTip is seed 003's advice for any move during a spasm, in our words.
const pressTip = "If a muscle tightens, press your fingertips on it and wait for it to ease."

// Transition is the guided get-ready for moving from one position to
// another, a line at a time, in the sources' spirit (000, 003): slowly,
// rolling to the side first, pausing when a muscle tightens. It is nil
// when the position stays the same: the routine's setup is enough.
func Transition(from, to Position) []string {
	if !ChangesPosition(from, to) {
		return nil
	}
	var lines []string
	switch {
	case to == AnyPosition && from == Lying:
		lines = []string{"Bend your knees and roll slowly onto your side.", "Take your time getting into position; no sudden turns."}
	case to == AnyPosition:
		lines = []string{"Take your time getting into position.", "Move slowly; no sudden turns."}
	case from == AnyPosition && to == Lying, from == Standing && to == Lying:
		lines = []string{
			"Get down slowly: a hand on something steady, one knee, then the other.",
			"Sit to one side, then lower yourself onto your side.",
			"Roll slowly onto your back and bend your knees.",
		}
	case from == Sitting && to == Lying:
		lines = []string{
			"Lower yourself onto your side slowly, using your arms.",
			"Roll onto your back and bend your knees.",
		}
	case from == Lying && to == Sitting:
		lines = []string{
			"Bend your knees and roll slowly onto your side.",
			"Push yourself up with your arms; let your legs come along.",
			"Sit still for a breath, then sit tall.",
		}
	case from == Lying && to == Standing:
		lines = []string{
			"Bend your knees and roll slowly onto your side.",
			"Push up onto your hands and knees.",
			"Hold something steady, bring one foot forward and stand up slowly.",
		}
	case to == Sitting: // from standing, or from where the session began
		lines = []string{"Sit down slowly on something steady, using your hands.", "Sit tall, feet flat."}
	case to == Standing: // from sitting, or from where the session began
		lines = []string{
			"Move to the front of the seat, feet under you.",
			"Push up slowly with your hands; stand tall.",
		}
	}
	return append(lines, pressTip)
}
