//go:build unix

package tui

import (
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// watchResize makes sure no change of the window's size is missed. Bubble
// Tea starts listening for SIGWINCH only after it has drawn the first
// frame, from a goroutine of its own; a window resized in that gap (a
// tiling window manager placing a new terminal, a person dragging its
// corner at launch) sends a signal nobody hears, and the screen keeps the
// old size, "window too small" say, until the next resize. So the signal
// is heard from before the program starts, and each one asks Bubble Tea
// to read the size again (tea.RequestWindowSize). Once Bubble Tea listens
// too, a resize is read twice: the second read finds the same size.
// stop ends the watch.
func watchResize(send func(tea.Msg)) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGWINCH)
	done := make(chan struct{})
	go forwardResizes(sig, send, done)
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
