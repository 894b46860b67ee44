package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/sound"
	"github.com/unknot/unknot/tui/words"
)

// SessionConfig is what a guided session needs.
type SessionConfig struct {
	Routines []routines.Routine
	Options  coach.Options // zero: coach.DefaultOptions

	// Checkin asks "How is your back right now?" before pacing starts and
	// on the summary when the session ends by itself or for pain, or with
	// q once a rep was held and the first question was answered (else q
	// asks nothing, nor does ctrl+c). The answers go to the journal.
	Checkin bool

	// Recent reads a routine's recent sessions from the history, newest
	// first (history.Store.RecentRuns), for gentle progression: each
	// routine is done at the level its last session used, and
	// routines.Progress's offer (one step more, or back after a pain stop)
	// is shown before pacing starts, to accept with one key. Nil: every
	// routine as its file gives it, nothing offered. It is called from a
	// tea.Cmd, never from Update or View.
	Recent func(routine string) ([]routines.PastRun, error)
}

// stage is where the session screen is.
type stage int

const (
	stageLoading stage = iota // asking the history about today
	stageLimits               // some routines are at their daily limit
	stageBefore               // the check-in before pacing starts
	stageOffer                // progression offers one step more or back
	stageRun                  // the coach is running (or paused)
	stageEnd                  // finished, quit or stopped for pain: the summary
)

// Session is the guided session screen: the daily-limit prompt, the get
// ready, hold, rest and switch moments, and the summary. All state about
// time lives in the coach; the screen only asks it what is happening now.
type Session struct {
	ctx     *Context
	cfg     SessionConfig
	deps    Deps // for breathing after a stop for pain
	journal routines.Journal
	today   TodayProvider
	sound   Sound // nil: the bell
	w, h    int

	stage stage

	// The daily-limit prompt.
	atLimit []limitRow
	choice  int

	coach   *coach.Coach
	pace    pacer // the timing loop: frames, keys, wake-ups, the gauge's motion
	log     routines.RunLog
	started time.Time

	// The check-ins, and the routines left out that wait for the first.
	before, after CheckIn
	leave         map[string]bool

	empty bool      // everything was left out: nothing to do
	quit  bool      // ended with q (not ctrl+c, not a signal)
	run   words.Run // how it went, once at the summary

	// The 3-2-1 before a get-ready ends: the get-ready seen last and the
	// time it had left then.
	leadSeg  int
	leadLeft time.Duration

	// Gentle progression: each routine's level and what is offered, in
	// the order of the plan; the row chosen on the offer screen.
	levels   []levelRow
	offerRow int
}

// limitRow is a routine at its daily limit.
type limitRow struct {
	Name, Title string
	Done, Limit int
}

// newSession makes the session screen: cfg's routines, recorded through
// deps.Journal, limits checked against deps.Today.
func newSession(ctx *Context, cfg SessionConfig, deps Deps) *Session {
	if cfg.Options == (coach.Options{}) {
		cfg.Options = coach.DefaultOptions
	}
	m := &Session{ctx: ctx, cfg: cfg, deps: deps, journal: deps.Journal, today: deps.Today, sound: deps.Sound, w: 80, h: 23,
		leadSeg: -1}
	m.pace.init(ctx, m.nextChange)
	m.pace.move(m.gaugeMoves)
	m.pace.move(m.figureMoves) // the picture, while the body moves (session_figure.go)
	return m
}

// Page is PageSession.
func (m *Session) Page() Page { return PageSession }

// SetSize is the body's size.
func (m *Session) SetSize(w, h int) { m.w, m.h = w, h; m.pace.resize(w, h) }

// Busy is true while a question waits or the coach runs: q then belongs to
// the session (it ends the run and shows the summary).
func (m *Session) Busy() bool {
	switch m.stage {
	case stageBefore, stageRun, stageOffer:
		return true
	case stageEnd:
		return m.asksAfter()
	}
	return false
}

// Init reads today's counts and each routine's recent sessions, or starts
// at once when there is no history to ask.
func (m *Session) Init() tea.Cmd {
	now := m.ctx.now()
	if m.today == nil && m.cfg.Recent == nil {
		return m.start(now, nil)
	}
	return loadSession(m, now)
}

