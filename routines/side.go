package routines

// Side is the side of the body a rep works. The zero value means the routine
// has no sides (both arms at once, for instance).
type Side string

// The sides a routine file may name.
const (
	NoSide Side = ""
	Left   Side = "left"
	Right  Side = "right"
)

// Valid reports whether s is a side a routine file may name.
func (s Side) Valid() bool { return s == Left || s == Right }

// Label is the side as a person reads it: "left side", or "" for no side.
func (s Side) Label() string {
	if s == NoSide {
		return ""
	}
	return string(s) + " side"
}
