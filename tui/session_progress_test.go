package tui

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/journaltest"
)

// levelJournal is an in-memory journal whose runs also keep the level of
// each routine, as the history's do.
type levelJournal struct {
	*journaltest.Journal
	mu     sync.Mutex
	levels []map[string]int // per run, in Begin order
}

type levelLog struct {
	routines.RunLog
	j *levelJournal
	i int
}

func (j *levelJournal) Begin(kind routines.Kind, at time.Time, planned []routines.Exercise, before *int) routines.RunLog {
	log := j.Journal.Begin(kind, at, planned, before)
	j.mu.Lock()
	defer j.mu.Unlock()
	j.levels = append(j.levels, map[string]int{})
	return levelLog{log, j, len(j.levels) - 1}
}

func (l levelLog) SetLevel(routine string, level int) {
	l.j.mu.Lock()
	defer l.j.mu.Unlock()
	l.j.levels[l.i][routine] = level
}

// goodRuns are n sessions done in full at level, on n days, pain easing.
func goodRuns(n, level int) []routines.PastRun {
	var out []routines.PastRun
	day := time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC)
	for i := range n {
		out = append(out, routines.PastRun{Day: day.AddDate(0, 0, -i), Outcome: routines.Completed,
			PainBefore: 3, PainAfter: 2, RepsPlanned: 10 + 2*level, RepsDone: 10 + 2*level, Level: level})
	}
	return out
}

// recentOf answers Recent from fixed runs per routine.
func recentOf(runs map[string][]routines.PastRun) func(string) ([]routines.PastRun, error) {
	return func(name string) ([]routines.PastRun, error) { return runs[name], nil }
}

func plannedReps(r journaltest.Run, routine string) []int {
	var out []int
	for _, e := range r.Exercises {
		if e.Routine == routine {
			out = append(out, e.RepsPlanned)
		}
	}
	return out
}

// Three good sessions: the screen before pacing offers one more rep; +
// takes it, the plan has it, and the level is recorded.
func TestSessionOffersOneStepMoreAndRecordsIt(t *testing.T) {
	for _, take := range []bool{true, false} {
		name := "declined"
		if take {
			name = "taken"
		}
		t.Run(name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				j := &levelJournal{Journal: &journaltest.Journal{}}
				deps := Deps{Journal: j, Session: SessionConfig{
					Recent: recentOf(map[string][]routines.PastRun{"knee-to-chest": goodRuns(3, 0)})}}
				h := newSessionApp(t, Options{}, 80, 24, deps, builtin(t, "knee-to-chest"))
				h.must("Before you start", "Knee to chest: One more rep? 6 reps per side instead of 5.",
					"Today: 5 reps per side, as last time.", "+ one step more", "enter start")
				h.mustNot("Get ready")
				if len(j.Runs()) != 0 {
					t.Fatal("the run began before the offer was answered")
				}
				if take {
					h.press("+")
					h.must("Today: 6 reps per side. Taken.", "Enter starts.", "- not today")
					h.mustNot("Press + to take it", "+ one step more", "an offer not taken")
				}
				h.press("enter")
				h.must("Get ready")
				runs := j.Runs()
				if len(runs) != 1 {
					t.Fatalf("runs = %d", len(runs))
				}
				want, level := []int{5, 5}, 0
				if take {
					want, level = []int{6, 6}, 1
				}
				if got := plannedReps(runs[0], "knee-to-chest"); !slices.Equal(got, want) {
					t.Errorf("planned %v, want %v", got, want)
				}
				if got, ok := j.levels[0]["knee-to-chest"]; !ok || got != level {
					t.Errorf("recorded level %d (%v), want %d", got, ok, level)
				}
			})
		})
	}
}

