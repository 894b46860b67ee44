package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// reviewNow is the fixed "now" of the review fixtures: Saturday 21 Nov 2026.
var reviewNow = time.Date(2026, 11, 21, 18, 30, 0, 0, time.UTC)

func ip(v int) *int { return &v }

// fakeHistory is a HistoryReader over an overview and the whole list of
// sessions behind it, newest first.
type fakeHistory struct {
	ov    record.Overview
	all   []record.Session
	err   error
	pages int // pages of older sessions read
}

func (f *fakeHistory) Overview(time.Time) (record.Overview, error) { return f.ov, f.err }

func (f *fakeHistory) Sessions(off, n int) ([]record.Session, error) {
	f.pages++
	if off >= len(f.all) {
		return nil, nil
	}
	return f.all[off:min(off+n, len(f.all))], nil
}

// fixtureOverview is the review fixture as a history.
var fixtureOverview = &fakeHistory{ov: reviewFixture()}

// reviewFixture is a history of a few weeks, built by hand.
func reviewFixture() record.Overview {
	today := record.DayOf(reviewNow)
	end := func(t time.Time, d time.Duration) *time.Time { e := t.Add(d); return &e }
	at := func(daysAgo, hour int) time.Time {
		return time.Date(2026, 11, 21-daysAgo, hour, 15, 0, 0, time.UTC)
	}
	recent := []record.Session{
		{ID: 9, Kind: routines.KindSession, StartedAt: at(0, 9), EndedAt: end(at(0, 9), 16*time.Minute+46*time.Second),
			Status: routines.Completed, PainBefore: ip(5), PainAfter: ip(3),
			Exercises: []routines.Exercise{{Routine: "knee-to-chest", Side: "left", RepsDone: 10, RepsPlanned: 10}, {Routine: "knee-to-chest", Side: "right", RepsDone: 10, RepsPlanned: 10}}},
		{ID: 8, Kind: routines.KindBreathe, StartedAt: at(1, 22), EndedAt: end(at(1, 22), 3*time.Minute), Status: routines.Stopped, Breaths: 20, PainAfter: ip(4)},
		{ID: 7, Kind: routines.KindSession, StartedAt: at(2, 8), EndedAt: end(at(2, 8), 70*time.Second), Status: routines.Pain, PainBefore: ip(6),
			Exercises: []routines.Exercise{{Routine: "seated-twist", Side: "left", RepsDone: 1, RepsPlanned: 3}}},
		{ID: 6, Kind: routines.KindSession, StartedAt: at(4, 8), Status: routines.Interrupted,
			Exercises: []routines.Exercise{{Routine: "arm-raise", RepsDone: 4, RepsPlanned: 10}}},
		{ID: 5, Kind: routines.KindIce, StartedAt: at(5, 10), EndedAt: end(at(5, 10), 15*time.Minute+20*time.Second), Status: routines.Completed},
		{ID: 4, Kind: routines.KindIce, StartedAt: at(5, 9), EndedAt: end(at(5, 9), 6*time.Second), Status: routines.Stopped},
	}
	return record.Overview{
		Today: today,
		Days: []record.DayCount{
			{Day: today, Sessions: 1}, {Day: today.Add(-1), Sessions: 1}, {Day: today.Add(-2), Sessions: 1},
			{Day: today.Add(-4), Sessions: 2}, {Day: today.Add(-10), Sessions: 3}, {Day: today.Add(-40), Sessions: 1},
		},
		Streak: record.Streak{Current: 3, Longest: 7, Last: today},
		Totals: record.Totals{
			Exercises: []record.Total{
				{Routine: "knee-to-chest", Side: "left", Reps: 40, Sessions: 4},
				{Routine: "knee-to-chest", Side: "right", Reps: 38, Sessions: 4},
				{Routine: "arm-raise", Reps: 24, Sessions: 3},
				{Routine: "seated-twist", Side: "left", Reps: 7, Sessions: 3},
			},
			Sessions: 6, BreatheSessions: 2, Breaths: 64,
		},
		Pain: record.PainTrend{Pairs: 4, ByKind: record.PairCounts{Stretch: 3, Breathe: 1}, AvgBefore: 5.5, AvgAfter: 3.75, Weeks: []record.WeekPain{
			{Week: today.Add(-26).Week(), Before: 7, After: 5, NBefore: 2, NAfter: 2},
			{Week: today.Add(-19).Week(), Before: 6, NBefore: 1},
			{Week: today.Add(-12).Week(), Before: 5.5, After: 3.5, NBefore: 2, NAfter: 2},
			{Week: today.Week(), Before: 5, After: 3, NBefore: 1, NAfter: 1},
		}},
		Recent:      recent,
		Flags:       record.RedFlags{PainStops: []record.PainStop{{Routine: "seated-twist", Count: 3, Last: today.Add(-2)}}},
		TodayCounts: map[string]int{"knee-to-chest": 1},
		Sessions:    8,
	}
}

