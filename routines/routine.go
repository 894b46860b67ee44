package routines

import "time"

// Routine is one stretch, as a routine file describes it.
type Routine struct {
	Name    string // id: lower-case letters, digits and '-'
	Title   string
	Summary string
	Source  string // where the facts came from, e.g. "001"

	Position Position // lying, sitting or standing; AnyPosition when the file does not say

	Reps        int           // per side (per direction for a rep-only routine)
	Hold        time.Duration // how long each rep is held, or ...
	HoldBreaths int           // ... a number of breaths of Pattern, or ...
	RepTime     time.Duration // ... no hold: each rep is one paced movement this long
	Rest        time.Duration // between reps
	Sides       []Side        // empty: the routine has no sides
	Alternate   bool          // left, right, left ... instead of all left then all right
	Directions  []string      // a rep-only routine's directions, Reps in each: "forward", "back"
	RepName     string        // what one rep is called on screen: "rep", "roll"
	Pattern     Pattern       // breathing during holds (zero for a rep-only routine)
	DailyLimit  int           // 0: no limit

	// How far gentle progression may take the routine (progress.go): one
	// of them at most. MaxReps 0 means no more reps than Reps;
	// MaxHoldBreaths 0 means the hold does not grow.
	MaxReps        int
	MaxHoldBreaths int

	Setup   []string // how to get into position
	Cues    []string // what to do and think of during the hold
	Caution string

	// Picture is the routine's figure (figure.go): a built-in figure or
	// the file's own poses. Nil: the routine has none, and shows none.
	Picture *Picture

	// Origin says where the routine came from: "built-in", or the path of
	// the person's own file.
	Origin string
}

// BuiltIn is the Origin of the routines that ship inside unknot.
const BuiltIn = "built-in"

// HoldDuration is how long one rep is held: Hold, or HoldBreaths whole
// breaths of the routine's pattern, the last ending with its exhale (a
// four-part pattern's pause after the exhale is left off it); for a
// rep-only routine, RepTime.
func (r Routine) HoldDuration() time.Duration {
	switch {
	case r.HoldBreaths > 0:
		return breathsLength(r.HoldBreaths, r.Pattern)
	case r.RepOnly():
		return r.RepTime
	}
	return r.Hold
}

// RepOnly reports whether the routine has no hold: each rep is a movement
// paced by RepTime, counted aloud, like shoulder rolls.
func (r Routine) RepOnly() bool { return r.RepTime > 0 && r.Hold == 0 && r.HoldBreaths == 0 }

// Rep is the word for one rep on screen: the file's rep_name, or "rep".
func (r Routine) Rep() string {
	if r.RepName != "" {
		return r.RepName
	}
	return "rep"
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

// Turn is one rep in the order a routine is done: its side, its direction
// (a rep-only routine's "forward", "back"; "" otherwise) and its number,
// counted from 1 per side and direction.
type Turn struct {
	Side      Side
	Direction string
	Rep       int
}

// Order lists every rep of r in the order done: SideOrder for a routine
// with sides (or none), and for a rep-only routine with directions, Reps
// in the first direction, then Reps in the next.
func (r Routine) Order() []Turn {
	if len(r.Directions) > 0 {
		out := make([]Turn, 0, r.Reps*len(r.Directions))
		for _, d := range r.Directions {
			for k := range r.Reps {
				out = append(out, Turn{Direction: d, Rep: k + 1})
			}
		}
		return out
	}
	sides := r.SideOrder()
	out := make([]Turn, len(sides))
	count := map[Side]int{}
	for i, s := range sides {
		count[s]++
		out[i] = Turn{Side: s, Rep: count[s]}
	}
	return out
}
