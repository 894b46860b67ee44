package report

import (
	"fmt"

	"github.com/unknot/unknot/routines/record"
	"github.com/unknot/unknot/tui/report/svgchart"
)

// table writes a table: its caption, headers (a leading "#" marks a
// numeric column, right-aligned) and rows; keep keeps it on one page.
func (p *page) table(caption string, keep bool, headers []string, rows [][]string) {
	class := ""
	if keep {
		class = ` class="keep"`
	}
	p.f("<table%s>\n<caption>%s</caption>\n<thead><tr>", class, esc(caption))
	num := make([]bool, len(headers))
	for i, h := range headers {
		if len(h) > 0 && h[0] == '#' {
			num[i], h = true, h[1:]
		}
		if num[i] {
			p.f(`<th scope="col" class="n">%s</th>`, esc(h))
		} else {
			p.f(`<th scope="col">%s</th>`, esc(h))
		}
	}
	p.s("</tr></thead>\n<tbody>\n")
	for _, row := range rows {
		p.s("<tr>")
		for i, c := range row {
			if i < len(num) && num[i] {
				p.f(`<td class="n">%s</td>`, esc(c))
			} else {
				p.f(`<td>%s</td>`, esc(c))
			}
		}
		p.s("</tr>\n")
	}
	p.s("</tbody>\n</table>\n")
}

// figure writes a chart and its caption.
func (p *page) figure(svg, caption string) {
	p.f("<figure>\n%s\n<figcaption>%s</figcaption>\n</figure>\n", svg, esc(caption))
}

func (p *page) para(format string, a ...any) { p.f("<p>%s</p>\n", esc(fmt.Sprintf(format, a...))) }

// weekLabels are the weeks' Mondays, "2 Mar".
func weekLabels(r record.Report) []string {
	out := make([]string, len(r.Weeks))
	for i, w := range r.Weeks {
		out[i] = shortDay(w.Week)
	}
	return out
}

// adherence: sessions a week against the plan, days, gaps, and each routine.
func (p *page) adherence() {
	r := p.r
	a := r.Adherence
	p.s("<section id=\"adherence\">\n<h2>1. Exercises: how often, how much</h2>\n")
	vals, plan := make([]float64, len(r.Weeks)), make([]float64, len(r.Weeks))
	rows := make([][]string, len(r.Weeks))
	for i, w := range r.Weeks {
		vals[i], plan[i] = float64(w.Sessions), planWeek(r, w)
		rows[i] = []string{"week of " + dayText(w.Week), fmt.Sprint(w.Days), fmt.Sprint(w.Sessions), fmt.Sprintf("%.1f", plan[i])}
	}
	desc := fmt.Sprintf("A bar for each week: the stretch sessions done, against a dashed line for the plan of %d a week (pro rata for a week only partly in the period). %d sessions in all against %d planned. The numbers are in the table below.",
		r.PlanWeekly, a.Sessions, a.Planned)
	p.figure(svgchart.Bars{ID: "weekly", Title: "Stretch sessions a week against the plan", Desc: desc, YLabel: "sessions",
		Labels: weekLabels(r), Values: vals, Target: plan, ValueName: "sessions done", TargetName: "plan"}.SVG(),
		"Stretch sessions a week (bars) against the plan (dashed).")
	p.table("Stretch sessions by week", false, []string{"Week", "#Days in period", "#Sessions", "#Plan"}, rows)
	p.para("Days with a stretch session: %d of %d. The longest gap without one: %s.", a.DaysWithSession, a.Days, plural(a.LongestGap, "day"))
	p.routines()
	p.s("</section>\n")
}

// routines: each routine's reps done against planned, stops, and levels.
func (p *page) routines() {
	r := p.r
	p.s("<h3>By routine</h3>\n")
	if len(r.Routines) == 0 {
		p.para("No stretch session in this period.")
		return
	}
	var rows [][]string
	for _, x := range r.Routines {
		share := "–"
		if x.RepsPlanned > 0 {
			share = fmt.Sprintf("%d%%", (100*x.RepsDone+x.RepsPlanned/2)/x.RepsPlanned)
		}
		last := 0
		if n := len(x.Levels); n > 0 {
			last = x.Levels[n-1].Level
		}
		rows = append(rows, []string{title(x.Routine, p.o.Titles), fmt.Sprint(x.Sessions),
			fmt.Sprintf("%d / %d", x.RepsDone, x.RepsPlanned), share, fmt.Sprint(x.PainStops), levelText(last)})
	}
	p.table("Reps done against reps planned, by routine", true,
		[]string{"Routine", "#Sessions", "#Reps done / planned", "#Done", "#Stops for pain", "Level at the end"}, rows)
	p.s("<p class=\"note\">A level is a step of gentle progression: more reps or longer holds than the routine's file, one step at a time, when sessions went well. \"As written\" is the file's own amounts.</p>\n")
	changed := false
	for _, x := range r.Routines {
		if len(x.Levels) < 2 {
			continue
		}
		changed = true
		p.levelChart(x)
	}
	if !changed {
		p.para("No routine's level changed in this period.")
	}
}

