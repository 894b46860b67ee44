package measure

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// A key typed at a moment after the first frame.
type key struct {
	after time.Duration
	keys  string
	what  string
}

type scenario struct {
	name       string
	args       []string
	run        time.Duration
	keys       []key
	countdown  bool // the screen shows the phase's seconds beside the word
	cols, rows int
}

const (
	up    = "\x1b[A"
	right = "\x1b[C"
)

var lagScenarios = []scenario{
	{name: "breathe 5-1-3", args: []string{"breathe", "--sound", "off"}, run: 40 * time.Second, countdown: true},
	{name: "breathe 4.5-0-6", args: []string{"breathe", "-p", "4.5-0-6", "--sound", "off"}, run: 40 * time.Second, countdown: true},
	{name: "breathe pace 1.3x", args: []string{"breathe", "--sound", "off"}, run: 40 * time.Second, countdown: true,
		keys: []key{{1000 * time.Millisecond, up, "up"}, {1200 * time.Millisecond, up, "up"}, {1400 * time.Millisecond, up, "up"}}},
	{name: "breathe pause", args: []string{"breathe", "--sound", "off"}, run: 30 * time.Second, countdown: true,
		keys: []key{{3137 * time.Millisecond, " ", "pause"}, {5071 * time.Millisecond, " ", "resume"}}},
	// The session starts with a get-ready of up to 30 s; → skips it. Its
	// holds show the phase word alone (the seconds are the hold's).
	{name: "session", args: []string{"session", "--sound", "off", "--no-checkin"}, run: 60 * time.Second,
		keys: []key{{1500 * time.Millisecond, right, "skip the get-ready"}}},
}

// TestMeasureLag runs each scenario in a 100x30 pseudo-terminal (all at
// once), finds when each phase word and countdown second reaches the
// emulated screen and compares with the coach's trace (UNKNOT_TRACE).
func TestMeasureLag(t *testing.T) {
	needMeasure(t)
	bin := built(t, unknotPkg, "unknot")
	for _, sc := range lagScenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			sc.cols, sc.rows = 100, 30
			sc.run = measureSeconds(t, sc.run)
			measureLag(t, bin, sc)
		})
	}
}

