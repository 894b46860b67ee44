package sound

import (
	"testing"
	"time"
)

// Estimates against espeak-ng 1.51 recordings on this machine (silence
// trimmed with sox): the estimate must cover what was measured.
func TestSpeechTimeCoversMeasuredSpeech(t *testing.T) {
	measured := map[string]time.Duration{
		"in": 240 * time.Millisecond, "hold": 377 * time.Millisecond,
		"breathe in": 481 * time.Millisecond, "breathe out": 495 * time.Millisecond,
		"rest": 319 * time.Millisecond, "well done": 519 * time.Millisecond,
		"rep 3 of 10": 950 * time.Millisecond, "3 of 10": 647 * time.Millisecond,
		"right side": 647 * time.Millisecond, "switch to the right side": 1252 * time.Millisecond,
		"routine done": 696 * time.Millisecond,
	}
	for p, d := range measured {
		if est := SpeechTime(p); est < d || est > d+2*perSyllable {
			t.Errorf("SpeechTime(%q) = %v; espeak-ng took %v", p, est, d)
		}
	}
}

func TestWordsFitThePhase(t *testing.T) {
	cases := []struct {
		got, want string
	}{
		{Words(Inhale, 4*time.Second), "breathe in"},
		{Words(Inhale, time.Second), "breathe in"},
		{Words(Inhale, 600*time.Millisecond), "in"},
		{Words(Exhale, 500*time.Millisecond), "out"},
		{Words(Hold, time.Second), "hold"},
		{Words(Hold, 300*time.Millisecond), ""},
		{Words(End, 0), ""},
		{Words(End, 3*time.Second), "well done"},
		{RepWords(3, 10, 3*time.Second), "rep 3 of 10"},
		{RepWords(3, 10, time.Second), "3 of 10"},
		{RepWords(3, 10, 600*time.Millisecond), "3"},
		{RepWords(17, 20, 600*time.Millisecond), ""},
		{SwitchWords("right", 3*time.Second), "switch to the right side"},
		{SwitchWords("left", time.Second), "left side"},
		{SwitchWords("left", 700*time.Millisecond), "switch"},
		{SwitchWords("", 3*time.Second), "switch sides"},
		{LeadInWords(3), "3"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
	for _, c := range Cues {
		for _, room := range []time.Duration{time.Second, 2 * time.Second, 5 * time.Second} {
			if w := Words(c, room); SpeechTime(w) > room {
				t.Errorf("Words(%v, %v) = %q takes %v", c, room, w, SpeechTime(w))
			}
		}
	}
}

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{
		"breathe": 1, "routine": 2, "side": 1, "switch": 1, "hold": 1, "the": 1,
		"7": 2, "11": 3, "12": 1, "20": 2, "21": 3, "100": 3, "done": 1,
	} {
		if got := syllables(w); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
}
