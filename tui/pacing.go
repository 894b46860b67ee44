package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// pacer is the one timing loop of the pacing screens (breathe, a session
// under way, an application of ice or heat), which each embed one:
//
//   - The frame rate is Bubble Tea's, FPS, one frame every coach.Tick, on
//     instants the App knows (frameGrid).
//   - The key path: every Update, a key or a wake-up, begins with arrive,
//     which reads the clock once and takes the instant of the frame that
//     will show the Update's view (Context.now). A key is applied to the
//     coach at that instant, and the view is drawn for it, so a key's
//     effect is on screen in the very next frame (at most 1/FPS after the
//     key) and a phase change in the frame of its instant.
//   - Wake-ups: after each Update the screen calls wake, which sets one
//     timer for FrameLead before the frame of the earliest of: the coach's
//     next event, the screen's own next change (a countdown's second, a
//     cue), and the next step of anything that moves (Mover). A timer of an
//     older generation is ignored; pause, resume, skip, a pace change and
//     the end start a new one. Paused or still, nothing wakes.
//   - Motion: a Mover says, from the coach's state at a frame's instant,
//     how long until its picture next changes. The breath's shape and gauge
//     are Movers: they change on the frames where their picture does, at
//     most MotionFPS a second (fewer in a large window: motionEvery), and
//     not at all through holds and pauses (a changed frame costs the whole
//     window in Bubble Tea v2; an unchanged one almost nothing).
//   - A suspend (the computer slept) found between two readings pauses the
//     coach where the person last saw it.
//
// A picture riding on it (a pose figure on the session screen) adds a
// Mover with move, reads the coach's state at the frame's instant with
// State, and can ask Moving whether anything moves now.
type pacer struct {
	ctx   *Context
	coach *coach.Coach // nil until pacing begins
	on    bool         // pacing: between begin and stop

	now  time.Time // the instant of the frame the view shows: the last Update's
	last time.Time // the clock's last reading, for suspend detection
	gen  int       // the generation of the pending wake-up

	// Slept is set when a suspend paused the coach; the screen clears it
	// when the person goes on.
	slept bool

	// change is the screen's own next change after now besides the
	// coach's events and the movers (a countdown's next second, a cue);
	// nil: none.
	change func(now time.Time, st coach.State) (time.Time, bool)
	movers []Mover
	cells  int // the window's area, which sets how often movers may change (motionEvery)
}

// Mover is a picture on a pacing screen that moves between the coach's
// events. Given the coach's state at a frame's instant, it says how long
// until its picture next changes; false while it rests.
type Mover func(st coach.State) (time.Duration, bool)

// paceWakeMsg is a wake-up of one pacer; only its latest generation counts.
type paceWakeMsg struct {
	p   *pacer
	gen int
}

// init ties the pacer to its screen's context and the screen's own
// changes.
func (p *pacer) init(ctx *Context, change func(time.Time, coach.State) (time.Time, bool)) {
	p.ctx, p.change = ctx, change
	p.now = ctx.now()
	p.last = ctx.Opt.now()
}

// move adds a picture that moves.
func (p *pacer) move(m Mover) { p.movers = append(p.movers, m) }

// resize is the screen's new size.
func (p *pacer) resize(w, h int) { p.cells = max(w, 0) * max(h, 0) }

// MotionFPS is the most a moving picture changes in a second: 5, every
// fourth frame. That is 25 pictures through a 5 s inhale, each a few
// pixels more of the disc, never still for more than a fifth of a second
// but at the slow turns of the breath. Why not every frame: every frame
// that changes costs Bubble Tea the whole window (it clears its buffer,
// draws the view into it and diffs every line): measured with
// internal/measure, a bare Bubble Tea program changing 10 times a second
// takes 0.8% of a core at 100x30 and 1.6% at 200x60, 5 times a second
// 0.5% and 0.95%. At 10 unknot breathe took 0.95% at 100x30, over its
// 0.6% budget; at 5 it stays within it at both sizes.
const MotionFPS = 5

