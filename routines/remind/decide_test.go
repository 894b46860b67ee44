package remind

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s is not in this system's zone data: %v", name, err)
	}
	return loc
}

func at(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// session is a stretch session that counts (a rep or more done), ended
// as planned.
func session(start time.Time, length time.Duration) Run {
	return Run{Kind: routines.KindSession, Started: start, Ended: start.Add(length), Outcome: routines.Completed, Done: true}
}

// painStop is a stretch session stopped for pain before its first rep
// was done: it does not count.
func painStop(start time.Time, length time.Duration) Run {
	return Run{Kind: routines.KindSession, Started: start, Ended: start.Add(length), Outcome: routines.Pain}
}

// The nudge's decision: fire, or stay quiet, for a history and a clock.
func TestDecideFiresOrStaysQuiet(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	kiri := zone(t, "Pacific/Kiritimati") // UTC+14: its day begins before anyone's
	twice := Setup{Quiet: routines.DefaultQuiet, Reminders: []routines.Reminder{
		{ID: "a", At: 8*60 + 30, Days: routines.EveryDay, What: routines.NudgeSession},
		{ID: "b", At: 17 * 60, Days: routines.EveryDay, What: routines.NudgeSession},
	}}
	plain := Setup{Quiet: routines.DefaultQuiet}
	morning := at(berlin, 2026, time.March, 10, 8, 30) // a Tuesday
	ice := func(start time.Time) routines.Application {
		return routines.Application{Kind: routines.KindIce, Started: start, Ended: start.Add(15 * time.Minute), Outcome: routines.Completed}
	}
	spasm := routines.Episode{Began: at(berlin, 2026, time.March, 10, 6, 0)}
	cases := []struct {
		name  string
		now   time.Time
		what  routines.Nudge
		setup Setup
		facts Facts
		fire  bool
		why   string
	}{
		{"nothing done yet: fires", morning, routines.NudgeSession, plain, Facts{}, true, "0 of 1 planned"},
		{"a session 20 minutes ago", morning, routines.NudgeSession, plain,
			Facts{Runs: []Run{session(morning.Add(-30*time.Minute), 10*time.Minute)}}, false, "less than an hour ago"},
		{"a breathing run 50 minutes ago quiets a move reminder", morning, routines.NudgeMove, plain,
			Facts{Runs: []Run{{Kind: routines.KindBreathe, Started: morning.Add(-55 * time.Minute), Ended: morning.Add(-50 * time.Minute)}}}, false, "breathing run ended at 07:40"},
		{"a session that never ended, 30 minutes ago", morning, routines.NudgeSession, plain,
			Facts{Runs: []Run{{Kind: routines.KindSession, Started: morning.Add(-30 * time.Minute)}}}, false, "less than an hour ago"},
		{"a session stopped for pain at 0 reps 20 minutes ago", morning, routines.NudgeSession, plain,
			Facts{Runs: []Run{painStop(morning.Add(-22*time.Minute), 2*time.Minute)}}, false, "a session was stopped for pain at 08:10, less than an hour ago"},
		{"a pain stop at 0 reps quiets a move reminder too", morning, routines.NudgeMove, plain,
			Facts{Runs: []Run{painStop(morning.Add(-59*time.Minute), time.Minute)}}, false, "stopped for pain at 07:32"},
		{"a session stopped early with nothing done, 30 minutes ago", morning, routines.NudgeSession, plain,
			Facts{Runs: []Run{{Kind: routines.KindSession, Started: morning.Add(-31 * time.Minute), Ended: morning.Add(-30 * time.Minute), Outcome: routines.Stopped}}}, false, "a session ended at 08:00, less than an hour ago"},
		{"a breathing run closed before its first breath, 10 minutes ago", morning, routines.NudgeBreathe, plain,
			Facts{Runs: []Run{{Kind: routines.KindBreathe, Started: morning.Add(-10 * time.Minute), Ended: morning.Add(-10 * time.Minute), Outcome: routines.Stopped}}}, false, "breathing run ended at 08:20"},
		{"a pain stop at 0 reps an hour ago: fires, and it is not a done session", morning, routines.NudgeSession, plain,
			Facts{Runs: []Run{painStop(morning.Add(-62*time.Minute), 2*time.Minute)}}, true, "0 of 1 planned sessions done today"},
		{"a pain stop at 0 reps this morning does not make the day done", at(berlin, 2026, time.March, 10, 17, 0), routines.NudgeSession, plain,
			Facts{Runs: []Run{painStop(morning, 2*time.Minute)}}, true, "0 of 1 planned"},
		{"two planned, one done and one stopped for pain at 0 reps: fires", at(berlin, 2026, time.March, 10, 19, 0), routines.NudgeSession, twice,
			Facts{Runs: []Run{session(morning, 10*time.Minute), painStop(at(berlin, 2026, time.March, 10, 17, 0), 2*time.Minute)}}, true, "1 of 2 planned"},
		{"in the quiet hours", at(berlin, 2026, time.March, 10, 22, 0), routines.NudgeSession, plain, Facts{}, false, "quiet hours (21:00-08:00)"},
		{"quiet hours end at 08:00", at(berlin, 2026, time.March, 10, 7, 59), routines.NudgeMove, plain, Facts{}, false, "quiet hours"},
		{"quiet hours off", at(berlin, 2026, time.March, 10, 23, 0), routines.NudgeMove, Setup{Quiet: routines.QuietHours{Off: true}}, Facts{}, true, ""},
		{"a done day: the one planned session", at(berlin, 2026, time.March, 10, 17, 0), routines.NudgeSession, plain,
			Facts{Runs: []Run{session(morning, 10*time.Minute)}}, false, "today's sessions are done (1 of 1 planned)"},
		{"two planned, one done: fires", at(berlin, 2026, time.March, 10, 17, 0), routines.NudgeSession, twice,
			Facts{Runs: []Run{session(morning, 10*time.Minute)}}, true, "1 of 2 planned"},
		{"two planned, two done: a move reminder stays quiet too", at(berlin, 2026, time.March, 10, 19, 0), routines.NudgeMove, twice,
			Facts{Runs: []Run{session(morning, 10*time.Minute), session(at(berlin, 2026, time.March, 10, 17, 0), 10*time.Minute)}}, false, "(2 of 2 planned)"},
		{"yesterday's session does not make today done", morning, routines.NudgeSession, plain,
			Facts{Runs: []Run{session(morning.Add(-20*time.Hour), 10*time.Minute)}}, true, "0 of 1"},
		// Kiritimati is 14 hours ahead of UTC: a session at 23:00 UTC on
		// the 9th was at 13:00 on the 10th there, so the 10th is done.
		{"a far time zone: the day is the person's", at(kiri, 2026, time.March, 10, 18, 0), routines.NudgeSession, plain,
			Facts{Runs: []Run{session(time.Date(2026, time.March, 9, 23, 0, 0, 0, time.UTC), 10*time.Minute)}}, false, "today's sessions are done"},
		{"a far time zone: a session on the UTC date of the 10th is the 11th there", at(kiri, 2026, time.March, 10, 18, 0), routines.NudgeSession, plain,
			Facts{Runs: []Run{session(time.Date(2026, time.March, 10, 11, 0, 0, 0, time.UTC), 10*time.Minute)}}, true, "0 of 1"},
		{"a far time zone: quiet hours on its own clock", at(kiri, 2026, time.March, 10, 6, 0), routines.NudgeSession, plain, Facts{}, false, "quiet hours"},
		// Clocks go forward in Berlin at 02:00 on 29 March 2026: 01:50 CET
		// to 03:10 CEST is 20 minutes, not 80.
		{"DST: the last hour is measured in real time", at(berlin, 2026, time.March, 29, 3, 10), routines.NudgeMove, Setup{Quiet: routines.QuietHours{Off: true}},
			Facts{Runs: []Run{session(at(berlin, 2026, time.March, 29, 1, 40), 10*time.Minute)}}, false, "ended at 01:50, less than an hour ago"},
		{"DST: clocks back, 23 hours later is still the same day's count", at(berlin, 2026, time.October, 25, 20, 0), routines.NudgeSession, plain,
			Facts{Runs: []Run{session(at(berlin, 2026, time.October, 25, 0, 30), 10*time.Minute)}}, false, "done (1 of 1"},
		{"care: nothing in use", morning, routines.NudgeCare, plain, Facts{CareKnow: true}, false, "no ice or heat in use"},
		{"care: ice became due in this quarter hour", at(berlin, 2026, time.March, 10, 10, 5), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 8, 0))}}, true, "ice became due"},
		{"care: due since the last quarter, said then", at(berlin, 2026, time.March, 10, 10, 20), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 8, 0))}}, false, "said then"},
		{"care: not due yet", at(berlin, 2026, time.March, 10, 9, 0), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 8, 0))}}, false, "the next ice is from 10:00"},
		{"care: due overnight, said at the first check after the quiet hours", at(berlin, 2026, time.March, 11, 8, 0), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 20, 0))}}, true, "first check after the quiet hours"},
		{"care: a session in the last hour does not hold back ice that is due", at(berlin, 2026, time.March, 10, 10, 0), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 8, 0))},
				Runs: []Run{session(at(berlin, 2026, time.March, 10, 9, 30), 10*time.Minute)}}, true, "ice became due"},
		{"care: a check that runs late does not say it twice", at(berlin, 2026, time.March, 10, 10, 16), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 8, 0))}}, false, "said then"},
		{"care: ice put on after the check's quarter began is not nagged about", at(berlin, 2026, time.March, 10, 10, 5), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{ice(at(berlin, 2026, time.March, 10, 8, 0)), ice(at(berlin, 2026, time.March, 10, 10, 2))}}, false, "the next ice is from 12:02"},
		{"care: heat takes over after 48 hours", at(berlin, 2026, time.March, 12, 6+8, 0), routines.NudgeCare, plain,
			Facts{CareKnow: true, Episode: &spasm, Care: []routines.Application{{Kind: routines.KindHeat, Started: at(berlin, 2026, time.March, 12, 10, 0), Ended: at(berlin, 2026, time.March, 12, 10, 15), Outcome: routines.Completed}}}, true, "heat became due"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Decide(c.now, c.what, c.setup, c.facts)
			if d.Fire != c.fire || !strings.Contains(d.Why, c.why) {
				t.Errorf("Decide at %s: fire %v (%q), want fire %v with %q", c.now.Format(time.RFC3339), d.Fire, d.Why, c.fire, c.why)
			}
		})
	}
}

