package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// BreatheConfig is what `unknot breathe` asks for.
type BreatheConfig struct {
	Pattern  routines.Pattern
	Breaths  int           // a set number of breaths; 0: see Duration
	Duration time.Duration // as many whole breaths as fill it; both 0: no end
	// Checkin offers "How is your back right now?" on the closing screen,
	// never before pacing. It needs a journal to keep the answer.
	Checkin bool
	// Pace is the pace breathing starts at (config.toml's pace): 1 or 0
	// the pattern as written, 1.2 a fifth slower (routines.MinPace to
	// routines.MaxPace).
	Pace float64
	// SavePace keeps a pace chosen with ↑/↓ for next time: the closing
	// screen offers it (k) when the pace was changed. Nil: not offered.
	SavePace func(pace float64) error
}

// CloseAfter is how long the closing screen stays before it closes by
// itself (any key closes it sooner).
const CloseAfter = 6 * time.Second

// Breathe is the breathing pacer screen. Pacing starts when it is made:
// its very first frame already shows the inhale, and nothing is asked or
// loaded before it.
type Breathe struct {
	ctx     *Context
	cfg     BreatheConfig
	journal routines.Journal
	log     routines.RunLog // nil without a journal
	// painBefore is the check-in the run begins with: the one a session
	// stopped for pain got just before breathing now; nil: none.
	painBefore *int
	sound      Sound // nil: the bell
	coach      *coach.Coach
	pace       pacer // the timing loop: frames, keys, wake-ups, the shape's motion
	w, h       int

	start time.Time // when pacing began

	shapes  map[shapeKey]drawing // drawings of the shape, by size, level and theme
	cueH    struct{ width, lines int }
	cueWrap struct {
		text  string
		width int
		lines []string
	}

	after  CheckIn // the check-in on the closing screen
	asking bool    // the closing screen waits for the check-in

	done bool      // over: the closing screen
	run  words.Run // how it went, once done

	kept    string // what keeping the pace did, on the closing screen ("" before k)
	keptErr bool   // ... and whether it failed
}

// breatheCloseMsg closes the closing screen after CloseAfter.
type breatheCloseMsg struct{ m *Breathe }

// newBreathe starts pacing now (ctx.Opt.Now); the run is recorded through
// deps.Journal (nil: not recorded) and heard through deps.Sound.
func newBreathe(ctx *Context, cfg BreatheConfig, deps Deps) (*Breathe, error) {
	plan, err := coach.BreathePlan(cfg.Pattern, cfg.Breaths, cfg.Duration)
	if err != nil {
		return nil, err
	}
	now := ctx.now()
	c := coach.New(plan, now)
	if cfg.Pace > 0 && cfg.Pace != 1 {
		c.SetPace(now, cfg.Pace)
	}
	if cfg.Pace <= 0 {
		cfg.Pace = 1
	}
	m := &Breathe{ctx: ctx, cfg: cfg, journal: deps.Journal, sound: deps.Sound, coach: c,
		start: now, w: 80, h: 23}
	m.pace.init(ctx, m.nextChange)
	m.pace.begin(c, now)
	m.pace.move(m.shapeMoves)
	return m, nil
}

// offersPace reports whether the closing screen offers to keep the pace:
// it was changed with ↑/↓, and there is somewhere to keep it.
func (m *Breathe) offersPace() bool {
	return m.done && m.cfg.SavePace != nil && m.kept == "" && m.coach.Pace() != m.cfg.Pace
}

// keepPace keeps the pace in use for next time, and says how it went.
func (m *Breathe) keepPace() {
	p := m.coach.Pace()
	if err := m.cfg.SavePace(p); err != nil {
		m.kept, m.keptErr = "The pace was not kept: "+err.Error(), true
		return
	}
	m.kept = "Kept: breathing starts at " + paceWords(p) + " from now on."
}

// Page is PageBreathe.
func (m *Breathe) Page() Page { return PageBreathe }

// SetSize is the body's size; the shape's steps may change with it.
func (m *Breathe) SetSize(w, h int) { m.w, m.h = w, h; m.pace.resize(w, h) }

// Busy is true while pacing and while the check-in waits: q then ends the
// breathing (or closes without answering), never the app.
func (m *Breathe) Busy() bool { return !m.done || m.asking }

