package history

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

// dumpTables is every row of every table of the history, as text, table by
// table, sorted: the whole content of the database. Ids that only number
// rows (an episode's) are left out; a session's id is its identity in the
// export and stays.
func dumpTables(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	skip := map[string]bool{"episodes.id": true}
	out := map[string][]string{}
	for _, tab := range tables {
		cr, err := s.db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, tab)
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for cr.Next() {
			var c string
			cr.Scan(&c)
			if !skip[tab+"."+c] {
				cols = append(cols, c)
			}
		}
		cr.Close()
		rr, err := s.db.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+tab)
		if err != nil {
			t.Fatal(err)
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		out[tab] = []string{} // every table is listed, even empty
		for rr.Next() {
			if err := rr.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if b2, ok := v.([]byte); ok {
					v = string(b2)
				}
				fmt.Fprintf(&b, "%s=%v ", cols[i], v)
			}
			out[tab] = append(out[tab], b.String())
		}
		rr.Close()
		slices.Sort(out[tab])
	}
	return out
}

// fullHistory records a week of every kind of thing a history holds,
// through the paths the program records by: stretch sessions at changing
// levels with check-ins, a pain stop, breathing, an empty run, ice done,
// ice stopped in its first minute, heat, an interrupted run, episodes of
// spasm (an instant, a day, "2 days ago or more").
func fullHistory(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	lon, ny := zone(0), zone(-5)
	save := func(x record.Session, levels map[string]int) {
		t.Helper()
		if _, err := s.save(ctx, &x, levels, 0); err != nil {
			t.Fatal(err)
		}
	}
	end := func(start time.Time, d time.Duration) *time.Time { e := start.Add(d); return &e }
	day := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, lon).Add(123456789) }

	if err := s.RecordEpisode(routines.Episode{Began: day(1, 6, 0)}, day(1, 7, 0)); err != nil {
		t.Fatal(err)
	}
	ep2 := routines.Episode{Began: time.Date(2026, 3, 5, 0, 0, 0, 0, ny), Day: true}
	if err := s.RecordEpisode(ep2, time.Date(2026, 3, 5, 20, 15, 0, 0, ny)); err != nil {
		t.Fatal(err)
	}
	ep3 := routines.Episode{Began: time.Date(2026, 3, 4, 0, 0, 0, 0, lon), Day: true, OrEarlier: true}
	if err := s.RecordEpisode(ep3, day(6, 9, 0)); err != nil {
		t.Fatal(err)
	}
	// Ice and heat: done, stopped in the first minute, stopped early, interrupted.
	save(record.Session{Kind: KindIce, StartedAt: day(1, 7, 5), EndedAt: end(day(1, 7, 5), 15*time.Minute), Status: Completed}, nil)
	save(record.Session{Kind: KindIce, StartedAt: day(1, 9, 30), EndedAt: end(day(1, 9, 30), 5*time.Second), Status: Stopped}, nil)
	save(record.Session{Kind: KindIce, StartedAt: day(1, 9, 40), EndedAt: end(day(1, 9, 40), 7*time.Minute), Status: Stopped}, nil)
	save(record.Session{Kind: KindHeat, StartedAt: day(4, 8, 0), EndedAt: end(day(4, 8, 0), 3*time.Minute), Status: Interrupted}, nil)
	save(record.Session{Kind: KindHeat, StartedAt: day(4, 14, 0), EndedAt: end(day(4, 14, 0), 15*time.Minute), Status: Completed}, nil)
	// Stretching, the level going up, a pain stop, and down again; a
	// routine with directions (shoulder rolls: forward, then back).
	k2c := func(done, planned int) []Exercise {
		return []Exercise{ex("knee-to-chest", "left", done, planned), ex("knee-to-chest", "right", done, planned), ex("arm-raise", "", done, planned),
			{Routine: "shoulder-rolls", Direction: "forward", RepsDone: done, RepsPlanned: planned},
			{Routine: "shoulder-rolls", Direction: "back", RepsDone: done, RepsPlanned: planned}}
	}
	save(record.Session{Kind: KindSession, StartedAt: day(2, 8, 0), EndedAt: end(day(2, 8, 0), 9*time.Minute), Status: Completed,
		PainBefore: ptr(6), PainAfter: ptr(4), Exercises: k2c(3, 3)}, map[string]int{"knee-to-chest": 0, "arm-raise": 0})
	save(record.Session{Kind: KindSession, StartedAt: day(3, 8, 0), EndedAt: end(day(3, 8, 0), 9*time.Minute), Status: Completed,
		PainBefore: ptr(5), PainAfter: ptr(3), Exercises: k2c(4, 4)}, map[string]int{"knee-to-chest": 1, "arm-raise": 1})
	save(record.Session{Kind: KindSession, StartedAt: day(4, 8, 30), EndedAt: end(day(4, 8, 30), 4*time.Minute), Status: Pain,
		PainBefore: ptr(4), Exercises: k2c(1, 5), SafetyOpenedAt: end(day(4, 8, 30), 4*time.Minute+40*time.Second),
		StopPos: ptr(1), StopRep: ptr(2)}, // the right side's rep 2 (not the first exercise not finished)
		map[string]int{"knee-to-chest": 2, "arm-raise": 2})
	save(record.Session{Kind: KindSession, StartedAt: time.Date(2026, 3, 5, 7, 0, 0, 0, ny), EndedAt: end(time.Date(2026, 3, 5, 7, 0, 0, 0, ny), 9*time.Minute),
		Status: Completed, PainBefore: ptr(3), PainAfter: ptr(2), Exercises: k2c(4, 4)}, map[string]int{"knee-to-chest": 1, "arm-raise": -1})
	save(record.Session{Kind: KindSession, StartedAt: day(6, 8, 0), EndedAt: end(day(6, 8, 0), time.Minute), Status: Interrupted,
		Exercises: k2c(0, 4)}, map[string]int{"knee-to-chest": 1})
	// Breathing: a whole run with check-ins and its pattern, and an empty one.
	save(record.Session{Kind: KindBreathe, StartedAt: day(2, 22, 0), EndedAt: end(day(2, 22, 0), 5*time.Minute), Status: Completed,
		PainBefore: ptr(7), PainAfter: ptr(5), Breaths: 33, Pattern: "4.5-0-6"}, nil)
	save(record.Session{Kind: KindBreathe, StartedAt: day(3, 22, 0), EndedAt: end(day(3, 22, 0), time.Second), Status: Stopped}, nil)
}

