package tui

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// fakePlanner is a history of episodes and applications in memory.
type fakePlanner struct {
	mu       sync.Mutex
	ep       *routines.Episode
	apps     []routines.Application
	recorded []routines.Episode
}

func (p *fakePlanner) CareRecord(time.Time) (*routines.Episode, []routines.Application, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ep, append([]routines.Application(nil), p.apps...), nil
}

func (p *fakePlanner) RecordEpisode(ep routines.Episode, _ time.Time) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.recorded = append(p.recorded, ep)
	p.ep = &ep
	return nil
}

// notices counts the end's notifications.
type notices struct {
	mu             sync.Mutex
	desktop, term  int
	title, lastSeq string
}

func (n *notices) deps() (func(string, string), func(string, string) string) {
	return func(title, body string) {
			n.mu.Lock()
			defer n.mu.Unlock()
			n.desktop++
			n.title = title
		}, func(title, body string) string {
			n.mu.Lock()
			defer n.mu.Unlock()
			n.term++
			n.lastSeq = "\x1b]9;" + title + "\a"
			return n.lastSeq
		}
}

func (n *notices) counts() (int, int) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.desktop, n.term
}

// careApp opens `unknot care KIND` for length with a get-ready of ready,
// in an 80×16 window (the countdown in plain digits).
func careApp(t *testing.T, kind routines.Kind, length, ready time.Duration, n *notices) *harness {
	t.Helper()
	notify, term := n.deps()
	return newHarness(t, appOpts{first: PageCare, w: 80, h: 16, deps: Deps{Care: CareDeps{
		Config: CareConfig{Kind: kind, Length: length, Options: &coach.CareOptions{Ready: ready}},
		Notify: notify, Terminal: term,
	}}})
}

// A whole application of ice, as a person sees it: the get-ready with the
// towel, the countdown from the instant it goes on, the halfway reminder
// and the bell at their exact instants, the end with the bell and both
// notifications, and the run recorded as ice, completed, in the journal.
func TestCareWholeApplication(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		n := &notices{}
		h := careApp(t, routines.KindIce, time.Minute, 10*time.Second, n)
		h.must("Ice · 1 minute", "Get ready", "0:10", "thin towel", "enter it's on", "space pause")
		h.waitUntil(10*time.Second - frame)
		h.must("Get ready", "0:01")
		h.waitUntil(10 * time.Second)
		h.must("On", "1:00", "Put the ice pack on now")
		h.waitUntil(25 * time.Second)
		h.must("0:45")
		h.waitUntil(40*time.Second - frame)
		h.mustNot("Halfway")
		if h.bells != 0 {
			t.Errorf("%d bells before halfway", h.bells)
		}
		h.waitUntil(40 * time.Second)
		h.must("Halfway", "0:30", "Check your skin: take the ice off if it burns")
		if h.bells != 1 {
			t.Errorf("%d bells at halfway, want 1", h.bells)
		}
		// "Halfway" only around the middle: then the second half, and in
		// the closing stretch "Almost done", the skin check still said.
		h.waitUntil(46*time.Second + frame)
		h.must("Second half", "0:24", "Check your skin: take the ice off if it burns")
		h.mustNot("Halfway")
		h.waitUntil(60 * time.Second)
		h.must("Almost done", "0:10", "Check your skin: take the ice off if it burns")
		h.mustNot("Halfway", "Second half")
		h.waitUntil(70*time.Second - frame)
		h.must("0:01", "Almost done")
		if d, _ := n.counts(); d != 0 {
			t.Error("notified before the end")
		}
		h.waitUntil(70 * time.Second)
		h.must("Time is up: take the ice off", "Ice: 1:00 on.", "Press any key.")
		if n := strings.Count(h.screen(), "Time is up"); n != 1 {
			t.Errorf("the end says \"Time is up\" %d times:\n%s", n, h.screen())
		}
		if h.bells != 2 {
			t.Errorf("%d bells at the end, want 2", h.bells)
		}
		if d, term := n.counts(); d != 1 || term != 1 {
			t.Errorf("notifications: %d desktop, %d terminal; want 1 and 1", d, term)
		}
		runs := h.journal.Runs()
		if len(runs) != 1 {
			t.Fatalf("%d runs recorded", len(runs))
		}
		r := runs[0]
		if r.Kind != routines.KindIce || r.Outcome != routines.Completed || r.Ended.Sub(r.Started) != 70*time.Second || r.Finishes != 1 {
			t.Errorf("recorded %+v; want ice, completed, 70 s", r)
		}
		h.wait(time.Hour) // the end stays until a key: the person may be in another room
		h.must("Time is up:")
		h.press("x")
		if len(h.app.Pages()) != 0 {
			t.Errorf("a key on the end left %v open", h.app.Pages())
		}
		if got := h.app.Runs(); len(got) != 1 || got[0].Headline() != "Ice: 1:00 on." {
			t.Errorf("closing summary %+v", got)
		}
	})
}

