package main

import (
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// keyboard is where the screen reads keys: stdin when it is a terminal,
// else the controlling terminal, else nothing (pacing needs no keys).
func keyboard(stdin io.Reader) io.Reader {
	if isTerminal(stdin) {
		return stdin
	}
	if tty, _, err := tea.OpenTTY(); err == nil {
		return tty // closed when the process ends
	}
	return nil
}

// isTerminal reports whether s is a terminal (not merely a character
// device: /dev/null is one too).
func isTerminal(s any) bool {
	f, ok := s.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
