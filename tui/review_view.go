package tui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
	"github.com/unknot/unknot/tui/report"
	"github.com/unknot/unknot/tui/words"
)

// reviewMinWidth is the narrowest window the review lays out for.
const (
	reviewMinWidth  = 40
	reviewMinHeight = 10
	reviewWide      = 110 // from here the totals stand beside the calendar
)

// View is the review screen's body: the header, the visible part of the
// page, and where the page is.
func (m *Review) View() string {
	s := m.ctx.Styles
	w, h := m.w, m.h
	if w < reviewMinWidth || h < reviewMinHeight-1 {
		return tooSmallView(w, h, reviewMinWidth, reviewMinHeight)
	}
	title := s.Title.Render("Looking back")
	date := s.Subtle.Render(m.now.Format("Mon 2 Jan 2006"))
	header := title + strings.Repeat(" ", max(w-lipgloss.Width(title)-lipgloss.Width(date), 1)) + date
	if !m.ready {
		return header + "\n" + s.Subtle.Render("Reading your history…")
	}
	// Where the view is, as a share of the whole page: the sessions not
	// read yet count as the one line each they will take (in place of the
	// "… older" line), so the share never goes back when they come in
	// (a share of what was read so far fell from 98% to 62%).
	where := ""
	total := m.vp.TotalLineCount()
	if m.ov != nil && m.listErr == nil && m.ov.Sessions > len(m.list) {
		total += m.ov.Sessions - len(m.list) - 1
	}
	if total > m.vp.Height() {
		where = fmt.Sprintf("%3.0f%%", 100*min(float64(m.vp.YOffset())/float64(total-m.vp.Height()), 1))
	}
	return header + "\n" + m.vp.View() + "\n" + s.Subtle.Render(where)
}

// page lays out everything the review shows for a window width wide.
func (m *Review) page(width int) string {
	s := m.ctx.Styles
	if m.err != nil {
		return wrapText(s.Warn, width, "Your history could not be read: "+m.err.Error())
	}
	ov := m.ov
	if ov == nil {
		return ""
	}
	if ov.Sessions == 0 {
		first := "Nothing is recorded yet."
		if ov.Empty > 0 {
			first = "No sessions yet with anything done."
		}
		lines := []string{
			"",
			wrapText(s.Text, width, first+" Each session and each breathing exercise will show here, with how your back felt before and after."),
			"",
			s.Subtle.Render("Start with: unknot session, or unknot breathe"),
		}
		if note := words.EmptyHidden(ov.Empty); note != "" {
			lines = append(lines, "", wrapText(s.Subtle, width, note))
		}
		return strings.Join(lines, "\n")
	}
	calendar := m.calendarSection(min(width, 60))
	totals := m.totalsSection()
	var top string
	if width >= reviewWide {
		top = lipgloss.JoinHorizontal(lipgloss.Top, calendar, "    ", totals)
	} else {
		top = calendar + "\n\n" + totals
	}
	parts := []string{"", top, "", m.painSection(width)}
	if in := m.insightsSection(width); in != "" {
		parts = append(parts, "", in)
	}
	if note := m.flagNote(width); note != "" {
		parts = append(parts, "", note)
	}
	parts = append(parts, "", m.sessionsSection(width))
	return strings.Join(parts, "\n")
}

// calendarSection is the streak line and the heat map of the last months.
func (m *Review) calendarSection(width int) string {
	s := m.ctx.Styles
	ov := m.ov
	counts := make(map[string]int, len(ov.Days))
	for _, d := range ov.Days {
		counts[string(d.Day)] = d.Sessions
	}
	streak := fmt.Sprintf("Streak %s · longest %s", days(ov.Streak.Current), days(ov.Streak.Longest))
	legend := "· none  ░ 1  ▒ 2  ▓ 3 or more"
	return strings.Join([]string{
		s.Title.Render("Days with a session"),
		s.Text.Render(streak),
		"",
		HeatMap(s, func(d string) int { return counts[d] }, ov.Today.Time(), width, calendarWeeks(ov)),
		s.Subtle.Render(legend),
	}, "\n")
}

// calendarMaxWeeks is the longest the review's calendar reaches back.
const calendarMaxWeeks = 12

