package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines/record"
)

// calendarColumns is how many weeks the calendar on screen shows: the
// cells of its Monday row.
func calendarColumns(t *testing.T, screen string) int {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "Mon ") {
			return len(strings.Fields(l)) - 1
		}
	}
	t.Fatalf("no calendar:\n%s", screen)
	return 0
}

// The calendar reaches back to the week of the first session, or 12 weeks,
// whichever is shorter: a new history is not a page of empty months.
func TestReviewCalendarFromTheFirstSession(t *testing.T) {
	for _, c := range []struct {
		firstDaysAgo, weeks int
	}{{0, 1}, {5, 1}, {6, 2}, {20, 4}, {40, 6}, {80, 12}, {170, 12}} {
		inBubble(t, func(t *testing.T) {
			ov := reviewFixture()
			ov.Days = append(ov.Days, record.DayCount{Day: ov.Today.Add(-c.firstDaysAgo), Sessions: 1})
			ov.Days = ov.Days[len(ov.Days)-1:] // the only day: today minus firstDaysAgo
			h := newReviewApp(t, 80, 24, "dark", &fakeHistory{ov: ov})
			if got := calendarColumns(t, h.screen()); got != c.weeks {
				t.Errorf("first session %d days before Sat 21 Nov: %d weeks shown, want %d:\n%s", c.firstDaysAgo, got, c.weeks, h.screen())
			}
		})
	}
}

// At 80 columns nothing of the page is cut: the pain line wraps, whole.
func TestReviewFitsEightyColumns(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newReviewApp(t, 80, 200, "dark", fixtureOverview)
		s := h.screen()
		for i, l := range strings.Split(s, "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("line %d is %d cells wide: %q", i, w, l)
			}
		}
		if flat := strings.Join(strings.Fields(s), " "); !strings.Contains(flat, "on average (4 runs with both check-ins: 3 stretch sessions, 1 breathing run).") {
			t.Errorf("the pain line is not whole:\n%s", s)
		}
	})
}

// The weekly rows before and after carry their means, and look different
// when the means differ, even by less than a block of a 0-10 scale
// (4.9 and 4.3 drew the same blocks on that scale).
func TestReviewWeeklyPainShowsTheDifference(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		ov.Pain.Weeks = []record.WeekPain{
			{Week: ov.Today.Add(-14).Week(), Before: 4.9, After: 4.3, NBefore: 2, NAfter: 2},
			{Week: ov.Today.Add(-7).Week(), Before: 4.9, After: 4.3, NBefore: 1, NAfter: 1},
			{Week: ov.Today.Week(), Before: 4.9, After: 4.3, NBefore: 1, NAfter: 1},
		}
		h := newReviewApp(t, 80, 200, "dark", &fakeHistory{ov: ov})
		var before, after string
		for _, l := range strings.Split(h.screen(), "\n") {
			switch f := strings.Fields(l); {
			case len(f) > 0 && f[0] == "before":
				before = l
			case len(f) > 0 && f[0] == "after":
				after = l
			}
		}
		if !strings.Contains(before, "mean 4.9") || !strings.Contains(after, "mean 4.3") {
			t.Errorf("the rows carry no means:\n%s\n%s", before, after)
		}
		// The heading names the bars' range, not values as if recorded:
		// 4.3 to 4.9 draws from 4 to 5.
		if !strings.Contains(h.screen(), "(bars drawn from 4 to 5):") {
			t.Errorf("the heading does not say what the bars are drawn from:\n%s", h.screen())
		}
		blocks := func(l string) string { return strings.Fields(l)[1] }
		if before == "" || after == "" || blocks(before) == blocks(after) {
			t.Errorf("before and after look the same:\n%s\n%s", before, after)
		}
	})
}

// The month just begun is named over this week, even when it began after
// the week's Monday (Thursday 3 Dec 2026: the week of Monday 30 Nov).
func TestHeatMapNamesTheCurrentMonth(t *testing.T) {
	s := NewStyles(true)
	for _, today := range []time.Time{
		time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC),
		time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC),
	} {
		for _, weeks := range []int{1, 2, 12} {
			out := stripANSI(HeatMap(s, func(string) int { return 0 }, today, 60, weeks))
			months := strings.Split(out, "\n")[0]
			if !strings.Contains(months, today.Format("Jan")) {
				t.Errorf("%s, %d weeks: no %s over the calendar: %q", today.Format(time.DateOnly), weeks, today.Format("Jan"), months)
			}
		}
	}
}
