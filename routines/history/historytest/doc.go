// Package historytest writes made-up histories through the history's own
// Journal, for tests and demonstrations (a report of a history that looks
// lived in); never run on a person's own history.
package historytest
