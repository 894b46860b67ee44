package routines

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBuiltinsHoldTheFactsOfTheSourceArticles(t *testing.T) {
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	// content.md: the four routines, with the gentler reading where the
	// articles leave a range (10 s holds, 5 breaths, 3 reps a side), a
	// gentle start that progression grows to the sources' maximums
	// (knee-to-chest 10 reps a leg and arm-raise 10 reps, 001; 10 breaths a
	// hold, 002), and the positions (arm-raise sitting: the gentler reading).
	tests := []struct {
		name        string
		reps        int
		hold        time.Duration
		breaths     int
		holdFor     time.Duration
		sides       []Side
		alternate   bool
		dailyLimit  int
		sourceHolds []string
		position    Position
		maxReps     int
		maxBreaths  int
	}{
		{"knee-to-chest", 5, 10 * s, 0, 10 * s, []Side{Left, Right}, true, 3, []string{"001"}, Lying, 10, 0},
		{"arm-raise", 5, 10 * s, 0, 10 * s, nil, false, 4, []string{"001"}, Sitting, 10, 0},
		{"seated-twist", 3, 0, 5, 45 * s, []Side{Left, Right}, true, 0, []string{"000", "002"}, Sitting, 0, 10},
		{"lying-twist", 3, 0, 5, 45 * s, []Side{Left, Right}, true, 0, []string{"000", "002"}, Lying, 0, 10},
	}
	if got := c.Names(); !slices.Equal(got[:4], DefaultPlan) {
		t.Errorf("Names() = %v, want the default plan first", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := c.Get(tt.name)
			if !ok {
				t.Fatalf("no built-in %q", tt.name)
			}
			if r.Reps != tt.reps || r.Hold != tt.hold || r.HoldBreaths != tt.breaths || r.HoldDuration() != tt.holdFor ||
				!slices.Equal(r.Sides, tt.sides) || r.Alternate != tt.alternate || r.DailyLimit != tt.dailyLimit {
				t.Errorf("%s: reps %d hold %v breaths %d (%v) sides %v alternate %v limit %d", tt.name,
					r.Reps, r.Hold, r.HoldBreaths, r.HoldDuration(), r.Sides, r.Alternate, r.DailyLimit)
			}
			if r.Position != tt.position || r.MaxReps != tt.maxReps || r.MaxHoldBreaths != tt.maxBreaths {
				t.Errorf("%s: position %v, max reps %d, max breaths %d", tt.name, r.Position, r.MaxReps, r.MaxHoldBreaths)
			}
			if r.Pattern != DefaultPattern {
				t.Errorf("%s breathes %v, want the default 5-1-3", tt.name, r.Pattern)
			}
			if r.Origin != BuiltIn {
				t.Errorf("%s origin %q, want %q", tt.name, r.Origin, BuiltIn)
			}
			for _, src := range tt.sourceHolds {
				if !strings.Contains(r.Source, src) {
					t.Errorf("%s source %q does not name %s", tt.name, r.Source, src)
				}
			}
			if r.Title == "" || r.Summary == "" || r.Caution == "" || len(r.Setup) == 0 || len(r.Cues) == 0 {
				t.Errorf("%s lacks words to show: %+v", tt.name, r)
			}
		})
	}
}

// builtinNames is Names() of the built-ins with extra routines of a
// person's own: the default plan first, then the rest by name.
func builtinNames(extra ...string) []string {
	rest := append([]string{"shoulder-rolls"}, extra...)
	slices.Sort(rest)
	return append(slices.Clone(DefaultPlan), rest...)
}

