// Package routines is unknot's domain: what a stretch routine is, the sides
// it is done on, the breathing pattern that paces its holds, the built-in
// catalog, and the loading and validation of a person's own routine files.
//
// Nothing here knows about a screen or a database. The pacing engine that
// turns routines into a timeline lives in routines/coach; the durable record
// lives in routines/history.
package routines
