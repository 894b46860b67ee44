package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pending file the history refuses (a run dated 2099) is said, one
// line naming it, what is wrong and that it is kept, by `unknot history`
// and by the closing message of a run; it is never deleted.
func TestInvalidPendingFileIsSaidAndKept(t *testing.T) {
	onFakeClock(t, func(t *testing.T) {
		home := t.TempDir()
		bad := filepath.Join(home, "history-pending-20991204T080000-0123456789ab.jsonl")
		if err := os.WriteFile(bad, []byte(`{"kind":"breathe","started_at":"2099-12-04T08:00:00Z","ended_at":"2099-12-04T08:05:00Z","status":"completed","pain_before":null,"pain_after":null,"breaths":30,"exercises":[]}`+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		want := "unknot: " + bad + `:1:1: session 1: "started_at" is 2099-12-04T08:00:00Z, in the future; a run can only be recorded once it has begun; this run is not in your history, and the file is kept as it is: correct that line and unknot adds it, or move the file away` + "\n"
		code, out, errOut := runCLIIn(t, home, "", "history", "--plain")
		if code != 0 || errOut != want || !strings.Contains(out, "No sessions yet") {
			t.Errorf("history: exit %d\nstderr %q\nwant   %q\n%s", code, errOut, want, out)
		}
		code, out, errOut = runCLIIn(t, home, "", "breathe", "--plain", "-n", "1", "-p", "1-1-1", "--no-checkin", "--sound", "off")
		if code != 0 || strings.Count(errOut, want) != 1 || !strings.Contains(errOut, "Saved in your history") {
			t.Errorf("breathe: exit %d\nstderr %q\nwant it to hold once %q\n%s", code, errOut, want, out)
		}
		if _, err := os.Stat(bad); err != nil {
			t.Errorf("the pending file is gone: %v", err)
		}
	})
}
