package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key unknot answers to, in one place: each screen
// matches keys with key.Matches against these bindings, never by their
// names, and its help line and the ? page show the same bindings (see
// Screen.Keys). keys_test checks that every key a help shows does
// something, and that a key no help shows does nothing.
type KeyMap struct {
	// The App's own: ctrl+c ends the visit (never shown: the terminal's
	// own), ? shows every key of the screen.
	ForceQuit key.Binding
	Help      key.Binding
	FewerKeys key.Binding // ? again, with every key shown

	// Navigation: q and Esc close a screen, ! opens the safety page, and
	// on home one letter opens each page (see pages).
	Close    key.Binding // q or Esc: back
	Done     key.Binding // Enter as well as q or Esc: back (a page to read)
	Quit     key.Binding // q on home: quit (Esc does nothing there)
	Safety   key.Binding
	Breathe  key.Binding // home's letters ...
	Session  key.Binding
	Pick     key.Binding
	History  key.Binding
	Care     key.Binding
	AnyKey   key.Binding // a closing screen: any key closes (shown, matched as any)
	AnyOther key.Binding // the same, beside a key that does something else
	Continue key.Binding // a note over a screen: any key goes back

	// Lists and menus.
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding // Enter (or space) on the line under the cursor
	Start  key.Binding // Enter (or space): start what is chosen
	Toggle key.Binding // space: mark a line
	Marked key.Binding // Enter: start the marked lines (space marks)

	// Pacing.
	Pause       key.Binding
	Resume      key.Binding // space again, while paused
	Stop        key.Binding // q or Esc: stop, saving what was done
	Next        key.Binding
	Back        key.Binding
	SkipRoutine key.Binding // the rest of the routine
	Figure      key.Binding // show or hide the picture of the stretch
	Hurts       key.Binding
	Sound       key.Binding
	Slower      key.Binding
	Faster      key.Binding
	Suspend     key.Binding // ctrl+z (never shown: the terminal's own)

	// After a run, and the check-in.
	KeepPace   key.Binding // keep the pace for next time
	BreatheNow key.Binding // breathing, after "it hurts"
	StepUp     key.Binding // accept one step more
	StepDown   key.Binding // accept one step back
	UndoUp     key.Binding // - once one step more is taken: take it back
	UndoDown   key.Binding // + once one step back is taken: take it back
	Score      key.Binding // the check-in's keys, as the help shows them: Digit, Less and More
	Digit      key.Binding
	Less       key.Binding
	More       key.Binding
	OK         key.Binding
	Skip       key.Binding
	Unasked    key.Binding // q: close without answering

	// The history review.
	Scroll     key.Binding // as the help shows ScrollUp and ScrollDown
	ScrollUp   key.Binding
	ScrollDown key.Binding
	Page       key.Binding // as the help shows PageUp and PageDown
	PageUp     key.Binding
	PageDown   key.Binding
	Top        key.Binding
	Bottom     key.Binding

	// Ice and heat.
	Ice       key.Binding
	Heat      key.Binding
	Sources   key.Binding
	NewSpasm  key.Binding
	On        key.Binding // the pack is on: start the countdown
	Onset     key.Binding // the onset question's answers, as the help shows them
	Today     key.Binding
	Yesterday key.Binding
	Earlier   key.Binding
	NoAnswer  key.Binding
}

// SafetyKey opens the stop rule and the red flags from any screen that is
// not busy.
const SafetyKey = "!"