// calendarWeeks is how many weeks the calendar shows: from the week of the
// first day with a session, or the last calendarMaxWeeks, whichever is
// shorter (a new history is not a page of empty months).
func calendarWeeks(ov *record.Overview) int {
	if len(ov.Days) == 0 {
		return 1
	}
	first := ov.Days[0].Day
	for _, d := range ov.Days {
		first = min(first, d.Day)
	}
	monday := func(t time.Time) time.Time {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	}
	weeks := int(monday(ov.Today.Time()).Sub(monday(first.Time())).Hours()/(24*7)+0.5) + 1
	return min(max(weeks, 1), calendarMaxWeeks, record.HeatMapDays/7)
}

// totalsSection is what was done of each routine and side, ever.
func (m *Review) totalsSection() string {
	s := m.ctx.Styles
	t := m.ov.Totals
	lines := []string{s.Title.Render("Totals")}
	lines = append(lines, s.Text.Render(fmt.Sprintf("%s · %s · %s",
		count(t.Sessions, "stretch session"), count(t.BreatheSessions, "breathing run"), count(t.Breaths, "breath"))))
	if t.Ice > 0 || t.Heat > 0 {
		// Their own row: ice and heat are not on the calendar of stretching
		// and breathing.
		lines = append(lines, s.Text.Render(fmt.Sprintf("Ice and heat: %s · %s", count(t.Ice, "ice pack"), count(t.Heat, "heat pack"))))
	}
	if len(t.Exercises) > 0 {
		lines = append(lines, "")
		for _, e := range t.Exercises {
			name := m.title(e.Routine)
			if e.Side != "" {
				name += " (" + e.Side + ")"
			}
			lines = append(lines, s.Text.Render(fmt.Sprintf("%-22s %9s  %s", name, count(e.Reps, "rep"), s.Subtle.Render(count(e.Sessions, "session")))))
		}
	}
	if len(m.levels) > 0 {
		lines = append(lines, "", s.Title.Render("Levels now"))
		for _, l := range m.levels {
			lines = append(lines, s.Text.Render(fmt.Sprintf("%-22s %s  %s", routines.Printable(l.Title), l.Amount, s.Subtle.Render(words.LevelWords(l.Level)))))
		}
	}
	return strings.Join(lines, "\n")
}

// painSection says whether sessions ease the pain, and how it moves by week.
func (m *Review) painSection(width int) string {
	s := m.ctx.Styles
	p := m.ov.Pain
	lines := []string{s.Title.Render("Pain (0 none, 10 the worst)")}
	if p.Pairs == 0 {
		lines = append(lines, wrapText(s.Subtle, width, "No check-ins before and after the same session yet. Answer \"How is your back right now?\" at the start and end of a session to see whether it helps."))
	} else {
		change := report.ShownChange(p.AvgBefore, p.AvgAfter) // as the two means beside it read
		verdict := "about the same after a session as before"
		switch {
		case change <= -0.5:
			verdict = fmt.Sprintf("%.1f points lower after a session, on average", -change)
		case change >= 0.5:
			verdict = fmt.Sprintf("%.1f points higher after a session, on average", change)
		}
		lines = append(lines, wrapText(s.Text, width, fmt.Sprintf("Before %.1f → after %.1f: %s (%s).",
			p.AvgBefore, p.AvgAfter, verdict, p.ByKind.Words())))
	}
	if len(p.Weeks) > 0 {
		lines = append(lines, m.weeklyPain(p.Weeks, width)...)
	}
	return strings.Join(lines, "\n")
}

