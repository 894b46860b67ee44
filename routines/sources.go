package routines

import (
	"regexp"
	"strings"
)

// Source is one of the texts unknot's facts come from: the five articles
// the coach was built from (content.md names them 000 to 004, after their
// seed files), and the public guidance the safety page adds.
type Source struct {
	ID    string // how routine files and the tables cite it: "000" ... "004", "nhs-back-pain", ...
	Title string // its own title
	Short string // how a line cites it in passing: "NHS: Back pain" ("" for the articles: their ID)
	// Publisher and URL name public guidance: who publishes it and where
	// to read it. The articles came as text without an address: both "".
	Publisher string
	URL       string
	Used      string // what unknot takes from it, in a few words
}

// Label is how a line cites s in passing: its Short name, else its ID.
func (s Source) Label() string {
	if s.Short != "" {
		return s.Short
	}
	return s.ID
}

// Public reports whether s is public guidance (it has a publisher).
func (s Source) Public() bool { return s.Publisher != "" }

// Sources are every source, the articles first, in the order they are
// numbered.
var Sources = []Source{
	{ID: "000", Title: "Take These Steps When You Have Back Spasms",
		Used: "the twists and shoulder rolls, the 5-1-3 breathing and its cues, ice and heat, going slowly, pain past 12 weeks"},
	{ID: "001", Title: "Lower Back Spasms",
		Used: "knee to chest and arm raise with their limits, only without pain, ice every 2 hours then moist heat, rest"},
	{ID: "002", Title: "How to Treat Muscle Spasms in the Back?",
		Used: "5 to 10 breaths per stretch, ice then heat after 48 hours, no long bed rest, when to see a doctor"},
	{ID: "003", Title: "How to Treat a Back Spasm",
		Used: "ice up to 25 minutes with a towel, getting up carefully"},
	{ID: "004", Title: "8 Ways to Help Alleviate Those Annoying Back Spasms",
		Used: "pain that persists or gets worse needs a specialist"},
	{ID: "nhs-back-pain", Title: "Back pain", Short: "NHS: Back pain", Publisher: "NHS, the UK's National Health Service",
		URL:  "https://www.nhs.uk/conditions/back-pain/",
		Used: "which signs with back pain mean call 999 or go to A&E, and which an urgent GP appointment"},
	{ID: "nhs-cauda-equina", Title: "Cauda equina syndrome", Short: "NHS: Cauda equina syndrome", Publisher: "NHS, the UK's National Health Service",
		URL:  "https://www.nhs.uk/conditions/cauda-equina-syndrome/",
		Used: "numbness around the genitals or buttocks, loss of bladder or bowel control, weakness in both legs: an emergency"},
	{ID: "nice-ng59", Title: "Low back pain and sciatica in over 16s: assessment and management", Short: "NICE NG59",
		Publisher: "NICE, the UK's National Institute for Health and Care Excellence",
		URL:       "https://www.nice.org.uk/guidance/ng59",
		Used:      "doctors rule out other causes first: cancer, infection, injury, inflammatory disease"},
}

// SourceByID is the source with id, and false when there is none.
func SourceByID(id string) (Source, bool) {
	for _, s := range Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// sourceID is a citation in a source field: a source's id, as a word.
var sourceID = regexp.MustCompile(`[a-z0-9]+(?:-[a-z0-9]+)*`)

// NameCited is text (a source field) with each source it cites named
// after its id: "003 (frostbite)" reads "003 “How to Treat a Back Spasm”
// (frostbite)"; public guidance gets its short name and address.
func NameCited(text string) string {
	return sourceID.ReplaceAllStringFunc(text, func(w string) string {
		s, ok := SourceByID(w)
		switch {
		case !ok:
			return w
		case s.Public():
			return s.Label() + " (" + s.URL + ")"
		}
		return s.ID + " “" + s.Title + "”"
	})
}

// CitedSources are the known sources that text (a routine file's
// `source`, a figure's) cites, once each, in the order it first cites
// them. What is not a source's id ("the twist", words around them) is
// passed over.
func CitedSources(text string) []Source {
	var out []Source
	seen := map[string]bool{}
	for _, w := range sourceID.FindAllString(strings.ToLower(text), -1) {
		if s, ok := SourceByID(w); ok && !seen[w] {
			seen[w] = true
			out = append(out, s)
		}
	}
	return out
}
