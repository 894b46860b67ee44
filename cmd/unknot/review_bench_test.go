package main

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui"
)

// BenchmarkReviewFirstFrame measures what `unknot history` does before its
// first frame: read the overview from a history of ten years of daily
// sessions, then lay out and draw the review at 80x24 (the app, as cmd
// wires it). The design's budget is 100 ms.
func BenchmarkReviewFirstFrame(b *testing.B) {
	dir := b.TempDir()
	store, err := history.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	now := time.Date(2026, 11, 21, 20, 0, 0, 0, time.UTC)
	var js bytes.Buffer
	js.WriteString("[\n")
	const days = 3653
	for i := 0; i < days; i++ {
		start := now.AddDate(0, 0, -i).Add(-11 * time.Hour)
		end := start.Add(16 * time.Minute)
		if i > 0 {
			js.WriteString(",\n")
		}
		fmt.Fprintf(&js, `{"id":%d,"kind":"session","started_at":%q,"ended_at":%q,"status":"completed","pain_before":%d,"pain_after":%d,"breaths":0,"exercises":[`+
			`{"routine":"knee-to-chest","side":"left","reps_done":10,"reps_planned":10},{"routine":"knee-to-chest","side":"right","reps_done":10,"reps_planned":10},`+
			`{"routine":"arm-raise","side":"","reps_done":10,"reps_planned":10},{"routine":"seated-twist","side":"left","reps_done":3,"reps_planned":3},`+
			`{"routine":"seated-twist","side":"right","reps_done":3,"reps_planned":3}]}`,
			i+1, start.Format(time.RFC3339), end.Format(time.RFC3339), 3+i%5, 2+i%4)
	}
	js.WriteString("\n]\n")
	if res, err := store.ImportJSON(&js, "bench.json"); err != nil || res.Added != days {
		b.Fatalf("import: %v, %+v", err, res)
	}
	f := newFactory(nil, &bytes.Buffer{}, &bytes.Buffer{})
	f.store = store
	f.storeOnce.Do(func() {}) // the history is the one above
	b.ResetTimer()
	for b.Loop() {
		ctx := tui.NewContext(tui.Options{Theme: "dark", Now: func() time.Time { return now }})
		app, err := tui.NewApp(ctx, tui.Deps{Review: historyReader{f: f}}, tui.PageReview)
		if err != nil {
			b.Fatal(err)
		}
		app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		msg := app.Init()() // the overview, read as the program would in a command
		app.Update(msg)
		if v := app.View().Content; len(v) == 0 || !bytes.Contains([]byte(v), []byte("Streak")) {
			b.Fatalf("no frame with the history:\n%s", v)
		}
	}
}
