package measure

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Build compiles a package of this module into dir and returns the
// binary's path.
func Build(dir, pkg, name string) (string, error) {
	bin := filepath.Join(dir, name)
	out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin, nil
}

// Env is a small fixed environment for a measured program: a UTF-8
// xterm, its own UNKNOT_HOME, and the extra variables given.
func Env(home string, extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TERM=xterm-256color",
		"LANG=C.UTF-8", "UNKNOT_HOME=" + home}, extra...)
}

// chunk is one read from the pseudo-terminal and the instant it returned.
type chunk struct {
	at   time.Time
	data []byte
}

// Term is a program running in a pseudo-terminal of a set size. Its output
// is read continuously (so it never blocks), each chunk stamped the moment
// Read returns, and fed to a terminal emulator, which answers the
// program's queries as a terminal would.
type Term struct {
	Cmd   *exec.Cmd
	Start time.Time // just before cmd.Start

	pty    *os.File
	wmu    sync.Mutex // writes to the pty
	exited chan struct{}
	fed    chan struct{} // closed when every chunk has been fed
	word   chan struct{} // closed at the first chunk after which a phase word shows

	mu        sync.Mutex
	emu       *vt.Emulator
	obs       Observer
	firstWord time.Time
	chunks    int
	bytes     int
	watch     func(at time.Time, screen string) // Watch's
	waiters   []waiter                          // Await's
}

// waiter is one Await: the first screen for which pred holds sends the
// instant of its chunk on ch.
type waiter struct {
	pred func(screen string) bool
	ch   chan time.Time
}

// StartTerm runs bin with args in a new pseudo-terminal of cols x rows.
func StartTerm(bin string, args, env []string, cols, rows int) (*Term, error) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		return nil, fmt.Errorf("pseudo-terminal: %w", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		ptmx.Close()
		tty.Close()
		return nil, fmt.Errorf("pseudo-terminal size: %w", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	t := &Term{Cmd: cmd, pty: ptmx, exited: make(chan struct{}), fed: make(chan struct{}),
		word: make(chan struct{}), emu: vt.NewEmulator(cols, rows)}
	ch := make(chan chunk, 1<<14)
	t.Start = time.Now()
	if err := cmd.Start(); err != nil {
		ptmx.Close()
		tty.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	tty.Close()
	go func() { // read and stamp: nothing else, so the stamp is the read's
		buf := make([]byte, 1<<16)
		for {
			n, err := ptmx.Read(buf)
			at := time.Now()
			if n > 0 {
				ch <- chunk{at, append([]byte(nil), buf[:n]...)}
			}
			if err != nil {
				close(ch)
				return
			}
		}
	}()
	go func() { // feed the emulator and note what the screen shows
		for c := range ch {
			t.mu.Lock()
			_, _ = t.emu.Write(c.data)
			screen := t.emu.String()
			s := ReadScreen(screen)
			t.obs.See(c.at, s)
			if t.watch != nil {
				t.watch(c.at, screen)
			}
			kept := t.waiters[:0]
			for _, w := range t.waiters {
				if w.pred(screen) {
					w.ch <- c.at
					continue
				}
				kept = append(kept, w)
			}
			t.waiters = kept
			t.chunks++
			t.bytes += len(c.data)
			if t.firstWord.IsZero() && s.Word != "" {
				t.firstWord = c.at
				close(t.word)
			}
			t.mu.Unlock()
		}
		close(t.fed)
		_ = t.emu.Close()
	}()
	go func() { // the emulator's answers to queries go back to the program
		buf := make([]byte, 4096)
		for {
			n, err := t.emu.Read(buf)
			if n > 0 {
				t.wmu.Lock()
				_, _ = ptmx.Write(buf[:n])
				t.wmu.Unlock()
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		_ = cmd.Wait()
		close(t.exited)
	}()
	return t, nil
}

// Keys writes s to the program as typed.
func (t *Term) Keys(s string) error {
	_, err := t.KeysAt(s)
	return err
}

// KeysAt writes s to the program as typed and returns the instant just
// before the write.
func (t *Term) KeysAt(s string) (time.Time, error) {
	t.wmu.Lock()
	defer t.wmu.Unlock()
	at := time.Now()
	_, err := t.pty.Write([]byte(s))
	return at, err
}

// Watch calls f with every screen the program shows from now on (after
// each chunk read), and the instant of its chunk. f runs on the reading
// goroutine and must be quick.
func (t *Term) Watch(f func(at time.Time, screen string)) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.watch = f
}

// Await returns a channel that gets the instant of the first chunk from
// now on after which the screen satisfies pred.
func (t *Term) Await(pred func(screen string) bool) <-chan time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	ch := make(chan time.Time, 1)
	t.waiters = append(t.waiters, waiter{pred, ch})
	return ch
}

// WaitWord waits for the first phase word on screen and returns the
// instant of the chunk that showed it.
func (t *Term) WaitWord(timeout time.Duration) (time.Time, error) {
	select {
	case <-t.word:
		t.mu.Lock()
		defer t.mu.Unlock()
		return t.firstWord, nil
	case <-t.exited:
		return time.Time{}, fmt.Errorf("the program ended before any phase word showed: %q", t.Screen())
	case <-time.After(timeout):
		return time.Time{}, fmt.Errorf("no phase word within %v; the screen: %q", timeout, t.Screen())
	}
}

// Screen is the emulated screen's text now.
func (t *Term) Screen() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.emu.String()
}

// Changes are the visible changes seen so far.
func (t *Term) Changes() []Change {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]Change(nil), t.obs.Changes...)
}

// Read says how many chunks and bytes were read.
func (t *Term) Read() (chunks, bytes int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.chunks, t.bytes
}

// Stop types keys (like "q"), waits up to a second for the program to end,
// kills it if it has not, and waits until all its output is fed.
func (t *Term) Stop(keys string) {
	if keys != "" {
		_ = t.Keys(keys)
	}
	select {
	case <-t.exited:
	case <-time.After(time.Second):
		_ = t.Cmd.Process.Kill()
		<-t.exited
	}
	_ = t.pty.Close()
	<-t.fed
}

// Usage is a process's CPU time so far and its resident memory.
type Usage struct {
	CPU time.Duration // utime+stime
	RSS int64         // kB
}

// clockTicks is the kernel's USER_HZ (getconf CLK_TCK), 100 when unknown.
var clockTicks = sync.OnceValue(func() int64 {
	out, err := exec.Command("getconf", "CLK_TCK").Output()
	if n, err2 := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64); err == nil && err2 == nil && n > 0 {
		return n
	}
	return 100
})

// UsageOf reads /proc/PID/stat (utime and stime, fields 14 and 15, in
// clock ticks) and VmRSS from /proc/PID/status.
func UsageOf(pid int) (Usage, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return Usage{}, err
	}
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return Usage{}, errors.New("unreadable /proc stat")
	}
	f := strings.Fields(string(b)[i+1:]) // f[0] is field 3, the state
	if len(f) < 13 {
		return Usage{}, errors.New("short /proc stat")
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return Usage{}, errors.New("unreadable utime/stime in /proc stat")
	}
	u := Usage{CPU: time.Duration((ut + st) * int64(time.Second) / clockTicks())}
	s, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return Usage{}, err
	}
	defer s.Close()
	sc := bufio.NewScanner(s)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			u.RSS, _ = strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return u, nil
}
