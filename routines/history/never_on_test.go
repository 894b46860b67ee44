package history

import (
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// An ice or heat run records whether its pack went on: one stopped or cut
// off in its get-ready is a run with nothing done (left out of the list,
// counted apart, not counted as ice), one put on is not, one that ran its
// time was on. The export keeps it, and an import brings it back.
func TestIceNeverPutOnIsRecordedAndKept(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	t0 := at(zone(1), 2025, 3, 1, 9, 0)
	never := j.Begin(routines.KindIce, t0, nil, nil) // q in the get-ready
	never.Finish(t0.Add(6*time.Second), routines.Stopped)
	// A 20 s get-ready, then on for 50 s: 70 s from its beginning, but
	// under a minute on, so it does not count (it counted).
	short := j.Begin(routines.KindIce, t0.Add(time.Hour), nil, nil)
	short.PackOn(t0.Add(time.Hour + 20*time.Second))
	short.Finish(t0.Add(time.Hour+70*time.Second), routines.Stopped)
	long := j.Begin(routines.KindIce, t0.Add(2*time.Hour), nil, nil) // on for 63 s
	long.PackOn(t0.Add(2*time.Hour + 20*time.Second))
	long.Finish(t0.Add(2*time.Hour+83*time.Second), routines.Stopped)
	done := j.Begin(routines.KindHeat, t0.Add(3*time.Hour), nil, nil) // ran its time
	done.Finish(t0.Add(3*time.Hour+15*time.Minute), routines.Completed)
	if c := j.Close(time.Minute); !c.Saved {
		t.Fatalf("Close = %+v", c)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.Sessions(Filter{})
	if err != nil || len(all) != 4 {
		t.Fatalf("%d sessions, %v", len(all), err)
	}
	// An application begins when its pack went on.
	if !all[1].StartedAt.Equal(t0.Add(time.Hour+20*time.Second)) || !all[2].StartedAt.Equal(t0.Add(2*time.Hour+20*time.Second)) {
		t.Errorf("starts %v and %v; want when the packs went on", all[1].StartedAt, all[2].StartedAt)
	}
	for i, want := range []bool{true, false, false, false} {
		if all[i].NeverOn != want || all[i].Empty() != want {
			t.Errorf("run %d: never on %v, empty %v; want %v", i, all[i].NeverOn, all[i].Empty(), want)
		}
	}
	ov, err := s.OverviewSince(t0.Add(4*time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	if ov.Sessions != 3 || ov.Empty != 1 || ov.Totals.Ice != 1 || ov.Totals.Heat != 1 {
		t.Errorf("overview: %d listed, %d empty, %d ice, %d heat; want 3, 1, 1, 1", ov.Sessions, ov.Empty, ov.Totals.Ice, ov.Totals.Heat)
	}
	apps, err := s.CareApplications(t0.Add(-time.Hour))
	if err != nil || len(apps) != 4 || !apps[0].NeverOn || apps[0].Counts() || apps[1].Counts() || !apps[2].Counts() {
		t.Errorf("care applications %+v, %v; want the first never on, and only the one on a minute and the heat counted", apps, err)
	}
	r, err := s.Report(t0.Add(4*time.Hour), "2025-03-01", 7)
	if err != nil || r.Care.Ice != 1 || r.Care.IceShort != 1 {
		t.Errorf("report: %d ice, %d short, %v; want 1 and 1 (the one never put on is neither)", r.Care.Ice, r.Care.IceShort, err)
	}

	out := export(t, s, Filter{})
	if strings.Count(out, `"never_on":true`) != 1 || !strings.Contains(out, `"status":"stopped","pain_before":null,"pain_after":null,"breaths":0,"exercises":[],"never_on":true}`) {
		t.Fatalf("export:\n%s", out)
	}
	dst, _ := openTemp(t)
	if res, err := dst.ImportJSON(strings.NewReader(out), "back.json"); err != nil || res.Added != 4 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if again := export(t, dst, Filter{}); again != out {
		t.Errorf("export after import:\n%s\nwant:\n%s", again, out)
	}
	// The same file saying the first was on: the history's is kept, and
	// the difference said.
	if res, err := dst.ImportJSON(strings.NewReader(strings.Replace(out, `,"never_on":true`, "", 1)), "back.json"); err != nil || res.Differ != 1 {
		t.Errorf("import of the file otherwise: %+v, %v; want 1 differing", res, err)
	}
	for _, bad := range []struct{ file, want string }{
		{`{"kind":"breathe","started_at":"2025-03-01T09:00:00+01:00","ended_at":null,"status":"stopped","never_on":true}`, `"never_on" is true for a run of kind "breathe"`},
		{`{"kind":"ice","started_at":"2025-03-01T09:00:00+01:00","ended_at":null,"status":"completed","never_on":true}`, `"never_on" is true for an application that ran its time`},
	} {
		if _, err := dst.ImportJSON(strings.NewReader(bad.file), "x.json"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("import of %s: %v; want %q", bad.file, err, bad.want)
		}
	}
}