func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// Keys is the key map, as design.md lays it out.
var Keys = KeyMap{
	ForceQuit: bind("ctrl+c", "quit", "ctrl+c"),
	Help:      bind("?", "keys", "?"),
	FewerKeys: bind("?", "fewer keys", "?"),

	Close:    bind("q", "back", "q", "esc"),
	Done:     bind("q", "back", "q", "esc", "enter"),
	Quit:     bind("q", "quit", "q"),
	Safety:   bind(SafetyKey, "safety", SafetyKey),
	Breathe:  bind("b", "breathe", "b"),
	Session:  bind("s", "session", "s"),
	Pick:     bind("p", "pick", "p"),
	History:  bind("h", "history", "h"),
	Care:     bind("c", "ice/heat", "c"),
	AnyKey:   bind("any key", "close", "enter"),
	AnyOther: bind("any other key", "close", "enter"),
	Continue: bind("any key", "back", "enter"),

	Up:     bind("↑/k", "up", "up", "k"),
	Down:   bind("↓/j", "down", "down", "j"),
	Choose: bind("enter", "go", "enter", "space"),
	Start:  bind("enter", "start", "enter", "space"),
	Toggle: bind("space", "pick", "space"),
	Marked: bind("enter", "start", "enter"),

	Pause:       bind("space", "pause", "space"),
	Resume:      bind("space", "resume", "space"),
	Stop:        bind("q", "stop", "q", "esc"),
	Next:        bind("→/n", "next", "right", "n"),
	Back:        bind("←/b", "back", "left", "b"),
	SkipRoutine: bind("N", "skip routine", "N"),
	Figure:      bind("v", "picture", "v"),
	Hurts:       bind("x", "it hurts", "x"),
	Sound:       bind("s", "sound", "s"),
	Slower:      bind("↑", "slower", "up"),
	Faster:      bind("↓", "faster", "down"),
	Suspend:     bind("ctrl+z", "suspend", "ctrl+z"),

	KeepPace:   bind("k", "keep this pace", "k"),
	BreatheNow: bind("enter", "breathe now", "enter"),
	StepUp:     bind("+", "one step more", "+", "="),
	StepDown:   bind("-", "one step back", "-"),
	UndoUp:     bind("-", "not today", "-"),
	UndoDown:   bind("+", "not today", "+", "="),
	Score:      bind("0-10 ←/→", "score", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "left", "h", "down", "right", "l", "up"),
	Digit:      bind("0-9", "score", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
	Less:       bind("←", "less", "left", "h", "down"),
	More:       bind("→", "more", "right", "l", "up"),
	OK:         bind("enter", "ok", "enter"),
	Skip:       bind("esc", "skip", "esc"), // not s: s is sound, pressed as pacing ends
	Unasked:    bind("q", "close", "q"),

	Scroll:     bind("↑/↓", "scroll", "up", "down"),
	ScrollUp:   bind("↑", "up", "up"),
	ScrollDown: bind("↓", "down", "down"),
	Page:       bind("pgup/pgdn", "page", "pgup", "pgdown"),
	PageUp:     bind("pgup", "page up", "pgup"),
	PageDown:   bind("pgdn", "page down", "pgdown"),
	Top:        bind("g", "top", "g", "home"),
	Bottom:     bind("G", "end", "G", "end"),

	Ice:       bind("i", "ice", "i"),
	Heat:      bind("h", "heat", "h"),
	Sources:   bind("w", "who says what", "w"),
	NewSpasm:  bind("n", "a new spasm", "n"),
	On:        bind("enter", "it's on", "enter", "n", "right"),
	Onset:     bind("t/y/2", "answer", "t", "0", "y", "1", "2", "e"),
	Today:     bind("t", "today", "t", "0"),
	Yesterday: bind("y", "yesterday", "y", "1"),
	Earlier:   bind("e", "earlier", "e", "2"),
	NoAnswer:  bind("q", "skip", "q", "esc"),
}

// PauseOrResume is what space does now: the help says "resume" while
// paused.
func PauseOrResume(paused bool) key.Binding {
	if paused {
		return Keys.Resume
	}
	return Keys.Pause
}

// keyMap is a help.KeyMap made of bindings: the short help is the first
// row, the full help every row.
type keyMap [][]key.Binding

func (k keyMap) ShortHelp() []key.Binding  { return k[0] }
func (k keyMap) FullHelp() [][]key.Binding { return k }

// keyHelp is a help.KeyMap whose short help is a few of the full help's
// keys, in shorter words where a narrow window needs them.
type keyHelp struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyHelp) ShortHelp() []key.Binding  { return k.short }
func (k keyHelp) FullHelp() [][]key.Binding { return k.full }

// keyName is a key by its name ("q", "esc"), for key.Matches: navigation
// is a pure function of the key's name (see Navigate).
type keyName string

func (k keyName) String() string { return string(k) }
