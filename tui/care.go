package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/sound"
	"github.com/unknot/unknot/tui/words"
)

// CareConfig is what `unknot care` asks for.
type CareConfig struct {
	// Kind is KindIce or KindHeat to start that application at once, or
	// "" for the plan for now first (home's c, `unknot care`).
	Kind routines.Kind
	// Length is one application of Kind; 0: the rule's default.
	Length time.Duration
	// Options tune the get-ready; nil: coach.DefaultCareOptions.
	Options *coach.CareOptions
}

// CarePlanner is what the care screen reads from and keeps in the
// history: the current episode of spasm (nil when none is on record) and
// the ice and heat applications since a while before now, and the answer
// to "when did this spasm start?". It is called from commands, never from
// Update or View. A nil CarePlanner means no history: the first 48 hours
// are assumed and nothing is asked.
type CarePlanner interface {
	CareRecord(now time.Time) (*routines.Episode, []routines.Application, error)
	RecordEpisode(ep routines.Episode, at time.Time) error
}

// CareDeps are the care screen's own dependencies.
type CareDeps struct {
	Config  CareConfig
	Planner CarePlanner
	// Notify shows a desktop notification (notify-send); it is called
	// from a command and must not wait for the notification. nil: none.
	Notify func(title, body string)
	// Terminal is the terminal's own notification as an escape sequence
	// (OSC 9 or OSC 777), written through the renderer; nil when the
	// output is not a terminal.
	Terminal func(title, body string) string
}

// careState is where a care screen is.
type careState int

const (
	careLoading careState = iota // reading the record
	careAsking                   // when did this spasm start?
	carePlan                     // the plan for now
	carePacing                   // an application under way
	careDone                     // the end of an application
)

// careOverlay is a page shown over the care screen without leaving it,
// so the countdown's deadlines keep reaching it.
type careOverlay int

const (
	overlayNone careOverlay = iota
	overlaySafety
	overlaySources
)

// Care is the screen of `unknot care`: the plan for now (ice in the first
// 48 hours, heat after, and when the next is due), and the timer of one
// application: what to do before, a calm countdown, the halfway reminder
// to check the skin, and a clear end (the end chime or the bell, and a
// notification for a person in another room). Each application is
// recorded as a run of kind ice or heat through the journal.
type Care struct {
	ctx  *Context
	deps Deps
	cfg  CareConfig
	w, h int

	state    careState
	planMode bool // opened for the plan: it comes back after each application
	overlay  careOverlay
	sources  viewport.Model // w's page (words.CareSources), scrolled when taller than the window

	// The plan for now.
	ep      *routines.Episode
	apps    []routines.Application // from the history
	local   []routines.Application // begun on this screen
	loadErr error
	known   bool // the record was read: the plan after an application can be said
	saveErr error
	cursor  int // the onset question's

	// The application.
	rule  routines.CareRule
	coach *coach.Coach
	pace  pacer // the timing loop: frames, keys, wake-ups
	log   routines.RunLog
	start time.Time
	early string // "This is early: ..." when the sources suggest later or the other
	run   words.Run
	next  string // after the end: when the next is due
	// uncounted, after the end, says the application does not count
	// (words.CareNotCounted), or is "".
	uncounted string
}

type careLoadedMsg struct {
	m    *Care
	ep   *routines.Episode
	apps []routines.Application
	err  error
}

type careSavedMsg struct {
	m   *Care
	err error
}

func newCare(ctx *Context, deps Deps) (*Care, error) {
	now := ctx.now()
	m := &Care{ctx: ctx, deps: deps, cfg: deps.Care.Config, w: 80, h: 23}
	m.sources = viewport.New(viewport.WithWidth(80), viewport.WithHeight(22))
	m.sources.KeyMap = reviewScroll() // the keys the help shows, and no others
	m.pace.init(ctx, m.nextChange)
	if m.cfg.Kind == "" {
		m.planMode = true
		return m, nil
	}
	if err := m.prepare(m.cfg.Kind, now); err != nil {
		return nil, err
	}
	return m, nil
}

// prepare lays out an application of kind k starting at now.
func (m *Care) prepare(k routines.Kind, now time.Time) error {
	rule, ok := routines.CareRuleFor(k)
	if !ok {
		_, err := routines.ParseCareKind(string(k))
		return err
	}
	length := rule.Default.Value
	if m.cfg.Length > 0 && k == m.cfg.Kind {
		length = m.cfg.Length
	}
	opt := coach.DefaultCareOptions
	if m.cfg.Options != nil {
		opt = *m.cfg.Options
	}
	plan, err := coach.CarePlan(rule, length, opt)
	if err != nil {
		return err
	}
	m.rule, m.coach, m.log = rule, coach.New(plan, now), nil
	m.pace.begin(m.coach, now)
	m.start = now
	m.state, m.next, m.uncounted = carePacing, "", ""
	m.local = append(m.local, routines.Application{Kind: k, Started: now})
	return nil
}