// levelChart is one routine's level over the period, as steps, and its table.
func (p *page) levelChart(x record.RoutineReport) {
	r := p.r
	days := float64(r.Adherence.Days)
	var pts []svgchart.Point
	lo, hi := 0, 0
	var rows [][]string
	for _, l := range x.Levels {
		pts = append(pts, svgchart.Point{X: float64(record.DaysBetween(r.From, l.Day)), Y: float64(l.Level)})
		lo, hi = min(lo, l.Level), max(hi, l.Level)
		rows = append(rows, []string{dayText(l.Day), levelText(l.Level)})
	}
	name := title(x.Routine, p.o.Titles)
	desc := fmt.Sprintf("A step line: the level of %s from %s to %s, changing %s. The changes are in the table below.",
		name, dayText(r.From), dayText(r.To), plural(len(x.Levels)-1, "time"))
	p.figure(svgchart.Lines{ID: "level-" + x.Routine, Title: "Level of " + name + " over time", Desc: desc, YLabel: "level",
		XMin: 0, XMax: days, YMin: float64(lo), YMax: float64(max(hi, lo+1)), YStep: 1, Ticks: weekTicks(r),
		Series: []svgchart.Series{{Points: pts}}, Step: true, Markers: true}.SVG(), "Level of "+name+" (steps above the routine as written).")
	p.table("Level of "+name+": from its first session, then each change", true, []string{"From", "Level"}, rows)
}

// weekTicks marks each Monday on a chart whose x is days since From.
func weekTicks(r record.Report) []svgchart.Tick {
	var out []svgchart.Tick
	for _, w := range r.Weeks {
		if w.Week >= r.From {
			out = append(out, svgchart.Tick{X: float64(record.DaysBetween(r.From, w.Week)), Label: shortDay(w.Week)})
		}
	}
	return out
}

// maxListed is the most sessions listed one by one in a table; past it,
// the weekly table carries the numbers and the JSON has them all.
const maxListed = 120

// pain: before and after each session, the weekly means, the change.
func (p *page) pain() {
	r := p.r
	p.f("<section id=\"pain\">\n<h2>%s</h2>\n", esc(PainHeading))
	p.para("Within a session: %s.", painSummary(r.Pain))
	var before, after []svgchart.Point
	for _, pt := range r.Pain.Points {
		x := float64(record.DaysBetween(r.From, record.DayOf(pt.At))) + (float64(pt.At.Hour())+float64(pt.At.Minute())/60)/24
		if pt.Before != nil {
			before = append(before, svgchart.Point{X: x, Y: float64(*pt.Before)})
		}
		if pt.After != nil {
			after = append(after, svgchart.Point{X: x, Y: float64(*pt.After)})
		}
	}
	desc := fmt.Sprintf("Two lines over %s: pain before each session (solid, filled circles) and after it (dashed, open squares), 0 to 10. %s. The weekly means are in the table below.",
		plural(r.Adherence.Days, "day"), painSummary(r.Pain))
	p.figure(svgchart.Lines{ID: "pain", Title: "Pain before and after each session", Desc: desc, YLabel: "pain 0-10",
		XMin: 0, XMax: float64(r.Adherence.Days), YMin: 0, YMax: 10, YStep: 2, Ticks: weekTicks(r), Markers: len(before)+len(after) <= 400,
		Series: []svgchart.Series{{Name: "before", Points: before}, {Name: "after", Points: after}}}.SVG(),
		"Pain before (solid line, circles) and after (dashed line, squares) each session with a check-in.")
	var rows [][]string
	for _, w := range r.Weeks {
		rows = append(rows, []string{"week of " + dayText(w.Week), mean(w.Before, w.NBefore), fmt.Sprint(w.NBefore), mean(w.After, w.NAfter), fmt.Sprint(w.NAfter)})
	}
	p.table("Mean pain by week", false, []string{"Week", "#Before (mean)", "#Check-ins", "#After (mean)", "#Check-ins"}, rows)
	if n := len(r.Pain.Points); n > maxListed {
		p.para("The %d sessions with a check-in are listed one by one in `unknot report --json`.", n)
	} else if n > 0 {
		rows = rows[:0]
		for _, pt := range r.Pain.Points {
			rows = append(rows, []string{timeText(pt.At), kindWord(pt.Kind), painText(pt.Before), painText(pt.After)})
		}
		p.table("Each session with a check-in", false, []string{"When", "What", "#Before", "#After"}, rows)
	}
	p.s("</section>\n")
}

// kindWord names a kind of run.
func kindWord(k string) string {
	switch k {
	case "session":
		return "stretch session"
	case "breathe":
		return "breathing run"
	}
	return k
}

