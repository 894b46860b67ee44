package tui

import (
	"fmt"
	"strings"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// summaryView is the end of a session: what was done, or, when it hurt,
// the stop rule and the signs that mean a doctor.
func (m *Session) summaryView() string {
	s := m.ctx.Styles
	w, h := m.ctx.Width, m.ctx.Height
	textW := min(w-4, 64)
	var bs []part
	switch {
	case m.empty:
		bs = append(bs, part{s.Title.Render("Nothing left for today"), 0},
			part{wrapText(s.Text, textW, "Rest is good too. Gentle walks help."), 1})
	case m.Status() == "pain":
		bs = append(bs, part{s.Warn.Bold(true).Render("Stopped. That was the right call."), 0},
			part{wrapText(s.Text, textW, routines.StopRule), 1},
			part{s.Title.Render("See a doctor for"), 3})
		for i, f := range routines.RedFlags {
			bs = append(bs, part{wrapText(s.Text, textW, "- "+f), 4 + i})
		}
		bs = append(bs, part{s.Subtle.Render(m.doneLine()), 2})
	default:
		head := "Well done."
		if m.Status() == "stopped" {
			head = "Session ended."
		}
		bs = append(bs, part{s.Title.Render(head), 0})
		bs = append(bs, part{m.tallyTable(textW), 1})
		bs = append(bs, part{s.Subtle.Render("Time: " + Clock(m.Elapsed())), 2})
	}
	if note := m.notSaved(); note != "" {
		bs = append(bs, part{wrapText(s.Warn, textW, note), 1})
	}
	hint := "q or enter to close"
	switch {
	case m.asksAfter():
		bs = append(bs, part{m.after.View(m.ctx), 1})
		hint = "q to close without answering"
	case m.after.Done():
		if v, ok := m.after.Result(); ok {
			bs = append(bs, part{s.Subtle.Render(fmt.Sprintf("Noted: %d out of 10.", v)), 2})
		}
	}
	if m.quitting {
		hint = "saving…"
	}
	body := stackParts(w, h-1, bs)
	return body + "\n" + centerLine(w, s.Help.Render(hint))
}

// doneLine is one line on how much was done.
func (m *Session) doneLine() string {
	done := 0
	if m.coach != nil {
		for _, t := range m.coach.Tallies() {
			done += t.Done
		}
	}
	return fmt.Sprintf("%d reps done · %s", done, Clock(m.Elapsed()))
}

// tallyTable lists reps per routine and side: "Knee to chest  left 10/10".
func (m *Session) tallyTable(width int) string {
	if m.coach == nil {
		return ""
	}
	s := m.ctx.Styles
	titles := map[string]string{}
	for _, r := range m.coach.Plan().Routines {
		titles[r.Name] = r.Title
	}
	var rows []string
	nameW := 0
	for _, t := range m.coach.Tallies() {
		nameW = max(nameW, len(titles[t.Routine]))
	}
	nameW = min(nameW, max(width-16, 8))
	for _, t := range m.coach.Tallies() {
		side := string(t.Side)
		if t.Side == routines.NoSide {
			side = "reps"
		}
		title := titles[t.Routine]
		if len(title) > nameW {
			title = title[:nameW-1] + "…"
		}
		rows = append(rows, fmt.Sprintf("%-*s  %-5s %2d/%d", nameW, title, side, t.Done, t.Planned))
	}
	return s.Text.Render(strings.Join(rows, "\n"))
}

// Summary is the session's result in plain lines, for the terminal after
// the screen closes and for --plain.
func Summary(status string, tallies []coach.Tally, titles map[string]string, took string) string {
	var b strings.Builder
	switch status {
	case "pain":
		b.WriteString("Stopped because it hurt.\n")
	case "stopped":
		b.WriteString("Session ended early.\n")
	default:
		b.WriteString("Session complete.\n")
	}
	for _, t := range tallies {
		side := string(t.Side)
		if side == "" {
			side = "reps"
		}
		title := titles[t.Routine]
		if title == "" {
			title = t.Routine
		}
		fmt.Fprintf(&b, "  %s, %s: %d of %d\n", title, side, t.Done, t.Planned)
	}
	fmt.Fprintf(&b, "Time: %s\n", took)
	return b.String()
}
