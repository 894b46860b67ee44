package remind

import (
	"fmt"
	"time"

	"github.com/unknot/unknot/routines"
)

// Run is one recorded stretch session or breathing run, as the nudge
// reads it from the history: any run keeps the nudge quiet for RecentRun
// after it (one stopped for pain at 0 reps too), but only a stretch
// session that is Done makes one of the day's planned sessions done.
type Run struct {
	Kind    routines.Kind // routines.KindSession or routines.KindBreathe
	Started time.Time
	Ended   time.Time        // zero when it never ended
	Outcome routines.Outcome // how it ended; routines.Pain is said as a stop for pain
	Done    bool             // a stretch session done for the day (record.Session.Done): completed with a rep, or half its reps held
}

// Facts are what the nudge knows from the history: the runs of about the
// last day (today's and the last hour's are what matter) and the care
// plan's record, as routines.AdviseCare reads it.
type Facts struct {
	Runs     []Run
	Episode  *routines.Episode      // the spasm on record; nil when none
	Care     []routines.Application // ice and heat of the last 48 hours
	CareKnow bool                   // the care record could be read
}

// CareInUse reports whether ice or heat is part of the days now: a spasm
// on record, or an application in the record.
func (f Facts) CareInUse() bool { return f.CareKnow && (f.Episode != nil || len(f.Care) > 0) }

// Advice is the care plan at now (routines.AdviseCare); ok is false when
// ice and heat are not in use.
func (f Facts) Advice(now time.Time) (routines.CareAdvice, bool) {
	if !f.CareInUse() {
		return routines.CareAdvice{}, false
	}
	return routines.AdviseCare(now, f.Episode, f.Care), true
}

// Setup is what config.toml says that the decision needs: the reminders
// in force (how many sessions are planned for a day) and the quiet hours.
type Setup struct {
	Reminders []routines.Reminder
	Quiet     routines.QuietHours
}

// Planned is how many stretch sessions are planned on the day of t: one
// for each session reminder on that day, and at least one.
func (s Setup) Planned(t time.Time) int {
	n := 0
	for _, r := range s.Reminders {
		if r.What == routines.NudgeSession && r.Days.Has(t.Weekday()) {
			n++
		}
	}
	return max(n, 1)
}

// RecentRun is how long after a session or a breathing run no reminder
// speaks: a reminder just after one would be a nag.
const RecentRun = time.Hour

// Decision is the nudge's answer: fire, or stay quiet, and why, in a few
// words a person can read (`unknot nudge` prints it).
type Decision struct {
	Fire bool
	Why  string
}

// Decide says whether a nudge of what, run by the scheduler at now, fires.
// All times are read on now's clock (the person's time zone). In order:
//   - in the quiet hours, never;
//   - care: only when the care plan says ice or heat is due, and only in
//     the quarter hour it became due (or the first quarter hour after the
//     quiet hours, if it is due then): a nudge, not a nag; the care plan
//     is routines.AdviseCare's, asked at now and at the quarter's bounds;
//   - within RecentRun after a stretch session or a breathing run, any
//     that was recorded (one stopped early or for pain, with nothing
//     done, too), quiet;
//   - on a day whose planned stretch sessions are done (sessions that
//     are Done), quiet.
func Decide(now time.Time, what routines.Nudge, s Setup, f Facts) Decision {
	if s.Quiet.Contains(now) {
		return Decision{Why: fmt.Sprintf("quiet hours (%s)", s.Quiet)}
	}
	if what == routines.NudgeCare {
		return decideCare(now, s, f)
	}
	for _, r := range f.Runs {
		end := r.Ended
		if end.IsZero() {
			end = r.Started
		}
		if !r.Started.After(now) && now.Sub(end) < RecentRun {
			how := "ended"
			if r.Outcome == routines.Pain {
				how = "was stopped for pain"
			}
			return Decision{Why: fmt.Sprintf("a %s %s at %s, less than an hour ago", runWord(r.Kind), how, end.In(now.Location()).Format("15:04"))}
		}
	}
	done, planned := SessionsOn(now, f.Runs), s.Planned(now)
	if done >= planned {
		return Decision{Why: fmt.Sprintf("today's sessions are done (%d of %d planned)", done, planned)}
	}
	return Decision{Fire: true, Why: fmt.Sprintf("%d of %d planned sessions done today", done, planned)}
}

// decideCare fires once when the care plan's next application becomes
// due: its quarter hour is the first in which AdviseCare says due.
func decideCare(now time.Time, s Setup, f Facts) Decision {
	a, ok := f.Advice(now)
	if !ok {
		return Decision{Why: "no ice or heat in use (no spasm on record, none in the last 48 hours)"}
	}
	if !a.Due() {
		return Decision{Why: fmt.Sprintf("the next %s is from %s", a.Next, a.NextAt.In(now.Location()).Format("15:04"))}
	}
	// Each check answers for its quarter hour, (prev, slot]: a check that
	// runs late says nothing twice and misses nothing.
	slot := quarter(now)
	at := routines.AdviseCare(slot, f.Episode, f.Care)
	if !at.Due() {
		return Decision{Why: fmt.Sprintf("%s becomes due after %s; the next check says so", a.Next, slot.Format("15:04"))}
	}
	prev := slot.Add(-CareCheck)
	if s.Quiet.Contains(prev) {
		return Decision{Fire: true, Why: fmt.Sprintf("%s is due (the first check after the quiet hours)", a.Next)}
	}
	before := routines.AdviseCare(prev, f.Episode, f.Care)
	if before.Due() && before.Next == a.Next {
		return Decision{Why: fmt.Sprintf("%s has been due since %s or before; said then", a.Next, prev.Format("15:04"))}
	}
	return Decision{Fire: true, Why: fmt.Sprintf("%s became due", a.Next)}
}

// quarter is the start of the quarter hour holding t, on t's clock.
func quarter(t time.Time) time.Time {
	t = t.Truncate(time.Minute)
	return t.Add(-time.Duration(t.Minute()%15) * time.Minute)
}

// SessionsOn is how many stretch sessions that count were started on the
// calendar day of now (on now's clock).
func SessionsOn(now time.Time, runs []Run) int {
	y, m, d := now.Date()
	n := 0
	for _, r := range runs {
		ry, rm, rd := r.Started.In(now.Location()).Date()
		if r.Kind == routines.KindSession && r.Done && ry == y && rm == m && rd == d && !r.Started.After(now) {
			n++
		}
	}
	return n
}

func runWord(k routines.Kind) string {
	if k == routines.KindBreathe {
		return "breathing run"
	}
	return "session"
}
