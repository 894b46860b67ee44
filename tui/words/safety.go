package words

import (
	"io"
	"strings"

	"github.com/unknot/unknot/routines"
)

// WriteSafety prints the stop rule, the red flags and what to do during a
// spasm.
func WriteSafety(w io.Writer) error {
	var b strings.Builder
	b.WriteString("Stop rule\n  " + routines.StopRule + "\n\n")
	b.WriteString("See a doctor for\n")
	for _, f := range routines.RedFlags {
		b.WriteString("  - " + f + "\n")
	}
	b.WriteString("\nDuring a spasm\n")
	for _, f := range routines.DuringSpasm {
		b.WriteString("  - " + f + "\n")
	}
	b.WriteString("\n" + routines.NotAdvice + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