// Update handles one message.
func (m *Session) Update(msg tea.Msg) (Screen, tea.Cmd) {
	now := m.pace.arrive() // the frame this update is shown in
	switch msg := msg.(type) {
	case sessionLoaded:
		if msg.to == m && m.stage == stageLoading {
			m.levels = msg.levels
			return m, m.gotToday(now, msg.today)
		}
	case paceWakeMsg:
		if !m.pace.mine(msg) || m.stage != stageRun {
			return m, nil // set before a pause, skip or back: stale
		}
		return m, m.sync(now)
	case tea.ResumeMsg:
		return m, nil // still paused: space goes on
	case tea.KeyPressMsg:
		return m, m.key(now, msg)
	}
	return m, nil
}

// key answers a key press in the present stage.
func (m *Session) key(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	switch m.stage {
	case stageLimits:
		return m.limitKey(now, k)
	case stageBefore:
		if key.Matches(k, Keys.Unasked) {
			return closeScreen
		}
		m.before = m.before.UpdateAt(now, k)
		if m.before.Done() {
			return m.offer(now, m.leave)
		}
	case stageOffer:
		return m.offerKey(now, k)
	case stageRun:
		return m.runKey(now, k)
	case stageEnd:
		return m.endKey(now, k)
	}
	return nil
}

// endKey answers a key on the summary: breathing or the safety page after
// a stop for pain, the check-in after, Enter to close.
func (m *Session) endKey(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	if m.offersBreathing() && key.Matches(k, Keys.BreatheNow) && (!m.asksAfter() || m.after.value < 0) {
		return m.breatheNow()
	}
	if m.offersBreathing() && key.Matches(k, Keys.Safety) {
		// ! works while the check-in waits too, as the summary says: the
		// check-in is still there on the way back.
		m.openingSafety(now)
		return open(newSafety(m.ctx))
	}
	if m.asksAfter() {
		if key.Matches(k, Keys.Unasked) {
			if v, ok := m.after.Picked(); ok && m.log != nil {
				m.log.SetPainAfter(v) // typed, then q: kept, and said in the exit text
				return painNotedThenClose(m.run, v)
			}
			return closeScreen
		}
		m.after = m.after.UpdateAt(now, k)
		if v, ok := m.after.Result(); ok && m.log != nil {
			m.log.SetPainAfter(v)
			return painNoted(m.run, v)
		}
		return nil
	}
	if key.Matches(k, Keys.Done) {
		return closeScreen
	}
	return nil
}

// checkins reports whether this session asks how the back feels: the
// person wants it and the history is there to keep the answer.
func (m *Session) checkins() bool {
	return m.cfg.Checkin && m.journal != nil && m.journal.Trouble() == nil
}

// asksAfter reports whether the summary is waiting for the check-in after.
func (m *Session) asksAfter() bool {
	if !m.checkins() || m.empty || m.coach == nil || m.log == nil || m.run.Outcome == routines.Interrupted {
		return false
	}
	if m.run.Outcome == routines.Stopped && !m.quitAsks() {
		return false
	}
	return !m.after.Done()
}

// quitAsks reports whether a session ended with q asks the check-in
// after: a rep was held, and there is an answer before to compare with.
func (m *Session) quitAsks() bool {
	done, _ := m.run.Reps()
	return m.quit && done > 0 && m.before.Score() != nil
}

// runKey is the keys of a running session: each one a command to the coach
// at instant now, then a fresh schedule of wake-ups.
func (m *Session) runKey(now time.Time, k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, Keys.Pause):
		m.coach.Toggle(now)
		if m.coach.Paused() && m.sound != nil {
			m.sound.Silence()
		}
	case key.Matches(k, Keys.Sound):
		return nextSoundMode(m.sound)
	case key.Matches(k, Keys.Figure): // show or hide the picture (session_figure.go)
		return tea.Batch(m.ctx.Opt.Figures.Toggle(), m.sync(now))
	case key.Matches(k, Keys.SkipRoutine):
		m.coach.SkipRoutine(now)
	case key.Matches(k, Keys.Next):
		m.coach.Skip(now)
	case key.Matches(k, Keys.Back):
		m.coach.Back(now)
	case key.Matches(k, Keys.Hurts):
		m.coach.Stop(now, coach.Pain)
	case key.Matches(k, Keys.Stop):
		m.coach.Stop(now, coach.Quit)
		m.quit = true
	case key.Matches(k, Keys.Suspend):
		m.coach.Pause(now)
		return tea.Batch(m.sync(now), tea.Suspend)
	case key.Matches(k, Keys.Safety):
		// The red flags, one key away mid-session: pacing waits, paused,
		// until the person comes back (space goes on).
		m.coach.Pause(now)
		if m.sound != nil {
			m.sound.Silence()
		}
		return tea.Batch(m.sync(now), open(newSafety(m.ctx)))
	default:
		return nil
	}
	return m.sync(now)
}