// After a pain stop the offer is one step back, taken with -; a routine
// already stepped up is done at its level without asking.
func TestSessionOffersOneStepBackAfterPain(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		j := &levelJournal{Journal: &journaltest.Journal{}}
		pain := goodRuns(1, 2)
		pain[0].Outcome, pain[0].RepsDone = routines.Pain, 3
		deps := Deps{Journal: j, Session: SessionConfig{Recent: recentOf(map[string][]routines.PastRun{
			"knee-to-chest": pain,
			"arm-raise":     goodRuns(1, 1),
		})}}
		h := newSessionApp(t, Options{}, 80, 24, deps, builtin(t, "knee-to-chest"), builtin(t, "arm-raise"))
		h.must("Knee to chest:", "It hurt last time. One step back? 6 reps per side instead of 7.",
			"Press - to take it.", "- one step back")
		noLoneWord(t, h.screen())
		h.mustNot("Arm raise:")
		h.press("-")
		h.must("Today: 6 reps per side. Taken.", "Enter starts.", "+ not today")
		h.mustNot("Press - to take it", "- one step back", "an offer not taken")
		h.press("enter")
		runs := j.Runs()
		if got := plannedReps(runs[0], "knee-to-chest"); !slices.Equal(got, []int{6, 6}) {
			t.Errorf("knee planned %v, want 6 a side", got)
		}
		if got := plannedReps(runs[0], "arm-raise"); !slices.Equal(got, []int{6}) {
			t.Errorf("arm planned %v, want 6 (its level, 1)", got)
		}
		if j.levels[0]["knee-to-chest"] != 1 || j.levels[0]["arm-raise"] != 1 {
			t.Errorf("levels %v", j.levels[0])
		}
	})
}

// No history to read, or nothing to offer: no offer screen.
func TestSessionWithoutOfferStartsAtOnce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		deps := Deps{Session: SessionConfig{Recent: func(string) ([]routines.PastRun, error) {
			return nil, errors.New("disk gone")
		}}}
		h := newSessionApp(t, Options{}, 80, 24, deps, builtin(t, "knee-to-chest"))
		h.must("Get ready")
		h.mustNot("Before you start")
	})
}

// N leaves the rest of the routine: the next one gets ready at once.
func TestSessionShiftNSkipsTheRoutine(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		second := tinyRoutine()
		second.Name, second.Title = "tiny-two", "Second stretch"
		h := newSessionApp(t, Options{}, 80, 24, Deps{}, tinyRoutine(), second)
		h.wait(9 * time.Second) // into the first hold
		h.must("Tiny stretch")
		h.press("?")
		h.must("N     skip routine")
		h.press("?", "N")
		h.must("Second stretch", "Get ready")
		h.mustNot("Tiny stretch")
	})
}

// After x, Enter opens breathing in place of the session; closing it goes
// back home; both runs are recorded, and the breathing's check-in answers
// the session's too.
func TestPainStopOffersBreathingAtOnce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := homeWithTinySession(t)
		h.press("s")
		h.press("esc") // skip the check-in before
		h.wait(9 * time.Second)
		h.press("x")
		h.must("Stopped. That was the right call.", "press Enter to breathe", "enter breathe now")
		h.press("enter")
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageHome, PageBreathe}) {
			t.Fatalf("pages %v, want home then breathe", got)
		}
		h.must("Inhale")
		h.wait(5 * time.Second)
		h.must("How is your back right now?")
		h.press("4", "enter")
		h.must("Noted: 4 out of 10.")
		h.press("enter")
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageHome}) {
			t.Errorf("pages %v after breathing, want home", got)
		}
		// The exit text gives the answer to the breathing, not the session.
		if rs := h.app.Runs(); len(rs) != 2 || rs[0].PainAfter != nil || rs[1].PainAfter == nil || *rs[1].PainAfter != 4 {
			t.Errorf("the exit's runs: %+v", rs)
		}
		runs := h.journal.Runs()
		if len(runs) != 2 || runs[0].Outcome != routines.Pain || runs[1].Kind != routines.KindBreathe || runs[1].Breaths != 2 {
			t.Fatalf("runs %+v", runs)
		}
		// The answer after breathing is the breathing's: a session stopped
		// for pain is never shown as eased by it.
		if r := runs[1]; r.PainAfter == nil || *r.PainAfter != 4 {
			t.Errorf("breathing's pain after %v, want 4", r.PainAfter)
		}
		if r := runs[0]; r.PainAfter != nil {
			t.Errorf("the session stopped for pain got pain after %d from the breathing", *r.PainAfter)
		}
	})
}

