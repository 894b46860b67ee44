package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// care's argument and flags, checked before anything is opened: a mistake
// is one line on stderr, nothing on stdout, exit status 2, and the history
// is not even created.
func TestCareBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"care", "lava"}, {"care", "ice", "-m", "0"}, {"care", "ice", "-m", "-1"}, {"care", "ice", "-m", "500"},
		{"care", "heat", "-m", "21"}, {"care", "ice", "-m", "x"}, {"care", "ice", "-m", "NaN"}, {"care", "-m", "5"},
		{"care", "ice", "heat"}, {"care", "ice", "-m", "0.001"}, {"care", "\x1b[31mice"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			home := t.TempDir()
			code, stdout, stderr := runCLI(t, home, args...)
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "unknot: ") || strings.ContainsRune(stderr, '\x1b') {
				t.Errorf("stderr is not one clean unknot: line: %q", stderr)
			}
			if entries, _ := os.ReadDir(home); len(entries) != 0 {
				t.Errorf("a refused command left %v in UNKNOT_HOME", entries)
			}
		})
	}
}

// The request, as checked from the flags.
func TestCareFlags(t *testing.T) {
	for args, want := range map[string]string{
		"":             "{kind: length:0s sources:false}",
		"ice":          "{kind:ice length:0s sources:false}",
		"HEAT -m 20":   "{kind:heat length:20m0s sources:false}",
		"ice -m 25":    "{kind:ice length:25m0s sources:false}",
		"ice -m 0.05":  "{kind:ice length:3s sources:false}",
		"--sources":    "{kind: length:0s sources:true}",
		"heat -m 7.5 ": "{kind:heat length:7m30s sources:false}",
	} {
		f := newFactory(strings.NewReader(""), &strings.Builder{}, &strings.Builder{})
		var got careRequest
		cmd := newCareCmd(f, func(r careRequest) error { got = r; return nil })
		cmd.SetArgs(strings.Fields(args))
		if err := cmd.Execute(); err != nil {
			t.Errorf("%q: %v", args, err)
			continue
		}
		if s := strings.ReplaceAll(strings.ReplaceAll(fmtReq(got), "\"", ""), "  ", " "); s != want {
			t.Errorf("%q: %s, want %s", args, s, want)
		}
	}
}

func fmtReq(r careRequest) string {
	return "{kind:" + string(r.kind) + " length:" + r.length.String() + " sources:" + map[bool]string{true: "true", false: "false"}[r.sources] + "}"
}

// The plan for now without a terminal and without an episode: it assumes
// the first 48 hours and says so, asks nothing; --sources states the
// disagreements.
func TestCarePlanWithoutTerminal(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "care")
	if code != 0 || !strings.Contains(stdout, "No start of this spasm on record: assuming it is within the first 48 hours.") ||
		!strings.Contains(stdout, "Ice is due now.") || strings.Contains(stdout, "When did") {
		t.Errorf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, "", "care", "--sources")
	flat := strings.Join(strings.Fields(stdout), " ")
	for _, w := range []string{"003 (How to Treat a Back Spasm). Cold: 25 minutes on, 1 hour 30 off", "Where they differ:", "unknot's default is 15", "Safety:", "Never sleep on a heating pad"} {
		if code != 0 || !strings.Contains(flat, w) {
			t.Errorf("--sources (exit %d) has no %q:\n%s", code, w, stdout)
		}
	}
	// Not a terminal: wrapped at 80 columns, as `unknot safety` is.
	for _, l := range strings.Split(stdout, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("--sources: a line of %d columns: %q", n, l)
		}
	}
}

// The notification's escape sequences never carry control characters,
// and the terminal named by the environment gets the one it reads.
func TestCareNotifySequence(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	if got := oscNotify(env("TERM", "xterm-256color"), "unknot: Ice time is up", "take it\x07 off;\x1b[2J now"); got != "\x1b]9;unknot: Ice time is up: take it off,[2J now\x1b\\" {
		t.Errorf("OSC 9: %q", got)
	}
	if got := oscNotify(env("TERM", "xterm-256color", "VTE_VERSION", "7600"), "a;b", "c"); got != "\x1b]777;notify;a,b;c\x1b\\" {
		t.Errorf("OSC 777: %q", got)
	}
	if got := oscNotify(env("TERM", "foot"), "a", "c"); !strings.HasPrefix(got, "\x1b]777;") {
		t.Errorf("foot: %q", got)
	}
}

