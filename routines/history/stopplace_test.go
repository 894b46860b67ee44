package history

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// builtinRoutine is a built-in routine as its file gives it.
func builtinRoutine(t *testing.T, name string) routines.Routine {
	t.Helper()
	c, err := routines.Builtins()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Get(name)
	if !ok {
		t.Fatalf("no built-in %s", name)
	}
	return r
}

// The place of a stop for pain is kept by a Finish with Pain and by
// nothing else, held to the plan: a rep past those planned is the last
// one, a place outside the plan is not kept, and a place given after the
// Finish still counts when none was.
func TestJournalRecordsWhereAStopForPainCame(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 8, 0)
	plan := []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5), ex("lying-twist", "left", 0, 3)}
	cases := []struct {
		name     string
		record   func(e *Entry, end time.Time)
		pos, rep int // -1: no place
	}{
		{"stopped for pain in the right side's second rep", func(e *Entry, end time.Time) {
			e.SetReps(0, 1)
			e.StoppedAt(1, 2)
			e.Finish(end, Pain)
		}, 1, 2},
		{"a place, then a quit: no place", func(e *Entry, end time.Time) {
			e.StoppedAt(1, 2)
			e.Finish(end, Stopped)
		}, -1, 0},
		{"a place outside the plan", func(e *Entry, end time.Time) {
			e.StoppedAt(3, 1)
			e.Finish(end, Pain)
		}, -1, 0},
		{"a rep past those planned is the last", func(e *Entry, end time.Time) {
			e.StoppedAt(2, 9)
			e.Finish(end, Pain)
		}, 2, 3},
		{"given after the Finish", func(e *Entry, end time.Time) {
			e.Finish(end, Pain)
			e.StoppedAt(2, 1)
			e.StoppedAt(0, 1) // the first place is kept
		}, 2, 1},
	}
	for i, c := range cases {
		s := start.Add(time.Duration(i) * time.Hour)
		c.record(j.Begin(KindSession, s, plan, nil), s.Add(time.Minute))
	}
	if c := j.Close(time.Minute); !c.Saved {
		t.Fatalf("Close = %+v", c)
	}
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Sessions(Filter{})
	if err != nil || len(all) != len(cases) {
		t.Fatalf("%d sessions (%v), want %d", len(all), err, len(cases))
	}
	for i, c := range cases {
		x := all[i]
		switch {
		case c.pos < 0 && (x.StopPos != nil || x.StopRep != nil):
			t.Errorf("%s: recorded a place (%v, %v), want none", c.name, deref(x.StopPos), deref(x.StopRep))
		case c.pos >= 0 && (x.StopPos == nil || x.StopRep == nil || *x.StopPos != c.pos || *x.StopRep != c.rep):
			t.Errorf("%s: recorded place (%v, %v), want (%d, %d)", c.name, deref(x.StopPos), deref(x.StopRep), c.pos, c.rep)
		}
	}
}

func deref(p *int) any {
	if p == nil {
		return "none"
	}
	return *p
}

// A run the history cannot take now goes to the pending file with where
// its stop for pain came, and comes back with it.
func TestJournalPendingFileKeepsTheStopPlace(t *testing.T) {
	shortBusy(t)
	dir := newHistory(t)
	release := lockHistory(t, dir)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(-3), 2025, 3, 1, 8, 0)
	e := j.Begin(KindSession, start, []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5)}, nil)
	e.SetReps(0, 1)
	e.StoppedAt(1, 1)
	e.Finish(start.Add(time.Minute), Pain)
	waitTrouble(t, j)
	c := j.Close(300 * time.Millisecond)
	if c.Pending == "" {
		t.Fatalf("Close under a lock = %+v, want a pending file", c)
	}
	text, err := os.ReadFile(c.Pending)
	if err != nil || !strings.Contains(string(text), `"stop_pos":1,"stop_rep":1`) {
		t.Errorf("pending file %s holds %s (%v); want the stop place", filepath.Base(c.Pending), text, err)
	}
	release()
	got := onlySession(t, dir)
	if p, ok := got.PainPlace(); !ok || p != (record.StopPlace{Pos: 1, Rep: 1}) {
		t.Errorf("merged: stop place %+v (%v), want right side rep 1 as recorded", p, ok)
	}
}

// scenario is one of the reviewer's stops for pain, as the session screen
// records it (tui's TestPainStopRecordsWhereItCame drives the screen to
// these very calls): the plan, the reps done, and where the stop came.
type scenario struct {
	name     string
	plan     []Exercise
	done     []int // reps done, by position
	pos, rep int
	// What the report says of it, and which routine's next session
	// offers one step back.
	where, back string
}

