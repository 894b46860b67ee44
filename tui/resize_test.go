package tui

import (
	"os"
	"syscall"
	"testing"
	"testing/synctest"

	tea "charm.land/bubbletea/v2"
)

// Each resize signal asks the program to read the window's size again, one
// request a signal, and none once the watch has ended.
func TestEachResizeSignalAsksForTheSizeAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sig := make(chan os.Signal)
		done := make(chan struct{})
		var got []tea.Msg
		ended := false
		go func() {
			forwardResizes(sig, func(m tea.Msg) { got = append(got, m) }, done)
			ended = true
		}()
		sig <- syscall.SIGWINCH
		sig <- syscall.SIGWINCH
		synctest.Wait()
		if len(got) != 2 {
			t.Fatalf("two resizes sent %d requests, want 2", len(got))
		}
		for _, m := range got {
			if m != tea.RequestWindowSize() {
				t.Errorf("a resize sent %T %#v, want tea.RequestWindowSize()", m, m)
			}
		}
		close(done)
		synctest.Wait()
		if !ended {
			t.Error("the watch went on after it was stopped")
		}
	})
}
