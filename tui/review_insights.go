package tui

import (
	"strings"

	"github.com/unknot/unknot/tui/report"
)

// insightsSection is "what seems to help you": the mean change in pain
// within sessions by routine, breathing, ice or heat and time of day, as
// observations with their counts (report.Observations, the same words as
// the report's), nothing said of a group below the minimum, and the line
// that this is not medical advice. Empty until some session has a
// check-in both before and after.
func (m *Review) insightsSection(width int) string {
	in := m.ov.Insights
	if in.Pairs == 0 {
		return ""
	}
	s := m.ctx.Styles
	lines := []string{s.Title.Render("What seems to help you")}
	if len(in.Observations) == 0 {
		lines = append(lines, wrapText(s.Subtle, width,
			"Not enough sessions with a check-in before and after to say yet: each observation needs "+
				count(in.Minimum, "session")+" of its kind."))
	}
	for _, l := range report.Observations(in, m.titles) {
		lines = append(lines, wrapText(s.Text, width, "• "+l))
	}
	lines = append(lines, wrapText(s.Subtle, width, report.NotAdvice))
	return strings.Join(lines, "\n")
}
