package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// sessionHelp is the session's keys for the help bubble.
type sessionHelp struct{}

// The short help's words are shorter than the key map's, to fit 40 cells.
var (
	shortPause = key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause"))
	shortHurts = key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "it hurts"))
)

func (sessionHelp) ShortHelp() []key.Binding {
	return []key.Binding{shortPause, shortHurts, Keys.Help, Keys.Quit}
}

func (sessionHelp) FullHelp() [][]key.Binding {
	return [][]key.Binding{{Keys.Pause, Keys.Next, Keys.Back}, {Keys.Hurts, Keys.Quit, Keys.Help}}
}

// View draws the screen at the clock's present instant.
func (m *Session) View() tea.View {
	v := tea.NewView(m.Render(m.ctx.Opt.now()))
	v.AltScreen = true
	v.WindowTitle = "unknot"
	return v
}

// Render draws the screen as it is at instant now.
func (m *Session) Render(now time.Time) string {
	w, h := m.ctx.Width, m.ctx.Height
	if w < MinWidth || h < MinHeight {
		return tooSmallView(w, h, MinWidth, MinHeight)
	}
	switch m.stage {
	case stageLoading:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, m.ctx.Styles.Subtle.Render("One moment…"))
	case stageLimits:
		return m.limitsView()
	case stageBefore:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center,
			m.ctx.Styles.Subtle.Render("Before you start")+"\n\n"+m.before.View(m.ctx))
	case stageEnd:
		return m.summaryView()
	}
	return m.runView(now)
}

// runView is the running session: a header, the moment's body, the
// progress bar and the keys.
func (m *Session) runView(now time.Time) string {
	s := m.ctx.Styles
	l := m.layout()
	st := m.coach.At(now)
	title := ""
	if st.Routine != nil {
		title = st.Routine.Title
	}
	header := spreadLine(l.width, s.Title.Render(title), s.Subtle.Render(Clock(roundUpSecond(st.Left))+" left"))
	if note := m.notSaved(); note != "" && st.Index == 0 {
		// Said once, while the first routine gets ready; the summary says it again.
		header += "\n" + wrapText(s.Warn, l.width, note)
	}
	pct := fmt.Sprintf(" %3d%%", int(st.Progress*100))
	progress := lipgloss.PlaceHorizontal(l.width, lipgloss.Center,
		progressBar(s, l.barWidth, barCells(st.Offset, st.Total, l.barWidth))+s.Subtle.Render(pct))
	helpLine := lipgloss.PlaceHorizontal(l.width, lipgloss.Center, m.help.View(sessionHelp{}))
	footer := progress + "\n" + helpLine
	bodyH := l.height - 1 - lipgloss.Height(footer)
	body := stackParts(l.width, bodyH, m.moment(st, l))
	return header + "\n" + body + "\n" + footer
}

// moment is the body for the present segment.
func (m *Session) moment(st coach.State, l sessionLayout) []part {
	s := m.ctx.Styles
	seg := st.Segment
	big := part{s.Big.Render(BigDigits(fmt.Sprint(secondsUp(st.SegmentLeft)))), 1}
	textW := min(l.width-4, 60)
	var word string
	var bs []part
	switch seg.Kind {
	case coach.Ready:
		word = "Get ready"
		bs = append(bs, part{s.Text.Render(sideRep(seg, "Start with the ")), 3})
		if st.Routine != nil {
			var steps []string
			for i, step := range st.Routine.Setup {
				steps = append(steps, fmt.Sprintf("%d. %s", i+1, step))
			}
			bs = append(bs, part{wrapText(s.Text, textW, strings.Join(steps, "\n")), 1})
		}
		if l.small { // the steps matter more than large digits here
			big = part{s.Big.Render(fmt.Sprintf("Starting in %d", secondsUp(st.SegmentLeft))), 1}
		}
		bs = append(bs, big)
	case coach.Stretch:
		word = st.Phase.String()
		bs = append(bs, part{s.Accent.Bold(true).Render(sideRep(seg, "")), 0}, big)
		if m.ctx.Opt.ReducedMotion {
			bs = append(bs, part{s.Subtle.Render(phaseHint(st.Phase, st.PhaseLength)), 2})
		} else if st.Breathing {
			bs = append(bs, part{Gauge(s, l.gaugeWidth, st.Phase, st.PhaseProgress), 2})
		}
		if r := st.Routine; r != nil && len(r.Cues) > 0 {
			cue := r.Cues[cueIndex(st.SegmentElapsed, seg.Length, len(r.Cues))]
			bs = append(bs, part{wrapText(s.Text.Align(lipgloss.Center), textW, cue), 3})
		}
	case coach.Rest:
		word = "Rest"
		bs = append(bs, big, part{s.Subtle.Render(sideRep(seg, "Next: ")), 2})
	case coach.Switch:
		word = "Switch sides"
		bs = append(bs, big, part{s.Accent.Bold(true).Render(sideRep(seg, "Now the ")), 0})
	}
	head := part{s.Phase.Render(word), 0}
	if st.Paused {
		head = part{s.Paused.Render("Paused") + s.Subtle.Render(" · space to go on"), 0}
	}
	// The moment's word leads, except in a hold, where side and rep lead.
	if seg.Kind == coach.Stretch {
		return append(bs[:2:2], append([]part{head}, bs[2:]...)...)
	}
	return append([]part{head}, bs...)
}

// sideRep says which side and rep: "Left side · rep 1/10", or with a
// lead-in, "Next: left side · rep 2/10".
func sideRep(seg coach.Segment, lead string) string {
	rep := fmt.Sprintf("rep %d/%d", seg.Rep, seg.Reps)
	side := seg.Side.Label()
	if lead == "Start with the " {
		if side == "" {
			return ""
		}
		return lead + side + "."
	}
	if side == "" {
		if lead == "" {
			return strings.ToUpper(rep[:1]) + rep[1:]
		}
		return lead + rep
	}
	if lead == "" {
		side = strings.ToUpper(side[:1]) + side[1:]
	}
	return lead + side + " · " + rep
}

// phaseHint is the breathing phase in words, for --reduced-motion.
func phaseHint(p routines.Phase, d time.Duration) string {
	secs := secondsUp(d)
	switch p {
	case routines.Inhale:
		return fmt.Sprintf("breathe in slowly, %d s", secs)
	case routines.Exhale:
		return fmt.Sprintf("breathe out slowly, %d s", secs)
	}
	return fmt.Sprintf("rest your breath, %d s", secs)
}

// roundUpSecond rounds d up to a whole second, as the countdowns show it.
func roundUpSecond(d time.Duration) time.Duration {
	return time.Duration(secondsUp(d)) * time.Second
}
