package words

import (
	"io"
	"strings"

	"github.com/unknot/unknot/routines"
)

// The safety page's headings and the lines that lead each list.
const (
	GetHelpNowTitle   = "Get help now"
	GetHelpNowLead    = "Call your emergency number (999 in the UK, 112 in Europe, 911 in North America) or go to A&E, the emergency department, if you have back pain and:"
	GetHelpTodayTitle = "Get help today"
	GetHelpTodayLead  = "See a doctor today (in the UK, an urgent GP appointment, or call 111) if you have back pain and:"
	SeeDoctorTitle    = "See a doctor soon"
	SeeDoctorLead     = "See a doctor soon, and stretch only without pain until then, for:"
	SourcesTitle      = "Where this comes from"
	// SafetyMore follows the signs that need help now where only they
	// are shown (after a pain stop).
	SafetyMore = "! shows when to see a doctor soon, and where this comes from."
	// SafetyPointer stands for the signs that need help now where there
	// is no room for them (a pain stop in a small window): ! shows them.
	SafetyPointer = "Get help now for any sign ! shows."
	// SafetyAll says where the whole page is, where ! is taken.
	SafetyAll = "All the signs, and where they come from: unknot safety."
)

// SafetyWidth is how wide `unknot safety` wraps its lines when it is not
// told the terminal's width.
const SafetyWidth = 80

// WriteSafety prints the safety page wrapped at SafetyWidth columns.
func WriteSafety(w io.Writer) error { return WriteSafetyWidth(w, SafetyWidth) }

// WriteSafetyWidth prints the safety page wrapped on words at width
// columns.
func WriteSafetyWidth(w io.Writer, width int) error {
	_, err := io.WriteString(w, SafetyText(width)+"\n")
	return err
}

// GetHelpNowBrief is the signs that need help now in one sentence, for
// where the list must be short (the session's end after a pain stop).
func GetHelpNowBrief() string {
	briefs := make([]string, len(routines.GetHelpNow))
	for i, f := range routines.GetHelpNow {
		briefs[i] = f.Brief
	}
	today := make([]string, len(routines.GetHelpToday))
	for i, f := range routines.GetHelpToday {
		today[i] = f.Brief
	}
	return "Call 999 (UK), 112 (Europe) or 911 (North America), or go to A&E, if with back pain you have " +
		strings.Join(briefs[:len(briefs)-1], ", ") + " or " + briefs[len(briefs)-1] + ". With " +
		strings.Join(today, " or ") + ", see a doctor today."
}

// PainStopLines are what plain mode says after "stop, it hurts": the
// stop rule, the signs that need help now, then those for a doctor soon.
func PainStopLines() []string {
	out := []string{routines.StopRule, GetHelpNowTitle + ": " + GetHelpNowLead}
	for _, f := range routines.GetHelpNow {
		out = append(out, "  - "+f.Text)
	}
	out = append(out, GetHelpTodayTitle+": "+GetHelpTodayLead)
	for _, f := range routines.GetHelpToday {
		out = append(out, "  - "+f.Text)
	}
	out = append(out, SeeDoctorLead)
	for _, f := range routines.SeeDoctorSoon {
		out = append(out, "  - "+f.Text)
	}
	return append(out, "Where each comes from: unknot safety.")
}

// SafetyText is the safety page, wrapped on words at width columns (no
// word is broken; one longer than a line, an address, has a line of its
// own): first the signs that need help now, then today, then those that
// need a doctor soon, each with where it comes from; the stop rule; what to do during a
// spasm; that unknot is not a doctor; and the sources it cites, by title
// and, for public guidance, publisher and address.
func SafetyText(width int) string {
	var lines []string
	add := func(l ...string) { lines = append(lines, l...) }
	var cited []string
	flags := func(fs []routines.RedFlag) {
		for _, f := range fs {
			var labels []string
			for _, id := range f.Source {
				if s, ok := routines.SourceByID(id); ok {
					labels = append(labels, s.Label())
					if !contains(cited, id) {
						cited = append(cited, id)
					}
				}
			}
			text := f.Text
			if len(labels) > 0 {
				text += " (" + strings.Join(labels, "; ") + ")"
			}
			add(Wrap(text, width, "  - ", "    ")...)
		}
	}
	add(GetHelpNowTitle)
	add(Wrap(GetHelpNowLead, width, "", "")...)
	flags(routines.GetHelpNow)
	add("", GetHelpTodayTitle)
	add(Wrap(GetHelpTodayLead, width, "", "")...)
	flags(routines.GetHelpToday)
	add("", SeeDoctorTitle)
	add(Wrap(SeeDoctorLead, width, "", "")...)
	flags(routines.SeeDoctorSoon)
	add("", "Stop rule")
	add(Wrap(routines.StopRule, width, "  ", "  ")...)
	add("", "During a spasm")
	for _, l := range routines.DuringSpasm {
		add(Wrap(l, width, "  - ", "    ")...)
	}
	add("")
	add(Wrap(routines.NotAdvice, width, "", "")...)
	add("", SourcesTitle)
	for _, s := range routines.Sources {
		if contains(cited, s.ID) {
			add(Wrap(SourceLine(s), width, "  - ", "    ")...)
		}
	}
	return strings.Join(lines, "\n")
}

// SourceLine names a source in full: an article by its number and title,
// public guidance by its short name, its title (when the short name does
// not hold it), its address and its publisher.
func SourceLine(s routines.Source) string {
	if !s.Public() {
		return s.ID + ": " + s.Title + " (an article)"
	}
	line := s.Label() + " — "
	if !strings.Contains(s.Label(), s.Title) {
		line += "\"" + s.Title + "\", "
	}
	return line + s.URL + " (" + s.Publisher + ")"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Wrap breaks text into lines of at most width columns between words: the
// first begins with first, the others with rest (a hanging indent). A word
// longer than a line has one of its own, whole. width <= 0: one line.
func Wrap(text string, width int, first, rest string) []string {
	var out []string
	line := first
	empty := true
	for _, w := range strings.Fields(text) {
		switch {
		case empty:
			line += w
			empty = false
		case width > 0 && len([]rune(line))+1+len([]rune(w)) > width:
			out = append(out, line)
			line, empty = rest+w, false
		default:
			line += " " + w
		}
	}
	return append(out, line)
}
