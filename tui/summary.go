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
		return m.painView(textW)
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
	default:
		bs = append(bs, part{m.noted(), 2})
	}
	return stackParts(w, h, bs)
}

// noted is the check-in's answer once given, "" else.
func (m *Session) noted() string {
	if v, ok := m.after.Result(); ok {
		s := m.ctx.Styles.Subtle.Render(words.Noted(v))
		if l := words.StrongPain(v); l != "" {
			s += "\n" + wrapText(m.ctx.Styles.Warn, min(m.w-4, 60), l)
		}
		return s
	}
	return ""
}

// painView is the summary of a stop for pain. What keeps a person safe
// is kept in any window: the signs that need help now, whole when there
// is room, else one line that points to ! for them, and the check-in's
// scale with the score chosen (in three lines if need be); then the offer
// of slow breathing, then what was done and the stop rule.
func (m *Session) painView(textW int) string {
	s := m.ctx.Styles
	w, h := m.w, m.h
	height := func(ps ...string) int {
		n := 0
		for _, p := range ps {
			if p != "" {
				n += strings.Count(p, "\n") + 1
			}
		}
		return n
	}
	heading := wrapText(s.Warn.Bold(true), textW, "Stopped. That was the right call.")
	flags := strings.Join([]string{s.Warn.Bold(true).Render(words.GetHelpNowTitle),
		wrapText(s.Text, textW, words.GetHelpNowBrief()), wrapText(s.Subtle, textW, words.SafetyMore)}, "\n")
	pointer := wrapText(s.Warn.Bold(true), textW, words.SafetyPointer)
	breathe := ""
	if m.offersBreathing() {
		say := "Slow breathing helps now: press Enter to breathe."
		if m.asksAfter() && m.after.Chosen() {
			// with a score chosen, Enter first keeps it: say so
			say = "Slow breathing helps now: Enter keeps your answer, then Enter again breathes."
		}
		breathe = wrapText(s.Accent.Bold(true), textW, say)
	}
	note := ""
	if n := m.notSaved(); n != "" {
		note = wrapText(s.Warn, textW, n)
	}
	// The signs, whole or as the pointer, and the check-in, whole or in
	// three lines: the richest pair that leaves room for the breathing
	// (the last pair, when none does).
	full, compact := m.noted(), m.noted()
	if m.asksAfter() {
		full, compact = m.after.View(m.ctx, w), m.after.Compact(m.ctx, w)
	}
	var help, ask string
	for _, pair := range [][2]string{{flags, full}, {flags, compact}, {pointer, full}, {pointer, compact}} {
		help, ask = pair[0], pair[1]
		if height(heading, help, ask, breathe, note) <= h {
			break
		}
	}
	askPrio := 0
	if !m.asksAfter() {
		askPrio = 2 // "Noted: 6 out of 10."
	}
	return stackParts(w, h, []part{
		{heading, 0},
		{help, 0},
		{wrapText(s.Text, textW, routines.StopRule), 3},
		{wrapText(s.Subtle, textW, m.run.Headline()), 2},
		{breathe, 1},
		{note, 1},
		{ask, askPrio},
	})
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

// tallyTable lists reps per routine and side, or direction, as the text
// printed on exit does: "Knee to chest  left     10 of 10 done",
// "Shoulder rolls  forward  0 of 10 done".
func (m *Session) tallyTable(width int) string {
	s := m.ctx.Styles
	var rows []string
	nameW, sideW := 0, 0
	sides := make([]string, len(m.run.Exercises))
	for i, e := range m.run.Exercises {
		nameW = max(nameW, len(m.run.Titles[e.Routine]))
		sides[i] = e.Side
		if i < len(m.run.Ways) && m.run.Ways[i] != "" {
			sides[i] = strings.TrimSpace(e.Side + " " + m.run.Ways[i])
		}
		sideW = max(sideW, len(sides[i]))
	}
	nameW = min(nameW, max(width-sideW-16, 8))
	for i, e := range m.run.Exercises {
		title := m.run.Titles[e.Routine]
		if len(title) > nameW {
			title = title[:nameW-1] + "…"
		}
		rows = append(rows, strings.TrimRight(fmt.Sprintf("%-*s  %-*s %2d of %d done", nameW, title, sideW, sides[i], e.RepsDone, e.RepsPlanned), " "))
	}
	return s.Text.Render(strings.Join(rows, "\n"))
}
