package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unknot/unknot/routines"
)

// titleSeq is a terminal's "set the window title" sequence (ESC ] 0;
// TITLE BEL), as a folder's name may hold it.
const titleSeq = "a\x1b]0;TITLE\x07b"

// rawControl reports whether s holds a raw ESC or BEL.
func rawControl(s string) bool { return strings.ContainsAny(s, "\x1b\x07") }

// A history folder whose name holds a terminal sequence is printed
// escaped where a run says where it was saved: the sequence never reaches
// the terminal.
func TestSavedInYourHistoryPrintsThePathEscaped(t *testing.T) {
	onFakeClock(t, func(t *testing.T) {
		home := filepath.Join(t.TempDir(), titleSeq)
		if err := os.Mkdir(home, 0o700); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCLIIn(t, home, "", "breathe", "-n", "1", "-p", "1-0-1", "--plain", "--no-checkin", "--sound", "off")
		want := "Saved in your history (" + routines.Printable(filepath.Join(home, "history.db")) + ")."
		if code != 0 || rawControl(out+errOut) || !strings.Contains(errOut, want) {
			t.Errorf("exit %d; want no raw ESC or BEL and %q\nstdout %q\nstderr %q", code, want, out, errOut)
		}
	})
}

// `remind add` and `unknot remind` print the folders they name (the
// crontab line's UNKNOT_HOME, the units' folder) escaped.
func TestRemindPrintsPathsEscaped(t *testing.T) {
	w := newRemindWorld(t)
	home := filepath.Join(w.unknotHome, titleSeq)
	cfgHome := filepath.Join(w.cfgHome, titleSeq)
	for _, d := range []string{home, cfgHome} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	code, out, errOut := runCLIIn(t, home, "", "remind", "add", "09:00")
	if code != 0 || rawControl(out+errOut) || !strings.Contains(out, "Fired by systemd user timers ("+routines.Printable(filepath.Join(cfgHome, "systemd", "user"))+")") {
		t.Errorf("add: exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
	_, out, errOut = runCLIIn(t, home, "", "remind")
	if rawControl(out+errOut) || !strings.Contains(out, "Fired by systemd user timers ("+routines.Printable(filepath.Join(cfgHome, "systemd", "user"))+")") {
		t.Errorf("remind:\nstdout %q\nstderr %q", out, errOut)
	}

	w.run.noUser = true
	line := "UNKNOT_HOME='" + routines.Printable(home) + "' XDG_CONFIG_HOME='" + routines.Printable(cfgHome) + "' '/usr/local/bin/unknot' nudge session"
	code, out, errOut = runCLIIn(t, home, "", "remind", "add", "10:00")
	if code != 1 || rawControl(out+errOut) || out != "0 10 * * * "+line+"\n" {
		t.Errorf("add without a scheduler: exit %d\nstdout %q\nstderr %q\nwant the crontab line %q", code, out, errOut, line)
	}
	_, out, errOut = runCLIIn(t, home, "", "remind")
	if rawControl(out+errOut) || !strings.Contains(out, "\n  0 9 * * * "+line+"\n") {
		t.Errorf("remind without a scheduler:\nstdout %q\nstderr %q\nwant the crontab line %q", out, errOut, line)
	}
}
