package routines

import (
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, whatever the machine has installed
)

func careZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// local is a wall-clock time in loc, "2006-01-02 15:04".
func careLocal(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func careUTC(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func iceAt(at time.Time) Application {
	return Application{Kind: KindIce, Started: at, Ended: at.Add(15 * time.Minute), Outcome: Completed}
}

func heatAt(at time.Time) Application {
	return Application{Kind: KindHeat, Started: at, Ended: at.Add(15 * time.Minute), Outcome: Completed}
}

// adviceCase is a moment in someone's spasm: where they are, the episode
// on record, what they applied, and what the plan must say.
type careCase struct {
	name    string
	zone    string
	now     string // local wall clock
	episode func(loc *time.Location) *Episode
	apps    func(loc *time.Location) []Application

	phase     Kind
	next      Kind
	nextAt    string // local wall clock of the next application, "2006-01-02 15:04"
	due       bool
	line      string // one of Lines, exactly
	summary   string
	startIce  string // Starting(KindIce), exactly ("" when on time)
	startHeat string // Starting(KindHeat), exactly
}

func TestAdviseCareSaysWhatIsSuggestedAndWhenTheNextIsDue(t *testing.T) {
	berlinSpasm := func(loc *time.Location) *Episode {
		e := episodeAt(time.Date(2026, 3, 2, 8, 0, 0, 0, loc))
		return &e
	}
	none := func(*time.Location) *Episode { return nil }
	cases := []careCase{
		{
			name: "nothing on record: the first 48 hours are assumed, ice is due",
			zone: "Europe/Berlin", now: "2026-03-02 10:00", episode: none,
			phase: KindIce, next: KindIce, nextAt: "2026-03-02 10:00", due: true,
			line:      "No start of this spasm on record: assuming it is within the first 48 hours.",
			summary:   "no ice or heat today, ice due now",
			startIce:  "",
			startHeat: "Assuming the first 48 hours: the sources suggest ice until they are over, then heat.",
		},
		{
			name: "half an hour after an ice: the next is 2 hours after it began",
			zone: "Europe/Berlin", now: "2026-03-02 13:00", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-02 09:00")), iceAt(careLocal(t, loc, "2026-03-02 12:30"))}
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-02 14:30",
			line:      "Next ice from 14:30 (the last began at 12:30).",
			summary:   "ice 2 today, next from 14:30",
			startIce:  "This is early: the sources suggest the next ice from 14:30 (the last began at 12:30).",
			startHeat: "Still the first 48 hours: the sources suggest ice until Wed 4 Mar 08:00, then heat.",
		},
		{
			name: "an ice late in the evening: the next is after midnight",
			zone: "Europe/Berlin", now: "2026-03-02 23:30", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-02 23:15"))}
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-03 01:15",
			line:      "Next ice from tomorrow 01:15 (the last began at 23:15).",
			summary:   "ice 1 today, next from tomorrow 01:15",
			startIce:  "This is early: the sources suggest the next ice from tomorrow 01:15 (the last began at 23:15).",
			startHeat: "Still the first 48 hours: the sources suggest ice until Wed 4 Mar 08:00, then heat.",
		},
		{
			name: "just after midnight the evening's ice is yesterday's",
			zone: "Europe/Berlin", now: "2026-03-03 00:10", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-02 23:15"))}
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-03 01:15",
			line:      "Next ice from 01:15 (the last began yesterday at 23:15).",
			summary:   "no ice or heat today, next ice from 01:15",
			startIce:  "This is early: the sources suggest the next ice from 01:15 (the last began yesterday at 23:15).",
			startHeat: "Still the first 48 hours: the sources suggest ice until tomorrow 08:00, then heat.",
		},
		{
			name: "an ice shortly before the 48 hours end: heat next, 2 hours after that ice",
			zone: "Europe/Berlin", now: "2026-03-04 07:30", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-04 07:00"))}
			},
			phase: KindIce, next: KindHeat, nextAt: "2026-03-04 09:00",
			line:      "Next heat from 09:00 (the last ice began at 07:00).",
			summary:   "ice 1 today, next heat from 09:00",
			startIce:  "This is early: the sources suggest heat next, from 09:00 (the last ice began at 07:00).",
			startHeat: "Still the first 48 hours: the sources suggest ice until 08:00, then heat.",
		},
		{
			name: "an ice exactly 2 hours before the change: heat when the 48 hours end",
			zone: "Europe/Berlin", now: "2026-03-04 06:30", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-04 06:00"))}
			},
			phase: KindIce, next: KindHeat, nextAt: "2026-03-04 08:00",
			line:      "Next heat from 08:00, when the first 48 hours end.",
			startIce:  "This is early: the sources suggest heat next, from 08:00 (the last ice began at 06:00).",
			startHeat: "Still the first 48 hours: the sources suggest ice until 08:00, then heat.",
		},
		{
			name: "just past 48 hours: heat, once 2 hours have passed since the last ice",
			zone: "Europe/Berlin", now: "2026-03-04 08:30", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-04 07:00"))}
			},
			phase: KindHeat, next: KindHeat, nextAt: "2026-03-04 09:00",
			line:      "The first 48 hours are over (since today 08:00): moist heat now, until the pain eases.",
			startIce:  "The first 48 hours are over (since today 08:00): the sources suggest heat now rather than ice.",
			startHeat: "This is early: the sources suggest the next heat from 09:00 (the last ice began at 07:00).",
		},
		{
			name: "in the heat phase the next heat is 4 hours after the last",
			zone: "Europe/Berlin", now: "2026-03-04 10:00", episode: berlinSpasm,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-04 07:00")), heatAt(careLocal(t, loc, "2026-03-04 09:30"))}
			},
			phase: KindHeat, next: KindHeat, nextAt: "2026-03-04 13:30",
			line:      "Next heat from 13:30 (the last began at 09:30).",
			summary:   "ice 1, heat 1 today, next heat from 13:30",
			startIce:  "The first 48 hours are over (since today 08:00): the sources suggest heat now rather than ice.",
			startHeat: "This is early: the sources suggest the next heat from 13:30 (the last began at 09:30).",
		},
		{
			name: "\"2 days ago or more\": heat, due now",
			zone: "Europe/Berlin", now: "2026-03-04 10:00",
			episode: func(loc *time.Location) *Episode {
				e := EpisodeFrom(careLocal(t, loc, "2026-03-04 10:00"), OnsetEarlier)
				return &e
			},
			phase: KindHeat, next: KindHeat, nextAt: "2026-03-04 10:00", due: true,
			line:    "The spasm began 2 days ago or more.",
			summary: "no ice or heat today, heat due now",
			// Over, but not since a time it could name (it said "since today 00:00").
			startIce:  "The first 2 days are over: the sources suggest heat now rather than ice.",
			startHeat: "",
		},
		{
			name: "spring forward in Berlin: 2 hours after 01:30 is 04:30",
			zone: "Europe/Berlin", now: "2026-03-29 01:45", episode: none,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-29 01:30"))}
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-29 04:30",
			line:      "Next ice from 04:30 (the last began at 01:30).",
			startIce:  "This is early: the sources suggest the next ice from 04:30 (the last began at 01:30).",
			startHeat: "Assuming the first 48 hours: the sources suggest ice until they are over, then heat.",
		},
		{
			name: "a day episode over the spring change: ice until the second midnight, 47 hours",
			zone: "Europe/Berlin", now: "2026-03-29 23:59",
			episode: func(loc *time.Location) *Episode {
				e := EpisodeFrom(careLocal(t, loc, "2026-03-29 10:00"), OnsetYesterday)
				return &e
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-29 23:59", due: true,
			line:      "The first 2 days: ice, until tomorrow 00:00; moist heat after.",
			startIce:  "",
			startHeat: "Still the first 2 days: the sources suggest ice until tomorrow 00:00, then heat.",
		},
		{
			name: "and at that midnight, heat",
			zone: "Europe/Berlin", now: "2026-03-30 00:00",
			episode: func(loc *time.Location) *Episode {
				e := EpisodeFrom(careLocal(t, loc, "2026-03-29 10:00"), OnsetYesterday)
				return &e
			},
			phase: KindHeat, next: KindHeat, nextAt: "2026-03-30 00:00", due: true,
			line:      "The spasm began on Sat 28 Mar.",
			startIce:  "The first 2 days are over (since today 00:00): the sources suggest heat now rather than ice.",
			startHeat: "",
		},
		{
			name: "Kiritimati (UTC+14): just after midnight, the ice of 10:00Z is today's",
			zone: "Pacific/Kiritimati", now: "2026-03-04 00:30",
			episode: func(loc *time.Location) *Episode {
				e := EpisodeFrom(careLocal(t, loc, "2026-03-04 00:30"), OnsetYesterday)
				return &e
			},
			apps: func(*time.Location) []Application {
				return []Application{iceAt(careUTC(t, "2026-03-03T09:00:00Z")), iceAt(careUTC(t, "2026-03-03T10:00:00Z"))}
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-04 02:00",
			line:      "The first 2 days: ice, until tomorrow 00:00; moist heat after.",
			summary:   "ice 1 today, next from 02:00",
			startIce:  "This is early: the sources suggest the next ice from 02:00 (the last began at 00:00).",
			startHeat: "Still the first 2 days: the sources suggest ice until tomorrow 00:00, then heat.",
		},
		{
			name: "Etc/GMT+12 (UTC-12), the same instant: both ices are today's, and heat takes over at midnight",
			zone: "Etc/GMT+12", now: "2026-03-02 22:30",
			episode: func(loc *time.Location) *Episode {
				e := EpisodeFrom(careLocal(t, loc, "2026-03-02 22:30"), OnsetYesterday)
				return &e
			},
			apps: func(*time.Location) []Application {
				return []Application{iceAt(careUTC(t, "2026-03-03T09:00:00Z")), iceAt(careUTC(t, "2026-03-03T10:00:00Z"))}
			},
			phase: KindIce, next: KindHeat, nextAt: "2026-03-03 00:00",
			line:      "Next heat from tomorrow 00:00, when the first 2 days end.",
			summary:   "ice 2 today, next heat from tomorrow 00:00",
			startIce:  "This is early: the sources suggest heat next, from tomorrow 00:00 (the last ice began at 22:00).",
			startHeat: "Still the first 2 days: the sources suggest ice until tomorrow 00:00, then heat.",
		},
		{
			name: "an application recorded after now (a clock set back) is left out, and a session is not care",
			zone: "UTC", now: "2026-03-02 10:00", episode: none,
			apps: func(loc *time.Location) []Application {
				return []Application{iceAt(careLocal(t, loc, "2026-03-02 11:00")), iceAt(careLocal(t, loc, "2026-03-02 07:00")),
					{Kind: KindSession, Started: careLocal(t, loc, "2026-03-02 09:30")}}
			},
			phase: KindIce, next: KindIce, nextAt: "2026-03-02 10:00", due: true,
			summary:   "ice 1 today, ice due now",
			startIce:  "",
			startHeat: "Assuming the first 48 hours: the sources suggest ice until they are over, then heat.",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			loc := careZone(t, c.zone)
			now := careLocal(t, loc, c.now)
			var apps []Application
			if c.apps != nil {
				apps = c.apps(loc)
			}
			a := AdviseCare(now, c.episode(loc), apps)
			if a.Phase != c.phase || a.Next != c.next {
				t.Errorf("phase %s, next %s; want phase %s, next %s", a.Phase, a.Next, c.phase, c.next)
			}
			if got := a.NextAt.In(loc).Format("2006-01-02 15:04"); got != c.nextAt {
				t.Errorf("next from %s, want %s", got, c.nextAt)
			}
			if a.Due() != c.due {
				t.Errorf("due now: %v, want %v", a.Due(), c.due)
			}
			lines := a.Lines()
			if c.line != "" && !slices.Contains(lines, c.line) {
				t.Errorf("lines do not say %q:\n%s", c.line, strings.Join(lines, "\n"))
			}
			if c.summary != "" && a.Summary() != c.summary {
				t.Errorf("summary %q, want %q", a.Summary(), c.summary)
			}
			if got := a.Starting(KindIce); got != c.startIce {
				t.Errorf("starting ice says %q, want %q", got, c.startIce)
			}
			if got := a.Starting(KindHeat); got != c.startHeat {
				t.Errorf("starting heat says %q, want %q", got, c.startHeat)
			}
		})
	}
}

