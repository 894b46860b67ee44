package sound

import (
	"strings"
	"testing"
)

func TestParseMode(t *testing.T) {
	for _, m := range Modes {
		got, err := ParseMode(" " + strings.ToUpper(m.String()) + " ")
		if err != nil || got != m {
			t.Errorf("ParseMode(%q) = %v, %v; want %v", m.String(), got, err, m)
		}
	}
	for _, bad := range []string{"", "bogus", "tone", "on", "1"} {
		_, err := ParseMode(bad)
		if err == nil {
			t.Errorf("ParseMode(%q) accepted a bogus mode", bad)
			continue
		}
		msg := err.Error()
		if strings.Count(msg, "\n") > 0 || !strings.Contains(msg, "auto, tones, voice, bell, off") || !strings.Contains(msg, bad) {
			t.Errorf("ParseMode(%q): %q, want one line naming the value and the choices", bad, msg)
		}
	}
	var m Mode
	if err := m.Set("voice"); err != nil || m != Voice {
		t.Errorf("Set(voice) = %v, mode %v", err, m)
	}
	if err := m.UnmarshalText([]byte("nope")); err == nil || m != Voice {
		t.Errorf("UnmarshalText(nope) = %v and changed the mode to %v", err, m)
	}
}

func TestNextCyclesEveryMode(t *testing.T) {
	m, seen := Auto, map[Mode]bool{}
	for range Modes {
		seen[m] = true
		m = m.Next()
	}
	if m != Auto || len(seen) != len(Modes) {
		t.Errorf("cycling visited %v and ended on %v; want all %d modes and back to auto", seen, m, len(Modes))
	}
	if Off.Next() != Auto || Auto.Next() != Tones {
		t.Errorf("off -> %v, auto -> %v; want auto, tones", Off.Next(), Auto.Next())
	}
}

func TestParseVolume(t *testing.T) {
	for in, want := range map[string]int{"0": 0, "40": 40, " 100 ": 100} {
		if got, err := ParseVolume(in); err != nil || got != want {
			t.Errorf("ParseVolume(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "101", "loud", "4.5"} {
		if _, err := ParseVolume(bad); err == nil || !strings.Contains(err.Error(), "0 to 100") {
			t.Errorf("ParseVolume(%q) = %v, want an error naming the range", bad, err)
		}
	}
}
