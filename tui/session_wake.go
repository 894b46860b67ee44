package tui

import (
	"math"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

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
	// The countdown, and with it the progress bar (see lastTick); the
	// time left overall.
	consider(untilSecond(st.SegmentLeft))
	consider(untilSecond(st.Left))
	if st.Breathing && !m.ctx.Opt.ReducedMotion {
		consider(untilSecond(st.PhaseLength - st.PhaseElapsed)) // the gauge's step
	}
	if (st.Segment.Kind == coach.Stretch || st.Segment.Kind == coach.Move) && st.Routine != nil {
		consider(untilCue(st.SegmentElapsed, st.Segment, len(st.Routine.Cues)))
	}
	consider(m.untilFigure(st)) // the picture, while the body moves (session_figure.go)
	if at, ok := m.coach.NextEvent(now); ok {
		best = min(best, max(at.Sub(now), 0))
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
