package remind

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

func TestOnCalendar(t *testing.T) {
	days := func(s string) routines.Weekdays {
		w, err := routines.ParseWeekdays(s)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	cases := []struct {
		r    routines.Reminder
		want string
	}{
		{routines.Reminder{At: 8*60 + 30, Days: days("mon-fri"), What: routines.NudgeSession}, "Mon..Fri *-*-* 08:30:00"},
		{routines.Reminder{At: 21*60 + 5, Days: days("daily"), What: routines.NudgeMove}, "*-*-* 21:05:00"},
		{routines.Reminder{At: 7 * 60, Days: days("fri-mon"), What: routines.NudgeBreathe}, "Mon,Fri..Sun *-*-* 07:00:00"},
		{routines.Reminder{At: 7 * 60, Days: days("mon,wed,fri"), What: routines.NudgeBreathe}, "Mon,Wed,Fri *-*-* 07:00:00"},
		{routines.Reminder{At: routines.NoClock, Days: days("sat,sun"), What: routines.NudgeCare}, "Sat,Sun *-*-* *:00/15:00"},
	}
	for _, c := range cases {
		if got := OnCalendar(c.r); got != c.want {
			t.Errorf("OnCalendar(%v) = %q, want %q", c.r, got, c.want)
		}
	}
}

func TestNext(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	weekdays, _ := routines.ParseWeekdays("mon-fri")
	r := routines.Reminder{At: 8*60 + 30, Days: weekdays, What: routines.NudgeSession}
	cases := []struct {
		now, want time.Time
	}{
		{at(berlin, 2026, time.March, 10, 7, 0), at(berlin, 2026, time.March, 10, 8, 30)},  // Tuesday, before
		{at(berlin, 2026, time.March, 10, 8, 30), at(berlin, 2026, time.March, 11, 8, 30)}, // at the minute: the next day
		{at(berlin, 2026, time.March, 13, 9, 0), at(berlin, 2026, time.March, 16, 8, 30)},  // Friday after: Monday
	}
	for _, c := range cases {
		if got := Next(r, c.now); !got.Equal(c.want) {
			t.Errorf("Next at %v = %v, want %v", c.now, got, c.want)
		}
	}
	// 02:30 does not exist in Berlin on 29 March 2026: Go reads it as
	// 03:30 CEST, which is what the clock shows an hour after 01:30.
	night := routines.Reminder{At: 2*60 + 30, Days: routines.EveryDay, What: routines.NudgeMove}
	got := Next(night, at(berlin, 2026, time.March, 29, 1, 0))
	if got.Hour() != 3 || got.Minute() != 30 || got.Day() != 29 {
		t.Errorf("Next over the spring gap = %v", got)
	}
	care := routines.Reminder{At: routines.NoClock, Days: routines.EveryDay, What: routines.NudgeCare}
	if got := Next(care, at(berlin, 2026, time.March, 10, 10, 7)); !got.Equal(at(berlin, 2026, time.March, 10, 10, 15)) {
		t.Errorf("care's next check = %v, want 10:15", got)
	}
}

func TestAddCommandMakesTheSameReminder(t *testing.T) {
	weekdays, _ := routines.ParseWeekdays("mon-fri")
	cases := map[string]routines.Reminder{
		"unknot remind add 08:30 --days mon-fri --what session":             {ID: "session-0830", At: 8*60 + 30, Days: weekdays, What: routines.NudgeSession},
		"unknot remind add --what care":                                     {ID: "care", At: routines.NoClock, Days: routines.EveryDay, What: routines.NudgeCare},
		"unknot remind add 15:00 --days mon-fri --what move --id afternoon": {ID: "afternoon", At: 15 * 60, Days: weekdays, What: routines.NudgeMove},
	}
	for want, r := range cases {
		if got := AddCommand(r); got != want {
			t.Errorf("AddCommand = %q, want %q", got, want)
		}
	}
}

// A care reminder's next look that can speak is the first quarter hour
// outside the quiet hours: at 07:33 in 21:00-08:00, 08:00, not 07:45.
func TestNextSpokenPassesTheQuietHours(t *testing.T) {
	day := func(h, m int) time.Time { return time.Date(2026, time.March, 10, h, m, 0, 0, time.UTC) }
	care := routines.Reminder{At: routines.NoClock, Days: routines.EveryDay, What: routines.NudgeCare}
	move := routines.Reminder{At: 7 * 60, Days: routines.EveryDay, What: routines.NudgeMove}
	cases := []struct {
		name string
		r    routines.Reminder
		now  time.Time
		q    routines.QuietHours
		want time.Time
	}{
		{"care in the quiet hours", care, day(7, 33), routines.DefaultQuiet, day(8, 0)},
		{"care before midnight", care, day(22, 10), routines.DefaultQuiet, day(8, 0).AddDate(0, 0, 1)},
		{"care outside them", care, day(10, 7), routines.DefaultQuiet, day(10, 15)},
		{"care with quiet off", care, day(7, 33), routines.QuietHours{Off: true}, day(7, 45)},
		{"a time inside them: never", move, day(10, 0), routines.DefaultQuiet, time.Time{}},
	}
	for _, c := range cases {
		if got := NextSpoken(c.r, c.now, c.q); !got.Equal(c.want) {
			t.Errorf("%s: NextSpoken = %v, want %v", c.name, got, c.want)
		}
	}
}