// The pain said at the stop is where the breathing begins: the breathing
// run's pain before, so that what breathing did after a stop for pain can
// be seen (8 before, 5 after), and the session keeps it as its pain after.
func TestPainStopScoreIsTheBreathingsPainBefore(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := homeWithTinySession(t)
		h.press("s")
		h.press("esc") // skip the check-in before
		h.wait(9 * time.Second)
		h.press("x")
		h.press("8", "enter") // how is your back: 8
		h.must("press Enter to breathe")
		h.press("enter")
		h.must("Inhale")
		h.wait(5 * time.Second)
		h.press("5", "enter")
		runs := h.journal.Runs()
		if len(runs) != 2 || runs[1].Kind != routines.KindBreathe {
			t.Fatalf("runs %+v", runs)
		}
		if r := runs[0]; r.PainAfter == nil || *r.PainAfter != 8 {
			t.Errorf("the session's pain after %v, want 8", r.PainAfter)
		}
		if r := runs[1]; r.PainBefore == nil || *r.PainBefore != 8 || r.PainAfter == nil || *r.PainAfter != 5 {
			t.Errorf("breathing's pain before %v, after %v; want 8 and 5", r.PainBefore, r.PainAfter)
		}
	})
}

// `unknot session` (the session alone): breathing takes its place, and
// closing it ends the program.
func TestPainStopBreathingEndsSessionCommand(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		deps := Deps{Breathe: BreatheConfig{Pattern: pattern(t, "1-0-1"), Breaths: 1}}
		h := newSessionApp(t, Options{}, 80, 24, deps, tinyRoutine())
		h.wait(9 * time.Second)
		h.press("x", "enter")
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageBreathe}) {
			t.Fatalf("pages %v", got)
		}
		h.wait(3 * time.Second)
		h.press("q") // close the closing screen
		if !h.quit {
			t.Error("closing breathing did not end `unknot session`")
		}
		if got := h.app.Runs(); len(got) != 2 {
			t.Errorf("runs for the summary: %d, want 2", len(got))
		}
	})
}

// Breathing starts at the configured pace; a pace changed with ↑ is
// offered to be kept on the closing screen, and k keeps it.
func TestBreatheKeepsAChangedPace(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var saved []float64
		deps := Deps{Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3"), Pace: 1.2,
			SavePace: func(p float64) error { saved = append(saved, p); return nil }}}
		h := newHarness(t, appOpts{first: PageBreathe, deps: deps})
		h.must("1.2")
		h.press("up")
		h.wait(time.Second)
		h.press("q")
		h.must("Press k to start at it next time", "k keep this pace")
		h.wait(2 * CloseAfter)
		if got := h.app.Pages(); len(got) != 1 {
			t.Fatal("the closing screen closed by itself with the offer on it")
		}
		h.press("k")
		if len(saved) != 1 || saved[0] <= 1.2 {
			t.Fatalf("saved %v, want one pace slower than 1.2", saved)
		}
		h.must("Kept: breathing starts at pace")
		h.press("enter")
		if !h.quit {
			t.Error("any key did not close")
		}
	})
}

// A pace kept badly says so, and an unchanged pace offers nothing.
func TestBreathePaceNotKeptSaysWhy(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		deps := Deps{Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3"),
			SavePace: func(float64) error { return errors.New("config.toml:3:1: not valid") }}}
		h := newHarness(t, appOpts{first: PageBreathe, deps: deps})
		h.press("down")
		h.press("q")
		h.press("k")
		h.must("The pace was not kept: config.toml:3:1: not valid")
	})
	inBubble(t, func(t *testing.T) {
		called := false
		deps := Deps{Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3"),
			SavePace: func(float64) error { called = true; return nil }}}
		h := newHarness(t, appOpts{first: PageBreathe, deps: deps})
		h.press("q")
		h.mustNot("Press k")
		h.press("k")
		if called {
			t.Error("an unchanged pace was saved")
		}
	})
}

// levelReview is a review fixture that knows levels.
type levelReview struct{ *fakeHistory }

func (levelReview) Levels() ([]RoutineLevel, error) {
	return []RoutineLevel{{Title: "Knee to chest", Level: 1, Amount: "6 reps per side"},
		{Title: "Arm raise", Level: 0, Amount: "5 reps"}}, nil
}

func TestReviewShowsLevels(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageReview, w: 120, h: 50, deps: Deps{Review: levelReview{&fakeHistory{ov: reviewFixture()}}}})
		h.must("Levels now", "6 reps per side", "1 step up", "as written")
		if !strings.Contains(h.screen(), "Knee to chest") {
			t.Error("no routine title")
		}
	})
}