// Init opens the record (it never blocks), rings for the first inhale and
// sets the first deadline.
func (m *Breathe) Init() tea.Cmd {
	// Made before the program knew its frames (its first frame was
	// painted at once), pacing begins again on the first frame, a few
	// milliseconds on, with nothing said twice.
	m.pace.restart(&m.start)
	if m.journal != nil && m.log == nil {
		m.log = m.journal.Begin(routines.KindBreathe, m.start, nil, m.painBefore)
		m.log.SetPattern(m.coach.At(m.start).Segment.Pattern) // as paced: the settings' pace applied
	}
	return tea.Batch(m.sync(m.pace.now), m.pace.wake(m.pace.now))
}

// Update follows the clock: every message first brings the coach up to
// now, so a late or stale wake-up changes nothing but the moment of drawing.
func (m *Breathe) Update(msg tea.Msg) (Screen, tea.Cmd) {
	now := m.pace.arrive() // the frame this update is shown in
	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case paceWakeMsg:
		if !m.pace.mine(msg) {
			return m, nil
		}
		return m, tea.Batch(m.sync(now), m.pace.wake(now))
	case breatheCloseMsg:
		if msg.m == m && !m.asking && !m.offersPace() {
			return m, closeScreen
		}
	case tea.KeyPressMsg:
		cmds = append(cmds, m.key(msg, now))
	}
	cmds = append(cmds, m.sync(now))
	return m, tea.Batch(cmds...)
}

// key applies a key press at instant now.
func (m *Breathe) key(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	if m.done && key.Matches(k, Keys.KeepPace) && m.offersPace() {
		m.keepPace()
		return nil
	}
	switch {
	case m.done && m.asking:
		return m.answer(k, now)
	case m.done:
		return closeScreen // any key closes the closing screen
	}
	switch {
	case key.Matches(k, Keys.Stop):
		return m.finish(now, coach.Quit)
	case key.Matches(k, Keys.Pause):
		m.coach.Toggle(now)
		m.pace.slept = false
		if m.coach.Paused() && m.sound != nil {
			m.sound.Silence()
		}
	case key.Matches(k, Keys.Sound):
		return nextSoundMode(m.sound)
	case key.Matches(k, Keys.Slower):
		m.coach.SetPace(now, coach.StepPace(m.coach.Pace(), +1))
	case key.Matches(k, Keys.Faster):
		m.coach.SetPace(now, coach.StepPace(m.coach.Pace(), -1))
	case key.Matches(k, Keys.Safety):
		// The red flags, one key away while breathing, as in a session:
		// the pacing waits, paused, until the person comes back.
		m.coach.Pause(now)
		if m.sound != nil {
			m.sound.Silence()
		}
		return tea.Batch(m.pace.wake(now), open(newSafety(m.ctx)))
	default:
		return nil
	}
	return m.pace.wake(now)
}

// answer takes a key of the check-in on the closing screen, pressed at
// instant now (the frame it shows in: "1" then "0" makes 10 only typed
// together).
func (m *Breathe) answer(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	if key.Matches(k, Keys.Unasked) {
		m.asking = false
		if v, ok := m.after.Picked(); ok && m.log != nil {
			m.log.SetPainAfter(v) // typed, then q: kept, and said in the exit text
			return painNotedThenClose(m.run, v)
		}
		return closeScreen
	}
	m.after = m.after.UpdateAt(now, k)
	if !m.after.Done() {
		return nil
	}
	m.asking = false
	v, ok := m.after.Result()
	if !ok || m.log == nil {
		return closeScreen // skipped: nothing to say
	}
	// Recorded: said on the closing screen ("Noted: 4 out of 10.", as a
	// session's summary says it) and in the exit text, then closed after
	// CloseAfter, or at any key, as the closing screen does.
	m.log.SetPainAfter(v)
	me := m
	return tea.Batch(painNoted(m.run, v), tea.Tick(CloseAfter, func(time.Time) tea.Msg { return breatheCloseMsg{me} }))
}

// finish ends pacing at now: the person quit (coach.Quit), or the plan
// ran out (coach.NotStopped). The closing screen shows; it asks how the
// back feels when there is a history to keep the answer.
func (m *Breathe) finish(now time.Time, why coach.StopReason) tea.Cmd {
	run, ok := m.stop(now, why)
	if !ok {
		return nil
	}
	if m.cfg.Checkin && m.log != nil && m.journal.Trouble() == nil && run.Breaths > 0 {
		m.asking, m.after = true, NewCheckIn()
		return runDone(run)
	}
	me := m
	return tea.Batch(runDone(run), tea.Tick(CloseAfter, func(time.Time) tea.Msg { return breatheCloseMsg{me} }))
}

