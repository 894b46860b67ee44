package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/record"
)

// fixture fills s with sessions of every shape.
func fixture(t testing.TB, s *Store) {
	t.Helper()
	rec(t, s, KindSession, at(zone(-5), 2024, 12, 31, 23, 30), Completed, ptr(6), ptr(3), 0,
		ex("knee-to-chest", "left", 3, 3), ex("knee-to-chest", "right", 3, 3), ex("arm-raise", "", 5, 5))
	rec(t, s, KindBreathe, at(zone(9), 2025, 1, 1, 0, 30).Add(123456789), Completed, nil, ptr(2), 12)
	rec(t, s, KindSession, at(zone(0), 2025, 1, 2, 7, 0), Pain, ptr(4), nil, 0,
		ex("seated-twist", "left", 1, 3), ex("seated-twist", "right", 0, 3))
	rec(t, s, KindSession, at(zone(5.5), 2025, 1, 3, 7, 0), Interrupted, nil, nil, 0, ex("lying-twist", "left", 2, 3))
	rec(t, s, KindBreathe, at(zone(1), 2025, 1, 4, 7, 0), Stopped, nil, nil, 0)
}

func export(t testing.TB, s *Store, flt Filter) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportJSON(&b, flt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestExportJSONFormat(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	empty := `{"format":"unknot-history","version":5,
"sessions":[],
"episodes":[]}
`
	if got := export(t, s, Filter{}); got != empty {
		t.Errorf("empty history exports %q, want %q", got, empty)
	}
	fixture(t, s)
	got := export(t, s, Filter{Since: "2025-01-03"})
	want := `{"format":"unknot-history","version":5,
"sessions":[
{"id":4,"kind":"session","started_at":"2025-01-03T07:00:00+05:30","ended_at":null,"status":"interrupted","pain_before":null,"pain_after":null,"breaths":0,"exercises":[{"routine":"lying-twist","side":"left","reps_done":2,"reps_planned":3}]},
{"id":5,"kind":"breathe","started_at":"2025-01-04T07:00:00+01:00","ended_at":"2025-01-04T07:10:00+01:00","status":"stopped","pain_before":null,"pain_after":null,"breaths":0,"exercises":[]}
],
"episodes":[]}
`
	if got != want {
		t.Errorf("export:\n%s\nwant:\n%s", got, want)
	}
	var doc struct{ Sessions []map[string]any }
	err := json.Unmarshal([]byte(export(t, s, Filter{})), &doc)
	all := doc.Sessions
	if err != nil || len(all) != 5 {
		t.Fatalf("full export: %d sessions, %v", len(all), err)
	}
	// By instant: 00:30 in Tokyo on 1 Jan comes before 23:30 in New York on 31 Dec.
	if all[0]["started_at"] != "2025-01-01T00:30:00.123456789+09:00" || all[1]["kind"] != "session" {
		t.Errorf("first two exported: %v, %v", all[0], all[1])
	}
}

func TestExportCSV(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	fixture(t, s)
	var b bytes.Buffer
	if err := s.ExportCSV(&b, Filter{Since: "2025-01-02"}); err != nil {
		t.Fatal(err)
	}
	want := `id,kind,started_at,ended_at,status,pain_before,pain_after,breaths,routine,side,reps_done,reps_planned,stopped_for_pain_at_rep,pattern,safety_opened_at,direction,never_on
3,session,2025-01-02T07:00:00Z,2025-01-02T07:10:00Z,pain,4,,0,seated-twist,left,1,3,,,,,
3,session,2025-01-02T07:00:00Z,2025-01-02T07:10:00Z,pain,4,,0,seated-twist,right,0,3,,,,,
4,session,2025-01-03T07:00:00+05:30,,interrupted,,,0,lying-twist,left,2,3,,,,,
5,breathe,2025-01-04T07:00:00+01:00,2025-01-04T07:10:00+01:00,stopped,,,0,,,,,,,,,
`
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestImportRoundTrip(t *testing.T) {
	t.Parallel()
	src, _ := openTemp(t)
	fixture(t, src)
	first := export(t, src, Filter{})

	dst, _ := openTemp(t)
	res, err := dst.ImportJSON(strings.NewReader(first), "export.json")
	if err != nil {
		t.Fatal(err)
	}
	if res != (Imported{Added: 5}) {
		t.Errorf("first import: %+v, want 5 added", res)
	}
	if again := export(t, dst, Filter{}); again != first {
		t.Errorf("export after import differs:\n%s\nwant:\n%s", again, first)
	}
	res, err = dst.ImportJSON(strings.NewReader(first), "export.json")
	if err != nil {
		t.Fatal(err)
	}
	if res != (Imported{Skipped: 5}) {
		t.Errorf("second import: %+v, want 5 skipped", res)
	}
	if again := export(t, dst, Filter{}); again != first {
		t.Error("importing twice changed the history")
	}
	// The queries see imported sessions as recorded ones.
	a, errA := src.Streaks("2025-01-04")
	b, errB := dst.Streaks("2025-01-04")
	if errA != nil || errB != nil {
		t.Fatalf("streaks: %v, %v", errA, errB)
	}
	if a != b {
		t.Errorf("streaks differ after import: %+v vs %+v", a, b)
	}
}

func TestImportMerges(t *testing.T) {
	t.Parallel()
	src, _ := openTemp(t)
	fixture(t, src)
	dump := export(t, src, Filter{})
	dst, _ := openTemp(t)
	// dst already holds one of them (same instant and kind, recorded in
	// another offset) and one of its own that takes id 2.
	rec(t, dst, KindSession, at(zone(0), 2025, 1, 2, 7, 0), Pain, ptr(4), nil, 0, ex("seated-twist", "left", 1, 3))
	rec(t, dst, KindSession, at(zone(0), 2026, 1, 1, 7, 0), Completed, nil, nil, 0, ex("arm-raise", "", 4, 4))
	res, err := dst.ImportJSON(strings.NewReader(dump), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	// The one present lacks the right side the file has: it differs, and
	// is kept as the history has it.
	if res != (Imported{Added: 4, Skipped: 1, Differ: 1}) {
		t.Errorf("merge: %+v, want 4 added, 1 skipped (differing)", res)
	}
	all, _ := dst.Sessions(Filter{})
	if len(all) != 6 {
		t.Errorf("%d sessions after merge, want 6", len(all))
	}
	ids := map[int64]bool{}
	for _, x := range all {
		if ids[x.ID] {
			t.Errorf("id %d twice", x.ID)
		}
		ids[x.ID] = true
	}
}

func TestImportRunningBecomesInterrupted(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	rec(t, s, KindBreathe, at(zone(0), 2025, 1, 1, 7, 0), record.Running, nil, nil, 3)
	dump := export(t, s, Filter{})
	if !strings.Contains(dump, `"status":"running"`) {
		t.Fatalf("a live session should export as running:\n%s", dump)
	}
	dst, _ := openTemp(t)
	if _, err := dst.ImportJSON(strings.NewReader(dump), "x.json"); err != nil {
		t.Fatal(err)
	}
	if got := export(t, dst, Filter{}); !strings.Contains(got, `"status":"interrupted"`) {
		t.Errorf("imported running session reads:\n%s", got)
	}
}

func TestImportMalformedChangesNothing(t *testing.T) {
	t.Parallel()
	good := `{"id":1,"kind":"breathe","started_at":"2025-01-01T07:00:00Z","ended_at":null,"status":"completed","pain_before":null,"pain_after":null,"breaths":3,"exercises":[]}`
	for _, tc := range []struct {
		name, file, want string
	}{
		{"syntax", "[\n" + good + ",\n{\"id\":2,,}\n]", "x.json:3:9: session 2: invalid character ','"},
		{"truncated", "[\n" + good + ",\n{\"id\":2", "x.json:3:8: session 2: the file ends too soon"},
		{"not an array", `42`, "x.json:1:1: expected a JSON object or array"},
		{"numbers", `[1,2]`, "x.json:1:2: session 1: should be a JSON object"},
		{"unknown key", "[\n" + good + ",\n  {\"kind\":\"session\",\"statuz\":\"x\"}]", `x.json:3:3: session 2: unknown field "statuz"`},
		{"bad status", "[\n" + good + ",\n" + strings.Replace(good, `"completed"`, `"done"`, 1) + "]",
			`x.json:3:1: session 2: "status" is "done"; it must be "completed", "stopped", "pain" or "interrupted"`},
		{"bad time", "[" + strings.Replace(good, "2025-01-01T07:00:00Z", "yesterday", 1) + "]",
			`x.json:1:2: session 1: "started_at" is "yesterday", not an RFC 3339 time`},
		{"bad pain", "[" + strings.Replace(good, `"pain_after":null`, `"pain_after":12`, 1) + "]",
			`x.json:1:2: session 1: "pain_after" is 12; it must be from 0 to 10`},
		{"wrong type", "[\n" + strings.Replace(good, `"breaths":3`, `"breaths":"3"`, 1) + "]",
			`x.json:2:148: session 1: "breaths" should be a whole number, not a JSON string`},
		{"missing kind", `[{"started_at":"2025-01-01T07:00:00Z","status":"completed"}]`, `session 1: "kind" is missing`},
		{"bad side", "[" + strings.Replace(strings.Replace(good, "breathe", "session", 1), `"exercises":[]`, `"exercises":[{"routine":"a","side":"up","reps_done":1,"reps_planned":1}]`, 1) + "]",
			`exercise 1: "side" is "up"`},
		{"trailing", "[" + good + "] x", `x.json:1:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			fixture(t, s)
			before := export(t, s, Filter{})
			res, err := s.ImportJSON(strings.NewReader(tc.file), "x.json")
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("import: %+v, %v; want an *ImportError", res, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
			if !strings.HasSuffix(err.Error(), "nothing was imported") {
				t.Errorf("error does not say nothing was imported: %q", err)
			}
			if after := export(t, s, Filter{}); after != before {
				t.Error("a failed import changed the history")
			}
		})
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	t.Parallel()
	// The first session is fine and new; the file is still refused whole.
	s, _ := openTemp(t)
	file := `[{"kind":"breathe","started_at":"2025-01-01T07:00:00Z","status":"completed"},
{"kind":"breathe","started_at":"2025-01-02T07:00:00Z","status":"completed","breaths":-1}]`
	if _, err := s.ImportJSON(strings.NewReader(file), "x.json"); err == nil {
		t.Fatal("import of a bad file succeeded")
	}
	if n, err := s.Sessions(Filter{}); err != nil || len(n) != 0 {
		t.Errorf("%d sessions after a refused import (%v)", len(n), err)
	}
}

func TestAppendSessionIsJSONMarshal(t *testing.T) {
	t.Parallel()
	for _, x := range []record.Session{
		{ID: 7, Kind: KindBreathe, StartedAt: at(zone(-3.5), 2025, 2, 3, 4, 5).Add(1500), Status: record.Running, Exercises: []Exercise{}},
		{ID: 1, Kind: KindSession, StartedAt: at(zone(0), 2025, 2, 3, 4, 5), EndedAt: ptrTime(at(zone(0), 2025, 2, 3, 5, 5)),
			Status: Pain, PainBefore: ptr(0), PainAfter: ptr(10), Breaths: 3,
			Exercises:      []Exercise{ex(`knee "é" <&> \ to`, "left", 1, 2), ex("arm-raise", "", 0, 0)},
			SafetyOpenedAt: ptrTime(at(zone(0), 2025, 2, 3, 5, 6).Add(7))},
		{ID: 2, Kind: KindBreathe, StartedAt: at(zone(2), 2025, 2, 3, 4, 5), Status: Completed, Breaths: 9,
			Exercises: []Exercise{}, Pattern: "4.5-0-6"},
	} {
		want, _ := json.Marshal(x)
		if got := appendSession(nil, &x); string(got) != string(want) {
			t.Errorf("appendSession:\n%s\nwant:\n%s", got, want)
		}
	}
}

func ptrTime(t time.Time) *time.Time { return &t }

// The CSV carries what a run records beyond its counts: on the row of the
// exercise a stop for pain came in, the rep it came at; the breathing
// pattern; when the safety page was opened from the stop.
func TestExportCSVCarriesTheStopThePatternAndTheSafetyPage(t *testing.T) {
	t.Parallel()
	dir := newHistory(t)
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	start := at(zone(1), 2025, 3, 1, 8, 0)
	e := j.Begin(KindSession, start, []Exercise{ex("knee-to-chest", "left", 0, 5), ex("knee-to-chest", "right", 0, 5)}, nil)
	e.SetReps(0, 5)
	e.SetReps(1, 1)
	e.StoppedAt(1, 2)
	e.Finish(start.Add(3*time.Minute), Pain)
	e.SafetyOpened(start.Add(4 * time.Minute))
	p, err := routines.ParsePattern("4-7-8")
	if err != nil {
		t.Fatal(err)
	}
	b := j.Begin(KindBreathe, start.Add(5*time.Minute), nil, nil)
	b.SetPattern(p)
	b.SetBreaths(3)
	b.Finish(start.Add(7*time.Minute), Completed)
	if c := j.Close(10 * time.Second); !c.Saved {
		t.Fatalf("not saved: %s", c.Message())
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out bytes.Buffer
	if err := s.ExportCSV(&out, Filter{}); err != nil {
		t.Fatal(err)
	}
	want := `id,kind,started_at,ended_at,status,pain_before,pain_after,breaths,routine,side,reps_done,reps_planned,stopped_for_pain_at_rep,pattern,safety_opened_at,direction,never_on
1,session,2025-03-01T08:00:00+01:00,2025-03-01T08:03:00+01:00,pain,,,0,knee-to-chest,left,5,5,,,2025-03-01T08:04:00+01:00,,
1,session,2025-03-01T08:00:00+01:00,2025-03-01T08:03:00+01:00,pain,,,0,knee-to-chest,right,1,5,2,,2025-03-01T08:04:00+01:00,,
2,breathe,2025-03-01T08:05:00+01:00,2025-03-01T08:07:00+01:00,completed,,,3,,,,,,4-7-8,,,
`
	if out.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", out.String(), want)
	}
}
