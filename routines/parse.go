package routines

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Limits on what a routine file may ask for. Values outside them are
// refused: they are typing mistakes, or more than a gentle routine should do.
const (
	MaxReps        = 50
	MaxHold        = 5 * time.Minute
	MaxHoldBreaths = 30
	MaxRest        = 5 * time.Minute
	MaxDailyLimit  = 20
	MaxNameLen     = 40
	MaxTitleLen    = 60
	MaxTextLen     = 200
	MaxLines       = 12
	MaxRepTime     = time.Minute
	MaxDirections  = 4
)

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// valueKind is the TOML shape a key takes.
type valueKind int

const (
	kString valueKind = iota
	kInt
	kBool
	kStrings
	kNumber // a whole or decimal number
)

func (k valueKind) String() string {
	return [...]string{"a string in quotes", "a whole number", "true or false", `a list of strings, like ["a", "b"]`, "a number"}[k]
}

// keys are the keys a routine file may hold, with their shape.
var keys = map[string]valueKind{
	"name": kString, "title": kString, "summary": kString, "source": kString,
	"reps": kInt, "hold": kString, "hold_breaths": kInt, "rest": kString,
	"sides": kStrings, "alternate": kBool, "pattern": kString, "daily_limit": kInt,
	"setup": kStrings, "cues": kStrings, "caution": kString,
	"position": kString, "rep_time": kString, "directions": kStrings, "rep_name": kString,
	"max_reps": kInt, "max_hold_breaths": kInt,
	// The figure (figure_builtin.go): a built-in's name, or poses of its own.
	"figure": kString, "poses": kStrings, "figure_view": kString, "figure_near": kString,
	"figure_size": kString, "figure_props": kStrings,
}

// field is one key's value as read from the file, with its position.
type field struct {
	line, col int
	str       string
	num       int64   // clamped to the int64 range
	raw       string  // the number as written
	real      float64 // a kNumber; NaN when it is not one
	flag      bool
	strs      []string
	strPos    [][2]int

	keyLine, keyCol int // where the key itself is
}

// multiLine names the fields that may hold line breaks: the paragraphs.
// Every other field is one line on screen.
var multiLine = map[string]bool{"summary": true, "caution": true}

// MaxProblems is how many problems of one file are listed; past it, one
// more line says how many were left out. A file with that many is not a
// routine file at all.
const MaxProblems = 50

// ParseRoutine reads one routine file. file names it in problems. It returns
// every problem it finds, not just the first, each at its line and column;
// the Routine is only usable when there are none. It takes time in
// proportion to the file's size.
func ParseRoutine(file string, data []byte) (Routine, Problems) {
	r := Routine{Origin: file}
	l := &problemList{file: file}
	fields, ok := readFields(l, data, routineSchema)
	if !ok {
		return r, l.list()
	}
	checkRoutine(&r, fields, l.addGiven)
	return r, l.list()
}

// addGiven is add, less the "missing key" of a key that was given with a
// value of the wrong shape: `reps = 2.5` is one problem (a whole number,
// not a decimal), not two.
func (l *problemList) addGiven(line, col int, format string, args ...any) {
	if line == 0 && strings.HasPrefix(format, "missing key") {
		msg := fmt.Sprintf(format, args...)
		for k := range l.refused {
			if strings.Contains(msg, strconv.Quote(k)) {
				return
			}
		}
	}
	l.add(line, col, format, args...)
}

// routineSchema is the shape of a routine file.
var routineSchema = schema{
	keys:      keys,
	multiLine: multiLine,
	known:     knownKeys,
	tables:    "tables are not part of a routine file; write every key at the top level",
}

