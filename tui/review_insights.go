package tui

import (
	"strings"

	"github.com/unknot/unknot/tui/report"
	"github.com/unknot/unknot/tui/words"
)

// insightsSection is "what seems to help you": the mean change in pain
// within sessions by routine, breathing, ice or heat and time of day, as
// observations with their counts (report.Observations, the same words as
// the report's), nothing said of a group below the minimum, and the line
// that this is not medical advice. Empty until some session has a
// check-in both before and after (then every such session is in a group
// of its time of day: an observation, or a group held back whose line
// says the minimum).
func (m *Review) insightsSection(width int) string {
	in := m.ov.Insights
	if in.Pairs == 0 {
		return ""
	}
	s := m.ctx.Styles
	lines := []string{s.Title.Render("What seems to help you")}
	for _, l := range report.Observations(in, m.titles) {
		// A hanging indent: the lines after a bullet's first start under
		// its words, not under the bullet.
		bullet := words.Wrap(l, max(width, 8), "• ", "  ")
		for i := range bullet {
			bullet[i] = s.Text.Render(bullet[i])
		}
		lines = append(lines, strings.Join(bullet, "\n"))
	}
	lines = append(lines, wrapText(s.Subtle, width, report.NotAdvice))
	return strings.Join(lines, "\n")
}
