//go:build !unix

package history

// startToken is empty: no start time is read on this system.
func startToken(int) string { return "" }

// processAlive cannot tell on this system; another process's running
// session reads as interrupted.
func processAlive(int, string) bool { return false }
