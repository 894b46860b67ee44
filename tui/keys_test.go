package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/journaltest"
)

// keyState is one screen in one state, made afresh for each key tried.
type keyState struct {
	name  string
	setup func(t *testing.T) *harness
}

// keyStates are every screen in the states a person meets, each set up
// where every shown key can show its effect (a cursor in the middle of a
// list, a review scrolled part way, a run under way).
func keyStates() []keyState {
	two := func(t *testing.T) []routines.Routine {
		return []routines.Routine{builtin(t, "knee-to-chest"), builtin(t, "lying-twist")}
	}
	atLimit := fixedToday{Sessions: map[string]int{"knee-to-chest": 3}}
	return []keyState{
		{"home", func(t *testing.T) *harness {
			h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t),
				Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}, Session: SessionConfig{Routines: builtins(t)}}})
			h.press("down", "down")
			return h
		}},
		{"pick", func(t *testing.T) *harness {
			h := newHarness(t, appOpts{first: PagePick, deps: Deps{Routines: builtins(t)}})
			h.press("down")
			return h
		}},
		{"review", func(t *testing.T) *harness {
			h := newReviewApp(t, 80, 24, "dark", fixtureOverview)
			h.press("down")
			return h
		}},
		{"safety", func(t *testing.T) *harness { return newHarness(t, appOpts{first: PageSafety}) }},
		{"breathe", func(t *testing.T) *harness {
			h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, false)
			h.wait(2 * time.Second)
			return h
		}},
		{"breathe paused", func(t *testing.T) *harness {
			h := newBreatheApp(t, Options{}, 80, 24, "5-1-3", 0, false)
			h.wait(2 * time.Second)
			h.press("space")
			return h
		}},
		{"breathe closing", func(t *testing.T) *harness {
			h := newBreatheApp(t, Options{}, 80, 24, "1-0-1", 1, false)
			h.wait(2*time.Second + frame)
			return h
		}},
		{"breathe check-in after", func(t *testing.T) *harness {
			h := newBreatheApp(t, Options{}, 80, 24, "1-0-1", 1, true)
			h.wait(2*time.Second + frame)
			return h
		}},
		{"session limits", func(t *testing.T) *harness {
			h := newSessionApp(t, Options{}, 80, 24, Deps{Today: atLimit}, two(t)...)
			h.must("today")
			h.press("down")
			return h
		}},
		{"session offer", func(t *testing.T) *harness {
			deps := Deps{Journal: &levelJournal{Journal: &journaltest.Journal{}}, Session: SessionConfig{
				Recent: recentOf(map[string][]routines.PastRun{"knee-to-chest": goodRuns(3, 0)})}}
			h := newSessionApp(t, Options{}, 80, 24, deps, builtin(t, "knee-to-chest"))
			h.must("One more rep?")
			return h
		}},
		{"session offers two", func(t *testing.T) *harness {
			pain := goodRuns(1, 2)
			pain[0].Outcome, pain[0].RepsDone = routines.Pain, 3
			deps := Deps{Journal: &levelJournal{Journal: &journaltest.Journal{}}, Session: SessionConfig{
				Recent: recentOf(map[string][]routines.PastRun{"knee-to-chest": pain, "lying-twist": goodRuns(3, 0)})}}
			h := newSessionApp(t, Options{}, 80, 24, deps, two(t)...)
			h.must("One step back?", "One more")
			return h
		}},
		{"session offer taken", func(t *testing.T) *harness {
			deps := Deps{Journal: &levelJournal{Journal: &journaltest.Journal{}}, Session: SessionConfig{
				Recent: recentOf(map[string][]routines.PastRun{"knee-to-chest": goodRuns(3, 0)})}}
			h := newSessionApp(t, Options{}, 80, 24, deps, builtin(t, "knee-to-chest"))
			h.press("+")
			h.must("Taken.")
			return h
		}},
		{"session check-in before", func(t *testing.T) *harness {
			return newHarness(t, appOpts{first: PageSession, deps: Deps{Session: SessionConfig{Routines: two(t), Checkin: true}}})
		}},
		{"session hold", func(t *testing.T) *harness {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, two(t)...)
			h.wait(20 * time.Second)
			return h
		}},
		{"session paused", func(t *testing.T) *harness {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, two(t)...)
			h.wait(20 * time.Second)
			h.press("space")
			return h
		}},
		{"session summary", func(t *testing.T) *harness {
			h := newSessionApp(t, Options{}, 80, 24, Deps{}, two(t)...)
			h.wait(20 * time.Second)
			h.press("q")
			return h
		}},
		{"session stopped for pain", func(t *testing.T) *harness {
			h := newSessionApp(t, Options{}, 80, 24, Deps{Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}}, two(t)...)
			h.wait(20 * time.Second)
			h.press("x")
			return h
		}},
		{"care plan", func(t *testing.T) *harness { return newHarness(t, appOpts{first: PageCare}) }},
		{"care onset question", func(t *testing.T) *harness {
			h := newHarness(t, appOpts{first: PageCare, deps: Deps{Care: CareDeps{Planner: &fakePlanner{}}}})
			h.press("down")
			return h
		}},
		{"care get ready", func(t *testing.T) *harness {
			return careApp(t, routines.KindIce, 10*time.Minute, time.Minute, &notices{})
		}},
		{"care on", func(t *testing.T) *harness {
			h := careApp(t, routines.KindIce, 10*time.Minute, time.Minute, &notices{})
			h.press("enter")
			h.wait(3 * time.Second)
			return h
		}},
	}
}

