package words

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// Plural is "1 breath", "2 breaths": n and the word, with an s unless n is 1.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Breaths is "1 breath" or "n breaths".
func Breaths(n int) string { return Plural(n, "breath") }

// Capital starts s with a capital letter.
func Capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// Pace says a pace for people: "pace 1.2× (slower)".
func Pace(p float64) string {
	way := "slower"
	if p < 1 {
		way = "faster"
	}
	return fmt.Sprintf("pace %s× (%s)", strconv.FormatFloat(p, 'f', -1, 64), way)
}

// ShortPace is a pace in few cells: "pace 1.2×".
func ShortPace(p float64) string {
	return fmt.Sprintf("pace %s×", strconv.FormatFloat(p, 'f', -1, 64))
}

// Pattern spells a pattern's phases: "Inhale 5.5s, Hold 1.1s, Exhale 3.3s".
func Pattern(p routines.Pattern) string {
	var parts []string
	for _, sp := range p.Spans() {
		parts = append(parts, sp.Phase.String()+" "+Seconds(sp.Length))
	}
	return strings.Join(parts, ", ")
}

// SideRep says which side and rep of a segment: "Left side · rep 1/10",
// or "Rep 3/10" for a routine without sides.
func SideRep(seg coach.Segment) string {
	rep := fmt.Sprintf("rep %d/%d", seg.Rep, seg.Reps)
	if side := seg.Side.Label(); side != "" {
		return Capital(side) + " · " + rep
	}
	return Capital(rep)
}

// NextSideRep is what comes after a rest: "Next: left side · rep 2/10".
func NextSideRep(seg coach.Segment) string {
	rep := fmt.Sprintf("rep %d/%d", seg.Rep, seg.Reps)
	if side := seg.Side.Label(); side != "" {
		return "Next: " + side + " · " + rep
	}
	return "Next: " + rep
}

// NowSide is what a switch announces: "Now the right side · rep 1/10".
func NowSide(seg coach.Segment) string {
	rep := fmt.Sprintf("rep %d/%d", seg.Rep, seg.Reps)
	if side := seg.Side.Label(); side != "" {
		return "Now the " + side + " · " + rep
	}
	return "Now " + rep
}

// StartSide is the side a get-ready leads into: "Start with the left
// side.", or "" for a routine without sides.
func StartSide(seg coach.Segment) string {
	if side := seg.Side.Label(); side != "" {
		return "Start with the " + side + "."
	}
	return ""
}
