package routines

import (
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// config.toml's [[remind]] tables: found among the settings, each read as
// strictly as the settings, at its true positions (config_remind_values.go
// holds the values).

// RemindConfig is what config.toml says about reminders.
type RemindConfig struct {
	Reminders []Reminder   // in the file's order
	Quiet     *QuietHours  // nil when not given: DefaultQuiet
	remindPos []remindSpan // where each [[remind]] table is, in order
}

// QuietOrDefault is the quiet hours in force.
func (rc RemindConfig) QuietOrDefault() QuietHours {
	if rc.Quiet != nil {
		return *rc.Quiet
	}
	return DefaultQuiet
}

// remindSchema is what a [[remind]] table may hold.
var remindSchema = func() schema {
	keys := map[string]valueKind{"id": kString, "at": kString, "days": kString, "what": kString}
	return schema{keys: keys, known: sortedKeys(keys), tables: "tables cannot be nested in [[remind]]"}
}()

// remindSpan is one [[remind]] table in config.toml: where its header
// starts and where its body begins and ends (byte offsets).
type remindSpan struct {
	header, body, end int
	line, col         int // the header's position
}

// remindSpans finds the [[remind]] tables of a TOML file; ok is false
// when the file is not TOML (its problem is then said by readFields).
func remindSpans(data []byte) (spans []remindSpan, ok bool) {
	var p unstable.Parser
	p.Reset(data)
	lines := newLineIndex(data)
	var last *remindSpan
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.Table && e.Kind != unstable.ArrayTable {
			continue
		}
		kr := keyRange(e)
		start := lineStart(data, int(kr.Offset))
		if last != nil {
			last.end = start
			last = nil
		}
		if e.Kind != unstable.ArrayTable || headerName(e) != "remind" {
			continue
		}
		body := lineEnd(data, int(kr.Offset+kr.Length))
		l, c := lines.at(int(kr.Offset))
		spans = append(spans, remindSpan{header: start, body: body, end: len(data), line: l, col: c})
		last = &spans[len(spans)-1]
	}
	if p.Error() != nil {
		return nil, false
	}
	return spans, true
}

// lineEnd is the offset just past the line holding offset off.
func lineEnd(data []byte, off int) int {
	for off < len(data) && data[off] != '\n' {
		off++
	}
	if off < len(data) {
		off++
	}
	return off
}

// blankOut is data with every byte keep refuses turned into a space, line
// breaks kept, so that positions in what is left stay true.
func blankOut(data []byte, keep func(off int) bool) []byte {
	out := make([]byte, len(data))
	for i, c := range data {
		if c == '\n' || c == '\r' || keep(i) {
			out[i] = c
		} else {
			out[i] = ' '
		}
	}
	return out
}

// withoutReminders is config.toml's text with its [[remind]] tables
// blanked out: the top-level settings, at their true positions. The
// tables are in the file's order and do not overlap.
func withoutReminders(data []byte, spans []remindSpan) []byte {
	if len(spans) == 0 {
		return data
	}
	out := append([]byte(nil), data...)
	for _, s := range spans {
		for i := s.header; i < s.end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = ' '
			}
		}
	}
	return out
}

// parseReminders reads the [[remind]] tables and the quiet key into cfg.
func parseReminders(l *problemList, data []byte, spans []remindSpan, fields map[string]field) RemindConfig {
	var rc RemindConfig
	if f, ok := fields["quiet"]; ok {
		if q, err := ParseQuiet(f.str); err != nil {
			l.add(f.line, f.col, "%v", err)
		} else {
			rc.Quiet = &q
		}
	}
	ids := map[string]int{}
	for i, s := range spans {
		if i == MaxReminders {
			l.add(s.line, s.col, "config.toml holds more than %d reminders; remove some (unknot remind remove ID)", MaxReminders)
			break
		}
		body := blankOut(data, func(off int) bool { return off >= s.body && off < s.end })
		before := len(l.probs) + l.more
		fields, ok := readFields(l, body, remindSchema)
		if !ok {
			continue
		}
		// A table whose keys had problems is not also said to lack one.
		r, ok := reminderFrom(l, s, fields, len(l.probs)+l.more == before)
		if !ok {
			continue
		}
		if first, twice := ids[r.ID]; twice {
			line, col := s.line, s.col
			if f, ok := fields["id"]; ok {
				line, col = f.line, f.col
			}
			l.add(line, col, "the reminder id %s is given twice (first on line %d); give each [[remind]] its own id", quote(r.ID), first)
			continue
		}
		ids[r.ID] = s.line
		rc.Reminders = append(rc.Reminders, r)
		rc.remindPos = append(rc.remindPos, s)
	}
	return rc
}

// reminderFrom checks one [[remind]] table's fields; ok is false when
// its keys already had problems.
func reminderFrom(l *problemList, s remindSpan, fields map[string]field, ok bool) (Reminder, bool) {
	r := Reminder{At: NoClock, Days: EveryDay, What: NudgeSession}
	if f, has := fields["what"]; has {
		w, err := ParseNudge(f.str)
		if err != nil {
			l.add(f.line, f.col, "what: %v", err)
			ok = false
		}
		r.What = w
	}
	if f, has := fields["days"]; has {
		d, err := ParseWeekdays(f.str)
		if err != nil {
			l.add(f.line, f.col, "%v", err)
			ok = false
		}
		r.Days = d
	}
	f, has := fields["at"]
	switch {
	case has && r.What == NudgeCare:
		l.add(f.line, f.col, "a care reminder follows the care plan's next due time, so it takes no at; remove this line")
		ok = false
	case has:
		c, err := ParseClock(f.str)
		if err != nil {
			l.add(f.line, f.col, "at: %v", err)
			ok = false
		}
		r.At = c
	case r.What != NudgeCare && ok:
		l.add(s.line, s.col, "this [[remind]] has no at: give the time of day, like at = \"08:30\"")
		ok = false
	}
	if f, has := fields["id"]; has {
		if err := CheckReminderID(f.str); err != nil {
			l.add(f.line, f.col, "id: %v", err)
			ok = false
		}
		r.ID = f.str
	} else if ok {
		r.ID = ReminderID(r.What, r.At)
	}
	return r, ok
}

// headerName is a table header's name, its parts joined by dots.
func headerName(e *unstable.Node) string {
	var parts []string
	it := e.Key()
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, ".")
}
