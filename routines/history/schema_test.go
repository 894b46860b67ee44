package history

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"
)

// rawDB opens path with the store's pragmas but none of its checks.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	u := url.URL{Scheme: "file", Path: path, RawQuery: pragmas}
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
}

func TestEveryMigrationFromTheVersionBefore(t *testing.T) {
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
