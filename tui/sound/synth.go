package sound

import (
	"encoding/binary"
	"math"
	"time"
)

// SampleRate is the rate of every synthesised cue: 16-bit mono PCM.
const SampleRate = 22050

// fullScale is the peak of the loudest cue at volume 100: half of 16-bit
// full scale (-6 dBFS). At DefaultVolume a cue peaks near -14 dBFS.
const fullScale = 0.5

// note is one sine (or a few partials of one) inside a cue.
type note struct {
	at, dur  float64   // start and length in seconds
	from, to float64   // pitch glides from..to Hz (equal for a steady note)
	attack   float64   // raised-cosine fade-in, seconds
	release  float64   // raised-cosine fade-out, seconds
	decay    float64   // exponential decay time constant; 0 sustains
	partials []float64 // overtones as (ratio, gain) pairs after the fundamental
	gain     float64   // relative to the cue's other notes
}

// shape is how one cue sounds: its notes, its length and its peak
// relative to the loudest cues (1).
type shape struct {
	length float64
	peak   float64
	notes  []note
}

// shapes: pitches are gentle (E4-C6), every cue starts and ends in silence,
// and each is short enough to sit inside a 1 s phase, except the end chime,
// which nothing follows.
var shapes = map[Cue]shape{
	Inhale: {length: 0.60, peak: 1, notes: []note{
		{dur: 0.60, from: 330, to: 494, attack: 0.08, release: 0.20, gain: 1},
	}},
	Hold: {length: 0.25, peak: 0.6, notes: []note{
		{dur: 0.25, from: 392, to: 392, attack: 0.03, release: 0.12, gain: 1},
	}},
	Exhale: {length: 0.60, peak: 1, notes: []note{
		{dur: 0.60, from: 494, to: 330, attack: 0.08, release: 0.20, gain: 1},
	}},
	RepDone: {length: 0.15, peak: 0.8, notes: []note{
		{dur: 0.15, from: 784, to: 784, attack: 0.005, release: 0.05, decay: 0.06, gain: 1},
	}},
	Switch: {length: 0.42, peak: 1, notes: []note{
		{dur: 0.16, from: 659, to: 659, attack: 0.01, release: 0.06, gain: 1},
		{at: 0.22, dur: 0.20, from: 494, to: 494, attack: 0.01, release: 0.08, gain: 1},
	}},
	RoutineDone: {length: 0.60, peak: 1, notes: []note{
		{dur: 0.14, from: 523, to: 523, attack: 0.01, release: 0.05, gain: 1},
		{at: 0.15, dur: 0.14, from: 659, to: 659, attack: 0.01, release: 0.05, gain: 1},
		{at: 0.30, dur: 0.30, from: 784, to: 784, attack: 0.01, release: 0.15, decay: 0.15, gain: 1},
	}},
	End: {length: 1.40, peak: 1, notes: []note{
		{dur: 1.40, from: 523, to: 523, attack: 0.01, release: 0.30, decay: 0.45, gain: 1,
			partials: []float64{2.0, 0.35, 3.0, 0.15, 4.2, 0.06}},
	}},
	LeadIn: {length: 0.07, peak: 0.5, notes: []note{
		{dur: 0.07, from: 880, to: 880, attack: 0.005, release: 0.04, gain: 1},
	}},
}

// Length is how long cue c sounds once played.
func Length(c Cue) time.Duration {
	return time.Duration(float64(samples(c)) / SampleRate * float64(time.Second))
}

// Peak is the largest sample magnitude of cue c at volume (0-100), as a
// fraction of 16-bit full scale.
func Peak(c Cue, volume int) float64 {
	return fullScale * shapes[c].peak * float64(clampVolume(volume)) / 100
}

func samples(c Cue) int { return int(math.Round(shapes[c].length * SampleRate)) }

func clampVolume(v int) int { return min(max(v, 0), 100) }

// Synth renders cue c at volume 0-100 as the bytes of a WAV file: 16-bit
// PCM, mono, SampleRate Hz, peaking at Peak(c, volume).
func Synth(c Cue, volume int) []byte {
	s, ok := shapes[c]
	if !ok {
		return wav(nil)
	}
	buf := make([]float64, samples(c))
	for _, n := range s.notes {
		render(buf, n)
	}
	return wav(quantise(buf, Peak(c, volume)))
}

// render adds note n into buf, keeping the phase continuous through a glide.
func render(buf []float64, n note) {
	first := int(math.Round(n.at * SampleRate))
	count := int(math.Round(n.dur * SampleRate))
	phase := 0.0
	for i := 0; i < count && first+i < len(buf); i++ {
		t := float64(i) / SampleRate
		f := n.from + (n.to-n.from)*t/n.dur
		v := math.Sin(phase)
		for p := 0; p+1 < len(n.partials); p += 2 {
			v += n.partials[p+1] * math.Sin(phase*n.partials[p])
		}
		buf[first+i] += n.gain * envelope(n, t) * v
		phase += 2 * math.Pi * f / SampleRate
	}
}

// envelope is the note's loudness at t: raised-cosine attack and release,
// and an exponential decay for struck sounds.
func envelope(n note, t float64) float64 {
	e := 1.0
	if t < n.attack {
		e *= 0.5 - 0.5*math.Cos(math.Pi*t/n.attack)
	}
	if left := n.dur - t; left < n.release {
		e *= 0.5 - 0.5*math.Cos(math.Pi*max(left, 0)/n.release)
	}
	if n.decay > 0 {
		e *= math.Exp(-t / n.decay)
	}
	return e
}

// quantise scales buf so its largest magnitude is peak (of full scale) and
// converts it to 16-bit samples.
func quantise(buf []float64, peak float64) []int16 {
	top := 0.0
	for _, v := range buf {
		top = max(top, math.Abs(v))
	}
	out := make([]int16, len(buf))
	if top == 0 || peak <= 0 {
		return out
	}
	k := peak * math.MaxInt16 / top
	for i, v := range buf {
		out[i] = int16(math.Round(v * k))
	}
	return out
}

// wav wraps 16-bit mono samples in a RIFF/WAVE header.
func wav(pcm []int16) []byte {
	const header = 44
	data := 2 * len(pcm)
	b := make([]byte, header+data)
	copy(b[0:], "RIFF")
	binary.LittleEndian.PutUint32(b[4:], uint32(header-8+data))
	copy(b[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(b[16:], 16)           // fmt chunk size
	binary.LittleEndian.PutUint16(b[20:], 1)            // PCM
	binary.LittleEndian.PutUint16(b[22:], 1)            // mono
	binary.LittleEndian.PutUint32(b[24:], SampleRate)   // sample rate
	binary.LittleEndian.PutUint32(b[28:], SampleRate*2) // byte rate
	binary.LittleEndian.PutUint16(b[32:], 2)            // block align
	binary.LittleEndian.PutUint16(b[34:], 16)           // bits per sample
	copy(b[36:], "data")
	binary.LittleEndian.PutUint32(b[40:], uint32(data))
	for i, v := range pcm {
		binary.LittleEndian.PutUint16(b[header+2*i:], uint16(v))
	}
	return b
}
