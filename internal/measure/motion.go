package measure

import (
	"strings"
	"time"
)

// Frame is one screen of the breathe view as seen: when its chunk was
// read, the phase word, and the shape (every line above the phase line).
type Frame struct {
	At    time.Time
	Word  string
	Shape string
}

// FrameOf reads a screen: its phase word (ReadScreen) and the lines above
// the phase line. No phase word: an empty Frame but for At.
func FrameOf(at time.Time, screen string) Frame {
	lines := strings.Split(screen, "\n")
	for i, line := range lines {
		f := strings.Fields(line)
		if len(f) == 0 || len(f) > 2 || !phaseWord(f[0]) {
			continue
		}
		return Frame{At: at, Word: f[0], Shape: strings.Join(lines[:i], "\n")}
	}
	return Frame{At: at}
}

// burst is how close two chunks are to be parts of one frame: Bubble Tea
// writes a frame at once, which the pty may hand over in a few reads.
const burst = 15 * time.Millisecond

// Motion is how the shape moved through one phase: the frames from the
// first with its word to the first with another.
type Motion struct {
	Word       string
	Start, End time.Time
	Pictures   int           // distinct pictures, one after another
	Longest    time.Duration // the longest any one picture stayed
}

// Motions measures the shape through each whole phase of frames (the
// first and the last phase seen, cut short, are left out). Chunks each
// within burst of the one before are parts of one frame, which counts
// once, at its first chunk's instant, with its last chunk's screen.
func Motions(frames []Frame) []Motion {
	var fs []Frame // one a frame: the first chunk's instant, the last one's screen
	for i, f := range frames {
		if i > 0 && f.At.Sub(frames[i-1].At) < burst {
			at := fs[len(fs)-1].At
			fs[len(fs)-1] = f
			fs[len(fs)-1].At = at
			continue
		}
		fs = append(fs, f)
	}
	var out []Motion
	var cur *Motion
	var shape string
	var since time.Time
	for _, f := range fs {
		if cur != nil && f.Word != cur.Word {
			cur.End = f.At
			cur.Longest = max(cur.Longest, f.At.Sub(since))
			out = append(out, *cur)
			cur = nil
		}
		if f.Word == "" {
			continue
		}
		if cur == nil {
			cur = &Motion{Word: f.Word, Start: f.At, Pictures: 1}
			shape, since = f.Shape, f.At
			continue
		}
		if f.Shape != shape {
			cur.Pictures++
			cur.Longest = max(cur.Longest, f.At.Sub(since))
			shape, since = f.Shape, f.At
		}
	}
	if len(out) > 0 {
		out = out[1:] // the first phase seen may have begun before the first frame
	}
	return out
}
