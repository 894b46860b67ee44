package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/routines"
)

// levelRow is one routine of the session and its gentle progression: the
// level its last session used, what routines.Progress offers from there,
// and whether the person took the offer.
type levelRow struct {
	Name     string
	Title    string
	Current  int              // the level of its last session (0: as its file gives it)
	Offer    routines.Offer   // Step 0: nothing offered
	Accepted bool             // the offer was taken (+ or -)
	Now      routines.Routine // the routine at Current
}

// level is the level the session uses for this routine.
func (l levelRow) level() int {
	if l.Accepted {
		return l.Offer.Level
	}
	return l.Current
}

// sessionLoaded is what a session reads before it starts: today's counts
// and each routine's level and offer.
type sessionLoaded struct {
	to     *Session
	today  todayMsg
	levels []levelRow
}

// loadSession reads today's counts and the routines' recent sessions.
func loadSession(m *Session, now time.Time) tea.Cmd {
	today, recent, rs := m.today, m.cfg.Recent, m.cfg.Routines
	return func() tea.Msg {
		msg := sessionLoaded{to: m}
		if today != nil {
			msg.today.counts, msg.today.err = today.Today(now)
		}
		if recent != nil {
			msg.levels = levelsOf(rs, recent)
		}
		return msg
	}
}

// levelsOf is each routine's level and offer, once per routine, in plan
// order. A history that can't be read offers nothing and keeps every
// routine as its file gives it: the gentle way to be wrong.
func levelsOf(rs []routines.Routine, recent func(string) ([]routines.PastRun, error)) []levelRow {
	var out []levelRow
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.Name] {
			continue
		}
		seen[r.Name] = true
		runs, err := recent(r.Name)
		if err != nil {
			runs = nil
		}
		current := 0
		if len(runs) > 0 {
			current = runs[0].Level
		}
		o := routines.Progress(r, current, runs)
		out = append(out, levelRow{Name: r.Name, Title: r.Title, Current: o.Level, Offer: o, Now: r.AtLevel(o.Level)})
		if o.Step != 0 {
			out[len(out)-1].Current = o.Level - o.Step
			out[len(out)-1].Now = r.AtLevel(o.Level - o.Step)
		}
	}
	return out
}

// offers are the rows with something offered, among the routines not
// left out.
func (m *Session) offers() []int {
	var out []int
	for i, l := range m.levels {
		if l.Offer.Step != 0 && !m.leave[l.Name] {
			out = append(out, i)
		}
	}
	return out
}

// offer shows what progression offers, if anything, before pacing
// starts; else it begins at once.
func (m *Session) offer(now time.Time, leave map[string]bool) tea.Cmd {
	m.leave = leave
	if len(m.offers()) == 0 {
		return m.begin(now, leave)
	}
	m.stage, m.offerRow = stageOffer, 0
	return nil
}

// offerKey answers the offer screen: + takes one step more, - one step
// back (each only where it is offered, and the other key takes it back),
// ↑/↓ choose among several, Enter or space starts (an offer not taken is
// declined: nothing changes).
func (m *Session) offerKey(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	rows := m.offers()
	l := &m.levels[rows[min(m.offerRow, len(rows)-1)]]
	switch {
	case key.Matches(k, Keys.StepUp):
		l.Accepted = l.Offer.Step > 0
	case key.Matches(k, Keys.StepDown):
		l.Accepted = l.Offer.Step < 0
	case key.Matches(k, Keys.Up):
		m.offerRow = max(m.offerRow-1, 0)
	case key.Matches(k, Keys.Down):
		m.offerRow = min(m.offerRow+1, len(rows)-1)
	case key.Matches(k, Keys.Start):
		return m.begin(now, m.leave)
	case key.Matches(k, Keys.Close):
		return closeScreen
	}
	return nil
}

// atLevel is r at the level this session uses for it.
func (m *Session) atLevel(r routines.Routine) routines.Routine {
	for _, l := range m.levels {
		if l.Name == r.Name {
			return r.AtLevel(l.level())
		}
	}
	return r
}

