package tui

import (
	"fmt"
	"math"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// BreatheConfig is what `unknot breathe` asks for.
type BreatheConfig struct {
	Pattern  routines.Pattern
	Breaths  int           // a set number of breaths; 0: see Duration
	Duration time.Duration // as many whole breaths as fill it; both 0: no end
	Record   StartRecorder // nil: nothing is recorded
	// Checkin offers "How is your back right now?" on the closing screen,
	// never before pacing. It needs Record.
	Checkin bool
}

// CloseAfter is how long the closing screen stays before the program ends
// by itself (any key ends it sooner).
const CloseAfter = 6 * time.Second

// Breathe is the breathing pacer screen. Pacing starts when it is made:
// its very first frame already shows the inhale, and nothing is asked or
// loaded before it. Use it through a pointer; Update returns the same one.
type Breathe struct {
	ctx   *Context
	cfg   BreatheConfig
	coach *coach.Coach
	rec   *record

	start time.Time // when pacing began
	now   time.Time // the instant the view shows: the last Update's
	last  time.Time // the last instant seen, for suspend detection
	gen   int       // the generation of the pending wake-up timer

	shapes map[shapeKey][]string // drawings of the shape, by size, level and theme

	after  CheckIn // the check-in on the closing screen
	asking bool    // the closing screen waits for the check-in

	slept  bool   // paused because the computer was asleep
	done   bool   // over: the closing screen, or quitting
	status string // how it ended, once done
}

// wakeMsg is a deadline timer firing. Only the latest generation counts.
type wakeMsg struct{ gen int }

// closeMsg ends the closing screen.
type closeMsg struct{}

// recordMsg reports the outcome of a history write.
type recordMsg struct{ err error }

// NewBreathe starts pacing now (ctx.Opt.Now).
func NewBreathe(ctx *Context, cfg BreatheConfig) (*Breathe, error) {
	plan, err := coach.BreathePlan(cfg.Pattern, cfg.Breaths, cfg.Duration)
	if err != nil {
		return nil, err
	}
	now := ctx.Opt.now()
	return &Breathe{ctx: ctx, cfg: cfg, coach: coach.New(plan, now), rec: newRecord(cfg.Record),
		start: now, now: now, last: now}, nil
}

// Init rings for the first inhale, asks the terminal for its background
// (applied when it answers; the first frame does not wait for it), sets
// the first deadline and opens the history record in the background.
func (m *Breathe) Init() tea.Cmd {
	cmds := []tea.Cmd{m.take(m.now), m.arm(m.now)}
	if m.ctx.Opt.Theme == "" || m.ctx.Opt.Theme == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.cfg.Record != nil {
		rec, at, planned := m.rec, m.start, m.coach.At(m.start).Breaths
		cmds = append(cmds, func() tea.Msg { return recordMsg{rec.open(at, planned)} })
	}
	return tea.Batch(cmds...)
}

// Update follows the clock: every message first brings the coach up to
// now, so a late or stale wake-up changes nothing but the moment of drawing.
func (m *Breathe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	now := m.ctx.Opt.now()
	var cmds []tea.Cmd
	if !m.done && !m.coach.Paused() && coach.SuspendGap(m.last, now) > 0 {
		// The computer slept: pause where the person last saw it.
		m.coach.Pause(m.last)
		m.slept = true
		cmds = append(cmds, m.arm(now))
	}
	m.last, m.now = now, now

	switch msg := msg.(type) {
	case wakeMsg:
		if msg.gen == m.gen {
			cmds = append(cmds, m.take(now), m.arm(now))
			return m, tea.Batch(cmds...)
		}
	case closeMsg:
		return m, tea.Quit
	case recordMsg:
		// A failed write is kept in the record and reported after the
		// program ends (Close); pacing goes on.
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		cmds = append(cmds, m.arm(now)) // the shape's steps may have changed
	case tea.BackgroundColorMsg:
		m.ctx.SetBackground(msg.IsDark())
	case tea.KeyPressMsg:
		cmds = append(cmds, m.key(msg, now))
	}
	cmds = append(cmds, m.take(now))
	return m, tea.Batch(cmds...)
}

// key applies a key press at instant now.
func (m *Breathe) key(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	if m.done && m.asking {
		if k.String() == "q" || k.String() == "ctrl+c" {
			return tea.Quit
		}
		m.after = m.after.Update(k)
		if !m.after.Done() {
			return nil
		}
		m.asking = false
		if v, ok := m.after.Result(); ok {
			rec := m.rec
			return tea.Sequence(func() tea.Msg { return recordMsg{rec.painAfter(v)} }, tea.Quit)
		}
		return tea.Quit
	}
	if m.done {
		return tea.Quit // any key closes the closing screen
	}
	switch {
	case key.Matches(k, Keys.Quit):
		return m.end(now, true)
	case key.Matches(k, Keys.Pause):
		m.coach.Toggle(now)
		m.slept = false
	case key.Matches(k, Keys.Slower):
		m.coach.SetPace(now, stepPace(m.coach.Pace(), +1))
	case key.Matches(k, Keys.Faster):
		m.coach.SetPace(now, stepPace(m.coach.Pace(), -1))
	default:
		return nil
	}
	return m.arm(now)
}

// stepPace moves pace one PaceStep slower (+1) or faster (-1), rounded so
// that repeated steps do not drift from the tenths.
func stepPace(pace float64, dir int) float64 {
	p := math.Round((pace+float64(dir)*coach.PaceStep)*100) / 100
	return min(max(p, coach.MinPace), coach.MaxPace)
}

// end stops pacing at now: the person quit (quit), or the plan ran out.
func (m *Breathe) end(now time.Time, quit bool) tea.Cmd {
	if m.done {
		return nil
	}
	m.done = true
	m.gen++ // no more wake-ups
	m.status = StatusCompleted
	if quit {
		if !m.coach.Plan().Open {
			m.status = StatusStopped
		}
		m.coach.Stop(now, coach.Quit)
		m.coach.Events(now)
	}
	rec, n, status := m.rec, m.coach.BreathsDone(), m.status
	finish := func() tea.Msg { return recordMsg{rec.finish(now, n, status)} }
	if m.cfg.Checkin && m.cfg.Record != nil && !m.rec.failed() && m.coach.BreathsDone() > 0 {
		// The closing screen asks how the back feels, and waits for it.
		m.asking, m.after = true, NewCheckIn()
		return finish
	}
	if quit {
		return tea.Sequence(finish, tea.Quit)
	}
	return tea.Batch(finish, tea.Tick(CloseAfter, func(time.Time) tea.Msg { return closeMsg{} }))
}

// take drains the coach's events up to now: one bell for any phase change,
// a history write for each completed breath, the closing screen at the end.
func (m *Breathe) take(now time.Time) tea.Cmd {
	if m.done {
		return nil
	}
	var cmds []tea.Cmd
	bell, breaths := false, 0
	for _, e := range m.coach.Events(now) {
		switch e.Kind {
		case coach.PhaseChanged:
			bell = true
		case coach.BreathDone:
			breaths = e.Breath
		case coach.Finished:
			cmds = append(cmds, m.end(now, false))
		}
	}
	if bell && !m.ctx.Opt.NoBell {
		cmds = append(cmds, tea.Raw("\a"))
	}
	if breaths > 0 && m.cfg.Record != nil {
		rec := m.rec
		cmds = append(cmds, func() tea.Msg { return recordMsg{rec.setBreaths(breaths)} })
	}
	return tea.Batch(cmds...)
}

// arm starts a new generation and sets one timer for the next instant
// anything on screen changes; nothing when paused or over.
func (m *Breathe) arm(now time.Time) tea.Cmd {
	m.gen++
	at, ok := m.nextChange(now)
	if !ok {
		return nil
	}
	gen := m.gen
	return tea.Tick(at.Sub(now), func(time.Time) tea.Msg { return wakeMsg{gen} })
}

// nextChange is the next instant after now at which the coach has an event
// or the rendered view changes: the phase's seconds, the elapsed clock, a
// step of the shape. See the comment on FPS for why this is all we wake for.
func (m *Breathe) nextChange(now time.Time) (time.Time, bool) {
	if m.done || m.coach.Paused() || m.coach.Over(now) {
		return time.Time{}, false
	}
	next, ok := m.coach.NextEvent(now)
	st := m.coach.At(now)
	sooner := func(d time.Duration) {
		if d <= 0 {
			return
		}
		if t := now.Add(d); !ok || t.Before(next) {
			next, ok = t, true
		}
	}
	if m.tooSmall() {
		return next, ok // only the events (and their bells) matter
	}
	// The phase's seconds: shown rounded up, they change at whole seconds
	// before the phase ends.
	left := st.PhaseLength - st.PhaseElapsed
	if shown := ceilSeconds(left); shown > 1 {
		sooner(left - time.Duration(shown-1)*time.Second)
	}
	// The elapsed clock: whole seconds of the plan.
	sooner(st.Offset.Truncate(time.Second) + time.Second - st.Offset)
	// The shape.
	if !m.ctx.Opt.ReducedMotion {
		steps := m.layout(st).shape.Steps()
		if e, more := ShapeNext(st.Phase, st.PhaseElapsed, st.PhaseLength, steps); more {
			sooner(e - st.PhaseElapsed)
		}
	}
	return next, ok
}

// ceilSeconds is d in whole seconds, rounded up.
func ceilSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

// State is what the coach says at the instant the view shows.
func (m *Breathe) State() coach.State { return m.coach.At(m.now) }

// Done reports whether pacing is over (closing screen or quitting).
func (m *Breathe) Done() bool { return m.done }

// Status is how the session ended ("" while it runs).
func (m *Breathe) Status() string { return m.status }

// Summary is one line saying what was done, for after the screen is gone.
func (m *Breathe) Summary() string {
	st := m.coach.At(m.now)
	return fmt.Sprintf("%s in %s.", breathsWord(m.coach.BreathsDone()), Clock(st.Offset.Truncate(time.Second)))
}

// Close finishes the history record after the program ended: if the
// screen did not end by itself (a signal closed it), the session is
// recorded as interrupted at at. It waits for the last write, at most
// wait, and returns the first history error. Call it once Run returned.
func (m *Breathe) Close(at time.Time, wait time.Duration) error {
	status := m.status
	if !m.done {
		status = StatusInterrupted
		m.coach.Stop(at, coach.Quit)
	}
	if m.cfg.Record == nil {
		return nil
	}
	err := m.rec.wait(wait)
	if ferr := m.rec.finish(at, m.coach.BreathsDone(), status); err == nil {
		err = ferr
	}
	return err
}

func breathsWord(n int) string {
	if n == 1 {
		return "1 breath"
	}
	return fmt.Sprintf("%d breaths", n)
}