func TestADayEpisodeEndsItsIceAtTheSecondMidnightWhateverTheClocksDo(t *testing.T) {
	berlin := careZone(t, "Europe/Berlin")
	cases := []struct {
		name     string
		loc      *time.Location
		answered string
		onset    Onset
		until    string // local
		hours    time.Duration
	}{
		{"spring forward inside the two days", berlin, "2026-03-29 10:00", OnsetYesterday, "2026-03-30 00:00", 47 * time.Hour},
		{"fall back inside the two days", berlin, "2026-10-24 18:00", OnsetToday, "2026-10-26 00:00", 49 * time.Hour},
		{"an ordinary two days", berlin, "2026-03-03 23:50", OnsetToday, "2026-03-05 00:00", 48 * time.Hour},
		{"2 days ago or more is over by today", careZone(t, "Pacific/Kiritimati"), "2026-03-04 00:30", OnsetEarlier, "2026-03-04 00:00", 48 * time.Hour},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := EpisodeFrom(careLocal(t, c.loc, c.answered), c.onset)
			until := e.IceUntil(c.loc)
			if got := until.In(c.loc).Format("2006-01-02 15:04"); got != c.until {
				t.Errorf("ice until %s, want %s", got, c.until)
			}
			if got := until.Sub(e.Began); got != c.hours {
				t.Errorf("the two days last %v, want %v", got, c.hours)
			}
		})
	}
	// An episode known to the instant lasts 48 real hours, over a clock change too.
	e := episodeAt(careLocal(t, berlin, "2026-03-28 09:00"))
	if got := e.IceUntil(berlin).In(berlin).Format("2006-01-02 15:04"); got != "2026-03-30 10:00" {
		t.Errorf("48 hours after Sat 09:00 CET, over the spring change: %s, want Mon 10:00 CEST", got)
	}
}

