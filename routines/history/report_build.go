package history

import (
	"slices"
	"sort"

	"github.com/unknot/unknot/routines/record"
)

// buildReport computes the report of the dates from to to from the
// sessions read (oldest first; those before from only count as the ice or
// heat a session may follow) and each session's levels. Pure: no
// database, so that every number can be checked by hand.
func buildReport(from, to record.Day, planWeekly int, sessions []record.Session, levels map[int64]map[string]int) Report {
	if planWeekly < 1 {
		planWeekly = ReportPlanWeekly
	}
	r := Report{From: from, To: to, PlanWeekly: planWeekly, Kinds: map[string]int{}}
	r.Weeks = reportWeeks(from, to)
	week := func(d record.Day) *record.ReportWeek { return &r.Weeks[record.DaysBetween(from.Week(), d.Week())/7] }
	days := map[record.Day]bool{}
	routinesSeen := map[string]*record.RoutineReport{}
	var painB, painA int
	for i := range sessions {
		x := &sessions[i]
		d := x.Day()
		if d < from || d > to || x.Status == record.Running {
			continue
		}
		r.Sessions++
		r.Kinds[string(x.Kind)]++
		w := week(d)
		switch x.Kind {
		case KindSession:
			// The totals' rule (Session.InTotals), as `history` counts:
			// a stop for pain is a session even before its first rep.
			if x.InTotals() {
				w.Sessions++
				r.Adherence.Sessions++
				days[d] = true
				// A run with nothing done (left before its first rep) is
				// not one of the routines' sessions either: its reps were
				// never begun ("0 sessions, 0 / 12" read as 12 missed).
				reportRoutines(routinesSeen, x, levels[x.ID])
			}
		case KindBreathe:
			if x.InTotals() {
				w.Breathe++
				w.Breaths += x.Breaths
				r.Care.BreathingRuns++
				r.Care.Breaths += x.Breaths
			}
		case KindIce, KindHeat:
			// The care plan's one rule (routines.Application.Counts), as
			// the closing screen, the plan and `history` count.
			// One never put on is a run with nothing done: neither.
			counts := x.Application().Counts()
			switch {
			case x.NeverOn:
			case x.Kind == KindIce && counts:
				w.Ice++
				r.Care.Ice++
			case x.Kind == KindIce:
				r.Care.IceShort++
			case counts:
				w.Heat++
				r.Care.Heat++
			default:
				r.Care.HeatShort++
			}
		}
		if x.Status == Pain {
			w.PainStops++
			stop := stopOf(x)
			r.Stops = append(r.Stops, stop)
			if p := routinesSeen[stop.Routine]; p != nil && stop.Routine != "" {
				p.PainStops++
			}
		}
		if x.PainBefore != nil {
			w.Before += float64(*x.PainBefore)
			w.NBefore++
		}
		if x.PainAfter != nil {
			w.After += float64(*x.PainAfter)
			w.NAfter++
		}
		if x.PainBefore != nil || x.PainAfter != nil {
			r.Pain.Points = append(r.Pain.Points, record.PainPoint{At: x.StartedAt, Kind: string(x.Kind),
				Before: x.PainBefore, After: x.PainAfter})
		}
		if x.PainBefore != nil && x.PainAfter != nil {
			r.Pain.Pairs++
			r.Pain.ByKind.Add(x.Kind)
			painB += *x.PainBefore
			painA += *x.PainAfter
		}
	}
	for i := range r.Weeks {
		w := &r.Weeks[i]
		if w.NBefore > 0 {
			w.Before /= float64(w.NBefore)
		}
		if w.NAfter > 0 {
			w.After /= float64(w.NAfter)
		}
	}
	if r.Pain.Pairs > 0 {
		r.Pain.AvgBefore = float64(painB) / float64(r.Pain.Pairs)
		r.Pain.AvgAfter = float64(painA) / float64(r.Pain.Pairs)
	}
	r.Adherence.Days = record.DaysBetween(from, to) + 1
	r.Adherence.DaysWithSession = len(days)
	r.Adherence.LongestGap = longestGap(from, to, days)
	r.Adherence.Planned = (planWeekly*r.Adherence.Days + 3) / 7
	for _, p := range routinesSeen {
		r.Routines = append(r.Routines, *p)
	}
	sort.Slice(r.Routines, func(i, j int) bool { return r.Routines[i].Routine < r.Routines[j].Routine })
	r.Insights = record.NewInsights(samplesOf(sessions, from, to), record.InsightMinimum)
	return r
}

// reportWeeks lists the weeks that touch the dates from to to, with how
// many of their days fall inside.
func reportWeeks(from, to record.Day) []record.ReportWeek {
	var out []record.ReportWeek
	for w := from.Week(); w <= to; w = w.Add(7) {
		first, last := max(w, from), min(w.Add(6), to)
		out = append(out, record.ReportWeek{Week: w, Days: record.DaysBetween(first, last) + 1})
	}
	return out
}

// longestGap is the most days in a row from from to to not in days.
func longestGap(from, to record.Day, days map[record.Day]bool) int {
	best, run := 0, 0
	for d := from; d <= to; d = d.Add(1) {
		if days[d] {
			run = 0
			continue
		}
		run++
		best = max(best, run)
	}
	return best
}

// reportRoutines adds stretch session x's exercises to the routines seen,
// and its levels (a routine without one was done at level 0). A level
// counts by the rule `history` reads levels by (RecentRuns, pastRun): the
// session did a rep of the routine, or was stopped for pain, so a step up
// taken at the start of a session stopped before its first rep is in the
// report as it is in `history`.
func reportRoutines(seen map[string]*record.RoutineReport, x *record.Session, levels map[string]int) {
	var names []string // the routines of x, each once
	for _, e := range x.Exercises {
		p := seen[e.Routine]
		if p == nil {
			p = &record.RoutineReport{Routine: e.Routine}
			seen[e.Routine] = p
		}
		p.RepsDone += e.RepsDone
		p.RepsPlanned += e.RepsPlanned
		if !slices.Contains(names, e.Routine) {
			names = append(names, e.Routine)
		}
	}
	for _, name := range names {
		p := seen[name]
		run, ok := pastRun(x, name)
		if run.RepsDone > 0 {
			p.Sessions++
		}
		if !ok {
			continue
		}
		level := levels[name]
		if n := len(p.Levels); n == 0 || p.Levels[n-1].Level != level {
			p.Levels = append(p.Levels, record.LevelStep{Day: x.Day(), Level: level})
		}
	}
}

// stopOf is where session x was stopped for pain: the exercise and rep
// under way, as recorded, or for a stop from before that was recorded the
// first exercise not finished, in plan order, and the rep after those done
// (record.Session.PainPlace: the routine RedFlags blames); and when the
// safety page was opened from the stop.
func stopOf(x *record.Session) record.StopEvent {
	st := record.StopEvent{At: x.StartedAt, Kind: string(x.Kind), PainBefore: x.PainBefore, PainAfter: x.PainAfter,
		SafetyOpenedAt: x.SafetyOpenedAt}
	if p, ok := x.PainPlace(); ok {
		e := x.Exercises[p.Pos]
		st.Routine, st.Side, st.Rep, st.RepsPlanned, st.Guessed = e.Routine, e.Side, p.Rep, e.RepsPlanned, p.Guessed
	}
	return st
}
