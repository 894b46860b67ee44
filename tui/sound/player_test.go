//go:build unix

package sound

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/unknot/unknot/tui/sound/soundtest"
)

func TestTonesPlayEachCueFromAPrivateFile(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Succeed, "aplay": soundtest.Succeed})
	l := newListener()
	p := New(l.options(Tones))
	defer p.Close()
	if got := p.Using(); got != "tones (pw-play)" {
		t.Errorf("Using() = %q, want pw-play, the first player on the list", got)
	}
	sums := map[string]Cue{}
	var dir string
	for _, c := range Cues {
		p.Play(c, "ignored by tones")
		e := f.Next()
		if e.Name != "pw-play" || len(e.Args) != 1 {
			t.Fatalf("%v: ran %s %q, want pw-play FILE", c, e.Name, e.Args)
		}
		file := e.Last()
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v: the player's file is gone: %v", c, err)
		}
		if !bytes.Equal(got, Synth(c, DefaultVolume)) || e.Size != len(got) {
			t.Errorf("%v: the player got %d bytes (file %d) that are not the cue's WAV", c, e.Size, len(got))
		}
		if other, dup := sums[e.Sum]; dup {
			t.Errorf("%v was played with the same file contents as %v", c, other)
		}
		sums[e.Sum] = c
		fi, _ := os.Stat(file)
		di, _ := os.Stat(filepath.Dir(file))
		if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
			t.Errorf("%v: file %v in folder %v; want 0600 in 0700", c, fi.Mode(), di.Mode())
		}
		dir = filepath.Dir(file)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Close left the WAV folder behind: %v", err)
	}
	if n := len(l.bells); n != 0 {
		t.Errorf("the bell rang %d times while the tones played", n)
	}
	if n := f.Starts(); n != len(Cues) {
		t.Errorf("%d players started for %d cues", n, len(Cues))
	}
}

func TestEachTonePlayerGetsItsOwnArguments(t *testing.T) {
	for _, name := range TonePlayers {
		t.Run(name, func(t *testing.T) {
			f := soundtest.Install(t, map[string]string{name: soundtest.Succeed})
			p := New(newListener().options(Auto))
			defer p.Close()
			p.Play(Exhale, "")
			e := f.Next()
			want := 1
			if name == "aplay" {
				want = 2
				if e.Args[0] != "-q" {
					t.Errorf("aplay %q: want -q FILE", e.Args)
				}
			}
			if e.Name != name || len(e.Args) != want || !strings.HasSuffix(e.Last(), "exhale-40.wav") {
				t.Errorf("ran %s %q", e.Name, e.Args)
			}
		})
	}
}

func TestVolumeReachesTheTones(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"paplay": soundtest.Succeed})
	p := New(newListener().options(Tones))
	defer p.Close()
	p.SetVolume(80)
	p.Play(Inhale, "")
	if e := f.Next(); e.Size != len(Synth(Inhale, 80)) || !strings.HasSuffix(e.Last(), "inhale-80.wav") {
		t.Fatalf("at volume 80 the player got %q (%d bytes)", e.Last(), e.Size)
	}
	loud, _ := os.ReadFile(nextPath(f, p, Inhale))
	if !bytes.Equal(loud, Synth(Inhale, 80)) {
		t.Error("the file played at volume 80 is not Synth(Inhale, 80)")
	}
	p.SetVolume(0)
	p.Play(Inhale, "")
	p.Close()
	if n := f.Starts(); n != 2 {
		t.Errorf("%d players started; volume 0 must start none", n)
	}
}

func nextPath(f *soundtest.Fakes, p *Player, c Cue) string {
	p.Play(c, "")
	return f.Next().Last()
}

