package sound

import (
	"io"
	"strings"
	"sync"
	"time"
)

// Options configure a Player.
type Options struct {
	// Mode is the --sound choice.
	Mode Mode
	// Volume is 0-100 (0 silences tones and voice; the bell is the
	// terminal's). Pass DefaultVolume unless the person chose one.
	Volume int
	// LookPath finds players by name; nil uses exec.LookPath on PATH.
	LookPath LookPath
	// Bell rings the terminal bell, e.g. BellTo(os.Stdout). It is called
	// from the Player's own goroutines, never from Play's caller, so it may
	// hand the bell to a UI loop (tea.Program.Send). nil: no bell.
	Bell func()
	// OnNotice is told, at most once per mode, that the chosen sound could
	// not be played and the bell stands in: one line to show the person.
	// Called from the Player's goroutines, like Bell. May be nil; Notice
	// returns the same line.
	OnNotice func(string)
	// Timeout is how long one cue's player may run before it counts as
	// hung. 0: the cue's length plus 1.5 s for tones, the speech time plus
	// 4 s for voice (a speech server may be starting).
	Timeout time.Duration
	// TempDir holds the private folder of WAV files; "" is os.TempDir().
	TempDir string
}

// BellTo returns a Bell that writes BEL ("\a") to w.
func BellTo(w io.Writer) func() {
	return func() { _, _ = io.WriteString(w, "\a") }
}

// request is one Play call waiting for the worker.
type request struct {
	cue   Cue
	words string
}

// Player plays cues asynchronously, one at a time. Its methods are safe
// to call from any goroutine; Play and Silence never block.
type Player struct {
	look     LookPath
	bell     func()
	onNotice func(string)
	timeout  time.Duration
	tempDir  string
	now      func() time.Time // the clock that judges overdue players
	spawn    spawner          // starts a player program
	taken    func(Cue)        // tests: the worker took a cue from the mailbox

	box     sync.Mutex // guards the mailbox below, all that Play touches; taken before mu when both are
	pending *request
	hush    bool
	closed  bool
	wake    chan struct{}
	exited  chan struct{}

	mu      sync.Mutex // guards the state below
	mode    Mode
	volume  int
	gen     int // bumped by SetMode: failures of older players are stale
	be      backend
	spare   []backend // found on PATH after be: the next takes over if be fails
	tried   []string  // players that failed before be
	broken  string    // why the last backend failed; "" while one works
	notice  string
	told    bool
	cur     *run
	settle  chan struct{} // closed when a cue leaves the mailbox or ends
	overdue int
	wavs    wavFiles
	runs    sync.WaitGroup

	ringMu sync.Mutex
}

// New starts a Player. Close it when done: that ends any sound still
// playing and removes its temporary files.
func New(o Options) *Player { return newPlayer(o, seams{now: time.Now}) }

// seams are what tests put in place of the clock and the programs.
type seams struct {
	now   func() time.Time // nil: time.Now
	spawn spawner          // nil: startProgram
	taken func(Cue)        // nil: nothing; called as the worker takes a cue
}

func newPlayer(o Options, s seams) *Player {
	p := &Player{
		look: o.LookPath, bell: o.Bell, onNotice: o.OnNotice,
		timeout: o.Timeout, tempDir: o.TempDir,
		wake: make(chan struct{}, 1), exited: make(chan struct{}), settle: make(chan struct{}),
		volume: clampVolume(o.Volume), now: s.now, spawn: s.spawn, taken: s.taken,
	}
	if p.now == nil {
		p.now = time.Now
	}
	if p.spawn == nil {
		p.spawn = startProgram
	}
	if p.look == nil {
		p.look = lookPath
	}
	p.SetMode(o.Mode)
	go p.loop()
	return p
}

// Play sets off cue c now and returns at once. words are what the voice
// says (see Words, RepWords, SwitchWords, LeadInWords); tones and the bell
// ignore them, and the voice says nothing when they are empty. A cue ends
// the one still playing. In bell mode every cue but LeadIn rings the bell;
// in off mode nothing happens.
func (p *Player) Play(c Cue, words string) {
	p.box.Lock()
	defer p.box.Unlock()
	if p.closed {
		return
	}
	p.pending = &request{cue: c, words: words}
	p.poke()
}

// Silence ends the cue playing now and drops one not yet started (pause).
func (p *Player) Silence() {
	p.box.Lock()
	defer p.box.Unlock()
	p.pending, p.hush = nil, true
	p.poke()
}