// Pause holds the countdown: the halfway reminder comes as late as the
// pause was long. Enter puts the pack on before the get-ready is over; !
// shows the safety rules over the countdown without stopping it; q stops
// it, recorded as stopped with how long it was on.
func TestCarePauseSafetyStop(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		n := &notices{}
		h := careApp(t, routines.KindHeat, 2*time.Minute, 20*time.Second, n)
		h.must("Heat · 2 minutes", "never sleep on a heating pad")
		h.waitUntil(5 * time.Second)
		h.press("enter") // it's on: the countdown starts now
		h.must("2:00", "Put the heat on now")
		h.waitUntil(35 * time.Second)
		h.must("1:30")
		h.press("space")
		// The time on stops, so the pack comes off: the words say so, and
		// "put it on now" is gone.
		h.must("Paused: take the heat off now. Space when it is back on")
		h.mustNot("Put the heat on now")
		h.waitUntil(95 * time.Second)
		h.must("1:30")
		h.press("space")
		h.waitUntil(125*time.Second - frame) // 5 + 60 on + 60 paused
		h.mustNot("Halfway")
		h.press("!")
		h.must("Ice and heat, safely", "Never sleep on a heating pad", "Stop at once if the skin burns")
		h.waitUntil(125 * time.Second)
		if h.bells != 1 {
			t.Errorf("%d bells at halfway behind the safety page, want 1", h.bells)
		}
		h.press("enter") // back to the countdown
		h.must("Halfway", "1:00", "take the heat off if it burns")
		h.waitUntil(140 * time.Second)
		h.press("q")
		h.must("Stopped.", "Heat stopped after 1:15 on.")
		r := h.journal.Runs()[0]
		if r.Kind != routines.KindHeat || r.Outcome != routines.Stopped || r.Ended.Sub(r.Started) != 140*time.Second {
			t.Errorf("recorded %+v; want heat, stopped at 140 s", r)
		}
		if d, _ := n.counts(); d != 0 {
			t.Error("a stopped application notified that the time was up")
		}
	})
}

// From home, c opens the plan for now: with no episode on record it asks
// once when the spasm started, keeps the answer, and says what the
// sources suggest; Enter starts it; after it the plan says when the next
// one is due; w shows which source says what.
func TestCarePlanFromHome(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		p := &fakePlanner{}
		n := &notices{}
		notify, term := n.deps()
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Care: CareDeps{Planner: p, Notify: notify, Terminal: term,
			Config: CareConfig{Options: &coach.CareOptions{Ready: time.Second}}}}})
		h.must("c  Ice or heat")
		h.press("c")
		h.must(routines.OnsetQuestion, "today", "yesterday", "2 days ago or more")
		h.press("y")
		if len(p.recorded) != 1 || !p.recorded[0].Day {
			t.Fatalf("episodes recorded: %+v", p.recorded)
		}
		h.must("The spasm began yesterday.", "The first 2 days: ice, until tomorrow 00:00", "Ice is due now.", "Enter: start ice now (15 minutes)")
		h.press("w")
		h.must("What each article says about cold and heat:", "003", "Where they differ:")
		h.press("w") // any key back
		h.press("enter")
		h.must("Ice · 15 minutes", "Get ready")
		h.mustNot("This is early")
		h.waitUntil(6 * time.Minute)
		h.press("q")
		h.must("Stopped.", "Ice stopped after")
		h.must("Ice 1 today, next from 02:00") // started at 00:00, 2 hours apart
		h.press("x")
		h.must("Next ice from 02:00 (the last began at 00:00).")
		h.press("i")
		h.must("This is early: the sources suggest the next ice from 02:00", "Starting anyway is fine.")
		h.press("q", "x", "q")
		if got := h.app.Pages(); len(got) != 1 || got[0] != PageHome {
			t.Errorf("pages %v, want home", got)
		}
		runs := h.journal.Runs()
		if len(runs) != 2 || runs[0].Kind != routines.KindIce || runs[1].Kind != routines.KindIce {
			t.Errorf("runs %+v; want two of ice", runs)
		}
	})
}

