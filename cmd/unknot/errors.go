package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"charm.land/fang/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
)

// exitError carries an exit status with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr is bad usage or bad input: exit status 2.
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// asUsage marks err as bad input: exit status 2.
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: 2, err: err}
}

// failed marks err as a failure: exit status 1.
func failed(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: 1, err: err}
}

// exitCode maps an error to the exit status: the code it carries, 2 for
// cobra's own usage errors, the history's own rule for its errors (a
// history that can't be used is bad input: 2; a write that failed: 1),
// else 1.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isFlagError(err) {
		return 2
	}
	return history.ExitCode(err)
}

// isFlagError recognises cobra's and pflag's own usage errors, which carry
// no type of their own.
func isFlagError(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown flag", "unknown shorthand flag", "unknown command",
		"flag needs an argument", "invalid argument", "accepts ", "requires ", "if any flags in the group",
		"bad flag syntax"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// printError writes the error as plain lines, each prefixed "unknot: ",
// never styled and never with a raw control character: it must read well
// in a pipe and a screen reader, and what came from outside (a file name,
// a flag's value) can't move the cursor.
func printError(w io.Writer, _ fang.Styles, err error) {
	msg := strings.TrimRight(err.Error(), "\n")
	if own, ok := ownFlagMessage(msg); ok {
		msg = own // already says what to do, as --theme's does
	} else if isFlagError(err) {
		msg += " (see: unknot --help)"
	}
	for line := range strings.SplitSeq(msg, "\n") {
		fmt.Fprintf(w, "unknot: %s\n", routines.Printable(line))
	}
}

// pflagInvalid is how pflag wraps the error of a flag's own parser.
var pflagInvalid = regexp.MustCompile(`^invalid argument ".*" for "(?:-\w, )?--([\w-]+)" flag: (.*)$`)

// ownFlagMessage unwraps pflag's "invalid argument ... for ... flag:" from
// a message of unknot's own that names the flag and says what to do
// (`volume "1000": not a whole number ...`), so that every bad flag value
// reads the same way: `--volume "1000": ...`. Go's own parse errors keep
// the wrapping (they don't say what to do).
func ownFlagMessage(msg string) (string, bool) {
	m := pflagInvalid.FindStringSubmatch(msg)
	if m == nil || !strings.HasPrefix(m[2], m[1]+" ") {
		return "", false
	}
	return "--" + m[2], true
}
