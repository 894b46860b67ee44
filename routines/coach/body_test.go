package coach

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// userRoutine parses a routine file the way a person would write it.
func userRoutine(t *testing.T, body string) routines.Routine {
	t.Helper()
	r, probs := routines.ParseRoutine("mine.toml", []byte("name = \"mine\"\ntitle = \"Mine\"\n"+body))
	if len(probs) > 0 {
		t.Fatalf("%v", probs)
	}
	return r
}

// TestNoHoldEndsInsideAnInhaleOrAHold follows every hold of every built-in
// at every level, and of user routines with other patterns, to its last
// instant: the person is exhaling then (or, in a hold shorter than one
// breath, still settling), and every phase that began ran its full length.
func TestNoHoldEndsInsideAnInhaleOrAHold(t *testing.T) {
	var rs []routines.Routine
	for _, n := range builtins(t).Names() {
		r, _ := builtins(t).Get(n)
		lo, hi := r.LevelRange()
		for l := lo; l <= hi; l++ {
			rs = append(rs, r.AtLevel(l))
		}
	}
	for _, body := range []string{
		"reps = 2\nhold = \"10s\"\n",                                  // 5-1-3: 1 s settle, one breath
		"reps = 2\nhold = \"17s\"\n",                                  // 8 s settle, one breath
		"reps = 2\nhold = \"27s\"\n",                                  // three whole breaths, no settle
		"reps = 2\nhold = \"5s\"\n",                                   // shorter than a breath: all settle
		"reps = 2\nhold = \"30s\"\npattern = \"4-7-8\"\n",             // 11 s settle, one 19 s breath
		"reps = 2\nhold = \"20s\"\npattern = \"4-4-4-4\"\n",           // box: 8 s settle, a breath to its exhale
		"reps = 2\nhold_breaths = 3\npattern = \"4-4-4-4\"\n",         // box: three breaths, the last to its exhale
		"reps = 2\nhold = \"25s\"\npattern = \"4-6\"\n",               // two-part
		"reps = 2\nhold = \"12.5s\"\npattern = \"4.5-0.5-3.25\"\n",    // decimals
		"reps = 3\nhold_breaths = 2\nsides = [\"left\", \"right\"]\n", // breaths, with sides
	} {
		rs = append(rs, userRoutine(t, body))
	}
	for _, r := range rs {
		if r.RepOnly() {
			continue
		}
		r := OnGrid(r) // what is breathed: a pattern off the Tick grid is rounded
		name := fmt.Sprintf("%s %s %v hold %v", r.Name, r.Amount(), r.Pattern, r.HoldDuration())
		t.Run(name, func(t *testing.T) {
			p, err := SessionPlan([]routines.Routine{r}, DefaultOptions)
			if err != nil {
				t.Fatal(err)
			}
			c := New(p, t0)
			settle, breaths := r.Pacing()
			holds := 0
			for idx, sg := range p.Segments {
				if sg.Kind != Stretch {
					continue
				}
				holds++
				if sg.Length != r.HoldDuration() {
					t.Errorf("a hold of %v, want the routine's %v: its length is kept", sg.Length, r.HoldDuration())
				}
				last := c.At(at(sg.End() - time.Millisecond))
				switch {
				case breaths == 0:
					if !last.Settling || last.Breathing {
						t.Errorf("a hold shorter than a breath: its last instant settling %v breathing %v, want settling", last.Settling, last.Breathing)
					}
				case !last.Breathing || last.Phase != routines.Exhale || last.PhaseElapsed+time.Millisecond != last.PhaseLength:
					t.Errorf("the hold's last instant is %v %v of %v, want the last of an exhale", last.Phase, last.PhaseElapsed, last.PhaseLength)
				}
				evs := p.scheduled(sg.Start, sg.End(), true)
				inhales := 0
				for _, e := range evs {
					if e.Kind != PhaseChanged || e.Index != idx { // the next hold may start as this one ends
						continue
					}
					if e.Phase == routines.Inhale {
						inhales++
					}
					if e.Offset < sg.Start+settle {
						t.Errorf("%v at +%v, inside the %v settle", e.Phase, e.Offset-sg.Start, settle)
					}
					if e.Offset+e.PhaseLength > sg.End() {
						t.Errorf("%v at +%v for %v is cut short by the hold's end at +%v", e.Phase, e.Offset-sg.Start, e.PhaseLength, sg.Length)
					}
				}
				if inhales != breaths {
					t.Errorf("%d inhales in a hold, want %d whole breaths", inhales, breaths)
				}
				if r.HoldBreaths > 0 && (breaths != r.HoldBreaths || settle != 0) {
					t.Errorf("a hold of %d breaths paced as a %v settle and %d breaths", r.HoldBreaths, settle, breaths)
				}
			}
			if holds == 0 {
				t.Fatal("no holds in the plan")
			}
		})
	}
}