// Page is PageCare.
func (m *Care) Page() Page { return PageCare }

// SetSize is the body's size; w's page is laid out again for it.
func (m *Care) SetSize(w, h int) {
	m.w, m.h = w, h
	m.layoutSources()
}

// openSources shows w's page from its top.
func (m *Care) openSources() {
	m.overlay = overlaySources
	m.layoutSources()
	m.sources.GotoTop()
}

// layoutSources lays w's page out for the window: wrapped at the text's
// width, as tall as the body less a line for how much more there is.
func (m *Care) layoutSources() {
	width := careTextWidth(m.w)
	s := m.ctx.Styles
	lines := words.CareSources(width)
	for i, l := range lines {
		switch {
		case i == 0 || l == words.CareSafetyTitle || l == "Where they differ:":
			lines[i] = s.Title.Render(l)
		default:
			lines[i] = s.Text.Render(l)
		}
	}
	m.sources.SetWidth(width)
	m.sources.SetHeight(max(m.h-1, 1))
	m.sources.SetContent(strings.Join(lines, "\n"))
}

// sourcesScroll reports whether w's page is taller than the window.
func (m *Care) sourcesScroll() bool { return m.sources.TotalLineCount() > m.sources.Height() }

// Busy is true except on the plan for now: while the record loads, a
// question waits, an application runs or its end is shown, every key is
// the screen's.
func (m *Care) Busy() bool { return m.state != carePlan || m.overlay != overlayNone }

// Init reads the record; an application given on the command line is
// already under way, and its record is opened.
func (m *Care) Init() tea.Cmd {
	if m.state != carePacing {
		return m.load(m.ctx.Opt.now())
	}
	if m.pace.restart(&m.start) {
		// Made before the program knew its frames: the timer begins
		// again on the first frame, a few milliseconds on.
		m.local[len(m.local)-1].Started = m.start
	}
	// The plan is read as it stood just before this application began,
	// for the one line saying it is early.
	return tea.Batch(m.begin(), m.load(m.start.Add(-time.Millisecond)))
}

// focus reads the record again when the screen is back on top.
func (m *Care) focus() tea.Cmd {
	if m.state == carePlan {
		return m.load(m.ctx.Opt.now())
	}
	return nil
}

// load asks the planner for the record as of now.
func (m *Care) load(now time.Time) tea.Cmd {
	p := m.deps.Care.Planner
	if p == nil {
		return func() tea.Msg { return careLoadedMsg{m: m} }
	}
	return func() tea.Msg {
		ep, apps, err := p.CareRecord(now)
		return careLoadedMsg{m: m, ep: ep, apps: apps, err: err}
	}
}

// begin opens the record of the application and sets its first deadline.
func (m *Care) begin() tea.Cmd {
	if m.deps.Journal != nil && m.log == nil {
		m.log = m.deps.Journal.Begin(m.rule.Kind, m.start, nil, nil)
	}
	return tea.Batch(m.sync(m.pace.now), m.pace.wake(m.pace.now))
}

// advice is the plan for now with what this screen began counted too, as
// it knows them (how each ended), in place of the history's record.
func (m *Care) advice(now time.Time) routines.CareAdvice {
	apps := m.apps
	for _, l := range m.local {
		apps = routines.WithApplication(apps, l)
	}
	return routines.AdviseCare(now, m.ep, apps)
}

// Update follows the clock, as the breathe screen does.
func (m *Care) Update(msg tea.Msg) (Screen, tea.Cmd) {
	now := m.pace.arrive() // the frame this update is shown in
	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case paceWakeMsg:
		if !m.pace.mine(msg) {
			return m, nil
		}
		return m, tea.Batch(m.sync(now), m.pace.wake(now))
	case careLoadedMsg:
		if msg.m == m {
			m.loaded(msg, now)
		}
	case careSavedMsg:
		if msg.m == m {
			m.saveErr = msg.err
		}
	case tea.KeyPressMsg:
		cmds = append(cmds, m.key(msg, now))
	}
	if m.state == carePacing {
		cmds = append(cmds, m.sync(now))
	}
	return m, tea.Batch(cmds...)
}

// loaded takes the record read from the history.
func (m *Care) loaded(msg careLoadedMsg, now time.Time) {
	m.ep, m.apps, m.loadErr = msg.ep, msg.apps, msg.err
	m.known = m.deps.Care.Planner != nil && msg.err == nil
	switch m.state {
	case careLoading:
		m.state = carePlan
		if m.ep == nil && m.deps.Care.Planner != nil && m.loadErr == nil {
			m.state, m.cursor = careAsking, 0
		}
	case carePacing:
		if m.early == "" && !m.planMode {
			m.early = routines.AdviseCare(m.start.Add(-time.Millisecond), m.ep, m.apps).Starting(m.rule.Kind)
		}
	}
}

