package record

// DayCount is how many sessions counted on one date.
type DayCount struct {
	Day      Day
	Sessions int
}

// Streak is how regular the person has been, in days in a row with at
// least one session that counts.
type Streak struct {
	Current int // ending today, or yesterday if today has none yet
	Longest int // ever
	Last    Day // the last date with a session ("" if none)
}

// Total is what was done of one routine on one side.
type Total struct {
	Routine  string
	Side     string // "left", "right" or ""
	Reps     int    // reps held to their end
	Sessions int    // sessions in which at least one was, each once (however many of its exercises are this routine and side)
}

// Totals sums up everything since date since ("" for ever).
type Totals struct {
	Exercises       []Total // by routine, then side
	Sessions        int     // stretch sessions that count or were stopped for pain (Session.InTotals)
	BreatheSessions int     // breathe sessions the same way
	Breaths         int     // breaths paced, all sessions together
	Ice, Heat       int     // applications of ice and of heat that count (routines.Application.Counts)
}

// WeekPain is the average check-in of one week.
type WeekPain struct {
	Week          Day     // its Monday
	Before, After float64 // average before and after sessions (valid when the count is > 0)
	NBefore       int     // check-ins before
	NAfter        int     // check-ins after
}

// PainTrend is whether sessions help and how pain moves over weeks.
type PainTrend struct {
	Pairs     int        // runs (stretch sessions, breathing runs) with a check-in both before and after
	ByKind    PairCounts // the same by kind: say Pairs with ByKind.Words
	AvgBefore float64    // over Pairs: average pain before ...
	AvgAfter  float64    // ... and after
	Weeks     []WeekPain
}

// Change is how much a session changes pain on average (negative: it
// helps), over sessions with both check-ins.
func (p PainTrend) Change() float64 { return p.AvgAfter - p.AvgBefore }

// The thresholds of the red flags. They are deliberately simple: the note
// they raise is gentle, and points to `unknot safety`.
const (
	PainStopWindow = 30 // days looked back for stops for pain
	PainStopLimit  = 3  // stops for pain of one routine within the window that raise a flag
	HighPain       = 6  // a weekly average check-in at or above this is high
	HighPainWeeks  = 3  // weeks in a row of high pain that raise a flag
)

// PainStop is a routine that was stopped for pain, how often within the
// window, and when last.
type PainStop struct {
	Routine string
	Count   int
	Last    Day
}

// RedFlags are the signs that the person should read the red flags and
// perhaps see a doctor.
type RedFlags struct {
	// PainStops lists the routines stopped for pain at least PainStopLimit
	// times in the last PainStopWindow days, most often first.
	PainStops []PainStop
	// HighWeeks is how many weeks in a row, up to this week or the last,
	// the average check-in was HighPain or more.
	HighWeeks int
}

// Raised reports whether any red flag is up.
func (r RedFlags) Raised() bool { return len(r.PainStops) > 0 || r.HighWeeks >= HighPainWeeks }

// HeatMapDays is how far back Overview's heat map reaches: 26 weeks.
const HeatMapDays = 26 * 7

// RecentSessions is how many sessions Overview lists.
const RecentSessions = 50

// Overview is everything the review screen shows in its first frame.
type Overview struct {
	Today       Day
	Since       Day        // the first date looked at ("": all)
	Days        []DayCount // the heat map: the last HeatMapDays days
	Streak      Streak
	Totals      Totals // since Since
	Pain        PainTrend
	Recent      []Session // newest first, at most RecentSessions (the first page)
	Flags       RedFlags
	TodayCounts map[string]int // today's count per routine, for the daily limits
	Sessions    int            // sessions since Since, of any status, empty runs aside (page through them with Sessions)
	Empty       int            // runs since Since with nothing done (Session.Empty), left out of Recent and Sessions

	Insights Insights // what seems to help: the change in pain by routine, care, time of day (since Since)
}
