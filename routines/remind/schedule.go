package remind

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
)

// CareCheck is how often a care reminder looks at the care plan: every
// quarter hour on the clock (:00, :15, :30, :45).
const CareCheck = 15 * time.Minute

// Next is the first instant after now at which reminder r fires, on
// now's clock. A time that a clock change skips (02:30 on the night
// clocks go forward) is read as the clock reads it after the change.
func Next(r routines.Reminder, now time.Time) time.Time {
	if r.What == routines.NudgeCare || r.At == routines.NoClock {
		t := now.Truncate(time.Minute)
		t = t.Add(time.Duration(15-t.Minute()%15) * time.Minute)
		for i := 0; i < 8*24*4 && !r.Days.Has(t.Weekday()); i++ {
			t = t.Add(CareCheck)
		}
		return t
	}
	y, m, d := now.Date()
	for i := 0; i <= 7; i++ {
		t := time.Date(y, m, d+i, r.At.Hour(), r.At.Minute(), 0, 0, now.Location())
		if t.After(now) && r.Days.Has(t.Weekday()) {
			return t
		}
	}
	return time.Time{}
}

// NextSpoken is the first instant after now at which reminder r fires
// outside the quiet hours q, so that it may speak: a care reminder looks
// at the care plan every quarter hour, but in the quiet hours says
// nothing. Zero when it never fires outside them.
func NextSpoken(r routines.Reminder, now time.Time, q routines.QuietHours) time.Time {
	t := Next(r, now)
	for i := 0; i < 8*24*4 && !t.IsZero() && q.Contains(t); i++ {
		t = Next(r, t)
	}
	if q.Contains(t) {
		return time.Time{}
	}
	return t
}

// InQuiet reports whether reminder r's time of day falls in the quiet
// hours q: the scheduler would run it, and the nudge would stay quiet
// every time. A care reminder has no time of day and never does.
func InQuiet(r routines.Reminder, q routines.QuietHours) bool {
	if r.What == routines.NudgeCare || r.At == routines.NoClock {
		return false
	}
	return q.Contains(time.Date(2001, time.January, 1, r.At.Hour(), r.At.Minute(), 0, 0, time.UTC))
}

// Describe says when a reminder fires: "08:30, mon-fri" or "when ice or
// heat is due (checked every 15 minutes), daily".
func Describe(r routines.Reminder) string {
	if r.What == routines.NudgeCare {
		return "when ice or heat is due (checked every 15 minutes), " + r.Days.String()
	}
	return r.At.String() + ", " + r.Days.String()
}

// AddCommand is the command that makes reminder r.
func AddCommand(r routines.Reminder) string {
	var b strings.Builder
	b.WriteString("unknot remind add")
	if r.What != routines.NudgeCare {
		b.WriteString(" " + r.At.String())
	}
	if r.Days != routines.EveryDay {
		b.WriteString(" --days " + r.Days.String())
	}
	b.WriteString(" --what " + string(r.What))
	if r.ID != routines.ReminderID(r.What, r.At) {
		b.WriteString(" --id " + r.ID)
	}
	return b.String()
}

// calendarDays writes days the way systemd's OnCalendar does, Monday
// first: "Mon..Fri", "Mon,Wed,Fri"; "" for every day.
func calendarDays(w routines.Weekdays) string {
	if w == routines.EveryDay {
		return ""
	}
	name := func(d time.Weekday) string { return d.String()[:3] }
	var parts []string
	for _, r := range dayRuns(w) {
		switch {
		case r[0] == r[1]:
			parts = append(parts, name(r[0]))
		case next(r[0]) == r[1]:
			parts = append(parts, name(r[0]), name(r[1]))
		default:
			parts = append(parts, name(r[0])+".."+name(r[1]))
		}
	}
	return strings.Join(parts, ",")
}

// dayRuns are w's days as runs of days in a row, Monday first: each the
// first and the last day of the run.
func dayRuns(w routines.Weekdays) [][2]time.Weekday {
	var runs [][2]time.Weekday
	days := w.Days()
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && next(days[j]) == days[j+1] {
			j++
		}
		runs = append(runs, [2]time.Weekday{days[i], days[j]})
		i = j + 1
	}
	return runs
}

// next is the day after d, in a Monday-first week (Sunday ends it).
func next(d time.Weekday) time.Weekday {
	if d == time.Sunday {
		return -1
	}
	return (d + 1) % 7
}

// OnCalendar is the reminder's time as a systemd OnCalendar expression.
func OnCalendar(r routines.Reminder) string {
	clock := fmt.Sprintf("%02d:%02d:00", r.At.Hour(), r.At.Minute())
	if r.What == routines.NudgeCare {
		clock = "*:00/15:00"
	}
	if d := calendarDays(r.Days); d != "" {
		return d + " *-*-* " + clock
	}
	return "*-*-* " + clock
}

// cronDays writes days as a crontab's day-of-week field, Monday first:
// "*", "1-5", "6,0", "1,3,5".
func cronDays(w routines.Weekdays) string {
	if w == routines.EveryDay {
		return "*"
	}
	var parts []string
	for _, r := range dayRuns(w) {
		switch {
		case r[0] == r[1]:
			parts = append(parts, strconv.Itoa(int(r[0])))
		case next(r[0]) == r[1]:
			parts = append(parts, strconv.Itoa(int(r[0])), strconv.Itoa(int(r[1])))
		default:
			parts = append(parts, fmt.Sprintf("%d-%d", r[0], r[1]))
		}
	}
	return strings.Join(parts, ",")
}
