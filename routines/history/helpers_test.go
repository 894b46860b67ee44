package history

import (
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"os"
	"testing"
	"time"
)

// TestMain lets the test binary play a child process (crash, concurrency
// and fault tests re-execute it with childEnv set).
func TestMain(m *testing.M) {
	if role := os.Getenv(childEnv); role != "" {
		os.Exit(runChild(role))
	}
	os.Exit(m.Run())
}

const childEnv = "UNKNOT_HISTORY_TEST_CHILD"

func runChild(role string) int {
	f, ok := children[role]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown child role %q\n", role)
		return 3
	}
	if err := f(os.Getenv("UNKNOT_HISTORY_TEST_DIR")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// children are the roles a child process can play, by name.
var children = map[string]func(dir string) error{}

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

func ptr(v int) *int { return &v }

// zone is a fixed time zone, hours east of UTC.
func zone(hours float64) *time.Location {
	return time.FixedZone(fmt.Sprintf("UTC%+g", hours), int(hours*3600))
}

// at is a wall-clock instant in loc.
func at(loc *time.Location, y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, loc)
}

// rec records one whole session: planned exercises done as given.
func rec(t testing.TB, s *Store, kind Kind, start time.Time, status Status, before, after *int, breaths int, exs ...Exercise) int64 {
	t.Helper()
	planned := make([]Exercise, len(exs))
	for i, e := range exs {
		planned[i] = Exercise{Routine: e.Routine, Side: e.Side, RepsPlanned: e.RepsPlanned}
	}
	r, err := s.Start(kind, start, planned, before)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	for _, e := range exs {
		if e.RepsDone > 0 {
			if err := r.SetReps(e.Routine, e.Side, e.RepsDone); err != nil {
				t.Fatalf("SetReps: %v", err)
			}
		}
	}
	if breaths > 0 {
		if err := r.SetBreaths(breaths); err != nil {
			t.Fatalf("SetBreaths: %v", err)
		}
	}
	if status == Interrupted { // as if its process had died
		if _, err := s.db.Exec(`UPDATE sessions SET owner_pid = NULL WHERE id = ?`, r.ID()); err != nil {
			t.Fatal(err)
		}
	} else if status != record.Running {
		if err := r.Finish(start.Add(10*time.Minute), status); err != nil {
			t.Fatalf("Finish: %v", err)
		}
	}
	if after != nil {
		if err := r.SetPainAfter(*after); err != nil {
			t.Fatalf("SetPainAfter: %v", err)
		}
	}
	return r.ID()
}

// ex is an exercise with done of planned reps.
func ex(routine, side string, done, planned int) Exercise {
	return Exercise{Routine: routine, Side: side, RepsDone: done, RepsPlanned: planned}
}

// daily records one completed stretch session on the date d at 08:00 in loc.
func daily(t testing.TB, s *Store, loc *time.Location, d record.Day) {
	t.Helper()
	tm := d.Time()
	rec(t, s, KindSession, at(loc, tm.Year(), tm.Month(), tm.Day(), 8, 0), Completed, nil, nil, 0,
		ex("knee-to-chest", "left", 3, 3))
}
