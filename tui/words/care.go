package words

import (
	"io"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// CareRunOf is how an application of ice or heat that c times went, from
// started to ended: its outcome, and how long it was on.
func CareRunOf(c *coach.Coach, kind routines.Kind, started, ended time.Time) Run {
	cs := c.CareAt(ended)
	return Run{Kind: kind, Outcome: c.Outcome(ended), Took: ended.Sub(started), On: cs.On,
		NeverOn: cs.Moment == coach.CareGetReady, Finished: c.Finished(ended), Started: started}
}

// careHeadline is an application's one line: "Ice: 15:00 on.", "Heat
// stopped after 7:12 on.", "Ice interrupted after 0:40 on.", and, ended
// in the get-ready, "Heat stopped before the pack went on." (nothing to
// take off).
func careHeadline(r Run) string {
	title := Capital(string(r.Kind))
	on := Clock(r.On.Truncate(time.Second)) + " on"
	if r.NeverOn && r.Outcome != routines.Completed {
		switch r.Outcome {
		case routines.Interrupted:
			return title + " interrupted before the pack went on."
		default:
			return title + " stopped before the pack went on."
		}
	}
	switch r.Outcome {
	case routines.Stopped, routines.Pain:
		return title + " stopped after " + on + ". Take it off now if it is still on."
	case routines.Interrupted:
		return title + " interrupted after " + on + ". Take it off now if it is still on."
	}
	return title + ": " + on + "."
}

// CareNotCounted is the line that says an application does not count
// (routines.Application.Counts: off again within a minute), "" when it
// counts, or when r, its run, never had the pack on: its headline has
// said so ("stopped before the pack went on"), and "under a minute on"
// would read as if it had been.
func CareNotCounted(r Run, ap routines.Application) string {
	if ap.Counts() || r.NeverOn {
		return ""
	}
	return "Under a minute on, so this " + string(ap.Kind) + " does not count."
}

// CareAfter are the lines said once an application ap (its run r) has
// ended, with the plan adv as it stands then (routines.AfterCare): that it
// does not count, when that is so, and today's count with when the next
// is due.
func CareAfter(r Run, ap routines.Application, adv routines.CareAdvice) []string {
	var out []string
	if l := CareNotCounted(r, ap); l != "" {
		out = append(out, l)
	}
	return append(out, Capital(adv.Summary())+".")
}

// CareSources is what `unknot care --sources` prints and the care screen's
// w shows, wrapped on words at width: what each article says about cold
// and heat, where they differ, the safety rules with where each comes
// from, and where every source is named. Each entry hangs: its first line
// indented two spaces, the lines it wraps onto four.
func CareSources(width int) []string {
	var out []string
	item := func(text string) { out = append(out, Wrap(text, width, "  ", "    ")...) }
	for _, l := range routines.CareSourcesText() {
		if strings.HasPrefix(l, "  ") {
			item(strings.TrimSpace(l))
		} else {
			out = append(out, Wrap(l, width, "", "")...)
		}
	}
	out = append(out, CareSafetyTitle)
	for _, s := range routines.CareSafety {
		item(s.Text + " (" + routines.NameCited(s.Source) + ")")
	}
	return append(out, Wrap("Every source, with what unknot takes from it: unknot sources", width, "", "")...)
}

// CareSafetyTitle heads the safety rules in CareSources.
const CareSafetyTitle = "Safety:"

// WriteCareSources prints CareSources wrapped at width.
func WriteCareSources(w io.Writer, width int) error {
	_, err := io.WriteString(w, strings.Join(CareSources(width), "\n")+"\n")
	return err
}
