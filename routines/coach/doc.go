// Package coach is unknot's pacing engine. It turns routines (or a request
// to breathe) into a Plan, a timeline of segments, and a Coach answers what
// is happening at any instant of that plan: which segment, which breathing
// phase and how far through it, how long the hold has left, which rep and
// side (or direction, for a routine of moves), how far through the whole
// session. A hold settles first and then breathes whole breaths, so it ends
// as an exhale ends; a get-ready that changes position is longer and
// carries its guiding words (Segment.Transition).
//
// The package is pure. It owns no clock, starts no goroutine, does no I/O
// and knows no screen: every question and every command (pause, resume,
// skip, back, stop, pace) carries the instant it applies to. Timing is
// therefore exact by construction: an event's instant is computed from the
// plan and the real instant the plan was anchored to, never from counting
// ticks, so a caller that wakes late still learns the scheduled instant and
// the position is never off by the lateness.
//
// The plans keep time on a grid of Ticks (100 ms): every segment, settle
// and breathing phase is a whole number of Ticks, a person's pattern,
// hold, rest or get-ready off the grid being rounded to the nearest Tick
// (at least one when not zero; OnGrid says a routine as it is breathed),
// and a pace change keeps the pattern and the place in the breath on the
// grid. A caller that starts the coach and gives its commands on Tick
// instants, as the screens do, drawing a frame every Tick, therefore sees
// every scheduled instant fall on a frame. Restart moves a coach made
// before the frames were known onto them.
//
// A rep counts when its hold ran to the end, or to Credit (80%) of it
// before a skip or a stop; a hold skipped sooner counts as skipped.
// Tallies gives, per exercise in plan order, the reps done, skipped and
// planned; Reps sums them ("12 of 40 reps, 28 skipped"); Outcome is the
// one word for how the run ended, the same in every mode.
package coach
