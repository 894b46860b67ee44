package routines

import (
	"os"
	"strings"
	"testing"
)

func TestBuiltinFiguresLoad(t *testing.T) {
	if _, err := builtinFigures(); err != nil {
		t.Fatalf("built-in figures: %v", err)
	}
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range c.Names() {
		r, _ := c.Get(name)
		if r.Picture == nil {
			t.Errorf("built-in routine %s has no figure", name)
			continue
		}
		if r.Picture.Start().Name != "start" || len(r.Picture.Poses) < 2 {
			t.Errorf("%s: poses %v", name, r.Picture.Poses)
		}
	}
}

// customRoutine is a routine file with a figure's lines added.
func customRoutine(figure string) string {
	return `name = "mine"
title = "Mine"
reps = 2
hold = "10s"
` + figure
}

const goodStart = `"start: head 50,10 neck 50,19 pelvis 50,50 elbow_l 55,35 hand_l 58,50 elbow_r 45,35 hand_r 42,50 knee_l 55,70 foot_l 55,95 knee_r 45,70 foot_r 45,95"`

func TestCustomFigure(t *testing.T) {
	src := customRoutine("poses = [\n  " + goodStart + ",\n  \"stretch: hand_l 60,0 elbow_l 56,14\",\n]\n")
	r, ps := ParseRoutine("mine.toml", []byte(src))
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	p := r.Picture
	if p == nil || len(p.Poses) != 2 {
		t.Fatalf("picture %+v", p)
	}
	if got := p.Stretch().At[HandL]; got != (Point{60, 0}) {
		t.Errorf("stretch hand_l = %v, want 60,0", got)
	}
	if got := p.Stretch().At[KneeR]; got != (Point{45, 70}) {
		t.Errorf("stretch keeps knee_r from start: got %v", got)
	}
	if got := p.Start().At[ShoulderL]; got != p.Start().At[Neck] {
		t.Errorf("shoulder defaults to the neck: %v", got)
	}
}

func TestRoutineWithoutFigure(t *testing.T) {
	r, ps := ParseRoutine("mine.toml", []byte(customRoutine("")))
	if len(ps) > 0 || r.Picture != nil {
		t.Fatalf("want no figure and no problem: %v %v", r.Picture, ps)
	}
}

