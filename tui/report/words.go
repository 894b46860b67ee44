package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/unknot/unknot/routines/record"
)

// NotAdvice is the line that goes with the observations wherever they are
// shown.
const NotAdvice = "These are observations from your own record, not medical advice: ask your physio or doctor what they mean for you."

// NotMedical says what the report is, under its title.
const NotMedical = "Made by unknot from the person's own record; not a medical document."

// Observations words the insights as sentences, in their order: what the
// record shows, with the count each rests on; then one line naming the
// groups held back for too few sessions. Nothing is said of a group below
// the minimum. names maps a routine's name to its title (may be nil).
func Observations(in record.Insights, names map[string]string) []string {
	var out []string
	for _, o := range in.Observations {
		out = append(out, fmt.Sprintf("%s: your pain was %s, on average (%s).",
			subject(o.Group, o.Label, names), endAgainstStart(ShownChange(o.Before, o.After)), countWords(o)))
	}
	if len(in.Held) > 0 {
		var held []string
		for _, h := range in.Held {
			held = append(held, fmt.Sprintf("%s (%d)", shortSubject(h.Group, h.Label, names), h.Sessions))
		}
		out = append(out, fmt.Sprintf("Too few sessions with both check-ins to say anything yet (each needs %d): %s.",
			in.Minimum, strings.Join(held, "; ")))
	}
	return out
}

// PatternNote says what a breathing pattern's numbers are, for wherever
// the observations name one; "" when none of their groups does.
func PatternNote(in record.Insights) string {
	named := false
	for _, o := range in.Observations {
		named = named || (o.Group == record.ByBreathing && o.Label != record.PatternNotRecorded)
	}
	for _, h := range in.Held {
		named = named || (h.Group == record.ByBreathing && h.Label != record.PatternNotRecorded)
	}
	if !named {
		return ""
	}
	return "A breathing pattern such as 5-1-3 is the seconds breathing in, holding, and breathing out (and holding again, when there is a fourth number), at the pace the run ended at."
}

// endAgainstStart is "1.8 lower at the end than at the start", "about
// the same at the end as at the start".
func endAgainstStart(c float64) string {
	w := changeWords(c)
	if w == "about the same" {
		return w + " at the end as at the start"
	}
	return w + " at the end than at the start"
}

// ShownChange is after minus before as the two means are shown, each to
// one decimal: "5.4 before, 4.7 after: 0.7 lower", never the 0.6 of the
// unrounded means beside them.
func ShownChange(before, after float64) float64 {
	return math.Round(after*10)/10 - math.Round(before*10)/10
}

// changeWords is "1.8 lower", "0.5 higher" or "about the same".
func changeWords(c float64) string {
	switch {
	case c <= -0.05:
		return fmt.Sprintf("%.1f lower", -c)
	case c >= 0.05:
		return fmt.Sprintf("%.1f higher", c)
	}
	return "about the same"
}

// subject names a group of sessions.
func subject(group, label string, names map[string]string) string {
	switch group {
	case record.ByRoutine:
		return "Sessions with “" + title(label, names) + "”"
	case record.ByBreathing:
		if label == record.PatternNotRecorded {
			return "Breathing runs whose pattern was not recorded"
		}
		return "Breathing runs of " + label
	case record.ByCare:
		return fmt.Sprintf("Begun within %d hours after %s", record.CareWindow, label)
	}
	if label == record.Night {
		return "At night (22:00 to 05:00)"
	}
	return map[string]string{
		record.Morning:   "In the morning (05:00 to 12:00)",
		record.Afternoon: "In the afternoon (12:00 to 17:00)",
		record.Evening:   "In the evening (17:00 to 22:00)",
	}[label]
}

// countWords says what an observation rests on: "12 sessions" of a
// routine, "6 runs" of a pattern; for a time of day or after ice or heat,
// which hold both, what they were: "5 breathing runs", "7 stretch
// sessions", "12: 7 stretch sessions, 5 breathing runs".
func countWords(o record.Observation) string {
	switch o.Group {
	case record.ByRoutine, record.ByBreathing:
		return plural(o.Sessions, unit(o.Group))
	}
	stretch := o.Sessions - o.BreathingRuns
	switch {
	case o.BreathingRuns == 0:
		return plural(o.Sessions, "stretch session")
	case stretch == 0:
		return plural(o.Sessions, "breathing run")
	}
	return fmt.Sprintf("%d: %s, %s", o.Sessions, plural(stretch, "stretch session"), plural(o.BreathingRuns, "breathing run"))
}

// shortSubject names a group in a list: "Knee to chest", "after ice", "morning".
func shortSubject(group, label string, names map[string]string) string {
	switch group {
	case record.ByRoutine:
		return title(label, names)
	case record.ByBreathing:
		if label == record.PatternNotRecorded {
			return "breathing, pattern not recorded"
		}
		return "breathing " + label
	case record.ByCare:
		return "after " + label
	}
	return label
}

func unit(group string) string {
	if group == record.ByBreathing {
		return "run"
	}
	return "session"
}

// title is a routine's title when known, else its name.
func title(name string, names map[string]string) string {
	if t := names[name]; t != "" {
		return t
	}
	return name
}

// plural is "1 session", "3 sessions".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Date formats are those of the review: the clock where it happened.
const (
	dayLayout  = "Mon 2 Jan 2006"
	timeLayout = "Mon 2 Jan 2006, 15:04"
)

func dayText(d record.Day) string { return d.Time().Format(dayLayout) }

func shortDay(d record.Day) string { return d.Time().Format("2 Jan") }