// start asks the check-in before, when there is one, then begins the
// session without the routines named in leave.
func (m *Session) start(now time.Time, leave map[string]bool) tea.Cmd {
	if m.checkins() {
		m.before, m.after, m.leave = NewCheckIn(), NewCheckIn(), leave
		m.stage = stageBefore
		return nil
	}
	return m.offer(now, leave)
}

// begin starts the coach at now without the routines named in leave, and
// opens the record (it never blocks).
func (m *Session) begin(now time.Time, leave map[string]bool) tea.Cmd {
	var rs []routines.Routine
	for _, r := range m.cfg.Routines {
		if !leave[r.Name] {
			rs = append(rs, m.atLevel(r))
		}
	}
	plan, err := coach.SessionPlan(rs, m.cfg.Options)
	if err != nil {
		m.empty, m.stage = true, stageEnd
		return nil
	}
	m.coach = coach.New(plan, now)
	m.pace.begin(m.coach, now)
	m.started, m.stage = now, stageRun
	if m.journal != nil {
		m.log = m.journal.Begin(routines.KindSession, now, words.Exercises(m.coach), m.before.Score())
		m.recordLevels(rs)
	}
	return m.sync(now)
}

// sync brings the screen up to instant now (a suspend found since the
// last reading has paused the coach: pacer.arrive): the coach's events
// are rung and recorded, and the next wake-up is set.
func (m *Session) sync(now time.Time) tea.Cmd {
	evs := m.coach.Events(now)
	m.ctx.trace(evs)
	m.leadIn(now)
	cmds := []tea.Cmd{cueEvents(m.sound, m.ctx.Opt.NoBell, m.coach, evs)}
	for _, e := range evs {
		if e.Kind == coach.RepDone {
			m.recordRep(e)
		}
	}
	if m.coach.Over(now) {
		cmds = append(cmds, m.finish(now))
	} else {
		cmds = append(cmds, m.pace.wake(now))
	}
	return tea.Batch(cmds...)
}

// leadIn plays the soft 3-2-1 as a get-ready's last seconds begin.
func (m *Session) leadIn(now time.Time) {
	st := m.coach.At(now)
	if st.Segment.Kind != coach.Ready || st.Paused || st.Stopped {
		m.leadSeg = -1
		return
	}
	if st.Index != m.leadSeg {
		m.leadSeg, m.leadLeft = st.Index, st.Segment.Length
	}
	if k := words.CrossedLeadIn(st.Segment.Length, m.leadLeft, st.SegmentLeft); k > 0 && m.sound != nil {
		m.sound.Play(sound.LeadIn, sound.LeadInWords(k))
	}
	m.leadLeft = st.SegmentLeft
}

// recordRep records one rep held to its end: the new count for its place
// in the plan.
func (m *Session) recordRep(e coach.Event) {
	if m.log == nil {
		return
	}
	if i := m.coach.TallyIndex(e.Segment); i >= 0 {
		m.log.SetReps(i, m.coach.Tallies()[i].Done)
	}
}

// finish moves to the summary and records how the session ended.
func (m *Session) finish(now time.Time) tea.Cmd {
	if m.stage == stageEnd {
		return nil
	}
	m.stage = stageEnd
	m.pace.stop()
	m.run = words.RunOf(m.coach, routines.KindSession, m.started, now)
	if m.log != nil {
		if m.run.Outcome == routines.Pain {
			// Where x came: the coach stands still where it was stopped.
			if i, rep, ok := m.coach.Place(now); ok {
				m.log.StoppedAt(i, rep)
			}
		}
		m.log.Finish(now, m.run.Outcome)
	}
	return runDone(m.run)
}

// end is the App's: a signal (Interrupted) or ctrl+c (Stopped) ends a
// session under way.
func (m *Session) end(at time.Time, why routines.Outcome) (words.Run, bool) {
	if m.stage != stageRun {
		return words.Run{}, false
	}
	m.coach.Stop(at, stopReason(why))
	m.sync(at)
	return m.run, true
}

// notSaved is the one line that says this session isn't being kept, and
// why; "" while the history takes it.
func (m *Session) notSaved() string {
	if m.journal == nil {
		return ""
	}
	if err := m.journal.Trouble(); err != nil {
		return "This session isn't being saved: " + err.Error()
	}
	return ""
}
