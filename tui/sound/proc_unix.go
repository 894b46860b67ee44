//go:build unix

package sound

import (
	"os/exec"
	"syscall"
)

// ownGroup starts the player in a process group of its own, so ending it
// also ends anything it started (a shell wrapper's children).
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// kill ends the player's whole process group at once.
func kill(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
