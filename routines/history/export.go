package history

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The export's format: `unknot history --json` writes one JSON object,
//
//	{"format": "unknot-history", "version": 5,
//	 "sessions": [ ...one session to a line... ],
//	 "episodes": [ ...one episode of spasm to a line... ]}
//
// in that order, each session as version 1 wrote it plus its "levels"
// (routine -> level, for stretch sessions that recorded any), and since
// version 3 its "pattern" (a breathing run's, "5-1-3"),
// "safety_opened_at" (when the safety page was first opened from its stop
// for pain) and "stop_pos" and "stop_rep" (where that stop came: the
// exercise under way, counted from 0 in its "exercises", and its rep,
// from 1), each left out when not recorded; since version 4 an exercise's
// "direction" (a rep-only routine's way, "forward"), left out when it
// has none; since version 5 "never_on": true on an ice or heat run whose
// pack never went on (left out otherwise). Version 4 had no never_on,
// version 3 no direction and version 2 none of version 3's keys: imports
// still read them, as they read version 1, the bare array of sessions
// with no levels and no episodes, and JSON lines of sessions (what a run
// that could not be saved prints). An unknot that reads only up to
// version 4 refuses a version 5 file as written by a newer unknot, rather
// than tripping on a key it does not know.
const (
	ExportFormat  = "unknot-history"
	ExportVersion = 5
)

// levelCols is the export's one more column after sessionCols: the
// session's levels as "routine US level", separated by RS, by routine.
const levelCols = `, (SELECT group_concat(l.routine || char(31) || l.level, char(30) ORDER BY l.routine)
	FROM levels l WHERE l.session_id = s.id)`

// ExportJSON writes what flt chooses as the export document (see
// ExportFormat): the sessions, oldest first, with their levels, then the
// episodes of spasm said on or after flt.Since (all of them without it; none
// when flt chooses one kind of session). ImportJSON reads it back whole. A
// session still recorded by a live process has the status "running".
func (s *Store) ExportJSON(w io.Writer, flt Filter) error {
	flt.Limit = 0
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, `{"format":%q,"version":%d,`+"\n"+`"sessions":[`, ExportFormat, ExportVersion)
	sep := "\n"
	var buf []byte
	var lv []level
	where, args := flt.where()
	q := s.compat(`SELECT ` + sessionCols + levelCols + ` FROM sessions s` + where + ` ORDER BY s.started_ns, s.id`)
	err := s.scanSessions(context.Background(), q, args, func(x *record.Session, levels string) error {
		var err error
		if lv, err = splitLevels(lv[:0], levels); err != nil {
			return fmt.Errorf("session %d: %w", x.ID, err)
		}
		buf = appendSessionLevels(append(buf[:0], sep...), x, lv)
		sep = ",\n"
		_, err = bw.Write(buf)
		return err
	})
	if err != nil {
		return fault("export", s.path, err)
	}
	if sep != "\n" {
		bw.WriteString("\n")
	}
	bw.WriteString("],\n" + `"episodes":[`)
	sep = "\n"
	if flt.Kind == "" {
		err = s.eachEpisode(context.Background(), flt, func(e episodeRow) error {
			buf = appendEpisode(append(buf[:0], sep...), e)
			sep = ",\n"
			_, err := bw.Write(buf)
			return err
		})
		if err != nil {
			return fault("export", s.path, err)
		}
	}
	if sep != "\n" {
		bw.WriteString("\n")
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// level is one routine's level in one session.
type level struct {
	Routine string
	Level   int
}

// splitLevels reads the text levelCols makes, appending to out.
func splitLevels(out []level, text string) ([]level, error) {
	if text == "" {
		return out, nil
	}
	for item := range strings.SplitSeq(text, "\x1e") {
		i := strings.LastIndexByte(item, '\x1f')
		if i < 0 {
			return nil, fmt.Errorf("level %q cannot be read", item)
		}
		n, err := strconv.Atoi(item[i+1:])
		if err != nil {
			return nil, fmt.Errorf("level %q cannot be read", item)
		}
		out = append(out, level{item[:i], clamp(n, -MaxLevel, MaxLevel)})
	}
	return out, nil
}

// sortedLevels is m by routine name.
func sortedLevels(m map[string]int) []level {
	out := make([]level, 0, len(m))
	for r, l := range m {
		out = append(out, level{r, l})
	}
	slices.SortFunc(out, func(a, b level) int { return strings.Compare(a.Routine, b.Routine) })
	return out
}

// CSVHeader is the first row of `unknot history --csv`.
var CSVHeader = []string{"id", "kind", "started_at", "ended_at", "status", "pain_before", "pain_after",
	"breaths", "routine", "side", "reps_done", "reps_planned", "stopped_for_pain_at_rep", "pattern", "safety_opened_at",
	"direction", "never_on"}

// ExportCSV writes the sessions flt chooses (oldest first) as CSV with a
// header: one row per exercise, and one row for a session without any (a
// breathe session), its exercise columns empty. Empty cells are nulls (and
// never_on is "true" or empty). A
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
		row[13] = csvText(x.Pattern)
		row[14] = ""
		if x.SafetyOpenedAt != nil {
			row[14] = timeText(*x.SafetyOpenedAt)
		}
		row[16] = ""
		if x.NeverOn {
			row[16] = "true"
		}
		if len(x.Exercises) == 0 {
			clear(row[8:13])
			row[15] = ""
			return cw.Write(row)
		}
		place, stopped := x.PainPlace()
		for i, e := range x.Exercises {
			row[8], row[9], row[15] = csvText(e.Routine), csvText(e.Side), csvText(e.Direction)
			row[10], row[11] = strconv.Itoa(e.RepsDone), strconv.Itoa(e.RepsPlanned)
			row[12] = "" // on the row of the exercise the stop for pain came in, as recorded
			if stopped && !place.Guessed && place.Pos == i {
				row[12] = strconv.Itoa(place.Rep)
			}
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

// appendSessionLevels appends x as JSON with its levels (none: no
// "levels" key, as version 1 wrote a session).
func appendSessionLevels(b []byte, x *record.Session, lv []level) []byte {
	b = appendSession(b, x)
	if len(lv) == 0 {
		return b
	}
	b = append(b[:len(b)-1], `,"levels":{`...)
	for i, l := range lv {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, l.Routine)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(l.Level), 10)
	}
	return append(b, "}}"...)
}

