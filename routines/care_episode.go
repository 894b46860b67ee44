package routines

import (
	"fmt"
	"strings"
	"time"
)

// Onset is the answer to "when did this spasm start?".
type Onset int

// The answers a person can give.
const (
	OnsetToday     Onset = iota // some time today
	OnsetYesterday              // some time yesterday
	OnsetEarlier                // 2 days ago or more
)

// Onsets are the answers in the order they are offered.
var Onsets = []Onset{OnsetToday, OnsetYesterday, OnsetEarlier}

// OnsetQuestion is asked once, when no episode is on record.
const OnsetQuestion = "When did this spasm start?"

// Label is the answer as a person reads it.
func (o Onset) Label() string {
	switch o {
	case OnsetToday:
		return "today"
	case OnsetYesterday:
		return "yesterday"
	case OnsetEarlier:
		return "2 days ago or more"
	}
	return fmt.Sprintf("Onset(%d)", int(o))
}

// ParseOnset reads an answer typed in plain mode: "today" or "t" or "0",
// "yesterday" or "y" or "1", "earlier" or "e" or "2" (or "2+").
func ParseOnset(s string) (Onset, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "today", "t", "0":
		return OnsetToday, nil
	case "yesterday", "y", "1":
		return OnsetYesterday, nil
	case "earlier", "e", "2", "2+", "2 days ago or more":
		return OnsetEarlier, nil
	}
	return 0, fmt.Errorf("%q is not an answer: say today, yesterday or earlier (2 days ago or more)", s)
}

// Episode is one spasm: when it began, as an instant, or as a day when the
// person only said "today" or "yesterday".
type Episode struct {
	// Began is the instant the spasm began; for a Day episode, the
	// midnight that began its day where the question was answered.
	Began time.Time
	// Day says only the day is known.
	Day bool
	// OrEarlier says the person answered "2 days ago or more": Began is
	// the latest it can have been.
	OrEarlier bool
}

// EpisodeFrom is the episode an answer to OnsetQuestion given at now
// describes: the day it names, in now's location.
func EpisodeFrom(now time.Time, o Onset) Episode {
	back := 0
	switch o {
	case OnsetYesterday:
		back = 1
	case OnsetEarlier:
		back = 2
	}
	y, m, d := now.Date()
	return Episode{Began: time.Date(y, m, d-back, 0, 0, 0, 0, now.Location()), Day: true, OrEarlier: o == OnsetEarlier}
}

// IceUntil is when the first 48 hours end and heat takes over, in loc. For
// an instant it is 48 hours later. For a day it is the midnight two days
// after the day began, in loc: the first two days are the day it began and
// the next one (001: "for 2 days"), whatever the clocks did in between.
func (e Episode) IceUntil(loc *time.Location) time.Time {
	if !e.Day {
		return e.Began.Add(Ice.Phase.Value)
	}
	y, m, d := e.Began.Date()
	return time.Date(y, m, d+2, 0, 0, 0, 0, loc)
}

// Describe says when the episode began, as seen at now: "today",
// "yesterday", "2 days ago or more", or, for an instant, "today at 09:40".
func (e Episode) Describe(now time.Time) string {
	if e.OrEarlier {
		return "2 days ago or more"
	}
	if e.Day {
		if careDays(now, e.Began) > 0 {
			// Answered "today" where the date was already a day on (across
			// the date line): it began no later than today.
			return "today"
		}
		return careDay(now, e.Began)
	}
	if t := e.Began.In(now.Location()); careDays(now, t) == 0 {
		return "today " + careAt(now, t)
	}
	return careAt(now, e.Began)
}