// checkRoutine fills r from the fields and reports every impossible value.
func checkRoutine(r *Routine, fields map[string]field, add func(line, col int, format string, args ...any)) {
	need := func(key string) (field, bool) {
		f, ok := fields[key]
		if !ok {
			add(0, 0, "missing key %q", key)
		}
		return f, ok
	}
	text := func(key string, f field, max int) string {
		s := strings.TrimSpace(f.str)
		if s == "" {
			add(f.line, f.col, "%s is empty", key)
		} else if len([]rune(s)) > max {
			add(f.line, f.col, "%s is %d characters long; keep it under %d so it reads at a glance", key, len([]rune(s)), max)
		}
		return s
	}

	if f, ok := need("name"); ok {
		r.Name = f.str
		if !nameRE.MatchString(f.str) || len(f.str) > MaxNameLen {
			add(f.line, f.col, "name %s must be lower-case letters and digits joined by single '-', at most %d characters, like \"knee-to-chest\"", quote(f.str), MaxNameLen)
		}
	}
	if f, ok := need("title"); ok {
		r.Title = text("title", f, MaxTitleLen)
	}
	if f, ok := fields["summary"]; ok {
		r.Summary = text("summary", f, MaxTextLen)
	}
	if f, ok := fields["source"]; ok {
		r.Source = text("source", f, MaxTextLen)
	}
	if f, ok := fields["caution"]; ok {
		r.Caution = text("caution", f, MaxTextLen)
	}
	if f, ok := need("reps"); ok {
		if f.num < 1 || f.num > MaxReps {
			add(f.line, f.col, "reps is %s; it must be from 1 to %d (per side)", f.raw, MaxReps)
		} else {
			r.Reps = int(f.num)
		}
	}

	r.Pattern = DefaultPattern
	if f, ok := fields["pattern"]; ok {
		pat, err := ParsePattern(f.str)
		if err != nil {
			add(f.line, f.col, "%v", err)
		} else {
			r.Pattern = pat
		}
	}

	checkHold(r, fields, add)
	if f, ok := fields["rest"]; ok {
		d, err := parseDuration(f.str)
		switch {
		case err != nil:
			add(f.line, f.col, "rest %s %v; write it like \"3s\"", quote(f.str), err)
		case d < 0 || d > MaxRest:
			add(f.line, f.col, "rest %s must be from 0s to %v", quote(f.str), MaxRest)
		default:
			r.Rest = d
		}
	}
	if f, ok := fields["sides"]; ok {
		seen := map[Side]bool{}
		for i, s := range f.strs {
			side := Side(s)
			switch {
			case !side.Valid():
				add(f.strPos[i][0], f.strPos[i][1], "side %s is not \"left\" or \"right\"", quote(s))
			case seen[side]:
				add(f.strPos[i][0], f.strPos[i][1], "side %q is listed twice", s)
			default:
				seen[side] = true
				r.Sides = append(r.Sides, side)
			}
		}
		if len(f.strs) == 0 {
			add(f.line, f.col, `sides is empty; leave the key out for a routine without sides, or write ["left", "right"]`)
		}
	}
	if f, ok := fields["alternate"]; ok {
		r.Alternate = f.flag
		if f.flag && len(r.Sides) < 2 {
			add(f.line, f.col, "alternate needs two sides to alternate between")
		}
	}
	if f, ok := fields["daily_limit"]; ok {
		if f.num < 1 || f.num > MaxDailyLimit {
			add(f.line, f.col, "daily_limit is %s; it must be from 1 to %d (leave it out for no limit)", f.raw, MaxDailyLimit)
		} else {
			r.DailyLimit = int(f.num)
		}
	}
	lines := func(key string) []string {
		f, ok := fields[key]
		if !ok {
			return nil
		}
		if len(f.strs) > MaxLines {
			add(f.line, f.col, "%s has %d lines; keep it to %d", key, len(f.strs), MaxLines)
		}
		var out []string
		for i, s := range f.strs {
			s = strings.TrimSpace(s)
			switch {
			case s == "":
				add(f.strPos[i][0], f.strPos[i][1], "%s line %d is empty", key, i+1)
			case len([]rune(s)) > MaxTextLen:
				add(f.strPos[i][0], f.strPos[i][1], "%s line %d is %d characters long; keep it under %d", key, i+1, len([]rune(s)), MaxTextLen)
			default:
				out = append(out, s)
			}
		}
		return out
	}
	r.Setup = lines("setup")
	r.Cues = lines("cues")
	checkPosition(r, fields, add)
	checkDirections(r, fields, add)
	checkGrowth(r, fields, add)
	checkPlaceholders(r, fields, add)
	checkRoutineFigure(r, fields, add)
}

// kindOf maps a TOML value node to the shape of a key.
func kindOf(v *unstable.Node) (valueKind, bool) {
	switch v.Kind {
	case unstable.String:
		return kString, true
	case unstable.Integer:
		return kInt, true
	case unstable.Bool:
		return kBool, true
	case unstable.Array:
		ch := v.Children()
		for ch.Next() {
			if ch.Node().Kind != unstable.String {
				return kStrings, false
			}
		}
		return kStrings, true
	}
	return 0, false
}

// describe names a value's TOML type for an error message.
func describe(v *unstable.Node) string {
	switch v.Kind {
	case unstable.String:
		return "a string"
	case unstable.Integer:
		return "a whole number"
	case unstable.Float:
		return "a decimal number"
	case unstable.Bool:
		return "true or false"
	case unstable.Array:
		if _, ok := kindOf(v); ok {
			return "a list of strings"
		}
		return "a list holding something other than strings"
	case unstable.InlineTable:
		return "a table"
	default:
		return "a date or time"
	}
}

// arrayStart is the range of the '[' that opens the array value of the key
// whose (single) part is k: the first character after the '=' that follows
// the key and any blanks. It falls back to the key.
func arrayStart(data []byte, k unstable.Range) unstable.Range {
	i := int(k.Offset + k.Length)
	for i < len(data) && data[i] != '=' {
		i++
	}
	for i++; i < len(data) && (data[i] == ' ' || data[i] == '\t'); i++ {
	}
	if i >= len(data) || data[i] != '[' {
		return k
	}
	return unstable.Range{Offset: uint32(i), Length: 1}
}

// offsetIn is where part, a piece of data that the parser points at, begins
// in data: slicing keeps the end of the backing array, so the difference of
// the capacities is the offset. ok is false if part is not in data.
func offsetIn(data, part []byte) (int, bool) {
	off := cap(data) - cap(part)
	if len(part) == 0 || off < 0 || off+len(part) > len(data) || &data[off] != &part[0] {
		return 0, false
	}
	return off, true
}

// keyRange is the range of a table header's first key part.
func keyRange(e *unstable.Node) unstable.Range {
	it := e.Key()
	if it.Next() {
		return it.Node().Raw
	}
	return e.Raw
}

// knownKeys lists the keys a routine file may hold, sorted.
var knownKeys = func() []string {
	known := make([]string, 0, len(keys))
	for k := range keys {
		known = append(known, k)
	}
	sort.Strings(known)
	return known
}()

// suggest offers the known key closest to an unknown one.
func suggest(key string, known []string) string {
	best, bestD := "", 4
	for _, k := range known {
		if len(key)-len(k) >= bestD || len(k)-len(key) >= bestD {
			continue // too far apart to be close: and a long key costs nothing
		}
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; known keys are " + strings.Join(known, ", ")
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