func TestVoiceSpeaksTheWords(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"spd-say": soundtest.Succeed, "espeak-ng": soundtest.Succeed, "pw-play": soundtest.Succeed})
	l := newListener()
	p := New(l.options(Voice))
	defer p.Close()
	if got := p.Using(); got != "voice (spd-say)" {
		t.Errorf("Using() = %q, want spd-say, which shares the screen reader's speech server", got)
	}
	for _, words := range []string{"breathe in", "breathe out", "rep 3 of 10"} {
		p.Play(Inhale, words)
		e := f.Next()
		if e.Name != "spd-say" || e.Last() != words || !slices.Contains(e.Args, "text") || !slices.Contains(e.Args, "-20") {
			t.Errorf("ran %s %q; want spd-say -P text -i -20 %q", e.Name, e.Args, words)
		}
	}
	p.Play(Hold, "")            // no words fit: nothing said
	p.Play(End, "-well done\a") // never an option, never a control code
	if e := f.Next(); e.Last() != "well done" {
		t.Errorf("said %q, want %q", e.Last(), "well done")
	}
	p.Close()
	if n := f.Starts(); n != 4 {
		t.Errorf("%d voices started, want 4", n)
	}
	if len(l.bells)+len(l.notices) != 0 {
		t.Errorf("%d bells and %d notices while the voice worked", len(l.bells), len(l.notices))
	}
}

func TestEspeakWhenNoSpeechDispatcher(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"espeak-ng": soundtest.Succeed, "espeak": soundtest.Succeed})
	p := New(newListener().options(Voice))
	defer p.Close()
	p.Play(Exhale, "out")
	if e := f.Next(); e.Name != "espeak-ng" || !slices.Equal(e.Args, []string{"-a", "80", "out"}) {
		t.Errorf("ran %s %q, want espeak-ng -a 80 out", e.Name, e.Args)
	}
}

func TestACrashingPlayerFallsBackToTheBellOnce(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Crash})
	l := newListener()
	p := New(l.options(Tones))
	defer p.Close()
	p.Play(Inhale, "")
	f.Next()
	l.bell(t) // the failed cue still rings
	msg := l.notice(t)
	want := "sound: pw-play failed: no sound server here; using the bell"
	if msg != want || p.Notice() != want {
		t.Errorf("notice %q (Notice() %q), want %q", msg, p.Notice(), want)
	}
	p.Play(Exhale, "")
	l.bell(t)
	p.Play(LeadIn, "") // lead-in ticks never ring
	p.Play(End, "")
	l.bell(t)
	if got := p.Using(); got != "bell (pw-play failed)" {
		t.Errorf("Using() = %q", got)
	}
	p.Close()
	if n := f.Starts(); n != 1 {
		t.Errorf("the failed player was started %d times, want once", n)
	}
	if len(l.notices)+len(l.bells) != 0 {
		t.Errorf("%d more notices and %d more bells after the fallback", len(l.notices), len(l.bells))
	}
}

func TestAHangingPlayerTimesOutToTheBellOnce(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"paplay": soundtest.Hang})
	l := newListener()
	o := l.options(Auto)
	o.Timeout = time.Second // long enough for the script to log itself on a busy machine
	p := New(o)
	defer p.Close()
	p.Play(Inhale, "")
	e := f.Next()
	gone := f.HeldUntilGone(e.Pid)
	if msg := l.notice(t); msg != "sound: paplay did not finish within 1s; using the bell" {
		t.Errorf("notice %q", msg)
	}
	within(t, gone, "the hung player is ended")
	p.Play(Exhale, "")
	l.bell(t)
	p.Close()
	if n := f.Starts(); n != 1 || len(l.bells) != 0 || len(l.notices) != 0 {
		t.Errorf("%d starts, %d extra bells, %d extra notices; want 1, 0, 0", n, len(l.bells), len(l.notices))
	}
	if err := syscall.Kill(e.Pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("the hung player (pid %d) is still there after Close: %v", e.Pid, err)
	}
}

// A hung player that the next cue always ends before its timeout is found
// out too: three times overdue in a row.
func TestAPlayerOverdueThreeTimesCountsAsHung(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Hang})
	l := newListener()
	var clock time.Time
	o := l.options(Tones)
	o.Timeout = time.Hour
	p := newPlayer(o, seams{now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	defer p.Close()
	for i := range 3 {
		p.Play(Inhale, "") // each call of the clock moves it 1 s: overdue
		f.Next()
		if i < 2 && len(l.notices) != 0 {
			t.Fatalf("notice after %d overdue players: %q", i, <-l.notices)
		}
	}
	p.Play(Exhale, "") // ends the third, overdue: now it counts as hung
	if msg := l.notice(t); !strings.Contains(msg, "pw-play kept playing past the end of its sound 3 times") {
		t.Errorf("notice %q", msg)
	}
	l.bell(t)
	p.Close()
	if n := f.Starts(); n != 3 {
		t.Errorf("%d starts, want 3", n)
	}
}

func TestANewCueEndsTheOneBeforeAndSilenceEndsIt(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Hang})
	l := newListener()
	p := New(l.options(Tones))
	defer p.Close()
	p.Play(Inhale, "")
	first := f.Next()
	firstGone := f.HeldUntilGone(first.Pid)
	p.Play(Exhale, "")
	second := f.Next()
	within(t, firstGone, "the inhale ends when the exhale starts")
	secondGone := f.HeldUntilGone(second.Pid)
	p.Silence()
	within(t, secondGone, "Silence ends the exhale")
	p.Close()
	if len(l.bells)+len(l.notices) != 0 {
		t.Errorf("ending players on purpose gave %d bells and %d notices", len(l.bells), len(l.notices))
	}
}

