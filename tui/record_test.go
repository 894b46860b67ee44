package tui

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeRecorder remembers what was written.
type fakeRecorder struct {
	mu       sync.Mutex
	breaths  int
	writes   []int
	status   string
	finishes int
	fail     error
}

func (f *fakeRecorder) SetBreaths(n int) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.breaths = n
	f.writes = append(f.writes, n)
	return f.fail
}

func (f *fakeRecorder) Finish(at time.Time, status string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status = status
	f.finishes++
	return f.fail
}

// What is asked before the recorder opens is written when it does; the
// count never goes back; only the first finish counts.
func TestRecordOrder(t *testing.T) {
	f := &fakeRecorder{}
	r := newRecord(func(time.Time, int) (Recorder, error) { return f, nil })
	r.setBreaths(3)
	r.setBreaths(2) // late, out of order: ignored
	if len(f.writes) != 0 {
		t.Fatal("wrote before the recorder was open")
	}
	if err := r.open(time.Now(), 0); err != nil {
		t.Fatal(err)
	}
	r.setBreaths(1)
	r.finish(time.Now(), 4, StatusStopped)
	r.finish(time.Now(), 5, StatusInterrupted)
	if err := r.wait(time.Second); err != nil {
		t.Fatal(err)
	}
	if f.status != StatusStopped || f.finishes != 1 || f.breaths != 5 || len(f.writes) != 3 {
		t.Errorf("status %q finishes %d breaths %d writes %v", f.status, f.finishes, f.breaths, f.writes)
	}
}

// An interrupted session writes its breaths and is left unfinished.
func TestRecordInterrupted(t *testing.T) {
	f := &fakeRecorder{}
	r := newRecord(func(time.Time, int) (Recorder, error) { return f, nil })
	r.open(time.Now(), 0)
	r.finish(time.Now(), 4, StatusInterrupted)
	r.finish(time.Now(), 4, StatusCompleted) // too late: the first finish counts
	if f.finishes != 0 || f.breaths != 4 {
		t.Errorf("finishes %d breaths %d; want 0 and 4", f.finishes, f.breaths)
	}
}

// A failing store is reported, and a nil record is a no-op.
func TestRecordErrors(t *testing.T) {
	boom := errors.New("disk full")
	r := newRecord(func(time.Time, int) (Recorder, error) { return nil, boom })
	r.open(time.Now(), 3)
	if err := r.wait(time.Second); !errors.Is(err, boom) {
		t.Errorf("wait = %v, want %v", err, boom)
	}
	var none *record
	if none.setBreaths(1) != nil || none.finish(time.Now(), 1, StatusCompleted) != nil || none.wait(0) != nil {
		t.Error("a nil record should do nothing")
	}
}
