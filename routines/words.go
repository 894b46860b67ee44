package routines

import "strings"

// Fill puts the side and the direction of a rep into a line of a routine's
// setup or cues: "Draw your {side} knee" for Left is "Draw your left
// knee"; "Roll your shoulders {direction}" for "back" is "Roll your
// shoulders back". Parsing refuses a {side} in a routine without sides and
// a {direction} in one without directions, so both are always filled.
func Fill(line string, side Side, direction string) string {
	if !strings.Contains(line, "{") {
		return line
	}
	return strings.NewReplacer(SidePlaceholder, string(side), DirectionPlaceholder, direction).Replace(line)
}

// CuesFor is r's cues with the side and direction of the rep filled in:
// what a screen shows during a hold or a move. side is NoSide and
// direction "" for a routine without them.
func (r Routine) CuesFor(side Side, direction string) []string {
	return fillAll(r.Cues, side, direction)
}

// SetupFor is r's setup with the side and direction of the first rep
// filled in: what a screen shows while getting ready.
func (r Routine) SetupFor(side Side, direction string) []string {
	return fillAll(r.Setup, side, direction)
}

func fillAll(lines []string, side Side, direction string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = Fill(l, side, direction)
	}
	return out
}
