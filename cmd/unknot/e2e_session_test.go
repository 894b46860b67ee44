package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// The session end to end: the built binary in a real pseudo-terminal
// (tmux, through e2e_test.go's helpers), a short routine from a temporary
// UNKNOT_HOME, read as a person reads it, with both check-ins answered;
// then the session is found in `history --json`. The waits poll the
// screen for words; no assertion is timed.
func TestE2ESession(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	writeTiny(t, home)
	env := []string{"UNKNOT_HOME=" + home}
	s := startTerm(t, 80, 24, env, "session", "-r", "tiny", "--no-bell")

	s.WaitFor("Before you start", "How is your back right now?")
	s.Keys("6", "Enter")
	s.WaitFor("Tiny stretch", "Get ready", "Lie on your back.")
	s.Keys("n") // skip the get ready
	s.WaitFor("Inhale", "Left side · rep 1/2")
	s.Keys("Space")
	paused := s.WaitFor("Paused")
	time.Sleep(1500 * time.Millisecond) // long enough for a running hold to move on
	if again := s.Screen(); again != paused {
		t.Errorf("the paused screen changed:\n%s\n---\n%s", paused, again)
	}
	s.Keys("Space")
	s.WaitFor("Inhale")
	if strings.Contains(s.Screen(), "Paused") {
		t.Errorf("still paused after space:\n%s", s.Screen())
	}
	s.WaitFor("Well done.", "Session complete: 4 of 4 reps.", "left ", "2 of 2 done", "right", "How is your back right now?")
	s.Keys("2", "Enter")
	s.WaitFor("Noted: 2 out of 10.")
	s.Keys("q")
	s.WaitFor("[exit ", "Session complete: 4 of 4 reps.", "Tiny stretch, left: 2 of 2 done", "Tiny stretch, right: 2 of 2 done")
	if code := s.Exited(); code != 0 {
		t.Errorf("exit status %d", code)
	}

	out, errs, code := runUnknot(t, env, "history", "--json")
	if code != 0 {
		t.Fatalf("history --json: exit %d: %s", code, errs)
	}
	var doc struct {
		Sessions []struct {
			Kind       string `json:"kind"`
			Status     string `json:"status"`
			PainBefore *int   `json:"pain_before"`
			PainAfter  *int   `json:"pain_after"`
			Exercises  []struct {
				Routine  string `json:"routine"`
				Side     string `json:"side"`
				RepsDone int    `json:"reps_done"`
			} `json:"exercises"`
		}
	}
	err := json.Unmarshal([]byte(out), &doc)
	sessions := doc.Sessions
	if err != nil {
		t.Fatalf("history --json is not JSON: %v\n%s", err, out)
	}
	if len(sessions) != 1 {
		t.Fatalf("want one session in the history, got %d:\n%s", len(sessions), out)
	}
	got := sessions[0]
	if got.Kind != "session" || got.Status != "completed" || got.PainBefore == nil || *got.PainBefore != 6 ||
		got.PainAfter == nil || *got.PainAfter != 2 {
		t.Errorf("recorded session: %s", out)
	}
	reps := map[string]int{}
	for _, e := range got.Exercises {
		reps[e.Routine+" "+e.Side] = e.RepsDone
	}
	if reps["tiny left"] != 2 || reps["tiny right"] != 2 {
		t.Errorf("reps recorded %v, want 2 a side", reps)
	}
}
