package history

import (
	"context"
	"database/sql"
	"fmt"
)

// applicationID marks a SQLite file as an unknot history ("unkn").
const applicationID = 0x756e6b6e

// A migration takes the schema from version to-1 to version to. Migrations
// only ever move forward; each runs in the same transaction as the change
// of PRAGMA user_version, so a crash leaves the file at one version or the
// next, never between.
type migration struct {
	to  int
	sql string
}

// migrations, in order. Append only: never edit one that has shipped.
var migrations = []migration{
	{to: 1, sql: `
PRAGMA application_id = 1970170734;
CREATE TABLE sessions (
	id          INTEGER PRIMARY KEY,
	kind        TEXT    NOT NULL CHECK (kind IN ('session', 'breathe')),
	started_at  TEXT    NOT NULL,  -- RFC 3339 with the offset where it happened
	started_ns  INTEGER NOT NULL,  -- the same instant, Unix nanoseconds
	day         TEXT    NOT NULL,  -- the local date it started, YYYY-MM-DD
	ended_at    TEXT,
	status      TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'pain', 'interrupted')),
	pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
	pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
	breaths     INTEGER NOT NULL DEFAULT 0 CHECK (breaths >= 0),
	owner_pid   INTEGER,           -- the process recording it, while running
	owner_token TEXT               -- ... and that process's start, against pid reuse
);
CREATE INDEX sessions_started ON sessions (started_ns, kind);
CREATE INDEX sessions_day ON sessions (day);
CREATE INDEX sessions_running ON sessions (status) WHERE status = 'running';
CREATE TABLE exercises (
	session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	pos          INTEGER NOT NULL,
	routine      TEXT    NOT NULL,
	side         TEXT    NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right')),
	reps_done    INTEGER NOT NULL DEFAULT 0 CHECK (reps_done >= 0),
	reps_planned INTEGER NOT NULL DEFAULT 0 CHECK (reps_planned >= 0),
	PRIMARY KEY (session_id, pos),
	UNIQUE (session_id, routine, side)
) WITHOUT ROWID;
`},
	// 2: a plan may hold the same routine and side more than once (each
	// exercise is told apart by its position); ice and heat runs; every
	// count bounded (see limits.go). Values past the bounds, which only a
	// crafted import could have written, are clamped on the way.
	{to: 2, sql: `
CREATE TABLE sessions_v2 (
	id          INTEGER PRIMARY KEY,
	kind        TEXT    NOT NULL CHECK (kind IN ('session', 'breathe', 'ice', 'heat')),
	started_at  TEXT    NOT NULL,  -- RFC 3339 with the offset where it happened
	started_ns  INTEGER NOT NULL,  -- the same instant, Unix nanoseconds
	day         TEXT    NOT NULL,  -- the local date it started, YYYY-MM-DD
	ended_at    TEXT,
	status      TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'pain', 'interrupted')),
	pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
	pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
	breaths     INTEGER NOT NULL DEFAULT 0 CHECK (breaths BETWEEN 0 AND 1000000),
	owner_pid   INTEGER,           -- the process recording it, while running
	owner_token TEXT               -- ... and that process's start, against pid reuse
);
INSERT INTO sessions_v2 SELECT id, kind, started_at, started_ns, day, ended_at, status,
	pain_before, pain_after, min(max(breaths, 0), 1000000), owner_pid, owner_token FROM sessions;
CREATE TABLE exercises_v2 (
	session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	pos          INTEGER NOT NULL CHECK (pos >= 0),
	routine      TEXT    NOT NULL,
	side         TEXT    NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right')),
	reps_done    INTEGER NOT NULL DEFAULT 0 CHECK (reps_done BETWEEN 0 AND reps_planned),
	reps_planned INTEGER NOT NULL DEFAULT 0 CHECK (reps_planned BETWEEN 0 AND 1000),
	PRIMARY KEY (session_id, pos)
) WITHOUT ROWID;
INSERT INTO exercises_v2 SELECT session_id, pos, routine, side,
	min(max(reps_done, 0), max(reps_planned, reps_done, 0), 1000),
	min(max(reps_planned, reps_done, 0), 1000) FROM exercises;
DROP TABLE exercises;
DROP TABLE sessions;
ALTER TABLE sessions_v2 RENAME TO sessions;
ALTER TABLE exercises_v2 RENAME TO exercises;
CREATE INDEX sessions_started ON sessions (started_ns, kind);
CREATE INDEX sessions_day ON sessions (day);
CREATE INDEX sessions_running ON sessions (status) WHERE status = 'running';
`},
	// 3: episodes of spasm, for the care plan (ice in the first 48 hours,
	// heat after). A new table only: nothing is rebuilt or dropped, so the
	// sessions and their exercises are untouched.
	{to: 3, sql: `
CREATE TABLE episodes (
	id          INTEGER PRIMARY KEY,
	began_at    TEXT    NOT NULL,  -- RFC 3339 with the offset where it was said
	began_ns    INTEGER NOT NULL,  -- the same instant, Unix nanoseconds
	day_only    INTEGER NOT NULL DEFAULT 0 CHECK (day_only IN (0, 1)),    -- only the day is known
	or_earlier  INTEGER NOT NULL DEFAULT 0 CHECK (or_earlier IN (0, 1)),  -- "2 days ago or more"
	recorded_at TEXT    NOT NULL,  -- when the person said it
	recorded_ns INTEGER NOT NULL
);
CREATE INDEX episodes_recorded ON episodes (recorded_ns);
`},
	// 4: the level each routine of a session was done at (gentle
	// progression, routines.Progress): steps from its file, 0 as written.
	// A session with no row for a routine did it at level 0 (every
	// session before this step). A table of its own, not a column of
	// exercises, so that a level is one per routine and the export's
	// format stays as it was.
	{to: 4, sql: `
CREATE TABLE levels (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	routine    TEXT    NOT NULL,
	level      INTEGER NOT NULL CHECK (level BETWEEN -1000 AND 1000),
	PRIMARY KEY (session_id, routine)
) WITHOUT ROWID;
`},
	// 5: the breathing pattern a breathing run paced ("5-1-3", as typed),
	// when the safety page was first opened from a run's stop for pain,
	// and where that stop came (the exercise under way, by its position,
	// and its rep). Nullable columns added: nothing is rebuilt, and every
	// run from before reads NULL, "not recorded". That the position names
	// one of the session's exercises and the rep one it plans is checked
	// on the way in (limits.go) and on the way out (load.go): a CHECK
	// cannot look at another table.
	{to: 5, sql: `
ALTER TABLE sessions ADD COLUMN pattern TEXT
	CHECK (pattern IS NULL OR (kind = 'breathe' AND length(pattern) BETWEEN 3 AND 40));
ALTER TABLE sessions ADD COLUMN safety_opened_at TEXT  -- RFC 3339 with the offset where it happened
	CHECK (safety_opened_at IS NULL OR status = 'pain');
ALTER TABLE sessions ADD COLUMN stop_pos INTEGER       -- exercises.pos of the one under way at a stop for pain
	CHECK (stop_pos IS NULL OR (status = 'pain' AND kind = 'session' AND stop_pos BETWEEN 0 AND 999));
ALTER TABLE sessions ADD COLUMN stop_rep INTEGER       -- ... and its rep, 1-based
	CHECK ((stop_rep IS NULL) = (stop_pos IS NULL) AND (stop_rep IS NULL OR stop_rep BETWEEN 1 AND 1000));
`},
	// 6: the direction of an exercise of a rep-only routine with
	// directions (shoulder rolls: forward, then back), which until now
	// was two rows alike. A column added: every exercise from before
	// reads "", not recorded.
	{to: 6, sql: `
ALTER TABLE exercises ADD COLUMN direction TEXT NOT NULL DEFAULT ''
	CHECK (direction = '' OR (side = '' AND length(direction) BETWEEN 1 AND 40));
`},
	// 7: whether an ice or heat run's pack never went on (ended in its
	// get-ready: nothing done). A column added: every run from before
	// reads 0, on, as it was counted.
	{to: 7, sql: `
ALTER TABLE sessions ADD COLUMN never_on INTEGER NOT NULL DEFAULT 0
	CHECK (never_on = 0 OR (never_on = 1 AND kind IN ('ice', 'heat')));
`},
}

