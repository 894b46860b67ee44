//go:build unix

// Package soundtest puts fake sound players on PATH for tests: bash
// scripts that log when they started, their arguments, and the size and
// checksum of the file they were given, then succeed, crash or hang.
// Tests of the sound package and end-to-end tests of unknot share them.
package soundtest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The fake players are bash scripts put alone on PATH. Each logs one line
// per start -- when it started (bash's $EPOCHREALTIME, no fork), its name,
// its pid, its arguments, and the size and checksum of the file it was
// given (one fork: cksum) -- to a log file and to a FIFO the test reads,
// then behaves. The log line comes first and quickly: a player the next
// cue ends before it has logged is never seen.
const (
	// Succeed exits 0 at once.
	Succeed = "exit 0"
	// Crash says "no sound server here" on stderr and exits 1.
	Crash = "echo 'no sound server here' >&2; exit 1"
	// Hang opens a FIFO named for its pid (before logging), keeps it open
	// and sleeps 30 s: HeldUntilGone sees EOF the moment the player dies.
	Hang = `exec sleep 30 # held`
)

// WaitLimit bounds every wait for a player's event; nothing should come
// near it (reaching it is a failure, not a timing assertion).
const WaitLimit = 10 * time.Second

// Fakes are the fake players of one test.
type Fakes struct {
	// Dir holds the scripts and is the whole PATH (give it to a child
	// process as PATH=Dir to have it use them).
	Dir    string
	t      testing.TB
	events chan Event
}

// Event is one logged player start.
type Event struct {
	At   time.Time // when the script's first line ran ($EPOCHREALTIME)
	Name string    // the player's name
	Pid  int
	Args []string
	Size int    // bytes in the file named by the last argument, if any
	Sum  string // its POSIX cksum, "-" if none
}

// Last is the last argument: the file a tone player plays, the words a
// voice says.
func (e Event) Last() string { return e.Args[len(e.Args)-1] }

// Install writes the named players (name -> behaviour: Succeed, Crash,
// Hang or any bash) into a fresh folder and makes that folder the whole
// PATH for the rest of the test (t.Setenv: not for parallel tests).
func Install(t testing.TB, players map[string]string) *Fakes {
	t.Helper()
	f := Write(t, players)
	t.Setenv("PATH", f.Dir)
	return f
}

// Write is Install without touching this process's PATH: for a test that
// runs a child process with Env() (parallel tests may).
func Write(t testing.TB, players map[string]string) *Fakes {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("the fake players are bash scripts, and bash is not on PATH")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "events")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, behaviour := range players {
		script := fmt.Sprintf(`#!%s
now=$EPOCHREALTIME
PATH=/usr/bin:/bin
dir=%q
last=
for a in "$@"; do last=$a; done
size=- sum=-
if [ -f "$last" ]; then read -r sum size < <(cksum <"$last"); fi
printf -v args '%%s\x1f' "$@"
line="$now ${0##*/} $$ $size $sum $args"
case %q in *held*) mkfifo "$dir/held-$$"; exec 3<>"$dir/held-$$";; esac
printf '%%s\n' "$line" >>"$dir/log"
printf '%%s\n' "$line" >"$dir/events"
%s
`, bash, dir, behaviour, behaviour)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	// O_RDWR: opening never blocks, and the scripts' writes never block.
	r, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f := &Fakes{t: t, Dir: dir, events: make(chan Event, 100)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			f.events <- parseEvent(t, sc.Text())
		}
	}()
	t.Cleanup(func() { r.Close() })
	return f
}

func parseEvent(t testing.TB, line string) Event {
	fields := strings.SplitN(line, " ", 6)
	if len(fields) < 6 {
		t.Errorf("bad log line %q", line)
		return Event{}
	}
	secs, frac, _ := strings.Cut(fields[0], ".")
	sec, _ := strconv.ParseInt(secs, 10, 64)
	micro, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	pid, _ := strconv.Atoi(fields[2])
	size, _ := strconv.Atoi(strings.TrimSpace(fields[3]))
	args := strings.Split(strings.TrimSuffix(fields[5], "\x1f"), "\x1f")
	return Event{
		At:   time.Unix(sec, micro*1000),
		Name: fields[1], Pid: pid, Size: size, Sum: fields[4], Args: args,
	}
}

// Env is the environment entry that makes a child process use the fakes.
func (f *Fakes) Env() string { return "PATH=" + f.Dir }

// Next waits for the next player start.
func (f *Fakes) Next() Event {
	f.t.Helper()
	select {
	case e := <-f.events:
		return e
	case <-time.After(WaitLimit):
		f.t.Fatalf("no player started within %v", WaitLimit)
		return Event{}
	}
}

// Starts counts every player start logged so far (final once the Player
// is closed).
func (f *Fakes) Starts() int {
	b, err := os.ReadFile(filepath.Join(f.Dir, "log"))
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		f.t.Fatal(err)
	}
	return strings.Count(string(b), "\n")
}

// HeldUntilGone returns a channel closed when the Hang player pid dies.
// Call it while the player lives: it opens the player's FIFO at once.
func (f *Fakes) HeldUntilGone(pid int) <-chan struct{} {
	f.t.Helper()
	r, err := os.Open(filepath.Join(f.Dir, "held-"+strconv.Itoa(pid)))
	if err != nil {
		f.t.Fatal(err)
	}
	gone := make(chan struct{})
	go func() {
		defer close(gone)
		defer r.Close()
		var b [1]byte
		for {
			if _, err := r.Read(b[:]); err != nil {
				return
			}
		}
	}()
	return gone
}
