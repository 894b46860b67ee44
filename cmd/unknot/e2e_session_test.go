package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The session end to end: the built binary in a real pseudo-terminal
// (tmux), a short routine from a temporary UNKNOT_HOME, read as a person
// reads it. The waits poll the screen for words; no assertion is timed.

var (
	sessBinOnce sync.Once
	sessBin     string
	sessBinErr  error
)

// sessionBinary builds unknot once for these tests.
func sessionBinary(t *testing.T) string {
	t.Helper()
	sessBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "unknot-e2e-session")
		if err != nil {
			sessBinErr = err
			return
		}
		sessBin = filepath.Join(dir, "unknot")
		out, err := exec.Command("go", "build", "-o", sessBin, ".").CombinedOutput()
		if err != nil {
			sessBinErr = &buildError{string(out)}
		}
	})
	if sessBinErr != nil {
		t.Fatal(sessBinErr)
	}
	return sessBin
}

type buildError struct{ out string }

func (e *buildError) Error() string { return "go build: " + e.out }

// sessSocket is the tmux server of these tests, apart from anyone else's.
const sessSocket = "unknot-e2e-session"

// sessTmux drives one tmux session.
type sessTmux struct {
	t    *testing.T
	name string
}

func newSessTmux(t *testing.T, w, h string, env []string, args ...string) *sessTmux {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	name := "unknot-e2e-" + strings.ReplaceAll(t.Name(), "/", "-")
	cmd := "env " + strings.Join(env, " ") + " " + strings.Join(args, " ") + "; sleep 600"
	run := exec.Command("tmux", "-L", sessSocket, "new-session", "-d", "-s", name, "-x", w, "-y", h, cmd)
	if out, err := run.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v: %s", err, out)
	}
	s := &sessTmux{t: t, name: name}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", sessSocket, "kill-session", "-t", name).Run() })
	return s
}

func (s *sessTmux) screen() string {
	out, _ := exec.Command("tmux", "-L", sessSocket, "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

func (s *sessTmux) keys(k ...string) {
	args := append([]string{"-L", sessSocket, "send-keys", "-t", s.name}, k...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys: %v: %s", err, out)
	}
}

// waitFor polls the screen until it shows every word, or fails after a
// generous limit (a slow machine is not a failure; a missing word is).
func (s *sessTmux) waitFor(words ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		scr := s.screen()
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(scr, w)
		}
		if ok {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %q:\n%s", words, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestE2ESession(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin := sessionBinary(t)
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "routines"), 0o755); err != nil {
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
	if err := os.WriteFile(filepath.Join(home, "routines", "tiny.toml"), []byte(routine), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSessTmux(t, "80", "24", []string{"UNKNOT_HOME=" + home, "TERM=xterm-256color"}, bin, "session", "-r", "tiny", "--no-bell")
	s.waitFor("Tiny stretch", "Get ready", "Lie on your back.")
	s.keys("n") // skip the get ready
	s.waitFor("Inhale", "Left side · rep 1/2")
	s.keys("Space")
	paused := s.waitFor("Paused")
	time.Sleep(1500 * time.Millisecond) // long enough for a running hold to move on
	if again := s.screen(); again != paused {
		t.Errorf("the paused screen changed:\n%s\n---\n%s", paused, again)
	}
	s.keys("Space")
	s.waitFor("Inhale")
	if strings.Contains(s.screen(), "Paused") {
		t.Errorf("still paused after space:\n%s", s.screen())
	}
	s.waitFor("Well done.", "left ", "2/2", "right", "Time:")
	s.keys("q")
	out := s.waitFor("Session complete.", "Tiny stretch, left: 2 of 2", "Tiny stretch, right: 2 of 2")
	_ = out
}
