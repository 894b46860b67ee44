package sound

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
	"time"
)

// parsedWAV is what a player reads from a WAV header, parsed the long way.
type parsedWAV struct {
	format, channels, bits uint16
	rate, byteRate         uint32
	samples                []int16
}

func parseWAV(t *testing.T, b []byte) parsedWAV {
	t.Helper()
	if len(b) < 44 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("not a RIFF/WAVE file: % x", b[:min(len(b), 12)])
	}
	if got := binary.LittleEndian.Uint32(b[4:]); int(got) != len(b)-8 {
		t.Fatalf("RIFF size %d, file has %d bytes after it", got, len(b)-8)
	}
	le := binary.LittleEndian
	var w parsedWAV
	for off := 12; off+8 <= len(b); {
		id, size := string(b[off:off+4]), int(le.Uint32(b[off+4:]))
		body := b[off+8 : min(off+8+size, len(b))]
		switch id {
		case "fmt ":
			w.format, w.channels = le.Uint16(body[0:]), le.Uint16(body[2:])
			w.rate, w.byteRate = le.Uint32(body[4:]), le.Uint32(body[8:])
			w.bits = le.Uint16(body[14:])
		case "data":
			if len(body) != size {
				t.Fatalf("data chunk says %d bytes, file holds %d", size, len(body))
			}
			for i := 0; i+1 < len(body); i += 2 {
				w.samples = append(w.samples, int16(le.Uint16(body[i:])))
			}
		}
		off += 8 + size
	}
	return w
}

func peakOf(s []int16) float64 {
	top := 0
	for _, v := range s {
		top = max(top, abs(int(v)))
	}
	return float64(top) / math.MaxInt16
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func TestSynthHeadersLengthAndPeak(t *testing.T) {
	for _, c := range Cues {
		t.Run(c.String(), func(t *testing.T) {
			w := parseWAV(t, Synth(c, DefaultVolume))
			if w.format != 1 || w.channels != 1 || w.bits != 16 {
				t.Errorf("format %d, %d channels, %d bits; want PCM (1), mono, 16", w.format, w.channels, w.bits)
			}
			if w.rate != SampleRate || w.byteRate != 2*SampleRate {
				t.Errorf("rate %d, byte rate %d; want %d and %d", w.rate, w.byteRate, SampleRate, 2*SampleRate)
			}
			got := time.Duration(len(w.samples)) * time.Second / SampleRate
			if d := got - Length(c); d < -time.Millisecond || d > time.Millisecond {
				t.Errorf("%d samples last %v; Length says %v", len(w.samples), got, Length(c))
			}
			if p, want := peakOf(w.samples), Peak(c, DefaultVolume); math.Abs(p-want) > 1.0/math.MaxInt16 {
				t.Errorf("peak %.4f of full scale, want %.4f", p, want)
			}
			// Quiet by default: nothing above -12 dBFS at the default volume.
			if p := peakOf(w.samples); p > 0.25 {
				t.Errorf("peak %.3f (%.1f dBFS) is not quiet", p, 20*math.Log10(p))
			}
			// Soft edges: no click at either end.
			first, last := abs(int(w.samples[0])), abs(int(w.samples[len(w.samples)-1]))
			if first > 50 || last > 50 {
				t.Errorf("edges %d and %d: the cue clicks (want a soft attack and release)", first, last)
			}
		})
	}
}

// Each cue must fit inside the phase it announces: 1 s is the shortest
// phase a pattern allows; the end chime is followed by nothing.
func TestCuesFitTheirPhase(t *testing.T) {
	for _, c := range Cues {
		limit := 700 * time.Millisecond
		if c == End {
			limit = 2 * time.Second
		}
		if Length(c) > limit || Length(c) <= 0 {
			t.Errorf("%v lasts %v, want (0, %v]", c, Length(c), limit)
		}
	}
	if Length(LeadIn) > 150*time.Millisecond {
		t.Errorf("a lead-in tick lasts %v; three of them a second apart must stay ticks", Length(LeadIn))
	}
}

func TestVolumeScalesThePeak(t *testing.T) {
	for _, c := range Cues {
		p20 := peakOf(parseWAV(t, Synth(c, 20)).samples)
		p80 := peakOf(parseWAV(t, Synth(c, 80)).samples)
		if ratio := p80 / p20; math.Abs(ratio-4) > 0.01 {
			t.Errorf("%v: peak at volume 80 / at 20 = %.3f, want 4", c, ratio)
		}
		if p := peakOf(parseWAV(t, Synth(c, 0)).samples); p != 0 {
			t.Errorf("%v at volume 0 peaks at %v, want silence", c, p)
		}
		if p := peakOf(parseWAV(t, Synth(c, 100)).samples); p > 0.51 {
			t.Errorf("%v at volume 100 peaks at %.3f; keep 6 dB of headroom", c, p)
		}
	}
}

func TestCuesArePairwiseDifferent(t *testing.T) {
	seen := map[string]Cue{}
	for _, c := range Cues {
		key := string(Synth(c, DefaultVolume))
		if other, dup := seen[key]; dup {
			t.Errorf("%v sounds exactly like %v", c, other)
		}
		seen[key] = c
	}
	// Different by ear, not only by byte: length, or the pitch at the start
	// or at the end, tells any two apart.
	type sig struct{ length, start, end int }
	sigs := map[sig]Cue{}
	for _, c := range Cues {
		s := parseWAV(t, Synth(c, DefaultVolume)).samples
		n := len(s) / 3
		k := sig{int(Length(c).Milliseconds() / 20), int(pitch(s[:n]) / 30), int(pitch(s[2*n:]) / 30)}
		if other, dup := sigs[k]; dup {
			t.Errorf("%v and %v share length and pitch contour (%v): hard to tell apart by ear", c, other, k)
		}
		sigs[k] = c
	}
}

// pitch estimates the main frequency of s from its zero crossings.
func pitch(s []int16) float64 {
	crossings := 0
	for i := 1; i < len(s); i++ {
		if (s[i-1] < 0) != (s[i] < 0) {
			crossings++
		}
	}
	return float64(crossings) / 2 / (float64(len(s)) / SampleRate)
}

func TestInhaleRisesExhaleFalls(t *testing.T) {
	thirds := func(c Cue) (float64, float64) {
		s := parseWAV(t, Synth(c, DefaultVolume)).samples
		n := len(s) / 3
		return pitch(s[:n]), pitch(s[2*n:])
	}
	if a, b := thirds(Inhale); b < a*1.2 {
		t.Errorf("inhale goes from %.0f Hz to %.0f Hz; want it to rise", a, b)
	}
	if a, b := thirds(Exhale); a < b*1.2 {
		t.Errorf("exhale goes from %.0f Hz to %.0f Hz; want it to fall", a, b)
	}
	if a, b := thirds(Switch); a < b*1.1 {
		t.Errorf("switch goes from %.0f Hz to %.0f Hz; want two notes, high then low", a, b)
	}
	if !bytes.Equal(Synth(Inhale, 40), Synth(Inhale, 40)) {
		t.Error("Synth is not deterministic")
	}
}

// BenchmarkSynthAllCues is the work done when the volume changes: every
// cue rendered once.
//
//	go test -run '^$' -bench SynthAllCues -benchtime 200x ./tui/sound/
func BenchmarkSynthAllCues(b *testing.B) {
	for b.Loop() {
		for _, c := range Cues {
			Synth(c, DefaultVolume)
		}
	}
}