func TestBadFigures(t *testing.T) {
	for _, tc := range []struct{ name, figure, want string }{
		{"joint off the canvas", "poses = [\n  " + goodStart + ",\n  \"stretch: hand_l 60,140\",\n]\n",
			`mine.toml:7:20: pose 2: hand_l 60,140 is off the canvas (0,0 to 100,100)`},
		{"bad pose name", "poses = [\n  " + goodStart + ",\n  \"Big Stretch: hand_l 60,40\",\n]\n",
			`mine.toml:7:4: pose 2: pose name "Big Stretch" must be a lower-case word, like "stretch"`},
		{"first pose not start", "poses = [" + strings.Replace(goodStart, "start", "begin", 1) + ", \"x: head 2,2\"]\n",
			`mine.toml:5:11: pose 1: the first pose must be called "start", not "begin"`},
		{"pose name twice", "poses = [\n  " + goodStart + ",\n  \"start: hand_l 60,40\",\n]\n",
			`mine.toml:7:4: pose 2: pose name "start" is used twice (first in pose 1)`},
		{"too many poses", "poses = [\n  " + goodStart + ",\n" + "  \"a: head 50,11\",\n  \"b: head 50,12\",\n  \"c: head 50,13\",\n  \"d: head 50,14\",\n  \"e: head 50,15\",\n  \"f: head 50,16\",\n]\n",
			`mine.toml:12:3: poses has 7 poses; a figure has at most 6`},
		{"unknown joint", "poses = [\n  " + goodStart + ",\n  \"stretch: hand_left 60,40\",\n]\n",
			`mine.toml:7:13: pose 2: unknown joint "hand_left"; did you mean "hand_l"?`},
		{"missing joint", "poses = [\"start: head 1,1\", \"x: head 2,2\"]\n",
			`mine.toml:5:26: pose 1: the start pose must place every joint; neck is missing`},
		{"not a point", "poses = [\n  " + goodStart + ",\n  \"stretch: hand_l 60;40\",\n]\n",
			`mine.toml:7:20: pose 2: hand_l "60;40" is not a point; write it as x,y in whole numbers, like 40,25`},
		{"a pose that moves nothing", "poses = [\n  " + goodStart + ",\n  \"stretch:\",\n]\n",
			`mine.toml:7:4: pose 2: pose "stretch" moves no joint from the pose before it; give at least one joint where it goes, like "knee_l 60,40"`},
		{"unknown figure", "figure = \"knee-to-chets\"\n",
			`mine.toml:5:10: figure "knee-to-chets" is not a built-in figure; did you mean "knee-to-chest"?`},
		{"both", "figure = \"knee-to-chest\"\nposes = [" + goodStart + ", \"b: head 1,1\"]\n",
			`mine.toml:6:1: poses draws a figure of your own, but figure names a built-in one; keep one of them`},
		{"size", "figure_size = \"10x10\"\nposes = [" + goodStart + ", \"b: head 1,1\"]\n",
			`mine.toml:5:15: figure_size "10x10" must be from 20 to 400 each way`},
		{"prop off the canvas", "figure_props = [\"0,90 120,90\"]\nposes = [" + goodStart + ", \"b: head 1,1\"]\n",
			`mine.toml:5:23: figure_props line 1: 120,90 is off the canvas (0,0 to 100,100)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ParseRoutine("mine.toml", []byte(customRoutine(tc.figure)))
			if len(ps) != 1 || ps[0].Error() != tc.want {
				t.Errorf("problems:\n%v\nwant one:\n%s", ps, tc.want)
			}
		})
	}
}

func TestSaveFigureKeepsTheRestOfTheFile(t *testing.T) {
	path := t.TempDir() + "/config.toml"
	if err := os.WriteFile(path, []byte("# mine\npace = 1.2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SaveFigure(path, false); err != nil {
		t.Fatal(err)
	}
	cfg, ps := LoadConfig(path)
	if len(ps) > 0 || cfg.Figure == nil || *cfg.Figure || cfg.Pace == nil || *cfg.Pace != 1.2 {
		t.Fatalf("after saving figure = false: %+v %v", cfg, ps)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "# mine\npace = 1.2\n") {
		t.Errorf("the file lost its lines:\n%s", data)
	}
	if err := SaveFigure(path, true); err != nil {
		t.Fatal(err)
	}
	if cfg, _ := LoadConfig(path); cfg.Figure == nil || !*cfg.Figure || DefaultSettings().Figure != true {
		t.Errorf("figure = true did not come back")
	}
}

// FuzzRoutineFigure: whatever a routine file's figure says, parsing ends
// with problems at real positions, or a picture whose every joint and line
// lies on its canvas.
func FuzzRoutineFigure(f *testing.F) {
	f.Add("poses = [\n  " + goodStart + ",\n  \"stretch: hand_l 60,0 elbow_l 56,14\",\n]\n")
	f.Add("figure = \"lying-twist\"\n")
	f.Add("figure_size = \"40x30\"\nfigure_props = [\"0,30 40,30\"]\nfigure_view = \"side\"\nfigure_near = \"left\"\nposes = [\"start: head 1,1 neck 1,2 pelvis 1,3 elbow_l 1,4 hand_l 1,5 elbow_r 1,4 hand_r 1,5 knee_l 2,3 foot_l 3,3 knee_r 2,3 foot_r 3,3\", \"b: head 2,2\"]\n")
	f.Fuzz(func(t *testing.T, figure string) {
		src := customRoutine(figure)
		r, probs := ParseRoutine("fuzz.toml", []byte(src))
		lines := strings.Count(src, "\n") + 1
		for _, p := range probs {
			if p.Line > lines || p.Line < 0 || p.Column < 0 {
				t.Errorf("problem out of the file: %v", p)
			}
		}
		if len(probs) > 0 || r.Picture == nil {
			return
		}
		pic := r.Picture
		on := func(p Point) bool {
			return p.X >= 0 && p.Y >= 0 && p.X <= float64(pic.Width) && p.Y <= float64(pic.Height)
		}
		if len(pic.Poses) < 2 || len(pic.Poses) > MaxPoses || pic.Poses[0].Name != "start" {
			t.Errorf("poses %v", pic.Poses)
		}
		for _, pose := range pic.Poses {
			for j, p := range pose.At {
				if !on(p) {
					t.Errorf("pose %s: %s at %v is off the %dx%d canvas", pose.Name, Joint(j), p, pic.Width, pic.Height)
				}
			}
		}
		for _, line := range pic.Props {
			for _, p := range line {
				if !on(p) {
					t.Errorf("prop point %v off the canvas", p)
				}
			}
		}
	})
}
