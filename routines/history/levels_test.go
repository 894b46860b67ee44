package history

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// knee is knee-to-chest as its file gives it: 5 reps a side, up to 10.
func knee(t *testing.T) routines.Routine {
	t.Helper()
	c, err := routines.Builtins()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Get("knee-to-chest")
	if !ok {
		t.Fatal("no knee-to-chest")
	}
	return r
}

// levelRun is one stretch session recorded through a journal, as the
// screens record it: knee-to-chest at level (reps a side = 5+level),
// done reps of it per side, then arm-raise (5 planned, armDone done).
type levelRun struct {
	day           int // of March 2025
	status        Status
	level         int
	done, armDone int
	before, after *int
	noLevelRecord bool
}

func recordRuns(t *testing.T, runs ...levelRun) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	for _, r := range runs {
		start := time.Date(2025, 3, r.day, 8, 0, 0, 0, zone(1))
		reps := 5 + r.level
		e := j.Begin(routines.KindSession, start, []Exercise{
			ex("knee-to-chest", "left", 0, reps), ex("knee-to-chest", "right", 0, reps), ex("arm-raise", "", 0, 5)}, r.before)
		if !r.noLevelRecord {
			e.SetLevel("knee-to-chest", r.level)
			e.SetLevel("arm-raise", 0)
		}
		e.SetReps(0, min(r.done, reps))
		e.SetReps(1, max(min(r.done-reps, reps), 0))
		e.SetReps(2, r.armDone)
		e.Finish(start.Add(10*time.Minute), r.status)
		if r.after != nil {
			e.SetPainAfter(*r.after)
		}
	}
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %s", c.Message())
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func TestRecentRunsNewestFirstWithLevels(t *testing.T) {
	t.Parallel()
	s, _ := recordRuns(t,
		levelRun{day: 1, status: Completed, level: 0, done: 10, armDone: 5, before: ptr(4), after: ptr(3)},
		levelRun{day: 2, status: Completed, level: 1, done: 12, armDone: 5},
	)
	runs, err := s.RecentRuns("knee-to-chest", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 {
		t.Fatalf("runs = %+v, want 2", runs)
	}
	if runs[0].Day.Day() != 2 || runs[0].Level != 1 || runs[0].RepsPlanned != 12 || runs[0].RepsDone != 12 ||
		runs[0].PainBefore != routines.PainUnknown || runs[0].PainAfter != routines.PainUnknown {
		t.Errorf("newest = %+v", runs[0])
	}
	if runs[1].Day.Day() != 1 || runs[1].Level != 0 || runs[1].PainBefore != 4 || runs[1].PainAfter != 3 || runs[1].Outcome != Completed {
		t.Errorf("oldest = %+v", runs[1])
	}
	lv, err := s.Levels([]string{"knee-to-chest", "arm-raise", "lying-twist"})
	if err != nil {
		t.Fatal(err)
	}
	if lv["knee-to-chest"] != 1 || lv["arm-raise"] != 0 || lv["lying-twist"] != 0 {
		t.Errorf("levels = %v", lv)
	}
	if one, _ := s.RecentRuns("knee-to-chest", 1); len(one) != 1 || one[0].Level != 1 {
		t.Errorf("RecentRuns(1) = %+v", one)
	}
}

// The progression rule over what the history recorded.
func TestProgressionOverHistory(t *testing.T) {
	t.Parallel()
	r := knee(t)
	offer := func(s *Store) routines.Offer {
		t.Helper()
		runs, err := s.RecentRuns(r.Name, routines.GoodRunsToStep)
		if err != nil {
			t.Fatal(err)
		}
		level := 0
		if len(runs) > 0 {
			level = runs[0].Level
		}
		return routines.Progress(r, level, runs)
	}
	good := func(day, level int) levelRun {
		return levelRun{day: day, status: Completed, level: level, done: 2 * (5 + level), armDone: 5, before: ptr(3), after: ptr(2)}
	}

	t.Run("three good sessions: one more", func(t *testing.T) {
		s, _ := recordRuns(t, good(1, 0), good(2, 0), good(3, 0))
		o := offer(s)
		if o.Step != +1 || o.Level != 1 || o.Routine.Reps != 6 {
			t.Errorf("offer = %+v, want one more rep (6)", o)
		}
	})
	t.Run("a pain stop: one back", func(t *testing.T) {
		s, _ := recordRuns(t, good(1, 2), good(2, 2), good(3, 2),
			levelRun{day: 4, status: Pain, level: 2, done: 3, armDone: 0, before: ptr(3)})
		o := offer(s)
		if o.Step != -1 || o.Level != 1 || o.Routine.Reps != 6 {
			t.Errorf("offer = %+v, want one step back (6 reps)", o)
		}
	})
	t.Run("a pain stop later in the session brakes the routines done before it", func(t *testing.T) {
		s, _ := recordRuns(t, good(1, 0), good(2, 0),
			levelRun{day: 3, status: Pain, level: 0, done: 10, armDone: 1})
		runs, _ := s.RecentRuns(r.Name, 3)
		if len(runs) != 3 || runs[0].Outcome != Pain {
			t.Fatalf("runs = %+v", runs)
		}
		if o := offer(s); o.Step != -1 || o.Routine.Reps != 4 {
			t.Errorf("offer = %+v, want one step back (4 reps)", o)
		}
	})
	t.Run("pain after higher than before: nothing", func(t *testing.T) {
		worse := good(3, 0)
		worse.after = ptr(5)
		s, _ := recordRuns(t, good(1, 0), good(2, 0), worse)
		if o := offer(s); o.Step != 0 {
			t.Errorf("offer = %+v, want none", o)
		}
	})
	t.Run("never past the maximum", func(t *testing.T) {
		s, _ := recordRuns(t, good(1, 5), good(2, 5), good(3, 5))
		o := offer(s)
		if o.Step != 0 || o.Routine.Reps != 10 {
			t.Errorf("offer = %+v, want none at 10 reps (the maximum)", o)
		}
	})
	t.Run("declining changes nothing", func(t *testing.T) {
		// Offered +1 after day 3; the person declined: day 4 was done at
		// the same level, and the level stays.
		s, _ := recordRuns(t, good(1, 0), good(2, 0), good(3, 0), good(4, 0))
		lv, _ := s.Levels([]string{r.Name})
		if lv[r.Name] != 0 {
			t.Errorf("level = %d after declining, want 0", lv[r.Name])
		}
		if o := offer(s); o.Step != +1 || o.Level != 1 {
			t.Errorf("offer = %+v, want the same offer again", o)
		}
	})
	t.Run("a routine never reached is not a run of it", func(t *testing.T) {
		quit := levelRun{day: 4, status: Stopped, level: 0, done: 10, armDone: 0}
		s, _ := recordRuns(t, good(1, 0), good(2, 0), good(3, 0), quit)
		arm, err := s.RecentRuns("arm-raise", 0)
		if err != nil {
			t.Fatal(err)
		}
		// Day 4 was quit before arm-raise: not a run of it.
		if len(arm) != 3 || arm[0].Day.Day() != 3 {
			t.Errorf("arm-raise runs = %+v", arm)
		}
		kneeRuns, _ := s.RecentRuns(r.Name, 0)
		if len(kneeRuns) != 4 || kneeRuns[0].RepsDone != 10 {
			t.Errorf("knee runs = %+v", kneeRuns)
		}
	})
	t.Run("a pain stop is put down to the routine it came in", func(t *testing.T) {
		s, _ := recordRuns(t, good(1, 0), levelRun{day: 2, status: Pain, level: 0, done: 2, armDone: 0})
		knee, _ := s.RecentRuns("knee-to-chest", 0)
		if len(knee) != 2 || knee[0].Outcome != Pain {
			t.Errorf("knee-to-chest runs = %+v; want the newest stopped for pain", knee)
		}
		// Arm raise was not reached: it did not hurt (no step back), and
		// the run, not done in full, brakes one step more.
		arm, _ := s.RecentRuns("arm-raise", 0)
		if len(arm) != 2 || arm[0].Outcome != Stopped || arm[0].RepsDone != 0 {
			t.Errorf("arm-raise runs = %+v", arm)
		}
		armRoutine := routines.Routine{Name: "arm-raise", Title: "Arm raise", Reps: 5, MaxReps: 10, Hold: 10 * time.Second}
		if o := routines.Progress(armRoutine, 0, arm); o.Step != 0 {
			t.Errorf("arm-raise, not reached before a pain stop, is offered %+v", o)
		}
	})
	t.Run("sessions recorded before levels were are level 0", func(t *testing.T) {
		old := good(1, 0)
		old.noLevelRecord = true
		s, _ := recordRuns(t, old)
		runs, _ := s.RecentRuns(r.Name, 0)
		if len(runs) != 1 || runs[0].Level != 0 {
			t.Errorf("runs = %+v", runs)
		}
	})
}
