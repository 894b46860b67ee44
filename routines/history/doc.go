// Package history is unknot's durable record: one SQLite database,
// <data dir>/history.db (UNKNOT_HOME/history.db when set), that survives a
// kill mid-session, two terminals at once and a full disk.
//
// # Recording
//
// A process records through one Journal, whose calls never block and
// never fail; one goroutine writes each run's latest record, in order, as
// one short transaction, so a killed process loses at most the rep or
// breath in progress:
//
//	j := history.DefaultJournal()             // or NewJournal(dir, open)
//	e := j.Begin(routines.KindSession, time.Now(), planned, &painBefore)
//	e.SetReps(i, done)                        // i: index into planned (a plan may repeat a routine)
//	e.SetBreaths(12)                          // breathe runs, after each breath
//	e.SetPattern(pattern)                     // breathe runs: the pattern paced (again after a change of pace)
//	e.StoppedAt(i, rep)                       // before a Finish with Pain: where the stop came
//	e.Finish(time.Now(), routines.Completed)  // or Stopped, Pain, Interrupted
//	e.SetPainAfter(2)                         // the check-in after, if any
//	e.SetLevel("knee-to-chest", 1)            // the level a routine is done at (progression)
//	e.SafetyOpened(time.Now())                // after a stop for pain: the safety page opened (the first is kept)
//	e.PackOn()                                // ice and heat: the pack went on (the get-ready is over)
//	if err := j.Trouble(); err != nil { ... } // say it once: the run is kept
//	c := j.Close(3 * time.Second)             // print c.Message(), then c.Unsaved
//
// A write that cannot go through (another unknot holds the lock past the
// busy timeout, a full disk) is kept and retried. What is not written when
// Close's wait ends goes to a pending file beside the history
// (history-pending-*.jsonl, 0600), which the next Open that can write
// merges (one holding what the history refuses, a run dated 2099 say, is
// kept, never deleted, and said: Store.PendingKept, Closing.Kept); when
// that file cannot be written either, Close hands the record
// back as JSON lines `history import` accepts. Store.Start and its
// Recorder write synchronously, for tests and tools.
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
// for its day (streaks, heat map) only when at least one rep or breath was
// done: a run with every hold skipped, or an ice or heat timer, does not
// count there. The totals (Totals, and the report's) count those and the
// runs stopped for pain, even before their first rep or breath
// (Session.InTotals). A run with nothing done at all (Session.Empty:
// breathing opened and closed at once) is left out of the review's list
// too (Filter.HideEmpty; Overview.Empty says how many). Ice and heat count
// by the care plan's rule (routines.Application.Counts) in Totals,
// KindToday and Report. Report's period ends today, or on the date of a
// run begun by now in a time zone ahead; its levels are read by the rule
// of RecentRuns. Times keep the offset recorded where they
// happened; the list shows them as they are, on the clock the day counts on. Queries take the person's date today as a Day, so
// that tests and time zones stay explicit: DayCounts (the heat map),
// Streaks, Totals (per routine and side), PainTrend (before against after,
// and weekly averages), Sessions (the list, paged), TodayCounts (the daily
// limits), RedFlags (a routine stopped for pain again and again, or pain
// high for weeks), RecentRuns and Levels (gentle progression: a routine's
// last sessions, newest first, as routines.Progress reads them, and its
// present level). A routine's level is kept in its own table, levels
// (session, routine, level; schema version 4), one row per routine of a
// session; a session without one did the routine at level 0. Levels travel with
// their sessions in the export (below), so a restored history goes on at
// the levels it had. Overview gathers what the review screen's first frame
// needs (OverviewSince from a --since date), and words.WriteHistory (tui/words) prints it as
// plain text. Counts are bounded (limits.go: MaxBreaths, MaxReps, ...),
// and values past the bounds in a file written by hand are clamped when
// read, so no query overflows.
//
// # Ice and heat
//
// Each application of ice or heat is a session of kind ice or heat,
// recorded through the Journal like any run; it counts in Totals (Ice,
// Heat) and KindToday, never on the heat map or the streaks. It begins
// with its pack not on (never_on, schema version 7) until Entry.PackOn:
// one that ends before, in its get-ready, is a run with nothing done
// (Session.Empty), and does not count. The care
// plan's episodes of spasm (the answer to "when did this spasm start?")
// are kept apart: RecordEpisode, LatestEpisode (the newest that began
// within EpisodeForgotten), and CareApplications (the ice and heat since
// an instant) are what routines.AdviseCare needs.
//
// # Export and import
//
// ExportJSON writes the whole history as one JSON document (format
// version 5), one session or episode to a line:
//
//	{"format": "unknot-history", "version": 5,
//	 "sessions": [
//	  {"id", "kind": "session"|"breathe"|"ice"|"heat", "started_at", "ended_at" (RFC 3339 or null),
//	   "status": "completed"|"stopped"|"pain"|"interrupted", "pain_before",
//	   "pain_after" (0-10 or null), "breaths",
//	   "exercises": [{"routine", "side", "direction", "reps_done", "reps_planned"}],
//	   "levels": {"routine": level, ...},  (only when the session recorded levels)
//	   "pattern": "5-1-3",                 (only for a breathing run that recorded its pattern)
//	   "safety_opened_at": "...",          (only when the safety page was opened from its stop for pain)
//	   "stop_pos": 1, "stop_rep": 2,       (only for a stop for pain that recorded where it came: the
//	                                        exercise under way, from 0, and its rep, from 1)
//	   "never_on": true}                   (only for ice or heat stopped before the pack went on: version 5)
//	 ],
//	 "episodes": [{"began_at", "day_only", "or_earlier", "recorded_at"}]}
//
// where side is "left", "right" or "" for a routine without sides,
// direction a rep-only routine's way ("forward", "back"; left out when it
// has none: version 3 had no direction), and a
// session still being recorded by a live process has the status "running".
// Every table of the schema is in it: sessions with their exercises (and
// check-ins, pain stops, ice and heat), levels, episodes; what is left out
// is only what belongs to a process (the recording pid) or follows from
// the rest (instants as nanoseconds, the day). Version 3 had no
// direction; version 2 no pattern,
// no safety page and no stop place, version 1 was the bare array of sessions; ImportFile
// and ImportJSON read them still, the document,
// and JSON lines of sessions (what a run that could not be saved prints),
// with or without a BOM, as a stream; they check every item against the
// bounds before committing anything, skip sessions already present (same
// start instant and kind: such a session gains only the levels, the
// pattern, the opening of the safety page and the directions it lacks)
// and episodes already present (same beginning, said at the same
// instant), keep the ids where they are free, and report the first bad
// item by index and field, with file:line:column. A document of a newer
// version is refused, saying so. ExportCSV writes the sessions as one row
// per exercise (one row for a session without any) under a header, names
// that a spreadsheet would run as a formula escaped.
//
// # Faults
//
// The folder is made 0700 and the files 0600 whatever the umask. A file
// that is not a SQLite database, a SQLite database of another program, and
// a file with a SQLite header and garbage (damaged), and a history whose
// schema (PRAGMA user_version) is newer than this binary knows are refused
// before anything is written to them. OpenForReview falls back to reading
// only when the history cannot be written (read-only, full disk, locked),
// so it can still be reviewed and exported. Every fault is an *Error whose
// text says what failed, on which file, and what to do; errors.Is tells
// the kinds apart (ErrReadOnly, ErrDiskFull, ErrNotHistory,
// ErrFutureSchema, ErrLocked, ErrDamaged, ErrIO). ExitCode maps any error
// to the exit status: 2 for bad input (an import file), 1 for the rest.
//
// # Schema
//
// The schema is versioned with PRAGMA user_version and changed only by the
// forward migrations in schema.go, each in one transaction with the
// version change.
package history
