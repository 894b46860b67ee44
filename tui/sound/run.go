package sound

import (
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

const (
	toneGrace  = 1500 * time.Millisecond
	voiceGrace = 4 * time.Second
	// overdueAfter: a player still running this long past the end of its
	// sound when the next cue comes is overdue; three overdue in a row
	// count as hung even when cues come faster than the timeout.
	overdueAfter = 300 * time.Millisecond
	overdueLimit = 3
)

// process is a player program once started: the Player waits for it to
// exit and may end it sooner.
type process interface {
	Wait() error
	Kill()
}

// spawner starts player program path with args, its stderr to stderr.
type spawner func(path string, args []string, stderr io.Writer) (process, error)

// program is a real player process, in a process group of its own.
type program struct{ cmd *exec.Cmd }

// startProgram is the spawner of a real Player.
func startProgram(path string, args []string, stderr io.Writer) (process, error) {
	cmd := exec.Command(path, args...)
	cmd.Stderr = stderr
	cmd.WaitDelay = time.Second
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return program{cmd}, nil
}

func (p program) Wait() error { return p.cmd.Wait() }
func (p program) Kill()       { kill(p.cmd) }

// run is one player process.
type run struct {
	proc     process
	name     string
	cue      Cue
	gen      int
	started  time.Time
	expect   time.Duration // how long its sound lasts
	limit    time.Duration // its timeout
	timer    *time.Timer
	stderr   *stderrTail
	ended    bool // ended by us: a newer cue, Silence, SetMode or Close
	timedOut bool
	exited   bool
}

// start acts on one Play request: a player, the bell, or nothing.
func (p *Player) start(req request) {
	p.mu.Lock()
	p.endCurrent()
	ring := p.launch(req)
	p.mu.Unlock()
	if ring {
		p.ring()
	}
}

// launch starts the player for req, or reports that the bell should ring;
// the caller holds p.mu.
func (p *Player) launch(req request) (ring bool) {
	kind, bellCue := p.be.kind, req.cue != LeadIn
	if p.broken != "" {
		kind = Bell
		bellCue = bellCue && p.volume > 0
	}
	var args []string
	var expect, grace time.Duration
	switch {
	case kind == Off:
		return false
	case kind == Bell:
		return bellCue
	case p.volume == 0:
		return false
	case kind == Tones:
		file, err := p.wavs.file(req.cue, p.volume, p.tempDir)
		if err != nil {
			p.failAll("could not write the tone to play: " + err.Error())
			return bellCue
		}
		args, expect, grace = toneArgs(p.be.name, file), Length(req.cue), toneGrace
	default: // Voice
		words := speakable(req.words)
		if words == "" {
			return false
		}
		args, expect, grace = voiceArgs(p.be.name, words, p.volume), SpeechTime(words), voiceGrace
	}
	r := &run{name: p.be.name, cue: req.cue, gen: p.gen, expect: expect, limit: expect + grace, stderr: &stderrTail{}}
	if p.timeout > 0 {
		r.limit = p.timeout
	}
	proc, err := p.spawn(p.be.path, args, r.stderr)
	if err != nil {
		p.fail(p.be.name + " could not start: " + err.Error())
		return bellCue
	}
	r.proc = proc
	r.started = p.now()
	r.timer = time.AfterFunc(r.limit, func() { p.expire(r) })
	p.cur = r
	p.runs.Add(1)
	go p.wait(r)
	return false
}

// endCurrent ends the player still running, if any; the caller holds p.mu.
func (p *Player) endCurrent() {
	r := p.cur
	p.cur = nil
	if r == nil {
		return
	}
	p.changed()
	if r.exited {
		return
	}
	if p.now().Sub(r.started) > r.expect+overdueAfter && r.gen == p.gen {
		p.overdue++
	} else {
		p.overdue = 0
	}
	r.ended = true
	r.proc.Kill()
	if p.overdue >= overdueLimit {
		p.fail(fmt.Sprintf("%s kept playing past the end of its sound %d times", r.name, p.overdue))
	}
}

// expire ends a player that ran past its timeout.
func (p *Player) expire(r *run) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.exited || r.ended {
		return
	}
	r.timedOut = true
	r.proc.Kill()
}

// wait reaps the player and judges how it ended.
func (p *Player) wait(r *run) {
	defer p.runs.Done()
	err := r.proc.Wait()
	r.timer.Stop()
	p.mu.Lock()
	r.exited = true
	if p.cur == r {
		p.cur = nil
		p.changed()
	}
	ring := false
	switch {
	case r.ended || r.gen != p.gen:
	case r.timedOut:
		p.fail(fmt.Sprintf("%s did not finish within %v", r.name, r.limit.Round(100*time.Millisecond)))
	case err != nil:
		p.fail(r.name + " failed: " + r.stderr.reason(err))
		ring = r.cue != LeadIn && p.volume > 0
	case r.stderr.saysError():
		p.fail(r.name + " failed: " + r.stderr.reason(nil))
		ring = r.cue != LeadIn && p.volume > 0
	default:
		p.overdue = 0
	}
	p.mu.Unlock()
	if ring {
		p.ring()
	}
	p.tell()
}

// stderrTail keeps the end of what a player wrote to stderr: its last line
// is usually the one that says what went wrong.
type stderrTail struct{ b []byte }

const tailSize = 512

func (e *stderrTail) Write(b []byte) (int, error) {
	e.b = append(e.b, b...)
	if len(e.b) > tailSize {
		e.b = e.b[len(e.b)-tailSize:]
	}
	return len(b), nil
}

// lastLine is the last non-empty line without the program's own prefixes
// ("aplay: main:831: "), cut to fit a notice.
func (e *stderrTail) lastLine() string {
	lines := strings.Split(strings.TrimSpace(string(e.b)), "\n")
	line := strings.TrimSpace(lines[len(lines)-1])
	for {
		loc := prefix.FindStringIndex(line)
		if loc == nil || loc[1] == len(line) {
			break
		}
		line = line[loc[1]:]
	}
	if len(line) > 60 {
		line = line[:57] + "..."
	}
	return line
}

// prefix is a "name:" or "function:line:" a program puts before a message.
var prefix = regexp.MustCompile(`^[A-Za-z0-9_.-]+(:[0-9]+)?:[ \t]*`)

// saysError tells a player that failed but exited 0 (espeak-ng does, when
// it cannot open the sound device): a stderr line starting "error".
func (e *stderrTail) saysError() bool {
	for _, line := range strings.Split(string(e.b), "\n") {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "error") {
			return true
		}
	}
	return false
}

// reason says why a player failed: what it wrote, else how it exited.
func (e *stderrTail) reason(err error) string {
	if line := e.lastLine(); line != "" || err == nil {
		return line
	}
	return err.Error()
}
