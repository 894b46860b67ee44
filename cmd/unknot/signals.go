package main

import (
	"context"
	"errors"
	"fmt"
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
// the screens' Run returns it, or as the cause of ctx), the exit status a
// shell expects of it: 128 and the signal's number (130 for SIGINT, 143
// for SIGTERM), with nothing printed: the run's own lines have said that
// it was interrupted and where it was saved. A script can tell a run cut
// short from one done or quit.
func signalEnd(ctx context.Context, err error) error {
	if err == nil && ctx != nil {
		err = context.Cause(ctx)
	}
	var in tui.Interrupted
	if !errors.As(err, &in) {
		if ctx != nil && errors.Is(err, context.Canceled) {
			return nil // a test's plain cancel
		}
		return err
	}
	n := 0
	if s, ok := in.Signal.(syscall.Signal); ok {
		n = int(s)
	}
	return &exitError{code: 128 + n, err: fmt.Errorf("%v", in), quiet: true}
}