var scenarios = []scenario{
	{name: "the first routine skipped, x in the twist's first hold",
		plan: []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5), ex("lying-twist", "left", 0, 3), ex("lying-twist", "right", 0, 3)},
		done: []int{0, 0, 0, 0},
		pos:  2, rep: 1,
		where: "lying-twist left rep 1 of 3", back: "lying-twist"},
	{name: "left rep 1 held, x in the right side's first hold",
		plan: []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5)},
		done: []int{1, 0},
		pos:  1, rep: 1,
		where: "knee-to-chest right rep 1 of 5", back: "knee-to-chest"},
	{name: "the left side skipped, x in the right side's last hold",
		plan: []Exercise{ex("knee-to-chest", "left", 0, 8), ex("knee-to-chest", "right", 0, 8)},
		done: []int{0, 7},
		pos:  1, rep: 8,
		where: "knee-to-chest right rep 8 of 8", back: "knee-to-chest"},
	{name: "knee to chest done in full, x in the twist's second hold",
		plan: []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5), ex("lying-twist", "left", 0, 3), ex("lying-twist", "right", 0, 3)},
		done: []int{5, 5, 1, 0},
		pos:  2, rep: 2,
		where: "lying-twist left rep 2 of 3", back: "lying-twist"},
}

// recordScenario records sc through a journal, as the screen does, on
// days 2, 3 and 4 (enough for a red flag) after a good session of every
// routine on day 1; with old, as a version before the place was recorded
// did (no StoppedAt).
func recordScenario(t *testing.T, sc scenario, old bool) *Store {
	t.Helper()
	dir := t.TempDir()
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	day1 := at(zone(1), 2025, 3, 1, 8, 0)
	good := j.Begin(KindSession, day1, sc.plan, ptr(3))
	for i, x := range sc.plan {
		good.SetReps(i, x.RepsPlanned)
	}
	good.Finish(day1.Add(10*time.Minute), Completed)
	good.SetPainAfter(2)

	for d := 1; d <= record.PainStopLimit; d++ {
		day := day1.AddDate(0, 0, d)
		e := j.Begin(KindSession, day, sc.plan, ptr(3))
		for i, n := range sc.done {
			if n > 0 {
				e.SetReps(i, n)
			}
		}
		if !old {
			e.StoppedAt(sc.pos, sc.rep)
		}
		e.Finish(day.Add(4*time.Minute), Pain)
		e.SetPainAfter(6)
	}
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %s", c.Message())
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The reviewer's three stops for pain: the report names the routine, side
// and rep under way, its table counts the stops against that routine, the
// red flag blames it, and the next session offers one step back for that
// routine alone.
func TestAStopForPainIsPutDownToWhereItCame(t *testing.T) {
	t.Parallel()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			s := recordScenario(t, sc, false)
			rep, err := s.Report(at(zone(1), 2025, 3, 5, 12, 0), "2025-02-01", 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Stops) != record.PainStopLimit {
				t.Fatalf("%d stops in the report, want %d", len(rep.Stops), record.PainStopLimit)
			}
			for _, st := range rep.Stops {
				if got := stopText(st); got != sc.where {
					t.Errorf("the report says the stop came in %s, want %s", got, sc.where)
				}
			}
			for _, r := range rep.Routines {
				want := 0
				if r.Routine == sc.back {
					want = record.PainStopLimit
				}
				if r.PainStops != want {
					t.Errorf("the report's table gives %s %d stops for pain, want %d", r.Routine, r.PainStops, want)
				}
			}
			flags, err := s.RedFlags("2025-03-05")
			if err != nil {
				t.Fatal(err)
			}
			if len(flags.PainStops) != 1 || flags.PainStops[0].Routine != sc.back {
				t.Errorf("red flags %+v, want one, for %s", flags.PainStops, sc.back)
			}
			for _, name := range distinctRoutines(sc.plan) {
				runs, err := s.RecentRuns(name, routines.GoodRunsToStep)
				if err != nil {
					t.Fatal(err)
				}
				o := routines.Progress(builtinRoutine(t, name), 0, runs)
				if name == sc.back && (o.Step != -1 || !strings.HasPrefix(o.Text, "It hurt last time. One step back?")) {
					t.Errorf("%s, where the stop came: offer %+v, want one step back", name, o)
				}
				if name != sc.back && o.Step != 0 {
					t.Errorf("%s, not where the stop came: offer %+v, want none", name, o)
				}
			}
		})
	}
}

