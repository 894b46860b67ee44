package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key unknot answers to, in one place. Each screen shows
// the ones it uses in its help.
type KeyMap struct {
	Pause  key.Binding
	Next   key.Binding
	Back   key.Binding
	Hurts  key.Binding
	Quit   key.Binding
	Help   key.Binding
	Slower key.Binding
	Faster key.Binding
	Up     key.Binding
	Down   key.Binding
	Select key.Binding
	Skip   key.Binding
}

// Keys is the key map, as design.md lays it out.
var Keys = KeyMap{
	Pause:  key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause/resume")),
	Next:   key.NewBinding(key.WithKeys("right", "n"), key.WithHelp("→/n", "next")),
	Back:   key.NewBinding(key.WithKeys("left", "b"), key.WithHelp("←/b", "back")),
	Hurts:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop, it hurts")),
	Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
	Slower: key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "slower")),
	Faster: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "faster")),
	Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
	Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
	Select: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
	Skip:   key.NewBinding(key.WithKeys("s", "esc"), key.WithHelp("s/esc", "skip")),
}
