package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// A plain breathing run ended by a signal is saved as interrupted, says
// so, and exits with 128 and the signal's number, as a shell reports it,
// with nothing on stderr but where the run was saved: a script can tell a
// run cut short from one done.
func TestE2EPlainRunEndedByASignal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		sig  syscall.Signal
		want int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}, {syscall.SIGHUP, 129}, {syscall.SIGQUIT, 131}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			t.Parallel()
			home := t.TempDir()
			cmd, _, r, first, errOut := startPlainBreathing(t, home, "breathe", "--plain")
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			rest, _ := io.ReadAll(r)
			err := cmd.Wait()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.want {
				t.Errorf("exit status %d after %v, want %d", code, c.sig, c.want)
			}
			if !strings.Contains(string(rest), "Breathing interrupted") {
				t.Errorf("stdout after %v:\n%s%s", c.sig, first, rest)
			}
			if e := errOut.String(); strings.Contains(e, "unknot:") || !strings.Contains(e, "Saved in your history") {
				t.Errorf("stderr after %v: %q", c.sig, e)
			}
			hist, errs, hc := runUnknot(t, []string{"UNKNOT_HOME=" + home}, "history", "--all")
			if hc != 0 || !strings.Contains(hist, "interrupted") {
				t.Errorf("history after %v: exit %d\n%s%s", c.sig, hc, hist, errs)
			}
		})
	}
}

// `unknot breathe | head -1`: when the reader of the plain lines goes
// away, the run ends at its next line, saved as interrupted with its end
// (not killed by SIGPIPE with no end recorded), exit status 141.
func TestE2EPlainRunWhoseReaderGoesAway(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: waits for the next line of real pacing (5 s)")
	}
	t.Parallel()
	home := t.TempDir()
	cmd, out, _, _, errOut := startPlainBreathing(t, home, "breathe", "-n", "2")
	out.Close() // the reader goes, as head -1 does
	err := cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != 141 {
		t.Errorf("exit status %d (%v) once the reader had gone, want 141; stderr %q", code, err, errOut.String())
	}
	if e := errOut.String(); strings.Contains(e, "unknot:") || !strings.Contains(e, "Saved in your history") {
		t.Errorf("stderr: %q", e)
	}
	js, errs, hc := runUnknot(t, []string{"UNKNOT_HOME=" + home}, "history", "--json", "--all")
	if hc != 0 || !strings.Contains(js, `"status":"interrupted"`) || strings.Contains(js, `"ended_at":null`) || !strings.Contains(js, `"ended_at":"`) {
		t.Errorf("history after the reader went: exit %d\n%s%s", hc, js, errs)
	}
}

// startPlainBreathing starts unknot with args in home, its lines through a
// pipe, and reads the first (an Inhale): the run is under way.
func startPlainBreathing(t *testing.T, home string, args ...string) (cmd *exec.Cmd, out io.ReadCloser, r *bufio.Reader, first string, errOut *strings.Builder) {
	t.Helper()
	cmd = exec.Command(e2eBin, args...)
	cmd.Env = append(os.Environ(), "UNKNOT_HOME="+home)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errOut = &strings.Builder{}
	cmd.Stderr = errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r = bufio.NewReader(out)
	first, err = r.ReadString('\n')
	if err != nil || !strings.HasPrefix(first, "Inhale") {
		t.Fatalf("first line %q, %v", first, err)
	}
	return cmd, out, r, first, errOut
}

// `unknot history --json | head -1` on a long record: the export's reader
// goes away; unknot says nothing of the broken pipe and ends 141, as a
// shell's pipe ends a program (it said "write /dev/stdout: broken pipe",
// exit 1).
func TestE2EHistoryWhoseReaderGoesAway(t *testing.T) {
	t.Parallel()
	home := demoHome(t)
	cmd := exec.Command(e2eBin, "history", "--json")
	cmd.Env = append(os.Environ(), "UNKNOT_HOME="+home)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // the reader has gone before the first write
	cmd.Stdout = w
	var errOut strings.Builder
	cmd.Stderr = &errOut
	err = cmd.Run()
	w.Close()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != 141 || errOut.String() != "" {
		t.Errorf("exit %d (%v), stderr %q; want 141 and nothing said", code, err, errOut.String())
	}
}
