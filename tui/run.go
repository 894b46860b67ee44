package tui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// FPS is the most frames a second the renderer draws.
//
// Why 10: Bubble Tea's renderer wakes on a ticker at the frame rate and
// writes only what changed, but even an idle tick costs about 0.15 ms here
// (measured: a minute of pacing took 0.75 s of CPU at 50 fps, 0.46 s at 20
// and 0.32 s at 10, against a budget of 0.5% of a core, 0.3 s a minute).
// The price is that a change on screen, and the bell, go out up to 100 ms
// after the instant; the plain front end, which has no renderer, is the
// precise one (within a few ms, see the e2e test). View is not called per
// frame: it is called after each Update, and Updates come only from our own
// wake-ups.
//
// Our own wake-ups are deadlines, never a fast fixed ticker and never
// counted: a screen asks the coach for the instant of the next event
// (coach.NextEvent) and works out the next instant its rendered view
// changes (the next whole second of a countdown, the next step of the
// breath shape, at most MaxShapeSteps a phase), and sets one timer for the
// earliest of them. Each timer message carries a generation; pause,
// resume, a pace change or a resize start a new generation, so a timer set
// before them is ignored when it fires. A paused or static screen sets no
// timer at all. The time shown is always read from the clock and the
// coach, so a late wake-up shows the right thing, only late, and never
// shifts what comes after.
const FPS = 10

// ProgramOptions are the options every full-screen mode runs with: its
// input and output, the frame rate, and the caller's extra options last so
// that tests can override them (tea.WithoutSignalHandler,
// tea.WithWindowSize, tea.WithColorProfile ...). A nil in disables input,
// and with it every terminal query.
func ProgramOptions(in io.Reader, out io.Writer, extra ...tea.ProgramOption) []tea.ProgramOption {
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(FPS)}
	return append(opts, extra...)
}

// Run runs m full screen (in the alternate screen) until it quits, and
// returns the final model, unwrapped: the caller type-asserts it to its own
// model to learn how it ended.
//
// The terminal is always restored: on a normal quit and on ctrl+c (a key
// for the model), on SIGTERM (Bubble Tea's own handler quits gracefully),
// on SIGHUP (handled here: the terminal is gone, but the model's final
// state is still returned so the caller can record how far it got), and on
// a panic in Update, View or a command (Bubble Tea recovers, restores the
// terminal and returns an error wrapping tea.ErrProgramPanic).
// An interrupt (tea.ErrInterrupted) is a normal way to leave and returns no
// error.
func Run(m tea.Model, in io.Reader, out io.Writer, extra ...tea.ProgramOption) (tea.Model, error) {
	prepaint(m, out)
	return run(m, in, out, true, extra...)
}

// run is Run, with signal handling only when signals is set: tests under
// testing/synctest must not subscribe to signals (the runtime's signal
// goroutine would touch a channel of the bubble), and pass false along
// with tea.WithoutSignalHandler.
func run(m tea.Model, in io.Reader, out io.Writer, signals bool, extra ...tea.ProgramOption) (tea.Model, error) {
	if !signals {
		extra = append(extra, tea.WithoutSignalHandler())
	}
	p := tea.NewProgram(fullScreen{m}, ProgramOptions(in, out, extra...)...)
	if signals {
		hup := make(chan os.Signal, 1)
		done := make(chan struct{})
		signal.Notify(hup, syscall.SIGHUP)
		go func() {
			select {
			case <-hup:
				p.Quit()
			case <-done:
			}
		}()
		defer func() {
			signal.Stop(hup)
			close(done)
		}()
	}

	final, err := p.Run()
	if errors.Is(err, tea.ErrInterrupted) {
		err = nil
	}
	if fs, ok := final.(fullScreen); ok {
		return fs.Model, err
	}
	return final, err
}

// fullScreen puts any model's view in the alternate screen.
type fullScreen struct{ tea.Model }

func (f fullScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := f.Model.Update(msg)
	return fullScreen{m}, cmd
}

func (f fullScreen) View() tea.View {
	v := f.Model.View()
	v.AltScreen = true
	return v
}