// newReviewApp opens `unknot history` over load at w×h.
func newReviewApp(t *testing.T, w, h int, theme string, load HistoryReader) *harness {
	t.Helper()
	return newHarness(t, appOpts{first: PageReview, w: w, h: h, deps: Deps{Review: load},
		opt: Options{Theme: theme, Now: func() time.Time { return reviewNow }}})
}

func TestReviewGolden(t *testing.T) {
	for _, c := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		for _, theme := range []string{"dark", "light"} {
			name := "review_" + itoa(c.w) + "x" + itoa(c.h) + "_" + theme
			t.Run(name, func(t *testing.T) {
				inBubble(t, func(t *testing.T) {
					h := newReviewApp(t, c.w, c.h, theme, fixtureOverview)
					golden(t, name+".golden", h.app.View().Content)
				})
			})
		}
	}
}

func TestReviewShowsWhatTheHistorySays(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newReviewApp(t, 120, 200, "dark", fixtureOverview)
		h.must("Looking back", "Sat 21 Nov 2026",
			"Streak 3 days · longest 7 days",
			"6 stretch sessions · 2 breathing runs · 64 breaths",
			"knee-to-chest (left)", "40 reps",
			"Before 5.5 → after 3.8: 1.7 points lower after a session, on average (4 runs with both check-ins: 3 stretch sessions, 1",
			"breathing run).",
			"seated-twist was stopped for pain 3 times lately", "unknot safety",
			"Sat 21 Nov 09:15", "pain 5→3", "breathing", "20 breaths", "interrupted")
	})
}

// The list writes how long each run took in words no one takes for a
// time of day, in one column, and marks the ice that does not count by
// the care plan's one rule (6 s on), not the one that does, even at 80
// columns.
func TestReviewListLengthsAndUncountedIce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newReviewApp(t, 80, 24, "dark", fixtureOverview)
		h.press("end")
		rows := map[string]string{}
		for l := range strings.SplitSeq(h.screen(), "\n") {
			for _, when := range []string{"Sat 21 Nov 09:15", "Fri 20 Nov 22:15", "Mon 16 Nov 10:15", "Mon 16 Nov 09:15"} {
				if strings.HasPrefix(l, when) {
					rows[when] = l
				}
			}
		}
		end := -1 // where the lengths' column ends
		for when, took := range map[string]string{"Sat 21 Nov 09:15": "16 min 46 s", "Fri 20 Nov 22:15": "3 min",
			"Mon 16 Nov 10:15": "15 min 20 s", "Mon 16 Nov 09:15": "6 s"} {
			i := strings.Index(rows[when], " "+took)
			if end < 0 {
				end = i + 1 + len(took)
			}
			if i < 0 || i+1+len(took) != end {
				t.Errorf("row %q does not show %q ending in the lengths' column:\n%s", when, took, h.screen())
			}
		}
		if !strings.HasSuffix(rows["Mon 16 Nov 09:15"], "6 s  not counted (under 1 min)") {
			t.Errorf("the ice on for 6 s is not marked as not counted: %q", rows["Mon 16 Nov 09:15"])
		}
		if strings.Contains(rows["Mon 16 Nov 10:15"], "counted") {
			t.Errorf("the ice that counts is marked: %q", rows["Mon 16 Nov 10:15"])
		}
		h.mustNot("16:46", "3:00")
	})
}

func TestReviewEmptyAndError(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newReviewApp(t, 80, 24, "dark", &fakeHistory{ov: record.Overview{Today: record.DayOf(reviewNow)}})
		h.must("Nothing is recorded yet")
		h.mustNot("Streak")
		b := newReviewApp(t, 80, 24, "dark", &fakeHistory{err: errors.New("history.db is not a database")})
		b.must("could not be read: history.db is not a database")
	})
}

func TestReviewScrollsAndCloses(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newReviewApp(t, 80, 24, "dark", fixtureOverview)
		first := h.screen()
		h.press("pgdown")
		if h.screen() == first || !strings.Contains(h.screen(), "Sessions, newest first") {
			t.Errorf("page down did not bring the sessions into view:\n%s", h.screen())
		}
		h.press("g")
		if h.screen() != first {
			t.Errorf("g did not go back to the top:\n%s", h.screen())
		}
		h.press("q")
		if !h.quit {
			t.Error("q did not close `unknot history`")
		}
	})
}