// Export then import into a new home is a restore: every row of every
// table comes back, and importing again changes nothing.
func TestExportImportRestoresEverything(t *testing.T) {
	src, _ := openTemp(t)
	fullHistory(t, src)
	want := dumpTables(t, src)
	for tab, rows := range want {
		if len(rows) == 0 {
			t.Errorf("table %s is empty in the test's history: record something in it (and export and import it)", tab)
		}
	}
	for _, col := range nullEverywhere(t, src) {
		t.Errorf("column %s is NULL in every row of the test's history: record something in it (and export and import it)", col)
	}
	file := export(t, src, Filter{})
	for _, way := range []string{`"side":"","direction":"forward"`, `"side":"","direction":"back"`} {
		if strings.Count(file, way) != 5 {
			t.Errorf("the export holds %q %d times, want 5 (once a stretch session):\n%s", way, strings.Count(file, way), file)
		}
	}

	dst, _ := openTemp(t)
	res, err := dst.ImportJSON(strings.NewReader(file), "back.json")
	if err != nil {
		t.Fatal(err)
	}
	if res != (Imported{Added: 12, Episodes: 3}) {
		t.Errorf("import: %+v, want 12 sessions and 3 episodes added", res)
	}
	assertSameTables(t, dumpTables(t, dst), want)

	res, err = dst.ImportJSON(strings.NewReader(file), "back.json")
	if err != nil {
		t.Fatal(err)
	}
	if res != (Imported{Skipped: 12, EpisodesSkipped: 3}) {
		t.Errorf("second import: %+v, want everything skipped", res)
	}
	assertSameTables(t, dumpTables(t, dst), want)
	if again := export(t, dst, Filter{}); again != file {
		t.Errorf("the restored history exports differently:\n%s\nwant:\n%s", again, file)
	}

	// What a person sees comes back too: levels and the care plan's episode.
	now := time.Date(2026, 3, 6, 12, 0, 0, 0, zone(0))
	for _, s := range []*Store{src, dst} {
		lv, err := s.Levels([]string{"knee-to-chest", "arm-raise"})
		if err != nil || lv["knee-to-chest"] != 1 || lv["arm-raise"] != -1 {
			t.Errorf("levels %v, %v; want knee-to-chest 1, arm-raise -1", lv, err)
		}
		if all, err := s.Sessions(Filter{}); err != nil || len(all) != 12 {
			t.Errorf("%d sessions, %v", len(all), err)
		} else {
			for _, x := range all {
				if p, ok := x.PainPlace(); ok && (p != record.StopPlace{Pos: 1, Rep: 2}) {
					t.Errorf("the stop for pain came at %+v, want exercise 1 (knee to chest, right) rep 2, as recorded", p)
				}
				if n := len(x.Exercises); x.Kind == KindSession && (n != 5 || x.Exercises[3].Direction != "forward" || x.Exercises[4].Direction != "back") {
					t.Errorf("session %d's exercises %+v, want shoulder rolls forward then back at the end", x.ID, x.Exercises)
				}
			}
		}
		ep, err := s.LatestEpisode(now)
		if err != nil || ep == nil || !ep.OrEarlier {
			t.Errorf("latest episode %+v, %v; want the one said last (2 days ago or more)", ep, err)
		}
	}
}

// nullEverywhere lists the columns (table.column) that hold no value in
// any row: a column the round trip would not check. The owner of a run
// being recorded belongs to its process and is never exported.
func nullEverywhere(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	rows, err := s.db.QueryContext(ctx, `SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid`)
	if err != nil {
		t.Fatal(err)
	}
	var cols [][2]string
	for rows.Next() {
		var tab, col string
		rows.Scan(&tab, &col)
		cols = append(cols, [2]string{tab, col})
	}
	rows.Close()
	var out []string
	for _, c := range cols {
		if c[0] == "sessions" && (c[1] == "owner_pid" || c[1] == "owner_token") {
			continue
		}
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(`+c[1]+`) FROM `+c[0]).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			out = append(out, c[0]+"."+c[1])
		}
	}
	return out
}

func assertSameTables(t *testing.T, got, want map[string][]string) {
	t.Helper()
	for tab, rows := range want {
		if !slices.Equal(got[tab], rows) {
			t.Errorf("table %s after import:\n%s\nwant:\n%s", tab, strings.Join(got[tab], "\n"), strings.Join(rows, "\n"))
		}
	}
	for tab := range got {
		if _, ok := want[tab]; !ok {
			t.Errorf("table %s appeared", tab)
		}
	}
}

// An export made before levels and episodes were exported (version 1, a
// bare array) still imports; importing the new export over it then adds
// the levels the sessions lack, and the episodes.
func TestImportVersion1ThenVersion2(t *testing.T) {
	src, _ := openTemp(t)
	fullHistory(t, src)
	var old strings.Builder
	old.WriteString("[\n")
	all, err := src.Sessions(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range all {
		if i > 0 {
			old.WriteString(",\n")
		}
		old.Write(appendSession(nil, &all[i]))
	}
	old.WriteString("\n]\n")

	dst, _ := openTemp(t)
	res, err := dst.ImportJSON(strings.NewReader(old.String()), "old.json")
	if err != nil || res != (Imported{Added: 12}) {
		t.Fatalf("version 1 import: %+v, %v", res, err)
	}
	if lv, _ := dst.Levels([]string{"knee-to-chest"}); lv["knee-to-chest"] != 0 {
		t.Errorf("a version 1 export has no levels, yet knee-to-chest is at %d", lv["knee-to-chest"])
	}
	res, err = dst.ImportJSON(strings.NewReader(export(t, src, Filter{})), "new.json")
	if err != nil || res != (Imported{Skipped: 12, Episodes: 3}) {
		t.Fatalf("version 2 import over it: %+v, %v", res, err)
	}
	assertSameTables(t, dumpTables(t, dst), dumpTables(t, src))
}

// An export made before the pattern, the safety page and the place of a
// stop for pain were recorded (version 2) imports, every run "not
// recorded"; importing the new export (version 3) over it then adds the
// pattern, the safety page and the stop place that the runs lack, and
// nothing else.
func TestImportVersion2ThenVersion3(t *testing.T) {
	src, _ := openTemp(t)
	fullHistory(t, src)
	file := export(t, src, Filter{})
	old := regexp.MustCompile(`,"(pattern|safety_opened_at|direction)":"[^"]*"|,"stop_(pos|rep)":\d+`).ReplaceAllString(file, "")
	old = strings.Replace(old, `"version":5`, `"version":2`, 1)
	if old == file || strings.Contains(old, "pattern") {
		t.Fatalf("the test's history exports no pattern to take out:\n%s", file)
	}
	dst, _ := openTemp(t)
	if res, err := dst.ImportJSON(strings.NewReader(old), "old.json"); err != nil || res.Added != 12 {
		t.Fatalf("version 2 import: %+v, %v", res, err)
	}
	var patterns, opened, stops, ways int
	dst.db.QueryRow(`SELECT count(pattern), count(safety_opened_at), count(stop_pos) FROM sessions`).Scan(&patterns, &opened, &stops)
	dst.db.QueryRow(`SELECT count(*) FROM exercises WHERE direction != ''`).Scan(&ways)
	if patterns != 0 || opened != 0 || stops != 0 || ways != 0 {
		t.Errorf("a version 2 file gave %d patterns, %d openings of the safety page, %d stop places, %d directions", patterns, opened, stops, ways)
	}
	if res, err := dst.ImportJSON(strings.NewReader(file), "new.json"); err != nil || res != (Imported{Skipped: 12, EpisodesSkipped: 3}) {
		t.Fatalf("version 3 import over it: %+v, %v", res, err)
	}
	assertSameTables(t, dumpTables(t, dst), dumpTables(t, src))
}

func TestImportDocumentRefusals(t *testing.T) {
	head := `{"format":"unknot-history","version":3,` + "\n"
	sess := `{"kind":"session","started_at":"2026-03-02T08:00:00Z","status":"completed","exercises":[{"routine":"arm-raise","side":"","reps_done":1,"reps_planned":1}]`
	breathe := `{"kind":"breathe","started_at":"2026-03-02T08:00:00Z","status":"completed","breaths":3`
	painStop := `{"kind":"session","started_at":"2026-03-02T08:00:00Z","status":"pain","exercises":[{"routine":"arm-raise","side":"","reps_done":0,"reps_planned":1}]`
	for _, tc := range []struct{ name, file, want string }{
		{"newer", `{"format":"unknot-history","version":6,"sessions":[]}`, `x.json:1:38: "version" is 6: written by a newer unknot`},
		{"other format", `{"format":"something","version":2}`, `"format" should be "unknot-history"`},
		{"no version", `{"format":"unknot-history","sessions":[]}`, `"sessions" comes before "version"`},
		{"unknown key", head + `"sessions":[],"notes":[]}`, `unknown key "notes"`},
		{"bad level", head + `"sessions":[` + sess + `,"levels":{"arm-raise":5000}}]}`, `x.json:2:13: session 1: "levels": "arm-raise" is at level 5000`},
		{"level past any routine", head + `"sessions":[` + sess + `,"levels":{"arm-raise":1000}}]}`,
			`x.json:2:13: session 1: "levels": "arm-raise" is at level 1000; no routine goes more than 49 steps from its file either way, so it must be from -49 to 49`},
		{"level past any routine, down", head + `"sessions":[` + sess + `,"levels":{"my-own":-50}}]}`,
			`session 1: "levels": "my-own" is at level -50; no routine goes more than 49 steps`},
		{"episode in the future", head + `"sessions":[],"episodes":[` + "\n" + `{"began_at":"2099-12-04T00:00:00Z","recorded_at":"2026-03-02T08:00:00Z"}]}`,
			`x.json:3:1: episode 1: "began_at" is 2099-12-04T00:00:00Z, in the future`},
		{"episode said in the future", head + `"sessions":[],"episodes":[` + "\n" + `{"began_at":"2026-03-02T08:00:00Z","recorded_at":"2099-12-04T00:00:00Z"}]}`,
			`x.json:3:1: episode 1: "recorded_at" is 2099-12-04T00:00:00Z, in the future`},
		{"level on breathing", head + `"sessions":[{"kind":"breathe","started_at":"2026-03-02T08:00:00Z","status":"completed","levels":{"a":1}}]}`,
			`session 1: "levels" are listed for a run of kind "breathe"`},
		{"empty level name", head + `"sessions":[` + sess + `,"levels":{"":1}}]}`, `"levels": "routine" is missing or empty`},
		{"episode time", head + `"sessions":[],"episodes":[` + "\n" + `{"began_at":"soon","recorded_at":"2026-03-02T08:00:00Z"}]}`,
			`x.json:3:1: episode 1: "began_at" is "soon", not an RFC 3339 time`},
		{"episode missing", head + `"episodes":[{"began_at":"2026-03-02T08:00:00Z"}]}`, `episode 1: "recorded_at" is missing`},
		{"episode key", head + `"episodes":[{"began_at":"2026-03-02T08:00:00Z","recorded_at":"2026-03-02T08:00:00Z","why":1}]}`, `episode 1: unknown field "why"`},
		{"bad pattern", head + `"sessions":[` + "\n" + breathe + `,"pattern":"5-x-3"}]}`,
			`x.json:3:1: session 1: "pattern": breathing pattern "5-x-3", part 2: "x" is not a number of seconds`},
		{"pattern too quick", head + `"sessions":[` + breathe + `,"pattern":"0.5-0.5"}]}`, `session 1: "pattern": breathing pattern "0.5-0.5": one breath of 1s is too quick`},
		{"pattern of a session", head + `"sessions":[` + sess + `,"pattern":"5-1-3"}]}`,
			`session 1: "pattern" is given for a run of kind "session"; only breathing runs ("kind": "breathe") record one`},
		{"pattern not text", head + `"sessions":[` + breathe + `,"pattern":513}]}`, `"pattern" should be a string, not a JSON number`},
		{"safety not a time", head + `"sessions":[` + painStop + `,"safety_opened_at":"later"}]}`,
			`session 1: "safety_opened_at" is "later", not an RFC 3339 time`},
		{"safety without a pain stop", head + `"sessions":[` + breathe + `,"safety_opened_at":"2026-03-02T08:05:00Z"}]}`,
			`session 1: "safety_opened_at" is given for a run with the status "completed"; it is recorded only from a stop for pain`},
		{"safety before the run", head + `"sessions":[` + painStop + `,"safety_opened_at":"2026-03-02T07:59:59Z"}]}`,
			`session 1: "safety_opened_at" (2026-03-02T07:59:59Z) is before "started_at" (2026-03-02T08:00:00Z)`},
		{"safety in the future", head + `"sessions":[` + painStop + `,"safety_opened_at":"2099-03-02T08:05:00Z"}]}`,
			`session 1: "safety_opened_at" is 2099-03-02T08:05:00Z, in the future`},
		{"stop place without a pain stop", head + `"sessions":[` + sess + `,"stop_pos":0,"stop_rep":1}]}`,
			`session 1: "stop_pos" is given for a run with the status "completed"; it is recorded only for a stop for pain`},
		{"stop place on breathing", head + `"sessions":[{"kind":"breathe","started_at":"2026-03-02T08:00:00Z","status":"pain","stop_pos":0,"stop_rep":1}]}`,
			`session 1: "stop_pos" is 0, but the run lists no exercises`},
		{"stop pos past the exercises", head + `"sessions":[` + painStop + `,"stop_pos":1,"stop_rep":1}]}`,
			`session 1: "stop_pos" is 1; it must name one of the run's exercises, from 0 to 0`},
		{"stop pos negative", head + `"sessions":[` + painStop + `,"stop_pos":-1,"stop_rep":1}]}`,
			`session 1: "stop_pos" is -1; it must be from 0 to 999`},
		{"stop rep past those planned", head + `"sessions":[` + painStop + `,"stop_pos":0,"stop_rep":2}]}`,
			`session 1: "stop_rep" is 2; exercise 1 (arm-raise) plans 1, so it must be from 1 to 1`},
		{"stop rep 0", head + `"sessions":[` + painStop + `,"stop_pos":0,"stop_rep":0}]}`,
			`session 1: "stop_rep" is 0; it must be from 1 to 1000`},
		{"stop pos alone", head + `"sessions":[` + painStop + `,"stop_pos":0}]}`,
			`session 1: "stop_pos" is given without "stop_rep"; give both, or neither`},
		{"stop rep alone", head + `"sessions":[` + painStop + `,"stop_rep":1}]}`,
			`session 1: "stop_rep" is given without "stop_pos"; give both, or neither`},
		{"stop pos not a number", head + `"sessions":[` + painStop + `,"stop_pos":"left","stop_rep":1}]}`,
			`"stop_pos" should be a whole number, not a JSON string`},
		{"trailing", head + `"sessions":[]} []`, `unexpected text after the history`},
		{"cut short", head + `"sessions":[` + sess + `}`, `the file ends too soon`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			fullHistory(t, s)
			before := dumpTables(t, s)
			_, err := s.ImportJSON(strings.NewReader(tc.file), "x.json")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasSuffix(err.Error(), "nothing was imported") {
				t.Errorf("error %v\nwant it to contain %q and say nothing was imported", err, tc.want)
			}
			if ExitCode(err) != 2 {
				t.Errorf("exit code %d, want 2", ExitCode(err))
			}
			assertSameTables(t, dumpTables(t, s), before)
		})
	}
}

