// Command unknot is a terminal coach for people with back spasms: guided
// stretches with hold countdowns, a breathing pacer for when a spasm hits,
// and a private history to look back on.
//
// This package only wires: it parses the command line, finds the files, and
// hands over to tui (the screens and the plain front end), routines (the
// domain) and routines/history (the record). It holds no logic of its own.
package main
