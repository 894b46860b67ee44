//go:build unix

package sound

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unknot/unknot/tui/sound/soundtest"
)

// waitLimit bounds every wait for a bell or a notice; nothing here should
// come near it (a failure, not a timing assertion).
const waitLimit = soundtest.WaitLimit

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
