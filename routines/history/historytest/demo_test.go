package historytest_test

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/routines/history/historytest"
	"github.com/unknot/unknot/routines/record"
)

// TestWriteDemo: the demo history goes through the Journal and reads back
// as sixty days with every section filled.
func TestWriteDemo(t *testing.T) {
	dir := t.TempDir()
	end := time.Date(2026, 4, 30, 21, 0, 0, 0, time.FixedZone("", 2*3600))
	if err := historytest.WriteDemo(dir, end, 60); err != nil {
		t.Fatal(err)
	}
	s, err := history.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Report(end.Add(time.Hour), record.DayOf(end).Add(-59), 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Care.Ice != 4 || r.Care.Heat != 10 || len(r.Stops) != 3 || len(r.Episodes) != 1 || r.Care.BreathingRuns != 20 {
		t.Errorf("demo: ice %d heat %d stops %d episodes %d breathing %d", r.Care.Ice, r.Care.Heat, len(r.Stops), len(r.Episodes), r.Care.BreathingRuns)
	}
	if len(r.Routines) != 4 || len(r.Routines[1].Levels) != 3 {
		t.Errorf("demo routines %+v", r.Routines)
	}
	if len(r.Insights.Observations) < 6 {
		t.Errorf("demo insights %+v", r.Insights)
	}
	opened := 0
	for _, s := range r.Stops {
		if s.SafetyOpenedAt != nil {
			opened++
		}
	}
	if opened != 2 {
		t.Errorf("the safety page opened from %d stops, want 2", opened)
	}
	all, err := s.Sessions(history.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range all {
		if p, ok := x.PainPlace(); ok && (p.Guessed || x.Exercises[p.Pos].Routine != "lying-twist" || p.Rep != 3) {
			t.Errorf("a demo stop for pain came at %+v of %+v; want the lying twist's third rep, recorded", p, x.Exercises)
		}
	}
	var patterns []string
	for _, o := range r.Insights.Observations {
		if o.Group == record.ByBreathing {
			patterns = append(patterns, o.Label)
		}
	}
	for _, h := range r.Insights.Held {
		if h.Group == record.ByBreathing {
			patterns = append(patterns, h.Label+" (held)")
		}
	}
	if len(patterns) != 2 || patterns[0] != "5-1-3" {
		t.Errorf("breathing by pattern: %q, want 5-1-3 and its slower step", patterns)
	}
}
