package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/unknot/unknot/tui"
)

// signalContext is done when a signal that ends a run arrives (SIGINT,
// SIGTERM, SIGHUP, SIGQUIT); its cause (signalEnd) then names the signal.
// Tests that pace on testing/synctest's fake clock put a plain cancel in
// its place: a signal channel cannot join their bubble.
var signalContext = func() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, tui.Signals...)
	go func() {
		select {
		case s := <-ch:
			cancel(tui.Interrupted{Signal: s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		cancel(nil)
	}
}

// signalEnd is err, or, when a signal ended the run (tui.Interrupted, as
// the screens' Run returns it, or as the cause of ctx; Background when
// there is no context), the exit status a shell expects of it: 128 and
// the signal's number (130 for SIGINT, 143 for SIGTERM), with nothing
// printed: the run's own lines have said that it was interrupted and
// where it was saved. A script can tell a run cut short from one done.
func signalEnd(ctx context.Context, err error) error {
	var in tui.Interrupted
	if errors.As(context.Cause(ctx), &in) {
		// the signal's end, whatever the run made of it (a write that
		// failed once the reader had gone, for SIGPIPE)
	} else if !errors.As(err, &in) {
		return err
	}
	n := 0
	if s, ok := in.Signal.(syscall.Signal); ok {
		n = int(s)
	}
	return &exitError{code: 128 + n, err: fmt.Errorf("%v", in), quiet: true}
}

// plainContext is signalContext for a run paced in plain lines, and the
// writer for its lines: when their reader goes away (`unknot breathe |
// head -1`: the write fails with EPIPE), the run ends as if SIGPIPE had
// come, saved as interrupted with its end, exit status 141, instead of
// the process being killed with the run's end unrecorded. main ignores
// SIGPIPE so that such a write fails rather than kills.
func plainContext(out io.Writer) (context.Context, io.Writer, context.CancelFunc) {
	sctx, stop := signalContext()
	ctx, cancel := context.WithCancelCause(sctx)
	w := pipeWatch{w: out, gone: func() { cancel(tui.Interrupted{Signal: syscall.SIGPIPE}) }}
	return ctx, w, func() {
		cancel(nil)
		stop()
	}
}

// pipeWatch is a writer that says when its reader has gone.
type pipeWatch struct {
	w    io.Writer
	gone func()
}

func (p pipeWatch) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if errors.Is(err, syscall.EPIPE) {
		p.gone()
	}
	return n, err
}
