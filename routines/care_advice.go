package routines

import (
	"fmt"
	"strings"
	"time"
)

// Application is one recorded application of ice or heat, as the history
// holds it. Whether it counts (for today's counts and for when the next is
// due) is Counts: the one rule every screen goes by.
type Application struct {
	Kind    Kind // KindIce or KindHeat; other kinds are ignored
	Started time.Time
	Ended   time.Time // zero when it never ended (interrupted)
	Outcome Outcome
	// NeverOn marks one ended (or under way) in its get-ready, before the
	// pack went on: nothing touched the skin.
	NeverOn bool
}

// MinApplication is how long a pack must have been on for the
// application to count: a start stopped sooner (the wrong key, the wrong
// kind) did nothing to the skin, and must not push the next one hours on.
const MinApplication = time.Minute

// Counts reports whether ap counts as an application: in today's counts
// (home, the plan, the closing screen) and for when the next is due. An
// application of ice or heat counts unless the pack never went on
// (NeverOn), or it ended before it ran its time and before MinApplication
// had passed since it began (stopped, or cut by a signal): the skin was
// barely touched. One still under way counts once the pack is on. This is
// the only place that decides it.
func (ap Application) Counts() bool {
	if (ap.Kind != KindIce && ap.Kind != KindHeat) || ap.NeverOn {
		return false
	}
	return ap.Ended.IsZero() || ap.Outcome == Completed || ap.Ended.Sub(ap.Started) >= MinApplication
}

// WithApplication is apps with ap in it: ap takes the place of the record
// of the same application (same kind and start) when apps holds one, and
// is added otherwise. apps is not changed.
func WithApplication(apps []Application, ap Application) []Application {
	out := make([]Application, 0, len(apps)+1)
	for _, a := range apps {
		if a.Kind != ap.Kind || !a.Started.Equal(ap.Started) {
			out = append(out, a)
		}
	}
	return append(out, ap)
}

// AfterCare is the plan for now, at now, right after the application ap
// ended: the recorded applications apps with ap in them, whether or not
// the history has written it yet. The closing screen and plain mode say
// this; the plan and the home screen read the same from the history.
func AfterCare(now time.Time, ep *Episode, apps []Application, ap Application) CareAdvice {
	return AdviseCare(now, ep, WithApplication(apps, ap))
}

// CareAdvice is what the sources suggest at one instant: the plan for now.
type CareAdvice struct {
	Now      time.Time
	Episode  Episode
	Assumed  bool      // no episode on record: the first 48 hours are assumed
	Phase    Kind      // KindIce in the first 48 hours, KindHeat after
	IceUntil time.Time // when heat takes over; zero when Assumed

	Next   Kind      // the next application the sources suggest
	NextAt time.Time // from when: Now when it is due now

	LastIce, LastHeat   time.Time // when the last of each began; zero for none
	IceToday, HeatToday int       // applications begun today, on now's clock
}

// AdviseCare says what the sources suggest at now, for the episode ep (nil
// when none is on record: the first 48 hours are then assumed) and the
// recorded applications apps, in any order. Applications that begin after
// now (a clock set back) are ignored. All times are read on now's clock.
//
// The rules (see Ice and Heat): ice in the first 48 hours, at most every 2
// hours from the start of one to the start of the next; then moist heat at
// most every 4 hours. A first heat is not suggested sooner than the ice's
// own 2 hours after the last ice began, so the skin always rests between
// two applications.
func AdviseCare(now time.Time, ep *Episode, apps []Application) CareAdvice {
	a := CareAdvice{Now: now, Phase: KindIce}
	if ep == nil {
		a.Assumed = true
	} else {
		a.Episode = *ep
		a.IceUntil = ep.IceUntil(now.Location())
		if !now.Before(a.IceUntil) {
			a.Phase = KindHeat
		}
	}
	for _, ap := range apps {
		if ap.Started.After(now) || !ap.Counts() {
			continue
		}
		last := &a.LastIce
		today := &a.IceToday
		switch ap.Kind {
		case KindIce:
		case KindHeat:
			last, today = &a.LastHeat, &a.HeatToday
		default:
			continue
		}
		if ap.Started.After(*last) {
			*last = ap.Started
		}
		if careDays(now, ap.Started.In(now.Location())) == 0 {
			*today++
		}
	}
	if a.Phase == KindIce {
		if next := a.from(KindIce, now); a.Assumed || next.Before(a.IceUntil) {
			a.Next, a.NextAt = KindIce, next
			return a
		}
		a.Next, a.NextAt = KindHeat, a.from(KindHeat, a.IceUntil)
		return a
	}
	a.Next, a.NextAt = KindHeat, a.from(KindHeat, now)
	return a
}

