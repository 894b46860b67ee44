package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
)

type model struct {
	every time.Duration // 0: static
	n     int
}

type tickMsg struct{}

func (m model) tick() tea.Cmd {
	if m.every <= 0 {
		return nil
	}
	return tea.Tick(m.every, func(time.Time) tea.Msg { return tickMsg{} })
}

func (m model) Init() tea.Cmd { return m.tick() }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	case tickMsg:
		m.n++
		return m, m.tick()
	}
	return m, nil
}

func (m model) View() tea.View {
	text := "a bare Bubble Tea program: one static line"
	if m.every > 0 {
		text = fmt.Sprintf("a bare Bubble Tea program: a countdown  %d", 9-m.n%10)
	}
	v := tea.NewView(text)
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 10, "frames a second")
	every := flag.Duration("every", 0, "change the line this often (0: never)")
	flag.Parse()
	if _, err := tea.NewProgram(model{every: *every}, tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
