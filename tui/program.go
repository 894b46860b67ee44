package tui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines/coach"
)

// FPS is how many frames a second the renderer draws: one every
// coach.Tick, so that every instant a coach schedules is a frame.
//
// Why 4: Bubble Tea's renderer wakes on a ticker at the frame rate, and
// each wake-up costs the process CPU even when nothing changed (a bare
// Bubble Tea program measured 0.05% of a core at 4 fps, 0.07% at 5 and
// 0.17% at 10: internal/measure). A phase change is not late for it: the
// screens know the frame instants (frameGrid) and the coach keeps time in
// whole frames, so each change is drawn at its own instant. What 4 costs
// is a key's echo: up to a quarter second.
//
// View is not called per frame: it is called after each Update, and
// Updates come only from our own wake-ups and keys. Our own wake-ups are
// deadlines, never a fast fixed ticker and never counted: a screen asks
// the coach for the instant of the next event (coach.NextEvent) and works
// out the next instant its rendered view changes, and sets one timer for
// FrameLead before the frame of the earliest of them. Each timer message
// carries its screen and a generation; pause, resume, a pace change or a
// resize start a new generation, so a timer set before them is ignored
// when it fires. A paused or static screen sets no timer at all.
const FPS = int(time.Second / coach.Tick)

// ProgramOptions are the options the app runs with: its input and output,
// the frame rate, and the caller's extra options last so that tests can
// override them (tea.WithWindowSize, tea.WithColorProfile ...). A nil in
// disables input, and with it every terminal query. unknot handles
// signals itself (see Run), so Bubble Tea's own handler is always off.
func ProgramOptions(in io.Reader, out io.Writer, extra ...tea.ProgramOption) []tea.ProgramOption {
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(FPS), tea.WithoutSignalHandler()}
	return append(opts, extra...)
}

// Signals are the signals that end a visit gracefully: the runs under way
// are recorded as interrupted and the terminal is given back.
var Signals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// Run runs the app full screen until it ends. The terminal is always
// restored: on a normal end, on ctrl+c (a key: the runs are stopped and
// saved), on a signal of Signals (the runs are recorded interrupted; if
// the program can't end within two seconds, say because the terminal is
// gone, it is killed and the caller still gets the app back), and on a
// panic in Update, View or a command (Bubble Tea recovers, restores the
// terminal and returns an error wrapping tea.ErrProgramPanic).
func Run(a *App, in io.Reader, out io.Writer, extra ...tea.ProgramOption) error {
	prepaint(a, out)
	p := tea.NewProgram(a, ProgramOptions(in, out, extra...)...)
	send := p.Send
	a.send.Store(&send)
	defer a.send.Store(nil)
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, Signals...)
	go func() {
		select {
		case <-sig:
			p.Send(signalMsg{})
		case <-done:
			return
		}
		select {
		case <-time.After(2 * time.Second):
			p.Kill()
		case <-done:
		}
	}()
	defer func() {
		signal.Stop(sig)
		close(done)
	}()
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramPanic) {
		return err
	}
	if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) {
		err = nil
	}
	return err
}
