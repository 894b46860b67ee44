// Package tui is unknot's full-screen front end, on Bubble Tea: App, the
// one model Bubble Tea runs, and the screens it stacks (home, session,
// breathe, review, pick routines, safety, ice and heat), the widgets they share (breath
// shape and gauge, big digits, calendar heat map), one key map and one
// theme.
//
// App owns the window size, the background colour, the stack of screens,
// the help line and ctrl+c. A screen draws its body and asks App, by
// message, to open a screen, close itself, or keep a finished run for the
// closing summary; it never quits the program. Navigation is one pure
// function, Navigate. A screen renders what routines/coach says is
// happening at the instant of the frame that will show it (App knows
// Bubble Tea's frame instants: frames.go), wakes only just before the
// frames of the coach's deadlines and of the moving shape's steps (one
// timing loop for every pacing screen: pacing.go), and records through the
// domain's routines.Journal (cmd passes the history's), so this package
// holds no pacing logic and no database.
//
// The plain line-by-line front end is tui/plain; the words both say are in
// tui/words.
package tui
