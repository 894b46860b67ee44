package main

import (
	"bytes"
	"strings"
	"testing"
)

// `unknot report --help` lists the flags that do something for a report,
// and --plain as a report's; the sound, theme and motion flags are left
// out. The other commands' help still lists them as before.
func TestReportHelpListsOnlyItsOwnFlags(t *testing.T) {
	for _, args := range [][]string{{"report", "--help"}, {"help", "report"}} {
		code, out, errs := runCLI(t, "", args...)
		if code != 0 || errs != "" {
			t.Fatalf("%v: exit %d, %q", args, code, errs)
		}
		for _, want := range []string{"--since", "--weeks", "-o --output", "--force", "--json", "--per-week",
			"--plain      The report as text, to standard output or to the file -o names"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v lacks %q:\n%s", args, want, out)
			}
		}
		for _, idle := range []string{"--sound", "--volume", "--theme", "--no-bell", "--reduced-motion", "One line per moment"} {
			if strings.Contains(out, idle) {
				t.Errorf("%v lists %q, which does nothing for a report:\n%s", args, idle, out)
			}
		}
	}
	_, out, _ := runCLI(t, "", "history", "--help")
	for _, want := range []string{"--sound", "--theme", "--no-bell", "--reduced-motion", "--volume", "One line per moment"} {
		if !strings.Contains(out, want) {
			t.Errorf("history --help lost %q:\n%s", want, out)
		}
	}
}

// The report's help changes the shared global flags only while it is
// written: the same command tree's next help is as before.
func TestReportHelpLeavesTheOtherCommandsHelpAlone(t *testing.T) {
	t.Setenv("UNKNOT_HOME", t.TempDir())
	t.Setenv("NO_COLOR", "1")
	var out, errb bytes.Buffer
	f := newFactory(strings.NewReader(""), &out, &errb)
	root := newRootCmd(f)
	root.SetOut(&out)
	root.SetErr(&errb)
	for _, args := range [][]string{{"report", "--help"}, {"history", "--help"}} {
		out.Reset()
		root.SetArgs(args)
		if err := root.Execute(); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
	}
	for _, want := range []string{"--sound", "--theme", "one line per moment: screen readers, pipes"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("history --help after report --help lacks %q:\n%s", want, out.String())
		}
	}
}
