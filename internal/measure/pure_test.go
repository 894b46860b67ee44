package measure

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var t0 = time.Unix(1_700_000_000, 0)

func ms(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }

// trace writes a trace from offsets in milliseconds after t0.
func trace(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		var off float64
		var rest string
		if _, err := fmt.Sscanf(l, "%g", &off); err != nil {
			panic(l)
		}
		_, rest, _ = strings.Cut(l, " ")
		fmt.Fprintf(&b, "%d %s\n", t0.Add(ms(off)).UnixNano(), rest)
	}
	return b.String()
}

func mustPhases(t *testing.T, s string) []PhaseSpan {
	t.Helper()
	evs, err := ParseTrace(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return Phases(evs)
}

// got renders expected changes as "offset-ms what value" for comparison.
func got(cs []Change) string {
	var out []string
	for _, c := range cs {
		v := c.Value
		if c.What == PhaseWord {
			v = fmt.Sprintf("%s(%d)", v, c.Secs)
		}
		out = append(out, fmt.Sprintf("%g %s", float64(c.At.Sub(t0))/1e6, v))
	}
	return strings.Join(out, ", ")
}

func TestParseTrace(t *testing.T) {
	evs, err := ParseTrace(strings.NewReader("1700000000000000000 phase phase=Inhale length=5000ms breath=1\n\n1700000000500000000 pace pace=1.3\n1700000000400000000 stopped\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 || evs[0].Kind != "phase" || evs[0].Length() != 5*time.Second || evs[0].Fields["breath"] != "1" ||
		evs[1].Fields["pace"] != "1.3" || evs[2].Line != 4 || !evs[0].At.Equal(t0) {
		t.Fatalf("parsed %+v", evs)
	}
	evs2, err := ParseTrace(strings.NewReader("1 segment kind=Get ready rep=0 side=left\n"))
	if err != nil || evs2[0].Fields["kind"] != "Get ready" || evs2[0].Fields["side"] != "left" {
		t.Errorf("a value with a space: %+v, %v", evs2, err)
	}
	if b := Backwards(evs); len(b) != 1 || b[0] != 4 {
		t.Errorf("Backwards = %v, want [4]", b)
	}
	for _, bad := range []string{
		"17000 \n",
		"x phase phase=Inhale length=1s\n",
		"1 phase length=1s\n",
		"1 phase phase=Inhale length=soon\n",
		"1 phase phase=Inhale length=0s\n",
		"1 segment ready kind=Stretch\n",
	} {
		if _, err := ParseTrace(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "trace line 1") {
			t.Errorf("%q: err %v, want one naming line 1", bad, err)
		}
	}
}

func TestExpectPlainPattern(t *testing.T) {
	ph := mustPhases(t, trace(
		"0 phase phase=Inhale length=5000ms breath=1",
		"5000 phase phase=Hold length=1000ms breath=1",
		"6000 phase phase=Exhale length=3000ms breath=1",
		"9000 stopped"))
	want := "0 Inhale(5), 1000 Inhale 4, 2000 Inhale 3, 3000 Inhale 2, 4000 Inhale 1, 5000 Hold(1), 6000 Exhale(3), 7000 Exhale 2, 8000 Exhale 1"
	if g := got(Expect(ph, true)); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	if g := got(Expect(ph, false)); g != "0 Inhale(5), 5000 Hold(1), 6000 Exhale(3)" {
		t.Errorf("words only: %s", g)
	}
}

func TestExpectDecimalAndOpenEnd(t *testing.T) {
	ph := mustPhases(t, trace("0 phase phase=Inhale length=4500ms breath=1"))
	if !ph[0].Open || !ph[0].End.Equal(t0.Add(4500*time.Millisecond)) {
		t.Fatalf("phase %+v: want open, ending at its length", ph[0])
	}
	want := "0 Inhale(5), 500 Inhale 4, 1500 Inhale 3, 2500 Inhale 2, 3500 Inhale 1"
	if g := got(Expect(ph, true)); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestExpectPauseMovesTheRestLater(t *testing.T) {
	ph := mustPhases(t, trace(
		"0 phase phase=Inhale length=5000ms breath=1",
		"3137 paused",
		"5071 resumed",
		"6934 phase phase=Hold length=1000ms breath=1"))
	if ph[0].Paused() != ms(1934) {
		t.Fatalf("paused %v", ph[0].Paused())
	}
	want := "0 Inhale(5), 1000 Inhale 4, 2000 Inhale 3, 3000 Inhale 2, 5934 Inhale 1, 6934 Hold(1)"
	if g := got(Expect(ph, true)); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestExpectPaceChangeTakesTheEndFromTheTrace(t *testing.T) {
	// Halfway through a 5 s inhale the pace goes to 1.3: 3.25 s are left.
	ph := mustPhases(t, trace(
		"0 phase phase=Inhale length=5000ms breath=1",
		"2500 pace pace=1.3",
		"5750 phase phase=Hold length=1300ms breath=1",
		"7050 stopped"))
	want := "0 Inhale(5), 1000 Inhale 4, 2000 Inhale 3, 2500 Inhale 4, 2750 Inhale 3, 3750 Inhale 2, 4750 Inhale 1, 5750 Hold(2), 6050 Hold 1"
	if g := got(Expect(ph, true)); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
	// Two changes in one phase: nothing expected between them.
	ph = mustPhases(t, trace(
		"0 phase phase=Inhale length=5000ms breath=1",
		"1500 pace pace=1.1",
		"1600 pace pace=1.2",
		"5000 phase phase=Hold length=1000ms breath=1"))
	want = "0 Inhale(5), 1000 Inhale 4, 2000 Inhale 3, 3000 Inhale 2, 4000 Inhale 1, 5000 Hold(1)"
	if g := got(Expect(ph, true)); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestExpectSameWordAgainIsNoChange(t *testing.T) {
	ph := mustPhases(t, trace(
		"0 phase phase=Hold length=1000ms breath=1",
		"1000 phase phase=Hold length=1000ms breath=2",
		"2000 segment kind=Rest",
		"5000 phase phase=Hold length=1000ms breath=1",
		"6000 finished"))
	if g := got(Expect(ph, false)); g != "0 Hold(1), 5000 Hold(1)" {
		t.Errorf("got %s", g)
	}
}

func TestReadScreen(t *testing.T) {
	for _, c := range []struct {
		screen string
		want   Shown
	}{
		{"   ··\n\n      Inhale  4\n\n  Picture a knot as you breathe in.\n", Shown{"Inhale", 4}},
		{"Left side · rep 1/5\n\n   Exhale\n\n  Hold it there with your hands, loosely.", Shown{"Exhale", -1}},
		{"   Get ready\n  Hold on to something\n", Shown{"", -1}},
		// the session's picture of the pose beside the words
		{"   ⢠⣿⡿⠁  ⠘⢿⣿⣷⣄⣀⣀⣀         ██\n ⢀⣾⡿⠁     ⠙⣿⣿⣿⣛⣛⣛⣛⣫⣭⣭      Inhale\n  ⣾⣿⠃      ⠘⠛⠛⠛   ████░░░\n", Shown{"Inhale", -1}},
		{"", Shown{"", -1}},
	} {
		if g := ReadScreen(c.screen); g != c.want {
			t.Errorf("ReadScreen(%q) = %+v, want %+v", c.screen, g, c.want)
		}
	}
}

func TestObserverAndMatch(t *testing.T) {
	var o Observer
	at := func(n float64) time.Time { return t0.Add(ms(n)) }
	o.See(at(30), Shown{"", -1})
	o.See(at(40), Shown{"Inhale", 5})
	o.See(at(60), Shown{"Inhale", 5})   // no change
	o.See(at(1090), Shown{"Inhale", 4}) // 90 ms late
	o.See(at(1999.5), Shown{"Inhale", 3})
	o.See(at(2500), Shown{"Inhale", 9}) // never expected
	o.See(at(5010), Shown{"Hold", 2})   // wrong seconds beside it
	exp := []Change{
		{At: at(0), What: PhaseWord, Value: "Inhale", Secs: 5},
		{At: at(1000), What: Countdown, Value: "Inhale 4"},
		{At: at(2000), What: Countdown, Value: "Inhale 3"},
		{At: at(3000), What: Countdown, Value: "Inhale 2"}, // missed
		{At: at(5000), What: PhaseWord, Value: "Hold", Secs: 1},
	}
	w := Match(PhaseWord, exp, o.Changes, time.Second, 2*time.Second)
	if g := w.Lags(); len(g) != 2 || g[0] != ms(40) || g[1] != ms(10) {
		t.Errorf("phase lags %v", g)
	}
	if len(w.WrongSecs) != 1 || w.WrongSecs[0].Seen.Secs != 2 {
		t.Errorf("wrong seconds %+v", w.WrongSecs)
	}
	if le := w.LengthErrors(); len(le) != 1 || le[0] != ms(-30) {
		t.Errorf("length errors %v", le)
	}
	c := Match(Countdown, exp, o.Changes, time.Second, 2*time.Second)
	if g := c.Lags(); len(g) != 2 || g[0] != ms(90) || g[1] != ms(-0.5) {
		t.Errorf("countdown lags %v", g)
	}
	if len(c.Missed) != 1 || c.Missed[0].Value != "Inhale 2" || len(c.Extra) != 1 || c.Extra[0].Value != "Inhale 9" {
		t.Errorf("missed %+v extra %+v", c.Missed, c.Extra)
	}
}

func TestMatchLooksNoFurtherThanTheWindow(t *testing.T) {
	exp := []Change{{At: t0, What: PhaseWord, Value: "Inhale"}}
	seen := []Change{
		{At: t0.Add(-2 * time.Second), What: PhaseWord, Value: "Inhale"},
		{At: t0.Add(3 * time.Second), What: PhaseWord, Value: "Inhale"},
	}
	r := Match(PhaseWord, exp, seen, time.Second, 2*time.Second)
	if len(r.Pairs) != 0 || len(r.Missed) != 1 || len(r.Extra) != 2 {
		t.Errorf("%+v", r)
	}
}

func TestSummarize(t *testing.T) {
	var ds []time.Duration
	for i := 20; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	s := Summarize(ds)
	want := Stats{N: 20, Median: ms(10.5), P95: ms(19), Max: ms(20), Min: ms(1)}
	if s != want {
		t.Errorf("Summarize = %+v, want %+v", s, want)
	}
	if s := Summarize([]time.Duration{ms(-3)}); s != (Stats{1, ms(-3), ms(-3), ms(-3), ms(-3)}) {
		t.Errorf("one: %+v", s)
	}
	if s := Summarize(nil); s != (Stats{}) {
		t.Errorf("none: %+v", s)
	}
}

func TestLengthsFromScreenAndTrace(t *testing.T) {
	at := func(n float64) time.Time { return t0.Add(ms(n)) }
	seen := []Change{
		{At: at(20), What: PhaseWord, Value: "Inhale"},
		{At: at(1000), What: Countdown, Value: "Inhale 4"},
		{At: at(5080), What: PhaseWord, Value: "Hold"},
		{At: at(6010), What: PhaseWord, Value: "Exhale"},
	}
	wl := WordLengths(seen)
	if len(wl) != 2 || len(wl["Inhale"]) != 1 || wl["Inhale"][0] != ms(5060) || wl["Hold"][0] != ms(930) {
		t.Errorf("WordLengths = %v", wl)
	}
	s := trace(
		"0 phase phase=Inhale length=5000ms breath=1",
		"5000 phase phase=Hold length=1000ms breath=1",
		"6100 phase phase=Exhale length=3000ms breath=1", // the hold ran 1.1 s
		"7000 skipped", // cut short: not an error
		"7000 phase phase=Inhale length=5000ms breath=2",
		"8000 paused",
		"9000 resumed",
		"13000 phase phase=Hold length=1000ms breath=2", // 5 s less the pause: right
		"14000 stopped")
	evs, err := ParseTrace(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	ph := Phases(evs)
	tl := TraceLengths(ph)
	if len(tl["Inhale"]) != 2 || tl["Inhale"][1] != 6*time.Second || len(tl["Hold"]) != 2 {
		t.Errorf("TraceLengths = %v", tl)
	}
	errs := ScheduleErrors(evs, ph)
	if len(errs) != 1 || !strings.Contains(errs[0], "trace line 2: Hold announced 1s, ran 1.1s") {
		t.Errorf("ScheduleErrors = %q", errs)
	}
}

func TestMotionsCountPicturesAndTheLongestStillSpell(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	screen := func(shape, word string) string { return shape + "\n\n  " + word + "  3\n\n  a cue\n" }
	frames := []Frame{
		FrameOf(ms(0), screen("x", "Exhale")), // cut short: left out
		FrameOf(ms(100), screen("a", "Inhale")),
		FrameOf(ms(200), screen("b", "Inhale")),
		FrameOf(ms(205), screen("c", "Inhale")), // the rest of the frame at 200
		FrameOf(ms(300), screen("c", "Inhale")),
		FrameOf(ms(900), screen("d", "Inhale")),
		FrameOf(ms(1000), screen("d", "Hold")),
		FrameOf(ms(2000), screen("d", "Hold")),
		FrameOf(ms(3000), screen("e", "Exhale")),
	}
	got := Motions(frames)
	if len(got) != 2 {
		t.Fatalf("%d phases, want the inhale and the hold: %+v", len(got), got)
	}
	in, hold := got[0], got[1]
	if in.Word != "Inhale" || in.Pictures != 3 || in.Longest != 700*time.Millisecond || !in.Start.Equal(ms(100)) || !in.End.Equal(ms(1000)) {
		t.Errorf("inhale %+v, want 3 pictures (a, c, d), the longest 700ms (c from the frame at 200 to 900)", in)
	}
	if hold.Word != "Hold" || hold.Pictures != 1 || hold.Longest != 2*time.Second {
		t.Errorf("hold %+v, want 1 picture for 2s", hold)
	}
	if f := FrameOf(ms(0), "Paused\nnothing"); f.Word != "" || f.Shape != "" {
		t.Errorf("a screen without a phase word read as %+v", f)
	}
}
