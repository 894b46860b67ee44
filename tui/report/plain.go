package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/unknot/unknot/routines/record"
)

// Plain writes the report's sections as plain text, for a terminal, a pipe
// or a screen reader: no colour, no cursor movement, tables as columns.
func Plain(w io.Writer, r record.Report, o Options) error {
	bw := bufio.NewWriter(w)
	t := &text{w: bw}
	t.line("Back exercises and pain: %s to %s (%s)", dayText(r.From), dayText(r.To), plural(r.Adherence.Days, "day"))
	if begins := recordBegins(r); begins != "" {
		t.line("%s", begins)
	}
	if ahead := runsAhead(r); ahead != "" {
		t.line("%s", ahead)
	}
	t.line("Made on %s. %s", madeText(r.Made), NotMedical)
	t.line("")
	for _, kv := range glance(r) {
		t.line("%s: %s", kv[0], kv[1])
	}
	t.heading("1. Exercises: how often, how much")
	var rows [][]string
	for _, wk := range r.Weeks {
		rows = append(rows, []string{"week of " + dayText(wk.Week), fmt.Sprint(wk.Days), fmt.Sprint(wk.Sessions), fmt.Sprintf("%.1f", planWeek(r, wk))})
	}
	t.table([]string{"Week", "Days in period", "Sessions", "Plan"}, rows)
	t.line("Days with a stretch session: %d of %d. The longest gap without one: %s.", r.Adherence.DaysWithSession, r.Adherence.Days, plural(r.Adherence.LongestGap, "day"))
	rows = nil
	for _, x := range r.Routines {
		last := 0
		var steps []string
		for _, l := range x.Levels {
			last = l.Level
			steps = append(steps, shortDay(l.Day)+" "+levelText(l.Level))
		}
		rows = append(rows, []string{title(x.Routine, o.Titles), fmt.Sprint(x.Sessions), fmt.Sprintf("%d / %d", x.RepsDone, x.RepsPlanned),
			fmt.Sprint(x.PainStops), levelText(last), strings.Join(steps, ", ")})
	}
	if len(rows) > 0 {
		t.line("")
		t.table([]string{"Routine", "Sessions", "Reps done / planned", "Stops for pain", "Level at the end", "Levels from"}, rows)
	}
	t.heading(PainHeading)
	t.line("Within a session: %s.", painSummary(r.Pain))
	rows = nil
	for _, wk := range r.Weeks {
		rows = append(rows, []string{"week of " + dayText(wk.Week), mean(wk.Before, wk.NBefore), fmt.Sprint(wk.NBefore), mean(wk.After, wk.NAfter), fmt.Sprint(wk.NAfter)})
	}
	t.table([]string{"Week", "Before", "Check-ins", "After", "Check-ins"}, rows)
	t.heading("3. Breathing, ice and heat")
	t.line("%s", careText(r.Care))
	for _, l := range episodeLines(r) {
		t.line("%s", l)
	}
	rows = nil
	for _, wk := range r.Weeks {
		rows = append(rows, []string{"week of " + dayText(wk.Week), fmt.Sprint(wk.Breathe), fmt.Sprint(wk.Breaths), fmt.Sprint(wk.Ice), fmt.Sprint(wk.Heat)})
	}
	t.table([]string{"Week", "Breathing runs", "Breaths", "Ice", "Heat"}, rows)
	t.heading("4. What seems to help")
	t.line("%s", NotAdvice)
	if len(r.Insights.Observations) == 0 {
		t.line("No group has %d sessions with both check-ins yet, so there is nothing to observe.", r.Insights.Minimum)
	}
	for _, l := range Observations(r.Insights, o.Titles) {
		t.line("- %s", l)
	}
	if note := PatternNote(r.Insights); note != "" {
		t.line("%s", note)
	}
	t.heading("5. Safety: stops for pain")
	if len(r.Stops) == 0 {
		t.line("No session was stopped for pain in this period.")
	}
	for _, s := range r.Stops {
		t.line("- %s: %s (pain before %s, after %s); safety page opened: %s", timeText(s.At), where(s, o.Titles),
			painText(s.PainBefore), painText(s.PainAfter), safetyOpened(s))
	}
	if len(r.Stops) > 0 {
		t.line("%s %s", openedSentence(r.Stops), SafetyOpenedNote)
	}
	t.line("The signs that need a doctor soon, or help at once: unknot safety")
	if t.err != nil {
		return t.err
	}
	return bw.Flush()
}

type text struct {
	w   *bufio.Writer
	err error
}

func (t *text) line(format string, a ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format+"\n", a...)
	}
}

// heading starts a section: a blank line, then its title (no rule of
// dashes, which a screen reader would read out).
func (t *text) heading(s string) {
	t.line("")
	t.line("%s", s)
}

// table writes aligned columns, two spaces apart, no trailing spaces.
func (t *text) table(headers []string, rows [][]string) {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(headers, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	for l := range strings.Lines(b.String()) {
		t.line("%s", strings.TrimRight(l, " \n"))
	}
}