// SchemaVersion is the newest schema this binary knows.
var SchemaVersion = migrations[len(migrations)-1].to

// migrate brings the schema up to SchemaVersion in one immediate
// transaction: two processes opening a new history at once cannot both
// create it. A newer schema is refused before anything is written; a file
// of another program is refused too.
func migrate(db *sql.DB, path string) error {
	return migrateWith(db, path, migrations)
}

// migrateWith applies the migrations in list that the file lacks.
func migrateWith(db *sql.DB, path string, list []migration) error {
	target := list[len(list)-1].to
	ctx := context.Background()
	// A quick look without a write lock: most opens find nothing to do.
	v, err := userVersion(ctx, db)
	if err != nil {
		return err
	}
	if err := checkVersion(path, v, target); err != nil {
		return err
	}
	if v >= target {
		return nil
	}
	// Rebuilding a table (migration 2) needs foreign keys off, and that
	// can only be set outside a transaction: one connection does it all.
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return err
	}
	defer conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
	tx, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE (see pragmas)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if v, err = userVersion(ctx, tx); err != nil {
		return err
	}
	if err := checkVersion(path, v, target); err != nil {
		return err
	}
	if v == 0 {
		if err := checkForeign(ctx, tx, path); err != nil {
			return err
		}
	}
	for _, m := range list {
		if m.to <= v {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("schema migration to version %d: %w", m.to, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.to)); err != nil {
			return err
		}
	}
	var broken int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_foreign_key_check").Scan(&broken); err != nil {
		return err
	}
	if broken > 0 {
		return fmt.Errorf("schema migration to version %d: %d rows refer to nothing", target, broken)
	}
	return tx.Commit()
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func userVersion(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// checkForeign refuses a SQLite database of another program: one at
// version 0 that already holds tables, or that carries another
// application id.
func checkForeign(ctx context.Context, q querier, path string) error {
	var app, tables int
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return err
	}
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return err
	}
	if (app != 0 && app != applicationID) || tables > 0 {
		return notHistory(path, fmt.Errorf("a SQLite database of another program (application id %#x, %d objects)", app, tables))
	}
	return nil
}
