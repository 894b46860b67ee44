package routines

// Position is how the body is placed for a routine: what a person must get
// into before it starts. Getting up or down is the hard part of a session
// in a spasm (seeds 000, 003), so a session is ordered to change position
// as little as possible, and a change gets a longer, guided get-ready.
type Position string

// The positions a routine file may name. The zero value means the file did
// not say.
const (
	AnyPosition Position = ""
	Lying       Position = "lying"
	Sitting     Position = "sitting"
	Standing    Position = "standing"
)

// Positions lists the positions in the order a session moves through them:
// from the floor up, so a person gets down once and up once.
var Positions = []Position{Lying, Sitting, Standing}

// Valid reports whether p is a position a routine file may name.
func (p Position) Valid() bool { return p == Lying || p == Sitting || p == Standing }

// rank is p's place in Positions; a routine that names none comes last.
func (p Position) rank() int {
	for i, q := range Positions {
		if p == q {
			return i
		}
	}
	return len(Positions)
}

// String is the position as a person reads it: "lying", or "any position".
func (p Position) String() string {
	if p == AnyPosition {
		return "any position"
	}
	return string(p)
}