// weeklyPain is the pain by week before and after sessions: two rows of
// blocks on one scale, from the lowest week to the highest (so a
// difference shows as a difference in height, not one block on a scale
// of 0 to 10), each row ending with its mean.
func (m *Review) weeklyPain(weeks []record.WeekPain, width int) []string {
	s := m.ctx.Styles
	if room := max(width-26, 4); len(weeks) > room {
		weeks = weeks[len(weeks)-room:]
	}
	before := make([]float64, len(weeks))
	after := make([]float64, len(weeks))
	lo, hi := 10.0, 0.0
	var sumB, sumA float64
	var nB, nA int
	for i, w := range weeks {
		before[i], after[i] = -1, -1
		if w.NBefore > 0 {
			before[i] = w.Before
			lo, hi = min(lo, w.Before), max(hi, w.Before)
			sumB, nB = sumB+w.Before*float64(w.NBefore), nB+w.NBefore
		}
		if w.NAfter > 0 {
			after[i] = w.After
			lo, hi = min(lo, w.After), max(hi, w.After)
			sumA, nA = sumA+w.After*float64(w.NAfter), nA+w.NAfter
		}
	}
	lo, hi = math.Floor(lo), math.Ceil(hi)
	if hi-lo < 1 {
		hi = min(lo+1, 10)
		lo = hi - 1
	}
	mean := func(sum float64, n int) string {
		if n == 0 {
			return "no check-ins"
		}
		return fmt.Sprintf("mean %.1f", sum/float64(n))
	}
	row := func(name string, vs []float64, sum float64, n int) string {
		return s.Subtle.Render(padRight("  "+name, 10)) + s.GaugeFull.Render(Sparkline(vs, lo, hi)) +
			"  " + s.Text.Render(mean(sum, n))
	}
	since := weeks[0].Week.Time().Format("2 Jan")
	return []string{
		wrapText(s.Subtle, width, fmt.Sprintf("By week since %s (bars drawn from %g to %g):", since, lo, hi)),
		row("before", before, sumB, nB),
		row("after", after, sumA, nA),
	}
}

// flagNote is a gentle pointer to the red flags when the history shows
// the same routine stopped for pain again and again, or pain staying high.
func (m *Review) flagNote(width int) string {
	f := m.ov.Flags
	if !f.Raised() {
		return ""
	}
	s := m.ctx.Styles
	var why []string
	for _, p := range f.PainStops {
		why = append(why, fmt.Sprintf("%s was stopped for pain %s lately", m.title(p.Routine), times(p.Count)))
	}
	if f.HighWeeks >= record.HighPainWeeks {
		why = append(why, fmt.Sprintf("your pain has stayed high for %d weeks", f.HighWeeks))
	}
	text := "A gentle note: " + strings.Join(why, ", and ") +
		". Pain that keeps coming back or stays high is worth showing a doctor. See: unknot safety"
	return wrapText(s.Warn, width, text)
}

// sessionsSection lists the recent sessions, newest first, one a line.
func (m *Review) sessionsSection(width int) string {
	s := m.ctx.Styles
	lines := []string{s.Title.Render("Sessions, newest first")}
	for _, x := range m.list {
		// Each at the wall-clock time where it happened: the day it
		// counts for on the calendar.
		when := x.StartedAt.Format("Mon 2 Jan 15:04")
		what := "stretches"
		detail := count(x.Reps(), "rep")
		switch x.Kind {
		case routines.KindBreathe:
			what, detail = "breathing", count(x.Breaths, "breath")
		case routines.KindIce, routines.KindHeat:
			what, detail = string(x.Kind), ""
		}
		took := ""
		if x.EndedAt != nil {
			took = words.Span(x.EndedAt.Sub(x.StartedAt))
		}
		pain := ""
		if x.PainBefore != nil || x.PainAfter != nil {
			pain = "pain " + painText(x.PainBefore) + "→" + painText(x.PainAfter)
		}
		row := func(detail, pain string) string {
			return fmt.Sprintf("%-16s  %-9s  %-11s %*s  %-10s %s", when, what, x.Status, words.SpanWidth, took, detail, pain)
		}
		line := row(detail, pain)
		if mark := words.CareMark(x); mark != "" {
			line = row(mark, "") // ice or heat that does not count: said where the details go
		}
		if lipgloss.Width(line) > width {
			line = fmt.Sprintf("%s %s %s", x.StartedAt.Format("2 Jan 15:04"), what, x.Status)
		}
		st := s.Text
		if x.Status == routines.Pain {
			st = s.Warn
		}
		lines = append(lines, st.Render(strings.TrimRight(line, " ")))
	}
	switch left := m.ov.Sessions - len(m.list); {
	case m.listErr != nil:
		lines = append(lines, s.Warn.Render("Older sessions could not be read: "+m.listErr.Error()))
	case left > 0:
		lines = append(lines, s.Subtle.Render(fmt.Sprintf("… %d older: scroll down for more", left)))
	}
	if note := words.EmptyHidden(m.ov.Empty); note != "" {
		lines = append(lines, s.Subtle.Render(note))
	}
	return strings.Join(lines, "\n")
}

// painText writes a check-in score, or "–" when skipped.
func painText(v *int) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}

// count writes "1 session", "3 sessions".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// days writes a streak length.
func days(n int) string { return count(n, "day") }

// times writes "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}
