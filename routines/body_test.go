package routines

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseRoutineReadsPositionsMovesAndGrowth(t *testing.T) {
	r, probs := ParseRoutine("rolls.toml", []byte(`name = "rolls"
title = "Rolls"
position = "standing"
reps = 6
max_reps = 8
rep_time = "3.5s"
directions = ["forward", "back"]
rep_name = "roll"
cues = ["Roll {direction}."]
`))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if r.Position != Standing || !r.RepOnly() || r.RepTime != 3500*ms || r.MaxReps != 8 || r.Rep() != "roll" ||
		!slices.Equal(r.Directions, []string{"forward", "back"}) || !r.Pattern.IsZero() || r.HoldDuration() != 3500*ms {
		t.Errorf("%+v", r)
	}
	if got := r.CuesFor(NoSide, "back"); !slices.Equal(got, []string{"Roll back."}) {
		t.Errorf("CuesFor back = %q", got)
	}
	r, probs = ParseRoutine("twist.toml", []byte(base[:strings.Index(base, "hold")]+"hold_breaths = 4\nmax_hold_breaths = 7\nsides = [\"left\", \"right\"]\nposition = \"lying\"\ncues = [\"Turn to the {side}.\"]\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if r.Position != Lying || r.MaxHoldBreaths != 7 || r.Growth() != GrowsBreaths || r.CuesFor(Right, "")[0] != "Turn to the right." {
		t.Errorf("%+v", r)
	}
	// A file without a position is fine: it is any position, ordered last.
	if r, probs := ParseRoutine("r.toml", []byte(base)); len(probs) > 0 || r.Position != AnyPosition {
		t.Errorf("no position: %v %v", r.Position, probs)
	}
}

func TestParseRoutineProblemsOfPositionsMovesGrowthAndPlaceholders(t *testing.T) {
	noHold := base[:strings.Index(base, "hold")]
	tests := []struct {
		name  string
		data  string
		wants []want
	}{
		{"a position that is not one", base + `position = "kneeling"`, []want{{5, 12, `position "kneeling" is not "lying", "sitting" or "standing"`}}},
		{"a position as a list", base + `position = ["lying"]`, []want{{5, 12, "position must be a string in quotes"}}},
		{"rep_time and hold", base + `rep_time = "4s"`, []want{{5, 12, "give rep_time for a routine of moves without a hold, or hold or hold_breaths, not both"}}},
		{"rep_time too long", noHold + `rep_time = "2m"`, []want{{4, 12, `rep_time "2m" must be from 1s to 1m0s`}}},
		{"rep_time with a pattern", noHold + "rep_time = \"4s\"\npattern = \"5-1-3\"", []want{{5, 11, "a routine with rep_time has no hold, so leave pattern out"}}},
		{"directions without rep_time", base + `directions = ["forward"]`, []want{{5, 14, "directions are for a routine of moves (rep_time)"}}},
		{"directions and sides", noHold + "rep_time = \"4s\"\nsides = [\"left\"]\ndirections = [\"up\"]", []want{{6, 14, "give sides or directions, not both"}}},
		{"a direction twice", noHold + "rep_time = \"4s\"\ndirections = [\"up\", \"up\"]", []want{{5, 21, `direction "up" is listed twice`}}},
		{"a direction in capitals", noHold + "rep_time = \"4s\"\ndirections = [\"Up\"]", []want{{5, 15, `direction "Up" must be one or two lower-case words`}}},
		{"max_reps under reps", base + `max_reps = 1`, []want{{5, 12, "max_reps is 1, under reps (2)"}}},
		{"max_reps too high", base + `max_reps = 51`, []want{{5, 12, "max_reps is 51; it must be from 1 to 50"}}},
		{"max_hold_breaths without breaths", base + `max_hold_breaths = 5`, []want{{5, 20, "max_hold_breaths needs hold_breaths"}}},
		{"both maximums", noHold + "hold_breaths = 2\nmax_reps = 3\nmax_hold_breaths = 5", []want{{6, 20, "give max_reps or max_hold_breaths, not both"}}},
		{"{side} without sides", base + `cues = ["Turn to the {side}."]`, []want{{5, 9, "cues line 1 says {side}, but the routine has no sides"}}},
		{"{direction} without directions", base + `setup = ["a", "Roll {direction}."]`, []want{{5, 15, "setup line 2 says {direction}, but the routine has no directions"}}},
		{"an unknown placeholder", base + `cues = ["Turn {sideways}."]`, []want{{5, 9, `cues line 1 holds "{sideways}"; the words filled in on screen are {side} and {direction}`}}},
		{"an open brace", base + `cues = ["Turn {side"]`, []want{{5, 9, "cues line 1 has a '{' without a '}'"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := ParseRoutine("r.toml", []byte(tt.data+"\n"))
			checkProblems(t, "r.toml", probs, tt.wants)
		})
	}
}

func TestHoldPacingSettlesThenBreathesWholeBreaths(t *testing.T) {
	box := Pattern{4 * s, 4 * s, 4 * s, 4 * s}
	tests := []struct {
		hold    time.Duration
		pattern Pattern
		settle  time.Duration
		breaths int
	}{
		{10 * s, DefaultPattern, 1 * s, 1},                   // the articles' 10 s: a 1 s settle, one 9 s breath
		{9 * s, DefaultPattern, 0, 1},                        // exactly one breath
		{45 * s, DefaultPattern, 0, 5},                       // the twists' five breaths
		{17 * s, DefaultPattern, 8 * s, 1},                   // never longer than written: a long settle
		{5 * s, DefaultPattern, 5 * s, 0},                    // shorter than a breath: all settle
		{20 * s, box, 8 * s, 1},                              // a box breath ends on its exhale after 12 s
		{12 * s, box, 0, 1},                                  // exactly one box breath to its exhale
		{44 * s, box, 0, 3},                                  // three, the last to its exhale
		{10 * s, Pattern{4 * s, 7 * s, 8 * s, 0}, 10 * s, 0}, // 4-7-8 is 19 s: all settle
	}
	for _, tt := range tests {
		settle, breaths := HoldPacing(tt.hold, tt.pattern)
		if settle != tt.settle || breaths != tt.breaths {
			t.Errorf("HoldPacing(%v, %v) = %v, %d; want %v, %d", tt.hold, tt.pattern, settle, breaths, tt.settle, tt.breaths)
		}
	}
}

func TestPacingNoteSaysHowEachHoldIsBreathed(t *testing.T) {
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"knee-to-chest":  "each hold 10s: settle 1s, then 1 breath of 5-1-3, ending on the exhale",
		"arm-raise":      "each hold 10s: settle 1s, then 1 breath of 5-1-3, ending on the exhale",
		"seated-twist":   "each hold 5 breaths of 5-1-3 (45s), ending on the exhale",
		"lying-twist":    "each hold 5 breaths of 5-1-3 (45s), ending on the exhale",
		"shoulder-rolls": "each roll 4s, breathing freely",
	}
	for name, w := range want {
		r, _ := c.Get(name)
		if got := r.PacingNote(); got != w {
			t.Errorf("%s: PacingNote() = %q, want %q", name, got, w)
		}
	}
	short := Routine{Reps: 1, Hold: 5 * s, Pattern: DefaultPattern}
	if got := short.PacingNote(); got != "each hold 5s, breathing freely (shorter than one breath of 5-1-3)" {
		t.Errorf("a short hold: %q", got)
	}
}

func TestOrderByPositionGetsDownOnceAndUpOnce(t *testing.T) {
	mk := func(name string, p Position) Routine { return Routine{Name: name, Position: p} }
	rs := []Routine{mk("a", Standing), mk("b", Lying), mk("c", AnyPosition), mk("d", Sitting), mk("e", Lying), mk("f", Standing)}
	got := OrderByPosition(rs)
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	if want := []string{"b", "e", "d", "a", "f", "c"}; !slices.Equal(names, want) {
		t.Errorf("OrderByPosition = %v, want %v (lying, sitting, standing, then any; the given order within each)", names, want)
	}
	if rs[0].Name != "a" {
		t.Error("OrderByPosition changed its argument")
	}
	if n := positionChanges(got); n != 3 {
		t.Errorf("PositionChanges = %d, want 3 (to sitting, to standing, to a routine of any position)", n)
	}
	if n := positionChanges(rs); n != 5 {
		t.Errorf("PositionChanges of the given order = %d, want 5", n)
	}
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	var def []string
	for _, r := range DefaultSession(c) {
		def = append(def, r.Name+" "+string(r.Position))
	}
	if want := []string{"knee-to-chest lying", "lying-twist lying", "arm-raise sitting", "seated-twist sitting"}; !slices.Equal(def, want) {
		t.Errorf("DefaultSession = %v, want %v", def, want)
	}
}

func TestTransitionWordsAreGentleAndOnlyForAChange(t *testing.T) {
	if Transition(Lying, Lying) != nil || Transition(Sitting, Sitting) != nil {
		t.Error("staying in position has transition words; the setup is enough")
	}
	for _, from := range append([]Position{AnyPosition}, Positions...) {
		for _, to := range append([]Position{AnyPosition}, Positions...) {
			if !ChangesPosition(from, to) {
				continue
			}
			words := Transition(from, to)
			text := strings.ToLower(strings.Join(words, " "))
			if len(words) < 2 || !strings.Contains(text, "slow") {
				t.Errorf("%v -> %v: %q, want guided, slow words", from, to, words)
			}
			if from == Lying && !strings.Contains(text, "roll slowly onto your side") {
				t.Errorf("%v -> %v: %q, want to roll to the side first (000, 003)", from, to, words)
			}
			for _, w := range words {
				if len(w) > 80 {
					t.Errorf("%q is too long to read at a glance on the floor", w)
				}
			}
		}
	}
}

// positionChanges counts the times a session in the order rs gets up or
// down between routines (the start of the session is not counted). A
// routine that names no position counts as a change: its get-ready is the
// guided one.
func positionChanges(rs []Routine) int {
	n := 0
	for i := 1; i < len(rs); i++ {
		if ChangesPosition(rs[i-1].Position, rs[i].Position) {
			n++
		}
	}
	return n
}
