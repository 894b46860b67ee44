package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A pending file that holds what the history refuses is never deleted and
// never merged in part: Open says it, once, with the file, the line and
// what is wrong; the good pending files beside it are merged as ever.
func TestInvalidPendingFilesAreKeptAndSaid(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := `{"kind":"breathe","started_at":"2026-03-02T08:00:00Z","ended_at":"2026-03-02T08:05:00Z","status":"completed","pain_before":null,"pain_after":null,"breaths":30,"exercises":[]}`
	future := `{"kind":"breathe","started_at":"2099-12-04T08:00:00Z","ended_at":"2099-12-04T08:05:00Z","status":"completed","pain_before":null,"pain_after":null,"breaths":30,"exercises":[]}`
	pain := `{"kind":"breathe","started_at":"2026-03-03T08:00:00Z","ended_at":"2026-03-03T08:05:00Z","status":"completed","pain_before":99,"pain_after":null,"breaths":30,"exercises":[]}`
	files := map[string]string{
		"history-pending-20260302T080500-aaaaaaaaaaaa.jsonl": good + "\n",
		"history-pending-20991204T080500-bbbbbbbbbbbb.jsonl": future + "\n",
		"history-pending-20260303T080500-cccccccccccc.jsonl": good + "\n" + pain + "\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), FileMode); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 { // every Open that finds them says them
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		kept := s.PendingKept()
		want := []string{
			filepath.Join(dir, "history-pending-20260303T080500-cccccccccccc.jsonl") + `:2:1: session 2: "pain_before" is 99; it must be from 0 to 10; this run is not in your history, and the file is kept as it is`,
			filepath.Join(dir, "history-pending-20991204T080500-bbbbbbbbbbbb.jsonl") + `:1:1: session 1: "started_at" is 2099-12-04T08:00:00Z, in the future`,
		}
		if len(kept) != len(want) {
			t.Fatalf("PendingKept = %q, want %d lines", kept, len(want))
		}
		for i, w := range want {
			if !strings.HasPrefix(kept[i], w) || strings.Contains(kept[i], "\n") || !strings.HasSuffix(kept[i], "or move the file away") {
				t.Errorf("line %d: %q\nwant one line beginning %q", i+1, kept[i], w)
			}
		}
		all, err := s.Sessions(Filter{})
		if err != nil || len(all) != 1 || !all[0].StartedAt.Equal(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)) {
			t.Errorf("sessions %+v, %v; want the good one alone", all, err)
		}
		s.Close()
	}
	for name := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if merged := strings.Contains(name, "aaaa"); merged != os.IsNotExist(err) {
			t.Errorf("%s: %v (merged: %v)", name, err, merged)
		}
	}
}

// A run's closing says the pending files the history refused, after
// where the run went.
func TestClosingSaysInvalidPendingFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "history-pending-20260303T080500-cccccccccccc.jsonl")
	if err := os.WriteFile(bad, []byte(`{"kind":"breathe","started_at":"2026-03-03T08:00:00Z","status":"completed","pain_before":99}`+"\n"), FileMode); err != nil {
		t.Fatal(err)
	}
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := time.Date(2026, 3, 4, 8, 0, 0, 0, time.UTC)
	e := j.Begin(KindBreathe, start, nil, nil)
	e.SetBreaths(3)
	e.Finish(start.Add(time.Minute), Completed)
	c := j.Close(10 * time.Second)
	if !c.Saved || len(c.Kept) != 1 || !strings.HasPrefix(c.Kept[0], bad+`:1:1: session 1: "pain_before" is 99`) {
		t.Errorf("Close = %+v; want saved, and the pending file kept said", c)
	}
	if _, err := os.Stat(bad); err != nil {
		t.Errorf("the pending file is gone: %v", err)
	}
}
