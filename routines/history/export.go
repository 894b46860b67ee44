package history

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"github.com/unknot/unknot/routines/record"
	"io"
	"strconv"
	"strings"
	"time"
)

// ExportJSON writes the sessions flt chooses (oldest first) as one JSON
// array, one session to a line: the format of `unknot history --json`,
// which ImportJSON reads back. A session still recorded by a live process
// has the status "running".
func (s *Store) ExportJSON(w io.Writer, flt Filter) error {
	flt.Limit = 0
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("["); err != nil {
		return err
	}
	sep := "\n"
	var buf []byte
	err := s.each(context.Background(), flt, func(x *record.Session) error {
		buf = appendSession(append(buf[:0], sep...), x)
		sep = ",\n"
		_, err := bw.Write(buf)
		return err
	})
	if err != nil {
		return fault("export", s.path, err)
	}
	if sep == "\n" {
		bw.WriteString("]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	return bw.Flush()
}

// CSVHeader is the first row of `unknot history --csv`.
var CSVHeader = []string{"id", "kind", "started_at", "ended_at", "status", "pain_before", "pain_after",
	"breaths", "routine", "side", "reps_done", "reps_planned"}

// ExportCSV writes the sessions flt chooses (oldest first) as CSV with a
// header: one row per exercise, and one row for a session without any (a
// breathe session), its exercise columns empty. Empty cells are nulls. A
// name that a spreadsheet would take for a formula is escaped (csvText).
func (s *Store) ExportCSV(w io.Writer, flt Filter) error {
	flt.Limit = 0
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(CSVHeader))
	err := s.each(context.Background(), flt, func(x *record.Session) error {
		row[0] = strconv.FormatInt(x.ID, 10)
		row[1] = string(x.Kind)
		row[2] = timeText(x.StartedAt)
		row[3] = ""
		if x.EndedAt != nil {
			row[3] = timeText(*x.EndedAt)
		}
		row[4] = string(x.Status)
		row[5] = optInt(x.PainBefore)
		row[6] = optInt(x.PainAfter)
		row[7] = strconv.Itoa(x.Breaths)
		if len(x.Exercises) == 0 {
			clear(row[8:])
			return cw.Write(row)
		}
		for _, e := range x.Exercises {
			row[8], row[9] = csvText(e.Routine), csvText(e.Side)
			row[10], row[11] = strconv.Itoa(e.RepsDone), strconv.Itoa(e.RepsPlanned)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fault("export", s.path, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvText keeps a spreadsheet from reading a cell as a formula: text that
// starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as the text it is (OWASP's advice
// against CSV injection).
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func optInt(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// appendSession appends x as JSON, exactly as json.Marshal would write it
// (a test holds them equal), several times faster.
func appendSession(b []byte, x *record.Session) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, x.ID, 10)
	b = append(b, `,"kind":`...)
	b = appendString(b, string(x.Kind))
	b = append(b, `,"started_at":"`...)
	b = x.StartedAt.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","ended_at":`...)
	if x.EndedAt == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '"')
		b = x.EndedAt.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	b = append(b, `,"status":`...)
	b = appendString(b, string(x.Status))
	b = append(b, `,"pain_before":`...)
	b = appendOptInt(b, x.PainBefore)
	b = append(b, `,"pain_after":`...)
	b = appendOptInt(b, x.PainAfter)
	b = append(b, `,"breaths":`...)
	b = strconv.AppendInt(b, int64(x.Breaths), 10)
	b = append(b, `,"exercises":[`...)
	for i, e := range x.Exercises {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"routine":`...)
		b = appendString(b, e.Routine)
		b = append(b, `,"side":`...)
		b = appendString(b, e.Side)
		b = append(b, `,"reps_done":`...)
		b = strconv.AppendInt(b, int64(e.RepsDone), 10)
		b = append(b, `,"reps_planned":`...)
		b = strconv.AppendInt(b, int64(e.RepsPlanned), 10)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

func appendOptInt(b []byte, v *int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*v), 10)
}

// appendString appends s as a JSON string: plain ASCII as it is, anything
// else through encoding/json (which also escapes <, > and &).
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
