// Package words is what unknot says in plain text: durations as a clock
// reads them, sides and reps, paces, the summary of a run, the routine list
// and a routine's details, the safety page. The screens (tui), the plain
// front end (tui/plain) and the command line (cmd) all say things the same
// way by going through here. It draws nothing: no Bubble Tea, no colour.
package words
