package routines

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// withLockWait sets ConfigLockWait for one test.
func withLockWait(t *testing.T, d time.Duration) {
	t.Helper()
	saved := ConfigLockWait
	ConfigLockWait = d
	t.Cleanup(func() { ConfigLockWait = saved })
}

// While one change of config.toml holds the lock, another gives up after
// ConfigLockWait with one line that says what and what to do, and writes
// nothing; once the lock is let go, it goes ahead.
func TestConfigLockKeepsOutAnotherChange(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no flock here: changes are not kept from each other")
	}
	withLockWait(t, 0)
	dir := filepath.Join(t.TempDir(), "unknot")
	path := filepath.Join(dir, ConfigFile)
	unlock, err := LockConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if ents, err := os.ReadDir(dir); err != nil || len(ents) != 0 {
		t.Errorf("the lock left %v (%v) in the folder, want nothing", ents, err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the folder: %v, want 0700", err)
	}
	if _, err := LockConfig(path); err == nil || strings.Contains(err.Error(), "\n") ||
		!strings.HasPrefix(err.Error(), path+" is being changed by another unknot (it holds a lock on "+dir+"), still after 0s; try again when it is done") {
		t.Errorf("a second lock: %v", err)
	}
	err = SavePace(path, 1.5)
	if err == nil || !strings.Contains(err.Error(), "is being changed by another unknot") || !strings.HasSuffix(err.Error(), "; the pace was not saved") {
		t.Errorf("SavePace while locked: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("SavePace wrote config.toml while locked: %v", err)
	}
	unlock()
	if err := SavePace(path, 1.5); err != nil {
		t.Fatalf("SavePace once let go: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "pace = 1.5\n" {
		t.Errorf("config.toml %q", data)
	}
}

// A change waits for the one holding the lock to finish.
func TestConfigLockWaitsForTheOther(t *testing.T) {
	withLockWait(t, time.Minute)
	path := filepath.Join(t.TempDir(), ConfigFile)
	unlock, err := LockConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error)
	go func() {
		u, err := LockConfig(path)
		if err == nil {
			u()
		}
		got <- err
	}()
	unlock()
	if err := <-got; err != nil {
		t.Errorf("the second change did not get the lock once let go: %v", err)
	}
}
