// Package history is unknot's durable record: one SQLite database,
// <data dir>/history.db (UNKNOT_HOME/history.db when set), that survives a
// kill mid-session, two terminals at once and a full disk.
//
// # Recording
//
// A screen records a session as it happens; every call is one short
// transaction, committed and synced before it returns, so a killed process
// loses at most the rep or breath in progress:
//
//	s, err := history.Open(dir)               // or history.OpenDefault()
//	rec, err := s.Start(history.KindSession, time.Now(), planned, &painBefore)
//	rec.SetReps("knee-to-chest", "left", 3)   // after each rep held to its end
//	rec.SetBreaths(12)                        // breathe sessions, after each breath
//	rec.Finish(time.Now(), history.Completed) // or Stopped, Pain
//	rec.SetPainAfter(2)                       // the check-in after, if any
//	s.Close()
//
// A session row holds the pid of the process recording it and a token of
// that process's start (so a reused pid is not mistaken for it). A session
// never finished reads as Running while that process lives (another
// terminal) and as Interrupted once it has gone; Open marks such sessions
// interrupted for good.
//
// # Reading
//
// A session counts for the date on the wall clock where it started, and
// for its day (streaks, heat map) when it was completed or got at least one
// rep or breath done. Queries take the person's date today as a Day, so
// that tests and time zones stay explicit: DayCounts (the heat map),
// Streaks, Totals (per routine and side), PainTrend (before against after,
// and weekly averages), Sessions (the list, paged), TodayCounts (the daily
// limits), RedFlags (a routine stopped for pain again and again, or pain
// high for weeks). Overview gathers what the review screen's first frame
// needs, and WriteSummary prints it as plain text.
//
// # Export and import
//
// ExportJSON writes one JSON array, one session to a line, each
//
//	{"id", "kind": "session"|"breathe", "started_at", "ended_at" (RFC 3339 or null),
//	 "status": "completed"|"stopped"|"pain"|"interrupted", "pain_before",
//	 "pain_after" (0-10 or null), "breaths",
//	 "exercises": [{"routine", "side", "reps_done", "reps_planned"}]}
//
// where side is "left", "right" or "" for a routine without sides, and a
// session still being recorded by a live process has the status "running".
// ExportCSV writes the same as one row per exercise (one row for a session
// without any) under a header. ImportJSON reads exactly what ExportJSON
// writes, all or nothing, skips sessions already present (same start
// instant and kind), keeps the ids where they are free, and reports where
// a bad file is wrong as file:line:column.
//
// # Faults
//
// The folder is made 0700 and the files 0600 whatever the umask. A file
// that is not a SQLite database, a SQLite database of another program, and
// a history whose schema (PRAGMA user_version) is newer than this binary
// knows are refused before anything is written to them. Every fault is an
// *Error whose text says what failed, on which file, and what to do;
// errors.Is tells the kinds apart (ErrReadOnly, ErrDiskFull, ErrNotHistory,
// ErrFutureSchema, ErrLocked, ErrDamaged, ErrIO).
//
// # Schema
//
// The schema is versioned with PRAGMA user_version and changed only by the
// forward migrations in schema.go, each in one transaction with the
// version change.
package history
