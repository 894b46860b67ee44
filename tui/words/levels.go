package words

import (
	"fmt"
	"io"

	"github.com/unknot/unknot/routines"
)

// Level is one routine's present level (gentle progression): steps from
// its file, and what that sets ("6 reps per side").
type Level struct {
	Title  string
	Level  int
	Amount string
}

// LevelWords says a level as steps from the file: "as written", "2 steps
// up", "1 step back".
func LevelWords(n int) string {
	switch {
	case n == 0:
		return "as written"
	case n > 0:
		return Plural(n, "step") + " up"
	}
	return Plural(-n, "step") + " back"
}

// WriteLevels writes the levels in force, a line each, under a heading;
// nothing when there are none.
func WriteLevels(w io.Writer, levels []Level) error {
	if len(levels) == 0 {
		return nil
	}
	if _, err := io.WriteString(w, "Levels now:\n"); err != nil {
		return err
	}
	for _, l := range levels {
		if _, err := fmt.Fprintf(w, "  %-28s %s (%s)\n", routines.Printable(l.Title), l.Amount, LevelWords(l.Level)); err != nil {
			return err
		}
	}
	return nil
}
