package history

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// shortBusy makes the busy timeout 150 ms for one test, so that a lock
// held "longer than the busy timeout" does not take seconds.
func shortBusy(t *testing.T) {
	old := busyTimeout
	busyTimeout = "150"
	t.Cleanup(func() { busyTimeout = old })
}

// lockHistory takes an exclusive write lock on the history in dir, as a
// big import in another unknot would, and returns the function that lets
// it go.
func lockHistory(t *testing.T, dir string) func() {
	t.Helper()
	db := rawDB(t, filepath.Join(dir, FileName))
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	// A write inside the lock, so it really is held.
	if _, err := conn.ExecContext(context.Background(), "UPDATE sessions SET breaths = breaths WHERE 0"); err != nil {
		t.Fatal(err)
	}
	released := false
	release := func() {
		if !released {
			released = true
			conn.ExecContext(context.Background(), "ROLLBACK")
			conn.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// newHistory makes an empty history in a new folder.
func newHistory(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir
}

// waitTrouble waits for the journal's first lasting problem.
func waitTrouble(t *testing.T, j *Journal) error {
	t.Helper()
	select {
	case <-j.Troubled():
	case <-time.After(30 * time.Second): // a hung test, not a timing
		t.Fatal("the journal never reported the lock")
	}
	return j.Trouble()
}

// repeated is a plan that holds knee-to-chest twice on each side.
var repeated = []routines.Exercise{
	{Routine: "knee-to-chest", Side: "left", RepsPlanned: 3},
	{Routine: "knee-to-chest", Side: "right", RepsPlanned: 3},
	{Routine: "knee-to-chest", Side: "left", RepsPlanned: 3},
	{Routine: "knee-to-chest", Side: "right", RepsPlanned: 3},
}

// runRepeated records a whole session of the repeated plan, every rep
// done, with both check-ins.
func runRepeated(j *Journal, start time.Time) {
	e := j.Begin(routines.KindSession, start, repeated, ptr(5))
	for i := range repeated {
		for rep := 1; rep <= 3; rep++ {
			e.SetReps(i, rep)
		}
	}
	e.Finish(start.Add(9*time.Minute), routines.Completed)
	e.SetPainAfter(3)
}

// onlySession reads the one session of the history in dir.
func onlySession(t *testing.T, dir string) record.Session {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Sessions(Filter{})
	if err != nil || len(all) != 1 {
		t.Fatalf("history holds %d sessions (%v), want the one run", len(all), err)
	}
	return all[0]
}

func checkRepeated(t *testing.T, got record.Session, start time.Time) {
	t.Helper()
	if got.Status != Completed || !got.StartedAt.Equal(start) || got.PainBefore == nil || *got.PainBefore != 5 ||
		got.PainAfter == nil || *got.PainAfter != 3 {
		t.Errorf("recorded %+v, want the completed run with pain 5 -> 3", got)
	}
	if len(got.Exercises) != len(repeated) {
		t.Fatalf("%d exercises recorded, want %d (a repeated routine is its own exercise)", len(got.Exercises), len(repeated))
	}
	for i, e := range got.Exercises {
		if e.Routine != repeated[i].Routine || e.Side != repeated[i].Side || e.RepsDone != 3 || e.RepsPlanned != 3 {
			t.Errorf("exercise %d = %+v, want %s %s 3 of 3", i, e, repeated[i].Routine, repeated[i].Side)
		}
	}
}

func TestJournalRecordsARepeatedRoutine(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(-5), 2025, 3, 1, 23, 30)
	runRepeated(j, start)
	c := j.Close(time.Minute)
	if !c.Saved || c.Err != nil || c.Pending != "" || c.Runs != 1 {
		t.Fatalf("Close = %+v, want saved", c)
	}
	if msg := c.Message(); !strings.Contains(msg, "Saved") || !strings.Contains(msg, filepath.Join(dir, FileName)) {
		t.Errorf("message %q does not say where it was saved", msg)
	}
	checkRepeated(t, onlySession(t, dir), start)
}

// A lock held by another unknot for longer than the busy timeout while a
// session runs: the journal says so once, keeps the run, and writes it
// when the lock clears.
func TestJournalWaitsOutALock(t *testing.T) {
	shortBusy(t)
	dir := newHistory(t)
	release := lockHistory(t, dir)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 8, 0)
	runRepeated(j, start)
	err := waitTrouble(t, j)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "this run is kept") {
		t.Errorf("Trouble = %v, want the lock, and that the run is kept", err)
	}
	release()
	c := j.Close(time.Minute)
	if !c.Saved || c.Pending != "" {
		t.Fatalf("Close after the lock cleared = %+v, want saved", c)
	}
	checkRepeated(t, onlySession(t, dir), start)
}