func TestTheDefaultSessionChangesPositionAtMostTwiceWithGuidedGetReadies(t *testing.T) {
	rs := routines.DefaultSession(builtins(t))
	if rs[0].Position != routines.Lying {
		t.Errorf("the default session starts %v, want lying", rs[0].Position)
	}
	if n := positionChanges(rs); n > 2 {
		t.Errorf("the default session changes position %d times, want at most 2", n)
	}
	p, err := SessionPlan(rs, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	var readies []Segment
	for _, sg := range p.Segments {
		if sg.Kind == Ready {
			readies = append(readies, sg)
		}
	}
	// knee-to-chest and lying-twist on the floor, then arm-raise and
	// seated-twist sitting: getting down at the start, up once.
	want := []struct {
		routine  string
		length   time.Duration
		from, to routines.Position
		first    string
	}{
		{"knee-to-chest", 30 * s, routines.AnyPosition, routines.Lying, "Get down slowly"},
		{"lying-twist", 8 * s, routines.Lying, routines.Lying, ""},
		{"arm-raise", 30 * s, routines.Lying, routines.Sitting, "Bend your knees and roll slowly onto your side."},
		{"seated-twist", 8 * s, routines.Sitting, routines.Sitting, ""},
	}
	if len(readies) != len(want) {
		t.Fatalf("%d get-readies, want %d", len(readies), len(want))
	}
	for i, w := range want {
		g := readies[i]
		if p.Routines[g.Routine].Name != w.routine || g.Length != w.length || g.From != w.from || g.To != w.to {
			t.Errorf("get-ready %d: %s %v from %v to %v, want %s %v from %v to %v", i, p.Routines[g.Routine].Name, g.Length, g.From, g.To, w.routine, w.length, w.from, w.to)
		}
		words := g.Transition()
		switch {
		case w.first == "" && (words != nil || g.ChangesPosition()):
			t.Errorf("get-ready %d stays %v but says %q", i, w.to, words)
		case w.first != "" && (len(words) == 0 || !strings.HasPrefix(words[0], w.first) || !g.ChangesPosition()):
			t.Errorf("get-ready %d says %q, want it to start %q", i, words, w.first)
		case w.first != "" && !strings.Contains(strings.Join(words, " "), "press your fingertips"):
			t.Errorf("get-ready %d says %q, without seed 003's press on a tightening muscle", i, words)
		}
	}
}

func TestARepOnlyRoutineIsCountedRollByRollEachWay(t *testing.T) {
	r, _ := builtins(t).Get("shoulder-rolls")
	p, err := SessionPlan([]routines.Routine{r}, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	// 30 s get-ready (sitting, from wherever the person was), 10 rolls of
	// 4 s forward, a 5 s switch, 10 back: 30 + 40 + 5 + 40 = 115 s.
	if p.Total() != 115*s {
		t.Errorf("Total() = %v, want 115s", p.Total())
	}
	var texts []string
	for _, sg := range p.Segments {
		if sg.Breathing() {
			t.Errorf("%v segment is paced by breathing; rolls are not", sg.Kind)
		}
		if sg.Kind == Move || sg.Kind == Switch {
			texts = append(texts, sg.RepText(r))
		}
	}
	if len(texts) != 21 || texts[0] != "roll 1 of 10, forward" || texts[2] != "roll 3 of 10, forward" ||
		texts[10] != "next: roll 1 of 10, back" || texts[20] != "roll 10 of 10, back" {
		t.Errorf("the rolls are counted %q", texts)
	}
	c := New(p, t0)
	st := c.At(at(30*s + 8*s + 500*ms)) // the third roll forward
	if st.Segment.Kind != Move || st.Segment.RepText(*st.Routine) != "roll 3 of 10, forward" ||
		!slices.Contains(st.Segment.Words(*st.Routine), "Roll both shoulders forward, up and round, in a slow, wide circle.") {
		t.Errorf("at 38.5 s: %v %q %q", st.Segment.Kind, st.Segment.RepText(*st.Routine), st.Segment.Words(*st.Routine))
	}
	done := 0
	for _, e := range c.Events(at(p.Total())) {
		if e.Kind == RepDone {
			done++
		}
	}
	if done != 20 {
		t.Errorf("%d rep done events, want 20 rolls", done)
	}
}

func TestCuesNameTheSideOfTheRep(t *testing.T) {
	knee, _ := builtins(t).Get("knee-to-chest")
	p, err := SessionPlan([]routines.Routine{knee}, DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	say := func(sg Segment) string {
		return sg.RepText(knee) + " | " + strings.Join(sg.Words(knee), " ")
	}
	want := []string{
		" | Lie on your back. Bend both knees, feet flat on the floor.",
		"rep 1 of 5, left side | Draw your left knee slowly up toward your chest.",
		"next: rep 1 of 5, right side | ",
		"rep 1 of 5, right side | Draw your right knee slowly up toward your chest.",
	}
	for i, w := range want { // Ready, left 1, Rest, right 1
		if got := say(p.Segments[i]); !strings.HasPrefix(got, w) {
			t.Errorf("segment %d says %q, want it to start %q", i, got, w)
		}
	}
	if got := say(p.Segments[1]); !strings.Contains(got, "Lower your left foot back down, slowly.") {
		t.Errorf("the left hold says %q, without lowering the left foot", got)
	}
	twist, _ := builtins(t).Get("lying-twist")
	if got := twist.CuesFor(routines.Right, "")[0]; got != "Let both knees fall slowly to the right." {
		t.Errorf("lying twist to the right says %q", got)
	}
	seated, _ := builtins(t).Get("seated-twist")
	if got := seated.CuesFor(routines.Left, "")[0]; got != "Turn your upper body slowly to the left." {
		t.Errorf("seated twist to the left says %q", got)
	}
}

func TestSkipRoutineLeavesOutTheRestOfTheRoutineAtOnce(t *testing.T) {
	c := sessionCoach(t) // knee-to-chest 0-265 s, then arm-raise
	c.Events(at(40 * s))
	c.SkipRoutine(at(40 * s))
	st := c.At(at(40 * s))
	if st.Offset != 265*s || st.Segment.Kind != Ready || st.Routine.Name != "arm-raise" {
		t.Fatalf("after N at 40 s: offset %v, %v of %s; want arm-raise's get-ready at 265 s", st.Offset, st.Segment.Kind, st.Routine.Name)
	}
	evs := kinds(c.Events(at(40 * s)))
	if !slices.Contains(evs, "skipped") || slices.Contains(evs, "rep done") {
		t.Errorf("events of N = %v, want skipped and no rep done", evs)
	}
	// From the last routine, N ends the session.
	c.Events(at(900 * s))
	c.SkipRoutine(at(900 * s))
	if !c.Finished(at(900 * s)) {
		t.Errorf("N in the last routine did not end the session: %+v", c.At(at(900*s)))
	}
}

// positionChanges counts the times a session in the order rs gets up or
// down between routines (the start of the session is not counted). A
// routine that names no position counts as a change: its get-ready is the
// guided one.
func positionChanges(rs []routines.Routine) int {
	n := 0
	for i := 1; i < len(rs); i++ {
		if routines.ChangesPosition(rs[i-1].Position, rs[i].Position) {
			n++
		}
	}
	return n
}

// N by mistake, then b: the person is put back at the start of the
// segment they left, not at the last rep of the routine they skipped,
// and what they then hold counts.
func TestBackAfterSkipRoutineReturnsWhereTheSkipCame(t *testing.T) {
	before := sessionCoach(t)
	before.Events(at(40 * s))
	left := before.At(at(40 * s))
	leftStart := left.Offset - left.SegmentElapsed

	tests := []struct {
		name    string
		backAt  time.Duration
		wantOff time.Duration
	}{
		{"1 s into the next routine's ready: where N was pressed", 266 * s, leftStart},
		{"5 s into the next routine's ready: restart the ready", 270 * s, 265 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sessionCoach(t)
			c.Events(at(40 * s))
			c.SkipRoutine(at(40 * s))
			// N moved the plan on to 265 s at the instant 40 s: the plan's
			// offset runs 225 s ahead of the clock from there.
			back := at(tt.backAt - 225*s)
			c.Events(back)
			c.Back(back)
			st := c.At(back)
			if st.Offset != tt.wantOff || st.SegmentElapsed != 0 {
				t.Fatalf("b at +%v of the plan: offset %v elapsed %v, want %v 0", tt.backAt, st.Offset, st.SegmentElapsed, tt.wantOff)
			}
			if tt.wantOff != leftStart {
				return
			}
			if st.Routine.Name != left.Routine.Name || st.Segment.Kind != left.Segment.Kind || st.Segment.Side != left.Segment.Side {
				t.Errorf("back in %s %v %v, want where N was pressed: %s %v %v", st.Routine.Name, st.Segment.Kind, st.Segment.Side,
					left.Routine.Name, left.Segment.Kind, left.Segment.Side)
			}
			// Held again to its end, the rep counts.
			c.Events(back.Add(left.Segment.Length))
			tl := c.Tallies()
			if tl[0].Done < 1 {
				t.Errorf("after holding the rep N left, tallies %+v; want it done", tl[0])
			}
		})
	}
}

// After N and b, the routine done in full reaches the next one's get-ready
// as any routine does: b there goes to its last hold, not again to where N
// once was.
func TestBackAfterSkipRoutineIsOnce(t *testing.T) {
	c := sessionCoach(t)
	c.Events(at(40 * s))
	left := c.At(at(40 * s))
	leftStart := left.Offset - left.SegmentElapsed
	c.SkipRoutine(at(40 * s))
	c.Events(at(41 * s))
	c.Back(at(41 * s)) // back to leftStart at the instant 41 s
	// From leftStart the plan runs on with the clock: 265 s of the plan
	// comes (265 s - leftStart) later, and 1 s into the ready then:
	again := at(41*s + 266*s - leftStart)
	c.Events(again)
	c.Back(again)
	if st := c.At(again); st.Offset != 255*s {
		t.Errorf("b 1 s into arm-raise's ready, reached in turn: offset %v, want the last hold of knee-to-chest at 4m15s", st.Offset)
	}
}
