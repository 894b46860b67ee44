package history

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawDB opens path with the store's pragmas but none of its checks.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	u := url.URL{Scheme: "file", Path: path, RawQuery: pragmas()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// migrationChecks holds, for each schema version, a test of the migration
// to it from the version before, run on a file at that version holding
// what it could hold. Every migration must have one.
var migrationChecks = map[int]func(t *testing.T, db *sql.DB){
	1: func(t *testing.T, db *sql.DB) {
		// From an empty file (version 0): the tables exist, marked ours.
		var app int
		db.QueryRow("PRAGMA application_id").Scan(&app)
		if app != applicationID {
			t.Errorf("application_id = %#x", app)
		}
		for _, table := range []string{"sessions", "exercises"} {
			var n int
			if err := db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
				t.Errorf("%s: %v", table, err)
			}
		}
	},
	2: func(t *testing.T, db *sql.DB) {
		// The version-1 rows (written before the migration by
		// migrationFixtures) are kept, absurd values clamped; a plan may
		// now repeat a routine and side, and ice and heat runs exist.
		var n, breaths, done, planned int
		db.QueryRow("SELECT count(*), max(breaths) FROM sessions").Scan(&n, &breaths)
		if n != 2 || breaths != MaxBreaths {
			t.Errorf("after migration: %d sessions, max breaths %d; want 2 and %d (clamped)", n, breaths, MaxBreaths)
		}
		db.QueryRow("SELECT reps_done, reps_planned FROM exercises WHERE session_id = 1 AND pos = 1").Scan(&done, &planned)
		if done != 4 || planned != 4 {
			t.Errorf("unplanned exercise: %d of %d reps, want 4 of 4 (planned raised to what was done)", done, planned)
		}
		if _, err := db.Exec(`INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned)
			VALUES (1, 2, 'knee-to-chest', 'left', 1, 3)`); err != nil {
			t.Errorf("a repeated routine and side: %v", err)
		}
		if _, err := db.Exec(`INSERT INTO sessions (kind, started_at, started_ns, day, status) VALUES
			('ice', '2025-01-01T08:00:00Z', 1735718400000000000, '2025-01-01', 'completed')`); err != nil {
			t.Errorf("an ice run: %v", err)
		}
		var fk int
		db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
		if fk != 1 {
			t.Error("foreign keys left off after the migration")
		}
		if _, err := db.Exec("DELETE FROM sessions WHERE id = 1"); err != nil {
			t.Fatal(err)
		}
		db.QueryRow("SELECT count(*) FROM exercises WHERE session_id = 1").Scan(&n)
		if n != 0 {
			t.Errorf("%d exercises outlived their session: the cascade was lost", n)
		}
	},
	4: func(t *testing.T, db *sql.DB) {
		// The version-3 session is kept and reads at level 0 (no row); a
		// level is one per routine of a session, bounded, and goes with
		// its session.
		var n int
		db.QueryRow("SELECT count(*) FROM sessions").Scan(&n)
		if n != 1 {
			t.Errorf("%d sessions after the migration, want 1", n)
		}
		if _, err := db.Exec(`INSERT INTO levels (session_id, routine, level) VALUES (1, 'knee-to-chest', 2)`); err != nil {
			t.Fatalf("a level: %v", err)
		}
		if _, err := db.Exec(`INSERT INTO levels (session_id, routine, level) VALUES (1, 'knee-to-chest', 3)`); err == nil {
			t.Error("two levels for one routine of one session")
		}
		if _, err := db.Exec(`INSERT INTO levels (session_id, routine, level) VALUES (1, 'arm-raise', 5000)`); err == nil {
			t.Error("a level past MaxLevel was taken")
		}
		if _, err := db.Exec("DELETE FROM sessions WHERE id = 1"); err != nil {
			t.Fatal(err)
		}
		db.QueryRow("SELECT count(*) FROM levels").Scan(&n)
		if n != 0 {
			t.Errorf("%d levels outlived their session", n)
		}
	},
}

