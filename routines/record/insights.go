package record

import (
	"cmp"
	"slices"
)

// InsightMinimum is the fewest sessions an observation may rest on: below
// it, unknot says nothing about that group.
const InsightMinimum = 5

// CareWindow is how long after the start of an ice or heat application a
// session counts as "after ice" or "after heat", in hours.
const CareWindow = 3

// The groups an observation belongs to.
const (
	ByRoutine   = "routine"   // sessions with at least one rep of a routine, or stopped for pain in it
	ByBreathing = "breathing" // breathing runs, by pattern when it is known
	ByCare      = "care"      // sessions within CareWindow hours after ice or after heat
	ByTime      = "time"      // sessions by the time of day they began
)

// PatternNotRecorded is the label of the breathing runs whose pattern was
// not recorded (those from before it was): a group of their own, never
// counted with a pattern they may not have used.
const PatternNotRecorded = "pattern not recorded"

// The times of day, by the hour a session began on its own clock.
const (
	Morning   = "morning"   // 05:00 to 11:59
	Afternoon = "afternoon" // 12:00 to 16:59
	Evening   = "evening"   // 17:00 to 21:59
	Night     = "night"     // 22:00 to 04:59
)

// TimeOfDay names the part of the day of hour h (0-23).
func TimeOfDay(h int) string {
	switch {
	case h >= 5 && h < 12:
		return Morning
	case h >= 12 && h < 17:
		return Afternoon
	case h >= 17 && h < 22:
		return Evening
	}
	return Night
}

// Observation is the mean change in pain within the sessions of one
// group (after minus before: negative means lower after), and how many
// sessions it rests on (always InsightMinimum or more).
type Observation struct {
	Group    string `json:"group"`
	Label    string `json:"label"` // the routine, "ice", "heat", "morning", a pattern "5-1-3" or PatternNotRecorded...
	Sessions int    `json:"sessions"`
	// BreathingRuns is how many of Sessions were breathing runs: the
	// groups by time of day and after ice or heat hold stretch sessions
	// and breathing runs alike, and the words say which.
	BreathingRuns int     `json:"breathing_runs"`
	Change        float64 `json:"mean_change"`
	Before        float64 `json:"mean_before"`
	After         float64 `json:"mean_after"`
}

// Held is a group left unsaid: too few sessions to say anything.
type Held struct {
	Group    string `json:"group"`
	Label    string `json:"label"`
	Sessions int    `json:"sessions"`
}

// Insights are the observations "what seems to help you", in a fixed
// order (routine, breathing, care, time of day; then by label), and the
// groups held back for having fewer than Minimum sessions.
type Insights struct {
	Minimum      int           `json:"minimum_sessions"`
	Pairs        int           `json:"sessions_with_both_checkins"`
	Observations []Observation `json:"observations"`
	Held         []Held        `json:"held_back"`
}

// InsightSample is one session with a check-in before and after, and
// what it was: the facts an observation is built from.
type InsightSample struct {
	Before, After int
	Routines      []string // routines with at least one rep done, and the one a stop for pain came in (distinct)
	Breathing     string   // a breathing run: its pattern ("5-1-3"), or PatternNotRecorded; "" otherwise
	Care          string   // "ice" or "heat" when begun within CareWindow hours after one; "" otherwise
	Hour          int      // the hour it began, on its own clock
}

// NewInsights groups samples and keeps only the groups with at least min
// sessions (InsightMinimum when min < 1); the rest are Held.
func NewInsights(samples []InsightSample, min int) Insights {
	if min < 1 {
		min = InsightMinimum
	}
	type key struct{ group, label string }
	type acc struct{ n, breathing, before, after int }
	sums := map[key]*acc{}
	var order []key
	add := func(k key, s InsightSample) {
		a := sums[k]
		if a == nil {
			a = &acc{}
			sums[k] = a
			order = append(order, k)
		}
		a.n++
		if s.Breathing != "" {
			a.breathing++
		}
		a.before += s.Before
		a.after += s.After
	}
	for _, s := range samples {
		for _, r := range s.Routines {
			add(key{ByRoutine, r}, s)
		}
		if s.Breathing != "" {
			add(key{ByBreathing, s.Breathing}, s)
		}
		if s.Care != "" {
			add(key{ByCare, s.Care}, s)
		}
		add(key{ByTime, TimeOfDay(s.Hour)}, s)
	}
	in := Insights{Minimum: min, Pairs: len(samples)}
	slices.SortFunc(order, func(a, b key) int {
		return cmp.Or(cmp.Compare(groupRank(a.group), groupRank(b.group)),
			cmp.Compare(labelRank(a.label), labelRank(b.label)), cmp.Compare(a.label, b.label))
	})
	for _, k := range order {
		a := sums[k]
		if a.n < min {
			in.Held = append(in.Held, Held{Group: k.group, Label: k.label, Sessions: a.n})
			continue
		}
		b, f := float64(a.before)/float64(a.n), float64(a.after)/float64(a.n)
		in.Observations = append(in.Observations, Observation{Group: k.group, Label: k.label,
			Sessions: a.n, BreathingRuns: a.breathing, Change: f - b, Before: b, After: f})
	}
	return in
}

func groupRank(g string) int {
	switch g {
	case ByRoutine:
		return 0
	case ByBreathing:
		return 1
	case ByCare:
		return 2
	}
	return 3
}

// labelRank puts the times of day in the day's order, and the breathing
// runs whose pattern is not known after those by pattern; other labels
// sort by name.
func labelRank(l string) int {
	switch l {
	case PatternNotRecorded:
		return 5
	case Morning:
		return 1
	case Afternoon:
		return 2
	case Evening:
		return 3
	case Night:
		return 4
	}
	return 0
}
