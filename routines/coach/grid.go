package coach

import (
	"time"

	"github.com/unknot/unknot/routines"
)

// Tick is the coach's resolution. Every instant a Coach schedules (a
// segment's start, a breathing phase, a breath or rep done, the end) is a
// whole number of Ticks after its start, provided the caller starts it
// (New, Restart) and gives every command (pause, resume, skip, back, stop,
// pace) on a Tick instant: the plans lay out every span in whole Ticks, and
// a pace change keeps its new pattern and the place in the breath on them.
// The screens draw a frame every Tick, on those instants, so each change
// lands on a frame. A tenth of a second: the frame rate a key's echo
// needs (tui.FPS), and patterns to a tenth of a second (4.55 breathes
// 4.6, 3.25 breathes 3.3), finer than anyone breathes.
const Tick = 100 * time.Millisecond

// OnGrid is routine r as a plan times it: its pattern, hold, rest and
// rep_time each rounded to the nearest Tick, a part that was not zero kept
// at least one Tick (routines.Pattern.Round, routines.RoundSpan). A hold in
// breaths is whole breaths of the rounded pattern, so the hold still ends
// as an exhale ends and its settle is whole Ticks too (routines.HoldPacing).
// A routine already on the grid (every built-in) is unchanged. What is
// said about a routine (its pattern, PacingNote, the rest) is said of
// OnGrid(r): that is what is breathed. Plan.Routines holds these.
func OnGrid(r routines.Routine) routines.Routine {
	r.Pattern = r.Pattern.Round(Tick)
	r.Hold = routines.RoundSpan(r.Hold, Tick)
	r.Rest = routines.RoundSpan(r.Rest, Tick)
	r.RepTime = routines.RoundSpan(r.RepTime, Tick)
	return r
}

// onGrid is o with each of its lengths rounded to the nearest Tick.
func (o Options) onGrid() Options {
	return Options{
		Ready:      routines.RoundSpan(o.Ready, Tick),
		Transition: routines.RoundSpan(o.Transition, Tick),
		Switch:     routines.RoundSpan(o.Switch, Tick),
	}
}
