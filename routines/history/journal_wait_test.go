package history

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// Wait returns once the run just finished is in the history, and not
// before: whoever reads today's counts after it finds the run there.
func TestJournalWaitReturnsOnceTheRunIsWritten(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	synctest.Test(t, func(t *testing.T) {
		gate := make(chan struct{})
		j := NewJournal(dir, func() (*Store, error) { <-gate; return Open(dir) })
		start := at(zone(1), 2025, 3, 1, 8, 0)
		runRepeated(j, start)
		result := make(chan bool, 1)
		go func() { result <- j.Wait(time.Minute) }()
		synctest.Wait() // the writer is held at the gate, Wait is waiting
		select {
		case ok := <-result:
			t.Fatalf("Wait returned %v before the run was written", ok)
		default:
		}
		begin := time.Now()
		close(gate)
		if ok := <-result; !ok {
			t.Fatal("Wait = false once the run was written")
		}
		if waited := time.Since(begin); waited != 0 {
			t.Errorf("Wait returned %v after the write, want at once", waited)
		}
		checkRepeated(t, onlySession(t, dir), start)
		if c := j.Close(time.Minute); !c.Saved {
			t.Errorf("Close = %+v, want saved", c)
		}
	})
}

// While the history cannot be written, Wait gives up at once (the run is
// kept, and written later): a screen is not held up for its whole wait.
func TestJournalWaitGivesUpAtOnceWhenTheHistoryIsInTrouble(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		j := NewJournal(t.TempDir(), func() (*Store, error) { return nil, errors.New("disk on fire") })
		runRepeated(j, at(zone(1), 2025, 3, 1, 8, 0))
		begin := time.Now()
		if j.Wait(time.Minute) {
			t.Error("Wait = true while the history could not be written")
		}
		if waited := time.Since(begin); waited != 0 {
			t.Errorf("Wait waited %v on a history in trouble, want no wait", waited)
		}
		j.Close(0)
	})
}

// With nothing recorded, Wait has nothing to wait for.
func TestJournalWaitWithNothingToWrite(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		j := NewJournal(t.TempDir(), func() (*Store, error) { return nil, errors.New("never opened") })
		begin := time.Now()
		if !j.Wait(time.Minute) || time.Since(begin) != 0 {
			t.Errorf("Wait on an empty journal: waited %v", time.Since(begin))
		}
		j.Close(0)
	})
}
