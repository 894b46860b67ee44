package routines

import (
	"strings"
	"time"
)

// The care table: what the source articles say about cold and heat, as the
// figures the care timer and the plan for now use. Each figure names the
// article it comes from (the seed files 000 to 003; see content.md, "Heat
// and ice"), as a routine file's `source` does. Where the articles differ,
// the gentlest reading is the default and the others are stated.

// Figure is one length of time from the sources, with where it comes from.
type Figure struct {
	Value  time.Duration
	Source string // the article or articles it comes from, e.g. "001"
	Note   string // what the other articles say, or why this figure, in plain words
}

// CareRule is what the sources say about one kind of care: ice or heat.
type CareRule struct {
	Kind  Kind   // KindIce or KindHeat
	Title string // "Ice", "Heat"

	Default Figure // one application, unless -m says otherwise
	Longest Figure // the most -m allows; its Note is the reason
	Every   Figure // at most one application this often, start to start
	Phase   Figure // ice: how long after the spasm began it is the thing to do; heat: from then on

	Before  []string // what to do before putting it on
	On      string   // when the countdown begins
	Halfway string   // the reminder halfway through: "Halfway. " and Check
	Check   string   // the skin check, said on through the second half
	End     string   // what to do when the time is up
}

// Pack is what goes on the skin, as the cues name it: "ice pack",
// "heat".
func (r CareRule) Pack() string {
	if r.Kind == KindIce {
		return "ice pack"
	}
	return strings.ToLower(r.Title)
}

// Ice is the cold pack, for the first 48 hours.
var Ice = CareRule{
	Kind:  KindIce,
	Title: "Ice",
	Default: Figure{15 * time.Minute, "001",
		"001 says up to 15 minutes; 000 and 002 say 15 to 20; 003 says 25. The gentlest is the default."},
	Longest: Figure{25 * time.Minute, "003",
		"no article keeps ice on longer than 25 minutes at a time (003); longer risks frostbite"},
	Every: Figure{2 * time.Hour, "001",
		"001 says 15 minutes every 2 hours; 003 says 25 minutes on, then 1 hour 30 off (1 hour 55 start to start). Every 2 hours satisfies both."},
	Phase: Figure{48 * time.Hour, "001, 002",
		"001 says for 2 days, 002 for the first 48 hours; 003 says 48 to 72 hours. Heat takes over after 48 hours."},
	Before: []string{
		"Wrap the ice pack (a bag of frozen peas works) in a thin towel: never ice straight on the skin.",
		"Lie or sit comfortably, with the sore spot supported, and lay the pack on it.",
	},
	On:      "Put the ice pack on now, over the towel. Stay still and breathe slowly.",
	Halfway: "Halfway. " + iceCheck,
	Check:   iceCheck,
	End:     "Time is up: take the ice off, and let the skin warm up by itself.",
}

// Heat is moist heat, after the first 48 hours.
var Heat = CareRule{
	Kind:  KindHeat,
	Title: "Heat",
	Default: Figure{15 * time.Minute, "001, 000",
		"001 says up to 15 minutes, 000 says 15 minutes at a time."},
	Longest: Figure{20 * time.Minute, "000, 002",
		"the articles give heat 15 minutes at a time (000, 001) and none gives longer; unknot allows up to 20, the upper end 000 and 002 give for a cold pack, and no further: longer risks burns"},
	Every: Figure{4 * time.Hour, "001",
		"001 says up to 15 minutes every 4 hours, until the pain eases. The others give no interval."},
	Phase: Figure{0, "001, 002, 000",
		"after the cold phase (001), after 48 hours (002), after the first few days (000); until the pain eases (001)."},
	Before: []string{
		"Moist heat works best: a towel wrung out in hot water, a hot water bottle, or a moist heating pad.",
		"Keep a thin towel between the heat and your skin, and stay awake: never sleep on a heating pad.",
		"Lie or sit comfortably, with the sore spot supported.",
	},
	On:      "Put the heat on now, over the towel. Rest, but stay awake.",
	Halfway: "Halfway. " + heatCheck,
	Check:   heatCheck,
	End:     "Time is up: take the heat off.",
}

// The skin checks, said halfway and on through the second half.
const (
	iceCheck  = "Check your skin: take the ice off if it burns, blisters or goes numb."
	heatCheck = "Check your skin: take the heat off if it burns, blisters or goes numb."
)

// CareRuleFor is the rule for kind k: Ice, Heat, or false for any other kind.
func CareRuleFor(k Kind) (CareRule, bool) {
	switch k {
	case KindIce:
		return Ice, true
	case KindHeat:
		return Heat, true
	}
	return CareRule{}, false
}

// CareSafety is said before every application of ice or heat.
var CareSafety = []SafetyLine{
	{"Always keep a thin towel between your skin and the ice or heat.", "000, 003"},
	{"Never sleep on a heating pad, or with any heat on.", "000"},
	{"Stop at once if the skin burns, blisters or goes numb.", "003 (frostbite); the care timer's own rule"},
}

// SafetyLine is one safety rule the care timer says, with where it comes from.
type SafetyLine struct {
	Text   string
	Source string
}

// CareSource is one article's row of the care table: what it says about
// cold and heat, in our words.
type CareSource struct {
	Article string // "000" ... "003"
	Cold    string
	Heat    string
}

// CareSources is the care table, shown on request ("which source says
// what").
var CareSources = []CareSource{
	{"001", "up to 15 minutes every 2 hours, for 2 days after the injury",
		"moist heat once the cold phase is over, up to 15 minutes every 4 hours, until the pain eases"},
	{"000", "15 to 20 minutes, for the first few days",
		"15 minutes at a time after the first few days; never sleep on a heating pad"},
	{"002", "15 to 20 minutes at a time, for the first 48 hours", "after 48 hours"},
	{"003", "25 minutes on, 1 hour 30 off, again and again through the first 48 to 72 hours; a thin towel between ice and skin",
		"not given"},
}

// CareDisagreements are where the articles differ, and which reading
// unknot takes.
var CareDisagreements = []string{
	"How long the ice stays on: 15 minutes (001), 15 to 20 (000, 002), 25 (003). unknot's default is 15; -m allows up to 25.",
	"How often: every 2 hours (001), or 25 minutes on and 1 hour 30 off (003). unknot waits 2 hours from the start of one to the next.",
	"How long the cold phase lasts: 2 days (001), 48 hours (002), the first few days (000), 48 to 72 hours (003). unknot moves to heat after 48 hours.",
}