// levelSetter is a run's record that keeps the level each routine is done
// at (the history's journal entries do).
type levelSetter interface {
	SetLevel(routine string, level int)
}

// recordLevels records the level each routine of the plan is done at.
func (m *Session) recordLevels(rs []routines.Routine) {
	ls, ok := m.log.(levelSetter)
	if !ok {
		return
	}
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.Name] {
			continue
		}
		seen[r.Name] = true
		level := 0
		for _, l := range m.levels {
			if l.Name == r.Name {
				level = l.level()
			}
		}
		ls.SetLevel(r.Name, level)
	}
}

// offerView is the offer screen: each offer, the one chosen marked, and
// what taking it means. Once an offer is taken, the screen no longer asks
// to take it.
func (m *Session) offerView() string {
	s := m.ctx.Styles
	textW := min(m.w-4, 72)
	bs := []part{{s.Title.Render("Before you start"), 0}}
	upOpen, downOpen, open := false, false, 0
	for i, row := range m.offers() {
		l := m.levels[row]
		mark, st := "  ", s.Text
		if i == m.offerRow && len(m.offers()) > 1 {
			mark, st = "> ", s.Accent
		}
		// On one line when it fits; else the title, and the offer
		// wrapped under it, in line with "Today:".
		line := st.Render(mark + l.Title + ": " + l.Offer.Text)
		if lipgloss.Width(line) > textW {
			line = st.Render(mark+l.Title+":") + "\n" + indent(wrapWords(st, textW-2, l.Offer.Text), "  ")
		}
		state := fmt.Sprintf("Today: %s, as last time.", l.Now.Amount())
		if l.Accepted {
			state = fmt.Sprintf("Today: %s. Taken.", l.Offer.Routine.Amount())
		} else {
			upOpen = upOpen || l.Offer.Step > 0
			downOpen = downOpen || l.Offer.Step < 0
			open++
		}
		bs = append(bs, part{line + "\n" + s.Subtle.Render(indent(state, "  ")), 1})
	}
	// One width for every offer, so that they line up under each other.
	wide := 0
	for _, b := range bs[1:] {
		wide = max(wide, lipgloss.Width(b.text))
	}
	for i := 1; i < len(bs); i++ {
		bs[i].text = lipgloss.NewStyle().Width(wide).Render(bs[i].text)
	}
	help := "Enter starts."
	it := "it"
	if open > 1 {
		it = "one"
	}
	switch {
	case upOpen && downOpen:
		help = "Press + to take one step more, - to take one step back. Enter starts; an offer not taken changes nothing."
	case upOpen:
		help = "Press + to take " + it + ". Enter starts; an offer not taken changes nothing."
	case downOpen:
		help = "Press - to take " + it + ". Enter starts; an offer not taken changes nothing."
	}
	bs = append(bs, part{wrapWords(s.Subtle, textW, help), 2})
	return stackParts(m.w, m.h, bs)
}

// indent puts pre before each line of text.
func indent(text, pre string) string {
	return pre + strings.ReplaceAll(text, "\n", "\n"+pre)
}

// offersBreathing reports whether the summary offers breathing at once:
// the session stopped because it hurt.
func (m *Session) offersBreathing() bool {
	return m.stage == stageEnd && !m.empty && m.run.Outcome == routines.Pain
}

// breatheNow opens breathing in place of the session (closing it goes back
// to where the session was opened from: home, or the end of `unknot
// session`). The session's run is already recorded; the breathing is its
// own run, and its closing check-in is its own: how the back feels after
// breathing is not credited to a session stopped because it hurt. The
// pain said at the stop, when it was, is the breathing's pain before.
func (m *Session) breatheNow() tea.Cmd {
	b, err := newBreathe(m.ctx, m.deps.Breathe, m.deps)
	if err != nil {
		return nil
	}
	if m.asksAfter() {
		b.cfg.Checkin = true // the question the summary did not get to ask
	}
	if v, ok := m.after.Result(); ok {
		b.painBefore = &v // just said at the stop: where the breathing starts from
	}
	return replaceWith(b)
}
