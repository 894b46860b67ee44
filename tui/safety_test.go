package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

// The safety page at 80x24: the signs that need help now come first and
// whole, with the emergency number; the rest scrolls. No word is broken.
func TestSafetyGolden(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		h := newHarness(t, appOpts{first: PageSafety, w: 80, h: 24})
		golden(t, "safety_80x24_dark.golden", h.app.View().Content)
		h.must(words.GetHelpNowTitle, "999", "A&E", "bladder or bowels", "genitals, buttocks", "both legs", "serious fall", "(NHS: Back pain")
		for _, f := range routines.GetHelpNow {
			if !strings.Contains(flat(h.screen()), f.Text) {
				t.Errorf("the first page lacks %q", f.Text)
			}
		}
		noBrokenWords(t, h.screen())
		h.press("G")
		h.must(words.SourcesTitle, "https://www.nhs.uk/conditions/back-pain/")
		noBrokenWords(t, h.screen())
	})
}

// noBrokenWords fails when a line of screen ends inside a word of the
// safety text: every word on screen is one of the text's words.
func noBrokenWords(t *testing.T, screen string) {
	t.Helper()
	known := map[string]bool{}
	for _, w := range strings.Fields(words.SafetyText(0)) {
		known[w] = true
	}
	lines := strings.Split(strings.TrimRight(ansi.Strip(screen), "\n"), "\n")
	for _, l := range lines[:len(lines)-1] { // the last is the App's help line
		for _, w := range strings.Fields(l) {
			if !known[w] && w != "-" && !strings.HasPrefix(w, "↑↓") && w != "more" && w != "·" && !strings.HasSuffix(w, "%") {
				t.Errorf("%q on screen is not a whole word of the text (a broken word?):\n%s", w, l)
			}
		}
	}
}

// The page as text, at 80 columns (what `unknot safety` prints): no line
// is wider, no word is broken, and the help now comes first.
func TestSafetyTextAt80(t *testing.T) {
	text := words.SafetyText(80)
	whole := strings.Fields(words.SafetyText(0))
	if got := strings.Fields(text); strings.Join(got, " ") != strings.Join(whole, " ") {
		t.Errorf("wrapping changed the words:\n%s", text)
	}
	for _, l := range strings.Split(text, "\n") {
		if n := len([]rune(l)); n > 80 && strings.Contains(strings.TrimSpace(l), " ") {
			t.Errorf("a line of %d columns: %q", n, l)
		}
	}
	if !strings.HasPrefix(text, words.GetHelpNowTitle+"\n") || strings.Index(text, words.SeeDoctorTitle) < strings.Index(text, "A&E") {
		t.Errorf("the help now does not come first:\n%s", text)
	}
	// A fever is urgent, not an emergency: under its own heading, after
	// the emergencies and before "soon", never under the call-999 line.
	now, today, soon := strings.Index(text, "\n"+words.GetHelpTodayTitle+"\n"), strings.Index(text, "(a fever)"), strings.Index(text, words.SeeDoctorTitle)
	if now < 0 || !(now < today && today < soon) {
		t.Errorf("the fever is not under %q, between the emergencies and %q:\n%s", words.GetHelpTodayTitle, words.SeeDoctorTitle, text)
	}
	all := append(append(append([]routines.RedFlag(nil), routines.GetHelpNow...), routines.GetHelpToday...), routines.SeeDoctorSoon...)
	for _, f := range all {
		if len(f.Source) == 0 {
			t.Errorf("%q says no source", f.Text)
		}
		for _, id := range f.Source {
			if _, ok := routines.SourceByID(id); !ok {
				t.Errorf("%q cites %q, which is not a source", f.Text, id)
			}
		}
	}
}
