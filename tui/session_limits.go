package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The choices of the daily-limit prompt, the gentler one first.
var limitChoices = []string{"Leave it out today", "Go on anyway"}

// gotToday checks the plan against today's counts: the routines already at
// their daily limit are asked about before anything starts. A history that
// cannot be read asks nothing: the session goes on.
func (m *Session) gotToday(now time.Time, msg todayMsg) tea.Cmd {
	if m.stage != stageLoading {
		return nil
	}
	if msg.err == nil {
		for _, r := range m.cfg.Routines {
			if r.DailyLimit > 0 && msg.counts.Sessions[r.Name] >= r.DailyLimit {
				m.atLimit = append(m.atLimit, limitRow{Name: r.Name, Title: r.Title,
					Done: msg.counts.Sessions[r.Name], Limit: r.DailyLimit})
			}
		}
	}
	if len(m.atLimit) == 0 {
		return m.start(now, nil)
	}
	m.stage = stageLimits
	return nil
}

// limitKey answers the daily-limit prompt.
func (m *Session) limitKey(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, Keys.Up):
		m.choice = max(m.choice-1, 0)
	case key.Matches(k, Keys.Down):
		m.choice = min(m.choice+1, len(limitChoices)-1)
	case key.Matches(k, Keys.Choose):
		var leave map[string]bool
		if m.choice == 0 {
			leave = map[string]bool{}
			for _, r := range m.atLimit {
				leave[r.Name] = true
			}
		}
		return m.start(now, leave)
	}
	return nil
}

// limitsView is the daily-limit prompt.
func (m *Session) limitsView() string {
	s := m.ctx.Styles
	w := m.w
	textW := min(w-4, 60)
	bs := []part{{s.Title.Render("Already done today"), 0}}
	for i, r := range m.atLimit {
		line := fmt.Sprintf("%s: %d today, the most for a day is %d.", r.Title, r.Done, r.Limit)
		bs = append(bs, part{wrapText(s.Warn, textW, line), 1 + i})
	}
	bs = append(bs, part{wrapText(s.Text, textW, "More than that can tire the back. Rest is part of healing too."), 10})
	choices := ""
	for i, c := range limitChoices {
		if len(m.atLimit) > 1 {
			c = map[int]string{0: "Leave them out today", 1: "Go on anyway"}[i]
		}
		if i == m.choice {
			choices += s.Accent.Bold(true).Render("> "+c) + "\n"
		} else {
			choices += s.Text.Render("  "+c) + "\n"
		}
	}
	bs = append(bs, part{choices[:len(choices)-1], 0})
	return stackParts(w, m.h, bs)
}
