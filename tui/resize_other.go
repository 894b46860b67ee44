//go:build !unix

package tui

import tea "charm.land/bubbletea/v2"

// watchResize does nothing where there is no SIGWINCH: Bubble Tea learns
// of a new size there in its own way.
func watchResize(func(tea.Msg)) (stop func()) { return func() {} }
