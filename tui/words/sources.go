package words

import (
	"io"
	"strings"

	"github.com/unknot/unknot/routines"
)

// SourceRows are the lines that name the sources text cites (a routine
// file's `source`, a figure's), one each, in full (SourceLine); none when
// it cites none that unknot knows.
func SourceRows(text string) []string {
	var out []string
	for _, s := range routines.CitedSources(text) {
		out = append(out, SourceLine(s))
	}
	return out
}

// WriteSources prints every source (`unknot sources`), wrapped on words
// at width: the articles by number and title, public guidance by name,
// title, publisher and address, each with what unknot takes from it.
func WriteSources(w io.Writer, width int) error {
	var lines []string
	lines = append(lines, Wrap("Where unknot's facts come from. Routine files, the care tables and the safety page cite these by number or name; every instruction is said in unknot's own words.", width, "", "")...)
	for _, s := range routines.Sources {
		lines = append(lines, "")
		if s.Public() {
			lines = append(lines, s.Label())
			if !strings.Contains(s.Label(), s.Title) {
				lines = append(lines, Wrap("\""+s.Title+"\"", width, "  ", "  ")...)
			}
			lines = append(lines, Wrap(s.Publisher, width, "  ", "  ")...)
			lines = append(lines, Wrap(s.URL, width, "  ", "  ")...)
		} else {
			lines = append(lines, s.ID+"  "+s.Title)
			lines = append(lines, "  An article, one of the five unknot was built from (no address: kept as text).")
		}
		lines = append(lines, Wrap("Used for: "+s.Used+".", width, "  ", "  ")...)
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n")+"\n")
	return err
}