// stop ends the run at now for why, records it, and reports it; false if
// it had already ended.
func (m *Breathe) stop(now time.Time, why coach.StopReason) (words.Run, bool) {
	if m.done {
		return m.run, false
	}
	m.done = true
	m.pace.stop() // no more wake-ups
	if why != coach.NotStopped {
		m.coach.Stop(now, why)
	}
	m.coach.Events(now)
	m.run = words.RunOf(m.coach, routines.KindBreathe, m.start, now)
	if m.log != nil {
		m.log.SetBreaths(m.run.Breaths)
		m.log.Finish(now, m.run.Outcome)
	}
	return m.run, true
}

// end is the App's: a signal (Interrupted) or ctrl+c (Stopped).
func (m *Breathe) end(at time.Time, why routines.Outcome) (words.Run, bool) {
	return m.stop(at, stopReason(why))
}

// sync drains the coach's events up to now: one bell for any phase change,
// a record of each completed breath, the closing screen at the end.
func (m *Breathe) sync(now time.Time) tea.Cmd {
	if m.done {
		return nil
	}
	evs := m.coach.Events(now)
	m.ctx.trace(evs)
	cmds := []tea.Cmd{cueEvents(m.sound, m.ctx.Opt.NoBell, m.coach, evs)}
	breaths := 0
	for _, e := range evs {
		switch e.Kind {
		case coach.BreathDone:
			breaths = e.Breath
		case coach.PaceChanged: // ↑/↓: the pattern paced from now on
			if m.log != nil {
				m.log.SetPattern(e.Segment.Pattern)
			}
		case coach.Finished:
			cmds = append(cmds, m.finish(now, coach.NotStopped))
		}
	}
	if breaths > 0 && m.log != nil {
		m.log.SetBreaths(breaths)
	}
	return tea.Batch(cmds...)
}

// nextChange is the next instant after now at which the view changes
// besides the coach's events and the shape's motion: the phase's seconds,
// shown rounded up, change at whole seconds before the phase ends, and
// the clock of time breathed with them (see lastTick).
func (m *Breathe) nextChange(now time.Time, st coach.State) (time.Time, bool) {
	if m.tooSmall() {
		return time.Time{}, false // only the events (and their bells) matter
	}
	left := st.PhaseLength - st.PhaseElapsed
	if shown := words.SecondsUp(left); shown > 1 {
		return now.Add(left - time.Duration(shown-1)*time.Second), true
	}
	return time.Time{}, false
}

// shapeMoves is how long until the shape's picture next changes: it
// follows the breath through inhales and exhales and rests through holds
// (with --reduced-motion it moves only with the countdown's seconds,
// whose wake-ups nextChange already asks for).
func (m *Breathe) shapeMoves(st coach.State) (time.Duration, bool) {
	if m.done || m.ctx.Opt.ReducedMotion || m.tooSmall() || st.Paused {
		return 0, false
	}
	b := m.layout(st).shape
	if b.Steps() == 0 {
		return 0, false
	}
	return b.Thresholds().Next(st.Phase, st.PhaseElapsed, st.PhaseLength)
}

// Keys are pacing's, the check-in's, or the closing screen's.
func (m *Breathe) Keys() help.KeyMap {
	switch {
	case m.asking && m.offersPace():
		return keyMap{append([]key.Binding{Keys.KeepPace}, m.after.Keys()...)}
	case m.asking:
		return keyMap{m.after.Keys()}
	case m.offersPace():
		return keyMap{{Keys.KeepPace, Keys.AnyOther}}
	case m.done:
		return keyMap{{Keys.AnyKey}}
	}
	pause := PauseOrResume(m.coach.Paused())
	return keyHelp{
		short: []key.Binding{pause, Keys.Stop, Keys.Slower, Keys.Faster}, // stop is never the one cut off
		full:  [][]key.Binding{{pause, Keys.Slower, Keys.Faster}, {Keys.Sound, Keys.Stop, Keys.Safety}},
	}
}
