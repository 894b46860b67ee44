package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// View draws the instant of the last Update; it reads no clock.
func (m *Care) View() string {
	if m.w < MinWidth || m.h < MinHeight-1 {
		return tooSmallView(m.w, m.h, MinWidth, MinHeight)
	}
	textW := careTextWidth(m.w)
	switch m.overlay {
	case overlaySafety:
		return stackParts(m.w, m.h, m.safetyParts(textW))
	case overlaySources:
		return m.sourcesView(textW)
	}
	switch m.state {
	case careLoading:
		return stackParts(m.w, m.h, []part{{m.ctx.Styles.Subtle.Render("Reading your record…"), 0}})
	case careAsking:
		return stackParts(m.w, m.h, m.askParts(textW))
	case carePlan:
		return stackParts(m.w, m.h, m.planParts(textW))
	case careDone:
		return stackParts(m.w, m.h, m.doneParts(textW))
	}
	return stackParts(m.w, m.h, m.pacingParts(textW))
}

// lines wraps each of ls to width in style st, one block.
func (m *Care) lines(width int, ls []string, warn bool) string {
	st := m.ctx.Styles.Text
	if warn {
		st = m.ctx.Styles.Warn
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = wrapText(st, width, l)
	}
	return strings.Join(out, "\n")
}

func (m *Care) askParts(width int) []part {
	s := m.ctx.Styles
	var opts []string
	for i, o := range routines.Onsets {
		label := string(o.Label()[0]) + "  " + o.Label()
		if i == m.cursor {
			opts = append(opts, s.Accent.Bold(true).Render("> "+label))
		} else {
			opts = append(opts, s.Text.Render("  "+label))
		}
	}
	return []part{
		{s.Title.Render(routines.OnsetQuestion), 0},
		{strings.Join(opts, "\n"), 0},
		{wrapText(s.Subtle, width, "unknot keeps the answer, to say when ice gives way to heat. q: not now (the first 48 hours are assumed)."), 2},
	}
}

func (m *Care) planParts(width int) []part {
	s := m.ctx.Styles
	adv := m.advice(m.pace.now)
	ps := []part{{s.Title.Render("Ice and heat: the plan for now"), 0}, {m.lines(width, adv.Lines(), false), 0}}
	if m.loadErr != nil {
		ps = append(ps, part{wrapText(s.Warn, width, "Your record could not be read: "+m.loadErr.Error()), 1})
	}
	if m.saveErr != nil {
		ps = append(ps, part{wrapText(s.Warn, width, "The start of this spasm was not kept: "+m.saveErr.Error()+" (it is used now, and asked again next time)."), 1})
	}
	rule, _ := routines.CareRuleFor(adv.Next)
	start := fmt.Sprintf("Enter: start %s now (%s), or i ice, h heat; w: which source says what.", strings.ToLower(rule.Title), careSpoken(rule.Default.Value))
	ps = append(ps, part{wrapText(s.Accent, width, start), 1})
	return append(ps, part{m.lines(width, safetyTexts(), false), 3})
}

func (m *Care) pacingParts(width int) []part {
	s := m.ctx.Styles
	cs := m.coach.CareAt(m.pace.now)
	title := fmt.Sprintf("%s · %s", m.rule.Title, careSpoken(cs.Length))
	word, say := careStage(m.rule, cs)
	clock := careClock(cs.Left)
	big := s.Big.Render(clock)
	if m.h >= 18 && m.w >= BigWidth(clock)+4 {
		big = s.Big.Render(BigDigits(clock))
	}
	gaugeW := min(40, max(m.w-8, 4))
	bar := progressBar(s, gaugeW, int(cs.Progress*float64(gaugeW)+0.5))
	status := s.Phase.Render(word)
	switch {
	case cs.Paused && cs.Moment == coach.CareGetReady:
		status = wrapText(s.Paused, width, words.Paused(m.pace.slept))
	case cs.Paused: // the time on stops: so must the pack, not "put it on now"
		status = wrapText(s.Paused, width, words.CarePaused(m.rule.Pack(), "Space", m.pace.slept))
		say = nil
	}
	ps := []part{
		{s.Title.Render(title), 1},
		{status, 0},
		{big, 0},
		{bar, 2},
		{m.lines(width, say, cs.Moment == coach.CareHalfway), 0},
	}
	if m.early != "" {
		ps = append(ps, part{wrapText(s.Warn, width, m.early+" Starting anyway is fine."), 2})
	}
	return append(ps, part{wrapText(s.Subtle, width, routines.CareSafety[2].Text), 3})
}