// A stop recorded before its place was (no stop_pos) is still put down by
// the old rule: the first exercise not finished, the rep after those done.
func TestAStopFromBeforeThePlaceWasRecordedIsGuessed(t *testing.T) {
	t.Parallel()
	s := recordScenario(t, scenarios[0], true)
	rep, err := s.Report(at(zone(1), 2025, 3, 5, 12, 0), "2025-02-01", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := stopText(rep.Stops[0]); got != "knee-to-chest left rep 1 of 5" {
		t.Errorf("an old stop is put down to %s, want knee-to-chest left rep 1 of 5 (the first exercise not finished)", got)
	}
	flags, err := s.RedFlags("2025-03-05")
	if err != nil || len(flags.PainStops) != 1 || flags.PainStops[0].Routine != "knee-to-chest" {
		t.Errorf("red flags %+v (%v), want one, for knee-to-chest", flags.PainStops, err)
	}
}

// stopText is where a stop for pain came, as the report's values say it.
func stopText(st record.StopEvent) string {
	return fmt.Sprintf("%s %s rep %d of %d", st.Routine, st.Side, st.Rep, st.RepsPlanned)
}

func distinctRoutines(exs []Exercise) []string {
	var out []string
	for _, e := range exs {
		if len(out) == 0 || out[len(out)-1] != e.Routine {
			out = append(out, e.Routine)
		}
	}
	return out
}

// "What seems to help" counts a routine's sessions stopped for pain at
// its very first rep (no rep done) in that routine's group: five sessions
// of knee to chest done in full, 5 -> 4, and five stopped for pain at its
// first rep, 3 -> 7, are ten sessions and a mean change of +1.5, not five
// and -1.0. Alike for stops whose place was recorded and for older ones.
func TestInsightsCountTheStopsForPain(t *testing.T) {
	t.Parallel()
	for _, old := range []bool{false, true} {
		t.Run(fmt.Sprintf("place not recorded %v", old), func(t *testing.T) {
			dir := t.TempDir()
			j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
			plan := []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5)}
			for d := 1; d <= 10; d++ {
				start := at(zone(1), 2025, 3, d, 8, 0)
				if d <= 5 {
					e := j.Begin(KindSession, start, plan, ptr(5))
					e.SetReps(0, 5)
					e.SetReps(1, 5)
					e.Finish(start.Add(5*time.Minute), Completed)
					e.SetPainAfter(4)
					continue
				}
				e := j.Begin(KindSession, start, plan, ptr(3))
				if !old {
					e.StoppedAt(0, 1)
				}
				e.Finish(start.Add(30*time.Second), Pain)
				e.SetPainAfter(7)
			}
			if c := j.Close(10 * time.Second); !c.Saved {
				t.Fatalf("not saved: %s", c.Message())
			}
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			in, err := s.Insights("")
			if err != nil {
				t.Fatal(err)
			}
			rep, err := s.Report(at(zone(1), 2025, 3, 11, 12, 0), "2025-03-01", 0)
			if err != nil {
				t.Fatal(err)
			}
			for what, in := range map[string]record.Insights{"Insights": in, "the report": rep.Insights} {
				var knee *record.Observation
				for i, o := range in.Observations {
					if o.Group == record.ByRoutine && o.Label == "knee-to-chest" {
						knee = &in.Observations[i]
					}
				}
				if knee == nil {
					t.Errorf("%s: no observation of knee-to-chest: %+v", what, in)
					continue
				}
				if knee.Sessions != 10 || !near(knee.Before, 4) || !near(knee.After, 5.5) || !near(knee.Change, 1.5) {
					t.Errorf("%s: knee-to-chest %+v; want 10 sessions, 4 -> 5.5, a change of +1.5", what, *knee)
				}
			}
		})
	}
}

// The routine a recorded stop for pain came in is the one "what seems to
// help" counts it for: knee to chest skipped, the twist stopped at its
// first rep, five times, are five sessions of the twist and none of knee
// to chest (the old guess would have said the opposite).
func TestInsightsPutAStopDownToWhereItCame(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	sc := scenarios[0]
	for d := 1; d <= 5; d++ {
		start := at(zone(1), 2025, 3, d, 8, 0)
		e := j.Begin(KindSession, start, sc.plan, ptr(3))
		e.StoppedAt(sc.pos, sc.rep)
		e.Finish(start.Add(time.Minute), Pain)
		e.SetPainAfter(7)
	}
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %s", c.Message())
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in, err := s.Insights("")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Report(at(zone(1), 2025, 3, 6, 12, 0), "2025-03-01", 0)
	if err != nil {
		t.Fatal(err)
	}
	for what, in := range map[string]record.Insights{"Insights": in, "the report": rep.Insights} {
		var groups []string
		for _, o := range in.Observations {
			if o.Group == record.ByRoutine {
				groups = append(groups, fmt.Sprintf("%s %d %+.1f", o.Label, o.Sessions, o.Change))
			}
		}
		for _, h := range in.Held {
			if h.Group == record.ByRoutine {
				groups = append(groups, fmt.Sprintf("%s %d held", h.Label, h.Sessions))
			}
		}
		if got := strings.Join(groups, ", "); got != "lying-twist 5 +4.0" {
			t.Errorf("%s: by routine %q, want lying-twist 5 +4.0 alone", what, got)
		}
	}
}