func init() {
	migrationChecks[3] = func(t *testing.T, db *sql.DB) {
		// The version-2 rows survive the new table whole: every session
		// (ice included) and every exercise, the cascade from sessions to
		// exercises still in place, and foreign keys back on.
		var sessions, exercises, reps int
		db.QueryRow("SELECT count(*) FROM sessions").Scan(&sessions)
		db.QueryRow("SELECT count(*), sum(reps_done) FROM exercises").Scan(&exercises, &reps)
		if sessions != 3 || exercises != 3 || reps != 7 {
			t.Errorf("after migration: %d sessions, %d exercises, %d reps; want 3, 3, 7", sessions, exercises, reps)
		}
		var kind string
		db.QueryRow("SELECT kind FROM sessions WHERE id = 3").Scan(&kind)
		if kind != "heat" {
			t.Errorf("session 3 is %q, want heat", kind)
		}
		if _, err := db.Exec(`INSERT INTO episodes (began_at, began_ns, day_only, or_earlier, recorded_at, recorded_ns)
			VALUES ('2025-01-01T00:00:00+01:00', 1, 1, 0, '2025-01-01T09:00:00+01:00', 2)`); err != nil {
			t.Errorf("an episode: %v", err)
		}
		if _, err := db.Exec(`INSERT INTO episodes (began_at, began_ns, day_only, or_earlier, recorded_at, recorded_ns)
			VALUES ('x', 1, 2, 0, 'x', 2)`); err == nil {
			t.Error("day_only = 2 accepted")
		}
		var fk int
		db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
		if fk != 1 {
			t.Error("foreign keys left off after the migration")
		}
		if _, err := db.Exec("DELETE FROM sessions WHERE id = 1"); err != nil {
			t.Fatal(err)
		}
		db.QueryRow("SELECT count(*) FROM exercises WHERE session_id = 1").Scan(&exercises)
		if exercises != 0 {
			t.Errorf("%d exercises outlived their session: the cascade was lost", exercises)
		}
	}
	migrationChecks[5] = func(t *testing.T, db *sql.DB) {
		// The version-4 runs are kept whole and read NULL, "not
		// recorded"; a breathing run takes a pattern and a stretch
		// session stopped for pain the opening of the safety page and
		// where the stop came (a position and a rep, both or neither),
		// and nothing else does.
		var n, patterns, opened, stops, levels int
		db.QueryRow("SELECT count(*), count(pattern), count(safety_opened_at), count(stop_pos) + count(stop_rep) FROM sessions").
			Scan(&n, &patterns, &opened, &stops)
		db.QueryRow("SELECT count(*) FROM levels").Scan(&levels)
		if n != 3 || patterns != 0 || opened != 0 || stops != 0 || levels != 1 {
			t.Errorf("after migration: %d sessions, %d patterns, %d safety openings, %d stop places, %d levels; want 3, 0, 0, 0, 1",
				n, patterns, opened, stops, levels)
		}
		for _, c := range []struct {
			sql string
			ok  bool
		}{
			{"UPDATE sessions SET pattern = '4-7-8' WHERE id = 2", true},
			{"UPDATE sessions SET pattern = '4-7-8' WHERE id = 1", false}, // a stretch session
			{"UPDATE sessions SET safety_opened_at = '2025-01-01T08:10:00+01:00' WHERE id = 3", true},
			{"UPDATE sessions SET safety_opened_at = '2025-01-01T08:10:00+01:00' WHERE id = 2", false}, // not stopped for pain
			{"UPDATE sessions SET stop_pos = 0, stop_rep = 2 WHERE id = 3", true},
			{"UPDATE sessions SET stop_pos = 0, stop_rep = 1 WHERE id = 1", false},                  // completed
			{"UPDATE sessions SET status = 'pain', stop_pos = 0, stop_rep = 1 WHERE id = 2", false}, // breathing
			{"UPDATE sessions SET stop_rep = NULL WHERE id = 3", false},                             // a position alone
			{"UPDATE sessions SET stop_pos = NULL WHERE id = 3", false},                             // a rep alone
			{"UPDATE sessions SET stop_rep = 0 WHERE id = 3", false},
			{"UPDATE sessions SET stop_pos = -1 WHERE id = 3", false},
			{"UPDATE sessions SET stop_pos = NULL, stop_rep = NULL WHERE id = 3", true},
		} {
			if _, err := db.Exec(c.sql); (err == nil) != c.ok {
				t.Errorf("%s: %v, want ok %v", c.sql, err, c.ok)
			}
		}
		var fk int
		db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
		if fk != 1 {
			t.Error("foreign keys left off after the migration")
		}
	}
	migrationChecks[6] = func(t *testing.T, db *sql.DB) {
		// The version-5 exercises are kept whole and read "" (not
		// recorded); a routine without a side takes a direction, one
		// with a side does not, and NULL is no direction.
		var n, ways int
		db.QueryRow("SELECT count(*), count(nullif(direction, '')) FROM exercises").Scan(&n, &ways)
		if n != 3 || ways != 0 {
			t.Errorf("after migration: %d exercises, %d with a direction; want 3, 0", n, ways)
		}
		for _, c := range []struct {
			sql string
			ok  bool
		}{
			{"INSERT INTO exercises (session_id, pos, routine, side, direction, reps_done, reps_planned) VALUES (1, 5, 'shoulder-rolls', '', 'forward', 2, 2)", true},
			{"INSERT INTO exercises (session_id, pos, routine, side, direction, reps_done, reps_planned) VALUES (1, 6, 'shoulder-rolls', '', 'back', 2, 2)", true},
			{"UPDATE exercises SET direction = 'forward' WHERE session_id = 1 AND pos = 0", false}, // knee to chest, left
			{"UPDATE exercises SET direction = NULL WHERE session_id = 1 AND pos = 5", false},
			{"UPDATE exercises SET direction = '" + strings.Repeat("x", 41) + "' WHERE session_id = 1 AND pos = 5", false},
		} {
			if _, err := db.Exec(c.sql); (err == nil) != c.ok {
				t.Errorf("%s: %v, want ok %v", c.sql, err, c.ok)
			}
		}
	}
	migrationChecks[7] = func(t *testing.T, db *sql.DB) {
		// The version-6 runs are kept whole and read 0, the pack on (as
		// they were counted); an ice or heat run takes never_on 1, no
		// other kind does, and it is 0 or 1, never NULL.
		var n, never int
		db.QueryRow("SELECT count(*), sum(never_on) FROM sessions").Scan(&n, &never)
		if n != 3 || never != 0 {
			t.Errorf("after migration: %d sessions, %d never on; want 3, 0", n, never)
		}
		for _, c := range []struct {
			sql string
			ok  bool
		}{
			{"UPDATE sessions SET never_on = 1 WHERE id = 2", true},  // ice
			{"UPDATE sessions SET never_on = 1 WHERE id = 3", true},  // heat
			{"UPDATE sessions SET never_on = 1 WHERE id = 1", false}, // a stretch session
			{"UPDATE sessions SET never_on = 2 WHERE id = 2", false},
			{"UPDATE sessions SET never_on = NULL WHERE id = 2", false},
		} {
			if _, err := db.Exec(c.sql); (err == nil) != c.ok {
				t.Errorf("%s: %v, want ok %v", c.sql, err, c.ok)
			}
		}
	}
	migrationFixtures[6] = `INSERT INTO sessions (id, kind, started_at, started_ns, day, ended_at, status, breaths) VALUES
		(1, 'session', '2025-01-01T08:00:00+01:00', 1735714800000000000, '2025-01-01', '2025-01-01T08:05:00+01:00', 'completed', 0),
		(2, 'ice', '2025-01-02T08:00:00+01:00', 1735801200000000000, '2025-01-02', '2025-01-02T08:00:06+01:00', 'stopped', 0),
		(3, 'heat', '2025-01-05T08:00:00+01:00', 1736060400000000000, '2025-01-05', '2025-01-05T08:15:00+01:00', 'completed', 0);
	INSERT INTO exercises (session_id, pos, routine, side, direction, reps_done, reps_planned) VALUES
		(1, 0, 'knee-to-chest', 'left', '', 3, 3), (1, 1, 'shoulder-rolls', '', 'forward', 10, 10);`
	migrationFixtures[5] = `INSERT INTO sessions (id, kind, started_at, started_ns, day, status, breaths, pattern) VALUES
		(1, 'session', '2025-01-01T08:00:00+01:00', 1735714800000000000, '2025-01-01', 'completed', 0, NULL),
		(2, 'breathe', '2025-01-02T08:00:00+01:00', 1735801200000000000, '2025-01-02', 'completed', 12, '5-1-3');
	INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned) VALUES
		(1, 0, 'knee-to-chest', 'left', 3, 3), (1, 1, 'shoulder-rolls', '', 10, 10), (1, 2, 'shoulder-rolls', '', 10, 10);`
	migrationFixtures[4] = `INSERT INTO sessions (id, kind, started_at, started_ns, day, status, breaths, pain_before, pain_after) VALUES
		(1, 'session', '2025-01-01T08:00:00+01:00', 1735714800000000000, '2025-01-01', 'completed', 0, 5, 3),
		(2, 'breathe', '2025-01-02T08:00:00+01:00', 1735801200000000000, '2025-01-02', 'completed', 12, 6, 4),
		(3, 'session', '2025-01-03T08:00:00+01:00', 1735887600000000000, '2025-01-03', 'pain', 0, 4, 6);
	INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned) VALUES
		(1, 0, 'knee-to-chest', 'left', 3, 3), (3, 0, 'lying-twist', '', 1, 5);
	INSERT INTO levels (session_id, routine, level) VALUES (1, 'knee-to-chest', 1);`
	migrationFixtures[2] = `INSERT INTO sessions (id, kind, started_at, started_ns, day, status, breaths) VALUES
		(1, 'session', '2025-01-01T08:00:00+01:00', 1735714800000000000, '2025-01-01', 'completed', 0),
		(2, 'ice', '2025-01-02T08:00:00+01:00', 1735801200000000000, '2025-01-02', 'completed', 0),
		(3, 'heat', '2025-01-05T08:00:00+01:00', 1736060400000000000, '2025-01-05', 'stopped', 0);
	INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned) VALUES
		(1, 0, 'knee-to-chest', 'left', 3, 3), (1, 1, 'knee-to-chest', 'left', 2, 3), (1, 2, 'arm-raise', '', 2, 4);`
}

