package report

import (
	"encoding/json"
	"io"

	"github.com/unknot/unknot/routines/record"
)

// JSON writes the numbers behind the report, indented: the same values
// the HTML and the text are made from.
func JSON(w io.Writer, r record.Report) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(r)
}