func TestShoulderRollsAreTenRollsEachWayOutsideTheDefaultSession(t *testing.T) {
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Get("shoulder-rolls")
	if !ok {
		t.Fatal("no built-in shoulder-rolls")
	}
	// Seed 000: forward, up, back and down 10 times, then 10 the other way;
	// a rep-only routine, no hold, no breathing pattern to follow.
	if !r.RepOnly() || r.Reps != 10 || r.MaxReps != 10 || !slices.Equal(r.Directions, []string{"forward", "back"}) ||
		r.RepTime != 4*s || !r.Pattern.IsZero() || r.Rep() != "roll" || r.Position != Sitting || !strings.Contains(r.Source, "000") {
		t.Errorf("shoulder-rolls = %+v", r)
	}
	order := r.Order()
	if len(order) != 20 || order[0] != (Turn{Direction: "forward", Rep: 1}) || order[19] != (Turn{Direction: "back", Rep: 10}) {
		t.Errorf("Order() = %v, want 10 forward then 10 back", order)
	}
	if got := r.CuesFor(NoSide, "back")[0]; got != "Roll both shoulders back, up and round, in a slow, wide circle." {
		t.Errorf("first cue rolling back = %q", got)
	}
	for _, d := range DefaultSession(c) {
		if d.Name == r.Name {
			t.Errorf("shoulder-rolls is in the default session")
		}
	}
}

func TestPickReturnsTheNamedRoutinesInOrder(t *testing.T) {
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		names   []string
		want    []string
		wantErr string
	}{
		{nil, DefaultPlan, ""},
		{[]string{"arm-raise", "knee-to-chest", "arm-raise"}, []string{"arm-raise", "knee-to-chest", "arm-raise"}, ""},
		{[]string{"arm-raise", "toe-touch"}, nil, `no routine named "toe-touch"; known routines: knee-to-chest, lying-twist, arm-raise, seated-twist, shoulder-rolls`},
	}
	for _, tt := range tests {
		rs, err := c.Pick(tt.names...)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Pick(%v) error %v, want %q", tt.names, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Pick(%v) = %v, want %v", tt.names, got, tt.want)
		}
	}
}

const userKnee = `name = "knee-to-chest"
title = "Knee to chest, short"
reps = 5
hold = "8s"
`

const userNeck = `name = "neck-tilt"
title = "Neck tilt"
reps = 3
hold = "5s"
`

func write(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadLaysTheUsersFilesOverTheBuiltins(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string // file name -> content; "" content: a directory named so
		dirName   string            // the folder's own name, when it matters
		wantNames []string
		wantKnee  string // the origin of knee-to-chest: BuiltIn or a file name
		wantProbs []string
	}{
		{name: "no folder", files: nil, wantNames: builtinNames(), wantKnee: BuiltIn},
		{name: "an empty folder", files: map[string]string{}, wantNames: builtinNames(), wantKnee: BuiltIn},
		{name: "a new routine comes after the default plan",
			files:     map[string]string{"neck.toml": userNeck, "notes.txt": "not a routine"},
			wantNames: builtinNames("neck-tilt"), wantKnee: BuiltIn},
		{name: "a file with a built-in's name replaces it",
			files:     map[string]string{"my-knee.toml": userKnee},
			wantNames: builtinNames(), wantKnee: "my-knee.toml"},
		{name: "two files with one name: the first by file name stays",
			files:     map[string]string{"a.toml": userKnee, "b.toml": userKnee},
			wantNames: builtinNames(), wantKnee: "a.toml",
			wantProbs: []string{`b.toml: routine "knee-to-chest" is already defined in `}},
		{name: "a bad file leaves the built-in in place and the rest loaded",
			files:     map[string]string{"knee.toml": strings.Replace(userKnee, "reps = 5", "reps = 0", 1), "neck.toml": userNeck},
			wantNames: builtinNames("neck-tilt"), wantKnee: BuiltIn,
			wantProbs: []string{"knee.toml:3:8: reps is 0"}},
		{name: "an unreadable file", files: map[string]string{"dir.toml": ""},
			wantNames: builtinNames(), wantKnee: BuiltIn, wantProbs: []string{"dir.toml: cannot read: "}},
		{name: "a folder whose name looks like a pattern", dirName: "my [routines]",
			files:     map[string]string{"neck.toml": userNeck},
			wantNames: builtinNames("neck-tilt"), wantKnee: BuiltIn},
		{name: "a folder named with a star", dirName: "*",
			files:     map[string]string{"neck.toml": userNeck},
			wantNames: builtinNames("neck-tilt"), wantKnee: BuiltIn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "routines")
			if tt.dirName != "" {
				dir = filepath.Join(t.TempDir(), tt.dirName)
				// A sibling that the name, read as a pattern, would match.
				if err := os.MkdirAll(filepath.Join(filepath.Dir(dir), "other"), 0o700); err != nil {
					t.Fatal(err)
				}
				write(t, filepath.Join(filepath.Dir(dir), "other"), "x.toml", "not = toml = at all")
			}
			if tt.files != nil {
				if err := os.MkdirAll(dir, 0o700); err != nil {
					t.Fatal(err)
				}
			}
			for name, data := range tt.files {
				if data == "" {
					if err := os.Mkdir(filepath.Join(dir, name), 0o700); err != nil {
						t.Fatal(err)
					}
					continue
				}
				write(t, dir, name, data)
			}
			c, probs, err := Load(dir)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := c.Names(); !slices.Equal(got, tt.wantNames) {
				t.Errorf("Names() = %v, want %v", got, tt.wantNames)
			}
			knee, _ := c.Get("knee-to-chest")
			wantOrigin := tt.wantKnee
			if wantOrigin != BuiltIn {
				wantOrigin = filepath.Join(dir, wantOrigin)
			}
			if knee.Origin != wantOrigin {
				t.Errorf("knee-to-chest comes from %q, want %q", knee.Origin, wantOrigin)
			}
			if wantOrigin != BuiltIn && (knee.Reps != 5 || knee.Hold != 8*s) {
				t.Errorf("knee-to-chest is not the user's: %+v", knee)
			}
			if len(probs) != len(tt.wantProbs) {
				t.Fatalf("problems %v, want %v", probs, tt.wantProbs)
			}
			for i, w := range tt.wantProbs {
				if got := probs[i].Error(); !strings.HasPrefix(got, filepath.Join(dir, "")+string(filepath.Separator)) || !strings.Contains(got, w) {
					t.Errorf("problem %q, want it to name the file in %s and say %q", got, dir, w)
				}
			}
		})
	}
}

