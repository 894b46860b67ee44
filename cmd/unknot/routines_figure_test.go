package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hasBraille reports whether s holds a drawn picture.
func hasBraille(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > 0x2800 && r <= 0x28ff })
}

func TestRoutinesShowPrintsThePictures(t *testing.T) {
	code, out, _ := runCLI(t, "", "routines", "show", "knee-to-chest")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Picture (the left side; the right is its mirror)", "Start", "Stretch"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	if !hasBraille(out) {
		t.Errorf("no picture drawn:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("colour or escapes into a pipe:\n%q", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 80 && hasBraille(l) {
			t.Errorf("a line %d columns wide does not fit 80: %q", n, l)
		}
	}
}

func TestRoutinesShowPlainIsWordsOnly(t *testing.T) {
	code, out, _ := runCLI(t, "", "--plain", "routines", "show", "knee-to-chest")
	if code != 0 || hasBraille(out) || strings.Contains(out, "Picture") {
		t.Fatalf("exit %d; --plain printed a picture:\n%s", code, out)
	}
	if !strings.Contains(out, "Draw your left or right knee") {
		t.Errorf("--plain lost the words:\n%s", out)
	}
}

const ownFigureRoutine = `name = "reach"
title = "Reach"
reps = 2
hold = "10s"
figure_view = "front"
poses = [
  "start: head 50,10 neck 50,19 pelvis 50,50 elbow_l 55,35 hand_l 58,50 elbow_r 45,35 hand_r 42,50 knee_l 55,70 foot_l 55,95 knee_r 45,70 foot_r 45,95",
  "stretch: elbow_l 56,5 hand_l 60,0",
]
`

func TestRoutinesShowAFileOfYourOwn(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "routines")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("reach.toml", ownFigureRoutine)
	write("plain.toml", "name = \"plain\"\ntitle = \"Plain\"\nreps = 1\nhold = \"5s\"\n")
	code, out, errs := runCLI(t, home, "routines", "show", "reach")
	if code != 0 || !hasBraille(out) || strings.Contains(out, "the left side") {
		t.Errorf("exit %d, stderr %q; want its own picture, for no side:\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, home, "routines", "show", "plain")
	if code != 0 || hasBraille(out) || strings.Contains(out, "Picture") {
		t.Errorf("a routine without a figure: exit %d\n%s", code, out)
	}

	// A joint off the canvas: one line, with the file, line and column.
	write("reach.toml", strings.Replace(ownFigureRoutine, "hand_l 60,0", "hand_l 60,-3", 1))
	code, _, errs = runCLI(t, home, "routines", "check", filepath.Join(dir, "reach.toml"))
	want := filepath.Join(dir, "reach.toml") + `:8:33: pose 2: hand_l 60,-3 is off the canvas (0,0 to 100,100)`
	if code != 2 || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to hold:\n%s", code, errs, want)
	}
}

// figure = false in config.toml is in force, and unknot config says so.
func TestConfigFigure(t *testing.T) {
	home := t.TempDir()
	code, out, _ := runCLIIn(t, home, "", "config")
	if code != 0 || !strings.Contains(out, "figure = true\n") {
		t.Errorf("exit %d; the default is not figure = true:\n%s", code, out)
	}
	writeConfig(t, home, "figure = false\n")
	code, out, _ = runCLIIn(t, home, "", "config")
	if code != 0 || !strings.Contains(out, "figure = false\n") {
		t.Errorf("exit %d; figure = false is not in force:\n%s", code, out)
	}
	writeConfig(t, home, "figure = \"no\"\n")
	code, _, errs := runCLIIn(t, home, "", "config")
	if code != 2 || !strings.Contains(errs, "config.toml:1:10: figure must be true or false") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// A routine done on the right only shows the right side: the mirror of
// the left that the built-in shows, and says so (it showed the left).
func TestRoutinesShowARightOnlyRoutineDrawsTheRight(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "routines")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	file := "name = \"right-knee\"\ntitle = \"Right knee\"\nreps = 2\nhold = \"10s\"\nsides = [\"right\"]\nfigure = \"knee-to-chest\"\n"
	if err := os.WriteFile(filepath.Join(dir, "right-knee.toml"), []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	code, right, errs := runCLI(t, home, "routines", "show", "right-knee")
	if code != 0 || !strings.Contains(right, "Picture (the right side)\n") {
		t.Fatalf("exit %d, stderr %q; want the right side said:\n%s", code, errs, right)
	}
	_, left, _ := runCLI(t, home, "routines", "show", "knee-to-chest")
	rows := func(out string) []string {
		var pic []string
		for _, l := range strings.Split(out, "\n") {
			if hasBraille(l) {
				pic = append(pic, l)
			}
		}
		return pic
	}
	r, l := rows(right), rows(left)
	if len(r) == 0 || len(r) != len(l) {
		t.Fatalf("pictures of %d and %d rows", len(r), len(l))
	}
	same := true
	for i := range r {
		same = same && r[i] == l[i]
	}
	if same {
		t.Errorf("the right-only routine shows the left side's picture:\n%s", strings.Join(r, "\n"))
	}
}
