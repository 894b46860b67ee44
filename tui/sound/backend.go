package sound

import (
	"fmt"
	"os/exec"
	"strings"
)

// TonePlayers are the programs that can play a WAV file, in the order
// they are tried: PipeWire, PulseAudio, ALSA, macOS.
var TonePlayers = []string{"pw-play", "paplay", "aplay", "afplay"}

// Voices are the programs that can speak, in the order they are tried.
// spd-say comes first: it queues on the speech server a screen reader
// uses, so the two take turns instead of talking over each other.
var Voices = []string{"spd-say", "espeak-ng", "espeak", "say"}

// backend is what a mode resolved to on this machine.
type backend struct {
	kind Mode   // Tones, Voice, Bell or Off: never Auto
	name string // the program's name, for tones and voice
	path string
}

// LookPath finds a program by name, like exec.LookPath.
type LookPath func(name string) (string, error)

// resolve picks the backends for mode m, best first: the players or voices
// found on PATH (the next takes over when one fails), else the bell.
// notice says why a chosen mode could not be honoured ("" when it was,
// and for auto's quiet fallback to the bell).
func resolve(m Mode, look LookPath) (bs []backend, notice string) {
	switch m {
	case Off:
		return []backend{{kind: Off}}, ""
	case Bell:
		return []backend{{kind: Bell}}, ""
	case Voice:
		if bs := found(Voice, Voices, look); len(bs) > 0 {
			return bs, ""
		}
		return []backend{{kind: Bell}}, "sound: no voice found (install speech-dispatcher or espeak-ng); using the bell"
	}
	if bs := found(Tones, TonePlayers, look); len(bs) > 0 {
		return bs, ""
	}
	if m == Tones {
		return []backend{{kind: Bell}}, "sound: no player for tones found (" + strings.Join(TonePlayers, ", ") + "); using the bell"
	}
	return []backend{{kind: Bell}}, ""
}

func found(kind Mode, names []string, look LookPath) []backend {
	var bs []backend
	for _, n := range names {
		if p, err := look(n); err == nil && p != "" {
			bs = append(bs, backend{kind: kind, name: n, path: p})
		}
	}
	return bs
}

// toneArgs are the arguments that make player name play the WAV at file.
// Every player gets a file: afplay and paplay cannot read a WAV from a
// pipe reliably, and a file lets the volume be baked into the samples.
func toneArgs(name, file string) []string {
	switch name {
	case "aplay":
		return []string{"-q", file}
	default: // pw-play, paplay, afplay
		return []string{file}
	}
}

// voiceArgs are the arguments that make voice name say words at volume.
func voiceArgs(name, words string, volume int) []string {
	switch name {
	case "spd-say":
		// Priority "text" (the default, said outright): a newer text
		// message replaces the one being spoken, and a screen reader's
		// messages take precedence over it.
		return []string{"-N", "unknot", "-P", "text", "-i", fmt.Sprint(2*volume - 100), words}
	case "say":
		return []string{fmt.Sprintf("[[volm %.2f]] %s", float64(volume)/100, words)}
	default: // espeak-ng, espeak: amplitude 0-200, 100 by default
		return []string{"-a", fmt.Sprint(2 * volume), words}
	}
}

// speakable keeps words from being read as options or control codes.
func speakable(words string) string {
	words = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, words)
	return strings.TrimLeft(strings.TrimSpace(words), "-")
}

// lookPath adapts exec.LookPath.
func lookPath(name string) (string, error) { return exec.LookPath(name) }