// from is the earliest instant, not before t, that an application of kind
// k may begin after the last ones recorded.
func (a CareAdvice) from(k Kind, t time.Time) time.Time {
	if !a.LastIce.IsZero() {
		t = careLatest(t, a.LastIce.Add(Ice.Every.Value))
	}
	if k == KindHeat && !a.LastHeat.IsZero() {
		t = careLatest(t, a.LastHeat.Add(Heat.Every.Value))
	}
	return t
}

func careLatest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// Due reports whether the next application is due now.
func (a CareAdvice) Due() bool { return !a.NextAt.After(a.Now) }

// Today is how many applications of kind k began today.
func (a CareAdvice) Today(k Kind) int {
	if k == KindHeat {
		return a.HeatToday
	}
	if k == KindIce {
		return a.IceToday
	}
	return 0
}

func (a CareAdvice) last(k Kind) time.Time {
	if k == KindHeat {
		return a.LastHeat
	}
	return a.LastIce
}

// coldSpan names the span of ice as the plan counts it: "the first 48
// hours" from a known instant, "the first 2 days" (the day it began and
// the next, to midnight) from a day (Episode.IceUntil), so that the words
// agree with the time they give.
func (a CareAdvice) coldSpan() string {
	if a.Episode.Day && !a.Assumed {
		return "the first 2 days"
	}
	return "the first 48 hours"
}

// capital is s with its first letter in capitals.
func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// Lines are what the plan for now says, in order: the episode and its
// phase, the rule of the phase with its source, and what is next.
func (a CareAdvice) Lines() []string {
	var out []string
	switch {
	case a.Assumed:
		out = append(out, "No start of this spasm on record: assuming it is within the first 48 hours.")
	default:
		out = append(out, "The spasm began "+a.Episode.Describe(a.Now)+".")
	}
	rule, _ := CareRuleFor(a.Phase)
	switch {
	case a.Phase == KindHeat && a.Episode.OrEarlier:
		// "2 days ago or more": over, but not known since when.
		out = append(out, fmt.Sprintf("%s are over: moist heat now, until the pain eases.", capital(a.coldSpan())))
	case a.Phase == KindHeat:
		out = append(out, fmt.Sprintf("%s are over (since %s): moist heat now, until the pain eases.", capital(a.coldSpan()), careSince(a.Now, a.IceUntil)))
	case !a.Assumed:
		out = append(out, fmt.Sprintf("%s: ice, until %s; moist heat after.", capital(a.coldSpan()), careWhen(a.Now, a.IceUntil)))
	}
	out = append(out, fmt.Sprintf("%s %s at a time, at most every %s (%s).", rule.Title, careMinutes(rule.Default.Value), careHours(rule.Every.Value), NameCited(rule.Every.Source)))
	return append(out, a.nextLine())
}

// nextLine says what is next: "Ice is due now." or "Next ice from 14:30
// (the last began at 12:30)."
func (a CareAdvice) nextLine() string {
	name := string(a.Next)
	if a.Due() {
		rule, _ := CareRuleFor(a.Next)
		return rule.Title + " is due now."
	}
	line := fmt.Sprintf("Next %s from %s", name, careWhen(a.Now, a.NextAt))
	switch {
	case a.Next != a.Phase && a.NextAt.Equal(a.IceUntil):
		line += ", when " + a.coldSpan() + " end"
	case !a.last(a.Next).IsZero() && a.NextAt.Equal(a.last(a.Next).Add(careRule(a.Next).Every.Value)):
		line += " (the last began " + careAt(a.Now, a.last(a.Next)) + ")"
	case !a.LastIce.IsZero():
		line += " (the last ice began " + careAt(a.Now, a.LastIce) + ")"
	}
	return line + "."
}

