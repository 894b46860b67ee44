package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// pat parses a pattern the test knows to be good.
func pat(t *testing.T, s string) routines.Pattern {
	t.Helper()
	p, err := routines.ParsePattern(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A breathing run keeps the last pattern set (the pace changed under way),
// as it is typed; the first opening of the safety page from a stop for
// pain is kept with its run, and later ones change nothing.
func TestJournalRecordsThePatternAndTheSafetyPage(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 8, 0)

	b := j.Begin(KindBreathe, start, nil, nil)
	b.SetPattern(pat(t, "5-1-3"))
	b.SetBreaths(3)
	b.SetPattern(pat(t, "6-1.2-3.6")) // slower, under way
	b.SetBreaths(8)
	b.SafetyOpened(start.Add(time.Minute)) // not a stop for pain: not kept
	b.Finish(start.Add(2*time.Minute), Completed)

	s := j.Begin(KindSession, start.Add(time.Hour), repeated, ptr(4))
	s.SetPattern(pat(t, "4-7-8"))                      // a stretch session has no pattern of its own
	s.SafetyOpened(start.Add(time.Hour + time.Minute)) // before its stop: not kept
	s.SetReps(0, 1)
	s.Finish(start.Add(time.Hour+2*time.Minute), Pain)
	opened := start.Add(time.Hour + 3*time.Minute)
	s.SafetyOpened(opened)
	s.SafetyOpened(opened.Add(time.Minute)) // opened again: the first is kept

	if c := j.Close(time.Minute); !c.Saved {
		t.Fatalf("Close = %+v", c)
	}
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Sessions(Filter{})
	if err != nil || len(all) != 2 {
		t.Fatalf("%d sessions (%v), want 2", len(all), err)
	}
	if all[0].Pattern != "6-1.2-3.6" || all[0].SafetyOpenedAt != nil {
		t.Errorf("breathing run: pattern %q, safety page %v; want 6-1.2-3.6 and none", all[0].Pattern, all[0].SafetyOpenedAt)
	}
	if all[1].Pattern != "" || all[1].SafetyOpenedAt == nil || !all[1].SafetyOpenedAt.Equal(opened) {
		t.Errorf("session stopped for pain: pattern %q, safety page %v; want none and %v", all[1].Pattern, all[1].SafetyOpenedAt, opened)
	}
	if _, off := all[1].SafetyOpenedAt.Zone(); off != 3600 {
		t.Errorf("the safety page's instant lost its offset: %v", all[1].SafetyOpenedAt)
	}
}

// A pace taken past what a pattern may be (a whole breath of one second)
// leaves the run's pattern "not recorded": never a pattern the history
// would refuse, which would lose the run.
func TestJournalPatternPastTheBoundsIsNotRecorded(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	b := j.Begin(KindBreathe, at(zone(0), 2025, 3, 1, 8, 0), nil, nil)
	b.SetPattern(pat(t, "1-0-1"))
	b.SetPattern(pat(t, "1-0-1").Scale(0.5)) // 0.5-0-0.5: too quick for ParsePattern
	b.SetBreaths(4)
	b.Finish(at(zone(0), 2025, 3, 1, 8, 1), Completed)
	if c := j.Close(time.Minute); !c.Saved {
		t.Fatalf("Close = %+v", c)
	}
	if got := onlySession(t, dir); got.Pattern != "" || got.Breaths != 4 {
		t.Errorf("recorded pattern %q, %d breaths; want none and 4", got.Pattern, got.Breaths)
	}
}

// A run the history cannot take now goes to the pending file with its
// pattern and its opening of the safety page, and comes back with both.
func TestJournalPendingFileKeepsThePatternAndTheSafetyPage(t *testing.T) {
	shortBusy(t)
	dir := newHistory(t)
	release := lockHistory(t, dir)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(-3), 2025, 3, 1, 8, 0)
	b := j.Begin(KindBreathe, start, nil, nil)
	b.SetPattern(pat(t, "4-7-8"))
	b.SetBreaths(2)
	b.Finish(start.Add(time.Minute), Pain)
	b.SafetyOpened(start.Add(2 * time.Minute))
	waitTrouble(t, j)
	c := j.Close(300 * time.Millisecond)
	if c.Pending == "" {
		t.Fatalf("Close under a lock = %+v, want a pending file", c)
	}
	text, err := os.ReadFile(c.Pending)
	if err != nil || !strings.Contains(string(text), `"pattern":"4-7-8"`) ||
		!strings.Contains(string(text), `"safety_opened_at":"2025-03-01T08:02:00-03:00"`) {
		t.Errorf("pending file %s holds %s (%v); want the pattern and the safety page", filepath.Base(c.Pending), text, err)
	}
	release()
	got := onlySession(t, dir)
	if got.Pattern != "4-7-8" || got.SafetyOpenedAt == nil || !got.SafetyOpenedAt.Equal(start.Add(2*time.Minute)) {
		t.Errorf("merged: pattern %q, safety page %v", got.Pattern, got.SafetyOpenedAt)
	}
}