// careStage is the timer's heading at cs, and what it says under the
// clock: "Get ready" (rule.Before), "On" (rule.On) through the first half,
// "Halfway" (rule.Halfway) only around the middle (careAround after it),
// then "Second half" and, in the closing stretch (careClosing), "Almost
// done", both with the skin check (rule.Check).
func careStage(rule routines.CareRule, cs coach.CareStatus) (string, []string) {
	switch cs.Moment {
	case coach.CareGetReady:
		return "Get ready", rule.Before
	case coach.CareOn:
		return "On", []string{rule.On}
	}
	sinceHalf := cs.On - cs.Length/2
	switch {
	case cs.Left <= careClosing(cs.Length):
		return "Almost done", []string{rule.Check}
	case sinceHalf < careAround(cs.Length):
		return "Halfway", []string{rule.Halfway}
	}
	return "Second half", []string{rule.Check}
}

// careAround is how long after the middle of an application of length
// the heading still says "Halfway": a tenth of it, at most a minute.
func careAround(length time.Duration) time.Duration { return min(length/10, time.Minute) }

// careClosing is the closing stretch of an application of length, when
// the heading says "Almost done": its last fifth, at most its last minute.
func careClosing(length time.Duration) time.Duration { return min(length/5, time.Minute) }

func (m *Care) doneParts(width int) []part {
	s := m.ctx.Styles
	ps := []part{{wrapText(s.Title, width, m.rule.End), 0}} // "Time is up: take the ice off, ..." once
	if m.run.Outcome != routines.Completed {
		// The headline says to take it off.
		ps = []part{{s.Title.Render("Stopped."), 0}}
	}
	ps = append(ps, part{wrapText(s.Text, width, m.run.Headline()), 1})
	if m.uncounted != "" {
		ps = append(ps, part{wrapText(s.Warn, width, m.uncounted), 1})
	}
	if j := m.deps.Journal; j != nil {
		if err := j.Trouble(); err != nil {
			ps = append(ps, part{wrapText(s.Warn, width, "Not saved yet: "+err.Error()), 1})
		}
	}
	if m.next != "" {
		ps = append(ps, part{s.Subtle.Render(words.Capital(m.next) + "."), 2})
	}
	return append(ps, part{s.Subtle.Render("Press any key."), 2})
}

func (m *Care) safetyParts(width int) []part {
	s := m.ctx.Styles
	// Then the signs that need help now, in brief (the whole page is
	// `unknot safety`, or ! from a screen without a countdown).
	urgent := s.Warn.Bold(true).Render(words.GetHelpNowTitle) + "\n" + wrapText(s.Text, width, words.GetHelpNowBrief()) +
		"\n" + s.Subtle.Render(words.SafetyAll)
	return []part{
		{s.Title.Render("Ice and heat, safely"), 0},
		{m.lines(width, safetyTexts(), false), 0},
		{urgent, 1},
	}
}

// careTextWidth is how wide the care screen's text is in a window w wide.
func careTextWidth(w int) int { return max(min(w-4, 68), 10) }

// sourcesView is w's page (words.CareSources, with hanging indents):
// centred when it fits the window; else from the top, scrolled by the
// keymap's scroll keys, with how much more there is below it.
func (m *Care) sourcesView(width int) string {
	if !m.sourcesScroll() {
		return stackParts(m.w, m.h, []part{{m.sources.GetContent(), 0}})
	}
	pad := strings.Repeat(" ", max((m.w-width)/2, 0))
	body := strings.Split(m.sources.View(), "\n")
	for i, l := range body {
		body[i] = strings.TrimRight(pad+l, " ")
	}
	more := fmt.Sprintf("↑↓ more · %.0f%%", m.sources.ScrollPercent()*100)
	return strings.Join(body, "\n") + "\n" + pad + m.ctx.Styles.Subtle.Render(more)
}

// safetyTexts are the care safety rules, one a line.
func safetyTexts() []string {
	out := make([]string, len(routines.CareSafety))
	for i, l := range routines.CareSafety {
		out[i] = l.Text
	}
	return out
}

// careClock writes what is left as m:ss, rounded up: 15:00 at the start,
// 0:01 in the last second.
func careClock(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// careSpoken says a length: "15 minutes", "3 seconds", "2 minutes 30 seconds".
func careSpoken(d time.Duration) string {
	d = d.Round(time.Second)
	m, sec := int(d/time.Minute), int(d%time.Minute/time.Second)
	switch {
	case m == 0:
		return words.Plural(sec, "second")
	case sec == 0:
		return words.Plural(m, "minute")
	}
	return words.Plural(m, "minute") + " " + words.Plural(sec, "second")
}
