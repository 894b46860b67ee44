package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// TodayCounts is what the history knows about today, for the home screen
// and the daily-limit check.
type TodayCounts struct {
	Sessions map[string]int // routine name -> sessions today that included it
	Breathe  int            // breathing runs today
	Streak   int            // days in a row with a session, today included
	// Care is the plan for ice and heat in a few words ("ice 2 today,
	// next from 14:30"), or "" when neither is in use.
	Care string
}

// TodayProvider reads TodayCounts from the history. It is called from a
// tea.Cmd, never from Update or View. A nil TodayProvider means there is no
// history: no counts, no streak, no limit prompt.
type TodayProvider interface {
	Today(now time.Time) (TodayCounts, error)
}

// todayMsg carries what a TodayProvider said, to the screen that asked.
type todayMsg struct {
	to     Screen
	counts TodayCounts
	err    error
}

// loadToday asks p for today's counts on behalf of screen to; nil when
// there is no provider.
func loadToday(to Screen, p TodayProvider, now time.Time) tea.Cmd {
	if p == nil {
		return nil
	}
	return func() tea.Msg {
		c, err := p.Today(now)
		return todayMsg{to: to, counts: c, err: err}
	}
}
