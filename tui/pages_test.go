package tui

import (
	"strings"
	"testing"
)

// Every page has one entry, and home's menu, its letters and its help are
// all made from the entries: each letter is on one line of the menu, in
// the help, and opens its page; no two pages share a letter.
func TestPagesAreOneEntryEach(t *testing.T) {
	seen := map[Page]bool{}
	letters := map[string]Page{}
	for _, e := range pages {
		if seen[e.page] {
			t.Errorf("%v has two entries", e.page)
		}
		seen[e.page] = true
		if e.page.String() != e.name || e.name == "" {
			t.Errorf("%v is named %q", e.page, e.name)
		}
		for _, k := range e.key.Keys() {
			if p, ok := letters[k]; ok {
				t.Errorf("%q opens both %v and %v", k, p, e.page)
			}
			letters[k] = e.page
		}
	}
	for p := PageHome; p <= PageCare; p++ {
		if !seen[p] {
			t.Errorf("%v has no entry", p)
		}
	}
	for _, e := range onHome() {
		inBubble(t, func(t *testing.T) {
			h := newHarness(t, appOpts{first: PageHome, deps: Deps{Routines: builtins(t),
				Breathe: BreatheConfig{Pattern: pattern(t, "5-1-3")}, Session: SessionConfig{Routines: builtins(t)}}})
			h.must(e.key.Help().Key + "  " + e.label)
			h.press("?")
			if help := strings.Join(strings.Fields(h.screen()), " "); !strings.Contains(help, e.key.Help().Key+" "+e.key.Help().Desc) {
				t.Errorf("the help has no %q:\n%s", e.key.Help().Key+" "+e.key.Help().Desc, h.screen())
			}
			h.press("?", e.key.Keys()[0])
			if ps := h.app.Pages(); len(ps) != 2 || ps[1] != e.page {
				t.Errorf("%q on home opened %v, want %v", e.key.Keys()[0], ps, e.page)
			}
		})
	}
}
