package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// recordedApps are the journal's runs of ice and heat as the history reads
// them back (history.CareApplications): a run never finished is
// interrupted.
func recordedApps(h *harness) []routines.Application {
	var out []routines.Application
	for _, r := range h.journal.Runs() {
		if r.Kind != routines.KindIce && r.Kind != routines.KindHeat {
			continue
		}
		a := routines.Application{Kind: r.Kind, Started: r.Started, Ended: r.Ended, Outcome: r.Outcome, NeverOn: !r.On}
		if r.On && r.OnAt.After(r.Started) {
			a.Started = r.OnAt // the application begins when the pack went on
		}
		if !a.Outcome.Final() {
			a.Outcome = routines.Interrupted
		}
		out = append(out, a)
	}
	return out
}

// However an application ends, the closing screen's count and next time
// are what the home screen and the plan then read from the history: one
// rule decides whether it counts. A pack stopped within its first minute
// does not count, and the closing screen says so. "Take it off now if it
// is still on." is said once.
func TestCareClosingAgreesWithPlanAndHome(t *testing.T) {
	const ready = 20 * time.Second // the minute counts from the pack going on, not from the get-ready
	for _, c := range []struct {
		name    string
		end     func(h *harness)
		counted bool
		head    string
	}{
		{"done", func(h *harness) { h.waitUntil(ready + 15*time.Minute) }, true, "Time is up:"},
		{"stopped early", func(h *harness) { h.waitUntil(ready + 6*time.Minute); h.press("q") }, true, "Stopped."},
		{"stopped in the first minute", func(h *harness) { h.waitUntil(ready + 5*time.Second); h.press("q") }, false, "Stopped."},
		{"stopped after 50 s on", func(h *harness) { h.waitUntil(ready + 50*time.Second); h.press("q") }, false, "Stopped."},
		{"stopped after 61 s on", func(h *harness) { h.waitUntil(ready + 61*time.Second); h.press("q") }, true, "Stopped."},
		{"signal in the first minute", func(h *harness) { h.waitUntil(ready + 5*time.Second); h.send(signalMsg{}); h.settle() }, false, "Stopped."},
		{"signal later", func(h *harness) { h.waitUntil(ready + 6*time.Minute); h.send(signalMsg{}); h.settle() }, true, "Stopped."},
	} {
		t.Run(c.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				ep := &routines.Episode{Began: time.Now().Add(-3 * time.Hour)}
				earlier := routines.Application{Kind: routines.KindIce, Started: time.Now().Add(-150 * time.Minute),
					Ended: time.Now().Add(-135 * time.Minute), Outcome: routines.Completed}
				p := &fakePlanner{ep: ep, apps: []routines.Application{earlier}}
				h := newHarness(t, appOpts{first: PageCare, w: 80, h: 24, deps: Deps{Care: CareDeps{Planner: p,
					Config: CareConfig{Kind: routines.KindIce, Options: &coach.CareOptions{Ready: ready}}}}})
				c.end(h)
				closing := h.screen()
				h.must(c.head)

				apps := append([]routines.Application{earlier}, recordedApps(h)...)
				if len(apps) != 2 {
					t.Fatalf("recorded %+v, want the earlier ice and this one", apps)
				}
				adv := routines.AdviseCare(time.Now(), ep, apps) // home's words (cmd's careToday) and the plan's
				home := words.Capital(adv.Summary()) + "."
				if !strings.Contains(flat(closing), home) {
					t.Errorf("the closing screen does not say what home says, %q:\n%s", home, closing)
				}
				if got := adv.IceToday; got != map[bool]int{true: 1, false: 0}[c.counted] {
					t.Errorf("ice today %d; counted %v", got, c.counted)
				}
				uncounted := strings.Contains(flat(closing), "does not count")
				if uncounted == c.counted {
					t.Errorf("closing screen, counted %v, says whether it counts wrongly:\n%s", c.counted, closing)
				}
				if n := strings.Count(flat(closing), "Take it off now if it is still on."); n > 1 || (c.head == "Stopped." && n != 1) {
					t.Errorf("%q said %d times:\n%s", "Take it off now if it is still on.", n, closing)
				}

				// The plan, opened now over the same record, says the same.
				p.apps = apps
				plan := newHarness(t, appOpts{first: PageCare, w: 80, h: 24, deps: Deps{Care: CareDeps{Planner: p}}})
				lines := adv.Lines()
				plan.must(lines[len(lines)-1])
			})
		})
	}
}

// flat is a screen with its lines joined, so wrapped sentences are whole.
func flat(screen string) string {
	var b strings.Builder
	for l := range strings.SplitSeq(screen, "\n") {
		b.WriteString(strings.TrimSpace(l) + " ")
	}
	return b.String()
}

