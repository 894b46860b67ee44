package words

import (
	"fmt"
	"io"
	"strings"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// WriteHistory writes a short plain-text review of o: the streaks, the
// totals, the pain trend, the red flags and at most last of the recent
// sessions, each at the wall-clock time where it happened, and how many
// runs with nothing done it leaves out (even when that is all there is).
// It is what `unknot history` prints without a screen. titles maps a
// routine's name to its title, as the review and the levels name them
// (nil or a name missing: the name).
func WriteHistory(w io.Writer, o record.Overview, last int, titles map[string]string) error {
	title := func(name string) string {
		if t := titles[name]; t != "" {
			return routines.Printable(t)
		}
		return routines.Printable(name)
	}
	var b strings.Builder
	if o.Sessions == 0 {
		if o.Since != "" {
			fmt.Fprintf(&b, "No sessions since %s.\n", o.Since)
		} else {
			b.WriteString("No sessions yet. Start one with `unknot session` or `unknot breathe`.\n")
		}
		if note := EmptyHidden(o.Empty); note != "" {
			b.WriteString(note + "\n")
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "Streak: %s now, %s at the longest", Plural(o.Streak.Current, "day"), Plural(o.Streak.Longest, "day"))
	if o.Streak.Last != "" {
		fmt.Fprintf(&b, " (last: %s)", o.Streak.Last)
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "Sessions: %s, %s (%s).\n", Plural(o.Totals.Sessions, "stretch session"),
		Plural(o.Totals.BreatheSessions, "breathing run"), Plural(o.Totals.Breaths, "breath"))
	if o.Totals.Ice > 0 || o.Totals.Heat > 0 {
		fmt.Fprintf(&b, "Ice and heat: %s, %s.\n", Plural(o.Totals.Ice, "ice pack"), Plural(o.Totals.Heat, "heat pack"))
	}
	for _, t := range o.Totals.Exercises {
		name := title(t.Routine)
		if t.Side != "" {
			name += " (" + t.Side + ")"
		}
		fmt.Fprintf(&b, "  %-28s %s in %s\n", name, Plural(t.Reps, "rep"), Plural(t.Sessions, "session"))
	}
	if o.Pain.Pairs > 0 {
		fmt.Fprintf(&b, "Pain: %.1f before and %.1f after, on average over %s.\n",
			o.Pain.AvgBefore, o.Pain.AvgAfter, o.Pain.ByKind.Words())
	}
	for _, p := range o.Flags.PainStops {
		fmt.Fprintf(&b, "Note: %s was stopped for pain %d times in %d days. Please read `unknot safety`.\n",
			title(p.Routine), p.Count, record.PainStopWindow)
	}
	if o.Flags.HighWeeks >= record.HighPainWeeks {
		fmt.Fprintf(&b, "Note: your pain has stayed high for %d weeks. Please read `unknot safety`.\n", o.Flags.HighWeeks)
	}
	if n := min(last, len(o.Recent)); n > 0 {
		b.WriteString("Last sessions:\n")
		for _, s := range o.Recent[:n] {
			fmt.Fprintf(&b, "  %s  %-8s %-11s %s\n", s.StartedAt.Format("2006-01-02 15:04"), s.Kind, s.Status, describe(s))
		}
	}
	if note := EmptyHidden(o.Empty); note != "" {
		b.WriteString(note + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describe is one session's details in a few words.
func describe(s record.Session) string {
	var parts []string
	switch s.Kind {
	case routines.KindIce, routines.KindHeat:
	case routines.KindBreathe:
		parts = append(parts, Plural(s.Breaths, "breath"))
	default:
		done, planned := 0, 0
		for _, e := range s.Exercises {
			done += e.RepsDone
			planned += e.RepsPlanned
		}
		parts = append(parts, fmt.Sprintf("%d of %d reps", done, planned))
	}
	if s.EndedAt != nil {
		parts = append(parts, Span(s.EndedAt.Sub(s.StartedAt)))
	}
	if mark := CareMark(s); mark != "" {
		parts = append(parts, mark)
	}
	if s.PainBefore != nil || s.PainAfter != nil {
		parts = append(parts, "pain "+painText(s.PainBefore)+" → "+painText(s.PainAfter))
	}
	return strings.Join(parts, ", ")
}

// CareMark marks, in the lists of sessions, an application of ice or heat
// that does not count by the care plan's one rule
// (routines.Application.Counts): "not counted (under 1 min)", from its
// start to its end, as the list's length beside it shows, or "never put
// on" (stopped in its get-ready: a run with nothing done, listed only with
// --all). "" for one that counts, and for any other kind of run.
func CareMark(s record.Session) string {
	switch {
	case (s.Kind != routines.KindIce && s.Kind != routines.KindHeat) || s.Application().Counts():
		return ""
	case s.NeverOn:
		return "never put on"
	}
	return "not counted (under 1 min)"
}

func painText(v *int) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(*v)
}
