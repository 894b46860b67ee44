//go:build linux || darwin

package history

import (
	"os"
	"path/filepath"
	"syscall"
)

// noSpace reports whether the file system holding path has no room left
// for this user: SQLite reports a full disk as a mere I/O error when the
// write itself, not the journal, ran out.
func noSpace(path string) bool {
	var st syscall.Statfs_t
	if syscall.Statfs(filepath.Dir(path), &st) != nil {
		return false
	}
	return st.Bavail == 0 && (os.Geteuid() != 0 || st.Bfree == 0)
}
