// Package plain is unknot's line-by-line front end, for screen readers,
// pipes and the slowest links: one line per event (phase change, rep, side
// switch, routine change, pause, end) written and flushed the moment it is
// due, with no colour and no cursor movement. It has no Bubble Tea in it.
//
// It follows a coach with real timers set for the coach's next event
// (coach.NextEvent), never a ticker, so each line lands as close to its
// instant as the machine allows and a late wake-up never shifts the lines
// after it. Typed lines steer it (Enter pauses, q quits ...). What was done
// goes to the same routines.Journal the screens record to.
//
// Guided runs a session with the screen's safety: at a terminal, the
// daily-limit question, the check-ins and progression's offers are
// numbered prompts answered with a typed line (Enter alone: the gentler
// choice); with no terminal on stdin nothing is asked, a routine at its
// daily limit is left out with one line, and no offer is taken.
package plain
