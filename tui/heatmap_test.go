package tui

import (
	"strings"
	"testing"
	"time"
)

func TestHeatMapShadesDaysByCount(t *testing.T) {
	s := NewStyles(true)
	// Wednesday 2026-01-07; the week of today is the last column.
	today := time.Date(2026, 1, 7, 15, 0, 0, 0, time.UTC)
	counts := map[string]int{"2026-01-07": 1, "2026-01-05": 2, "2025-12-31": 5}
	out := stripANSI(HeatMap(s, func(d string) int { return counts[d] }, today, 80, 3))
	lines := strings.Split(out, "\n")
	if len(lines) != 8 {
		t.Fatalf("want a month row and 7 weekday rows, got %d:\n%s", len(lines), out)
	}
	// Columns: weeks of Dec 22, Dec 29, Jan 5; cells at 4, 6, 8.
	cell := func(row, week int) string { return string([]rune(lines[1+row])[4+2*week]) }
	checks := []struct {
		row, week int
		want      string
	}{
		{0, 2, "▒"}, // Mon Jan 5: 2 sessions
		{2, 2, "░"}, // Wed Jan 7: 1
		{2, 1, "▓"}, // Wed Dec 31: 5, capped at the darkest shade
		{1, 2, "·"}, // Tue Jan 6: none
		{0, 0, "·"}, // Mon Dec 22: none
	}
	for _, c := range checks {
		if got := cell(c.row, c.week); got != c.want {
			t.Errorf("row %d week %d = %q, want %q\n%s", c.row, c.week, got, c.want, out)
		}
	}
	// Days after today are blank.
	if got := cell(3, 2); got != " " {
		t.Errorf("Thu Jan 8 is in the future, got %q", got)
	}
	if !strings.Contains(lines[0], "Dec") || !strings.Contains(lines[0], "Jan") {
		t.Errorf("month labels missing: %q", lines[0])
	}
}

func TestHeatMapFitsWidth(t *testing.T) {
	s := NewStyles(false)
	out := stripANSI(HeatMap(s, func(string) int { return 0 }, time.Now(), 24, 52))
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > 24 {
			t.Errorf("line %q is %d cells, wider than 24", l, n)
		}
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{0, 10, 5, -1, 2.5}, 0, 10); got != "▁█▅ ▃" {
		t.Errorf("Sparkline = %q", got)
	}
}
