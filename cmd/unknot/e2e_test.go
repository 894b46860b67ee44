package main

// End-to-end tests of the built binary, and the helpers every e2e test of
// this package shares (the session's too):
//
//   - TestMain builds unknot once into a temporary directory: e2eBin.
//   - runUnknot runs it to the end with arguments and environment, and
//     returns its output and exit status.
//   - newHome makes a temporary UNKNOT_HOME.
//   - startTerm runs it in a real pseudo-terminal (a tmux server of its
//     own, on its own -L socket, so tests run in parallel) of a given size; Term.Keys types,
//     Term.Screen reads the screen, Term.WaitFor polls the screen every
//     50 ms until all the words appear (a generous deadline: polling a
//     screen is fine, asserting on durations is not), Term.Exited waits for
//     the program's exit status, which the pane shows as "[exit N]".
//
// tmux is not installed on a fresh CI machine (.ci/run installs it): the
// tests that need it skip, saying so. They skip with -short too (seconds
// each, in real time): `go test -short ./...` is the quick inner loop.

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// e2eBin is the unknot binary TestMain built.
var e2eBin string

func TestMain(m *testing.M) {
	// The end-to-end tests wait on real time, not on the CPU: eight at a
	// time, not GOMAXPROCS (2 here), unless -parallel says otherwise.
	flag.Parse()
	parallel := false
	flag.Visit(func(f *flag.Flag) { parallel = parallel || f.Name == "test.parallel" })
	if !parallel {
		_ = flag.Set("test.parallel", "8")
	}
	dir, err := os.MkdirTemp("", "unknot-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	e2eBin = filepath.Join(dir, "unknot")
	if out, err := exec.Command("go", "build", "-o", e2eBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building unknot for the e2e tests: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// newHome is an empty UNKNOT_HOME for one test, as an environment entry.
func newHome(t *testing.T) string {
	t.Helper()
	return "UNKNOT_HOME=" + t.TempDir()
}

// runUnknot runs the binary to its end with args, the extra environment
// env and no terminal, and returns stdout, stderr and the exit status.
func runUnknot(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(e2eBin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errOut.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

// termDeadline is how long WaitFor waits: generous, for a shared machine.
const termDeadline = 45 * time.Second

// Term is a program running in a tmux pane, alone on its tmux server.
type Term struct {
	t      *testing.T
	socket string // tmux -L: this Term's own server
	name   string
}

// tmux runs a tmux command on s's server.
func (s *Term) tmux(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-L", s.socket}, args...)...)
}

var termCount atomic.Int64

// needTmux skips the test when tmux is not installed, or with -short.
func needTmux(t *testing.T) {
	t.Helper()
	skipShort(t)
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed: the pseudo-terminal tests need it (apt-get install -y tmux)")
	}
}

// skipShort skips a test that runs the program in real time for seconds.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: an end-to-end test paced in real time (seconds); the full suite runs it")
	}
}

// startTerm runs the binary with args in a w × h tmux pane, with TERM
// xterm-256color and the extra environment env. When it exits, the pane
// shows "[exit N]" and stays until the test ends.
func startTerm(t *testing.T, w, h int, env []string, args ...string) *Term {
	t.Helper()
	return startTermThen(t, w, h, env, "", args...)
}

// startTermThen is startTerm with a shell command run in the pane after
// the program's exit status is shown (to look at the terminal it left).
func startTermThen(t *testing.T, w, h int, env []string, then string, args ...string) *Term {
	t.Helper()
	needTmux(t)
	n := termCount.Add(1)
	name := fmt.Sprintf("e2e-%d", n)
	term := &Term{t: t, socket: fmt.Sprintf("unknot-e2e-%d-%d", os.Getpid(), n), name: name}
	line := []string{"env", "TERM=xterm-256color"}
	for _, e := range env {
		line = append(line, shellQuote(e))
	}
	line = append(line, shellQuote(e2eBin))
	for _, a := range args {
		line = append(line, shellQuote(a))
	}
	script := strings.Join(line, " ") + `; echo "[exit $?]"; ` + then + `; sleep 600`
	if then == "" {
		script = strings.Join(line, " ") + `; echo "[exit $?]"; sleep 600`
	}
	cmd := term.tmux("-f", "/dev/null", "new-session", "-d", "-s", name,
		"-x", strconv.Itoa(w), "-y", strconv.Itoa(h), script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() {
		_ = term.tmux("kill-server").Run()
		// tmux leaves its socket behind: /tmp/tmux-UID/NAME, as tmux names it.
		_ = os.Remove(filepath.Join(cmp.Or(os.Getenv("TMUX_TMPDIR"), "/tmp"), fmt.Sprintf("tmux-%d", os.Getuid()), term.socket))
	})
	return term
}

// Keys types tmux key names ("space", "Up", "q" ...).
func (s *Term) Keys(keys ...string) {
	s.t.Helper()
	if out, err := s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("tmux send-keys: %v: %s", err, out)
	}
}

// Screen is the pane's text now.
func (s *Term) Screen() string {
	out, err := s.tmux("capture-pane", "-p", "-t", s.name).Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// WaitFor polls the screen every 50 ms until every word is on it, and
// returns the screen; it fails the test after termDeadline.
func (s *Term) WaitFor(words ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(termDeadline)
	for {
		screen := s.Screen()
		all := true
		for _, w := range words {
			if !strings.Contains(screen, w) {
				all = false
				break
			}
		}
		if all {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited %v for %q; the screen:\n%s", termDeadline, words, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Exited waits for the program to end and returns its exit status.
func (s *Term) Exited() int {
	s.t.Helper()
	screen := s.WaitFor("[exit ")
	i := strings.LastIndex(screen, "[exit ")
	rest := screen[i+len("[exit "):]
	n, err := strconv.Atoi(rest[:strings.IndexByte(rest, ']')])
	if err != nil {
		s.t.Fatalf("no exit status on the screen:\n%s", screen)
	}
	return n
}

// Resize changes the pane's size.
func (s *Term) Resize(w, h int) {
	s.t.Helper()
	out, err := s.tmux("resize-window", "-t", s.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux resize-window: %v: %s", err, out)
	}
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// plainLine is one line of plain output and when it arrived.
type plainLine struct {
	text string
	at   time.Duration // since just before the process was started
}

// readPlain starts the binary with stdout on a pipe, and returns each line
// as it arrives, with its arrival time measured from just before exec.
func readPlain(t *testing.T, env []string, args ...string) ([]plainLine, int) {
	t.Helper()
	cmd := exec.Command(e2eBin, args...) // stdin: /dev/null
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var lines []plainLine
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	for {
		l, err := r.ReadString('\n')
		if l != "" {
			lines = append(lines, plainLine{strings.TrimRight(l, "\n"), time.Since(start)})
		}
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	code := 0
	if err := cmd.Wait(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatal(err)
		}
		code = ee.ExitCode()
	}
	return lines, code
}

// Bounds of checkOnSchedule. A fault of the program's timing (counting
// ticks, waiting a frame, drifting) moves most lines; a busy machine
// delays one here and there, and the next is on time again (.ci/stress,
// with two busy loops beside -race: one line 555 ms late in 50 runs). The
// words and their order are checked apart, so a phase missed or doubled
// is caught there; the gross bound keeps every line inside its phase (1 s
// or more in these tests).
const (
	scheduleMedian = 100 * time.Millisecond // the typical line: a systematic lag or drift
	scheduleGross  = 750 * time.Millisecond // any line: still inside its phase
)

// checkOnSchedule fails the test when the lines or plays, each off its
// instant by offs[i], are off the schedule: the median beyond
// scheduleMedian, or any beyond scheduleGross. The offsets are taken from
// their median: from outside, the instant the schedule began is not
// known, and the first line, the usual origin, may wait for start-up on
// a busy machine while the rest keep the schedule (a care run's first
// three lines came 117 ms late, and the four on time read as early).
func checkOnSchedule(t *testing.T, what string, offs []time.Duration) {
	t.Helper()
	if len(offs) == 0 {
		t.Fatalf("no %s to check against the schedule", what)
	}
	sorted := slices.Clone(offs)
	slices.Sort(sorted)
	origin := sorted[len(sorted)/2]
	offs = slices.Clone(offs)
	for i := range offs {
		offs[i] -= origin
	}
	abs := make([]time.Duration, len(offs))
	for i, o := range offs {
		abs[i] = max(o, -o)
		if abs[i] > scheduleGross {
			t.Errorf("%s %d is %v off its instant (bound %v)", what, i, o, scheduleGross)
		}
	}
	slices.Sort(abs)
	if m := abs[len(abs)/2]; m > scheduleMedian {
		t.Errorf("%s are typically %v off their instants (median, bound %v): %v", what, m, scheduleMedian, offs)
	}
}
