package history

import (
	"context"
	"github.com/unknot/unknot/routines/record"
	"testing"
	"time"
)

// Runs with nothing done (breathing opened and closed at once, ice or heat
// stopped before the pack went on) are left
// out of the review's list and count, and counted apart; the SQL filter
// and Session.Empty agree on every kind of run.
func TestEmptyRunsAreLeftOutOfTheList(t *testing.T) {
	s, _ := openTemp(t)
	fullHistory(t, s) // holds an empty breathing run and an interrupted session with nothing done
	ctx := context.Background()
	t0 := time.Date(2026, 3, 7, 8, 0, 0, 0, zone(0))
	end := func(d time.Duration) *time.Time { e := t0.Add(d); return &e }
	for i, x := range []record.Session{
		{Kind: KindSession, StartedAt: t0, EndedAt: end(time.Second), Status: Pain, Exercises: []Exercise{ex("arm-raise", "", 0, 5)}}, // a pain stop: kept
		{Kind: KindBreathe, StartedAt: t0.Add(time.Hour), EndedAt: end(time.Hour + time.Second), Status: Stopped, PainAfter: ptr(3)},  // a check-in: kept
		{Kind: KindBreathe, StartedAt: t0.Add(2 * time.Hour), EndedAt: end(2*time.Hour + time.Second), Status: Completed},             // an old "completed · 0 breaths": empty
		{Kind: KindBreathe, StartedAt: t0.Add(3 * time.Hour), Status: record.Running},
		{Kind: KindIce, StartedAt: t0.Add(4 * time.Hour), EndedAt: end(4*time.Hour + 6*time.Second), Status: Stopped, NeverOn: true}, // stopped in its get-ready: empty
		{Kind: KindHeat, StartedAt: t0.Add(5 * time.Hour), Status: Interrupted, NeverOn: true},                                       // cut off in its get-ready: empty
		{Kind: KindIce, StartedAt: t0.Add(6 * time.Hour), Status: record.Running, NeverOn: true},                                     // getting ready now: kept
	} {
		if _, err := s.save(ctx, &x, nil, 0); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
	all, err := s.Sessions(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	empty := 0
	for _, x := range all {
		if x.Empty() {
			empty++
		}
	}
	if empty != 5 {
		t.Fatalf("%d empty runs by Session.Empty, want 5", empty)
	}
	shown, _ := s.Sessions(Filter{HideEmpty: true})
	if len(shown) != len(all)-empty {
		t.Errorf("the list without empty runs has %d of %d, want %d", len(shown), len(all), len(all)-empty)
	}
	for _, x := range shown {
		if x.Empty() {
			t.Errorf("an empty run is listed: %+v", x)
		}
	}
	if n, _ := s.Count(Filter{HideEmpty: true}); n != len(shown) {
		t.Errorf("Count = %d, the list %d", n, len(shown))
	}
	page, _ := s.Sessions(Filter{HideEmpty: true, Limit: 5})
	if len(page) != 5 || page[0].Kind != KindIce || page[0].Status != record.Running || page[1].Kind != KindBreathe {
		t.Errorf("the first page: %+v", page)
	}
	o, err := s.OverviewSince(t0.Add(7*time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	if o.Sessions != len(shown) || o.Empty != empty || len(o.Recent) != min(len(shown), record.RecentSessions) {
		t.Errorf("overview: %d sessions, %d empty, %d recent; want %d, %d", o.Sessions, o.Empty, len(o.Recent), len(shown), empty)
	}
	// The totals count ice and heat by the care plan's rule: the ice
	// stopped after 5 s does not count; the heat cut by a signal after 3
	// minutes does; none never put on does.
	if o.Totals.Ice != 2 || o.Totals.Heat != 2 {
		t.Errorf("totals: ice %d, heat %d; want 2 and 2 (the ice stopped after 5 s does not count)", o.Totals.Ice, o.Totals.Heat)
	}
}