// migrationFixtures fills a file at the version before each migration with
// what that version could hold.
var migrationFixtures = map[int]string{
	1: `INSERT INTO sessions (id, kind, started_at, started_ns, day, status, breaths) VALUES
		(1, 'session', '2025-01-01T08:00:00+01:00', 1735714800000000000, '2025-01-01', 'completed', 0),
		(2, 'breathe', '2025-01-02T08:00:00+01:00', 1735801200000000000, '2025-01-02', 'completed', 9223372036854775807);
	INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned) VALUES
		(1, 0, 'knee-to-chest', 'left', 3, 3), (1, 1, 'arm-raise', '', 4, 0);`,
	3: `INSERT INTO sessions (id, kind, started_at, started_ns, day, status, breaths) VALUES
		(1, 'session', '2025-01-01T08:00:00+01:00', 1735714800000000000, '2025-01-01', 'completed', 0);
	INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned) VALUES
		(1, 0, 'knee-to-chest', 'left', 3, 3);`,
}

func TestEveryMigrationFromTheVersionBefore(t *testing.T) {
	t.Parallel()
	for i, m := range migrations {
		check := migrationChecks[m.to]
		if check == nil {
			t.Errorf("migration to version %d has no test in migrationChecks", m.to)
			continue
		}
		if m.to != i+1 {
			t.Errorf("migration %d goes to version %d: versions must follow one another", i, m.to)
		}
		t.Run(fmt.Sprintf("to%d", m.to), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			db := rawDB(t, path)
			if m.to > 1 {
				if err := migrateWith(db, path, migrations[:i]); err != nil {
					t.Fatal(err)
				}
			}
			if fill := migrationFixtures[m.to-1]; fill != "" {
				if _, err := db.Exec(fill); err != nil {
					t.Fatal(err)
				}
			}
			if v, _ := userVersion(t.Context(), db); v != m.to-1 {
				t.Fatalf("fixture at version %d, want %d", v, m.to-1)
			}
			if err := migrateWith(db, path, migrations[:i+1]); err != nil {
				t.Fatal(err)
			}
			if v, _ := userVersion(t.Context(), db); v != m.to {
				t.Errorf("after migration: version %d, want %d", v, m.to)
			}
			check(t, db)
		})
	}
}

