package routines

// A figure is a picture of a routine: a simple jointed body, seen from one
// side, in a few key poses. The poses are data (a built-in figure's file
// in figures/, or the poses of a person's own routine file); drawing them
// is tui/figure's work. Here are only what a pose is and the checks that
// keep a pose drawable: every joint on the canvas, names that make sense,
// few poses.

// Joint is one point of the body.
type Joint int

// The joints. Each has a parent (Parent), nearer the pelvis; the pelvis is
// the root. In a side view the shoulders sit on the neck and the hips on
// the pelvis (a figure may leave them out: they default so).
const (
	Head Joint = iota
	Neck
	Pelvis
	ShoulderL
	ElbowL
	HandL
	ShoulderR
	ElbowR
	HandR
	HipL
	KneeL
	FootL
	HipR
	KneeR
	FootR
	NumJoints
)

var jointNames = [NumJoints]string{
	"head", "neck", "pelvis",
	"shoulder_l", "elbow_l", "hand_l", "shoulder_r", "elbow_r", "hand_r",
	"hip_l", "knee_l", "foot_l", "hip_r", "knee_r", "foot_r",
}

var jointParents = [NumJoints]Joint{
	Head: Neck, Neck: Pelvis, Pelvis: -1,
	ShoulderL: Neck, ElbowL: ShoulderL, HandL: ElbowL,
	ShoulderR: Neck, ElbowR: ShoulderR, HandR: ElbowR,
	HipL: Pelvis, KneeL: HipL, FootL: KneeL,
	HipR: Pelvis, KneeR: HipR, FootR: KneeR,
}

// String is the joint's name as figure files write it: "knee_l".
func (j Joint) String() string {
	if j < 0 || j >= NumJoints {
		return "joint?"
	}
	return jointNames[j]
}

// Parent is the joint j hangs from; -1 for the pelvis.
func (j Joint) Parent() Joint { return jointParents[j] }

// Mirror is the same joint on the other side of the body: knee_l and
// knee_r; the head, neck and pelvis are their own mirror.
func (j Joint) Mirror() Joint {
	switch {
	case j >= ShoulderL && j <= HandL:
		return j + 3
	case j >= ShoulderR && j <= HandR:
		return j - 3
	case j >= HipL && j <= FootL:
		return j + 3
	case j >= HipR && j <= FootR:
		return j - 3
	}
	return j
}

// Side is the side of the body the joint is on: Left, Right, or NoSide.
func (j Joint) Side() Side {
	switch {
	case j >= ShoulderL && j <= HandL, j >= HipL && j <= FootL:
		return Left
	case j >= ShoulderR && j <= HandR, j >= HipR && j <= FootR:
		return Right
	}
	return NoSide
}

// jointNamed is the joint called name.
func jointNamed(name string) (Joint, bool) {
	for j, n := range jointNames {
		if n == name {
			return Joint(j), true
		}
	}
	return 0, false
}

// Point is a place on a figure's canvas, in its units: x to the right,
// y down, (0,0) the top left corner.
type Point struct{ X, Y float64 }

// Pose is the body in one position.
type Pose struct {
	Name string // "start", "stretch", or a step between
	At   [NumJoints]Point
}

// Picture is the picture of a routine: its canvas, the still things drawn
// with the body (the floor, a chair), and its key poses in order.
//
// Which side is which: a figure is drawn for the left side (or for a
// routine without sides), and the right side's picture is its mirror
// (tui/figure). "Left" is the person's left. The figure's file says which
// way it looks at the person (View), and with that where the person's left
// is on screen:
//
//   - "side": from the side; the person's Near side faces the viewer, and
//     the other side's limbs are drawn behind it, fainter.
//   - "front": the person faces the viewer: their left is on the right of
//     the screen, as with a person facing you.
//   - "above": looking down on a person lying on their back, head at the
//     top: their left is on the right of the screen too.
type Picture struct {
	Name   string // a built-in's name; "" for a routine file's own
	View   string // "side", "front" or "above"
	Near   Side   // the side whose limbs are in front (a side view: facing the viewer; the other's drawn fainter)
	Width  int    // the canvas, in the units of the poses
	Height int
	Props  [][]Point // lines drawn still: the floor, a chair
	Poses  []Pose    // the first is "start"; the last is the stretch
}

// Start is the pose before the movement; Stretch the pose held (for a
// routine without a hold, the turning point of the movement's loop).
func (f *Picture) Start() Pose { return f.Poses[0] }

// Stretch is the last key pose: the one held.
func (f *Picture) Stretch() Pose { return f.Poses[len(f.Poses)-1] }

// Limits of a figure: past them, a file is a mistake or more than a small
// picture can show.
const (
	MaxPoses       = 6
	MaxProps       = 4
	MaxPropPoints  = 8
	MinFigureSide  = 20
	MaxFigureSide  = 400
	DefaultFigureW = 100
	DefaultFigureH = 100
)

// Views are the ways a figure may look at the person.
var Views = []string{"side", "front", "above"}