// care: breathing runs, ice and heat by week, and the spasm's start.
func (p *page) care() {
	r := p.r
	p.s("<section id=\"care\">\n<h2>3. Breathing, ice and heat</h2>\n")
	p.para("%s", careText(r.Care))
	for _, l := range episodeLines(r) {
		p.para("%s", l)
	}
	var ice, heat []svgchart.Point
	breathe := make([]float64, len(r.Weeks))
	hi := 1
	var rows [][]string
	for i, w := range r.Weeks {
		x := float64(i)
		ice, heat = append(ice, svgchart.Point{X: x, Y: float64(w.Ice)}), append(heat, svgchart.Point{X: x, Y: float64(w.Heat)})
		breathe[i] = float64(w.Breathe)
		hi = max(hi, w.Ice, w.Heat)
		rows = append(rows, []string{"week of " + dayText(w.Week), fmt.Sprint(w.Breathe), fmt.Sprint(w.Breaths), fmt.Sprint(w.Ice), fmt.Sprint(w.Heat)})
	}
	p.figure(svgchart.Bars{ID: "breathing", Title: "Breathing runs a week",
		Desc:   fmt.Sprintf("A bar for each week: the breathing runs done, %d in all. The numbers are in the table below.", r.Care.BreathingRuns),
		YLabel: "runs", Labels: weekLabels(r), Values: breathe, ValueName: "breathing runs"}.SVG(), "Breathing runs a week.")
	var ticks []svgchart.Tick
	for i, l := range weekLabels(r) {
		ticks = append(ticks, svgchart.Tick{X: float64(i), Label: l})
	}
	p.figure(svgchart.Lines{ID: "iceheat", Title: "Ice and heat applications a week",
		Desc:   fmt.Sprintf("Two lines, a point for each week: ice applications (solid, circles), %d in all, and heat (dashed, squares), %d in all. The numbers are in the table below.", r.Care.Ice, r.Care.Heat),
		YLabel: "applications", XMin: -0.5, XMax: float64(len(r.Weeks)) - 0.5, YMin: 0, YMax: float64(hi), Ticks: ticks, Markers: true,
		Series: []svgchart.Series{{Name: "ice", Points: ice}, {Name: "heat", Points: heat}}}.SVG(),
		"Ice (solid line, circles) and heat (dashed line, squares) applications a week.")
	p.table("Breathing, ice and heat by week", false, []string{"Week", "#Breathing runs", "#Breaths", "#Ice", "#Heat"}, rows)
	p.s("</section>\n")
}

// insights: what seems to help, as observations, with the counts.
func (p *page) insights() {
	in := p.r.Insights
	p.s("<section id=\"insights\">\n<h2>4. What seems to help</h2>\n")
	p.f("<p class=\"note\">%s</p>\n", esc(NotAdvice))
	p.para("From the %s in this period with a check-in both before and after: the mean change in pain from start to end, by what was done and when. Nothing is said of a group with fewer than %d sessions.",
		plural(in.Pairs, "session"), in.Minimum)
	lines := Observations(in, p.o.Titles)
	if len(in.Observations) == 0 {
		p.para("No group has %d sessions with both check-ins yet, so there is nothing to observe.", in.Minimum)
	}
	if len(lines) > 0 {
		p.s("<ul class=\"obs\">\n")
		for _, l := range lines {
			p.f("<li>%s</li>\n", esc(l))
		}
		p.s("</ul>\n")
	}
	if note := PatternNote(in); note != "" {
		p.f("<p class=\"note\">%s</p>\n", esc(note))
	}
	if len(in.Observations) > 0 {
		var rows [][]string
		for _, o := range in.Observations {
			rows = append(rows, []string{subject(o.Group, o.Label, p.o.Titles), fmt.Sprint(o.Sessions), fmt.Sprint(o.BreathingRuns),
				fmt.Sprintf("%.1f", o.Before), fmt.Sprintf("%.1f", o.After), fmt.Sprintf("%+.1f", ShownChange(o.Before, o.After))})
		}
		p.table("The observations' numbers", true, []string{"Group", "#Count", "#Of them breathing runs", "#Before (mean)", "#After (mean)", "#Change"}, rows)
	}
	p.s("</section>\n")
}

// safety: every stop for pain.
func (p *page) safety() {
	r := p.r
	p.s("<section id=\"safety\">\n<h2>5. Safety: stops for pain</h2>\n")
	if len(r.Stops) == 0 {
		p.para("No session was stopped for pain in this period.")
	} else {
		p.para("Each time the person pressed \"stop, it hurts\" (%s), with where it came and the check-ins around it. %s",
			plural(len(r.Stops), "time"), openedSentence(r.Stops))
		var rows [][]string
		for _, s := range r.Stops {
			rows = append(rows, []string{timeText(s.At), where(s, p.o.Titles), painText(s.PainBefore), painText(s.PainAfter), safetyOpened(s)})
		}
		p.table("Stops for pain", false, []string{"When", "Where", "#Pain before", "#Pain after", "Safety page opened"}, rows)
		p.f("<p class=\"note\">%s</p>\n", esc(SafetyOpenedNote))
	}
	p.s("<p class=\"note\">The signs that need a doctor soon, or help at once, are listed by <code>unknot safety</code>.</p>\n")
	p.s("</section>\n")
}
