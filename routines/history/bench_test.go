package history

import (
	"context"
	"database/sql"
	"github.com/unknot/unknot/routines/record"
	"io"
	"testing"
	"time"
)

// bulk fills s with n sessions, one every step from start: four in five
// are the default stretch session (7 exercises, check-ins before and
// after), one in five breathing. Written in one transaction, for speed.
func bulk(b testing.TB, s *Store, n int, start time.Time, step time.Duration) {
	b.Helper()
	ctx := context.Background()
	plan := []Exercise{ex("knee-to-chest", "left", 10, 10), ex("knee-to-chest", "right", 10, 10),
		ex("arm-raise", "", 8, 8), ex("seated-twist", "left", 5, 5), ex("seated-twist", "right", 5, 5),
		ex("lying-twist", "left", 4, 5), ex("lying-twist", "right", 3, 5)}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for i := range n {
			t := start.Add(time.Duration(i) * step)
			kind, breaths, exs := KindSession, 0, plan
			if i%5 == 4 {
				kind, breaths, exs = KindBreathe, 40, nil
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO sessions (kind, started_at, started_ns, day, ended_at,
				status, pain_before, pain_after, breaths) VALUES (?, ?, ?, ?, ?, 'completed', ?, ?, ?)`,
				kind, timeText(t), t.UnixNano(), record.DayOf(t), timeText(t.Add(9*time.Minute)), 3+i%5, 2+i%4, breaths)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			if err := insertExercises(ctx, tx, id, exs); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkExportJSON100k is `unknot history --json` over 100,000
// sessions (target: under 1 s).
func BenchmarkExportJSON100k(b *testing.B) {
	s, _ := openTemp(b)
	bulk(b, s, benchN, time.Date(2015, 1, 1, 7, 0, 0, 0, zone(1)), 2*time.Hour)
	b.ResetTimer()
	for b.Loop() {
		if err := s.ExportJSON(io.Discard, Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOverview10Years is the review screen's first frame over ten
// years of daily sessions (target: under 100 ms).
func BenchmarkOverview10Years(b *testing.B) {
	s, _ := openTemp(b)
	start := time.Date(2015, 1, 1, 7, 30, 0, 0, zone(1))
	bulk(b, s, 3653, start, 24*time.Hour)
	now := start.AddDate(10, 0, 0)
	b.ResetTimer()
	for b.Loop() {
		o, err := s.Overview(now)
		if err != nil {
			b.Fatal(err)
		}
		if o.Streak.Current == 0 {
			b.Fatalf("fixture broken: %+v", o.Streak)
		}
	}
}

var benchN = 100_000
