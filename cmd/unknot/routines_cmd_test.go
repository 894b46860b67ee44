package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runCLI runs the command line in-process with UNKNOT_HOME in a fresh
// temporary folder and returns the exit status and the two streams.
func runCLI(t *testing.T, home string, args ...string) (int, string, string) {
	t.Helper()
	if home == "" {
		home = t.TempDir()
	}
	t.Setenv("UNKNOT_HOME", home)
	t.Setenv("NO_COLOR", "1")
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// writeFile writes a private file, making its folder (0700) if need be.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRoutinesListShowsBuiltinsAndUserFiles(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "routines")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	user := "name = \"neck-ease\"\ntitle = \"Neck ease\"\nreps = 2\nhold = \"5s\"\ncues = [\"Tilt your head.\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "neck.toml"), []byte(user), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, home, "routines", "list")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"knee-to-chest", "arm-raise", "seated-twist", "lying-twist", "built-in",
		"neck-ease", filepath.Join(dir, "neck.toml")} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	// The default plan comes first, in its order.
	if i, j := strings.Index(out, "knee-to-chest"), strings.Index(out, "lying-twist"); i > j {
		t.Errorf("knee-to-chest should be listed before lying-twist:\n%s", out)
	}
}

func TestRoutinesShowPrintsEverythingAboutARoutine(t *testing.T) {
	code, out, _ := runCLI(t, "", "routines", "show", "knee-to-chest")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// 5 reps a side, alternating: a 30 s get-ready (getting down to the
	// floor) + 10 holds of 10 s + 9 rests of 3 s = 157 s.
	for _, want := range []string{"Knee to chest", "Position:    lying", "settle 1s, then 1 breath of 5-1-3",
		"5 reps per side, growing to 10 at most", "left, right, alternating",
		"5-1-3", "3 sessions a day", "Total time:  2:37", "Source:      001", "Get ready", "During the hold",
		"Draw your left or right knee"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}

// A routine whose hold grows in breaths says how many reps it does (the
// session's "rep 1/3") as well as how its hold grows.
func TestRoutinesShowSaysTheRepsOfAGrowingHold(t *testing.T) {
	code, out, _ := runCLI(t, "", "routines", "show", "lying-twist")
	if want := "Reps:        3 reps per side; each hold grows from 5 breaths to 10 at most\n"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("exit %d; show lacks %q:\n%s", code, want, out)
	}
}

// A routine of moves without a hold says so: its reps by name and
// direction, no breathing pattern, no hold.
func TestRoutinesShowARepOnlyRoutine(t *testing.T) {
	code, out, _ := runCLI(t, "", "routines", "show", "shoulder-rolls")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Pace:        each roll 4s, breathing freely", "Reps:        10 rolls per direction",
		"Directions:  forward, then back", "Breathing:   freely, at your own pace", "Each roll\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"0-0-0", "During the hold", "Hold:"} {
		if strings.Contains(out, not) {
			t.Errorf("show says %q of a routine without a hold:\n%s", not, out)
		}
	}
}

func TestRoutinesShowUnknownNameIsUsageError(t *testing.T) {
	code, out, errs := runCLI(t, "", "routines", "show", "toe-touch")
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, `no routine named "toe-touch"`) ||
		!strings.Contains(errs, "unknot routines list") {
		t.Errorf("want one line naming the routine and what to do, got %q", errs)
	}
}

func TestRoutinesCheckListsEveryProblemWithPosition(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	bad := filepath.Join(dir, "bad.toml")
	writeFile(t, good, "name = \"a\"\ntitle = \"A\"\nreps = 1\nhold = \"2s\"\n")
	writeFile(t, bad, "name = \"B\"\ntitle = \"B\"\nreps = 0\nhold = \"2s\"\nsides = [\"up\"]\n")
	code, out, errs := runCLI(t, "", "routines", "check", good, bad)
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if !strings.Contains(out, good+": ok") {
		t.Errorf("good file not reported ok: %q", out)
	}
	for _, want := range []string{bad + ":1:8: name", bad + ":3:8: reps is 0", bad + ":5:10: side \"up\""} {
		if !strings.Contains(errs, want) {
			t.Errorf("problems lack %q:\n%s", want, errs)
		}
	}
}

