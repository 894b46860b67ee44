package record

import "time"

// Report is everything `unknot report` shows for a physio or a doctor:
// the numbers behind each section and chart, for the dates From to To
// (both inclusive). routines/history computes it from the record;
// tui/report lays it out as HTML, text or JSON without knowing where the
// numbers came from.
type Report struct {
	From       Day       `json:"from"`
	To         Day       `json:"to"`
	Asked      Day       `json:"asked_from"`    // the first date asked for: before From when the record begins later
	Begins     Day       `json:"record_begins"` // the first date on record, any run; "" when the record holds none
	Made       time.Time `json:"made"`          // when the report was made (the person's clock)
	PlanWeekly int       `json:"plan_per_week"` // the stretch sessions a week the person aims for

	Weeks     []ReportWeek    `json:"weeks"` // every week that touches the period, oldest first
	Adherence Adherence       `json:"adherence"`
	Routines  []RoutineReport `json:"routines"` // by name
	Pain      ReportPain      `json:"pain"`
	Stops     []StopEvent     `json:"pain_stops"` // oldest first
	Episodes  []EpisodeStart  `json:"episodes"`   // spasms said to have begun in the period or within EpisodeForgotten before it, oldest first; the one the period began in leads, however old
	Care      CareCounts      `json:"care"`
	Insights  Insights        `json:"insights"`
	Sessions  int             `json:"sessions_listed"` // every run in the period, any kind or status
	Kinds     map[string]int  `json:"runs_by_kind"`    // the same by kind
}

// ReportWeek is one week (Monday to Sunday) of the period. The first and
// last weeks may be partial: Days says how many of their days fall inside.
type ReportWeek struct {
	Week      Day     `json:"week"` // its Monday
	Days      int     `json:"days_in_period"`
	Sessions  int     `json:"sessions"`       // stretch sessions in the totals: at least one rep, or stopped for pain (Session.InTotals)
	Breathe   int     `json:"breathing_runs"` // breathing runs the same way: at least one breath, or stopped for pain
	Breaths   int     `json:"breaths"`
	Ice       int     `json:"ice"`  // ice applications that count (routines.Application.Counts)
	Heat      int     `json:"heat"` // heat applications that count
	PainStops int     `json:"pain_stops"`
	Before    float64 `json:"pain_before_mean"` // mean check-in before (valid when NBefore > 0)
	NBefore   int     `json:"pain_before_count"`
	After     float64 `json:"pain_after_mean"` // mean check-in after (valid when NAfter > 0)
	NAfter    int     `json:"pain_after_count"`
}

// Adherence is how regularly the person stretched in the period.
type Adherence struct {
	Days            int `json:"days"`              // days in the period
	DaysWithSession int `json:"days_with_session"` // days with a stretch session in Sessions
	LongestGap      int `json:"longest_gap_days"`  // the most days in a row without one
	Sessions        int `json:"sessions"`          // stretch sessions in the totals: at least one rep, or stopped for pain
	Planned         int `json:"planned"`           // the plan's sessions over the period (PlanWeekly a week, pro rata)
}

// RoutineReport is what was done of one routine in the period.
type RoutineReport struct {
	Routine     string      `json:"routine"`
	Sessions    int         `json:"sessions"` // sessions with at least one rep of it, each once (Total's rule)
	RepsDone    int         `json:"reps_done"`
	RepsPlanned int         `json:"reps_planned"` // over the sessions that planned it
	PainStops   int         `json:"pain_stops"`   // stops for pain that came during it
	Levels      []LevelStep `json:"levels"`       // its level over time: the first session's, then each change (the sessions `history` reads levels from: a rep of it done, or stopped for pain)
}

// LevelStep is the level a routine was done at from a date on.
type LevelStep struct {
	Day   Day `json:"day"`
	Level int `json:"level"`
}

// ReportPain is the check-ins of the period.
type ReportPain struct {
	Points    []PainPoint `json:"sessions"`      // each session with a check-in, oldest first
	Pairs     int         `json:"pairs"`         // runs (stretch sessions, breathing runs) with both check-ins
	ByKind    PairCounts  `json:"pairs_by_kind"` // the same by kind: say Pairs with ByKind.Words
	AvgBefore float64     `json:"mean_before"`   // over Pairs
	AvgAfter  float64     `json:"mean_after"`    // over Pairs
}

// PainPoint is one session's check-ins; At keeps the offset recorded
// where it happened (the clock its day counts on).
type PainPoint struct {
	At     time.Time `json:"at"`
	Kind   string    `json:"kind"`
	Before *int      `json:"before"`
	After  *int      `json:"after"`
}

// StopEvent is a session stopped for pain ("stop, it hurts"), and where:
// the routine, side and rep under way.
type StopEvent struct {
	At          time.Time `json:"at"`
	Kind        string    `json:"kind"`
	Routine     string    `json:"routine,omitempty"` // "" for a breathing run
	Side        string    `json:"side,omitempty"`
	Rep         int       `json:"rep,omitempty"` // the rep under way, 0 if unknown
	RepsPlanned int       `json:"reps_planned,omitempty"`
	// Guessed marks a stop from before unknot recorded where it came: it
	// is put down to the first exercise not finished, at the rep after
	// those done (Session.PainPlace).
	Guessed    bool `json:"place_guessed,omitempty"`
	PainBefore *int `json:"pain_before"`
	PainAfter  *int `json:"pain_after"`
	// SafetyOpenedAt is when the safety page was first opened from the
	// stop, on the clock where it happened; nil when it was not, or when
	// the stop came before unknot recorded it.
	SafetyOpenedAt *time.Time `json:"safety_opened_at"`
}

// EpisodeStart is when the person said a spasm began.
type EpisodeStart struct {
	Began     time.Time `json:"began"`
	DayOnly   bool      `json:"day_only"`   // only the day is known
	OrEarlier bool      `json:"or_earlier"` // "2 days ago or more"
}

// CareCounts sums up the ice and heat and the breathing of the period.
// Ice and Heat are the applications that count (routines.Application.Counts,
// the care plan's one rule); IceShort and HeatShort those on, but stopped
// too soon to count, listed nowhere else (one never put on is in neither:
// a run with nothing done, Session.Empty).
type CareCounts struct {
	Ice           int `json:"ice"`
	Heat          int `json:"heat"`
	IceShort      int `json:"ice_too_short"`
	HeatShort     int `json:"heat_too_short"`
	BreathingRuns int `json:"breathing_runs"` // as ReportWeek.Breathe
	Breaths       int `json:"breaths"`
}
