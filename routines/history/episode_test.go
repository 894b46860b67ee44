package history

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// An episode said "yesterday" in one zone is read back as the same day,
// with its offset, and the newest answer wins; one older than
// EpisodeForgotten is not the current episode any more.
func TestEpisodes(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	tokyo := zone(9)
	now := at(tokyo, 2025, 3, 10, 9, 30)
	if ep, err := s.LatestEpisode(now); err != nil || ep != nil {
		t.Fatalf("empty history: %v, %v; want no episode", ep, err)
	}
	first := routines.EpisodeFrom(now.Add(-time.Hour), routines.OnsetToday)
	if err := s.RecordEpisode(first, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	said := routines.EpisodeFrom(now, routines.OnsetYesterday)
	if err := s.RecordEpisode(said, now); err != nil {
		t.Fatal(err)
	}
	ep, err := s.LatestEpisode(now)
	if err != nil || ep == nil {
		t.Fatalf("LatestEpisode: %v, %v", ep, err)
	}
	if !ep.Began.Equal(said.Began) || !ep.Day || ep.OrEarlier {
		t.Errorf("read back %+v, want %+v", *ep, said)
	}
	if _, off := ep.Began.Zone(); off != 9*3600 {
		t.Errorf("offset %d s, want +9 h", off)
	}
	if got, want := ep.IceUntil(tokyo), at(tokyo, 2025, 3, 11, 0, 0); !got.Equal(want) {
		t.Errorf("ice until %v, want %v", got, want)
	}
	if ep, err := s.LatestEpisode(first.Began.Add(EpisodeForgotten + time.Minute)); err != nil || ep != nil {
		t.Errorf("an episode of 14 days and more: %v, %v; want none current", ep, err)
	}
	if err := s.RecordEpisode(routines.Episode{}, now); err == nil {
		t.Error("an episode with no start was recorded")
	}
}

// Ice and heat applications come back, oldest first, with how they ended;
// they are listed but never counted on the heat map, the streaks or the
// stretch totals, and are counted on their own in Totals and KindToday.
func TestCareApplicationsAreRecordedApart(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	loc := zone(-5)
	rec(t, s, KindSession, at(loc, 2025, 3, 1, 8, 0), Completed, nil, nil, 0, ex("knee-to-chest", "left", 3, 3))
	rec(t, s, KindIce, at(loc, 2025, 3, 1, 9, 0), Completed, nil, nil, 0)
	rec(t, s, KindIce, at(loc, 2025, 3, 1, 11, 30), Stopped, nil, nil, 0)
	rec(t, s, KindHeat, at(loc, 2025, 3, 3, 10, 0), Completed, nil, nil, 0)
	rec(t, s, KindIce, at(loc, 2025, 3, 4, 10, 0), Interrupted, nil, nil, 0)

	apps, err := s.CareApplications(at(loc, 2025, 3, 1, 10, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(apps) != 3 {
		t.Fatalf("%d applications since 10:00 on the 1st, want 3: %+v", len(apps), apps)
	}
	want := []struct {
		k routines.Kind
		o routines.Outcome
	}{{KindIce, Stopped}, {KindHeat, Completed}, {KindIce, Interrupted}}
	for i, w := range want {
		if apps[i].Kind != w.k || apps[i].Outcome != w.o {
			t.Errorf("application %d: %s %s, want %s %s", i, apps[i].Kind, apps[i].Outcome, w.k, w.o)
		}
	}
	if !apps[0].Started.Equal(at(loc, 2025, 3, 1, 11, 30)) || !apps[0].Ended.Equal(at(loc, 2025, 3, 1, 11, 40)) {
		t.Errorf("first: %v to %v", apps[0].Started, apps[0].Ended)
	}

	days, err := s.DayCounts("2025-03-01", "2025-03-04")
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 1 || days[0].Day != "2025-03-01" || days[0].Sessions != 1 {
		t.Errorf("heat map %+v; want only the stretch session of the 1st", days)
	}
	st, _ := s.Streaks("2025-03-04")
	if st.Longest != 1 {
		t.Errorf("streak %+v: ice and heat days counted", st)
	}
	tot, err := s.Totals("")
	if err != nil {
		t.Fatal(err)
	}
	if tot.Sessions != 1 || tot.BreatheSessions != 0 || tot.Ice != 3 || tot.Heat != 1 {
		t.Errorf("totals %+v; want 1 session, 3 ice, 1 heat", tot)
	}
	if n, _ := s.KindToday("2025-03-01", KindIce); n != 2 {
		t.Errorf("ice on the 1st: %d, want 2", n)
	}
}
