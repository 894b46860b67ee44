package history

import (
	"testing"
	"time"
)

// BenchmarkInsights10Years is what "what seems to help" adds to the
// review's first frame over ten years of daily sessions.
func BenchmarkInsights10Years(b *testing.B) {
	s, _ := openTemp(b)
	bulk(b, s, 3653, time.Date(2015, 1, 1, 7, 30, 0, 0, zone(1)), 24*time.Hour)
	b.ResetTimer()
	for b.Loop() {
		in, err := s.Insights("")
		if err != nil {
			b.Fatal(err)
		}
		if len(in.Observations) == 0 {
			b.Fatal("fixture broken")
		}
	}
}
