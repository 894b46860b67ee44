package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"charm.land/fang/v2"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status: 0 done or
// quit, 1 failure, 2 bad usage or bad input.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr, history: &lazyStore{}}
	root := newRoot(g)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version()),
		fang.WithErrorHandler(printError),
	)
	g.history.close()
	return exitCode(err)
}

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

// exitCode maps an error to the exit status.
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
	return 1
}

// isFlagError recognises cobra's and pflag's own usage errors, which carry
// no type of their own.
func isFlagError(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown flag", "unknown shorthand flag", "unknown command",
		"flag needs an argument", "invalid argument", "accepts ", "requires ", "if any flags in the group"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// printError writes the error as plain lines, each prefixed "unknot: ",
// never styled: it must read well in a pipe and a screen reader.
func printError(w io.Writer, _ fang.Styles, err error) {
	msg := strings.TrimRight(err.Error(), "\n")
	if isFlagError(err) {
		msg += " (see: unknot --help)"
	}
	for line := range strings.SplitSeq(msg, "\n") {
		fmt.Fprintf(w, "unknot: %s\n", line)
	}
}

// version is the module version the binary was built from, or "devel".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "devel"
	}
	return info.Main.Version
}
