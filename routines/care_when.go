package routines

import "time"

// How the care plan says a time, always on the clock where the person is
// now (now's location): "14:30" today, "tomorrow 01:00", "yesterday
// 23:00", or "Mon 2 Mar 14:30" further away.

// civilDays is how many calendar days the date of b is after the date of a,
// each read in its own location.
func careDays(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Round(24*time.Hour) / (24 * time.Hour))
}

// when says instant t on now's clock.
func careWhen(now, t time.Time) string {
	t = t.In(now.Location())
	clock := t.Format("15:04")
	switch careDays(now, t) {
	case 0:
		return clock
	case 1:
		return "tomorrow " + clock
	case -1:
		return "yesterday " + clock
	}
	return t.Format("Mon 2 Jan 15:04")
}

// careSince says a past instant t as seen from now, always with its day:
// "today 09:00", "yesterday 21:30", "Mon 2 Mar 09:00" (a bare clock
// after "since" reads as a time still to come).
func careSince(now, t time.Time) string {
	if careDays(now, t.In(now.Location())) == 0 {
		return "today " + t.In(now.Location()).Format("15:04")
	}
	return careWhen(now, t)
}

// dayWord says the calendar day of t (read in t's own location) as seen
// from now: "today", "yesterday", "tomorrow", or "on Mon 2 Mar".
func careDay(now, t time.Time) string {
	switch careDays(now, t) {
	case 0:
		return "today"
	case -1:
		return "yesterday"
	case 1:
		return "tomorrow"
	}
	return "on " + t.Format("Mon 2 Jan")
}

// at says instant t on now's clock after a verb: "at 14:30", "yesterday at
// 23:15", "on Mon 2 Mar at 14:30".
func careAt(now, t time.Time) string {
	t = t.In(now.Location())
	clock := "at " + t.Format("15:04")
	if d := careDays(now, t); d >= -1 && d <= 1 {
		if d == 0 {
			return clock
		}
		return careDay(now, t) + " " + clock
	}
	return "on " + t.Format("Mon 2 Jan") + " " + clock
}