// The lock outlasts the run: the record goes to a pending file, which the
// next Open merges once the lock has cleared.
func TestJournalLockOutlastsTheRun(t *testing.T) {
	shortBusy(t)
	dir := newHistory(t)
	release := lockHistory(t, dir)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 8, 0)
	runRepeated(j, start)
	waitTrouble(t, j)
	c := j.Close(300 * time.Millisecond)
	if c.Saved || c.Pending == "" || len(c.Unsaved) != 0 || !errors.Is(c.Err, ErrLocked) {
		t.Fatalf("Close under a lock = %+v, want a pending file", c)
	}
	if filepath.Dir(c.Pending) != dir {
		t.Errorf("pending file %s is not beside the history in %s", c.Pending, dir)
	}
	st, err := os.Stat(c.Pending)
	if err != nil || st.Mode().Perm() != FileMode {
		t.Fatalf("pending file: %v, mode %v; want %v", err, st.Mode().Perm(), FileMode)
	}
	msg := c.Message()
	for _, want := range []string{"Not yet in your history", "locked by another unknot", c.Pending, "next time"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	release()
	checkRepeated(t, onlySession(t, dir), start)
	if _, err := os.Stat(c.Pending); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the pending file is still there after its merge: %v", err)
	}
	// Merging again (another Open) adds nothing twice.
	if got := onlySession(t, dir); got.Status != Completed {
		t.Errorf("after a second Open: %+v", got)
	}
}

// A history that cannot be written at all and no folder for a pending
// file: the run is handed back as JSON lines that import takes.
func TestJournalNotSavedGivesImportLines(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	ro := func() (*Store, error) { return OpenReadOnly(dir) }
	notAFolder := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notAFolder, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	j := NewJournal(notAFolder, ro)
	start := at(zone(14), 2025, 3, 1, 0, 30)
	runRepeated(j, start)
	b := j.Begin(routines.KindBreathe, start.Add(time.Hour), nil, nil)
	b.SetBreaths(12)
	// b is never finished: Close ends it as interrupted.
	c := j.Close(2 * time.Second)
	if c.Saved || c.Pending != "" || len(c.Unsaved) != 2 || !errors.Is(c.Err, ErrReadOnly) {
		t.Fatalf("Close = %+v, want two unsaved lines and a read-only cause", c)
	}
	msg := c.Message()
	for _, want := range []string{"Not saved", "read-only", "unknot history import"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// The lines go back in.
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.ImportJSON(strings.NewReader(strings.Join(c.Unsaved, "\n")), "saved.jsonl")
	if err != nil || res.Added != 2 {
		t.Fatalf("import of the unsaved lines: %+v, %v", res, err)
	}
	all, _ := s.Sessions(Filter{})
	checkRepeated(t, all[0], start)
	if all[1].Kind != KindBreathe || all[1].Breaths != 12 || all[1].Status != Interrupted || all[1].EndedAt == nil {
		t.Errorf("the unfinished breathe run came back as %+v, want 12 breaths, interrupted, with an end", all[1])
	}
}

// A damaged history: the runs go to a pending file, merged once the
// person has moved the damaged file aside.
func TestJournalDamagedHistoryKeepsThePendingFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	garbage := append([]byte("SQLite format 3\x00"), make([]byte, 200)...)
	if err := os.WriteFile(filepath.Join(dir, FileName), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 8, 0)
	runRepeated(j, start)
	c := j.Close(500 * time.Millisecond)
	if c.Saved || c.Pending == "" || !errors.Is(c.Err, ErrDamaged) {
		t.Fatalf("Close = %+v, want a pending file and a damaged history", c)
	}
	if !strings.Contains(c.Message(), "damaged") {
		t.Errorf("message %q does not name the cause", c.Message())
	}
	os.Rename(filepath.Join(dir, FileName), filepath.Join(dir, "damaged.db"))
	checkRepeated(t, onlySession(t, dir), start)
}

func TestJournalAfterClose(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	if c := j.Close(time.Second); !c.Saved || c.Runs != 0 || c.Message() != "" {
		t.Errorf("Close with nothing recorded = %+v, %q", c, c.Message())
	}
	e := j.Begin(routines.KindBreathe, time.Now(), nil, nil)
	e.SetBreaths(3) // ignored, never blocks
	if c := j.Close(time.Second); c.Runs != 0 {
		t.Errorf("second Close = %+v, want the first", c)
	}
	s, _ := Open(dir)
	defer s.Close()
	if all, _ := s.Sessions(Filter{}); len(all) != 0 {
		t.Errorf("a run begun after Close was recorded: %+v", all)
	}
}

// The check-in after comes once the run is finished and written (the
// closing screen asks it): it is written too, not dropped.
func TestJournalPainAfterAFinishedRunIsKept(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 9, 0)
	e := j.Begin(KindBreathe, start, nil, nil)
	e.SetBreaths(4)
	e.Finish(start.Add(time.Minute), Completed)
	deadline := time.Now().Add(10 * time.Second)
	for { // until the finished run is written and leaves the queue
		s, err := OpenReadOnly(dir)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.Sessions(Filter{})
		s.Close()
		if len(got) == 1 && got[0].Status == Completed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the finished run was never written")
		}
		time.Sleep(5 * time.Millisecond)
	}
	e.SetPainAfter(3)
	if c := j.Close(time.Minute); !c.Saved {
		t.Fatalf("Close = %+v", c)
	}
	if got := onlySession(t, dir); got.PainAfter == nil || *got.PainAfter != 3 {
		t.Errorf("pain after = %v, want 3", got.PainAfter)
	}
}
