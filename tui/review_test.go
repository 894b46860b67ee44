package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/unknot/unknot/routines/history"
)

// reviewNow is the fixed "now" of the review fixtures: Saturday 21 Nov 2026.
var reviewNow = time.Date(2026, 11, 21, 18, 30, 0, 0, time.UTC)

func ip(v int) *int { return &v }

// reviewFixture is a history of a few weeks, built by hand.
func reviewFixture() history.Overview {
	today := history.DayOf(reviewNow)
	end := func(t time.Time, d time.Duration) *time.Time { e := t.Add(d); return &e }
	at := func(daysAgo, hour int) time.Time {
		return time.Date(2026, 11, 21-daysAgo, hour, 15, 0, 0, time.UTC)
	}
	recent := []history.Session{
		{ID: 9, Kind: history.KindSession, StartedAt: at(0, 9), EndedAt: end(at(0, 9), 16*time.Minute+46*time.Second),
			Status: history.Completed, PainBefore: ip(5), PainAfter: ip(3),
			Exercises: []history.Exercise{{Routine: "knee-to-chest", Side: "left", RepsDone: 10, RepsPlanned: 10}, {Routine: "knee-to-chest", Side: "right", RepsDone: 10, RepsPlanned: 10}}},
		{ID: 8, Kind: history.KindBreathe, StartedAt: at(1, 22), EndedAt: end(at(1, 22), 3*time.Minute), Status: history.Stopped, Breaths: 20, PainAfter: ip(4)},
		{ID: 7, Kind: history.KindSession, StartedAt: at(2, 8), EndedAt: end(at(2, 8), 70*time.Second), Status: history.Pain, PainBefore: ip(6),
			Exercises: []history.Exercise{{Routine: "seated-twist", Side: "left", RepsDone: 1, RepsPlanned: 3}}},
		{ID: 6, Kind: history.KindSession, StartedAt: at(4, 8), Status: history.Interrupted,
			Exercises: []history.Exercise{{Routine: "arm-raise", RepsDone: 4, RepsPlanned: 10}}},
	}
	return history.Overview{
		Today: today,
		Days: []history.DayCount{
			{Day: today, Sessions: 1}, {Day: today.Add(-1), Sessions: 1}, {Day: today.Add(-2), Sessions: 1},
			{Day: today.Add(-4), Sessions: 2}, {Day: today.Add(-10), Sessions: 3}, {Day: today.Add(-40), Sessions: 1},
		},
		Streak: history.Streak{Current: 3, Longest: 7, Last: today},
		Totals: history.Totals{
			Exercises: []history.Total{
				{Routine: "knee-to-chest", Side: "left", Reps: 40, Sessions: 4},
				{Routine: "knee-to-chest", Side: "right", Reps: 38, Sessions: 4},
				{Routine: "arm-raise", Reps: 24, Sessions: 3},
				{Routine: "seated-twist", Side: "left", Reps: 7, Sessions: 3},
			},
			Sessions: 6, BreatheSessions: 2, Breaths: 64,
		},
		Pain: history.PainTrend{Pairs: 4, AvgBefore: 5.5, AvgAfter: 3.75, Weeks: []history.WeekPain{
			{Week: today.Add(-26).Week(), Before: 7, After: 5, NBefore: 2, NAfter: 2},
			{Week: today.Add(-19).Week(), Before: 6, NBefore: 1},
			{Week: today.Add(-12).Week(), Before: 5.5, After: 3.5, NBefore: 2, NAfter: 2},
			{Week: today.Week(), Before: 5, After: 3, NBefore: 1, NAfter: 1},
		}},
		Recent:      recent,
		Flags:       history.RedFlags{PainStops: []history.PainStop{{Routine: "seated-twist", Count: 3, Last: today.Add(-2)}}},
		TodayCounts: map[string]int{"knee-to-chest": 1},
		Sessions:    8,
	}
}

// newReview makes a loaded review screen of w×h over ov.
func newReview(t *testing.T, w, h int, theme string, ov history.Overview, err error) *Review {
	t.Helper()
	ctx := NewContext(Options{Theme: theme, Now: func() time.Time { return reviewNow }})
	ctx.Width, ctx.Height = w, h
	m := NewReview(ctx, func(time.Time) (history.Overview, error) { return ov, err })
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	// Init's first command reads the history; run it as the program would.
	if m.Init() == nil {
		t.Fatal("Init starts no load")
	}
	load := m.load
	got, lerr := load(reviewNow)
	m.Update(reviewLoaded{got, lerr})
	return m
}

func TestReviewGolden(t *testing.T) {
	for _, c := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		name := "review_" + itoa(c.w) + "x" + itoa(c.h)
		m := newReview(t, c.w, c.h, "dark", reviewFixture(), nil)
		sessGolden(t, name+".txt", stripANSI(m.Render()))
		sessGolden(t, name+"_dark.golden", pin256(m.Render()))
		light := newReview(t, c.w, c.h, "light", reviewFixture(), nil)
		sessGolden(t, name+"_light.golden", pin256(light.Render()))
	}
}

func TestReviewShowsWhatTheHistorySays(t *testing.T) {
	m := newReview(t, 120, 200, "dark", reviewFixture(), nil)
	page := stripANSI(m.Render())
	for _, want := range []string{
		"Looking back", "Sat 21 Nov 2026",
		"Streak 3 days · longest 7 days",
		"6 stretch sessions · 2 breathing sessions · 64 breaths",
		"knee-to-chest (left)", "40 reps",
		"Before 5.5 → after 3.8: 1.8 points lower after a session, on average (4 sessions with both check-ins).",
		"seated-twist was stopped for pain 3 times lately", "unknot safety",
		"Sat 21 Nov 09:15", "pain 5→3", "breathing", "20 breaths", "interrupted",
		"… and 4 older",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("review lacks %q:\n%s", want, page)
		}
	}
}

func TestReviewEmptyAndError(t *testing.T) {
	empty := stripANSI(newReview(t, 80, 24, "dark", history.Overview{Today: history.DayOf(reviewNow)}, nil).Render())
	if !strings.Contains(empty, "Nothing is recorded yet") || strings.Contains(empty, "Streak") {
		t.Errorf("empty history view:\n%s", empty)
	}
	broken := stripANSI(newReview(t, 80, 24, "dark", history.Overview{}, errors.New("history.db is not a database")).Render())
	if !strings.Contains(broken, "could not be read: history.db is not a database") {
		t.Errorf("error view:\n%s", broken)
	}
}

func TestReviewScrollsAndQuits(t *testing.T) {
	m := newReview(t, 80, 24, "dark", reviewFixture(), nil)
	first := stripANSI(m.Render())
	m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	paged := stripANSI(m.Render())
	if paged == first || !strings.Contains(paged, "Sessions, newest first") {
		t.Errorf("page down did not bring the sessions into view:\n%s", paged)
	}
	m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if got := stripANSI(m.Render()); got != first {
		t.Errorf("g did not go back to the top")
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil || !m.quit {
		t.Fatal("q does not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q's command is not tea.Quit")
	}
}

func TestReviewTooSmallRecovers(t *testing.T) {
	m := newReview(t, 30, 8, "dark", reviewFixture(), nil)
	if got := stripANSI(m.Render()); !strings.Contains(got, "window too small (need 40×10)") {
		t.Errorf("tiny window:\n%s", got)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if got := stripANSI(m.Render()); !strings.Contains(got, "Looking back") {
		t.Errorf("after enlarging:\n%s", got)
	}
}
