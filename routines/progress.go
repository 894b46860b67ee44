package routines

import (
	"fmt"
	"time"
)

// Gentle progression (seed 000: work up "one degree or inch at a time very
// slowly over several days"; seed 001: only without pain). A routine's
// level counts steps from its file: level 0 is the routine as written, +1
// is one step more, -1 one step back. A step is one rep (per side) or, for
// a routine whose hold is counted in breaths and may grow (max_hold_breaths),
// one breath in each hold. A level never takes a routine past its file's
// maximum (max_reps, max_hold_breaths: for the built-ins, the sources'
// maximums) nor under one rep or one breath.

// Growth says what one step of a routine changes.
type Growth int

// What a step changes.
const (
	GrowsReps    Growth = iota // one rep more (per side, per direction)
	GrowsBreaths               // one breath more in each hold
)

// Growth is what one step of r changes: a breath in each hold when the
// file gives max_hold_breaths, else a rep.
func (r Routine) Growth() Growth {
	if r.HoldBreaths > 0 && r.MaxHoldBreaths > 0 {
		return GrowsBreaths
	}
	return GrowsReps
}

// LevelRange is the lowest and highest level of r: down to one rep (or one
// breath), up to the file's maximum (0 when the file gives none).
func (r Routine) LevelRange() (lowest, highest int) {
	if r.Growth() == GrowsBreaths {
		return 1 - r.HoldBreaths, r.MaxHoldBreaths - r.HoldBreaths
	}
	return 1 - r.Reps, max(r.MaxReps-r.Reps, 0)
}

// ClampLevel is level n kept within LevelRange: the level r is used at
// (a level recorded past it, by an import or a file since changed, is
// used and said as the nearest it allows).
func (r Routine) ClampLevel(n int) int {
	lo, hi := r.LevelRange()
	return min(max(n, lo), hi)
}

// AtLevel is r at level n steps from its file, kept within LevelRange. r
// itself is not changed; AtLevel(0) is r.
func (r Routine) AtLevel(n int) Routine {
	n = r.ClampLevel(n)
	if r.Growth() == GrowsBreaths {
		r.HoldBreaths += n
	} else {
		r.Reps += n
	}
	return r
}

// Amount is what r's level sets, in words: "6 reps per side", "7 breaths
// per hold", "10 rolls per direction".
func (r Routine) Amount() string {
	if r.Growth() == GrowsBreaths {
		return plural(r.HoldBreaths, "breath") + " per hold"
	}
	return r.RepCount()
}

// RepCount is how many reps the routine does: "3 reps per side", "5 rolls
// per direction", "5 reps".
func (r Routine) RepCount() string {
	per := ""
	switch {
	case len(r.Sides) > 0:
		per = " per side"
	case len(r.Directions) > 1:
		per = " per direction"
	}
	return plural(r.Reps, r.Rep()) + per
}

// PainUnknown is a pain score that was not asked (check-ins off) or skipped.
const PainUnknown = -1

// PastRun is one past session of a routine, as progression needs it.
type PastRun struct {
	Day         time.Time // when it was done (the local day counts)
	Outcome     Outcome
	PainBefore  int // 0 to 10, or PainUnknown
	PainAfter   int // 0 to 10, or PainUnknown
	RepsPlanned int // for this routine, all sides
	RepsDone    int
	Level       int // the level used
	// PainElsewhere: the session stopped for pain in another routine.
	// This one did not hurt (no step back), but a day that ended in pain
	// is no day to grow on (the run does not count toward a step more).
	PainElsewhere bool
}

// good reports whether a run counts toward one step more: done in full,
// not stopped for pain (here or in another routine of its session), and
// the pain after no higher than before (a pain
// not asked is no sign of harm; a pain stop still brakes).
func (p PastRun) good() bool {
	if p.Outcome == Pain || p.PainElsewhere || p.RepsDone < p.RepsPlanned || p.RepsPlanned <= 0 {
		return false
	}
	return p.PainBefore == PainUnknown || p.PainAfter == PainUnknown || p.PainAfter <= p.PainBefore
}

// GoodRunsToStep is how many good runs in a row, at the present level and
// on more than one day, earn the offer of one step more.
const GoodRunsToStep = 3

// Offer is what progression proposes for a routine's next session. It is
// only a value: nothing changes unless the person accepts it and the
// caller uses Routine (and records Level) for the session.
type Offer struct {
	Step    int     // +1 one step more, -1 one step back, 0 nothing to offer
	Level   int     // the level offered (the present level when Step is 0)
	Routine Routine // the routine at Level
	Text    string  // what the get-ready screen asks: "One more rep? 6 reps per side instead of 5."
}

// Progress decides what to offer for routine r (as its file gives it, at
// level 0), now used at level, given its recent runs, newest first. The
// rule, the brakes first:
//
//   - the newest run was stopped for pain: one step back (never under one
//     rep or one breath);
//   - else, the last GoodRunsToStep runs were all at the present level,
//     each done in full without a pain stop and with the pain after no
//     higher than before, and they were not all on one day: one step more,
//     never past the maximum;
//   - else nothing.
func Progress(r Routine, level int, recent []PastRun) Offer {
	lo, hi := r.LevelRange()
	level = min(max(level, lo), hi)
	now := r.AtLevel(level)
	none := Offer{Level: level, Routine: now}
	if len(recent) == 0 {
		return none
	}
	if recent[0].Outcome == Pain {
		if level <= lo {
			return none
		}
		back := r.AtLevel(level - 1)
		return Offer{Step: -1, Level: level - 1, Routine: back,
			Text: fmt.Sprintf("It hurt last time. One step back? %s instead of %s.", back.Amount(), amountNumber(now))}
	}
	if level >= hi || len(recent) < GoodRunsToStep {
		return none
	}
	days := map[[3]int]bool{}
	for _, run := range recent[:GoodRunsToStep] {
		if !run.good() || run.Level != level {
			return none
		}
		y, m, d := run.Day.Date()
		days[[3]int{y, int(m), d}] = true
	}
	if len(days) < 2 {
		return none // "very slowly over several days": not all in one day
	}
	more := r.AtLevel(level + 1)
	what := "rep"
	if r.Growth() == GrowsBreaths {
		what = "breath in each hold"
	} else if r.RepName != "" {
		what = r.RepName
	}
	return Offer{Step: +1, Level: level + 1, Routine: more,
		Text: fmt.Sprintf("One more %s? %s instead of %s.", what, more.Amount(), amountNumber(now))}
}

// amountNumber is the number Amount starts with: the "5" of "5 reps per side".
func amountNumber(r Routine) string {
	if r.Growth() == GrowsBreaths {
		return fmt.Sprint(r.HoldBreaths)
	}
	return fmt.Sprint(r.Reps)
}
