package history

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// snapshot is every file in dir with its contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s was changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s was created", name)
		}
	}
}

func TestGarbageFileIsRefusedAndLeftAlone(t *testing.T) {
	t.Parallel()
	for name, content := range map[string][]byte{
		"random": func() []byte { b := make([]byte, 8192); rand.Read(b); return b }(),
		"short":  []byte("hello\n"),
		"text":   bytes.Repeat([]byte("my notes about my back\n"), 100),
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			s, err := Open(dir)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted a file that is not a database")
			}
			if !errors.Is(err, ErrNotHistory) {
				t.Errorf("error %v, want ErrNotHistory", err)
			}
			msg := err.Error()
			for _, want := range []string{path, "not a SQLite database", "move the file aside"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("message is not one line: %q", msg)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
}

// A damaged page past the header: SQLite itself must notice, and the
// message must say so.
func TestGarbageAfterTheHeader(t *testing.T) {
	t.Parallel()
	s, dir := openTemp(t)
	rec(t, s, KindBreathe, time.Now(), Completed, nil, nil, 4)
	s.Close()
	path := filepath.Join(dir, FileName)
	b, err := os.ReadFile(path)
	if err != nil || len(b) <= 100 {
		t.Fatalf("the history to damage: %d bytes, %v", len(b), err)
	}
	copy(b[100:], bytes.Repeat([]byte{0xff}, len(b)-100)) // page 1's body: the schema
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("Open accepted a damaged file")
	}
	if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotHistory) {
		t.Errorf("error %v, want ErrDamaged or ErrNotHistory", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("message %q lacks the path", err)
	}
}

func futureDB(t *testing.T, keepOpen bool) (dir string) {
	s, dir := openTemp(t)
	rec(t, s, KindSession, time.Now(), Completed, ptr(3), ptr(1), 0, ex("arm-raise", "", 4, 4))
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	if !keepOpen {
		s.Close()
	}
	return dir
}

func TestFutureSchemaIsRefusedAndLeftAlone(t *testing.T) {
	t.Parallel()
	dir := futureDB(t, false)
	before := snapshot(t, dir)
	_, err := Open(dir)
	if !errors.Is(err, ErrFutureSchema) {
		t.Fatalf("Open: %v, want ErrFutureSchema", err)
	}
	for _, want := range []string{filepath.Join(dir, FileName), "version 99", fmt.Sprintf("knows up to %d", SchemaVersion), "update unknot"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// While the newer unknot still has the file open, the new version may sit
// in the log and not yet in the file's header: it is still refused.
func TestFutureSchemaStillInTheLog(t *testing.T) {
	t.Parallel()
	dir := futureDB(t, true)
	b, _ := os.ReadFile(filepath.Join(dir, FileName))
	if len(b) >= 100 && b[63] == 99 {
		t.Log("the version reached the file; the log path is not exercised")
	}
	_, err := Open(dir)
	if !errors.Is(err, ErrFutureSchema) {
		t.Fatalf("Open: %v, want ErrFutureSchema", err)
	}
}

func TestFolderThatIsAFile(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "unknot")
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("Open of a file as folder: %v", err)
	}
}

// A file with the SQLite header and garbage after it is damaged or not a
// history, never "from a newer unknot", whatever bytes sit where the
// version would be.
func TestHeaderThenGarbageIsNotANewerHistory(t *testing.T) {
	t.Parallel()
	for name, fill := range map[string]byte{"zeros": 0, "ones": 0xff, "sevens": 0x77} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			b := append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{fill}, 4096)...)
			if err := os.WriteFile(filepath.Join(dir, FileName), b, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			_, err := Open(dir)
			if err == nil || errors.Is(err, ErrFutureSchema) || !(errors.Is(err, ErrDamaged) || errors.Is(err, ErrNotHistory)) {
				t.Errorf("Open: %v; want damaged or not a history, never newer", err)
			}
			if err != nil && !strings.Contains(err.Error(), "move it aside") && !strings.Contains(err.Error(), "move the file aside") {
				t.Errorf("message %q does not say what to do", err)
			}
			if ExitCode(err) != 1 {
				t.Errorf("ExitCode = %d, want 1", ExitCode(err))
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
}

// A FIFO named history.db is refused at once, never waited on: reading
// says it is not a history, and a run goes to the pending file.
func TestFIFOHistoryIsRefusedAtOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, FileName), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := OpenForReview(dir)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotHistory) {
			t.Errorf("OpenForReview of a FIFO: %v, want not a history", err)
		}
	case <-time.After(20 * time.Second): // only a hang comes near this
		t.Fatal("opening a FIFO history hangs")
	}
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	e := j.Begin(KindBreathe, time.Now(), nil, nil)
	e.SetBreaths(2)
	e.Finish(time.Now(), Completed)
	start := time.Now()
	if c := j.Close(time.Minute); c.Saved || c.Pending == "" {
		t.Errorf("Close = %+v, want kept in a pending file", c)
	}
	// Waiting can't mend a file that is no history: Close does not sit
	// out its whole wait (a minute) before keeping the run.
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("Close waited %v on a history that can't be written", took)
	}
}
