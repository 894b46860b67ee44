package tui

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
)

// keyStep is one moment of a key-sequence test: the clock moves to at (from
// the start), wake-ups due by then are delivered, then key is pressed.
type keyStep struct {
	at  time.Duration
	key string // "" only moves the clock
}

// The session's keys as a table of sequences, asserting on the coach. The
// plan of tinyRoutine: Ready 0-8 s, left rep 1 8-10, rest 10-11, left rep 2
// 11-13, switch 13-18, right rep 1 18-20, rest 20-21, right rep 2 21-23.
func TestSessionKeys(t *testing.T) {
	cases := []struct {
		name  string
		steps []keyStep
		check time.Duration // read the state at this instant
		kind  coach.Kind
		rep   int
		side  routines.Side
		left  time.Duration // SegmentLeft
		pause bool
		stop  coach.StopReason
		stage stage
		quit  bool
	}{
		{name: "runs on its own", check: 9 * time.Second,
			kind: coach.Stretch, rep: 1, side: routines.Left, left: time.Second, stage: stageRun},
		{name: "pause freezes the hold", steps: []keyStep{{9 * time.Second, "space"}}, check: time.Minute,
			kind: coach.Stretch, rep: 1, side: routines.Left, left: time.Second, pause: true, stage: stageRun},
		{name: "resume goes on from there", steps: []keyStep{{9 * time.Second, "space"}, {60 * time.Second, "space"}},
			check: 60*time.Second + 1500*time.Millisecond,
			kind:  coach.Rest, rep: 2, side: routines.Left, left: 500 * time.Millisecond, stage: stageRun},
		{name: "next skips the get ready", steps: []keyStep{{2 * time.Second, "n"}}, check: 2 * time.Second,
			kind: coach.Stretch, rep: 1, side: routines.Left, left: 2 * time.Second, stage: stageRun},
		{name: "right arrow twice reaches the rest", steps: []keyStep{{2 * time.Second, "right"}, {2 * time.Second, "right"}},
			check: 2 * time.Second, kind: coach.Rest, rep: 2, side: routines.Left, left: time.Second, stage: stageRun},
		{name: "back early goes to the segment before", steps: []keyStep{{12 * time.Second, "b"}}, check: 12 * time.Second,
			kind: coach.Rest, rep: 2, side: routines.Left, left: time.Second, stage: stageRun},
		{name: "back late restarts the switch", steps: []keyStep{{16 * time.Second, "left"}},
			check: 16 * time.Second, kind: coach.Switch, rep: 1, side: routines.Right, left: 5 * time.Second, stage: stageRun},
		{name: "skip while paused stays paused", steps: []keyStep{{9 * time.Second, "space"}, {10 * time.Second, "n"}},
			check: time.Minute, kind: coach.Rest, rep: 2, side: routines.Left, left: time.Second, pause: true, stage: stageRun},
		{name: "it hurts stops for pain", steps: []keyStep{{9 * time.Second, "x"}}, check: time.Minute,
			kind: coach.Stretch, rep: 1, side: routines.Left, left: time.Second, stop: coach.Pain, stage: stageEnd},
		{name: "quit stops and leaves", steps: []keyStep{{9 * time.Second, "q"}}, check: time.Minute,
			kind: coach.Stretch, rep: 1, side: routines.Left, left: time.Second, stop: coach.Quit, stage: stageEnd, quit: true},
		{name: "keys after the end change nothing", steps: []keyStep{{9 * time.Second, "x"}, {10 * time.Second, "space"}, {11 * time.Second, "n"}},
			check: time.Minute, kind: coach.Stretch, rep: 1, side: routines.Left, left: time.Second, stop: coach.Pain, stage: stageEnd},
		{name: "it runs to the end", check: time.Minute, kind: coach.Stretch, rep: 2, side: routines.Right, left: 0, stage: stageEnd},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clk := newSessClock()
			m := newSession(t, clk, 80, 24, "dark", tinyRoutine())
			for _, s := range c.steps {
				clk.Set(s.at)
				m.Update(sessionWakeMsg{gen: m.gen})
				if s.key != "" {
					sessPress(m, s.key)
				}
			}
			clk.Set(c.check)
			m.Update(sessionWakeMsg{gen: m.gen})
			st := m.Coach().At(clk.Now())
			seg := st.Segment
			if seg.Kind != c.kind || seg.Rep != c.rep || seg.Side != c.side || st.SegmentLeft != c.left {
				t.Errorf("at %v: %v rep %d %q, %v left; want %v rep %d %q, %v left",
					c.check, seg.Kind, seg.Rep, seg.Side, st.SegmentLeft, c.kind, c.rep, c.side, c.left)
			}
			if st.Paused != c.pause || m.Coach().Reason() != c.stop {
				t.Errorf("paused %v, stopped %v; want %v, %v", st.Paused, m.Coach().Reason(), c.pause, c.stop)
			}
			if m.stage != c.stage || m.quitting != c.quit {
				t.Errorf("stage %v, quitting %v; want %v, %v", m.stage, m.quitting, c.stage, c.quit)
			}
		})
	}
}

// A wake-up set before a pause is stale: it must not move anything.
func TestSessionStaleWake(t *testing.T) {
	clk := newSessClock()
	m := newSession(t, clk, 80, 24, "dark", tinyRoutine())
	clk.Set(9 * time.Second)
	m.Update(sessionWakeMsg{gen: m.gen})
	old := m.gen
	sessPress(m, "space")
	n := len(m.Log())
	clk.Set(20 * time.Second)
	m.Update(sessionWakeMsg{gen: old})
	if len(m.Log()) != n {
		t.Fatalf("a stale wake-up logged %v", m.Log()[n:])
	}
	if m.gen == old {
		t.Fatal("pausing did not start a new generation")
	}
}

// The session shows Paused, and the hold's countdown does not move.
func TestSessionPausedView(t *testing.T) {
	clk := newSessClock()
	m := newSession(t, clk, 80, 24, "dark", builtin2(t))
	clk.Set(9 * time.Second)
	m.Update(sessionWakeMsg{gen: m.gen})
	sessPress(m, "space")
	before := m.View().Content
	clk.Set(5 * time.Minute)
	after := m.View().Content
	if before != after {
		t.Fatalf("the paused screen changed:\n%s\n---\n%s", stripANSI(before), stripANSI(after))
	}
	if !contains(stripANSI(after), "Paused") {
		t.Fatalf("no Paused in\n%s", stripANSI(after))
	}
}

func builtin2(t *testing.T) routines.Routine { return sessBuiltin(t, "arm-raise") }
