package sound

import (
	"fmt"
	"strconv"
	"strings"
)

// Mode is how cues are heard: --sound auto|tones|voice|bell|off.
type Mode int

const (
	// Auto plays tones when a player is found on PATH, else rings the bell.
	Auto Mode = iota
	// Tones plays a synthesised tone per cue.
	Tones
	// Voice speaks a short phrase per cue.
	Voice
	// Bell rings the terminal bell for each cue (but the lead-in ticks).
	Bell
	// Off plays nothing and never rings the bell.
	Off
)

// Modes lists every mode in the order the `s` key cycles through them.
var Modes = []Mode{Auto, Tones, Voice, Bell, Off}

var modeNames = [...]string{"auto", "tones", "voice", "bell", "off"}

// String is the mode's name as typed on the command line.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return "Mode(" + strconv.Itoa(int(m)) + ")"
	}
	return modeNames[m]
}

// Next is the mode after m in Modes, wrapping from off back to auto.
func (m Mode) Next() Mode {
	return Modes[(int(m)+1)%len(Modes)]
}

// ParseMode reads a --sound value (case and surrounding spaces ignored).
func ParseMode(s string) (Mode, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	for i, name := range modeNames {
		if v == name {
			return Mode(i), nil
		}
	}
	return Auto, fmt.Errorf("sound %q: not a sound mode; use one of auto, tones, voice, bell, off", s)
}

// DefaultVolume is quiet: a tone peaks near -14 dBFS, never startling.
const DefaultVolume = 40

// ParseVolume reads a --volume value: a whole number from 0 (silent) to 100.
func ParseVolume(s string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v < 0 || v > 100 {
		return 0, fmt.Errorf("volume %q: not a whole number from 0 to 100; try --volume %d", s, DefaultVolume)
	}
	return v, nil
}

// Set parses s into m, so a Mode can be a command-line flag (pflag.Value).
func (m *Mode) Set(s string) error {
	v, err := ParseMode(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Type names the flag's value in help text.
func (m *Mode) Type() string { return "auto|tones|voice|bell|off" }

// UnmarshalText reads a mode from a settings file (sound = "tones").
func (m *Mode) UnmarshalText(b []byte) error { return m.Set(string(b)) }

// MarshalText writes the mode's name.
func (m Mode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }
