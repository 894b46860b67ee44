package tui

import (
	"strings"
	"time"
)

// heatShades are the cells of the calendar, from no session to three or
// more: shapes, so the map reads without colour.
var heatShades = []string{"·", "░", "▒", "▓"}

// HeatMap draws the last weeks as a calendar: one column a week (oldest on
// the left, the week of today on the right), one row a weekday from Monday,
// each cell shaded by how many sessions that day held. count gives the
// sessions of a local date written YYYY-MM-DD. It fits as many weeks as
// width allows, at most maxWeeks, and labels the months above.
func HeatMap(s Styles, count func(day string) int, today time.Time, width, maxWeeks int) string {
	const label = 4 // "Mon "
	weeks := min(maxWeeks, (width-label)/2)
	if weeks < 1 {
		return ""
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, today.Location())
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	first := monday.AddDate(0, 0, -7*(weeks-1))

	var b strings.Builder
	b.WriteString(s.Subtle.Render(monthRow(first, today, weeks, label, width)))
	names := []string{"Mon", "", "Wed", "", "Fri", "", "Sun"}
	for row := 0; row < 7; row++ {
		b.WriteString("\n")
		b.WriteString(s.Subtle.Render(padRight(names[row], label)))
		for w := 0; w < weeks; w++ {
			d := first.AddDate(0, 0, 7*w+row)
			if d.After(today) {
				b.WriteString("  ")
				continue
			}
			n := count(d.Format(time.DateOnly))
			shade := heatShades[min(n, len(heatShades)-1)]
			if n == 0 {
				b.WriteString(s.Subtle.Render(shade) + " ")
			} else {
				b.WriteString(s.GaugeFull.Render(shade) + " ")
			}
		}
	}
	return b.String()
}

// monthRow labels the months over the weeks from first: a month's short
// name above the first week that starts in it, and the current month's
// above this week when the month began after its Monday (else the month
// just begun would have no name). Labels are placed from the right, the
// newest first; one that would touch the label to its right is left out.
func monthRow(first, today time.Time, weeks, label, width int) string {
	names := make([]string, weeks)
	for w := range weeks {
		monday := first.AddDate(0, 0, 7*w)
		if w == 0 || monday.Month() != monday.AddDate(0, 0, -7).Month() {
			names[w] = monday.Format("Jan")
		}
	}
	if last := first.AddDate(0, 0, 7*(weeks-1)); last.Month() != today.Month() {
		names[weeks-1] = today.Format("Jan")
	}
	row := []byte(strings.Repeat(" ", label+2*weeks+3))
	next := len(row) + 1 // where the label to the right begins
	for w := weeks - 1; w >= 0; w-- {
		at := label + 2*w
		if names[w] == "" || at+len(names[w]) >= next || at+len(names[w]) > width {
			continue
		}
		copy(row[at:], names[w])
		next = at
	}
	return strings.TrimRight(string(row), " ")
}

// padRight pads s with spaces to n cells (s is ASCII here).
func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

// sparkBlocks are eight heights for a sparkline.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values from lo to hi as a row of block heights, one cell
// each; a negative value is a gap (no data), drawn as a space.
func Sparkline(values []float64, lo, hi float64) string {
	var b strings.Builder
	for _, v := range values {
		if v < 0 {
			b.WriteRune(' ')
			continue
		}
		f := 0.0
		if hi > lo {
			f = (min(max(v, lo), hi) - lo) / (hi - lo)
		}
		b.WriteRune(sparkBlocks[int(f*float64(len(sparkBlocks)-1)+0.5)])
	}
	return b.String()
}
