package tui

import (
	"math"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// minWake keeps two drawing wake-ups from landing closer than this: the
// gauge moves in at most four steps a second. Each changed frame costs a
// render and a diff; at 250 ms an active session measures 0.43% of one
// core, at 100 ms 0.72% (README, Performance). The coach's own events are
// not held back by it.
const minWake = 250 * time.Millisecond

// wake sets one timer for the next instant anything on screen changes: the
// coach's next event, the next whole second of a countdown, the next cell
// of the breath gauge or the progress bar, the next cue. The timer carries
// the present generation, so a pause, skip or back makes it stale. Nothing
// is counted: each wake-up reads the clock and asks the coach.
func (m *Session) wake(now time.Time) tea.Cmd {
	if m.coach == nil || m.coach.Paused() || m.coach.Over(now) {
		return nil
	}
	d, ok := m.nextChange(now)
	if !ok {
		return nil
	}
	return m.ctx.wakeAt(now.Add(d), sessionWakeMsg{m: m, gen: m.gen})
}

// nextChange is how long from now until the screen next changes.
func (m *Session) nextChange(now time.Time) (time.Duration, bool) {
	st := m.coach.At(now)
	best := time.Duration(math.MaxInt64)
	consider := func(d time.Duration) {
		if d > 0 && d < best {
			best = d
		}
	}
	consider(untilSecond(st.SegmentLeft)) // the countdown
	consider(untilSecond(st.Left))        // time left overall
	l := m.layout()
	consider(untilCell(st.Offset, st.Total, l.barWidth)) // the progress bar
	if st.Breathing && l.gaugeWidth > 0 && !m.ctx.Opt.ReducedMotion {
		consider(untilGaugeCell(st.Phase, st.PhaseElapsed, st.PhaseLength, l.gaugeWidth))
	}
	if (st.Segment.Kind == coach.Stretch || st.Segment.Kind == coach.Move) && st.Routine != nil {
		consider(untilCue(st.SegmentElapsed, st.Segment, len(st.Routine.Cues)))
	}
	if best != math.MaxInt64 {
		best = max(best, minWake) // drawing can wait a moment ...
	}
	if at, ok := m.coach.NextEvent(now); ok {
		best = min(best, max(at.Sub(now), 0)) // ... the coach's events cannot
	}
	if d, ok := words.NextLeadIn(st); ok && m.sound != nil {
		best = min(best, d) // nor the lead-in's ticks
	}
	if best == math.MaxInt64 {
		return 0, false
	}
	return best, true
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

// untilCell is how long until the progress bar fills its next cell.
func untilCell(off, total time.Duration, width int) time.Duration {
	if total <= 0 || width <= 0 {
		return 0
	}
	next := barCells(off, total, width) + 1
	if next > width {
		return 0
	}
	at := time.Duration((int64(next)*int64(total) + int64(width) - 1) / int64(width))
	return at - off
}

// untilGaugeCell is how long until the breath gauge (as Gauge draws it)
// gains or loses a cell: it moves through inhales and exhales only.
func untilGaugeCell(phase routines.Phase, elapsed, length time.Duration, width int) time.Duration {
	if length <= 0 {
		return 0
	}
	p := float64(elapsed) / float64(length)
	w := float64(width)
	var target float64 // the progress at which the next cell changes
	switch phase {
	case routines.Inhale:
		full := math.Floor(p*w + 0.5)
		target = (full + 0.5) / w
	case routines.Exhale:
		full := math.Floor((1-p)*w + 0.5)
		target = 1 - (full-0.5)/w
	default:
		return 0
	}
	if target >= 1 {
		return 0 // the phase's own end comes first
	}
	d := time.Duration(math.Ceil(target*float64(length))) - elapsed
	return max(d, time.Millisecond)
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