func TestCloseEndsThePlayerAndReapsIt(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"spd-say": soundtest.Hang})
	p := New(newListener().options(Voice))
	p.Play(End, "well done")
	e := f.Next()
	gone := f.HeldUntilGone(e.Pid)
	closed := make(chan error, 1)
	go func() { closed <- p.Close() }()
	within(t, gone, "Close ends the voice") // it would sleep 30 s
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(e.Pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("pid %d still exists after Close (a zombie?): %v", e.Pid, err)
	}
	p.Play(Inhale, "breathe in") // after Close: nothing
	p.Silence()
	if err := p.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
	if n := f.Starts(); n != 1 {
		t.Errorf("%d starts, want 1", n)
	}
}

func TestOffPlaysNothingAndNeverRings(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Succeed, "spd-say": soundtest.Succeed})
	l := newListener()
	p := New(l.options(Off))
	for _, c := range Cues {
		p.Play(c, "words")
	}
	p.Close()
	if n := f.Starts(); n != 0 || len(l.bells) != 0 || len(l.notices) != 0 || p.Using() != "off" {
		t.Errorf("off: %d players, %d bells, %d notices, using %q", n, len(l.bells), len(l.notices), p.Using())
	}
}

func TestBellRingsForEveryCueButTheLeadIn(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Succeed})
	var buf syncBuffer
	p := New(Options{Mode: Bell, Volume: 0, Bell: BellTo(&buf)})
	for _, c := range Cues {
		p.Play(c, "")
		if c != LeadIn {
			buf.wait(t, strings.Repeat("\a", int(c)+1-btoi(c > LeadIn)))
		}
	}
	p.Close()
	if got, want := buf.String(), strings.Repeat("\a", len(Cues)-1); got != want || f.Starts() != 0 {
		t.Errorf("bell mode wrote %q and started %d players; want %q and none", got, f.Starts(), want)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestAutoAndMissingPlayers(t *testing.T) {
	none := func(string) (string, error) { return "", errors.New("not found") }
	only := func(want string) LookPath {
		return func(name string) (string, error) {
			if name == want {
				return "/opt/" + name, nil
			}
			return none(name)
		}
	}
	cases := []struct {
		mode   Mode
		look   LookPath
		using  string
		notice string
	}{
		{Auto, only("afplay"), "tones (afplay)", ""},
		{Auto, only("say"), "bell", ""},
		{Auto, none, "bell", ""},
		{Tones, none, "bell", "sound: no player for tones found (pw-play, paplay, aplay, afplay); using the bell"},
		{Voice, only("espeak"), "voice (espeak)", ""},
		{Voice, only("aplay"), "bell", "sound: no voice found (install speech-dispatcher or espeak-ng); using the bell"},
		{Bell, only("pw-play"), "bell", ""},
	}
	for _, c := range cases {
		l := newListener()
		o := l.options(c.mode)
		o.LookPath = c.look
		p := New(o)
		if p.Using() != c.using || p.Notice() != c.notice {
			t.Errorf("%v: using %q, notice %q; want %q, %q", c.mode, p.Using(), p.Notice(), c.using, c.notice)
		}
		if c.notice != "" {
			if got := l.notice(t); got != c.notice {
				t.Errorf("%v: OnNotice(%q)", c.mode, got)
			}
		}
		p.Close()
		if len(l.notices) != 0 {
			t.Errorf("%v: %d notices more than once", c.mode, len(l.notices))
		}
	}
}

func TestSetModeCyclesAndGivesTheNewModeItsOwnChance(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Crash, "espeak-ng": soundtest.Succeed})
	l := newListener()
	p := New(l.options(Tones))
	defer p.Close()
	p.Play(Inhale, "")
	f.Next()
	l.notice(t)
	l.bell(t)
	p.SetMode(p.Mode().Next())
	if p.Mode() != Voice || p.Using() != "voice (espeak-ng)" || p.Notice() != "" {
		t.Errorf("after s: mode %v, using %q, notice %q", p.Mode(), p.Using(), p.Notice())
	}
	p.Play(Exhale, "out")
	if e := f.Next(); e.Name != "espeak-ng" || e.Last() != "out" {
		t.Errorf("ran %s %q", e.Name, e.Args)
	}
}