// The care screen's w names each article it cites by its title.
func TestCareSourcesNameTheArticles(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageCare, w: 120, h: 40})
		h.press("w")
		h.must("001 (Lower Back Spasms)", "003 (How to Treat a Back Spasm)")
	})
}

// ! over the countdown shows the care safety rules and the signs that need
// help now.
func TestCareSafetyShowsHelpNow(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageCare, w: 80, h: 24, deps: Deps{Care: CareDeps{
			Config: CareConfig{Kind: routines.KindIce, Options: &coach.CareOptions{Ready: time.Second}}}}})
		h.waitUntil(10 * time.Second)
		h.press("!")
		h.must("Ice and heat, safely", "Stop at once if the skin burns", words.GetHelpNowTitle, "999", "bladder or bowels")
	})
}

// The very first application (nothing on record yet) ends with the plan
// too, as home then shows it.
func TestCareFirstApplicationSaysTheNext(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		p := &fakePlanner{}
		h := newHarness(t, appOpts{first: PageCare, w: 80, h: 24, deps: Deps{Care: CareDeps{Planner: p,
			Config: CareConfig{Kind: routines.KindIce, Options: &coach.CareOptions{Ready: time.Second}}}}})
		h.waitUntil(time.Second + 15*time.Minute)
		adv := routines.AdviseCare(time.Now(), nil, recordedApps(h))
		h.must("Time is up:", words.Capital(adv.Summary())+".", "Ice 1 today, next from 02:00.")
	})
}

// Heat or ice stopped with q in its get-ready never went on: the closing
// screen says so, and asks nothing taken off. Stopped once on, it says how
// long it was on and to take it off.
func TestCareStoppedBeforeItWentOn(t *testing.T) {
	for _, c := range []struct {
		name     string
		kind     routines.Kind
		at       time.Duration // the get-ready is 30 s
		say, not []string
	}{
		{"heat in the get-ready", routines.KindHeat, 10 * time.Second,
			[]string{"Stopped.", "Heat stopped before the pack went on."}, []string{"Take it off", "0:00 on", "Under a minute on"}},
		{"ice in the get-ready", routines.KindIce, 10 * time.Second,
			[]string{"Stopped.", "Ice stopped before the pack went on."}, []string{"Take it off", "0:00 on", "Under a minute on"}},
		{"heat once on", routines.KindHeat, 30*time.Second + 5*time.Second,
			[]string{"Stopped.", "Heat stopped after 0:05 on. Take it off now if it is still on.", "Under a minute on, so this heat does not count."}, []string{"before the pack"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := careApp(t, c.kind, 10*time.Minute, 30*time.Second, &notices{})
				h.waitUntil(c.at)
				h.press("q")
				h.must(c.say...)
				h.mustNot(c.not...)
				if r := h.journal.Runs()[0]; r.Kind != c.kind || r.Outcome != routines.Stopped {
					t.Errorf("recorded %s %s, want %s stopped", r.Kind, r.Outcome, c.kind)
				}
			})
		})
	}
}

// The care screen tells the history when the pack goes on: a run stopped
// in its get-ready never had it on (a run with nothing done), one stopped
// after Enter did, and one whose get-ready ran out did too. The closing
// screen and the plan go by the same: none of them counts.
func TestCareRecordsWhenThePackWentOn(t *testing.T) {
	for _, c := range []struct {
		name string
		run  func(h *harness)
		on   bool
	}{
		{"q in the get-ready", func(h *harness) { h.wait(3 * time.Second); h.press("q") }, false},
		{"Enter, then q after 5 s on", func(h *harness) { h.press("enter"); h.wait(5 * time.Second); h.press("q") }, true},
		{"the get-ready ran out, then q", func(h *harness) { h.waitUntil(25 * time.Second); h.press("q") }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				p := &fakePlanner{ep: &routines.Episode{Began: time.Now().Add(-3 * time.Hour)}}
				h := newHarness(t, appOpts{first: PageCare, w: 80, h: 24, deps: Deps{Care: CareDeps{Planner: p,
					Config: CareConfig{Kind: routines.KindIce, Options: &coach.CareOptions{Ready: 20 * time.Second}}}}})
				c.run(h)
				runs := h.journal.Runs()
				if len(runs) != 1 || runs[0].On != c.on || runs[0].Outcome != routines.Stopped {
					t.Fatalf("recorded %+v; want one ice, stopped, pack on %v", runs, c.on)
				}
				if !c.on {
					h.must("Ice stopped before the pack went on.")
				} else {
					h.must("does not count")
				}
				h.must("No ice or heat today")
			})
		})
	}
}
