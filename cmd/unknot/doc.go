// Command unknot is a terminal coach for people with back spasms: guided
// stretches with hold countdowns, a breathing pacer for when a spasm hits,
// and a private history to look back on.
//
// This package only wires: main runs the command tree that newRootCmd
// builds from explicit constructors (newSessionCmd, newBreatheCmd ...), each
// handed one factory: the streams, the global flags, and the catalog, the
// history and the recording queue, each opened on first use and closed
// only if opened. It hands over to tui (the app and its screens),
// tui/plain (one line per moment), routines (the domain) and
// routines/history (the record).
package main
