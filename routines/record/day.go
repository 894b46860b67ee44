package record

import (
	"fmt"
	"time"
)

// Day is a calendar date, "YYYY-MM-DD". A session belongs to the date on
// the wall clock where and when it started: a stretch at 23:30 in New York
// counts for that day, even if the person later reads their history in
// Paris. Days sort as strings.
type Day string

// DayOf is the date of t in t's own location.
func DayOf(t time.Time) Day { return Day(t.Format(time.DateOnly)) }

// ParseDay reads "YYYY-MM-DD".
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return "", fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, e.g. 2025-03-01", s)
	}
	return DayOf(t), nil
}

// Time is midnight at the start of d, in UTC.
func (d Day) Time() time.Time {
	t, _ := time.Parse(time.DateOnly, string(d))
	return t
}

// Add is the date n days after d (before, for negative n).
func (d Day) Add(n int) Day { return DayOf(d.Time().AddDate(0, 0, n)) }

// Weekday is the day of the week of d.
func (d Day) Weekday() time.Weekday { return d.Time().Weekday() }

// Week is the Monday that starts d's week.
func (d Day) Week() Day { return d.Add(-((int(d.Weekday()) + 6) % 7)) }
