package remind

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
)

// OffHint ends every reminder: the one command that stops them all.
const OffHint = "No more reminders: unknot remind off"

// BreatheMinutes is how long the breathing a reminder suggests lasts.
const BreatheMinutes = 3

// Message is what a nudge's notification says: a title and a few short
// lines, which do not say the title again (a notification shows both). session is how long the day's stretch session takes (0: not
// known); care is the care plan at the time (ok false when ice and heat
// are not in use), whose next application is said when it is due.
func Message(what routines.Nudge, session time.Duration, care routines.CareAdvice, careOK bool) (title, body string) {
	var lines []string
	switch what {
	case routines.NudgeSession:
		title = "Time for your stretches"
		long := ""
		if session > 0 {
			long = capitalize(aboutMinutes(session)) + ". "
		}
		lines = append(lines, long+"Open a terminal and run `unknot session`.")
	case routines.NudgeBreathe:
		title = "Time to breathe slowly"
		lines = append(lines, fmt.Sprintf("A few slow breaths: about %d minutes. Open a terminal and run `unknot breathe -m %d`.", BreatheMinutes, BreatheMinutes))
	case routines.NudgeMove:
		title = "Time to move a little"
		lines = append(lines, "Stand up and walk gently for 2 or 3 minutes: staying still too long stiffens a sore back.")
	case routines.NudgeCare:
		title = "Ice or heat"
		if careOK && care.Due() {
			title = careTitle(care.Next) + " is due"
		}
	}
	if careOK && care.Due() {
		rule, _ := routines.CareRuleFor(care.Next)
		due := careTitle(care.Next) + " is due: " // the title of a care reminder says it already
		if what == routines.NudgeCare {
			due = ""
		}
		lines = append(lines, capitalize(fmt.Sprintf("%s%s, over a thin towel. Run `unknot care`.", due, aboutMinutes(rule.Default.Value))))
	} else if what == routines.NudgeCare {
		lines = append(lines, "Run `unknot care` for the plan for now.")
	}
	lines = append(lines, OffHint+".")
	return "unknot: " + title, strings.Join(lines, "\n")
}

func careTitle(k routines.Kind) string {
	if r, ok := routines.CareRuleFor(k); ok {
		return r.Title
	}
	return string(k)
}

// aboutMinutes says a length in whole minutes: "about 9 minutes", "15 minutes".
func aboutMinutes(d time.Duration) string {
	m := int(math.Round(d.Minutes()))
	if m < 1 {
		m = 1
	}
	word := "minutes"
	if m == 1 {
		word = "minute"
	}
	if d == time.Duration(m)*time.Minute {
		return fmt.Sprintf("%d %s", m, word)
	}
	return fmt.Sprintf("about %d %s", m, word)
}

// capitalize makes a line begin with a capital: "About 9 minutes".
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