// noLoneWord fails if a line of the screen holds one short word alone,
// the tail of a sentence wrapped too late ("6.").
func noLoneWord(t *testing.T, screen string) {
	t.Helper()
	for l := range strings.SplitSeq(screen, "\n") {
		if w := strings.Fields(l); len(w) == 1 && len(w[0]) <= 3 {
			t.Errorf("a line holds %q alone:\n%s", w[0], screen)
		}
	}
}

// Taking one offer of two leaves the other asked for; - or + takes a
// taken offer back, and the screen asks again.
func TestSessionOfferTakenAndTakenBack(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		pain := goodRuns(1, 2)
		pain[0].Outcome, pain[0].RepsDone = routines.Pain, 3
		deps := Deps{Journal: &levelJournal{Journal: &journaltest.Journal{}}, Session: SessionConfig{
			Recent: recentOf(map[string][]routines.PastRun{"knee-to-chest": pain, "lying-twist": goodRuns(3, 0)})}}
		h := newSessionApp(t, Options{}, 80, 24, deps, builtin(t, "knee-to-chest"), builtin(t, "lying-twist"))
		h.must("Press + to take one step more, - to take one step back.", "- one step back")
		noLoneWord(t, h.screen())
		h.press("-")
		h.must("Today: 6 reps per side. Taken.", "Press + to take it.", "+ not today")
		h.mustNot("- to take one step back")
		h.press("down", "+")
		h.must("Today: 6 breaths per hold. Taken.", "Enter starts.", "- not today")
		h.mustNot("Press", "an offer not taken")
		h.press("-")
		h.must("Today: 5 breaths per hold, as last time.", "Press + to take it.", "+ one step more")
		h.press("up", "+")
		h.must("Today: 7 reps per side, as last time.", "Press + to take one step more, - to take one step back.", "- one step back")
	})
}

// Every built-in routine's offers, a step more and a step back, read
// whole at 80 and 40 columns: no sentence leaves its last word alone on a
// line.
func TestSessionOffersWrapWell(t *testing.T) {
	pain := goodRuns(1, 2)
	pain[0].Outcome, pain[0].RepsDone = routines.Pain, 3
	for _, r := range builtins(t) {
		for _, past := range [][]routines.PastRun{goodRuns(3, 0), pain} {
			for _, w := range []int{80, 40} {
				inBubble(t, func(t *testing.T) {
					deps := Deps{Journal: &levelJournal{Journal: &journaltest.Journal{}}, Session: SessionConfig{
						Recent: recentOf(map[string][]routines.PastRun{r.Name: past})}}
					h := newSessionApp(t, Options{}, w, 24, deps, r)
					if !strings.Contains(h.screen(), "Before you start") {
						return // nothing offered
					}
					noLoneWord(t, h.screen())
					h.press("+", "-")
					noLoneWord(t, h.screen())
				})
			}
		}
	}
}

// With a score chosen on the stop's check-in, Enter keeps the score first:
// the offer says so, and the second Enter breathes.
func TestPainStopOfferSaysWhatEnterDoesWithAScoreChosen(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := homeWithTinySession(t)
		h.press("s")
		h.press("esc")
		h.wait(9 * time.Second)
		h.press("x", "7")
		h.must("Enter keeps your answer, then Enter", "again breathes.")
		h.mustNot("press Enter to breathe")
		h.press("enter")
		h.must("Noted: 7 out of 10.", "press Enter to breathe")
		h.press("enter")
		if got := h.app.Pages(); !slices.Equal(got, []Page{PageHome, PageBreathe}) {
			t.Fatalf("pages %v, want home then breathe", got)
		}
	})
}

// homeWithTinySession is home, with check-ins on, a session of the tiny
// routine and breathing of two 1-0-1 breaths.
func homeWithTinySession(t *testing.T) *harness {
	t.Helper()
	deps := Deps{
		Session: SessionConfig{Routines: []routines.Routine{tinyRoutine()}, Options: testPlanOptions, Checkin: true},
		Breathe: BreatheConfig{Pattern: pattern(t, "1-0-1"), Breaths: 2, Checkin: true},
	}
	return newHarness(t, appOpts{first: PageHome, deps: deps})
}