// appendEpisode appends one episode of spasm as JSON.
func appendEpisode(b []byte, e episodeRow) []byte {
	b = append(b, `{"began_at":"`...)
	b = e.Began.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","day_only":`...)
	b = strconv.AppendBool(b, e.Day)
	b = append(b, `,"or_earlier":`...)
	b = strconv.AppendBool(b, e.OrEarlier)
	b = append(b, `,"recorded_at":"`...)
	b = e.Recorded.AppendFormat(b, time.RFC3339Nano)
	return append(b, `"}`...)
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
		if e.Direction != "" {
			b = append(b, `,"direction":`...)
			b = appendString(b, e.Direction)
		}
		b = append(b, `,"reps_done":`...)
		b = strconv.AppendInt(b, int64(e.RepsDone), 10)
		b = append(b, `,"reps_planned":`...)
		b = strconv.AppendInt(b, int64(e.RepsPlanned), 10)
		b = append(b, '}')
	}
	b = append(b, ']')
	if x.Pattern != "" {
		b = append(b, `,"pattern":`...)
		b = appendString(b, x.Pattern)
	}
	if x.SafetyOpenedAt != nil {
		b = append(b, `,"safety_opened_at":"`...)
		b = x.SafetyOpenedAt.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	if x.StopPos != nil {
		b = append(b, `,"stop_pos":`...)
		b = strconv.AppendInt(b, int64(*x.StopPos), 10)
	}
	if x.StopRep != nil {
		b = append(b, `,"stop_rep":`...)
		b = strconv.AppendInt(b, int64(*x.StopRep), 10)
	}
	if x.NeverOn {
		b = append(b, `,"never_on":true`...)
	}
	return append(b, '}')
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
