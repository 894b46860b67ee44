// Package tui is unknot's front end: the Bubble Tea screens (home, session,
// breathe, history review, safety), the widgets they share (breath gauge,
// rep dots, calendar), one key map, one theme, and the plain line-by-line
// front end for screen readers and pipes.
//
// It renders what routines/coach says is happening and turns the coach's
// events into history writes; it holds no pacing logic of its own.
package tui
