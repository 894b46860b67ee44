package main

import (
	"bytes"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"io"
	"testing"
	"time"

	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui/report"
)

// tenYears imports ten years of daily use (3,650 stretch sessions with
// check-ins and five exercises, a breathing run every third day, ice or
// heat every tenth) through `history import`'s reader, and returns the
// store and the instant after the last day.
func tenYears(b *testing.B) (*history.Store, time.Time) {
	b.Helper()
	s, err := history.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	loc := time.FixedZone("", 3600)
	start := time.Date(2016, 12, 4, 8, 0, 0, 0, loc)
	var buf bytes.Buffer
	buf.WriteString("[\n")
	id := 0
	add := func(kind string, t time.Time, status string, before, after, breaths int, exs string) {
		if id > 0 {
			buf.WriteString(",\n")
		}
		id++
		pain := fmt.Sprintf(`"pain_before":%d,"pain_after":%d`, before, after)
		if kind == "ice" || kind == "heat" {
			pain = `"pain_before":null,"pain_after":null` // unknot asks none for ice or heat
		}
		fmt.Fprintf(&buf, `{"id":%d,"kind":"%s","started_at":"%s","ended_at":"%s","status":"%s",%s,"breaths":%d,"exercises":[%s]}`,
			id, kind, t.Format(time.RFC3339), t.Add(10*time.Minute).Format(time.RFC3339), status, pain, breaths, exs)
	}
	for i := range 3650 {
		t := start.AddDate(0, 0, i)
		status := "completed"
		if i%40 == 7 {
			status = "pain"
		}
		add("session", t.Add(time.Duration(i%12)*time.Hour), status, 3+i%5, 2+i%4, 0,
			`{"routine":"knee-to-chest","side":"left","reps_done":10,"reps_planned":10},`+
				`{"routine":"knee-to-chest","side":"right","reps_done":10,"reps_planned":10},`+
				`{"routine":"lying-twist","side":"left","reps_done":4,"reps_planned":5},`+
				`{"routine":"lying-twist","side":"right","reps_done":5,"reps_planned":5},`+
				`{"routine":"arm-raise","side":"","reps_done":8,"reps_planned":10}`)
		if i%3 == 0 {
			add("breathe", t.Add(14*time.Hour), "completed", 5, 3, 30, "")
		}
		if i%10 == 0 {
			add([]string{"ice", "heat"}[i/10%2], t.Add(-time.Hour), "completed", 0, 0, 0, "")
		}
	}
	buf.WriteString("\n]\n")
	if _, err := s.ImportJSON(&buf, "ten-years.json"); err != nil {
		b.Fatal(err)
	}
	return s, start.AddDate(0, 0, 3650)
}

// BenchmarkReport10Years is `unknot report --since` the first day of a
// ten-year history (3,650 stretch sessions, 6,000 runs in all): the
// numbers read and the HTML laid out (target: under 1 s).
func BenchmarkReport10Years(b *testing.B) {
	s, now := tenYears(b)
	from := record.DayOf(now.AddDate(-10, 0, 0))
	b.ResetTimer()
	for b.Loop() {
		r, err := s.Report(now, from, 7)
		if err != nil {
			b.Fatal(err)
		}
		if r.Adherence.Sessions < 3600 {
			b.Fatalf("fixture broken: %d sessions", r.Adherence.Sessions)
		}
		if err := report.HTML(io.Discard, r, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReport6WeeksOf10Years is the default report (the last six
// weeks) over the same history.
func BenchmarkReport6WeeksOf10Years(b *testing.B) {
	s, now := tenYears(b)
	from := record.DayOf(now).Add(-41)
	b.ResetTimer()
	for b.Loop() {
		r, err := s.Report(now, from, 7)
		if err != nil {
			b.Fatal(err)
		}
		if err := report.HTML(io.Discard, r, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