func timeText(t time.Time) string { return t.Format(timeLayout) }

// madeText is when the report was made, with its offset from UTC.
func madeText(t time.Time) string { return t.Format("Mon 2 Jan 2006 at 15:04 (UTC-07:00)") }

// painText is a check-in or a dash.
func painText(v *int) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}

// mean is a mean of n check-ins, or a dash when there are none.
func mean(v float64, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", v)
}

// where says where a stop for pain came: routine, side, rep; and that it
// is a guess, for a stop from before unknot recorded it.
func where(s record.StopEvent, names map[string]string) string {
	if s.Routine == "" {
		if s.Kind == "breathe" {
			return "a breathing run"
		}
		return "a " + s.Kind + " run"
	}
	w := title(s.Routine, names)
	if s.Side != "" {
		w += ", " + s.Side + " side"
	}
	if s.Rep > 0 {
		w += fmt.Sprintf(", rep %d of %d", s.Rep, s.RepsPlanned)
	}
	if s.Guessed {
		w += " (where it came was not recorded: the first exercise not finished)"
	}
	return w
}

// SafetyOpenedNote says what the safety page's column of the stops for
// pain means, and what a dash does not say.
const SafetyOpenedNote = "Safety page opened: when the person opened the safety page (the signs that need a doctor soon, or help at once) from the stop. A dash: it was not opened, or the stop came before unknot recorded it."

// safetyOpened is when the safety page was first opened from a stop for
// pain, on the clock where it happened, or a dash.
func safetyOpened(s record.StopEvent) string {
	if s.SafetyOpenedAt == nil {
		return "–"
	}
	return timeText(*s.SafetyOpenedAt)
}

// openedSentence says from how many of the stops the safety page was
// opened, as recorded.
func openedSentence(stops []record.StopEvent) string {
	n := 0
	for _, s := range stops {
		if s.SafetyOpenedAt != nil {
			n++
		}
	}
	switch {
	case n == 0:
		return "No opening of the safety page from a stop was recorded."
	case len(stops) == 1:
		return "The safety page was opened from this stop."
	case n == len(stops):
		return "The safety page was opened from every one of these stops."
	}
	return fmt.Sprintf("The safety page was opened from %d of these %d stops.", n, len(stops))
}

// episodeLines says when each spasm of the report began, the one the
// period began in marked so; one line that none was recorded otherwise.
func episodeLines(r record.Report) []string {
	if len(r.Episodes) == 0 {
		return []string{"No start of a spasm was recorded in this period or before it."}
	}
	var out []string
	for _, e := range r.Episodes {
		if record.DayOf(e.Began) < r.From {
			out = append(out, fmt.Sprintf("A spasm began: %s, before this period.", episodeText(e)))
			continue
		}
		out = append(out, fmt.Sprintf("A spasm began: %s.", episodeText(e)))
	}
	return out
}

// episodeText says when a spasm began, as precisely as it was said.
func episodeText(e record.EpisodeStart) string {
	s := e.Began.Format(timeLayout)
	if e.DayOnly {
		s = e.Began.Format(dayLayout)
	}
	if e.OrEarlier {
		s += " or earlier"
	}
	return s
}

// planWeek is the plan's share of a week with days days in the period.
func planWeek(r record.Report, w record.ReportWeek) float64 {
	return float64(r.PlanWeekly) * float64(w.Days) / 7
}

// levelText is "as written" or "+2 steps".
func levelText(l int) string {
	switch {
	case l == 0:
		return "as written"
	case l == 1 || l == -1:
		return fmt.Sprintf("%+d step", l)
	}
	return fmt.Sprintf("%+d steps", l)
}

// careText is the section's first line: the breathing runs, and the ice
// and heat that count, each with those too short to count.
func careText(c record.CareCounts) string {
	return fmt.Sprintf("Breathing runs: %d (%s paced). Ice: %s. Heat: %s.", c.BreathingRuns, plural(c.Breaths, "breath"),
		applications(c.Ice, c.IceShort), applications(c.Heat, c.HeatShort))
}

// applications is "3 applications", and when some were too short to
// count (routines.Application.Counts, the rule of the closing screen and
// the plan), "3 applications, and 1 more under a minute on that does not
// count".
func applications(n, short int) string {
	s := plural(n, "application")
	switch {
	case short == 1:
		s += ", and 1 more under a minute on that does not count"
	case short > 1:
		s += fmt.Sprintf(", and %d more under a minute on that do not count", short)
	}
	return s
}

// PainHeading is the pain section's title: its check-ins are those of
// breathing runs too.
const PainHeading = "2. Pain before and after stretch sessions and breathing runs"

// runsAhead says, when the period ends after the date the report was made
// on, why: a run there is dated by the clock where it happened, ahead of
// this one. "" when the period ends today.
func runsAhead(r record.Report) string {
	today := record.DayOf(r.Made)
	if r.Made.IsZero() || r.To <= today {
		return ""
	}
	return "The period ends on " + dayText(r.To) + ", after today here (" + dayText(today) +
		"): a run is dated by the clock where it happened, and one was made in a time zone ahead of this one."
}

// recordBegins says, when the period asked for begins before the first
// run on record, that the report begins with the record: the days before
// it are not days missed. "" when the record covers the whole period.
func recordBegins(r record.Report) string {
	if r.Asked == "" || r.Asked >= r.From {
		return ""
	}
	return "The record begins on " + dayText(r.From) + "; the days asked for before it (from " +
		dayText(r.Asked) + ") hold nothing and are not counted."
}
