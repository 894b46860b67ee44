package tui

import (
	"testing"
	"time"
)

// While paused, the help says what space does now: resume, not pause; on
// the session, breathing and ice or heat screens.
func TestPausedHelpSaysResume(t *testing.T) {
	for _, c := range []struct {
		name  string
		first Page
		deps  func(t *testing.T) Deps
	}{
		{"session", PageSession, func(t *testing.T) Deps { return Deps{Session: SessionConfig{Routines: builtins(t)[:1]}} }},
		{"breathe", PageBreathe, func(t *testing.T) Deps { return Deps{Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}} }},
		{"care", PageCare, func(t *testing.T) Deps { return Deps{Care: CareDeps{Config: CareConfig{Kind: "ice"}}} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			inBubble(t, func(t *testing.T) {
				h := newHarness(t, appOpts{first: c.first, deps: c.deps(t)})
				h.wait(2 * time.Second)
				h.must("space pause")
				h.mustNot("space resume")
				h.press("space")
				h.must("space resume")
				h.mustNot("space pause")
				h.press("space")
				h.must("space pause")
			})
		})
	}
}
