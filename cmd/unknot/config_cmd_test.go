package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/synctest"
)

// runCLIIn is runCLI with stdin's text (not a terminal).
func runCLIIn(t *testing.T, home, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("UNKNOT_HOME", home)
	t.Setenv("NO_COLOR", "1")
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// onFakeClock runs f in a testing/synctest bubble: a run paced in it takes
// no real time, its instants exact. Signals cannot reach into a bubble,
// so a plain cancel stands in for them (not with t.Parallel: it swaps a
// package variable).
func onFakeClock(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	real := signalContext
	signalContext = func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }
	t.Cleanup(func() { signalContext = real })
	synctest.Test(t, f)
}

func writeConfig(t *testing.T, home, text string) string {
	t.Helper()
	path := filepath.Join(home, "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeQuick puts a routine of one 2 s hold in home: "quick".
func writeQuick(t *testing.T, home string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(home, "routines"), 0o700); err != nil {
		t.Fatal(err)
	}
	routine := `name = "quick"
title = "Quick stretch"
position = "lying"
reps = 1
hold = "2s"
rest = "1s"
pattern = "1-0-1"
setup = ["Lie on your back."]
cues = ["Breathe slowly."]
`
	if err := os.WriteFile(filepath.Join(home, "routines", "quick.toml"), []byte(routine), 0o600); err != nil {
		t.Fatal(err)
	}
}

// A mistake in config.toml is one line each with file:line:column, exit
// status 2, for every command that reads it; the safety page still shows.
// Breathing, the spasm path, is never held up by it: it says the same
// lines and breathes with the defaults.
func TestConfigStrictLoadingThroughTheCommandLine(t *testing.T) {
	onFakeClock(t, func(t *testing.T) {
		home := t.TempDir()
		path := writeConfig(t, home, "sound = \"loud\"\nvolum = 30\npace = 3\n")
		for _, args := range [][]string{{"config"}, {"breathe", "--plain", "-n", "1", "-p", "1-1-1"}, {"session", "--plain"}} {
			code, out, errOut := runCLIIn(t, home, "", args...)
			breathe := args[0] == "breathe"
			if want := map[bool]int{true: 0, false: 2}[breathe]; code != want {
				t.Errorf("%v: exit %d, want %d (stdout %q)", args, code, want, out)
			}
			for _, want := range []string{
				"unknot: " + path + ":1:9: sound is \"loud\"; it must be one of auto, tones, voice, bell, off",
				"unknot: " + path + ":2:1: ",
				"volume",
				"unknot: " + path + ":3:8: pace is 3",
			} {
				if !strings.Contains(errOut, want) {
					t.Errorf("%v: stderr has no %q:\n%s", args, want, errOut)
				}
			}
			if breathe {
				if !strings.Contains(out, "Inhale 1s") || !strings.Contains(errOut, "breathing with the default settings") {
					t.Errorf("breathing with a broken config: stdout %q, stderr %q", out, errOut)
				}
				continue
			}
			if strings.Contains(out, "Inhale") || strings.Contains(out, "get ready") {
				t.Errorf("%v paced with a broken config:\n%s", args, out)
			}
		}
		if code, out, _ := runCLIIn(t, home, "", "safety"); code != 0 || !strings.Contains(out, "doctor") {
			t.Errorf("safety with a broken config: exit %d\n%s", code, out)
		}
		// A session naming a routine that isn't there: its place in the file.
		writeConfig(t, home, "# mine\nsession = [\"knee-to-chest\", \"knee-to-chets\"]\n")
		code, _, errOut := runCLIIn(t, home, "", "config")
		if code != 2 || !strings.Contains(errOut, path+":2:29: session names \"knee-to-chets\", which is not a routine; did you mean \"knee-to-chest\"?") {
			t.Errorf("unknown session routine: exit %d\n%s", code, errOut)
		}
	})
}

// `unknot config` says where the file is and what is in force; flags
// given on the command line win over the file.
func TestConfigFlagsOverrideTheFile(t *testing.T) {
	home := t.TempDir()
	code, out, errOut := runCLIIn(t, home, "", "config")
	if code != 0 || !strings.Contains(out, filepath.Join(home, "config.toml")+" (not there yet") ||
		!strings.Contains(out, `sound = "auto"`) || !strings.Contains(out, "volume = 40") || !strings.Contains(out, `quiet = "21:00-08:00"`) {
		t.Errorf("no file: exit %d\n%s%s", code, out, errOut)
	}
	writeConfig(t, home, "sound = \"off\"\ntheme = \"dark\"\nvolume = 10\npattern = \"4-7-8\"\npace = 1.2\ncheckin = false\nquiet = \"22:30-07:00\"\n")
	code, out, _ = runCLIIn(t, home, "", "config")
	for _, want := range []string{`sound = "off"`, `theme = "dark"`, "volume = 10", `pattern = "4-7-8"`, "pace = 1.2", "checkin = false", `quiet = "22:30-07:00"`} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("from the file: no %q (exit %d)\n%s", want, code, out)
		}
	}
	if strings.Contains(out, "not there") {
		t.Errorf("the file is there:\n%s", out)
	}
	code, out, _ = runCLIIn(t, home, "", "config", "--sound", "bell", "--theme", "light", "--volume", "70")
	for _, want := range []string{`sound = "bell"`, `theme = "light"`, "volume = 70", `pattern = "4-7-8"`} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("flags over the file: no %q (exit %d)\n%s", want, code, out)
		}
	}
}

// Breathing starts with config.toml's pattern and pace; -p wins over the
// pattern.
func TestConfigPatternAndPaceReachBreathing(t *testing.T) {
	onFakeClock(t, func(t *testing.T) {
		home := t.TempDir()
		writeConfig(t, home, "pattern = \"1-0-1\"\npace = 2.0\nsound = \"off\"\n")
		code, out, errOut := runCLIIn(t, home, "", "breathe", "--plain", "-n", "1", "--no-checkin")
		if code != 0 || !strings.Contains(out, "Inhale 2s") || !strings.Contains(out, "Exhale 2s") {
			t.Errorf("config pattern at pace 2: exit %d\n%s%s", code, out, errOut)
		}
		code, out, _ = runCLIIn(t, home, "", "breathe", "--plain", "-n", "1", "-p", "1-0-2")
		if code != 0 || !strings.Contains(out, "Inhale 2s") || !strings.Contains(out, "Exhale 4s") {
			t.Errorf("-p over the config's pattern (still at its pace): exit %d\n%s", code, out)
		}
	})
}

// session = ["quick"] is the session `unknot session` runs by default.
func TestConfigSessionRunsThatRoutineByDefault(t *testing.T) {
	onFakeClock(t, func(t *testing.T) {
		home := t.TempDir()
		writeQuick(t, home)
		writeConfig(t, home, "session = [\"quick\"]\nsound = \"off\"\n")
		code, out, errOut := runCLIIn(t, home, "n\n", "session", "--plain") // n: past the get-ready
		if code != 0 {
			t.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		if !strings.Contains(out, "Quick stretch: get ready") || !strings.Contains(out, "Quick stretch: done.") {
			t.Errorf("the config's session did not run:\n%s", out)
		}
		for _, other := range []string{"Knee to chest", "Arm raise", "twist"} {
			if strings.Contains(out, other) {
				t.Errorf("the built-in plan ran (%s):\n%s", other, out)
			}
		}
	})
}
