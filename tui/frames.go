package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// FrameLead is how long before a frame a screen wakes to have that frame's
// view ready: the view is made for the frame's instant, so the change it
// shows reaches the terminal on that instant, and a cue rings at most this
// much early. It covers a late timer; a wake-up later than this shows its
// change a frame late.
const FrameLead = 5 * time.Millisecond

// frameGrid is the instants at which Bubble Tea writes a frame: epoch,
// epoch+period, epoch+2·period ...
//
// Why it can be known: Bubble Tea v2 draws only on a ticker of period
// 1/FPS, and it starts that ticker just before it calls the model's Init
// (tea.go, Program.Run: startRenderer, then model.Init(); the same on
// resuming after ctrl+z: RestoreTerminal starts it again, then ResumeMsg).
// So the App reads the clock in Init (and on ResumeMsg) and takes that as
// the epoch; the ticker fires at most microseconds earlier than we think.
// TestFramesLandOnTheirInstants runs the real program and fails if that
// ordering ever changes.
//
// What it is for: every screen computes what it shows, and applies every
// key, at the instant of the next frame (Context.now), and wakes FrameLead
// before the frame that shows its next change (Context.wakeAt). The coaches
// start on a frame and keep time in whole coach.Ticks, which are frames, so
// a phase change is shown on its very instant instead of up to a frame
// late.
type frameGrid struct {
	epoch  time.Time
	period time.Duration
}

// known reports whether the grid has been learned (the program has called
// Init). Before that, and in tests that drive screens by hand, instants
// are taken as they come.
func (g frameGrid) known() bool { return !g.epoch.IsZero() && g.period > 0 }

// next is the first frame instant at or after t: the frame that will show
// a view made now. t itself while the grid is not known.
func (g frameGrid) next(t time.Time) time.Time {
	if !g.known() {
		return t
	}
	d := t.Sub(g.epoch)
	if d <= 0 {
		return g.epoch
	}
	k := (d + g.period - 1) / g.period
	return g.epoch.Add(k * g.period)
}

// startFrames learns the frame grid: the renderer's ticker started at
// (just before) the present instant.
func (c *Context) startFrames() {
	c.frames = frameGrid{epoch: c.Opt.now(), period: time.Second / time.Duration(FPS)}
}

// restartAt is where a screen made at instant made, before the program
// knew its frames (its first frame painted at once: prepaint), begins its
// coach again: the grid's epoch, a few milliseconds on. False for a screen
// made on the grid.
func (c *Context) restartAt(made time.Time) (time.Time, bool) {
	if !c.frames.known() || !made.Before(c.frames.epoch) {
		return time.Time{}, false
	}
	return c.frames.epoch, true
}

// now is the instant the next frame shows: what a screen draws now is
// written then, so that is the instant it draws, and the instant a key
// takes effect.
func (c *Context) now() time.Time { return c.frames.next(c.Opt.now()) }

// wakeAt delivers msg FrameLead before the frame that shows instant at (at
// once if that is already past).
func (c *Context) wakeAt(at time.Time, msg tea.Msg) tea.Cmd {
	clock := c.Opt.now()
	frame := c.frames.next(at)
	d := frame.Sub(clock)
	if c.frames.known() {
		// Never the frame being made now: its view is made already, and a
		// wake-up for it would come at once and again, for ever.
		if shown := c.frames.next(clock); !frame.After(shown) {
			frame = shown.Add(c.frames.period)
		}
		d = frame.Sub(clock) - FrameLead
	}
	return tea.Tick(max(d, 0), func(time.Time) tea.Msg { return msg })
}
