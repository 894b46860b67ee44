package plain

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
)

// CareRecord is what the plan for now reads and keeps in the history: the
// current episode and the recent applications, and a new episode.
type CareRecord interface {
	CareRecord(now time.Time) (*routines.Episode, []routines.Application, error)
	RecordEpisode(ep routines.Episode, at time.Time) error
}

// CarePlan says what the sources suggest now, one line at a time. When ask
// is set (a person types at a terminal) and no episode is on record, it
// asks once when the spasm started and keeps the answer; otherwise it
// assumes the first 48 hours and says so. Problems with the record go to
// errOut, one line each; the plan is said all the same.
func CarePlan(env Env, rec CareRecord, ask bool, errOut io.Writer) error {
	w := NewWriter(env.Out)
	now := env.now()
	ep, apps, err := rec.CareRecord(now)
	if err != nil {
		fmt.Fprintln(errOut, "unknot: your record could not be read: "+err.Error())
	}
	if ep == nil && err == nil && ask && env.In != nil {
		w.Line(routines.OnsetQuestion + " Type t (today), y (yesterday) or e (2 days ago or more), then Enter:")
		line, _, _ := readLine(bufio.NewReaderSize(env.In, MaxLine))
		o, perr := routines.ParseOnset(line)
		switch {
		case strings.TrimSpace(line) == "":
			w.Line("Not answered: assuming the first 48 hours.")
		case perr != nil:
			w.Line("Not understood (" + perr.Error() + "): assuming the first 48 hours.")
		default:
			e := routines.EpisodeFrom(now, o)
			ep = &e
			if err := rec.RecordEpisode(e, now); err != nil {
				fmt.Fprintln(errOut, "unknot: the start of this spasm was not kept ("+err.Error()+"); it is asked again next time")
			}
		}
	}
	adv := routines.AdviseCare(now, ep, apps)
	for _, l := range adv.Lines() {
		w.Line(l)
	}
	w.Line(fmt.Sprintf("Start it with: unknot care %s   (which source says what: unknot care --sources)", adv.Next))
	return w.Err()
}
