package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
)

// HomeChoice is what the person chose on the home screen, for cmd to run:
// Mode is "session" (Routines: the picked ones, or none for today's plan),
// "breathe" or "history"; "" means quit. The home screen runs nothing
// itself: cmd runs the chosen mode as if its command had been typed.
type HomeChoice struct {
	Mode     string
	Routines []string
}

// homeItem is one line of the home menu.
type homeItem struct{ label, mode string }

var homeItems = []homeItem{
	{"Start today's session", "session"},
	{"Breathe now", "breathe"},
	{"Pick routines", "pick"},
	{"History", "history"},
	{"Safety", "safety"},
	{"Quit", ""},
}

// homePage is which page of the home screen shows.
type homePage int

const (
	homeMenu homePage = iota
	homePick
	homeSafety
)

// Home is the screen of `unknot` with no arguments.
type Home struct {
	ctx      *Context
	routines []routines.Routine // every routine, the default plan's first
	today    TodayProvider
	counts   *TodayCounts // nil until (unless) the history answers

	page   homePage
	cursor int
	pickAt int
	picked map[string]bool

	choice HomeChoice
}

// NewHome makes the home screen over the catalog's routines; today may be
// nil (no history yet: no counts, no streak).
func NewHome(ctx *Context, rs []routines.Routine, today TodayProvider) *Home {
	return &Home{ctx: ctx, routines: rs, today: today, picked: map[string]bool{}}
}

// Choice is what was chosen; valid once the program ended.
func (m *Home) Choice() HomeChoice { return m.choice }

// Init asks for the background colour and today's counts.
func (m *Home) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.ctx.Opt.Theme == "auto" || m.ctx.Opt.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	cmds = append(cmds, loadToday(m.today, m.ctx.Opt.now()))
	return tea.Batch(cmds...)
}

// Update handles one message. The home screen is static: it sets no timer.
func (m *Home) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		m.ctx.SetBackground(msg.IsDark())
	case todayMsg:
		if msg.err == nil {
			c := msg.counts
			m.counts = &c
		}
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Home) key(k tea.KeyPressMsg) tea.Cmd {
	if k.String() == "ctrl+c" {
		return tea.Quit
	}
	switch m.page {
	case homeSafety:
		if key.Matches(k, Keys.Select, Keys.Skip, Keys.Back, Keys.Quit) {
			m.page = homeMenu
		}
	case homePick:
		switch {
		case key.Matches(k, Keys.Up):
			m.pickAt = max(m.pickAt-1, 0)
		case key.Matches(k, Keys.Down):
			m.pickAt = min(m.pickAt+1, len(m.routines)-1)
		case key.Matches(k, Keys.Pause):
			name := m.routines[m.pickAt].Name
			m.picked[name] = !m.picked[name]
		case key.Matches(k, Keys.Select):
			var names []string
			for _, r := range m.routines {
				if m.picked[r.Name] {
					names = append(names, r.Name)
				}
			}
			if len(names) == 0 {
				names = []string{m.routines[m.pickAt].Name}
			}
			m.choice = HomeChoice{Mode: "session", Routines: names}
			return tea.Quit
		case key.Matches(k, Keys.Skip, Keys.Back, Keys.Quit):
			m.page = homeMenu
		}
	case homeMenu:
		switch {
		case key.Matches(k, Keys.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(k, Keys.Down):
			m.cursor = min(m.cursor+1, len(homeItems)-1)
		case key.Matches(k, Keys.Quit):
			return tea.Quit
		case key.Matches(k, Keys.Select), key.Matches(k, Keys.Pause):
			switch mode := homeItems[m.cursor].mode; mode {
			case "pick":
				m.page = homePick
			case "safety":
				m.page = homeSafety
			case "":
				return tea.Quit
			default:
				m.choice = HomeChoice{Mode: mode}
				return tea.Quit
			}
		}
	}
	return nil
}

// View draws the page.
func (m *Home) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.WindowTitle = "unknot"
	return v
}

// Render draws the page as a string.
func (m *Home) Render() string {
	w, h := m.ctx.Width, m.ctx.Height
	if w < MinWidth || h < MinHeight {
		return tooSmallView(w, h, MinWidth, MinHeight)
	}
	s := m.ctx.Styles
	textW := min(w-4, 64)
	var bs []part
	hint := "↑/↓ choose · enter go · q quit"
	switch m.page {
	case homeMenu:
		bs = append(bs, part{s.Title.Render("unknot"), 1})
		bs = append(bs, part{m.menu(), 0})
		bs = append(bs, part{m.todayPanel(), 2})
		bs = append(bs, part{wrapText(s.Subtle, textW, routines.NotAdvice), 3})
	case homePick:
		hint = "↑/↓ move · space pick · enter start · esc back"
		bs = append(bs, part{s.Title.Render("Pick routines"), 1}, part{m.pickList(), 0})
	case homeSafety:
		hint = "enter or esc: back"
		var b strings.Builder
		_ = WriteSafety(&b)
		bs = append(bs, part{wrapText(s.Text, textW, strings.TrimRight(b.String(), "\n")), 0})
	}
	return stackParts(w, h-1, bs) + "\n" + centerLine(w, s.Help.Render(hint))
}

func (m *Home) menu() string {
	s := m.ctx.Styles
	var lines []string
	for i, it := range homeItems {
		if i == m.cursor {
			lines = append(lines, s.Accent.Bold(true).Render("> "+it.label))
		} else {
			lines = append(lines, s.Text.Render("  "+it.label))
		}
	}
	return strings.Join(lines, "\n")
}

func (m *Home) pickList() string {
	s := m.ctx.Styles
	var lines []string
	for i, r := range m.routines {
		box := "[ ]"
		if m.picked[r.Name] {
			box = "[x]"
		}
		line := box + " " + r.Title + m.countNote(r)
		if i == m.pickAt {
			lines = append(lines, s.Accent.Bold(true).Render("> "+line))
		} else {
			lines = append(lines, s.Text.Render("  "+line))
		}
	}
	return strings.Join(lines, "\n")
}

// countNote is "  (1 of 3 today)" for a routine with a daily limit, once
// the history has answered.
func (m *Home) countNote(r routines.Routine) string {
	if m.counts == nil || r.DailyLimit == 0 {
		return ""
	}
	return "  (" + itoa(m.counts.Sessions[r.Name]) + " of " + itoa(r.DailyLimit) + " today)"
}

// todayPanel is today's count against each daily limit and the streak;
// empty until there is a history to ask.
func (m *Home) todayPanel() string {
	if m.counts == nil {
		return ""
	}
	s := m.ctx.Styles
	var lines []string
	for _, r := range m.routines {
		if r.DailyLimit > 0 {
			lines = append(lines, r.Title+": "+itoa(m.counts.Sessions[r.Name])+" of "+itoa(r.DailyLimit)+" today")
		}
	}
	switch n := m.counts.Streak; {
	case n == 1:
		lines = append(lines, "1 day in a row")
	case n > 1:
		lines = append(lines, itoa(n)+" days in a row")
	}
	return s.Subtle.Render(strings.Join(lines, "\n"))
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