func TestADayEpisodeReadBackWithAFixedOffsetKeepsItsDay(t *testing.T) {
	// The history stores instants with their offset (RFC 3339), not the zone
	// name: read back, the day and the change to heat must not move.
	berlin := careZone(t, "Europe/Berlin")
	e := EpisodeFrom(careLocal(t, berlin, "2026-03-29 10:00"), OnsetYesterday)
	stored := e.Began.Format(time.RFC3339)
	back, err := time.Parse(time.RFC3339, stored)
	if err != nil {
		t.Fatal(err)
	}
	read := Episode{Began: back, Day: true}
	if got, want := read.IceUntil(berlin), e.IceUntil(berlin); !got.Equal(want) {
		t.Errorf("stored as %s, ice until %v; want %v", stored, got, want)
	}
	now := careLocal(t, berlin, "2026-03-29 12:00")
	if got := read.Describe(now); got != "yesterday" {
		t.Errorf("described as %q, want yesterday", got)
	}
}

func TestEpisodeDescribe(t *testing.T) {
	berlin := careZone(t, "Europe/Berlin")
	now := careLocal(t, berlin, "2026-03-04 10:00")
	cases := []struct {
		e    Episode
		want string
	}{
		{EpisodeFrom(now, OnsetToday), "today"},
		{EpisodeFrom(now, OnsetYesterday), "yesterday"},
		{EpisodeFrom(now, OnsetEarlier), "2 days ago or more"},
		{episodeAt(careLocal(t, berlin, "2026-03-04 07:40")), "today at 07:40"},
		{episodeAt(careLocal(t, berlin, "2026-03-03 22:05")), "yesterday at 22:05"},
		{episodeAt(careUTC(t, "2026-03-01T23:30:00Z")), "on Mon 2 Mar at 00:30"},
	}
	for _, c := range cases {
		if got := c.e.Describe(now); got != c.want {
			t.Errorf("%+v described as %q, want %q", c.e, got, c.want)
		}
	}
	// "today" answered at Kiritimati (UTC+14), read in Los Angeles (UTC-8)
	// the same hour: there the date is a day behind. It began today, not
	// tomorrow.
	kiritimati, la := careZone(t, "Pacific/Kiritimati"), careZone(t, "America/Los_Angeles")
	answered := careLocal(t, kiritimati, "2026-12-04 09:00")
	if got := EpisodeFrom(answered, OnsetToday).Describe(answered.In(la)); got != "today" {
		t.Errorf("a spasm of today at Kiritimati, seen in Los Angeles, began %q; want today", got)
	}
}

