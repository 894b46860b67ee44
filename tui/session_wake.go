package tui

import (
	"math"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// nextChange is the next instant after now the screen changes besides
// the coach's events and the gauge's motion: the next whole second of a
// countdown (and with it the progress bar: see lastTick), the next cue,
// the lead-in's next tick.
func (m *Session) nextChange(now time.Time, st coach.State) (time.Time, bool) {
	best := time.Duration(math.MaxInt64)
	consider := func(d time.Duration) {
		if d > 0 && d < best {
			best = d
		}
	}
	consider(untilSecond(st.SegmentLeft))
	consider(untilSecond(st.Left))
	if (st.Segment.Kind == coach.Stretch || st.Segment.Kind == coach.Move) && st.Routine != nil {
		consider(untilCue(st.SegmentElapsed, st.Segment, len(st.Routine.Cues)))
	}
	if d, ok := words.NextLeadIn(st); ok && m.sound != nil {
		consider(d) // nor the lead-in's ticks
	}
	if best == math.MaxInt64 {
		return time.Time{}, false
	}
	return now.Add(best), true
}

// gaugeMoves is how long until the breath gauge's picture next changes:
// it follows the breath in eighths of a cell through inhales and exhales,
// and rests through holds (never with --reduced-motion, which shows words).
func (m *Session) gaugeMoves(st coach.State) (time.Duration, bool) {
	if m.stage != stageRun || m.ctx.Opt.ReducedMotion || !st.Breathing || st.Paused {
		return 0, false
	}
	if st.Segment.Kind != coach.Stretch && st.Segment.Kind != coach.Move {
		return 0, false
	}
	return GaugeSteps(m.layout().gaugeWidth).Next(st.Phase, st.PhaseElapsed, st.PhaseLength)
}

// untilSecond is how long until words.SecondsUp(left) drops by one.
func untilSecond(left time.Duration) time.Duration {
	if left <= 0 {
		return 0
	}
	return left - time.Duration(words.SecondsUp(left)-1)*time.Second
}

// barCells is how many of width cells are filled at off of total.
func barCells(off, total time.Duration, width int) int {
	if total <= 0 || width <= 0 {
		return 0
	}
	return int(int64(off) * int64(width) / int64(total))
}

// cueTimes are the instants, into a hold of length, at which each of n
// cues begins to show. A hold's cues go into the stretch, through it and
// out of it: the last one ("lower the foot back down") waits for the hold's
// final exhale (tail), so it never reads as an instruction to let go early;
// the others share the time before it. A move's cues (tail 0) share the
// whole move.
func cueTimes(length, tail time.Duration, n int) []time.Duration {
	if n <= 1 || length <= 0 {
		return []time.Duration{0}
	}
	body := length
	if tail > 0 && tail < length {
		body = length - tail
	} else {
		tail = 0
	}
	at := make([]time.Duration, n)
	spread := n
	if tail > 0 {
		spread = n - 1
		at[n-1] = body
	}
	for k := 0; k < spread; k++ {
		at[k] = time.Duration((int64(k)*int64(body) + int64(spread) - 1) / int64(spread))
		if k > 0 {
			// On a whole second of the hold, with the countdown: never
			// a frame of its own (see lastTick), never before the last.
			at[k] = min(max(at[k].Round(time.Second), at[k-1]), body)
		}
	}
	return at
}

// cueTail is how long a segment's last cue shows: a hold's final exhale
// (at most 40% of the hold), nothing for a move.
func cueTail(seg coach.Segment) time.Duration {
	if seg.Kind != coach.Stretch {
		return 0
	}
	var exhale time.Duration
	for _, sp := range seg.Pattern.Spans() {
		if sp.Phase == routines.Exhale {
			exhale = sp.Length
		}
	}
	return min(exhale, seg.Length*2/5)
}

// cueIndex is which of n cues shows at elapsed into a segment.
func cueIndex(elapsed time.Duration, seg coach.Segment, n int) int {
	at := cueTimes(seg.Length, cueTail(seg), n)
	i := 0
	for k, t := range at {
		if elapsed >= t {
			i = k
		}
	}
	return i
}

// untilCue is how long until the next cue shows.
func untilCue(elapsed time.Duration, seg coach.Segment, n int) time.Duration {
	for _, t := range cueTimes(seg.Length, cueTail(seg), n) {
		if t > elapsed {
			return t - elapsed
		}
	}
	return 0
}

// progressOf is the share of total that off is, from 0 to 1.
func progressOf(off, total time.Duration) float64 {
	if total <= 0 {
		return 0
	}
	return min(max(float64(off)/float64(total), 0), 1)
}
