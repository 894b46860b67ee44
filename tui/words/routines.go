package words

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// WriteRoutineList prints every routine in the catalog, one a line, with
// where it comes from.
func WriteRoutineList(w io.Writer, c *routines.Catalog) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tTIME\tFROM")
	for _, name := range c.Names() {
		r, _ := c.Get(name)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Title, Clock(RoutineTime(r)), routines.Printable(r.Origin))
	}
	return tw.Flush()
}

// RoutineTime is how long one routine takes in a session, get-ready included.
func RoutineTime(r routines.Routine) time.Duration {
	p, err := coach.SessionPlan([]routines.Routine{r}, coach.DefaultOptions)
	if err != nil {
		return 0
	}
	return p.Total()
}

// WriteRoutine prints everything about one routine: what it is, how it is
// paced, its picture (as pictures says) and the steps.
func WriteRoutine(w io.Writer, r routines.Routine, pictures Pictures) error {
	r = coach.OnGrid(r) // as it is breathed: the coach keeps time in tenths of a second
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n", r.Title, r.Name)
	if r.Summary != "" {
		fmt.Fprintf(&b, "%s\n", r.Summary)
	}
	b.WriteString("\n")
	hold := r.PacingNote()
	sides := "none (both at once)"
	if len(r.Sides) > 0 {
		var s []string
		for _, side := range r.Sides {
			s = append(s, string(side))
		}
		sides = strings.Join(s, ", ")
		if r.Alternate {
			sides += ", alternating"
		} else if len(r.Sides) > 1 {
			sides += ", one side then the other"
		}
	}
	limit := "none"
	if r.DailyLimit > 0 {
		limit = fmt.Sprintf("%d sessions a day", r.DailyLimit)
	}
	reps := r.RepCount()
	switch {
	case r.Growth() == routines.GrowsBreaths && r.MaxHoldBreaths > r.HoldBreaths:
		reps += fmt.Sprintf("; each hold grows from %s to %d at most", Breaths(r.HoldBreaths), r.MaxHoldBreaths)
	case r.MaxReps > r.Reps:
		reps += fmt.Sprintf(", growing to %d at most", r.MaxReps)
	}
	pos := string(r.Position)
	if pos == "" {
		pos = "not given"
	}
	holdLabel := "Hold"
	if r.RepOnly() {
		holdLabel = "Pace"
	}
	rows := [][2]string{
		{"Position", pos},
		{holdLabel, hold},
		{"Reps", reps},
		{"Rest", fmt.Sprintf("%v between %ss", r.Rest, r.Rep())},
		{"Sides", sides},
	}
	if len(r.Directions) > 1 {
		rows = append(rows, [2]string{"Directions", strings.Join(r.Directions, ", then ")})
	}
	_, breaths := r.Pacing()
	switch {
	case r.RepOnly():
		rows = append(rows, [2]string{"Breathing", "freely, at your own pace"})
	case breaths == 0:
		// Holds shorter than one breath of the pattern are breathed
		// freely; naming the pattern alone said the opposite.
		rows = append(rows, [2]string{"Breathing", fmt.Sprintf("freely, at your own pace (each hold is shorter than one breath of %s)", r.Pattern)})
	default:
		rows = append(rows, [2]string{"Breathing", fmt.Sprintf("%s (inhale-hold-exhale, seconds)", r.Pattern)})
	}
	rows = append(rows, [][2]string{
		{"Daily limit", limit},
		{"Total time", Clock(RoutineTime(r))},
	}...)
	if r.Source != "" {
		rows = append(rows, [2]string{"Source", r.Source})
		for _, l := range SourceRows(r.Source) {
			rows = append(rows, [2]string{"", l})
		}
	}
	rows = append(rows, [2]string{"From", routines.Printable(r.Origin)})
	for _, row := range rows {
		label := row[0] + ":"
		if row[0] == "" { // a row that goes on the one above (a source's name)
			label = ""
		}
		fmt.Fprintf(&b, "  %-12s %s\n", label, row[1])
	}
	if pic := Picture(r, pictures); pic != "" {
		b.WriteString("\n" + pic + "\n")
	}
	list := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for i, l := range lines {
			fmt.Fprintf(&b, "  %d. %s\n", i+1, l)
		}
	}
	// {side} and {direction} read as the choice they stand for.
	both := routines.Side(strings.Join(sideNames(r.Sides), " or "))
	ways := strings.Join(r.Directions, " or ")
	list("Get ready", fillEach(r.Setup, both, ways))
	during := "During the hold"
	if r.RepOnly() {
		during = "Each " + r.Rep()
	}
	list(during, fillEach(r.Cues, both, ways))
	if r.Caution != "" {
		fmt.Fprintf(&b, "\nCare: %s\n", r.Caution)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sideNames(ss []routines.Side) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

func fillEach(lines []string, side routines.Side, direction string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = routines.Fill(l, side, direction)
	}
	return out
}
