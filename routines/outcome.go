package routines

// Outcome is how a run ended: a stretch session, a breathing run, or a
// care timer. It is the one word for it across the screens, the plain
// front end, the closing summary and the history.
type Outcome string

// The outcomes of a run.
const (
	Completed   Outcome = "completed"   // the plan ran to its end
	Stopped     Outcome = "stopped"     // the person quit (q, Esc)
	Pain        Outcome = "pain"        // "stop, it hurts" (x)
	Interrupted Outcome = "interrupted" // a signal, a crash or a kill ended it
)

// Final reports whether o is one of the four outcomes above.
func (o Outcome) Final() bool {
	return o == Completed || o == Stopped || o == Pain || o == Interrupted
}

// Kind is what a run was.
type Kind string

// The kinds of run.
const (
	KindSession Kind = "session" // stretches
	KindBreathe Kind = "breathe" // breathing alone
	KindIce     Kind = "ice"     // a cold pack, timed
	KindHeat    Kind = "heat"    // moist heat, timed
)

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool {
	return k == KindSession || k == KindBreathe || k == KindIce || k == KindHeat
}

// Exercise is one routine on one side within a run: how many reps were
// planned and how many were done. A plan may hold the same routine and
// side more than once; each is its own Exercise, told apart by position.
type Exercise struct {
	Routine     string `json:"routine"`
	Side        string `json:"side"`                // "left", "right", or "" for a routine without sides
	Direction   string `json:"direction,omitempty"` // a rep-only routine's way ("forward", "back": one exercise each), or ""
	RepsDone    int    `json:"reps_done"`
	RepsPlanned int    `json:"reps_planned"`
}