// `care ice -m 0.05 --plain` end to end: each moment on its line at its
// instant, the end notified through notify-send (a fake one on PATH) and
// the application found in `history --json` as kind ice, completed.
func TestE2ECarePlainThenHistory(t *testing.T) {
	t.Parallel()
	skipShort(t)
	home := newHome(t)
	bin := t.TempDir()
	got := filepath.Join(bin, "notified")
	script := "#!/bin/sh\nprintf '%s|' \"$@\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, "notify-send"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env := []string{home, "PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "DISPLAY=:99", "WAYLAND_DISPLAY="}
	lines, code := readPlain(t, env, "care", "ice", "-m", "0.05", "--plain")
	if code != 0 {
		t.Fatalf("exit status %d: %v", code, lines)
	}
	want := []struct {
		text string
		due  time.Duration
	}{
		{"Ice for 3 seconds. Get ready:", 0},
		{"Wrap the ice pack (a bag of frozen peas works) in a thin towel: never ice straight on the skin.", 0},
		{"Lie or sit comfortably, with the sore spot supported, and lay the pack on it.", 0},
		{"Put the ice pack on now, over the towel. Stay still and breathe slowly.", 3 * time.Second},
		{"Halfway. Check your skin: take the ice off if it burns, blisters or goes numb.", 4500 * time.Millisecond},
		{"Time is up: take the ice off, and let the skin warm up by itself.", 6 * time.Second},
		{"Ice: 0:03 on.", 6 * time.Second},
	}
	// Then the plan as it now stands, which counts this one.
	if len(lines) != len(want)+1 || !strings.HasPrefix(lines[len(want)].text, "Ice 1 today, next from ") {
		t.Fatalf("got %d lines, want %d and the plan: %v", len(lines), len(want)+1, lines)
	}
	start := lines[0].at
	var offs []time.Duration
	for i, w := range want {
		l := lines[i]
		if l.text != w.text {
			t.Errorf("line %d = %q, want %q", i, l.text, w.text)
		}
		offs = append(offs, l.at-start-w.due)
		t.Logf("%-40.40q due %v, came %v after the first", l.text, w.due, (l.at - start).Round(100*time.Microsecond))
	}
	checkOnSchedule(t, "lines", offs)
	stdout, stderr, code := runUnknot(t, []string{home}, "history", "--json")
	if code != 0 {
		t.Fatalf("history --json: exit %d: %s", code, stderr)
	}
	var doc struct{ Sessions []map[string]any }
	err := json.Unmarshal([]byte(stdout), &doc)
	raw := doc.Sessions
	if err != nil {
		t.Fatalf("history --json: %v\n%s", err, stdout)
	}
	if len(raw) != 1 || raw[0]["kind"] != "ice" || raw[0]["status"] != "completed" || raw[0]["ended_at"] == nil {
		t.Errorf("history --json: %s", stdout)
	}
	deadline := time.Now().Add(5 * time.Second) // notify-send was started, not waited for
	for {
		b, err := os.ReadFile(got)
		if err == nil && strings.Contains(string(b), "Ice time is up|") {
			if !strings.HasPrefix(string(b), "--app-name=unknot|") {
				t.Errorf("notify-send got %q", b)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("notify-send was not called with the end: %q, %v", b, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// In a real terminal: `care heat -m 0.05` shows the get-ready and the
// countdown, then the end, which stays until a key; the history has it.
// From home, c asks when the spasm started once, and the plan follows.
func TestE2ECareScreen(t *testing.T) {
	t.Parallel()
	home := newHome(t)
	s := startTerm(t, 80, 24, []string{home}, "care", "heat", "-m", "0.05")
	s.WaitFor("Heat · 3 seconds", "Get ready", "never sleep on a heating pad", "space pause")
	s.WaitFor("Time is up:", "Heat: 0:03 on.", "Press any key.")
	s.Keys("x")
	if code := s.Exited(); code != 0 {
		t.Fatalf("exit status %d:\n%s", code, s.Screen())
	}
	if screen := s.Screen(); !strings.Contains(screen, "Heat: 0:03 on.") {
		t.Errorf("no closing summary:\n%s", screen)
	}
	s = startTerm(t, 80, 24, []string{home}, "--no-bell")
	s.WaitFor("Ice or heat", "Heat 1 today")
	s.Keys("c")
	s.WaitFor("When did this spasm start?", "2 days ago or more")
	s.Keys("e")
	s.WaitFor("The spasm began 2 days ago or more.", "moist heat now", "Next heat from")
	s.Keys("q")
	s.WaitFor("Ice or heat")
	s.Keys("c")
	s.WaitFor("The spasm began 2 days ago or more.") // asked once: remembered
	s.Keys("q", "q")
	if code := s.Exited(); code != 0 {
		t.Errorf("exit status %d:\n%s", code, s.Screen())
	}
}

// care --help fits 80 columns, and says the safety rules.
func TestCareHelpFits(t *testing.T) {
	code, out, _ := runCLI(t, "", "care", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(strings.TrimRight(l, " "))); n > 80 {
			t.Errorf("a line of %d columns: %q", n, l)
		}
	}
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "never sleep on a heating pad") || !strings.Contains(flat, "burns, blisters or goes numb") {
		t.Errorf("care --help has not the safety rules:\n%s", out)
	}
}

// Plain mode says what the closing screen says: a pack stopped in its
// get-ready never went on (nothing to take off, and no "under a minute
// on", as if it had been) and does not count, and the plan is as the
// history has it.
func TestCarePlainStoppedAtOnceDoesNotCount(t *testing.T) {
	home := t.TempDir()
	code, out, errs := runCLIIn(t, home, "q\n", "care", "ice", "--plain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if want := "Ice stopped before the pack went on.\nNo ice or heat today, ice due now.\n"; !strings.Contains(out, want) {
		t.Errorf("plain care stopped at once:\n%s\nwant it to say %q", out, want)
	}
	for _, not := range []string{"Take it off now", "Under a minute on"} {
		if strings.Contains(out, not) {
			t.Errorf("%q said of a pack never put on:\n%s", not, out)
		}
	}
	_, plan, _ := runCLIIn(t, home, "", "care", "--plain")
	if !strings.Contains(plan, "Ice is due now.") {
		t.Errorf("the plan after it:\n%s", plan)
	}
	// The history has it as a run with nothing done: not listed, said
	// apart, and listed with --all as never put on.
	_, hist, _ := runCLIIn(t, home, "", "history", "--plain")
	if hist != "No sessions yet. Start one with `unknot session` or `unknot breathe`.\n"+
		"1 run with nothing done is not listed (history --all lists it).\n" {
		t.Errorf("history after it:\n%s", hist)
	}
	_, all, _ := runCLIIn(t, home, "", "history", "--plain", "--all")
	if !regexp.MustCompile(`(?m)^  \S+ \S+  ice      stopped     \d+ s, never put on$`).MatchString(all) || strings.Contains(all, "ice pack") {
		t.Errorf("history --all after it:\n%s", all)
	}
}