// key applies a key press at instant now.
func (m *Care) key(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	if m.overlay == overlaySources && m.sourcesScroll() {
		switch {
		case key.Matches(k, Keys.Top):
			m.sources.GotoTop()
			return nil
		case key.Matches(k, Keys.Bottom):
			m.sources.GotoBottom()
			return nil
		case key.Matches(k, Keys.ScrollUp, Keys.ScrollDown, Keys.PageUp, Keys.PageDown):
			var cmd tea.Cmd
			m.sources, cmd = m.sources.Update(k)
			return cmd
		}
	}
	if m.overlay != overlayNone {
		m.overlay = overlayNone // any other key goes back
		return nil
	}
	switch m.state {
	case careAsking:
		return m.answer(k, now)
	case carePlan:
		return m.planKey(k, now)
	case carePacing:
		return m.pacingKey(k, now)
	case careDone:
		if m.planMode {
			m.state = carePlan
			return m.load(now)
		}
		return closeScreen
	}
	return nil
}

// answer takes a key of the onset question.
func (m *Care) answer(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	pick := -1
	switch {
	case key.Matches(k, Keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, Keys.Down):
		m.cursor = min(m.cursor+1, len(routines.Onsets)-1)
	case key.Matches(k, Keys.Choose):
		pick = m.cursor
	case key.Matches(k, Keys.Today):
		pick = 0
	case key.Matches(k, Keys.Yesterday):
		pick = 1
	case key.Matches(k, Keys.Earlier):
		pick = 2
	case key.Matches(k, Keys.NoAnswer):
		m.state = carePlan // not answered: the first 48 hours are assumed, and asked again next time
	}
	if pick < 0 {
		return nil
	}
	ep := routines.EpisodeFrom(now, routines.Onsets[pick])
	m.ep, m.state = &ep, carePlan
	p := m.deps.Care.Planner
	if p == nil {
		return nil
	}
	return func() tea.Msg { return careSavedMsg{m: m, err: p.RecordEpisode(ep, now)} }
}

// planKey takes a key of the plan for now.
func (m *Care) planKey(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	var kind routines.Kind
	switch {
	case key.Matches(k, Keys.Start):
		kind = m.advice(now).Next
	case key.Matches(k, Keys.Ice):
		kind = routines.KindIce
	case key.Matches(k, Keys.Heat):
		kind = routines.KindHeat
	case key.Matches(k, Keys.Sources):
		m.openSources()
		return nil
	case key.Matches(k, Keys.NewSpasm):
		m.state, m.cursor = careAsking, 0
		return nil
	default:
		return nil
	}
	early := m.advice(now).Starting(kind)
	if err := m.prepare(kind, now); err != nil {
		m.loadErr = err
		return nil
	}
	m.early = early
	return m.begin()
}

// pacingKey takes a key while an application runs.
func (m *Care) pacingKey(k tea.KeyPressMsg, now time.Time) tea.Cmd {
	switch {
	case key.Matches(k, Keys.Safety):
		m.overlay = overlaySafety
		return nil
	case key.Matches(k, Keys.Sources):
		m.openSources()
		return nil
	case key.Matches(k, Keys.Stop):
		return m.finish(now, coach.Quit)
	case key.Matches(k, Keys.Pause):
		m.coach.Toggle(now)
		m.pace.slept = false
		if m.coach.Paused() && m.deps.Sound != nil {
			m.deps.Sound.Silence()
		}
	case key.Matches(k, Keys.On):
		if m.coach.CareAt(now).Moment == coach.CareGetReady {
			m.coach.Skip(now)
		}
	case key.Matches(k, Keys.Sound):
		return nextSoundMode(m.deps.Sound)
	default:
		return nil
	}
	return tea.Batch(m.sync(now), m.pace.wake(now))
}

