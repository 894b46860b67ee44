package history

import readback "github.com/unknot/unknot/routines/record"

// The values the history reads back live in routines/record, so that the
// screens can show them without this package's database; these names keep
// the history's API whole.
type (
	Day       = readback.Day
	Session   = readback.Session
	DayCount  = readback.DayCount
	Streak    = readback.Streak
	Total     = readback.Total
	Totals    = readback.Totals
	WeekPain  = readback.WeekPain
	PainTrend = readback.PainTrend
	PainStop  = readback.PainStop
	RedFlags  = readback.RedFlags
	Overview  = readback.Overview
)

// The red flags' thresholds and the overview's reach (see routines/record).
const (
	PainStopWindow = readback.PainStopWindow
	PainStopLimit  = readback.PainStopLimit
	HighPain       = readback.HighPain
	HighPainWeeks  = readback.HighPainWeeks
	HeatMapDays    = readback.HeatMapDays
	RecentSessions = readback.RecentSessions
	Running        = readback.Running
)

// DayOf, ParseDay and DaysBetween are routines/record's.
var (
	DayOf       = readback.DayOf
	ParseDay    = readback.ParseDay
	DaysBetween = readback.DaysBetween
)