func TestRoutinesCheckMissingFile(t *testing.T) {
	code, _, errs := runCLI(t, "", "routines", "check", "/nonexistent/x.toml")
	if code != 2 || !strings.Contains(errs, "/nonexistent/x.toml: cannot read") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestBadUserFileIsSkippedNotFatal(t *testing.T) {
	home := t.TempDir()
	writeFile(t, filepath.Join(home, "routines", "x.toml"), "reps = \"many\"\n")
	code, out, errs := runCLI(t, home, "routines")
	if code != 0 || !strings.Contains(out, "knee-to-chest") {
		t.Fatalf("exit %d, out %q", code, out)
	}
	if errs != "unknot: 1 routine file skipped: run `unknot routines check` for why\n" {
		t.Errorf("stderr should say once that a file was skipped and where to look: %q", errs)
	}
	code, out, errs = runCLI(t, home, "routines", "check")
	if code != 2 || !strings.Contains(errs, "x.toml:1:8") || out != "" {
		t.Errorf("routines check: exit %d, stdout %q, stderr %q; want the file and position on stderr only, exit 2", code, out, errs)
	}
}

func TestSafetyPrintsStopRuleAndRedFlags(t *testing.T) {
	code, out, _ := runCLI(t, "", "safety")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Stop any stretch that hurts", "Numbness", "bladder", "12 weeks", "fall", "not a doctor"} {
		if !strings.Contains(out, want) {
			t.Errorf("safety lacks %q", want)
		}
	}
}

func TestUsageErrorsExitTwoWithOneLine(t *testing.T) {
	for _, args := range [][]string{
		{"--bogus"},
		{"--theme", "purple", "safety"},
		{"routines", "show"},
		{"nonsense"},
	} {
		code, _, errs := runCLI(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if n := strings.Count(errs, "\n"); n != 1 || !strings.HasPrefix(errs, "unknot: ") {
			t.Errorf("%v: want one line starting unknot:, got %q", args, errs)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.Contains(out, "unknot version") {
		t.Errorf("exit %d, out %q", code, out)
	}
}

// A FIFO and a link to /dev/zero named *.toml in the routines folder:
// `routines list` returns at once with the built-ins and says once that
// files were skipped; `routines check` names each with the reason.
func TestRoutinesFolderWithAFIFOAndDevZero(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "routines")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var code int
	var out, errs string
	go func() { code, out, errs = runCLI(t, home, "routines", "list"); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second): // only a hang comes near this
		t.Fatal("routines list hangs on a FIFO or /dev/zero")
	}
	if code != 0 || !strings.Contains(out, "knee-to-chest") || errs != "unknot: 2 routine files skipped: run `unknot routines check` for why\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = runCLI(t, home, "routines", "check")
	if code != 2 || !strings.Contains(errs, "fifo.toml") || !strings.Contains(errs, "FIFO") || !strings.Contains(errs, "zero.toml") {
		t.Errorf("check: exit %d, stderr %q", code, errs)
	}
}

// A routine file that can't grow says so in `routines check`; one with a
// maximum above its reps says nothing more.
func TestRoutinesCheckNotesARoutineThatNeverGrows(t *testing.T) {
	dir := t.TempDir()
	fixed := filepath.Join(dir, "fixed.toml")
	grows := filepath.Join(dir, "grows.toml")
	breaths := filepath.Join(dir, "breaths.toml")
	for p, body := range map[string]string{
		fixed:   "name = \"fixed\"\ntitle = \"Fixed\"\nreps = 4\nhold = \"5s\"\n",
		grows:   "name = \"grows\"\ntitle = \"Grows\"\nreps = 4\nmax_reps = 8\nhold = \"5s\"\n",
		breaths: "name = \"breaths\"\ntitle = \"Breaths\"\nreps = 2\nhold_breaths = 5\n",
	} {
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runCLI(t, "", "routines", "check", fixed, grows, breaths)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, fixed+": note: no max_reps, so it stays at 4 reps and is never offered a step more") {
		t.Errorf("a routine with no max_reps is not noted:\n%s", out)
	}
	if !strings.Contains(out, breaths+": note: no max_reps or max_hold_breaths, so it stays at 2 reps") {
		t.Errorf("a breath-held routine with no maximum is not noted:\n%s", out)
	}
	if strings.Contains(out, grows+": note") {
		t.Errorf("a routine that grows is noted:\n%s", out)
	}
}