// espeak-ng exits 0 when it cannot open the sound device; its stderr
// says so, and that counts as a failure.
func TestAVoiceThatSaysErrorButExitsZeroFallsBack(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"espeak-ng": `echo "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default" >&2
echo "error: No such file or directory" >&2
exit 0`})
	l := newListener()
	p := New(l.options(Voice))
	defer p.Close()
	p.Play(Inhale, "breathe in")
	f.Next()
	l.bell(t)
	if msg := l.notice(t); msg != "sound: espeak-ng failed: No such file or directory; using the bell" {
		t.Errorf("notice %q", msg)
	}
}

func TestTheNoticeQuotesWhatThePlayerSaid(t *testing.T) {
	cases := map[string]string{
		// aplay 1.2.8 on this machine, which has no sound card:
		"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\nALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default\naplay: main:831: audio open error: No such file or directory\n": "audio open error: No such file or directory",
		"": "exit status 1",
		"Connection failure: Connection refused\n": "Connection failure: Connection refused",
		strings.Repeat("x", 100):                   strings.Repeat("x", 57) + "...",
	}
	for stderr, want := range cases {
		var e stderrTail
		e.Write([]byte(stderr))
		if got := e.reason(errors.New("exit status 1")); got != want {
			t.Errorf("stderr %q: reason %q, want %q", stderr, got, want)
		}
	}
}

// pw-play may be installed where no PipeWire runs: the next player found
// takes over without a word, and only when every one has failed does the
// bell stand in, with one notice naming them.
func TestTheNextPlayerTakesOverBeforeTheBell(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Crash, "paplay": soundtest.Crash, "aplay": soundtest.Succeed})
	l := newListener()
	p := New(l.options(Auto))
	defer p.Close()
	p.Play(Inhale, "")
	if e := f.Next(); e.Name != "pw-play" {
		t.Fatalf("ran %s first", e.Name)
	}
	l.bell(t) // the missed inhale still rings
	p.Play(Hold, "")
	if e := f.Next(); e.Name != "paplay" {
		t.Fatalf("ran %s second, want paplay", e.Name)
	}
	l.bell(t)
	p.Play(Exhale, "")
	if e := f.Next(); e.Name != "aplay" || !strings.HasSuffix(e.Last(), "exhale-40.wav") {
		t.Fatalf("ran %s %q third, want aplay -q exhale", e.Name, e.Args)
	}
	if p.Using() != "tones (aplay)" || p.Notice() != "" {
		t.Errorf("using %q, notice %q", p.Using(), p.Notice())
	}
	p.Close()
	if len(l.notices) != 0 || len(l.bells) != 0 {
		t.Errorf("%d notices and %d more bells while a player still worked", len(l.notices), len(l.bells))
	}
}

func TestWhenEveryPlayerFailsOneNoticeNamesThem(t *testing.T) {
	f := soundtest.Install(t, map[string]string{"pw-play": soundtest.Crash, "afplay": soundtest.Crash})
	l := newListener()
	p := New(l.options(Tones))
	defer p.Close()
	p.Play(Inhale, "")
	f.Next()
	l.bell(t)
	p.Play(Exhale, "")
	f.Next()
	l.bell(t)
	want := "sound: pw-play failed, then afplay failed: no sound server here; using the bell"
	if msg := l.notice(t); msg != want {
		t.Errorf("notice %q, want %q", msg, want)
	}
	p.Play(End, "")
	l.bell(t)
	p.Close()
	if n := f.Starts(); n != 2 || len(l.notices) != 0 {
		t.Errorf("%d starts and %d more notices; want 2 and 0", n, len(l.notices))
	}
}
