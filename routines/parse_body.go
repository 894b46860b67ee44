package routines

import (
	"regexp"
	"strings"
	"time"
)

// adder reports one problem at a line and column.
type adder func(line, col int, format string, args ...any)

// checkHold reads how each rep lasts: exactly one of hold (a duration),
// hold_breaths (whole breaths of the pattern) or rep_time (a rep-only
// routine: a paced movement, no hold). Each is checked on its own, so a
// file with two and a bad value hears about all of it at once.
func checkHold(r *Routine, fields map[string]field, add adder) {
	hold, hasHold := fields["hold"]
	breaths, hasBreaths := fields["hold_breaths"]
	repTime, hasRepTime := fields["rep_time"]
	var holdD, repD time.Duration
	holdOK, breathsOK, repOK := false, false, false
	if hasHold {
		d, err := parseDuration(hold.str)
		switch {
		case err != nil:
			add(hold.line, hold.col, "hold %s %v; write it like \"10s\" or \"1m30s\"", quote(hold.str), err)
		case d < time.Second || d > MaxHold:
			add(hold.line, hold.col, "hold %s must be from 1s to %v", quote(hold.str), MaxHold)
		default:
			holdD, holdOK = d, true
		}
	}
	if hasBreaths {
		if breaths.num < 1 || breaths.num > MaxHoldBreaths {
			add(breaths.line, breaths.col, "hold_breaths is %s; it must be from 1 to %d", breaths.raw, MaxHoldBreaths)
		} else {
			breathsOK = true
		}
	}
	if hasRepTime {
		d, err := parseDuration(repTime.str)
		switch {
		case err != nil:
			add(repTime.line, repTime.col, "rep_time %s %v; write it like \"4s\"", quote(repTime.str), err)
		case d < time.Second || d > MaxRepTime:
			add(repTime.line, repTime.col, "rep_time %s must be from 1s to %v", quote(repTime.str), MaxRepTime)
		default:
			repD, repOK = d, true
		}
	}
	switch {
	case hasRepTime && (hasHold || hasBreaths):
		add(repTime.line, repTime.col, "give rep_time for a routine of moves without a hold, or hold or hold_breaths, not both")
	case hasHold && hasBreaths:
		add(breaths.line, breaths.col, "give either hold or hold_breaths, not both")
	case !hasHold && !hasBreaths && !hasRepTime:
		add(0, 0, `missing key "hold" (a duration like "10s") or "hold_breaths" (a number of breaths), or "rep_time" (for moves without a hold, like "4s")`)
	case holdOK:
		r.Hold = holdD
	case breathsOK:
		r.HoldBreaths = int(breaths.num)
	case repOK:
		r.RepTime = repD
	}
	if f, ok := fields["pattern"]; ok && hasRepTime {
		add(f.line, f.col, "pattern paces the breathing of a hold; a routine with rep_time has no hold, so leave pattern out")
	}
	if hasRepTime {
		r.Pattern = Pattern{} // nothing to pace: breathe freely while moving
	}
}

// checkPosition reads the position the routine is done in.
func checkPosition(r *Routine, fields map[string]field, add adder) {
	f, ok := fields["position"]
	if !ok {
		return
	}
	p := Position(f.str)
	if !p.Valid() {
		add(f.line, f.col, `position %s is not "lying", "sitting" or "standing"`, quote(f.str))
		return
	}
	r.Position = p
}

var wordRE = regexp.MustCompile(`^[a-z]+( [a-z]+)?$`)