func TestLoadOfNoFolderIsTheBuiltins(t *testing.T) {
	c, probs, err := Load("")
	if err != nil || len(probs) > 0 {
		t.Fatalf("Load(\"\") = %v, %v", probs, err)
	}
	if !slices.Equal(c.Names(), builtinNames()) {
		t.Errorf("Names() = %v", c.Names())
	}
}

func TestReadRoutineFileOfAMissingFileSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.toml")
	_, probs := ReadRoutineFile(path)
	if len(probs) != 1 || probs[0].File != path || probs[0].Line != 0 || !strings.Contains(probs[0].Msg, "cannot read: no such file") ||
		strings.Count(probs[0].Error(), path) != 1 {
		t.Errorf("ReadRoutineFile(missing) = %v, want one problem naming the file once", probs)
	}
}

func TestNamesIsACopy(t *testing.T) {
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	c.Names()[0] = "changed"
	if c.Names()[0] != DefaultPlan[0] {
		t.Error("changing the slice Names returned changed the catalog")
	}
}

func BenchmarkBuiltins(b *testing.B) {
	for b.Loop() {
		if _, err := Builtins(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	for name, data := range map[string]string{"knee.toml": userKnee, "neck.toml": userNeck} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, probs, err := Load(dir); err != nil || len(probs) > 0 {
			b.Fatal(probs, err)
		}
	}
}

func TestLoadFromAFileInsteadOfAFolderSaysSoAndKeepsTheBuiltins(t *testing.T) {
	path := write(t, t.TempDir(), "routines", userNeck)
	c, probs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 1 || probs[0].File != path || !strings.Contains(probs[0].Msg, "cannot read the routines folder: not a directory") {
		t.Errorf("problems %v, want one saying the folder cannot be read", probs)
	}
	if !slices.Equal(c.Names(), builtinNames()) {
		t.Errorf("Names() = %v, want the built-ins", c.Names())
	}
}
