package words

import (
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// CareRunOf is how an application of ice or heat that c times went, from
// started to ended: its outcome, and how long it was on.
func CareRunOf(c *coach.Coach, kind routines.Kind, started, ended time.Time) Run {
	return Run{Kind: kind, Outcome: c.Outcome(ended), Took: ended.Sub(started), On: c.CareAt(ended).On,
		Finished: c.Finished(ended)}
}

// careHeadline is an application's one line: "Ice: 15:00 on.", "Heat
// stopped after 7:12 on.", "Ice interrupted after 0:40 on."
func careHeadline(r Run) string {
	title := Capital(string(r.Kind))
	on := Clock(r.On.Truncate(time.Second)) + " on"
	switch r.Outcome {
	case routines.Stopped, routines.Pain:
		return title + " stopped after " + on + ". Take it off now if it is still on."
	case routines.Interrupted:
		return title + " interrupted after " + on + ". Take it off now if it is still on."
	}
	return title + ": " + on + "."
}
