package main

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui"
)

// helpKeys are the keys `unknot breathe --help` lists after "Keys:", each
// with what it says the key does.
func helpKeys(t *testing.T) map[string]string {
	t.Helper()
	code, out, _ := runCLI(t, "", "breathe", "--help")
	if code != 0 {
		t.Fatalf("breathe --help: exit %d", code)
	}
	_, after, ok := strings.Cut(out, "Keys:")
	if !ok {
		t.Fatalf("breathe --help lists no keys:\n%s", out)
	}
	para, _, _ := strings.Cut(after, "\n\n")
	list := strings.TrimSuffix(strings.Join(strings.Fields(para), " "), ".")
	keys := map[string]string{}
	for _, item := range strings.Split(list, " · ") {
		k, desc, _ := strings.Cut(item, " ")
		keys[k] = desc
	}
	return keys
}

// breatheScreens are what the breathe screen shows while it paces: with
// its short help line, and with every key (after ?).
func breatheScreens(t *testing.T) []string {
	t.Helper()
	p, err := routines.ParsePattern("5-1-3")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	ctx := tui.NewContext(tui.Options{Theme: "dark", Now: func() time.Time { return at }})
	a, err := tui.NewApp(ctx, tui.Deps{Breathe: tui.BreatheConfig{Pattern: p}}, tui.PageBreathe)
	if err != nil {
		t.Fatal(err)
	}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	short := ansi.Strip(a.View().Content)
	a.Update(tea.KeyPressMsg{Code: '?', Text: "?"})
	return []string{short, ansi.Strip(a.View().Content)}
}

// helpShows reports whether a screen's help shows binding b: its key, then
// what it does.
func helpShows(screen string, b key.Binding) bool {
	h := b.Help()
	if h.Key == "" {
		return false
	}
	re := regexp.MustCompile(`(?m)(^|\s)` + regexp.QuoteMeta(h.Key) + `\s+` + regexp.QuoteMeta(h.Desc) + `(\s|$)`)
	return re.MatchString(screen)
}

// The keys `unknot breathe --help` lists are the keys the breathe screen
// answers while it paces: each one its help (the short line or the ?
// page) shows, doing what the --help says, and none it shows left out.
// What a screen's help shows is what it answers: tui's keys_test holds
// every screen to that.
func TestBreatheHelpListsTheKeysTheScreenAnswers(t *testing.T) {
	listed := helpKeys(t)
	screens := breatheScreens(t)
	onScreen := map[string]bool{}
	all := reflect.ValueOf(tui.Keys)
	for i := range all.NumField() {
		b, ok := all.Field(i).Interface().(key.Binding)
		if ok && slices.ContainsFunc(screens, func(s string) bool { return helpShows(s, b) }) {
			onScreen[b.Help().Key] = true
		}
	}
	if len(onScreen) < 5 {
		t.Fatalf("found only %v on the breathe screen:\n%s", onScreen, strings.Join(screens, "\n"))
	}
	for k, desc := range listed {
		if !onScreen[k] {
			t.Errorf("breathe --help lists %q (%s), which the breathe screen does not answer", k, desc)
			continue
		}
		b := key.NewBinding(key.WithHelp(k, desc))
		if !slices.ContainsFunc(screens, func(s string) bool { return helpShows(s, b) }) {
			t.Errorf("breathe --help says %q does %q; the screen says otherwise", k, desc)
		}
	}
	for k := range onScreen {
		if _, ok := listed[k]; !ok {
			t.Errorf("the breathe screen answers %q; breathe --help does not list it (it lists %v)", k, listed)
		}
	}
}
