package routines

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
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
)

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// valueKind is the TOML shape a key takes.
type valueKind int

const (
	kString valueKind = iota
	kInt
	kBool
	kStrings
)

func (k valueKind) String() string {
	return [...]string{"a string in quotes", "a whole number", "true or false", `a list of strings, like ["a", "b"]`}[k]
}

// keys are the keys a routine file may hold, with their shape.
var keys = map[string]valueKind{
	"name": kString, "title": kString, "summary": kString, "source": kString,
	"reps": kInt, "hold": kString, "hold_breaths": kInt, "rest": kString,
	"sides": kStrings, "alternate": kBool, "pattern": kString, "daily_limit": kInt,
	"setup": kStrings, "cues": kStrings, "caution": kString,
}

// field is one key's value as read from the file, with its position.
type field struct {
	line, col int
	str       string
	num       int64
	flag      bool
	strs      []string
	strPos    [][2]int
}

// ParseRoutine reads one routine file. file names it in problems. It returns
// every problem it finds, not just the first; the Routine is only usable
// when there are none.
func ParseRoutine(file string, data []byte) (Routine, Problems) {
	r := Routine{Origin: file}
	var probs Problems
	add := func(line, col int, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
	}

	// Syntax first: a file that is not TOML cannot be checked further. The
	// decoder's error carries the position.
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			add(line, col, "not valid TOML: %s", de.Error())
		} else {
			add(0, 0, "not valid TOML: %v", err)
		}
		return r, probs
	}

	fields := map[string]field{}
	var p unstable.Parser
	p.Reset(data)
	pos := func(rg unstable.Range) (int, int) {
		s := p.Shape(rg)
		return s.Start.Line, s.Start.Column
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			line, col := pos(keyRange(e))
			add(line, col, "tables are not part of a routine file; write every key at the top level")
			continue
		case unstable.KeyValue:
		default:
			continue
		}
		var parts []string
		it := e.Key()
		var first unstable.Range
		for i := 0; it.Next(); i++ {
			if i == 0 {
				first = it.Node().Raw
			}
			parts = append(parts, string(it.Node().Data))
		}
		line, col := pos(first)
		key := strings.Join(parts, ".")
		want, known := keys[key]
		if !known {
			add(line, col, "unknown key %q%s", key, suggest(key))
			continue
		}
		v := e.Value()
		vl, vc := pos(v.Raw)
		if v.Kind == unstable.Array { // the parser gives an array no range of its own
			vl, vc = pos(arrayStart(data, first))
		}
		f := field{line: vl, col: vc}
		got, ok := kindOf(v)
		if !ok || got != want {
			add(vl, vc, "%s must be %s, not %s", key, want, describe(v))
			continue
		}
		switch want {
		case kString:
			f.str = string(v.Data)
		case kBool:
			f.flag = string(v.Data) == "true"
		case kInt:
			n, err := strconv.ParseInt(string(v.Data), 0, 64)
			if err != nil {
				add(vl, vc, "%s: %q is too large", key, string(v.Data))
				continue
			}
			f.num = n
		case kStrings:
			ch := v.Children()
			for ch.Next() {
				l, c := pos(ch.Node().Raw)
				f.strs = append(f.strs, string(ch.Node().Data))
				f.strPos = append(f.strPos, [2]int{l, c})
			}
		}
		fields[key] = f
	}
	if err := p.Error(); err != nil { // already caught by Unmarshal; kept for safety
		add(0, 0, "not valid TOML: %v", err)
		return r, probs
	}

	checkRoutine(&r, fields, add)
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i], probs[j]
		if (a.Line == 0) != (b.Line == 0) {
			return b.Line == 0 // problems of the whole file last
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return r, probs
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
			add(f.line, f.col, "name %q must be lower-case letters and digits joined by single '-', at most %d characters, like \"knee-to-chest\"", f.str, MaxNameLen)
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
			add(f.line, f.col, "reps is %d; it must be from 1 to %d (per side)", f.num, MaxReps)
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

	hold, hasHold := fields["hold"]
	breaths, hasBreaths := fields["hold_breaths"]
	switch {
	case hasHold && hasBreaths:
		add(breaths.line, breaths.col, "give either hold or hold_breaths, not both")
	case !hasHold && !hasBreaths:
		add(0, 0, `missing key "hold" (a duration like "10s") or "hold_breaths" (a number of breaths)`)
	case hasHold:
		d, err := time.ParseDuration(hold.str)
		switch {
		case err != nil:
			add(hold.line, hold.col, "hold %q is not a duration; write it like \"10s\" or \"1m30s\"", hold.str)
		case d < time.Second || d > MaxHold:
			add(hold.line, hold.col, "hold %q must be from 1s to %v", hold.str, MaxHold)
		default:
			r.Hold = d
		}
	case hasBreaths:
		if breaths.num < 1 || breaths.num > MaxHoldBreaths {
			add(breaths.line, breaths.col, "hold_breaths is %d; it must be from 1 to %d", breaths.num, MaxHoldBreaths)
		} else {
			r.HoldBreaths = int(breaths.num)
		}
	}
	if f, ok := fields["rest"]; ok {
		d, err := time.ParseDuration(f.str)
		switch {
		case err != nil:
			add(f.line, f.col, "rest %q is not a duration; write it like \"3s\"", f.str)
		case d < 0 || d > MaxRest:
			add(f.line, f.col, "rest %q must be from 0s to %v", f.str, MaxRest)
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
				add(f.strPos[i][0], f.strPos[i][1], "side %q is not \"left\" or \"right\"", s)
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
			add(f.line, f.col, "daily_limit is %d; it must be from 1 to %d (leave it out for no limit)", f.num, MaxDailyLimit)
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

// keyRange is the range of a table header's first key part.
func keyRange(e *unstable.Node) unstable.Range {
	it := e.Key()
	if it.Next() {
		return it.Node().Raw
	}
	return e.Raw
}

// suggest offers the known key closest to an unknown one.
func suggest(key string) string {
	known := make([]string, 0, len(keys))
	for k := range keys {
		known = append(known, k)
	}
	sort.Strings(known)
	best, bestD := "", 4
	for _, k := range known {
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
