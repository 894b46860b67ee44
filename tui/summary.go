package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// summaryView is the end of a session: what was done and what was skipped,
// or, when it hurt, the stop rule and the signs that mean a doctor.
func (m *Session) summaryView() string {
	s := m.ctx.Styles
	w, h := m.w, m.h
	textW := min(w-4, 64)
	var bs []part
	switch {
	case m.empty:
		bs = append(bs, part{s.Title.Render("Nothing left for today"), 0},
			part{wrapText(s.Text, textW, "Rest is good too. Gentle walks help."), 1})
	case m.run.Outcome == routines.Pain:
		// The signs that need help now, in brief; ! shows them whole and
		// when to see a doctor soon.
		flags := []string{s.Warn.Bold(true).Render(words.GetHelpNowTitle), wrapText(s.Text, textW, words.GetHelpNowBrief()),
			s.Subtle.Render(words.SafetyMore)}
		bs = append(bs, part{s.Warn.Bold(true).Render("Stopped. That was the right call."), 0},
			part{strings.Join(flags, "\n"), 1},
			part{wrapText(s.Text, textW, routines.StopRule), 3})
		bs = append(bs, part{s.Subtle.Render(m.run.Headline()), 2})
		if m.offersBreathing() {
			bs = append(bs, part{s.Accent.Bold(true).Render("Slow breathing helps now: press Enter to breathe."), 0})
		}
	default:
		bs = append(bs, part{s.Title.Render(m.heading()), 0})
		bs = append(bs, part{wrapText(s.Text, textW, m.run.Headline()), 1})
		bs = append(bs, part{m.tallyTable(textW), 2})
	}
	if note := m.notSaved(); note != "" {
		bs = append(bs, part{wrapText(s.Warn, textW, note), 1})
	}
	switch {
	case m.asksAfter():
		bs = append(bs, part{m.after.View(m.ctx, w), 1})
	case m.after.Done():
		if v, ok := m.after.Result(); ok {
			bs = append(bs, part{s.Subtle.Render(fmt.Sprintf("Noted: %d out of 10.", v)), 2})
		}
	}
	return stackParts(w, h, bs)
}

// openingSafety records that the safety page is opened at instant at
// from the summary of a stop for pain (the App tells the top screen when
// ! opens it over it; the journal keeps the first opening). Opened from
// anywhere else, it records nothing.
func (m *Session) openingSafety(at time.Time) {
	if m.offersBreathing() && m.log != nil {
		m.log.SafetyOpened(at)
	}
}

// heading is the summary's first word: praise only for reps held.
func (m *Session) heading() string {
	done, planned := m.run.Reps()
	switch {
	case done == 0:
		return "Nothing held this time."
	case m.run.Outcome == routines.Stopped:
		return "Session ended."
	case done == planned:
		return "Well done."
	}
	return "Good work."
}

// tallyTable lists reps per routine and side: "Knee to chest  left  10 of 10 done".
func (m *Session) tallyTable(width int) string {
	s := m.ctx.Styles
	var rows []string
	nameW := 0
	for _, e := range m.run.Exercises {
		nameW = max(nameW, len(m.run.Titles[e.Routine]))
	}
	nameW = min(nameW, max(width-16, 8))
	for _, e := range m.run.Exercises {
		title := m.run.Titles[e.Routine]
		if len(title) > nameW {
			title = title[:nameW-1] + "…"
		}
		rows = append(rows, fmt.Sprintf("%-*s  %-5s %2d of %d done", nameW, title, e.Side, e.RepsDone, e.RepsPlanned))
	}
	return s.Text.Render(strings.Join(rows, "\n"))
}
