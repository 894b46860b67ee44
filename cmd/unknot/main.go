package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"charm.land/fang/v2"
)

func main() {
	// A write to a pipe whose reader has gone fails (EPIPE) instead of
	// killing the program, so that the run under way is saved with its
	// end (plainContext).
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status: 0 done or
// quit, 1 failure, 2 bad usage or bad input.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newFactory(stdin, stdout, stderr)
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetIn(stdin)
	if helpAsked(args) {
		t := &trimLines{w: stdout}
		defer t.flush()
		stdout = t
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version()),
		fang.WithErrorHandler(printError),
	)
	return f.finish(exitCode(err))
}

// version is what the binary was built from: the module's version when
// it has one (go install of a tagged release, or a pseudo-version that
// names the commit), else the commit and its date when the build stamped
// them, else "devel" and why there is nothing more to say.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel (no build information)"
	}
	return versionOf(info)
}

func versionOf(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel (built without version control information, as go run does)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := "devel, commit " + rev
	if when != "" {
		v += " of " + when
	}
	if modified {
		v += ", with uncommitted changes"
	}
	return v
}
