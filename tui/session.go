package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// SessionConfig is what a guided session needs.
type SessionConfig struct {
	Routines []routines.Routine
	Options  coach.Options // zero: coach.DefaultOptions

	Today  TodayProvider // may be nil: no daily-limit prompt
	Record StartSession  // may be nil: nothing is recorded

	// Checkin asks "How is your back right now?" before pacing starts and
	// on the summary when the session ends by itself or for pain (not on
	// quit: q asks nothing). The answers go to the record.
	Checkin bool
}

// stage is where the session screen is.
type stage int

const (
	stageLoading stage = iota // asking the history about today
	stageLimits               // some routines are at their daily limit
	stageBefore               // the check-in before pacing starts
	stageRun                  // the coach is running (or paused)
	stageEnd                  // finished, quit or stopped for pain: the summary
)

// Session is the guided session screen: the daily-limit prompt, the get
// ready, hold, rest and switch moments, and the summary. All state about
// time lives in the coach; the screen only asks it what is happening now.
type Session struct {
	ctx  *Context
	cfg  SessionConfig
	help help.Model

	stage stage

	// The daily-limit prompt.
	atLimit []limitRow
	choice  int

	coach   *coach.Coach
	started time.Time
	ended   time.Time
	last    time.Time // the last clock reading, to notice a suspend
	gen     int       // wake-ups carry it; a stale one is ignored
	log     []coach.Event

	// The check-ins, and the routines left out that wait for the first.
	before, after CheckIn
	leave         map[string]bool
	noHistory     error // the history could not be read: nothing is saved

	rec      recordQueue
	recorder SessionRecorder // set by the first write, read by the later ones
	quitting bool            // quit once the history writes are done
	empty    bool            // everything was left out: nothing to do
}

// limitRow is a routine at its daily limit.
type limitRow struct {
	Name, Title string
	Done, Limit int
}

// sessionWakeMsg is a deadline reached; gen says which schedule set it.
type sessionWakeMsg struct{ gen int }

// NewSession makes the session screen.
func NewSession(ctx *Context, cfg SessionConfig) *Session {
	if cfg.Options == (coach.Options{}) {
		cfg.Options = coach.DefaultOptions
	}
	h := help.New()
	h.Styles = help.DefaultStyles(ctx.Styles.Dark)
	return &Session{ctx: ctx, cfg: cfg, help: h}
}

// Init asks for the background colour and today's counts, or starts at once
// when there is no history to ask.
func (m *Session) Init() tea.Cmd {
	cmds := []tea.Cmd{}
	if m.ctx.Opt.Theme == "auto" || m.ctx.Opt.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	now := m.ctx.Opt.now()
	if m.cfg.Today == nil {
		cmds = append(cmds, m.start(now, nil))
	} else {
		cmds = append(cmds, loadToday(m.cfg.Today, now))
	}
	return tea.Batch(cmds...)
}

// Update handles one message.
func (m *Session) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	now := m.ctx.Opt.now()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		return m, nil
	case tea.BackgroundColorMsg:
		m.ctx.SetBackground(msg.IsDark())
		m.help.Styles = help.DefaultStyles(m.ctx.Styles.Dark)
		return m, nil
	case todayMsg:
		return m, m.gotToday(now, msg)
	case sessionWakeMsg:
		if msg.gen != m.gen || m.stage != stageRun {
			return m, nil // set before a pause, skip or back: stale
		}
		return m, m.sync(now)
	case recordedMsg:
		cmd := m.rec.done(msg.err)
		if m.quitting && m.rec.idle() {
			return m, tea.Quit
		}
		return m, cmd
	case tea.ResumeMsg:
		return m, nil // still paused: space goes on
	case tea.KeyPressMsg:
		return m, m.key(now, msg)
	}
	return m, nil
}

// key answers a key press in the present stage.
func (m *Session) key(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, Keys.Help) {
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	switch m.stage {
	case stageLoading:
		if key.Matches(k, Keys.Quit) {
			return m.quit()
		}
	case stageLimits:
		return m.limitKey(now, k)
	case stageBefore:
		if k.String() == "q" || k.String() == "ctrl+c" {
			return m.quit()
		}
		m.before = m.before.Update(k)
		if m.before.Done() {
			return m.begin(now, m.leave)
		}
	case stageRun:
		return m.runKey(now, k)
	case stageEnd:
		if m.asksAfter() {
			if k.String() == "q" || k.String() == "ctrl+c" {
				return m.quit()
			}
			m.after = m.after.Update(k)
			if v, ok := m.after.Result(); ok {
				return m.write(func(r SessionRecorder) error { return r.SetPainAfter(v) })
			}
			return nil
		}
		if key.Matches(k, Keys.Quit, Keys.Select, Keys.Skip) {
			return m.quit()
		}
	}
	return nil
}

// checkins reports whether this session asks how the back feels: the
// person wants it and the history is there to keep the answer.
func (m *Session) checkins() bool {
	return m.cfg.Checkin && m.cfg.Record != nil && m.noHistory == nil && m.rec.err == nil
}

// asksAfter reports whether the summary is waiting for the check-in after.
func (m *Session) asksAfter() bool {
	if !m.checkins() || m.empty || m.coach == nil || m.coach.Reason() == coach.Quit {
		return false
	}
	return !m.after.Done()
}