// seen is what a person can tell of the app: the screen, the stack of
// pages, whether it ended.
func (h *harness) seen() string {
	return fmt.Sprintf("%v %v\n%s", h.quit, h.app.Pages(), h.screen())
}

// shownBindings are the bindings the help line and the ? page show now.
func (h *harness) shownBindings() []key.Binding {
	var bs []key.Binding
	if len(h.app.stack) == 0 {
		return nil
	}
	for _, row := range h.app.shown(h.app.top().Keys()).FullHelp() {
		bs = append(bs, row...)
	}
	return bs
}

// opposite are the keys that move the other way in a list.
var opposite = map[string]string{"up": "down", "down": "up", "k": "j", "j": "k", "left": "right", "right": "left",
	"pgup": "pgdown", "pgdown": "pgup", "g": "G", "G": "g", "home": "end", "end": "home"}

// probeKeys are the keys tried where the help does not show them: every
// printable key, the arrows and the other named keys. ctrl+c and ctrl+z
// are the terminal's own (quit and suspend) and never shown.
func probeKeys() []string {
	ks := []string{"up", "down", "left", "right", "enter", "space", "esc", "tab", "backspace", "delete", "pgup", "pgdown", "home", "end"}
	for r := '!'; r <= '~'; r++ {
		ks = append(ks, string(r))
	}
	return ks
}

// The help is honest, on every screen in every state: each key of every
// binding it shows does something a person can see (the screen changes,
// a screen opens or closes, the program ends), and every key it does not
// show does nothing, except where it says "any key".
func TestHelpIsHonest(t *testing.T) {
	for _, st := range keyStates() {
		t.Run(st.name, func(t *testing.T) {
			var shown []key.Binding
			var any bool
			inBubble(t, func(t *testing.T) {
				h := st.setup(t)
				shown = h.shownBindings()
				// The ? page shows them all, with the words of each.
				all := shown
				if slices.ContainsFunc(shown, func(b key.Binding) bool { return b.Help().Key == "?" }) {
					h.press("?")
					all = h.shownBindings()
				}
				screen := strings.Join(strings.Fields(h.screen()), " ")
				for _, b := range all {
					any = any || strings.HasPrefix(b.Help().Key, "any")
					if w := b.Help().Key + " " + b.Help().Desc; !strings.Contains(screen, w) {
						t.Errorf("the help has no %q:\n%s", w, h.screen())
					}
				}
			})
			if len(shown) == 0 {
				t.Fatal("no keys shown")
			}
			handled := map[string]bool{}
			for _, b := range shown {
				for _, k := range b.Keys() {
					handled[k] = true
					inBubble(t, func(t *testing.T) {
						h := st.setup(t)
						before := h.seen()
						h.press(k)
						if h.seen() != before {
							return
						}
						// At the end of a list a key moves the other way
						// only: it must move once the other key has.
						if back, ok := opposite[k]; ok {
							h.press(back)
							before = h.seen()
							h.press(k)
						}
						if h.seen() == before {
							t.Errorf("%q (shown as %q %q) does nothing:\n%s", k, b.Help().Key, b.Help().Desc, before)
						}
					})
				}
			}
			if any {
				return
			}
			inBubble(t, func(t *testing.T) {
				h := st.setup(t)
				before := h.seen()
				for _, k := range probeKeys() {
					if handled[k] {
						continue
					}
					h.press(k)
					if after := h.seen(); after != before {
						t.Errorf("%q is not in the help but does something:\n%s\n--- became\n%s", k, before, after)
						return
					}
				}
			})
		})
	}
}
