package sound

import (
	"errors"
	"io"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeProc is a player program that plays until the test ends it (exit)
// or the Player does (Kill).
type fakeProc struct {
	args   []string
	done   chan struct{}
	mu     sync.Mutex
	ended  bool
	killed bool
}

func (f *fakeProc) Wait() error {
	<-f.done
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.killed {
		return errors.New("signal: killed")
	}
	return nil
}

func (f *fakeProc) end(killed bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.ended {
		f.ended, f.killed = true, killed
		close(f.done)
	}
}

func (f *fakeProc) Kill() { f.end(true) }

// exit ends the sound on its own, as a player that played it all.
func (f *fakeProc) exit() { f.end(false) }

// fakePrograms hands every started player to the test.
func fakePrograms(started chan<- *fakeProc) spawner {
	return func(path string, args []string, _ io.Writer) (process, error) {
		f := &fakeProc{args: args, done: make(chan struct{})}
		started <- f
		return f, nil
	}
}

func onlyPwPlay(name string) (string, error) {
	if name == "pw-play" {
		return "/fake/pw-play", nil
	}
	return "", errors.New("not found")
}

func (f *fakeProc) wasKilled() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.killed
}

// drained says whether Drain has returned, without waiting for it.
func drained(ch <-chan error) (error, bool) {
	select {
	case err := <-ch:
		return err, true
	default:
		return nil, false
	}
}

// The worker takes the end chime from its mailbox and, before it has
// started the player, Drain looks: the chime must still count as due, so
// Drain waits for it to play to its end instead of closing on it.
func TestDrainWaitsForAChimeTheWorkerHasTakenButNotStarted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		started := make(chan *fakeProc, 10)
		release := make(chan struct{})
		p := newPlayer(Options{Mode: Tones, Volume: DefaultVolume, LookPath: onlyPwPlay, TempDir: t.TempDir()}, seams{
			spawn: fakePrograms(started),
			taken: func(c Cue) {
				if c == End {
					<-release // the worker holds the chime here, between mailbox and player
				}
			},
		})
		p.Play(End, "well done")
		synctest.Wait() // the worker is holding the chime it took

		result := make(chan error, 1)
		begin := time.Now()
		go func() { result <- p.Drain(3 * time.Second) }()
		synctest.Wait() // Drain has looked, and waits or has closed
		close(release)
		synctest.Wait() // the worker has started the chime

		var chime *fakeProc
		select {
		case chime = <-started:
		default:
			t.Fatal("the end chime was never started")
		}
		if err, done := drained(result); done {
			t.Fatalf("Drain returned (%v) while the end chime was still playing", err)
		}
		if chime.wasKilled() {
			t.Fatal("the end chime was cut while it played")
		}
		chime.exit()
		if err := <-result; err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(begin); waited != 0 {
			t.Errorf("Drain returned %v after the chime ended, want at once", waited)
		}
	})
}

// Drain waits for an end chime already playing, for at most its wait,
// then ends it.
func TestDrainEndsAChimeThatOutlastsItsWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		started := make(chan *fakeProc, 10)
		o := Options{Mode: Tones, Volume: DefaultVolume, LookPath: onlyPwPlay, TempDir: t.TempDir(), Timeout: time.Hour}
		p := newPlayer(o, seams{spawn: fakePrograms(started)})
		p.Play(End, "")
		chime := <-started
		begin := time.Now()
		if err := p.Drain(3 * time.Second); err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(begin); waited != 3*time.Second {
			t.Errorf("Drain gave the chime %v, want its whole wait of 3s", waited)
		}
		if !chime.wasKilled() {
			t.Error("the chime still plays after Drain returned")
		}
	})
}

// Quitting in the middle of a routine silences it: Drain ends any cue but
// the end chime at once.
func TestDrainEndsAnyOtherCueAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		started := make(chan *fakeProc, 10)
		p := newPlayer(Options{Mode: Tones, Volume: DefaultVolume, LookPath: onlyPwPlay, TempDir: t.TempDir()}, seams{spawn: fakePrograms(started)})
		p.Play(End, "")
		chime := <-started
		p.Play(Inhale, "")
		inhale := <-started
		begin := time.Now()
		if err := p.Drain(3 * time.Second); err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(begin); waited != 0 {
			t.Errorf("Drain waited %v for an inhale, want no wait", waited)
		}
		if !chime.wasKilled() || !inhale.wasKilled() {
			t.Errorf("after Drain: chime ended %v, inhale ended %v; want both ended", chime.wasKilled(), inhale.wasKilled())
		}
	})
}