func TestParseOnset(t *testing.T) {
	for in, want := range map[string]Onset{"today": OnsetToday, " T ": OnsetToday, "yesterday": OnsetYesterday,
		"1": OnsetYesterday, "earlier": OnsetEarlier, "2+": OnsetEarlier} {
		if got, err := ParseOnset(in); err != nil || got != want {
			t.Errorf("ParseOnset(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	_, err := ParseOnset("last week")
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "today, yesterday or earlier") {
		t.Errorf("ParseOnset(last week): %v", err)
	}
}

// An ice stopped a few seconds after it went on (a wrong key) does not
// count: the next ice is not pushed two hours on, nor counted today.
func TestAccidentalApplicationDoesNotCount(t *testing.T) {
	loc := time.UTC
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, loc)
	ep := episodeAt(now.Add(-3 * time.Hour))
	brief := Application{Kind: KindIce, Started: now.Add(-10 * time.Minute), Ended: now.Add(-10*time.Minute + 3*time.Second), Outcome: Stopped}
	a := AdviseCare(now, &ep, []Application{brief})
	if a.IceToday != 0 || !a.Due() {
		t.Errorf("after a 3 s ice: %d today, due %v; want none counted and ice due now", a.IceToday, a.Due())
	}
	real := brief
	real.Ended, real.Outcome = brief.Started.Add(15*time.Minute), Completed
	if a := AdviseCare(now, &ep, []Application{real}); a.IceToday != 1 || a.Due() {
		t.Errorf("after a whole ice: %d today, due %v; want 1 and not due yet", a.IceToday, a.Due())
	}
}

// episodeAt is a spasm that began at instant t.
func episodeAt(t time.Time) Episode { return Episode{Began: t} }

// The plan's rule names its source by title, in the ice phase and in the
// heat phase: a bare "(001)" means nothing to a person.
func TestThePlansRuleNamesItsSource(t *testing.T) {
	loc := time.UTC
	e := episodeAt(time.Date(2026, 3, 2, 8, 0, 0, 0, loc))
	for _, now := range []time.Time{
		time.Date(2026, 3, 2, 10, 0, 0, 0, loc), // ice
		time.Date(2026, 3, 6, 10, 0, 0, 0, loc), // heat
	} {
		lines := strings.Join(AdviseCare(now, &e, nil).Lines(), "\n")
		if !strings.Contains(lines, "at most every") {
			t.Fatalf("at %v the plan has no rule line:\n%s", now, lines)
		}
		if !strings.Contains(lines, "(001 “Lower Back Spasms”)") {
			t.Errorf("at %v the plan's rule does not name 001 by its title:\n%s", now, lines)
		}
	}
}

// "2 days ago or more": the plan says the first 2 days are over, not
// since when (it said "since today 00:00", a time it cannot know).
func TestCarePlanOfAnEarlierSpasmNamesNoTime(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	e := EpisodeFrom(now, OnsetEarlier)
	lines := strings.Join(AdviseCare(now, &e, nil).Lines(), "\n")
	if !strings.Contains(lines, "The first 2 days are over: moist heat now") || strings.Contains(lines, "since") {
		t.Errorf("the plan:\n%s", lines)
	}
}