// Close ends any cue playing, waits until its player has exited, and
// removes the temporary WAV files. Later calls to Play do nothing.
func (p *Player) Close() error {
	p.box.Lock()
	already := p.closed
	p.closed, p.pending = true, nil
	p.poke()
	p.box.Unlock()
	<-p.exited
	if already {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.wavs.remove()
}

// poke wakes the worker; the caller holds p.box.
func (p *Player) poke() {
	select {
	case p.wake <- struct{}{}:
	default: // already awake: it will read the mailbox
	}
}

// SetMode switches to mode m (the `s` key), ending the cue playing and
// forgetting an earlier failure: the new mode gets its own chance and, if
// it fails, its own notice.
func (p *Player) SetMode(m Mode) {
	p.mu.Lock()
	p.endCurrent()
	p.mode, p.gen = m, p.gen+1
	var bs []backend
	bs, p.notice = resolve(m, p.look)
	p.be, p.spare, p.tried = bs[0], bs[1:], nil
	p.broken, p.told, p.overdue = "", false, 0
	p.mu.Unlock()
	p.box.Lock()
	p.poke() // the worker delivers any notice and prepares the tones
	p.box.Unlock()
}

// SetVolume changes the volume (0-100) for the cues that follow.
func (p *Player) SetVolume(v int) {
	p.mu.Lock()
	p.volume = clampVolume(v)
	p.mu.Unlock()
	p.box.Lock()
	p.poke() // the worker renders the tones at the new volume
	p.box.Unlock()
}

// Mode is the mode chosen (auto stays auto; see Using for what it found).
func (p *Player) Mode() Mode {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mode
}

// Volume is the volume in use, 0-100.
func (p *Player) Volume() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.volume
}

// Using says what cues play through, to show when the mode changes:
// "tones (pw-play)", "voice (spd-say)", "bell", "off", or "bell (aplay
// failed)" once a player has failed.
func (p *Player) Using() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.be.kind == Off:
		return "off"
	case p.broken != "":
		return "bell (" + p.be.name + " failed)"
	case p.be.kind == Bell:
		return "bell"
	}
	return p.be.kind.String() + " (" + p.be.name + ")"
}

// Notice is the one line saying why the chosen sound is not heard and the
// bell stands in, or "" while all is well.
func (p *Player) Notice() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.notice
}

// loop is the worker: it acts on what the mailbox holds. A cue stays in
// the mailbox until its player has started (p.cur) or it has rung or been
// passed over, so between Play and its end a cue is always to be seen,
// pending or playing: Drain never finds it in between.
func (p *Player) loop() {
	defer close(p.exited)
	for range p.wake {
		p.box.Lock()
		req, hush, closed := p.pending, p.hush, p.closed
		p.hush = false
		p.box.Unlock()
		if hush || closed {
			p.mu.Lock()
			p.endCurrent()
			p.mu.Unlock()
		}
		if closed {
			break
		}
		if req != nil && p.taken != nil {
			p.taken(req.cue)
		}
		p.prepare()
		if req != nil {
			p.start(*req)
			p.box.Lock()
			if p.pending == req { // not replaced or dropped meanwhile
				p.pending = nil
			}
			p.box.Unlock()
		}
		p.mu.Lock()
		p.changed() // a cue left the mailbox, or Silence dropped it
		p.mu.Unlock()
		p.tell()
	}
	p.runs.Wait()
}

// changed wakes a Drain waiting for the cues to settle; the caller holds
// p.mu.
func (p *Player) changed() {
	close(p.settle)
	p.settle = make(chan struct{})
}

// tell hands a new notice to OnNotice, once.
func (p *Player) tell() {
	p.mu.Lock()
	msg := ""
	if p.notice != "" && !p.told {
		p.told, msg = true, p.notice
	}
	p.mu.Unlock()
	if msg != "" && p.onNotice != nil {
		p.onNotice(msg)
	}
}

// ring rings the bell, one ring at a time.
func (p *Player) ring() {
	p.ringMu.Lock()
	defer p.ringMu.Unlock()
	if p.bell != nil {
		p.bell()
	}
}

// fail reports that the player failed: the next one found on PATH takes
// over, or, when none is left, the bell stands in from now on and the
// notice says why, once. The caller holds p.mu.
func (p *Player) fail(why string) {
	if p.broken != "" {
		return
	}
	if len(p.spare) > 0 {
		p.tried = append(p.tried, p.be.name)
		p.be, p.spare = p.spare[0], p.spare[1:]
		p.gen++ // what the failed player does from now on is stale
		p.overdue = 0
		return
	}
	p.broken = why
	p.notice = "sound: " + why + "; using the bell"
	if len(p.tried) > 0 {
		p.notice = "sound: " + strings.Join(p.tried, ", ") + " failed, then " + why + "; using the bell"
	}
	p.told = false
}

// failAll is a failure no other player would mend: the bell stands in.
func (p *Player) failAll(why string) {
	p.spare = nil
	p.fail(why)
}

// Drain lets an end chime asked for last start and play to its end, for
// at most wait, then closes the player: the chime of a run that ran its
// course is heard whole, not cut by the program ending. Any other cue is
// ended at once, as Close does (quitting silences).
func (p *Player) Drain(wait time.Duration) error {
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		due, settle := p.chimeDue()
		if !due {
			break
		}
		select {
		case <-settle:
		case <-timer.C:
			return p.Close()
		}
	}
	return p.Close()
}

// chimeDue says whether the cue asked for last is an end chime not yet
// over (pending or playing), and gives a channel closed when that may
// have changed. Both locks are held at once: the one instant seen whole.
func (p *Player) chimeDue() (bool, <-chan struct{}) {
	p.box.Lock()
	defer p.box.Unlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.pending != nil {
		return p.pending.cue == End, p.settle
	}
	return p.cur != nil && p.cur.cue == End, p.settle
}