// runKey is the keys of a running session: each one a command to the coach
// at instant now, then a fresh schedule of wake-ups.
func (m *Session) runKey(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, Keys.Pause):
		m.coach.Toggle(now)
	case key.Matches(k, Keys.Next):
		m.coach.Skip(now)
	case key.Matches(k, Keys.Back):
		m.coach.Back(now)
	case key.Matches(k, Keys.Hurts):
		m.coach.Stop(now, coach.Pain)
	case key.Matches(k, Keys.Quit):
		m.coach.Stop(now, coach.Quit)
		cmd := m.sync(now)
		return tea.Batch(cmd, m.quit())
	case k.String() == "ctrl+z":
		m.coach.Pause(now)
		return tea.Batch(m.sync(now), tea.Suspend)
	default:
		return nil
	}
	return m.sync(now)
}

// quit ends the program once what was done is saved.
func (m *Session) quit() tea.Cmd {
	m.quitting = true
	if m.rec.idle() {
		return tea.Quit
	}
	return nil
}

// start asks the check-in before, when there is one, then begins the
// session without the routines named in leave.
func (m *Session) start(now time.Time, leave map[string]bool) tea.Cmd {
	if m.checkins() {
		m.before, m.after, m.leave = NewCheckIn(), NewCheckIn(), leave
		m.stage = stageBefore
		return nil
	}
	return m.begin(now, leave)
}

// begin starts the coach at now without the routines named in leave.
func (m *Session) begin(now time.Time, leave map[string]bool) tea.Cmd {
	var rs []routines.Routine
	for _, r := range m.cfg.Routines {
		if !leave[r.Name] {
			rs = append(rs, r)
		}
	}
	plan, err := coach.SessionPlan(rs, m.cfg.Options)
	if err != nil {
		m.empty, m.stage, m.ended = true, stageEnd, now
		return nil
	}
	m.coach = coach.New(plan, now)
	m.started, m.last, m.stage = now, now, stageRun
	var rec tea.Cmd
	if open := m.cfg.Record; open != nil {
		planned := m.coach.Tallies()
		painBefore := m.before.Score()
		rec = m.rec.push(func() error {
			r, err := open(now, planned, painBefore)
			m.recorder = r // the queue runs one write at a time, in order
			return err
		})
	}
	return tea.Batch(rec, m.sync(now))
}

// sync brings the screen up to instant now: a suspend found since the last
// reading pauses the coach where the machine went to sleep; the coach's
// events are logged, rung, recorded; and the next wake-up is set.
func (m *Session) sync(now time.Time) tea.Cmd {
	if !m.last.IsZero() && coach.SuspendGap(m.last, now) > 0 && !m.coach.Paused() {
		m.coach.Pause(m.last)
	}
	m.last = now
	evs := m.coach.Events(now)
	m.log = append(m.log, evs...)
	var cmds []tea.Cmd
	bell := false
	for _, e := range evs {
		switch e.Kind {
		case coach.PhaseChanged, coach.Finished:
			bell = true
		case coach.RepDone:
			bell = true
			cmds = append(cmds, m.recordRep(e))
		}
	}
	if bell && !m.ctx.Opt.NoBell {
		cmds = append(cmds, tea.Raw("\a"))
	}
	if m.coach.Over(now) {
		cmds = append(cmds, m.end(now))
	} else {
		m.gen++
		cmds = append(cmds, m.wake(now))
	}
	return tea.Batch(cmds...)
}

// recordRep records one rep held to its end: the new count for its
// routine and side.
func (m *Session) recordRep(e coach.Event) tea.Cmd {
	if m.cfg.Record == nil {
		return nil
	}
	name := m.coach.Plan().Routines[e.Segment.Routine].Name
	side := e.Segment.Side
	done := 0
	for _, t := range m.coach.Tallies() {
		if t.Routine == name && t.Side == side {
			done = t.Done
		}
	}
	return m.write(func(r SessionRecorder) error { return r.SetReps(name, string(side), done) })
}

// write queues a write to the recorder, once it is open.
func (m *Session) write(w func(SessionRecorder) error) tea.Cmd {
	return m.rec.push(func() error {
		if m.recorder == nil {
			return nil // it failed to open: already reported
		}
		return w(m.recorder)
	})
}

// end moves to the summary and records how the session ended.
func (m *Session) end(now time.Time) tea.Cmd {
	if m.stage == stageEnd {
		return nil
	}
	m.stage, m.ended = stageEnd, now
	if m.quitting {
		m.ended = now
	}
	if m.cfg.Record == nil {
		return nil
	}
	status := m.Status()
	return m.write(func(r SessionRecorder) error { return r.Finish(now, status) })
}

// Status is how the session ended: "completed", "stopped" (quit), "pain",
// or "" while it runs.
func (m *Session) Status() string {
	if m.coach == nil {
		return ""
	}
	switch m.coach.Reason() {
	case coach.Quit:
		return "stopped"
	case coach.Pain:
		return "pain"
	}
	if m.stage == stageEnd {
		return "completed"
	}
	return ""
}

// Coach is the running coach, nil before the session starts.
func (m *Session) Coach() *coach.Coach { return m.coach }

// Log is every coach event so far, in order.
func (m *Session) Log() []coach.Event { return m.log }

// Elapsed is how long the session took, from start to end.
func (m *Session) Elapsed() time.Duration {
	if m.coach == nil || m.ended.IsZero() {
		return 0
	}
	return m.ended.Sub(m.started)
}

// RecordErr is the first history write that failed, if any.
func (m *Session) RecordErr() error { return m.rec.err }

// notSaved is the one line that says this session won't be kept, and why;
// "" while the history takes it.
func (m *Session) notSaved() string {
	err := m.noHistory
	if err == nil {
		err = m.rec.err
	}
	if err == nil || m.cfg.Record == nil {
		return ""
	}
	return "This session won't be saved: " + err.Error()
}
