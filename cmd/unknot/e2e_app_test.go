package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The visit of issue 8, in a real terminal: home, b, breathing, q, the
// closing screen, back to home with the breathing counted, the history
// and back, then q: one program the whole way, exit 0.
func TestE2EHomeVisit(t *testing.T) {
	t.Parallel()
	home := newHome(t)
	s := startTerm(t, 80, 24, []string{home}, "--no-bell")
	s.WaitFor("Breathe now", "Start today's session", "enter go")
	s.Keys("b")
	s.WaitFor("Inhale", "breath 1", "space pause")
	s.WaitFor("breath 2") // one whole breath done (9 s)
	s.Keys("q")
	s.WaitFor("Well done.", "1 breath", "How is your back right now?")
	s.Keys("Escape") // skip the question: back home
	s.WaitFor("Breathe now", "Breathing: 1 today")
	s.Keys("h")
	s.WaitFor("Looking back", "1 breathing run")
	s.Keys("Escape")
	s.WaitFor("Breathe now", "Breathing: 1 today")
	s.Keys("q")
	if code := s.Exited(); code != 0 {
		t.Errorf("exit status %d:\n%s", code, s.Screen())
	}
	if screen := s.Screen(); !strings.Contains(screen, "Breathing: 1 breath in 0:") {
		t.Errorf("no closing summary of the visit's run:\n%s", screen)
	}
}

// A session ended by SIGTERM says so with its real reps and time, and is
// recorded interrupted with the reps done.
func TestE2ESessionSIGTERM(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	writeTiny(t, home)
	env := []string{"UNKNOT_HOME=" + home}
	s := startTerm(t, 80, 24, env, "session", "-r", "tiny", "--no-checkin", "--no-bell")
	s.WaitFor("Get ready")
	s.Keys("n")
	s.WaitFor("Left side · rep 2/2")
	if err := exec.Command("kill", "-TERM", strconv.Itoa(panePID(t, s))).Run(); err != nil {
		t.Fatal(err)
	}
	if code := s.Exited(); code != 143 {
		t.Errorf("exit status %d after SIGTERM, want 143 (128 + 15, as a shell reports a run a signal ended)", code)
	}
	screen := s.Screen()
	if !strings.Contains(screen, "Session interrupted: 1 of 4 reps.") || strings.Contains(screen, "Time: 0:00") {
		t.Errorf("the summary after SIGTERM:\n%s", screen)
	}
	out, errOut, code := runUnknot(t, env, "history", "--json")
	if code != 0 {
		t.Fatalf("history --json: exit %d: %s", code, errOut)
	}
	var doc struct {
		Sessions []struct {
			Status    string `json:"status"`
			Exercises []struct {
				RepsDone int `json:"reps_done"`
			} `json:"exercises"`
		}
	}
	err := json.Unmarshal([]byte(out), &doc)
	got := doc.Sessions
	if err != nil || len(got) != 1 {
		t.Fatalf("history --json: %v\n%s", err, out)
	}
	if got[0].Status != "interrupted" || got[0].Exercises[0].RepsDone != 1 {
		t.Errorf("recorded %s", out)
	}
}

// SIGQUIT is a way out like the others (the run saved, exit status 131):
// no goroutine dump, and the terminal is left sane (canonical mode and
// echo back on).
func TestE2ESIGQUITLeavesTheTerminalSane(t *testing.T) {
	t.Parallel()
	s := startTermThen(t, 100, 30, []string{newHome(t)}, "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo -e -icanon -e -echo | tr '\\n' ' '", "breathe")
	s.WaitFor("Inhale")
	if err := exec.Command("kill", "-QUIT", strconv.Itoa(panePID(t, s))).Run(); err != nil {
		t.Fatal(err)
	}
	if code := s.Exited(); code != 131 {
		t.Errorf("exit status %d after SIGQUIT, want 131 (128 + 3)", code)
	}
	screen := s.WaitFor("icanon echo")
	if strings.Contains(screen, "goroutine") || strings.Contains(screen, "-icanon") || strings.Contains(screen, "-echo") {
		t.Errorf("after SIGQUIT:\n%s", screen)
	}
}

// TERM=dumb can't draw screens: unknot says so and paces one line a
// phase, leaving nothing drawn behind.
func TestE2EDumbTerminalGetsPlainLines(t *testing.T) {
	t.Parallel()
	s := startTerm(t, 80, 24, []string{newHome(t), "TERM=dumb"}, "breathe", "-n", "1", "-p", "1-1-1")
	s.WaitFor("[exit 0]", "can't draw screens", "Inhale 1s  (breath 1 of 1)", "Exhale 1s", "Breathing: 1 breath in 0:03.")
	if strings.Contains(s.Screen(), "space pause") {
		t.Errorf("a screen was drawn:\n%s", s.Screen())
	}
}

// writeTiny puts the tests' short routine in home's routines folder.
func writeTiny(t *testing.T, home string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(home, "routines"), 0o700); err != nil {
		t.Fatal(err)
	}
	routine := `name = "tiny"
title = "Tiny stretch"
reps = 2
hold = "3s"
rest = "1s"
sides = ["left", "right"]
pattern = "2-0-1"
setup = ["Lie on your back."]
cues = ["Breathe slowly."]
`
	if err := os.WriteFile(filepath.Join(home, "routines", "tiny.toml"), []byte(routine), 0o600); err != nil {
		t.Fatal(err)
	}
}