func measureLag(t *testing.T, bin string, sc scenario) {
	home := t.TempDir()
	tracePath := filepath.Join(home, "trace")
	term, err := StartTerm(bin, sc.args, Env(home, "UNKNOT_TRACE="+tracePath), sc.cols, sc.rows)
	if err != nil {
		t.Fatal(err)
	}
	first, err := term.WaitWord(10 * time.Second)
	if err != nil && !slices.ContainsFunc(sc.keys, func(k key) bool { return k.keys == right }) {
		term.Stop("q")
		t.Fatal(err)
	}
	if first.IsZero() { // a session: the first screen has no phase word
		first = term.Start
	}
	for _, k := range sc.keys {
		time.Sleep(time.Until(first.Add(k.after)))
		if err := term.Keys(k.keys); err != nil {
			t.Fatalf("typing %s: %v", k.what, err)
		}
	}
	time.Sleep(time.Until(first.Add(sc.run)))
	stopAt := time.Now()
	screen := term.Screen()
	term.Stop("q")
	seen := term.Changes()
	chunks, bytes := term.Read()

	var out strings.Builder
	fmt.Fprintf(&out, "\n%s: unknot %s, %dx%d, %v from the first frame; %d chunks, %d bytes read\n",
		sc.name, strings.Join(sc.args, " "), sc.cols, sc.rows, sc.run, chunks, bytes)
	for _, k := range sc.keys {
		fmt.Fprintf(&out, "  typed %s at %v after the first frame\n", k.what, k.after)
	}
	wl := WordLengths(seen)
	defer func() { t.Log(out.String()) }()

	f, err := os.Open(tracePath)
	if err != nil {
		writeLengths(&out, wl, nil)
		t.Errorf("%s: no trace (%v): this unknot does not write UNKNOT_TRACE, so there is no schedule to compare with: the screen alone is above", sc.name, err)
		return
	}
	evs, err := ParseTrace(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 {
		writeLengths(&out, wl, nil)
		t.Errorf("%s: the trace %s is empty", sc.name, tracePath)
		return
	}
	if b := Backwards(evs); len(b) > 0 {
		t.Errorf("%s: the trace goes back in time at lines %v", sc.name, b)
	}
	phases := Phases(evs)
	var exp []Change
	for _, c := range Expect(phases, sc.countdown) {
		if c.At.Before(stopAt) {
			exp = append(exp, c)
		}
	}
	kinds := []string{PhaseWord}
	if sc.countdown {
		kinds = append(kinds, Countdown)
	}
	rows := [][]string{{"change", "count", "median ms", "p95 ms", "max ms", "min ms", "missed", "unexpected"}}
	var results []Result
	for _, what := range kinds {
		r := Match(what, exp, seen, time.Second, 2*time.Second)
		if what == PhaseWord && len(r.Pairs) > 0 && r.Pairs[0].Index == 0 && r.Pairs[0].Seen.At.Equal(first) {
			// The first frame is no change: unknot paints it as it starts,
			// before Bubble Tea's renderer, and the coach begins on the
			// renderer's first frame instant, a few ms on. It is measured
			// as exec -> first frame (TestMeasureStart); here, only how far
			// it is from the coach's start.
			opening := r.Pairs[0]
			r.Pairs = r.Pairs[1:]
			fmt.Fprintf(&out, "  the first frame (painted at start) showed %q %s ms from the coach's start\n", opening.Exp.Value, msf(opening.Lag()))
			if opening.Lag().Abs() > 10*time.Millisecond {
				t.Errorf("%s: the first frame is %s ms from the coach's start, over 10 ms", sc.name, msf(opening.Lag()))
			}
		}
		results = append(results, r)
		s := Summarize(r.Lags())
		rows = append(rows, []string{what, fmt.Sprint(s.N), msf(s.Median), msf(s.P95), msf(s.Max), msf(s.Min),
			fmt.Sprint(len(r.Missed)), fmt.Sprint(len(r.Extra))})
	}
	out.WriteString(table(rows))
	for _, r := range results {
		ps := slices.Clone(r.Pairs)
		slices.SortFunc(ps, func(a, b Pair) int { return int(b.Lag().Abs() - a.Lag().Abs()) })
		for _, p := range ps[:min(3, len(ps))] {
			fmt.Fprintf(&out, "  worst %s: %q due +%v (trace line %d), shown %s ms later\n", r.What, p.Exp.Value,
				p.Exp.At.Sub(first).Round(time.Millisecond), p.Exp.Line, msf(p.Lag()))
		}
	}
	if dir := os.Getenv("UNKNOT_MEASURE_DUMP"); dir != "" {
		dump(t, dir, sc.name, tracePath, seen, first)
	}
	le := Summarize(results[0].LengthErrors())
	fmt.Fprintf(&out, "  phase lengths, screen minus trace, %d pairs: median %s ms, min %s, max %s\n",
		le.N, msf(le.Median), msf(le.Min), msf(le.Max))
	writeLengths(&out, wl, TraceLengths(phases))
	for _, e := range ScheduleErrors(evs, phases) {
		t.Errorf("%s: the schedule is wrong in itself: %s", sc.name, e)
	}
	for _, r := range results {
		s := Summarize(r.Lags())
		if s.N == 0 {
			t.Errorf("%s: no %s matched at all (%d expected); the screen at the end:\n%s", sc.name, r.What, len(r.Missed), screen)
			continue
		}
		if s.P95 > 10*time.Millisecond {
			t.Errorf("%s: %s p95 lag %s ms, over 10 ms", sc.name, r.What, msf(s.P95))
		}
		if s.Min < -time.Millisecond {
			t.Errorf("%s: a %s showed %s ms before its instant", sc.name, r.What, msf(-s.Min))
		}
		for _, m := range r.Missed {
			if shownAlready(m, seen) {
				t.Logf("%s: %s %q due at +%v (trace line %d) was on screen already: nothing to see",
					sc.name, r.What, m.Value, m.At.Sub(first).Round(time.Millisecond), m.Line)
				continue
			}
			t.Errorf("%s: %s %q due at +%v (trace line %d) never showed", sc.name, r.What, m.Value, m.At.Sub(first).Round(time.Millisecond), m.Line)
		}
		for _, p := range r.WrongSecs {
			t.Errorf("%s: %s began showing %d s, want %d (trace line %d)", sc.name, p.Exp.Value, p.Seen.Secs, p.Exp.Secs, p.Exp.Line)
		}
	}
}

// writeLengths lays out each phase word's lengths on screen and, when
// known, in the trace.
func writeLengths(out *strings.Builder, screen, trace map[string][]time.Duration) {
	rows := [][]string{{"phase", "on screen: n", "median ms", "min", "max", "trace: n", "median ms", "min", "max"}}
	for _, w := range []string{"Inhale", "Hold", "Exhale"} {
		s, tr := Summarize(screen[w]), Summarize(trace[w])
		if s.N == 0 && tr.N == 0 {
			continue
		}
		rows = append(rows, []string{w, fmt.Sprint(s.N), msf(s.Median), msf(s.Min), msf(s.Max),
			fmt.Sprint(tr.N), msf(tr.Median), msf(tr.Min), msf(tr.Max)})
	}
	out.WriteString(table(rows))
}

// dump keeps a scenario's trace and the changes seen, for a closer look
// (UNKNOT_MEASURE_DUMP=<folder>).
func dump(t *testing.T, dir, name, tracePath string, seen []Change, first time.Time) {
	name = strings.NewReplacer(" ", "-", "/", "-").Replace(name)
	if b, err := os.ReadFile(tracePath); err == nil {
		_ = os.WriteFile(filepath.Join(dir, name+".trace"), b, 0o600)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# first frame %d\n", first.UnixNano())
	for _, c := range seen {
		fmt.Fprintf(&b, "%d +%v %s %q\n", c.At.UnixNano(), c.At.Sub(first).Round(time.Microsecond), c.What, c.Value)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".seen"), []byte(b.String()), 0o600); err != nil {
		t.Logf("dump: %v", err)
	}
}

// shownAlready says whether the screen already showed an expected
// change's value just before it was due: nothing to see then, as when a
// pace change made the countdown due to show 6 for the 85 ms before the
// next whole second brought it back to the 5 still on screen.
func shownAlready(c Change, seen []Change) bool {
	last := ""
	for _, s := range seen {
		if !s.At.Before(c.At) {
			break
		}
		last = s.Value
		if s.What == PhaseWord && c.What == Countdown {
			last = fmt.Sprintf("%s %d", s.Value, s.Secs)
		}
		if s.What == Countdown && c.What == PhaseWord {
			last, _, _ = strings.Cut(s.Value, " ")
		}
	}
	return last == c.Value
}