// A run that could not be written keeps its levels: in the pending file
// (merged by the next Open) and in the lines handed back to import.
func TestUnsavedRunsKeepTheirLevels(t *testing.T) {
	start := at(zone(1), 2025, 3, 1, 8, 0)
	run := func(j *Journal) {
		e := j.Begin(routines.KindSession, start, []Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 4}}, nil)
		e.SetLevel("knee-to-chest", 2)
		e.SetReps(0, 4)
		e.Finish(start.Add(5*time.Minute), routines.Completed)
	}
	// Pending: a damaged history, moved aside afterwards.
	dir := t.TempDir()
	garbage := append([]byte("SQLite format 3\x00"), make([]byte, 200)...)
	if err := os.WriteFile(filepath.Join(dir, FileName), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	j := NewJournal(dir, func() (*Store, error) { return Open(dir) })
	run(j)
	if c := j.Close(500 * time.Millisecond); c.Pending == "" {
		t.Fatalf("Close = %+v, want a pending file", c)
	}
	os.Rename(filepath.Join(dir, FileName), filepath.Join(dir, "damaged.db"))
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lv, err := s.Levels([]string{"knee-to-chest"}); err != nil || lv["knee-to-chest"] != 2 {
		t.Errorf("after merging the pending file: levels %v, %v; want knee-to-chest 2", lv, err)
	}
	s.Close()

	// Unsaved lines: nowhere to write at all.
	ro := func() (*Store, error) { return OpenReadOnly(newHistory(t)) }
	notAFolder := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notAFolder, nil, 0o600)
	j = NewJournal(notAFolder, ro)
	run(j)
	c := j.Close(2 * time.Second)
	if len(c.Unsaved) != 1 || !strings.Contains(c.Unsaved[0], `"levels":{"knee-to-chest":2}`) {
		t.Fatalf("unsaved lines %q, want one with its level", c.Unsaved)
	}
	dst, _ := openTemp(t)
	if _, err := dst.ImportJSON(strings.NewReader(c.Unsaved[0]), "saved.jsonl"); err != nil {
		t.Fatal(err)
	}
	if lv, _ := dst.Levels([]string{"knee-to-chest"}); lv["knee-to-chest"] != 2 {
		t.Errorf("imported unsaved line: level %d, want 2", lv["knee-to-chest"])
	}
}

// --since chooses episodes by the day they began, as it chooses sessions
// by theirs; one kind of session alone takes no episodes.
func TestExportSinceChoosesEpisodes(t *testing.T) {
	s, _ := openTemp(t)
	fullHistory(t, s)
	var doc struct {
		Sessions []map[string]any
		Episodes []map[string]any
	}
	if err := json.Unmarshal([]byte(export(t, s, Filter{Since: "2026-03-04"})), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Episodes) != 2 || len(doc.Sessions) != 5 {
		t.Errorf("since 4 March: %d episodes, %d sessions; want 2 and 5", len(doc.Episodes), len(doc.Sessions))
	}
	if err := json.Unmarshal([]byte(export(t, s, Filter{Kind: KindIce})), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Episodes) != 0 || len(doc.Sessions) != 3 {
		t.Errorf("ice only: %d episodes, %d sessions; want 0 and 3", len(doc.Episodes), len(doc.Sessions))
	}
}
