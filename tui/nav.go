package tui

import "charm.land/bubbles/v2/key"

// Navigate is what a key does to the stack of open screens (bottom first),
// when the top one is busy or not: the whole of unknot's navigation, as a
// pure function. A busy screen keeps every key. Otherwise Keys.Close (q and
// Esc) closes the top screen (closing the last one ends the program: the
// stack comes back empty), except that Esc on home does nothing (it means
// back, and home is where back leads; q quits); Keys.Safety (!) opens the
// safety page; and on home each page's letter (see pages) opens it. Any
// other key leaves the stack as it is (the screen may use it).
func Navigate(stack []Page, busy bool, k string) []Page {
	if len(stack) == 0 || busy {
		return stack
	}
	top := stack[len(stack)-1]
	name := keyName(k)
	switch {
	case top == PageHome && key.Matches(name, Keys.Close):
		if key.Matches(name, Keys.Quit) {
			return stack[:len(stack)-1]
		}
		return stack
	case key.Matches(name, Keys.Close):
		return stack[:len(stack)-1]
	case key.Matches(name, Keys.Safety) && top != PageSafety:
		return push(stack, PageSafety)
	case top == PageHome:
		if p, ok := homePage(name); ok {
			return push(stack, p)
		}
	}
	return stack
}

func push(stack []Page, p Page) []Page {
	return append(stack[:len(stack):len(stack)], p)
}