// sync drains the coach's events up to now: the cue or the bell at
// halfway and at the end, the end's notifications, and the end itself.
func (m *Care) sync(now time.Time) tea.Cmd {
	if m.state != carePacing {
		return nil
	}
	var cmds []tea.Cmd
	bell := false
	evs := m.coach.Events(now)
	m.ctx.trace(evs)
	for _, e := range evs {
		var cue sound.Cue
		var said string
		switch coach.MomentOf(e) {
		case coach.CareOn:
			cue, said = sound.Hold, "Put it on now."
			if m.log != nil {
				m.log.PackOn(e.At)
			}
			// The application begins when the pack goes on: whether it
			// counts and the wait for the next go by the time on.
			m.local[len(m.local)-1].Started = e.At
		case coach.CareHalfway:
			cue, said, bell = sound.Switch, "Halfway: check your skin.", true
		case coach.CareEnd:
			cue, said, bell = sound.End, "Time is up.", true
			cmds = append(cmds, m.notify(), m.finish(now, coach.NotStopped))
		default:
			continue
		}
		if m.deps.Sound != nil {
			m.deps.Sound.Play(cue, said)
			bell = false
		}
	}
	if bell && !m.ctx.Opt.NoBell {
		cmds = append(cmds, tea.Raw("\a"))
	}
	return tea.Batch(cmds...)
}

// notify tells the desktop and the terminal that the time is up.
func (m *Care) notify() tea.Cmd {
	title := "unknot: " + m.rule.Title + " time is up"
	body := m.rule.End
	var cmds []tea.Cmd
	if f := m.deps.Care.Terminal; f != nil {
		if seq := f(title, body); seq != "" {
			cmds = append(cmds, tea.Raw(seq))
		}
	}
	if f := m.deps.Care.Notify; f != nil {
		cmds = append(cmds, func() tea.Msg { f(title, body); return nil })
	}
	return tea.Batch(cmds...)
}

// finish ends the application at now: the time is up (coach.NotStopped)
// or the person stopped it (coach.Quit).
func (m *Care) finish(now time.Time, why coach.StopReason) tea.Cmd {
	run, ok := m.stop(now, why)
	if !ok {
		return nil
	}
	if why != coach.NotStopped && m.deps.Sound != nil {
		m.deps.Sound.Silence()
	}
	return runDone(run)
}

// stop ends the application at now for why, records it and reports it;
// false if there was none under way.
func (m *Care) stop(now time.Time, why coach.StopReason) (words.Run, bool) {
	if m.state != carePacing {
		return m.run, false
	}
	m.state, m.overlay = careDone, overlayNone
	m.pace.stop() // no more wake-ups
	if why != coach.NotStopped {
		m.coach.Stop(now, why)
	}
	m.coach.Events(now)
	m.run = words.CareRunOf(m.coach, m.rule.Kind, m.start, now)
	if m.log != nil {
		m.log.Finish(now, m.run.Outcome)
	}
	ap := &m.local[len(m.local)-1]
	ap.Ended, ap.Outcome, ap.NeverOn = now, m.run.Outcome, m.run.NeverOn
	m.next, m.uncounted = "", words.CareNotCounted(m.run, *ap)
	if m.planMode || m.known {
		m.next = m.advice(now).Summary()
	}
	return m.run, true
}

// end is the App's: a signal (Interrupted) or ctrl+c (Stopped).
func (m *Care) end(at time.Time, why routines.Outcome) (words.Run, bool) {
	return m.stop(at, stopReason(why))
}

// nextChange is the countdown's next second: with the coach's events, all
// that changes on the timer's screen.
func (m *Care) nextChange(now time.Time, _ coach.State) (time.Time, bool) {
	left := m.coach.CareAt(now).Left
	d := left - left.Truncate(time.Second)
	if d <= 0 {
		d = time.Second
	}
	return now.Add(d), true
}

// Keys are the plan's, the question's, the timer's or the end's.
func (m *Care) Keys() help.KeyMap {
	switch {
	case m.overlay == overlaySources && m.sourcesScroll():
		return keyMap{{Keys.Scroll, Keys.Page, Keys.Continue}, {Keys.Top, Keys.Bottom}}
	case m.overlay != overlayNone:
		return keyMap{{Keys.Continue}}
	case m.state == careAsking:
		return keyMap{{Keys.Onset, Keys.Up, Keys.Down, Keys.Choose, Keys.NoAnswer}}
	case m.state == carePlan:
		return keyHelp{
			short: []key.Binding{Keys.Start, Keys.Ice, Keys.Heat, Keys.Sources, Keys.Safety, Keys.Close},
			full:  [][]key.Binding{{Keys.Start, Keys.Ice, Keys.Heat}, {Keys.Sources, Keys.NewSpasm, Keys.Safety, Keys.Close}},
		}
	case m.state == careDone:
		return keyMap{{Keys.Continue}}
	case m.state == careLoading:
		return keyMap{{}}
	}
	short := []key.Binding{PauseOrResume(m.coach.Paused()), Keys.Stop, Keys.Safety}
	if m.coach.CareAt(m.pace.now).Moment == coach.CareGetReady {
		short = append([]key.Binding{Keys.On}, short...)
	}
	return keyHelp{short: short, full: [][]key.Binding{short, {Keys.Sources, Keys.Sound}}}
}
