package tui

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/creack/pty"
)

// On a real terminal the window title the app sets is taken back on exit:
// the old title is pushed before anything is drawn and popped after
// Bubble Tea's last word (it clears the title), so the person's own
// title comes back instead of none.
func TestRunRestoresTheTitle(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatal(err)
	}
	app, err := NewApp(NewContext(Options{Theme: "dark"}), Deps{}, PageSafety)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var out bytes.Buffer
	titled, read := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(read)
		buf := make([]byte, 4096)
		once := sync.Once{}
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			if strings.Contains(out.String(), "\x1b]2;unknot") {
				once.Do(func() { close(titled) })
			}
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	keys, typing := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- Run(app, keys, tty) }()
	<-titled // the app drew and named the window: now leave
	_, _ = io.WriteString(typing, "q")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	typing.Close()
	tty.Close() // the reader gets what is left, then an error
	<-read
	mu.Lock()
	s := out.String()
	mu.Unlock()
	push, pop := strings.Index(s, pushTitle), strings.LastIndex(s, popTitle)
	firstTitle, lastTitle := strings.Index(s, "\x1b]2;"), strings.LastIndex(s, "\x1b]2;")
	if push < 0 || push > firstTitle {
		t.Errorf("the title is not pushed before it is first set (push at %d, title at %d)", push, firstTitle)
	}
	if pop < 0 || pop < lastTitle {
		t.Errorf("the title is not popped after it is last set (pop at %d, last title at %d): %q", pop, lastTitle, s[max(lastTitle-20, 0):])
	}
}
