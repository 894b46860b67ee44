//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package routines

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockFile takes an exclusive flock on f, trying again every little
// while up to wait (a blocking flock could not be given up on); it is
// let go when f is closed, or when the process ends, however it ends.
func lockFile(f *os.File, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	pause := 5 * time.Millisecond
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case !errors.Is(err, syscall.EWOULDBLOCK):
			return err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return errLockBusy
		}
		time.Sleep(min(pause, left))
		pause = min(2*pause, 100*time.Millisecond)
	}
}
