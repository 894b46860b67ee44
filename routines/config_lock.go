package routines

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ConfigLockWait is how long a change of config.toml waits for another
// unknot's change to finish before it gives up and says so.
var ConfigLockWait = 15 * time.Second

// errLockBusy is lockFile's answer when another holds the lock.
var errLockBusy = errors.New("held by another")

// LockConfig takes the lock for a change of config.toml at path: an
// advisory lock on its folder (made, 0700, when missing), so that two
// unknots changing config.toml at once (two `remind add` run together) do
// not each write over what the other added, and no lock file is left
// behind (a refused `remind add` leaves nothing). It waits
// up to ConfigLockWait while another unknot holds it; unlock lets it go.
// The lock is advisory: it keeps out only the unknots that take it
// (every change of config.toml does; reading needs none, as the file is
// replaced in one step). Where no lock can be taken (a folder that cannot
// be written, a file system without locks) the change goes ahead without
// one: its write then says what is wrong, if anything. The caller of
// SaveReminders holds it (SavePace and SaveFigure take it themselves).
func LockConfig(path string) (unlock func(), err error) {
	none := func() {}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return none, nil
	}
	f, err := os.Open(dir) // the folder itself: nothing is written to lock it
	if err != nil {
		return none, nil
	}
	switch err := lockFile(f, ConfigLockWait); {
	case errors.Is(err, errLockBusy):
		f.Close()
		return nil, fmt.Errorf("%s is being changed by another unknot (it holds a lock on %s), still after %v; try again when it is done",
			Printable(path), Printable(dir), ConfigLockWait)
	case err != nil:
		f.Close()
		return none, nil
	}
	return func() { f.Close() }, nil // closing the file lets the lock go
}
