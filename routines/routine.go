package routines

import "time"

// Routine is one stretch, as a routine file describes it.
type Routine struct {
	Name    string // id: lower-case letters, digits and '-'
	Title   string
	Summary string
	Source  string // where the facts came from, e.g. "001"

	Reps        int           // per side
	Hold        time.Duration // how long each rep is held, or ...
	HoldBreaths int           // ... a number of breaths of Pattern
	Rest        time.Duration // between reps
	Sides       []Side        // empty: the routine has no sides
	Alternate   bool          // left, right, left ... instead of all left then all right
	Pattern     Pattern       // breathing during holds
	DailyLimit  int           // 0: no limit

	Setup   []string // how to get into position
	Cues    []string // what to do and think of during the hold
	Caution string

	// Origin says where the routine came from: "built-in", or the path of
	// the person's own file.
	Origin string
}

// BuiltIn is the Origin of the routines that ship inside unknot.
const BuiltIn = "built-in"

// HoldDuration is how long one rep is held: Hold, or HoldBreaths whole
// breaths of the routine's pattern.
func (r Routine) HoldDuration() time.Duration {
	if r.HoldBreaths > 0 {
		return time.Duration(r.HoldBreaths) * r.Pattern.Cycle()
	}
	return r.Hold
}

// SideOrder lists the side of every rep in the order they are done. A
// routine without sides yields Reps entries of NoSide.
func (r Routine) SideOrder() []Side {
	if len(r.Sides) == 0 {
		out := make([]Side, r.Reps)
		return out
	}
	out := make([]Side, 0, r.Reps*len(r.Sides))
	if r.Alternate {
		for range r.Reps {
			out = append(out, r.Sides...)
		}
		return out
	}
	for _, s := range r.Sides {
		for range r.Reps {
			out = append(out, s)
		}
	}
	return out
}