// What the notification says: the time it takes, the command to run, the
// care plan's due application, and remind off.
func TestMessageSaysHowLongWhatToRunAndHowToStop(t *testing.T) {
	now := time.Date(2026, time.March, 10, 10, 0, 0, 0, time.UTC)
	ep := routines.Episode{Began: now.Add(-3 * time.Hour)}
	due := routines.AdviseCare(now, &ep, nil)
	title, body := Message(routines.NudgeSession, 9*time.Minute+10*time.Second, due, true)
	for _, want := range []string{"About 9 minutes. Open a terminal and run `unknot session`.", "Ice is due: 15 minutes, over a thin towel", "unknot remind off"} {
		if !strings.Contains(body, want) {
			t.Errorf("session body %q has no %q", body, want)
		}
	}
	if title != "unknot: Time for your stretches" {
		t.Errorf("title %q", title)
	}
	_, body = Message(routines.NudgeMove, 0, routines.CareAdvice{}, false)
	if strings.Contains(body, "due") || !strings.Contains(body, "Stand up and walk") || !strings.HasSuffix(body, OffHint+".") {
		t.Errorf("move body %q", body)
	}
	title, body = Message(routines.NudgeCare, 0, due, true)
	if title != "unknot: Ice is due" || !strings.HasPrefix(body, "15 minutes, over a thin towel. Run `unknot care`.\n") {
		t.Errorf("care: title %q, body %q", title, body)
	}
	// The body does not say the title again: a notification shows both
	// ("unknot: Time for your stretches", then "Time for your stretches: ...").
	for _, w := range routines.Nudges {
		for _, c := range []struct {
			advice routines.CareAdvice
			ok     bool
		}{{routines.CareAdvice{}, false}, {due, true}} {
			title, body := Message(w, 9*time.Minute, c.advice, c.ok)
			if said := strings.TrimPrefix(title, "unknot: "); strings.Contains(body, said) {
				t.Errorf("%s (care due %v): the body %q says the title %q again", w, c.ok, body, said)
			}
		}
	}
	for _, w := range routines.Nudges {
		_, body := Message(w, 0, routines.CareAdvice{}, false)
		if strings.Count(body, "\n") > 3 || !strings.Contains(body, "unknot remind off") {
			t.Errorf("%s: body %q is long or lacks remind off", w, body)
		}
	}
}
