package routines

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The values of config.toml's reminders: a [[remind]] table per reminder
// (at, days, what, id) and the quiet hours (quiet = "21:00-08:00"), and
// how they are written on the command line. They live here, beside the
// rest of config.toml, so that a mistake in them is config.toml:line:column
// like any other; routines/remind schedules them (config_remind.go reads
// the tables).

// Clock is a time of day on the local clock, in minutes after midnight.
type Clock int

// ParseClock reads a time of day written H:MM or HH:MM, 00:00 to 23:59.
func ParseClock(s string) (Clock, error) {
	t := strings.TrimSpace(s)
	h, m, ok := strings.Cut(t, ":")
	if ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && digitsOnly(h) && digitsOnly(m) {
		hh, _ := strconv.Atoi(h)
		mm, _ := strconv.Atoi(m)
		if hh < 24 && mm < 60 {
			return Clock(hh*60 + mm), nil
		}
		return 0, fmt.Errorf("%s is not a time of day: hours go from 00 to 23 and minutes from 00 to 59, like 08:30 or 21:00", quote(s))
	}
	return 0, fmt.Errorf("%s is not a time of day: write it as HH:MM on the 24-hour clock, like 08:30 or 17:00", quote(s))
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// Hour and Minute are the clock's hour (0-23) and minute (0-59).
func (c Clock) Hour() int   { return int(c) / 60 }
func (c Clock) Minute() int { return int(c) % 60 }

// String writes the clock as HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute()) }

// ClockOf is the time of day of t, on t's own clock.
func ClockOf(t time.Time) Clock { return Clock(t.Hour()*60 + t.Minute()) }

// Weekdays is a set of days of the week: bit d is time.Weekday(d).
type Weekdays uint8

// EveryDay is all seven days.
const EveryDay Weekdays = 1<<7 - 1

var dayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// weekOrder is the week as it is written: Monday first.
var weekOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// ParseWeekdays reads days written as a person would: "daily",
// "weekdays", "weekends", a day ("mon" or "monday"), a range ("mon-fri",
// "fri-mon" goes round the weekend), or a list of these joined by commas.
func ParseWeekdays(s string) (Weekdays, error) {
	var w Weekdays
	for item := range strings.SplitSeq(strings.ToLower(strings.TrimSpace(s)), ",") {
		item = strings.TrimSpace(item)
		switch item {
		case "daily", "every day", "everyday", "all":
			w |= EveryDay
			continue
		case "weekdays":
			w |= weekdayRange(time.Monday, time.Friday)
			continue
		case "weekends", "weekend":
			w |= weekdayRange(time.Saturday, time.Sunday)
			continue
		}
		from, to, isRange := strings.Cut(item, "-")
		a, ok := dayOf(from)
		if !ok {
			return 0, daysErr(s, from)
		}
		if !isRange {
			w |= 1 << a
			continue
		}
		b, ok := dayOf(to)
		if !ok {
			return 0, daysErr(s, to)
		}
		w |= weekdayRange(a, b)
	}
	return w, nil
}

func daysErr(s, bad string) error {
	if strings.TrimSpace(bad) == "" {
		return fmt.Errorf("days %s: a day is missing; write days like mon-fri, sat,sun, daily or weekdays", quote(s))
	}
	return fmt.Errorf("days %s: %s is not a day; write days like mon-fri, sat,sun, daily or weekdays", quote(s), quote(strings.TrimSpace(bad)))
}

// dayOf reads a day's name: its first three letters or the whole of it.
func dayOf(s string) (time.Weekday, bool) {
	s = strings.TrimSpace(s)
	for d, n := range dayNames {
		full := strings.ToLower(time.Weekday(d).String())
		if s == n || s == full {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

// weekdayRange is the days from a to b, Monday-first, going round the
// week's end when b comes before a ("fri-mon").
func weekdayRange(a, b time.Weekday) Weekdays {
	var w Weekdays
	for d := a; ; d = (d + 1) % 7 {
		w |= 1 << d
		if d == b {
			return w
		}
	}
}

// Has reports whether day d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

// String writes the days the way ParseWeekdays reads them, Monday first:
// "daily", "mon-fri", "sat-sun", "mon,wed,fri".
func (w Weekdays) String() string {
	if w&EveryDay == EveryDay {
		return "daily"
	}
	var parts []string
	for i := 0; i < 7; {
		if !w.Has(weekOrder[i]) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && w.Has(weekOrder[j+1]) {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, dayNames[weekOrder[i]])
		case j == i+1:
			parts = append(parts, dayNames[weekOrder[i]], dayNames[weekOrder[j]])
		default:
			parts = append(parts, dayNames[weekOrder[i]]+"-"+dayNames[weekOrder[j]])
		}
		i = j + 1
	}
	if w == weekdayRange(time.Saturday, time.Sunday) {
		return "sat-sun"
	}
	return strings.Join(parts, ",")
}

// Days lists the days in the set, Monday first.
func (w Weekdays) Days() []time.Weekday {
	var out []time.Weekday
	for _, d := range weekOrder {
		if w.Has(d) {
			out = append(out, d)
		}
	}
	return out
}

// Nudge is what a reminder asks for.
type Nudge string

// The things a reminder may ask for.
const (
	NudgeSession Nudge = "session" // the daily stretch session
	NudgeBreathe Nudge = "breathe" // a few minutes of paced breathing
	NudgeMove    Nudge = "move"    // get up and move gently
	NudgeCare    Nudge = "care"    // ice or heat, when the care plan says one is due
)

// Nudges are the things a reminder may ask for, in the order they are listed.
var Nudges = []Nudge{NudgeSession, NudgeBreathe, NudgeMove, NudgeCare}

// ParseNudge reads what a reminder asks for.
func ParseNudge(s string) (Nudge, error) {
	for _, n := range Nudges {
		if strings.TrimSpace(s) == string(n) {
			return n, nil
		}
	}
	return "", fmt.Errorf("%s is not something to be reminded of; say session, breathe, move or care", quote(s))
}

// Reminder is one [[remind]] table: what, at what time, on which days.
// A care reminder has no time: it follows the care plan (At is NoClock).
type Reminder struct {
	ID   string
	At   Clock
	Days Weekdays
	What Nudge
}

// NoClock is the At of a care reminder.
const NoClock Clock = -1

// MaxReminders is how many reminders config.toml may hold.
const MaxReminders = 24

// MaxReminderID is the longest id a reminder may have.
const MaxReminderID = 32

// ReminderID is the id a reminder gets when none is given: what and when,
// like "session-0830", or "care".
func ReminderID(what Nudge, at Clock) string {
	if what == NudgeCare || at == NoClock {
		return string(what)
	}
	return fmt.Sprintf("%s-%02d%02d", what, at.Hour(), at.Minute())
}

// CheckReminderID refuses an id that is not lower-case letters and digits
// joined by '-', or too long: it becomes part of file names.
func CheckReminderID(id string) error {
	if !nameRE.MatchString(id) || len(id) > MaxReminderID {
		return fmt.Errorf("%s is not a reminder id: use lower-case letters and digits joined by '-', at most %d, like \"morning\"", quote(id), MaxReminderID)
	}
	return nil
}

// QuietHours is the part of each day no reminder speaks in: From up to
// (not including) To, on the local clock, across midnight when From is
// later than To. Off: no quiet hours.
type QuietHours struct {
	From, To Clock
	Off      bool
}

// DefaultQuiet is 21:00 to 08:00.
var DefaultQuiet = QuietHours{From: 21 * 60, To: 8 * 60}

// ParseQuiet reads quiet hours written "21:00-08:00", or "off".
func ParseQuiet(s string) (QuietHours, error) {
	if strings.TrimSpace(s) == "off" {
		return QuietHours{Off: true}, nil
	}
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return QuietHours{}, fmt.Errorf("quiet is %s; write it as two times joined by '-', like \"21:00-08:00\", or \"off\"", quote(s))
	}
	from, err := ParseClock(a)
	if err == nil {
		var to Clock
		if to, err = ParseClock(b); err == nil {
			if from == to {
				return QuietHours{}, fmt.Errorf("quiet is %s, which begins and ends at the same time; give two different times, or \"off\"", quote(s))
			}
			return QuietHours{From: from, To: to}, nil
		}
	}
	return QuietHours{}, fmt.Errorf("quiet: %v", err)
}

// Contains reports whether instant t, on its own clock, is in the quiet hours.
func (q QuietHours) Contains(t time.Time) bool {
	if q.Off {
		return false
	}
	c := ClockOf(t)
	if q.From < q.To {
		return c >= q.From && c < q.To
	}
	return c >= q.From || c < q.To
}

// String writes the quiet hours as config.toml holds them.
func (q QuietHours) String() string {
	if q.Off {
		return "off"
	}
	return q.From.String() + "-" + q.To.String()
}
