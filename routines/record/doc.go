// Package record is the history as it is read back: a recorded session,
// the date it counts for, and what the review shows (day counts, streaks,
// totals, the pain trend, the red flags, the overview). It holds values
// only: routines/history reads them from its database, and the screens
// show them without knowing there is one (no SQLite here).
package record
