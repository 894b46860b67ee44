package tui

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

func (p Page) String() string {
	names := [...]string{"home", "session", "breathe", "review", "pick", "safety", "care"}
	if p >= 0 && int(p) < len(names) {
		return names[p]
	}
	return "page?"
}

// homeKeys are the home screen's one-key choices. b is first: breathing
// now is the spasm path, and takes one key.
var homeKeys = map[string]Page{
	"b": PageBreathe,
	"s": PageSession,
	"p": PagePick,
	"h": PageReview,
	"c": PageCare,
}

// SafetyKey opens the stop rule and the red flags from any screen that is
// not busy.
const SafetyKey = "!"

// Navigate is what a key does to the stack of open screens (bottom first),
// when the top one is busy or not: the whole of unknot's navigation, as a
// pure function. A busy screen keeps every key. Otherwise q and Esc close
// the top screen (closing the last one ends the program: the stack comes
// back empty), ! opens the safety page, and on the home screen b, s, p, c and
// h open breathing, the session, pick routines, ice or heat and the history. Any other
// key leaves the stack as it is (the screen may use it).
func Navigate(stack []Page, busy bool, key string) []Page {
	if len(stack) == 0 || busy {
		return stack
	}
	top := stack[len(stack)-1]
	switch {
	case key == "esc" && top == PageHome:
		return stack // Esc is "back", and home is where back leads: q quits
	case key == "q" || key == "esc":
		return stack[:len(stack)-1]
	case key == SafetyKey && top != PageSafety:
		return push(stack, PageSafety)
	case top == PageHome:
		if p, ok := homeKeys[key]; ok {
			return push(stack, p)
		}
	}
	return stack
}

func push(stack []Page, p Page) []Page {
	return append(stack[:len(stack):len(stack)], p)
}
