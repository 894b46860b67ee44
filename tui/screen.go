package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// Screen is one screen of the app: home, session, breathe, review, pick,
// safety. The App owns the window and the stack of screens; a screen draws
// its body in the size it is given and tells the App what it wants by
// messages (open a screen, close me, a run is done). It never quits the
// program itself.
type Screen interface {
	// Page says which screen this is, for navigation.
	Page() Page
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View draws the body, in the size SetSize gave: the App adds the
	// help line under it.
	View() string
	SetSize(width, height int)
	// Keys are the keys the help line shows now, bindings of Keys
	// (keys.go) and every key the screen answers to in its present state;
	// the App adds ? when the full help holds more than the short one.
	// keys_test holds every screen to it.
	Keys() help.KeyMap
	// Busy reports whether every key belongs to the screen (a run under
	// way, a question asked): the App's navigation keys (q and Esc back,
	// the home screen's letters) wait until it is not.
	Busy() bool
}

// runner is a screen with a run under way that the App may have to end
// at once: ctrl+c (the person quits everything: Stopped) or a signal
// (Interrupted). end records how it ended and reports the run, if the
// screen had one that was not over yet.
type runner interface {
	end(at time.Time, why routines.Outcome) (words.Run, bool)
}

// focuser is a screen that wants to know it is on top again (home reads
// today's counts again when a run closes).
type focuser interface {
	focus() tea.Cmd
}

// openMsg asks the App to put a screen on top; replace takes the place of
// the screen that asked (pick routines becomes the session it starts).
type openMsg struct {
	screen  Screen
	replace bool
}

// closeMsg asks the App to close the top screen.
type closeMsg struct{}

// navMsg asks the App to navigate as if key had been pressed (the home
// menu's Enter is its item's letter).
type navMsg struct{ key string }

// doneMsg tells the App a run ended, for the closing summary.
type doneMsg struct{ run words.Run }

func open(s Screen) tea.Cmd { return func() tea.Msg { return openMsg{screen: s} } }
func replaceWith(s Screen) tea.Cmd {
	return func() tea.Msg { return openMsg{screen: s, replace: true} }
}
func closeScreen() tea.Msg        { return closeMsg{} }
func navigate(key string) tea.Cmd { return func() tea.Msg { return navMsg{key} } }
func runDone(r words.Run) tea.Cmd { return func() tea.Msg { return doneMsg{r} } }

// painNotedMsg tells the App the check-in after run r (as runDone sent
// it) was answered v, for its closing summary.
type painNotedMsg struct {
	run   words.Run
	v     int
	close bool // then close the screen (q after a typed score): one message, in order
}

func painNoted(r words.Run, v int) tea.Cmd {
	return func() tea.Msg { return painNotedMsg{run: r, v: v} }
}

// painNotedThenClose is painNoted, then the screen closes.
func painNotedThenClose(r words.Run, v int) tea.Cmd {
	return func() tea.Msg { return painNotedMsg{run: r, v: v, close: true} }
}
