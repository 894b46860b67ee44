package history

import (
	"errors"
	"github.com/unknot/unknot/routines/record"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"
)

func TestRecordLifecycle(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	start := at(zone(1), 2025, 3, 1, 8, 30)
	r, err := s.Start(KindSession, start, []Exercise{
		{Routine: "knee-to-chest", Side: "left", RepsPlanned: 3},
		{Routine: "knee-to-chest", Side: "right", RepsPlanned: 3},
	}, ptr(6))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Session(r.ID())
	if err != nil || got.Status != record.Running {
		t.Fatalf("after Start: status %q, err %v; want running", got.Status, err)
	}
	for _, step := range []struct {
		side string
		n    int
	}{{"left", 1}, {"right", 1}, {"left", 2}} {
		if err := r.SetReps("knee-to-chest", step.side, step.n); err != nil {
			t.Fatal(err)
		}
	}
	// Not planned: added, not dropped.
	if err := r.SetReps("arm-raise", "", 2); err != nil {
		t.Fatal(err)
	}
	end := start.Add(7 * time.Minute)
	if err := r.Finish(end, Stopped); err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(end, Completed); !errors.Is(err, ErrFinished) {
		t.Errorf("second Finish: %v, want ErrFinished", err)
	}
	if err := r.SetPainAfter(3); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Session(r.ID())
	if err != nil || !ok {
		t.Fatalf("Session: %v %v", ok, err)
	}
	want := record.Session{ID: r.ID(), Kind: KindSession, StartedAt: start, EndedAt: &end, Status: Stopped,
		PainBefore: ptr(6), PainAfter: ptr(3), Exercises: []Exercise{
			ex("knee-to-chest", "left", 2, 3), ex("knee-to-chest", "right", 1, 3), ex("arm-raise", "", 2, 2)}}
	if timeText(got.StartedAt) != "2025-03-01T08:30:00+01:00" {
		t.Errorf("started_at kept as %s, want the local offset kept", timeText(got.StartedAt))
	}
	got.StartedAt, got.EndedAt = start, &end // compare instants, not locations
	if !reflect.DeepEqual(got, want) {
		t.Errorf("session:\n got %+v\nwant %+v", got, want)
	}
}

func TestRecordRejectsBadValues(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	now := time.Now()
	for name, f := range map[string]func() error{
		"kind":        func() error { _, err := s.Start("yoga", now, nil, nil); return err },
		"pain before": func() error { _, err := s.Start(KindBreathe, now, nil, ptr(11)); return err },
		"side": func() error {
			_, err := s.Start(KindSession, now, []Exercise{{Routine: "x", Side: "up"}}, nil)
			return err
		},
	} {
		if err := f(); !errors.Is(err, ErrBadValue) {
			t.Errorf("%s: %v, want ErrBadValue", name, err)
		}
	}
	r, err := s.Start(KindBreathe, now, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetPainAfter(-1); !errors.Is(err, ErrBadValue) {
		t.Errorf("pain after -1: %v", err)
	}
	if err := r.Finish(now, record.Running); !errors.Is(err, ErrBadValue) {
		t.Errorf("finish running: %v", err)
	}
	if err := r.SetBreaths(-2); !errors.Is(err, ErrBadValue) {
		t.Errorf("breaths -2: %v", err)
	}
}

func TestPermissionsIgnoreUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "a", "unknot")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rec(t, s, KindBreathe, time.Now(), record.Running, nil, nil, 3)
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != DirMode {
		t.Errorf("folder mode %v (%v), want %v", st.Mode().Perm(), err, DirMode)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		st, err := os.Stat(filepath.Join(dir, FileName+suffix))
		if err != nil {
			t.Errorf("%s: %v", suffix, err)
			continue
		}
		if st.Mode().Perm() != FileMode {
			t.Errorf("history.db%s mode %v, want %v", suffix, st.Mode().Perm(), FileMode)
		}
	}
}

func TestExistingLooseFilesAreTightened(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, FileName)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range []string{dir, path} {
		st, _ := os.Stat(p)
		if st.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s left with mode %v", p, st.Mode().Perm())
		}
	}
}

// deadPid is the pid of a process that has exited (and been reaped).
func deadPid(t *testing.T) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestUnfinishedSessions(t *testing.T) {
	t.Parallel()
	s, dir := openTemp(t)
	now := time.Now()
	mine := rec(t, s, KindSession, now, record.Running, nil, nil, 0, ex("arm-raise", "", 1, 5))
	dead := rec(t, s, KindSession, now.Add(time.Second), record.Running, nil, nil, 0, ex("arm-raise", "", 2, 5))
	other := rec(t, s, KindSession, now.Add(2*time.Second), record.Running, nil, nil, 0, ex("arm-raise", "", 3, 5))
	reused := rec(t, s, KindSession, now.Add(3*time.Second), record.Running, nil, nil, 0, ex("arm-raise", "", 3, 5))
	// dead: its process has gone; other: a live process (our parent, as if
	// another terminal); reused: our parent's pid with another start.
	setOwner := func(id int64, pid int, token string) {
		if _, err := s.db.Exec(`UPDATE sessions SET owner_pid = ?, owner_token = ? WHERE id = ?`, pid, token, id); err != nil {
			t.Fatal(err)
		}
	}
	setOwner(dead, deadPid(t), "gone")
	setOwner(other, os.Getppid(), startToken(os.Getppid()))
	setOwner(reused, os.Getppid(), startToken(os.Getppid())+"0")

	want := map[int64]Status{mine: record.Running, dead: Interrupted, other: record.Running, reused: Interrupted}
	check := func(when string, s *Store) {
		all, err := s.Sessions(Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range all {
			if x.Status != want[x.ID] {
				t.Errorf("%s: session %d reads %q, want %q", when, x.ID, x.Status, want[x.ID])
			}
		}
	}
	check("before reopening", s)
	// A second Store in this process is the same process: nothing swept
	// but the dead; reopening stores "interrupted" for good.
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	check("after reopening", s2)
	var stored string
	s2.db.QueryRow(`SELECT status FROM sessions WHERE id = ?`, dead).Scan(&stored)
	if stored != "interrupted" {
		t.Errorf("Open left the dead session stored as %q", stored)
	}
}
