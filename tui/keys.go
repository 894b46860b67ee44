package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key unknot answers to, in one place. Each screen shows
// the ones it uses through the help line, from its own key map.
type KeyMap struct {
	Pause  key.Binding
	Next   key.Binding
	Back   key.Binding
	Hurts  key.Binding
	Quit   key.Binding
	Close  key.Binding
	Help   key.Binding
	Safety key.Binding
	Slower key.Binding
	Faster key.Binding
	Up     key.Binding
	Down   key.Binding
	Select key.Binding
	Toggle key.Binding
	Skip   key.Binding
	Score  key.Binding
	Sound  key.Binding

	SkipRoutine key.Binding // the rest of the routine
	KeepPace    key.Binding // keep the pace for next time
	BreatheNow  key.Binding // breathing, after "it hurts"
	StepUp      key.Binding // accept one step more
	StepDown    key.Binding // accept one step back
	Figure      key.Binding // show or hide the picture of the stretch
}

// Keys is the key map, as design.md lays it out.
var Keys = KeyMap{
	Pause:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause")),
	Next:        key.NewBinding(key.WithKeys("right", "n"), key.WithHelp("→/n", "next")),
	Back:        key.NewBinding(key.WithKeys("left", "b"), key.WithHelp("←/b", "back")),
	Hurts:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "it hurts")),
	Quit:        key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit")),
	Close:       key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "back")),
	Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
	Safety:      key.NewBinding(key.WithKeys(SafetyKey), key.WithHelp(SafetyKey, "safety")),
	Slower:      key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "slower")),
	Faster:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "faster")),
	Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
	Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
	Select:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
	Toggle:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pick")),
	Skip:        key.NewBinding(key.WithKeys("s", "esc"), key.WithHelp("s", "skip")),
	Sound:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sound")),
	SkipRoutine: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "skip routine")),
	KeepPace:    key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "keep this pace")),
	BreatheNow:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "breathe now")),
	StepUp:      key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "one step more")),
	StepDown:    key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "one step back")),
	Figure:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "picture")),
	Score:       key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "left", "right"), key.WithHelp("0-10 ←/→", "score")),
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
