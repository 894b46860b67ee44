package tui

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// Breathing opened and closed at once is recorded as stopped with nothing
// done, not completed.
func TestBreatheQuitAtOnceIsStopped(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, false)
		h.wait(time.Second)
		h.press("q")
		h.must("Stopped.", "0 breaths · 0:01")
		runs := h.journal.Runs()
		if len(runs) != 1 || runs[0].Outcome != routines.Stopped || runs[0].Breaths != 0 {
			t.Fatalf("recorded %+v; want one breathing run, stopped, 0 breaths", runs)
		}
	})
}

// The review says how many runs with nothing done it leaves out.
func TestReviewSaysHowManyEmptyRunsAreHidden(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		ov.Sessions, ov.Empty = len(ov.Recent), 31
		h := newHarness(t, appOpts{first: PageReview, h: 60, w: 120, deps: Deps{Review: &fakeHistory{ov: ov}},
			opt: Options{Theme: "dark", Now: func() time.Time { return reviewNow }}})
		h.must("31 runs with nothing done are not listed (history --all lists them).")
		ov.Empty = 0
		h = newHarness(t, appOpts{first: PageReview, h: 60, w: 120, deps: Deps{Review: &fakeHistory{ov: ov}},
			opt: Options{Theme: "dark", Now: func() time.Time { return reviewNow }}})
		h.mustNot("nothing done")
	})
}

// A history of runs with nothing done only says so on the review too, as
// `unknot history` does.
func TestReviewOfEmptyRunsOnlySaysSo(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := record.Overview{Today: record.DayOf(reviewNow), Empty: 1}
		h := newReviewApp(t, 80, 24, "dark", &fakeHistory{ov: ov})
		h.must("No sessions yet with anything done.", "1 run with nothing done is not listed (history --all lists it).")
		h.mustNot("Nothing is recorded yet")
	})
}