// MotionCells is the window area (in cells) up to which a moving picture
// changes MotionFPS times a second; in a larger window it changes less
// often, in proportion, so that its cost stays near what it is at 200x60.
const MotionCells = 200 * 60

// motionEvery is the least time between two changes of a moving picture.
func (p *pacer) motionEvery() time.Duration {
	every := time.Second / MotionFPS
	if p.cells > MotionCells {
		every = time.Duration(int64(every) * int64(p.cells) / MotionCells)
	}
	return every
}

// begin starts pacing c, which starts at now (a frame instant).
func (p *pacer) begin(c *coach.Coach, now time.Time) {
	p.coach, p.on, p.slept = c, true, false
	p.now, p.last = now, p.ctx.Opt.now()
	p.gen++
}

// restart moves a coach made before the program knew its frames (its
// first frame painted at once) onto the first frame; false when there was
// nothing to move. start is where pacing began, moved with it.
func (p *pacer) restart(start *time.Time) bool {
	now, ok := p.ctx.restartAt(*start)
	if !ok || p.coach == nil || !p.coach.Restart(now) {
		return false
	}
	*start, p.now = now, now
	return true
}

// stop ends pacing: no more wake-ups.
func (p *pacer) stop() {
	p.on = false
	p.gen++
}

// arrive begins an Update: it reads the clock and returns the instant of
// the frame that will show this Update, at which keys take effect and the
// view is drawn. A suspend since the last reading pauses the coach where
// the person last saw it (and sets slept).
func (p *pacer) arrive() time.Time {
	clock := p.ctx.Opt.now()
	now := p.ctx.frames.next(clock)
	if p.on && !p.coach.Paused() && coach.SuspendGap(p.last, clock) > 0 {
		p.coach.Pause(p.now)
		p.slept = true
		p.gen++ // what was pending was for a coach that ran
	}
	p.last, p.now = clock, now
	return now
}

// mine reports whether msg is this pacer's latest wake-up.
func (p *pacer) mine(msg paceWakeMsg) bool { return msg.p == p && msg.gen == p.gen }

// running reports whether the coach runs at now: begun, not stopped, not
// paused and not over.
func (p *pacer) running(now time.Time) bool {
	return p.on && p.coach != nil && !p.coach.Paused() && !p.coach.Over(now)
}

// State is the coach's state at the instant of the frame the view shows.
func (p *pacer) State() coach.State { return p.coach.At(p.now) }

// Moving reports whether anything on the screen moves at the frame's
// instant: a mover will change its picture before the coach's next event
// or at it.
func (p *pacer) Moving() bool {
	if !p.running(p.now) {
		return false
	}
	st := p.coach.At(p.now)
	for _, m := range p.movers {
		if _, ok := m(st); ok {
			return true
		}
	}
	return false
}

// wake starts a new generation and sets one timer for FrameLead before the
// frame of the next instant anything on screen changes; nothing when
// paused, stopped or over.
func (p *pacer) wake(now time.Time) tea.Cmd {
	p.gen++
	if !p.running(now) {
		return nil
	}
	next, ok := p.coach.NextEvent(now)
	sooner := func(t time.Time) {
		if t.After(now) && (!ok || t.Before(next)) {
			next, ok = t, true
		}
	}
	st := p.coach.At(now)
	if p.change != nil {
		if t, yes := p.change(now, st); yes {
			sooner(t)
		}
	}
	for _, m := range p.movers {
		if d, yes := m(st); yes {
			sooner(now.Add(max(d, p.motionEvery())))
		}
	}
	if !ok {
		return nil
	}
	return p.ctx.wakeAt(next, paceWakeMsg{p, p.gen})
}

// stopReason is how the App's end (a signal: Interrupted; ctrl+c:
// Stopped) stops a coach.
func stopReason(why routines.Outcome) coach.StopReason {
	if why == routines.Interrupted {
		return coach.Interrupt
	}
	return coach.Quit
}