func TestFailedMigrationLeavesTheVersionBefore(t *testing.T) {
	t.Parallel()
	s, dir := openTemp(t)
	rec(t, s, KindBreathe, time.Now(), Completed, nil, nil, 4)
	s.Close()
	path := filepath.Join(dir, FileName)
	db := rawDB(t, path)
	broken := append(append([]migration{}, migrations...),
		migration{to: SchemaVersion + 1, sql: "CREATE TABLE extra (x); CREATE TABLE sessions (x);"})
	if err := migrateWith(db, path, broken); err == nil {
		t.Fatal("a failing migration reported success")
	}
	if v, _ := userVersion(t.Context(), db); v != SchemaVersion {
		t.Errorf("version %d after a failed migration, want %d", v, SchemaVersion)
	}
	var n int
	db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").Scan(&n)
	if n != 0 {
		t.Error("half a migration was kept")
	}
	db.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if all, _ := s.Sessions(Filter{}); len(all) != 1 {
		t.Errorf("%d sessions, want 1", len(all))
	}
}

func TestMigrationRefusesAForeignDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db := rawDB(t, path)
	if _, err := db.Exec("CREATE TABLE notes (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := Open(dir)
	if !errors.Is(err, ErrNotHistory) {
		t.Fatalf("Open of another program's database: %v, want ErrNotHistory", err)
	}
}