// Without a history the plan assumes the first 48 hours, says so, and
// asks nothing.
func TestCarePlanWithoutHistory(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageCare})
		h.must("No start of this spasm on record: assuming it is within the first 48", "Ice is due now.")
		h.mustNot(routines.OnsetQuestion)
		h.press("q")
		if len(h.app.Pages()) != 0 {
			t.Errorf("q on the plan left %v open", h.app.Pages())
		}
	})
}

// The home screen shows the plan for ice and heat in a few words.
func TestHomeShowsCare(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageHome, deps: Deps{Today: fixedToday{Care: "ice 2 today, next from 14:30"}}})
		h.must("Ice 2 today, next from 14:30")
	})
}

func TestCareClock(t *testing.T) {
	for d, want := range map[time.Duration]string{
		15 * time.Minute: "15:00", 15*time.Minute - time.Millisecond: "15:00", 14*time.Minute + 59*time.Second: "14:59",
		time.Millisecond: "0:01", 0: "0:00",
	} {
		if got := careClock(d); got != want {
			t.Errorf("careClock(%v) = %q, want %q", d, got, want)
		}
	}
	if s := careSpoken(150 * time.Second); !strings.Contains(s, "2 minutes 30 seconds") {
		t.Errorf("careSpoken: %q", s)
	}
}

// The review gives ice and heat a row of their own; the calendar of
// stretching and breathing is the history's day counts, which leave them
// out (routines/history tests that).
func TestReviewCountsIceAndHeatApart(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		ov.Totals.Ice, ov.Totals.Heat = 3, 1
		h := newReviewApp(t, 120, 200, "dark", &fakeHistory{ov: ov})
		h.must("6 stretch sessions · 2 breathing runs · 64 breaths", "Ice and heat: 3 ice packs · 1 heat pack")
		h2 := newReviewApp(t, 120, 200, "dark", fixtureOverview)
		h2.mustNot("Ice and heat:")
	})
}

// The heading of a whole 15 minutes says "Halfway" for the minute after
// the middle, "Second half" on, and "Almost done" in the last minute.
func TestCareHeadingFollowsTheApplication(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := careApp(t, routines.KindHeat, 15*time.Minute, 0, &notices{})
		for _, c := range []struct {
			at   time.Duration
			want string
			not  []string
		}{
			{time.Minute, "On", []string{"Halfway", "Second half", "Almost done"}},
			{7*time.Minute + 30*time.Second, "Halfway", []string{"Second half", "Almost done"}},
			{8*time.Minute + 29*time.Second, "Halfway", []string{"Second half", "Almost done"}},
			{8*time.Minute + 30*time.Second, "Second half", []string{"Halfway", "Almost done"}},
			{13*time.Minute + 59*time.Second, "Second half", []string{"Halfway", "Almost done"}},
			{14 * time.Minute, "Almost done", []string{"Halfway", "Second half"}},
		} {
			h.waitUntil(c.at)
			h.must(c.want)
			h.mustNot(c.not...)
		}
	})
}

// w on the plan at 80x24 shows the whole of what `care --sources` says:
// taller than the window, it scrolls on the keymap's scroll keys (the
// safety rules at its end come into view), each entry hangs (its first
// line less indented than those it wraps onto), and another key goes
// back to the plan.
func TestCareSourcesScrollAndHang(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageCare, w: 80, h: 24})
		h.must("Ice and heat: the plan for now")
		h.press("w")
		h.must("What each article says about cold and heat:", "↑↓ more · 0%", "scroll")
		h.mustNot("Every source, with what unknot takes from it")
		var first, next int
		for l := range strings.SplitSeq(h.screen(), "\n") {
			if strings.Contains(l, "001 (Lower Back Spasms)") {
				first = len(l) - len(strings.TrimLeft(l, " "))
			}
			if strings.Contains(l, "2 days after the injury") {
				next = len(l) - len(strings.TrimLeft(l, " "))
			}
		}
		if first == 0 || next != first+2 {
			t.Errorf("001's first line indented %d, the next %d; want a hanging indent, the next 2 more:\n%s", first, next, h.screen())
		}
		h.press("pgdown")
		h.press("down", "down", "down", "down", "down", "down")
		h.must("Safety:", "Stop at once if the skin burns", "Every source, with what unknot takes from it: unknot sources", "100%")
		h.press("home")
		h.must("↑↓ more · 0%")
		h.press("x")
		h.must("Ice and heat: the plan for now")
		h.mustNot("Where they differ:")
	})
}
