package main

import (
	"context"
	"os/signal"

	"github.com/unknot/unknot/tui"
)

// signalContext is done when a signal that ends a run arrives (SIGINT,
// SIGTERM, SIGHUP). Tests that pace on testing/synctest's fake clock put
// a plain cancel in its place: a signal channel cannot join their bubble.
var signalContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), tui.Signals...)
}
