package history

import "os"

// owner identifies a live process: its pid, and a token that changes when
// the pid is reused by another process (its start time and the boot it
// belongs to, where the system tells them).
type owner struct {
	pid   int
	token string
}

// self is this process as an owner.
func self() owner {
	pid := os.Getpid()
	return owner{pid: pid, token: startToken(pid)}
}

// ownerAlive reports whether the process that recorded a session is still
// running: a session whose owner is gone was interrupted.
func ownerAlive(pid int, token string) bool {
	if pid <= 0 {
		return false
	}
	if pid == os.Getpid() {
		return token == self().token
	}
	return processAlive(pid, token)
}