// checkDirections reads the directions of a rep-only routine and the name
// of one rep.
func checkDirections(r *Routine, fields map[string]field, add adder) {
	if f, ok := fields["rep_name"]; ok {
		if !wordRE.MatchString(f.str) || len(f.str) > 20 {
			add(f.line, f.col, "rep_name %s must be one or two lower-case words, like \"roll\"", quote(f.str))
		} else {
			r.RepName = f.str
		}
	}
	f, ok := fields["directions"]
	if !ok {
		return
	}
	if _, rep := fields["rep_time"]; !rep {
		add(f.line, f.col, "directions are for a routine of moves (rep_time); a held stretch has sides instead")
	}
	if _, sides := fields["sides"]; sides {
		add(f.line, f.col, "give sides or directions, not both")
	}
	if len(f.strs) == 0 || len(f.strs) > MaxDirections {
		add(f.line, f.col, `directions must list 1 to %d directions, like ["forward", "back"]`, MaxDirections)
		return
	}
	seen := map[string]bool{}
	for i, d := range f.strs {
		switch {
		case !wordRE.MatchString(d) || len(d) > 20:
			add(f.strPos[i][0], f.strPos[i][1], "direction %s must be one or two lower-case words, like \"forward\"", quote(d))
		case seen[d]:
			add(f.strPos[i][0], f.strPos[i][1], "direction %q is listed twice", d)
		default:
			seen[d] = true
			r.Directions = append(r.Directions, d)
		}
	}
}

// checkGrowth reads how far gentle progression may take the routine.
func checkGrowth(r *Routine, fields map[string]field, add adder) {
	mr, hasMR := fields["max_reps"]
	mb, hasMB := fields["max_hold_breaths"]
	if hasMR && hasMB {
		add(mb.line, mb.col, "give max_reps or max_hold_breaths, not both: a routine grows one step at a time, in one way")
		return
	}
	if hasMR {
		switch {
		case mr.num < 1 || mr.num > MaxReps:
			add(mr.line, mr.col, "max_reps is %s; it must be from 1 to %d", mr.raw, MaxReps)
		case r.Reps > 0 && int(mr.num) < r.Reps:
			add(mr.line, mr.col, "max_reps is %s, under reps (%d); it is how far reps may grow", mr.raw, r.Reps)
		default:
			r.MaxReps = int(mr.num)
		}
	}
	if hasMB {
		_, breaths := fields["hold_breaths"]
		switch {
		case !breaths:
			add(mb.line, mb.col, "max_hold_breaths needs hold_breaths: only a hold in breaths grows by a breath")
		case mb.num < 1 || mb.num > MaxHoldBreaths:
			add(mb.line, mb.col, "max_hold_breaths is %s; it must be from 1 to %d", mb.raw, MaxHoldBreaths)
		case r.HoldBreaths > 0 && int(mb.num) < r.HoldBreaths:
			add(mb.line, mb.col, "max_hold_breaths is %s, under hold_breaths (%d); it is how far the hold may grow", mb.raw, r.HoldBreaths)
		default:
			r.MaxHoldBreaths = int(mb.num)
		}
	}
}

// The placeholders a setup line or cue may hold, filled in on screen with
// the side or direction of the rep (words.go).
const (
	SidePlaceholder      = "{side}"
	DirectionPlaceholder = "{direction}"
)

// checkPlaceholders refuses a {side} in a routine without sides, a
// {direction} in one without directions, and any other {word}.
func checkPlaceholders(r *Routine, fields map[string]field, add adder) {
	_, sides := fields["sides"]
	_, dirs := fields["directions"]
	for _, key := range []string{"setup", "cues"} {
		f, ok := fields[key]
		if !ok {
			continue
		}
		for i, s := range f.strs {
			at := f.strPos[i]
			rest := s
			for {
				open := strings.IndexByte(rest, '{')
				if open < 0 {
					break
				}
				end := strings.IndexByte(rest[open:], '}')
				if end < 0 {
					add(at[0], at[1], "%s line %d has a '{' without a '}'; write {side} or {direction}", key, i+1)
					break
				}
				ph := rest[open : open+end+1]
				switch {
				case ph == SidePlaceholder && !sides:
					add(at[0], at[1], "%s line %d says {side}, but the routine has no sides", key, i+1)
				case ph == DirectionPlaceholder && !dirs:
					add(at[0], at[1], "%s line %d says {direction}, but the routine has no directions", key, i+1)
				case ph != SidePlaceholder && ph != DirectionPlaceholder:
					add(at[0], at[1], "%s line %d holds %s; the words filled in on screen are {side} and {direction}", key, i+1, quote(ph))
				}
				rest = rest[open+end+1:]
			}
		}
	}
}
