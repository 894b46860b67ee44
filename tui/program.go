package tui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"github.com/unknot/unknot/routines/coach"
)

// FPS is how many frames a second the renderer draws: two every
// coach.Tick, so that every instant a coach schedules is a frame.
//
// Why 20: a key's effect shows in the next frame (pacer), so the frame
// period bounds a key's echo: at 20 a key shows within 50 ms and a few
// more for the terminal. At 10 it took up to 100 ms plus those few, and
// measured through a pty (internal/measure, TestMeasureFeel) the 95th
// percentile came out at 97 to 111 ms: over the 100 ms that reads as "at
// once". At 4 fps it took up to 250 ms and every menu felt slow. What
// frames cost is at rest: Bubble Tea's renderer wakes on a ticker at the
// frame rate, and each wake-up costs the process CPU even when nothing
// changed (a bare Bubble Tea program at 200x60 measured 0.05% of a core at
// 4 fps, 0.15% at 10 and 0.20-0.25% at 20). Frames that change cost far
// more, and are spent only where something moves (pacer, MotionFPS). A
// phase change is not late for any rate: the screens know the frame
// instants (frameGrid) and the coach keeps time in whole Ticks, which are
// frames, so each change is drawn at its own instant.
//
// View is not called per frame: it is called after each Update, and
// Updates come only from our own wake-ups and keys. Our own wake-ups are
// deadlines, never a fixed ticker and never counted (pacer): a screen asks
// the coach for the instant of the next event (coach.NextEvent), works out
// the next instant its rendered view changes (a countdown's second, the
// next step of the moving shape), and sets one timer for FrameLead before
// the frame of the earliest of them. Each timer message carries its pacer
// and a generation; pause, resume, a pace change or the end start a new
// generation, so a timer set before them is ignored when it fires. A
// paused or static screen sets no timer at all, and a pacing screen
// through a hold wakes only for its countdown's seconds.
const FPS = 2 * int(time.Second/coach.Tick)

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
//
// The terminal's title is given back as it was: the app names the window
// ("unknot · breathe"), and Bubble Tea clears the title when it ends, so
// the title is pushed on the terminal's stack first and popped last
// (XTWINOPS 22 and 23; a terminal without them ignores both). A resize
// is never missed, not even while the first frame is drawn (watchResize).
func Run(a *App, in io.Reader, out io.Writer, extra ...tea.ProgramOption) error {
	f, ok := out.(*os.File)
	tty := ok && term.IsTerminal(f.Fd())
	if tty {
		_, _ = io.WriteString(out, pushTitle)
		defer func() { _, _ = io.WriteString(out, popTitle) }()
	}
	prepaint(a, out)
	p := tea.NewProgram(a, ProgramOptions(in, out, extra...)...)
	if tty {
		defer watchResize(p.Send)()
	}
	send := p.Send
	a.send.Store(&send)
	defer a.send.Store(nil)
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	var caught atomic.Value // the signal that ended the visit, if one did
	signal.Notify(sig, Signals...)
	go func() {
		select {
		case s := <-sig:
			caught.Store(s)
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
	if s, ok := caught.Load().(os.Signal); ok && err == nil {
		return Interrupted{Signal: s}
	}
	return err
}

// Interrupted is Run's answer when a signal of Signals ended the visit:
// the runs were recorded and the terminal given back, and the caller can
// say so in its exit status.
type Interrupted struct{ Signal os.Signal }

func (e Interrupted) Error() string { return "ended by " + e.Signal.String() }

// pushTitle saves the window title on the terminal's stack (CSI 22;0 t),
// popTitle restores it (CSI 23;0 t).
const (
	pushTitle = "\x1b[22;0t"
	popTitle  = "\x1b[23;0t"
)
