package sound

import (
	"strconv"
	"strings"
	"time"
)

// Speech pace measured with espeak-ng 1.51 at its default 175 words a
// minute: about 0.24 s a syllable once voiced ("breathe in" 0.48 s,
// "switch to the right side" 1.25 s), plus the synthesiser's start-up.
const (
	perSyllable = 250 * time.Millisecond
	speechStart = 150 * time.Millisecond
	// roomShare is how much of a phase the estimate may fill: the
	// estimate already runs long, and the last tenth is left as a breath
	// between the words and the next cue.
	roomShare = 0.92
)

// phrases are the standard words for each cue, longest first.
var phrases = map[Cue][]string{
	Inhale:      {"breathe in", "in"},
	Hold:        {"hold"},
	Exhale:      {"breathe out", "out"},
	RepDone:     {"done"},
	Switch:      {"switch sides", "switch"},
	RoutineDone: {"rest"},
	End:         {"well done"},
}

// Words is what the voice says for cue c when the next cue comes room
// later: the longest standard phrase that can be said within it, or ""
// when even the shortest would run into the next cue. For a rep or a side
// use RepWords and SwitchWords, for the lead-in LeadInWords.
func Words(c Cue, room time.Duration) string {
	return Fit(room, phrases[c]...)
}

// RepWords announces rep n of of: "rep 3 of 10", "3 of 10" or "3".
func RepWords(n, of int, room time.Duration) string {
	num, total := strconv.Itoa(n), strconv.Itoa(of)
	return Fit(room, "rep "+num+" of "+total, num+" of "+total, num)
}

// SwitchWords asks to change to side ("right"): "switch to the right
// side", "right side" or "switch".
func SwitchWords(side string, room time.Duration) string {
	side = strings.TrimSpace(side)
	if side == "" {
		return Words(Switch, room)
	}
	return Fit(room, "switch to the "+side+" side", side+" side", "switch")
}

// LeadInWords is what the voice says on lead-in tick n (3, 2, 1).
func LeadInWords(n int) string { return strconv.Itoa(n) }

// Fit returns the first phrase that can be said within room (give them
// longest first), or "" if none can.
func Fit(room time.Duration, phrases ...string) string {
	for _, p := range phrases {
		if float64(SpeechTime(p)) <= roomShare*float64(room) {
			return p
		}
	}
	return ""
}

// SpeechTime estimates how long a voice takes to say phrase.
func SpeechTime(phrase string) time.Duration {
	n := 0
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		n += syllables(w)
	}
	if n == 0 {
		return 0
	}
	return speechStart + time.Duration(n)*perSyllable
}

// syllables counts the vowel groups of an English word (a silent final e
// does not count); a number counts as it is spoken.
func syllables(w string) int {
	if v, err := strconv.Atoi(w); err == nil && v >= 0 {
		n := 0
		for _, part := range strings.Fields(spell(v)) {
			n += syllables(part)
		}
		return n
	}
	n, inVowel := 0, false
	for i, r := range w {
		vowel := strings.ContainsRune("aeiouy", r)
		if vowel && !inVowel && !(r == 'e' && i == len(w)-1 && n > 0) {
			n++
		}
		inVowel = vowel
	}
	return max(n, 1)
}

var small = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve " +
	"thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
var tens = strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")

// spell writes v in words, well enough to count its syllables.
func spell(v int) string {
	switch {
	case v < 20:
		return small[v]
	case v < 100:
		s := tens[v/10]
		if v%10 != 0 {
			s += " " + small[v%10]
		}
		return s
	case v < 1000:
		s := small[v/100] + " hundred"
		if v%100 != 0 {
			s += " " + spell(v%100)
		}
		return s
	}
	return "many thousand and more" // long numbers are never said in a short phase
}
