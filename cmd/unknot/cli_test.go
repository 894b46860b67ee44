package main

import (
	"github.com/unknot/unknot/routines"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/unknot/unknot/tui"
)

// Commands that record nothing leave a fresh UNKNOT_HOME as it was: no
// history made, migrated or chmodded, not even its folder's mode.
func TestCommandsThatDontRecordTouchNothing(t *testing.T) {
	for _, args := range [][]string{
		{"--version"}, {"--help"}, {"safety"}, {"routines", "list"}, {"routines"},
		{"routines", "show", "arm-raise"}, {"--bogus"}, {"breathe", "-p", "0-0-0"},
		{"breathe", "--plain", "-m", "1e-12"}, {"session", "-r", "nope"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			home := t.TempDir()
			if err := os.Chmod(home, 0o755); err != nil {
				t.Fatal(err)
			}
			runCLI(t, home, args...)
			entries, err := os.ReadDir(home)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 0 {
				t.Errorf("left %v in UNKNOT_HOME", entries)
			}
			if fi, _ := os.Stat(home); fi.Mode().Perm() != 0o755 {
				t.Errorf("UNKNOT_HOME's mode changed to %v", fi.Mode().Perm())
			}
		})
	}
}

// breathe's flags: what a person types is checked before pacing, and a
// mistake is one line with exit status 2.
func TestBreatheFlags(t *testing.T) {
	ok := []struct {
		args []string
		want string // the settings, as %+v of a few fields
	}{
		{nil, "5-1-3 0 0s"},
		{[]string{"-n", "10"}, "5-1-3 10 0s"},
		{[]string{"-p", "4-7-8", "-m", "5"}, "4-7-8 0 5m0s"},
		{[]string{"-m", "0.5"}, "5-1-3 0 30s"},
	}
	for _, c := range ok {
		f := newFactory(nil, &strings.Builder{}, &strings.Builder{})
		var got tui.BreatheConfig
		cmd := newBreatheCmd(f, func(cfg tui.BreatheConfig) error { got = cfg; return nil })
		cmd.SetArgs(c.args)
		if err := cmd.Execute(); err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		if s := got.Pattern.String() + " " + itoa(got.Breaths) + " " + got.Duration.String(); s != c.want {
			t.Errorf("%v: %s, want %s", c.args, s, c.want)
		}
	}
	for _, args := range [][]string{
		{"-m", "1e-12"}, {"-m", "0x1p-2"}, {"-m", "0"}, {"-m", "-1"}, {"-m", "500"}, {"-m", "NaN"},
		{"-n", "0"}, {"-n", "1001"}, {"-n", "ten"}, {"-n", "3", "-m", "1"}, {"-p", "0-0-0"}, {"-p", "abc"},
	} {
		code, _, errs := runCLI(t, "", append([]string{"breathe", "--plain"}, args...)...)
		if code != 2 || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "unknot: ") {
			t.Errorf("%v: exit %d, stderr %q; want one line, exit 2", args, code, errs)
		}
	}
}

// --help fits an 80-column terminal, off a terminal it carries no
// padding, and each example reads as a shell script: its description a
// comment above it, a blank line after it.
func TestHelpFitsAndReads(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"breathe", "--help"}, {"session", "--help"}, {"history", "--help"}, {"routines", "--help"},
		{"help", "care"}, {"remind", "--help"}, {"remind", "add", "--help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.HasSuffix(l, " ") {
				t.Errorf("%v: a line padded with blanks: %q", args, l)
			}
			if n := len([]rune(l)); n > 80 {
				t.Errorf("%v: a line of %d columns: %q", args, n, l)
			}
		}
	}
	code, out, _ := runCLI(t, "", "breathe", "--help")
	if code != 0 {
		t.Fatalf("breathe --help: exit %d", code)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	joined := strings.Join(lines, "\n")
	if !strings.Contains(joined, "# ten breaths\nunknot breathe -n 10\n\n#") || strings.Contains(out, "-n 10 ten breaths") {
		t.Errorf("breathe's examples do not read as comment, command, blank line:\n%s", out)
	}
}

// The version names what the binary was built from.
func TestVersionNamesTheBuild(t *testing.T) {
	mk := func(v string, settings ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{Main: debug.Module{Version: v}}
		for i := 0; i+1 < len(settings); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return info
	}
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{mk("v1.2.0"), "v1.2.0"},
		{mk("v0.0.0-20261203074225-ce7cb6637092+dirty"), "v0.0.0-20261203074225-ce7cb6637092+dirty"},
		{mk("(devel)", "vcs.revision", "ce7cb6637092b6a3344551add8f0d319ae89fadc", "vcs.time", "2026-12-03T07:42:25Z", "vcs.modified", "true"),
			"devel, commit ce7cb6637092 of 2026-12-03T07:42:25Z, with uncommitted changes"},
		{mk("(devel)", "vcs.revision", "ce7cb6637092b6a3344551add8f0d319ae89fadc", "vcs.modified", "false"), "devel, commit ce7cb6637092"},
		{mk("(devel)"), "devel (built without version control information, as go run does)"},
	} {
		if got := versionOf(c.info); got != c.want {
			t.Errorf("versionOf(%+v) = %q, want %q", c.info.Main, got, c.want)
		}
	}
	code, out, _ := runCLI(t, "", "--version")
	if code != 0 || !strings.Contains(out, version()) {
		t.Errorf("--version: exit %d, %q; want it to say %q", code, out, version())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// session --help names the default session in the order it is run.
func TestSessionHelpNamesTheOrderRun(t *testing.T) {
	c, err := routines.Builtins()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range routines.DefaultSession(c) {
		names = append(names, r.Name)
	}
	_, out, _ := runCLI(t, "", "session", "--help")
	flat := strings.Join(strings.Fields(out), " ")
	if want := "today's plan (" + strings.Join(names, ", ") + ":"; !strings.Contains(flat, want) {
		t.Errorf("session --help does not name the order run, %q:\n%s", want, out)
	}
}

// Every bad flag value reads the same way: the flag, the value, what to
// do, on one line, exit 2; a value's own words are not wrapped in pflag's.
func TestBadFlagValuesReadAlike(t *testing.T) {
	for args, want := range map[[3]string]string{
		{"breathe", "--volume", "1000"}: `unknot: --volume "1000": not a whole number from 0 to 100; try --volume 40` + "\n",
		{"breathe", "--theme", "neon"}:  `unknot: --theme "neon": use auto, light or dark` + "\n",
		{"breathe", "-n", "abc"}:        `unknot: -n "abc": give a whole number of breaths from 1 to 1000, like -n 10` + "\n",
	} {
		code, out, errs := runCLI(t, "", args[0], args[1], args[2], "--plain")
		if code != 2 || out != "" || errs != want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2, nothing, %q", args, code, out, errs, want)
		}
	}
}
