package tui

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// forwardResizes asks the program to read the window's size again each
// time a signal comes on sig, until done is closed.
func forwardResizes(sig <-chan os.Signal, send func(tea.Msg), done <-chan struct{}) {
	for {
		select {
		case <-sig:
		case <-done:
			return
		}
		select {
		case <-done:
			return
		default:
			send(tea.RequestWindowSize())
		}
	}
}
