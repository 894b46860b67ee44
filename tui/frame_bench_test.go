package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkFrame is what one wake-up of a pacing screen costs the program
// (Update at the new instant, then View), at two window sizes: the part of
// a frame that is unknot's, before Bubble Tea's own diff and write.
func BenchmarkFrame(b *testing.B) {
	for _, page := range []Page{PageBreathe, PageSession} {
		for _, size := range [][2]int{{100, 30}, {200, 60}} {
			b.Run(page.String()+"-"+itoa(size[0])+"x"+itoa(size[1]), func(b *testing.B) {
				clock := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
				opt := Options{Theme: "dark", NoBell: true, Now: func() time.Time { return clock }}
				deps := Deps{Breathe: BreatheConfig{Pattern: pattern(b, "5-1-3")},
					Session: SessionConfig{Routines: builtins(b), Options: testPlanOptions}}
				app, err := NewApp(NewContext(opt), deps, page)
				if err != nil {
					b.Fatal(err)
				}
				app.Init()
				app.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				nudge := tea.KeyPressMsg{Code: 'z', Text: "z"} // a key no screen uses: an Update at the new instant
				b.ResetTimer()
				for b.Loop() {
					clock = clock.Add(125 * time.Millisecond)
					app.Update(nudge)
					_ = app.View()
				}
			})
		}
	}
}