func careRule(k Kind) CareRule {
	r, _ := CareRuleFor(k)
	return r
}

// Summary is the plan for now in a few words, for the home screen: "ice 2
// today, next from 14:30", "no ice or heat today, ice due now".
func (a CareAdvice) Summary() string {
	var counts string
	var only Kind
	switch {
	case a.IceToday > 0 && a.HeatToday > 0:
		counts = fmt.Sprintf("ice %d, heat %d today", a.IceToday, a.HeatToday)
	case a.IceToday > 0:
		counts, only = fmt.Sprintf("ice %d today", a.IceToday), KindIce
	case a.HeatToday > 0:
		counts, only = fmt.Sprintf("heat %d today", a.HeatToday), KindHeat
	default:
		counts = "no ice or heat today"
	}
	switch {
	case a.Due():
		return counts + ", " + string(a.Next) + " due now"
	case only == a.Next:
		return counts + ", next from " + careWhen(a.Now, a.NextAt)
	}
	return counts + ", next " + string(a.Next) + " from " + careWhen(a.Now, a.NextAt)
}

// Starting is the one line to say when the person starts kind k now
// against the advice: early, or ice after the first 48 hours, or heat
// within them. It is "" when k is what the sources suggest now. Starting
// anyway is always allowed.
func (a CareAdvice) Starting(k Kind) string {
	switch {
	case k == KindIce && a.Phase == KindHeat && a.Episode.OrEarlier:
		return fmt.Sprintf("%s are over: the sources suggest heat now rather than ice.", capital(a.coldSpan()))
	case k == KindIce && a.Phase == KindHeat:
		return fmt.Sprintf("%s are over (since %s): the sources suggest heat now rather than ice.", capital(a.coldSpan()), careSince(a.Now, a.IceUntil))
	case k == KindHeat && a.Phase == KindIce && a.Assumed:
		return "Assuming the first 48 hours: the sources suggest ice until they are over, then heat."
	case k == KindHeat && a.Phase == KindIce:
		return fmt.Sprintf("Still %s: the sources suggest ice until %s, then heat.", a.coldSpan(), careWhen(a.Now, a.IceUntil))
	case k != KindIce && k != KindHeat:
		return ""
	}
	next := a.from(k, a.Now)
	if !next.After(a.Now) {
		return ""
	}
	if k == KindIce && !a.Assumed && !next.Before(a.IceUntil) {
		return fmt.Sprintf("This is early: the sources suggest heat next, from %s (the last ice began %s).",
			careWhen(a.Now, a.from(KindHeat, a.IceUntil)), careAt(a.Now, a.LastIce))
	}
	last := a.last(k)
	what := "the last began " + careAt(a.Now, last)
	if last.IsZero() || !next.Equal(last.Add(careRule(k).Every.Value)) {
		what = "the last ice began " + careAt(a.Now, a.LastIce)
	}
	return fmt.Sprintf("This is early: the sources suggest the next %s from %s (%s).", k, careWhen(a.Now, next), what)
}

// minutes says a length in minutes: "15 minutes", "1 minute", "0.5 minutes".
func careMinutes(d time.Duration) string {
	m := d.Minutes()
	if m == 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%g minutes", m)
}

// hours says a whole-hour interval: "2 hours".
func careHours(d time.Duration) string {
	h := d.Hours()
	if h == 1 {
		return "hour"
	}
	return fmt.Sprintf("%g hours", h)
}

// CareSourcesText is the care table and the articles' disagreements, as
// lines to show on request: a heading, then its entries, each indented
// two spaces (words.CareSources wraps them with a hanging indent).
func CareSourcesText() []string {
	out := []string{"What each article says about cold and heat:"}
	for _, s := range CareSources {
		title := ""
		if src, ok := SourceByID(s.Article); ok {
			title = " (" + src.Title + ")"
		}
		out = append(out, fmt.Sprintf("  %s%s. Cold: %s. Heat: %s.", s.Article, title, s.Cold, s.Heat))
	}
	out = append(out, "Where they differ:")
	for _, d := range CareDisagreements {
		out = append(out, "  "+d)
	}
	return out
}