func TestReviewTooSmallRecovers(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newReviewApp(t, 30, 8, "dark", fixtureOverview)
		h.must("window too small (need 40×10)")
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		h.must("Looking back")
	})
}

// The list pages through every session, however many: scrolling to its
// end reads the next page.
func TestReviewPagesThroughEverySession(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		var all []record.Session
		for i := range 250 {
			at := reviewNow.Add(-time.Duration(i+1) * 7 * time.Hour)
			all = append(all, record.Session{ID: int64(1000 - i), Kind: routines.KindBreathe, StartedAt: at, Status: routines.Completed, Breaths: i + 1})
		}
		ov.Recent, ov.Sessions = all[:50], len(all)
		f := &fakeHistory{ov: ov, all: all}
		h := newReviewApp(t, 80, 24, "dark", f)
		for range 60 {
			h.press("end")
		}
		h.must("250 breaths")
		h.mustNot("older: scroll down")
		if f.pages != 2 {
			t.Errorf("read %d pages, want 2 (the overview's 50, then 100 and 100)", f.pages)
		}
	})
}

// Each session is listed at the wall-clock time where it happened, the
// day the calendar counts it for, whatever the viewer's zone.
func TestReviewListsWallClockTimes(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ny, err := time.LoadLocation("America/New_York")
		if err != nil {
			t.Skip("no time zone data on this machine:", err)
		}
		ov := reviewFixture()
		late := time.Date(2026, 11, 20, 23, 30, 0, 0, ny) // 05:30 the next day in Paris
		ov.Recent = []record.Session{{ID: 1, Kind: routines.KindBreathe, StartedAt: late, Status: routines.Completed, Breaths: 3}}
		ov.Sessions = 1
		paris, _ := time.LoadLocation("Europe/Paris")
		h := newHarness(t, appOpts{first: PageReview, h: 60, w: 120, deps: Deps{Review: &fakeHistory{ov: ov}},
			opt: Options{Now: func() time.Time { return reviewNow.In(paris) }}})
		h.must("Fri 20 Nov 23:30")
		h.mustNot("Sat 21 Nov 05:30")
	})
}

// The place shown at the foot never goes back as older sessions are read
// in (a share of what was read so far fell from 98% to 62% when the next
// page came), and reaches 100% at the end of the last.
func TestReviewPlaceNeverGoesBack(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ov := reviewFixture()
		var all []record.Session
		for i := range 250 {
			at := reviewNow.Add(-time.Duration(i+1) * 7 * time.Hour)
			all = append(all, record.Session{ID: int64(1000 - i), Kind: routines.KindBreathe, StartedAt: at, Status: routines.Completed, Breaths: i + 1})
		}
		ov.Recent, ov.Sessions = all[:50], len(all)
		f := &fakeHistory{ov: ov, all: all}
		h := newReviewApp(t, 100, 60, "dark", f)
		var seen []int
		for range 20 {
			lines := strings.Split(strings.TrimRight(h.screen(), "\n "), "\n")
			foot := strings.TrimSpace(lines[len(lines)-2]) // above the help line
			var pct int
			if _, err := fmt.Sscanf(foot, "%d%%", &pct); err != nil {
				t.Fatalf("foot %q is not a share: %v\n%s", foot, err, h.screen())
			}
			if len(seen) > 0 && pct < seen[len(seen)-1] {
				t.Fatalf("the foot went back: %v then %d%%", seen, pct)
			}
			seen = append(seen, pct)
			h.press("pgdown")
		}
		if f.pages < 2 || seen[len(seen)-1] != 100 {
			t.Errorf("read %d pages; the foot said %v: want 2 pages read and 100%% at the end", f.pages, seen)
		}
	})
}

// The review names routines as the session and the report do, by their
// titles ("Knee to chest", not "knee-to-chest"): in the totals, the stops
// for pain and what seems to help. A name no routine has any more shows
// as it was recorded.
func TestReviewNamesRoutinesByTitle(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageReview, w: 100, h: 200, deps: Deps{Review: fixtureOverview, Routines: builtins(t)},
			opt: Options{Theme: "dark", Now: func() time.Time { return reviewNow }}})
		h.must("Knee to chest (left)", "Arm raise", "Seated twist was stopped for pain")
		h.mustNot("knee-to-chest", "arm-raise")
		gone := newHarness(t, appOpts{first: PageReview, w: 100, h: 200, deps: Deps{Review: fixtureOverview, Routines: []routines.Routine{builtin(t, "arm-raise")}},
			opt: Options{Theme: "dark", Now: func() time.Time { return reviewNow }}})
		gone.must("knee-to-chest (left)", "Arm raise")
	})
}
