// Package routines is unknot's domain: what a stretch routine is, the sides
// it is done on, the position it is done in (position.go), the breathing
// pattern that paces its holds and how a hold is paced to end on an exhale
// (pacing.go), rep-only routines of moves (rep_time, directions), the words
// that name the side ({side}, words.go) and guide a change of position
// (transition.go), the built-in catalog and the default session ordered by
// position (session.go), the loading and validation of a person's own
// routine files and of config.toml (config.go, config_save.go), and gentle
// progression with its brakes, as a pure function (progress.go).
//
// Files are read as things that can hurt: only regular files of at most
// MaxFileSize, opened without blocking (openfile.go, folder.go); a file or
// folder every user may write is skipped with the chmod that fixes it;
// parsing takes time in proportion to the file's size (fields.go,
// lineindex.go); a control character in any field is a problem at its
// position, and Printable escapes whatever comes from outside before it is
// printed (text.go). Durations and minutes are decimal and never round to
// zero (duration.go).
//
// Nothing here knows about a screen or a database. The pacing engine that
// turns routines into a timeline lives in routines/coach; the durable record
// lives in routines/history.
package routines
