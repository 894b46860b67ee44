// Command bare is a bare Bubble Tea program that draws one static line at
// a chosen frame rate: the framework's own floor, for the CPU measurement.
package main

import (
	"flag"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{}

func (model) Init() tea.Cmd { return nil }
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "q" {
		return m, tea.Quit
	}
	return m, nil
}
func (model) View() tea.View {
	v := tea.NewView("a bare Bubble Tea program: one static line")
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 10, "frames a second")
	flag.Parse()
	if _, err := tea.NewProgram(model{}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
