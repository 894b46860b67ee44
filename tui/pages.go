package tui

import "charm.land/bubbles/v2/key"

// Page names a screen, for navigation.
type Page int

// The pages.
const (
	PageHome Page = iota
	PageSession
	PageBreathe
	PageReview
	PagePick
	PageSafety
	PageCare
)

// pageEntry is one screen of the app, all that the rest of unknot needs
// to know of it: its name (the window's title, the tests), the letter
// that opens it from home and the home menu's words for it (none: not on
// the menu), and how it is made. A new screen is a Page and one entry.
type pageEntry struct {
	page  Page
	name  string
	key   key.Binding // home's letter; the zero Binding: not on home
	label string      // home's words
	make  func(ctx *Context, deps Deps) (Screen, error)
}

// pages are every screen, in the order of the home menu. Breathing is
// first: it is the spasm path, and takes one key.
var pages = []pageEntry{
	{PageBreathe, "breathe", Keys.Breathe, "Breathe now", func(c *Context, d Deps) (Screen, error) { return newBreathe(c, d.Breathe, d) }},
	{PageSession, "session", Keys.Session, "Start today's session", func(c *Context, d Deps) (Screen, error) { return newSession(c, d.Session, d), nil }},
	{PagePick, "pick", Keys.Pick, "Pick routines", func(c *Context, d Deps) (Screen, error) { return newPick(c, d), nil }},
	{PageReview, "review", Keys.History, "History", func(c *Context, d Deps) (Screen, error) { return newReview(c, d.Review, d.Routines), nil }},
	{PageCare, "care", Keys.Care, "Ice or heat", func(c *Context, d Deps) (Screen, error) { return newCare(c, d) }},
	{PageSafety, "safety", Keys.Safety, "Safety", func(c *Context, d Deps) (Screen, error) { return newSafety(c), nil }},
	{PageHome, "home", key.Binding{}, "", func(c *Context, d Deps) (Screen, error) { return newHome(c, d), nil }},
}

// entry is p's entry in pages.
func entry(p Page) (pageEntry, bool) {
	for _, e := range pages {
		if e.page == p {
			return e, true
		}
	}
	return pageEntry{}, false
}

func (p Page) String() string {
	if e, ok := entry(p); ok {
		return e.name
	}
	return "page?"
}

// onHome are the pages home opens, each with its letter, in menu order.
func onHome() []pageEntry {
	var es []pageEntry
	for _, e := range pages {
		if len(e.key.Keys()) > 0 {
			es = append(es, e)
		}
	}
	return es
}

// homePage is the page a key opens from home.
func homePage(k keyName) (Page, bool) {
	for _, e := range onHome() {
		if key.Matches(k, e.key) {
			return e.page, true
		}
	}
	return 0, false
}
