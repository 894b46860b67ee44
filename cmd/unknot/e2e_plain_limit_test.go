package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines/history"
)

// limitedHome is an UNKNOT_HOME with "limited" (one 2 s hold, at most
// once a day) already done once today, and "quick".
func limitedHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	writeQuick(t, home)
	routine := `name = "limited"
title = "Limited stretch"
position = "lying"
reps = 1
hold = "2s"
rest = "1s"
pattern = "1-0-1"
daily_limit = 1
setup = ["Lie on your back."]
cues = ["Breathe slowly."]
`
	if err := os.WriteFile(filepath.Join(home, "routines", "limited.toml"), []byte(routine), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now().Add(-time.Minute)
	r, err := s.Start(history.KindSession, start, []history.Exercise{{Routine: "limited", RepsPlanned: 1}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.SetReps("limited", "", 1)
	r.Finish(start.Add(10*time.Second), history.Completed)
	return home
}

// With no terminal on stdin nothing is asked: the routine at its daily
// limit is left out, in one line, and the rest goes on.
func TestE2EPlainSessionAtDailyLimitNoTerminal(t *testing.T) {
	t.Parallel()
	skipShort(t)
	home := limitedHome(t)
	env := []string{"UNKNOT_HOME=" + home}
	out, errOut, code := runUnknot(t, env, "session", "--plain", "--sound", "off", "-r", "limited")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	said := 0
	for _, l := range lines {
		if strings.Contains(l, "Limited stretch") {
			said++
			if l != "Left out today, at the daily limit: Limited stretch (1 of 1 today)." {
				t.Errorf("line %q", l)
			}
		}
	}
	if said != 1 {
		t.Errorf("the routine at its limit named %d times, want once:\n%s", said, out)
	}
	if !strings.Contains(out, "Nothing left for today.") || strings.Contains(out, "get ready") || strings.Contains(out, "?") {
		t.Errorf("asked or paced:\n%s", out)
	}
	// With another routine: that one runs (n on stdin skips its get-ready).
	cmd := runUnknotIn(t, env, "n\n", "session", "--plain", "--sound", "off", "-r", "limited", "-r", "quick")
	if !strings.Contains(cmd, "Left out today, at the daily limit: Limited stretch (1 of 1 today).") ||
		!strings.Contains(cmd, "Quick stretch: done.") || strings.Contains(cmd, "Limited stretch: get ready") {
		t.Errorf("with another routine:\n%s", cmd)
	}
}

// At a terminal the daily-limit question and the check-ins are numbered
// prompts; Enter takes the gentler choice, a number the other.
func TestE2EPlainSessionAtDailyLimitAsksAtATerminal(t *testing.T) {
	t.Parallel()
	home := limitedHome(t)
	env := []string{"UNKNOT_HOME=" + home}
	s := startTerm(t, 200, 50, env, "session", "--plain", "--sound", "off", "-r", "limited")
	s.WaitFor("Already done today: Limited stretch (1 of 1 today).", "1. Leave it out today", "2. Go on anyway")
	s.Keys("Enter")
	s.WaitFor("Nothing left for today.", "[exit 0]")

	s = startTerm(t, 200, 50, env, "session", "--plain", "--sound", "off", "-r", "limited")
	s.WaitFor("2. Go on anyway")
	s.Keys("2", "Enter")
	s.WaitFor("How is your back right now?", "Enter alone to skip")
	s.Keys("4", "Enter")
	s.WaitFor("Noted: 4 out of 10.", "Limited stretch: get ready")
	s.Keys("n", "Enter")
	s.WaitFor("Limited stretch: done.", "How did it go? How is your back right now?")
	s.Keys("Enter") // skipped
	s.WaitFor("[exit 0]")
	st, err := history.Open(home)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.Sessions(history.Filter{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatalf("sessions %v %v", list, err)
	}
	if x := list[0]; x.PainBefore == nil || *x.PainBefore != 4 || x.PainAfter != nil || x.Status != history.Completed {
		t.Errorf("recorded %+v", x)
	}
}

// runUnknotIn runs the binary with stdin's text (not a terminal) and
// returns its stdout; it fails the test on a non-zero exit.
func runUnknotIn(t *testing.T, env []string, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(e2eBin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return string(out)
}
