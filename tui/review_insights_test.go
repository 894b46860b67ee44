package tui

import (
	"strings"
	"testing"

	"github.com/unknot/unknot/routines/record"
)

// TestReviewShowsWhatSeemsToHelp: the observations with their counts, the
// groups held back named, and the line that it is not medical advice.
func TestReviewShowsWhatSeemsToHelp(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		ov.Insights = record.Insights{Minimum: 5, Pairs: 14,
			Observations: []record.Observation{
				{Group: record.ByRoutine, Label: "lying-twist", Sessions: 12, Change: -1.8, Before: 5, After: 3.2},
				{Group: record.ByTime, Label: record.Evening, Sessions: 6, BreathingRuns: 6, Change: 0.5, Before: 4, After: 4.5},
			},
			Held: []record.Held{{Group: record.ByCare, Label: "ice", Sessions: 4}}}
		h := newReviewApp(t, 120, 200, "dark", &fakeHistory{ov: ov})
		h.must("What seems to help you",
			"Sessions with “lying-twist”: your pain was 1.8 lower at the end than at the start, on average (12 sessions).",
			"In the evening (17:00 to 22:00): your pain was 0.5 higher at the end than at the start", "(6", "breathing runs).",
			"(each needs 5): after ice (4).",
			"not medical advice")
		h.mustNot("after ice: your pain", "Sessions in the evening")
	})
}

// TestReviewInsightsBelowTheMinimum: with check-ins but no group of five,
// the review says there is not enough yet, and claims nothing.
func TestReviewInsightsBelowTheMinimum(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		ov.Insights = record.Insights{Minimum: 5, Pairs: 4,
			Held: []record.Held{{Group: record.ByRoutine, Label: "knee-to-chest", Sessions: 4}}}
		h := newReviewApp(t, 120, 200, "dark", &fakeHistory{ov: ov})
		h.must("What seems to help you", "Too few sessions with both check-ins to say anything yet (each needs 5)",
			"knee-to-chest (4)")
		h.mustNot("your pain was")
		if n := strings.Count(h.screen(), "needs 5"); n != 1 {
			t.Errorf("the minimum is said %d times, want once:\n%s", n, h.screen())
		}
	})
}

// TestReviewInsightsByPattern: breathing runs are observed by the pattern
// they paced; a pattern below the minimum, and the runs from before the
// pattern was recorded, are named as held back, never claimed.
func TestReviewInsightsByPattern(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		ov.Insights = record.Insights{Minimum: 5, Pairs: 12,
			Observations: []record.Observation{
				{Group: record.ByBreathing, Label: "5-1-3", Sessions: 6, Change: -1.2, Before: 5, After: 3.8},
			},
			Held: []record.Held{{Group: record.ByBreathing, Label: "4-7-8", Sessions: 2},
				{Group: record.ByBreathing, Label: record.PatternNotRecorded, Sessions: 4}}}
		h := newReviewApp(t, 120, 200, "dark", &fakeHistory{ov: ov})
		h.must("Breathing runs of 5-1-3: your pain was 1.2 lower at the end than at the start, on average (6 runs).",
			"breathing 4-7-8 (2); breathing, pattern not", "recorded (4).")
		h.mustNot("4-7-8: your pain", "not recorded: your pain")
	})
}
