package main

import (
	"os"
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

// --help fits an 80-column terminal, and each example is a command on a
// line of its own, its description on the next.
func TestHelpFitsAndReads(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"breathe", "--help"}, {"session", "--help"}, {"history", "--help"}, {"routines", "--help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		for _, l := range strings.Split(out, "\n") {
			// Trailing blanks pad to the width fang assumes off a
			// terminal (120); an 80-column terminal gets no more than 80.
			if n := len([]rune(strings.TrimRight(l, " "))); n > 80 {
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
	if !strings.Contains(joined, "unknot breathe -n 10\n# ten breaths") || strings.Contains(out, "-n 10 ten breaths") {
		t.Errorf("breathe's examples run a description into the command:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
