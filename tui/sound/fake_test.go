package sound

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The fake players are bash scripts put alone on PATH. Each logs one line
// per start -- when it started (bash's $EPOCHREALTIME, no fork), its name,
// its pid, its arguments, and the size and checksum of the file it was
// given -- to a log file and to a FIFO the test reads, then behaves:
const (
	succeed = "exit 0"
	crash   = "echo 'no sound server here' >&2; exit 1"
	// hang opens a FIFO named for its pid (before logging), keeps it open and sleeps: a test that
	// opens the FIFO for reading sees EOF the moment the player dies.
	hang = `exec sleep 30 # held`
)

// waitLimit bounds every wait for a player's event; nothing here should
// come near it (a failure, not a timing assertion).
const waitLimit = 10 * time.Second

type fakes struct {
	t      *testing.T
	dir    string
	events chan event
}

// event is one logged player start.
type event struct {
	at   time.Time
	name string
	pid  int
	args []string
	size int
	sum  string
}

func (e event) last() string { return e.args[len(e.args)-1] }

// fakePlayers writes the named players (name -> behaviour) into a fresh
// folder and makes that folder the whole PATH.
func fakePlayers(t *testing.T, players map[string]string) *fakes {
	t.Helper()
	bash, err := lookPath("bash")
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
if [ -f "$last" ]; then size=$(wc -c <"$last"); sum=$(cksum <"$last" | cut -d' ' -f1); fi
line="$now ${0##*/} $$ $size $sum $(printf '%%s\x1f' "$@")"
case %q in *held*) mkfifo "$dir/held-$$"; exec 3<>"$dir/held-$$";; esac
printf '%%s\n' "$line" >>"$dir/log"
printf '%%s\n' "$line" >"$dir/events"
%s
`, bash, dir, behaviour, behaviour)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	// O_RDWR: opening never blocks, and the scripts' writes never block.
	r, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakes{t: t, dir: dir, events: make(chan event, 100)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			f.events <- parseEvent(t, sc.Text())
		}
	}()
	t.Cleanup(func() { r.Close() })
	return f
}

func parseEvent(t *testing.T, line string) event {
	fields := strings.SplitN(line, " ", 6)
	if len(fields) < 6 {
		t.Errorf("bad log line %q", line)
		return event{}
	}
	secs, frac, _ := strings.Cut(fields[0], ".")
	sec, _ := strconv.ParseInt(secs, 10, 64)
	micro, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	pid, _ := strconv.Atoi(fields[2])
	size, _ := strconv.Atoi(strings.TrimSpace(fields[3]))
	args := strings.Split(strings.TrimSuffix(fields[5], "\x1f"), "\x1f")
	return event{
		at:   time.Unix(sec, micro*1000),
		name: fields[1], pid: pid, size: size, sum: fields[4], args: args,
	}
}

// next waits for the next player start.
func (f *fakes) next() event {
	f.t.Helper()
	select {
	case e := <-f.events:
		return e
	case <-time.After(waitLimit):
		f.t.Fatalf("no player started within %v", waitLimit)
		return event{}
	}
}

// starts counts every player start logged so far; after Close it is final.
func (f *fakes) starts() int {
	b, err := os.ReadFile(filepath.Join(f.dir, "log"))
	if os.IsNotExist(err) {
		return 0
	}
	if err != nil {
		f.t.Fatal(err)
	}
	return strings.Count(string(b), "\n")
}

// heldUntilGone returns a channel closed when the hanging player pid dies.
// Call it while the player lives: it opens the player's FIFO at once.
func (f *fakes) heldUntilGone(pid int) <-chan struct{} {
	f.t.Helper()
	r, err := os.Open(filepath.Join(f.dir, "held-"+strconv.Itoa(pid)))
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

// listener counts bells and collects notices.
type listener struct {
	bells   chan struct{}
	notices chan string
}

func newListener() *listener {
	return &listener{bells: make(chan struct{}, 100), notices: make(chan string, 100)}
}

func (l *listener) options(m Mode) Options {
	return Options{
		Mode: m, Volume: DefaultVolume,
		Bell:     func() { l.bells <- struct{}{} },
		OnNotice: func(s string) { l.notices <- s },
	}
}

func (l *listener) bell(t *testing.T) {
	t.Helper()
	select {
	case <-l.bells:
	case <-time.After(waitLimit):
		t.Fatalf("the bell did not ring within %v", waitLimit)
	}
}

func (l *listener) notice(t *testing.T) string {
	t.Helper()
	select {
	case s := <-l.notices:
		return s
	case <-time.After(waitLimit):
		t.Fatalf("no notice within %v", waitLimit)
		return ""
	}
}

func within(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(waitLimit):
		t.Fatalf("%s: not within %v", what, waitLimit)
	}
}

// syncBuffer is a bytes.Buffer the bell may write from another goroutine,
// with a way to wait until it holds what is expected.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
	ch  chan struct{}
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ch != nil {
		select {
		case b.ch <- struct{}{}:
		default:
		}
	}
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *syncBuffer) wait(t *testing.T, want string) {
	t.Helper()
	b.mu.Lock()
	if b.ch == nil {
		b.ch = make(chan struct{}, 1)
	}
	b.mu.Unlock()
	deadline := time.After(waitLimit)
	for b.String() != want {
		select {
		case <-b.ch:
		case <-deadline:
			t.Fatalf("wrote %q, want %q", b.String(), want)
		}
	}
}
