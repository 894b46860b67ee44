package routines

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// schema is what a strict file (a routine file, config.toml) may hold.
type schema struct {
	keys      map[string]valueKind
	multiLine map[string]bool // the string keys that may hold line breaks
	known     []string        // the keys, sorted, for suggestions
	tables    string          // the problem of a [table] header
}

// problemList collects the problems of one file, up to MaxProblems, and
// counts the rest.
type problemList struct {
	file    string
	probs   Problems
	more    int
	refused map[string]bool // keys given with a value of the wrong shape (readFields)
}

func (l *problemList) add(line, col int, format string, args ...any) {
	if len(l.probs) >= MaxProblems {
		l.more++
		return
	}
	l.probs = append(l.probs, Problem{File: l.file, Line: line, Column: col, Msg: Printable(fmt.Sprintf(format, args...))})
}

// list is the problems in the order of the file (problems of the whole
// file last), and one line counting those left out.
func (l *problemList) list() Problems {
	probs := l.probs
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
	if l.more > 0 {
		probs = append(probs, Problem{File: l.file, Msg: fmt.Sprintf("and %d more problems not listed; fix these first", l.more)})
	}
	return probs
}

// readFields walks a strict TOML file's top-level keys: an unknown key, a
// key given twice, a value of the wrong shape and a string holding a
// control character are problems at their position. ok is false when the
// file is not TOML at all; its one problem then says where the parser
// stopped.
func readFields(l *problemList, data []byte, sc schema) (map[string]field, bool) {
	// The parser checks the syntax as it goes; the decoder (toml.Unmarshal)
	// is not used, as it looks for a key given twice among all the keys
	// before it, which takes time in the square of the number of keys.
	add := l.add
	fields := map[string]field{}
	seen := map[string]int{} // the line each known key is first given on
	lines := newLineIndex(data)
	pos := func(rg unstable.Range) (int, int) { return lines.at(int(rg.Offset)) }
	// noControl reports a string value's control characters at the first
	// of them. index counts a list's strings from 1; 0 for a lone string.
	noControl := func(key string, index int, raw unstable.Range, newlines bool) {
		at, c, n := controlIn(data[raw.Offset:raw.Offset+raw.Length], newlines)
		if n == 0 {
			return
		}
		what := key
		switch {
		case key == "sides":
			what = fmt.Sprintf("side %d", index)
		case index > 0:
			what = fmt.Sprintf("%s line %d", key, index)
		}
		line, col := lines.at(int(raw.Offset) + at)
		also := ""
		if n > 1 {
			also = fmt.Sprintf(" (and %d more)", n-1)
		}
		switch {
		case c == '\n':
			add(line, col, "%s holds a line break%s; write it on one line", what, also)
		case isInvisibleFormat(c):
			add(line, col, "%s holds the invisible character %s%s, which could reorder or hide the text; remove it", what, controlName(c), also)
		default:
			add(line, col, "%s holds the control character %s%s, which could change the terminal; remove it", what, controlName(c), also)
		}
	}
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			line, col := pos(keyRange(e))
			add(line, col, "%s", sc.tables)
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
		want, known := sc.keys[key]
		if !known {
			if len(l.probs) >= MaxProblems { // past the list: skip the work of a suggestion
				l.more++
				continue
			}
			add(line, col, "unknown key %s%s", quote(key), suggest(key, sc.known))
			continue
		}
		if firstLine, twice := seen[key]; twice {
			add(line, col, "%s is given twice (first on line %d); keep one", key, firstLine)
			continue
		}
		seen[key] = line
		v := e.Value()
		vl, vc := pos(v.Raw)
		if v.Kind == unstable.Array { // the parser gives an array no range of its own
			vl, vc = pos(arrayStart(data, first))
		}
		f := field{line: vl, col: vc, keyLine: line, keyCol: col}
		got, ok := kindOf(v)
		if want == kNumber && (v.Kind == unstable.Integer || v.Kind == unstable.Float) {
			got, ok = kNumber, true
		}
		if !ok || got != want {
			add(vl, vc, "%s must be %s, not %s", key, want, describe(v))
			if l.refused == nil {
				l.refused = map[string]bool{}
			}
			l.refused[key] = true // given, if wrongly: not missing too
			continue
		}
		switch want {
		case kString:
			f.str = string(v.Data)
			// A value with a control character is kept, for the other
			// checks; its problem keeps the file from loading.
			noControl(key, 0, v.Raw, sc.multiLine[key])
			if sc.multiLine[key] {
				f.str = strings.ReplaceAll(f.str, "\r\n", "\n")
			}
		case kBool:
			f.flag = string(v.Data) == "true"
		case kInt:
			// The parser has checked the syntax: no leading zeros, and a
			// sign only on decimals. A number past int64 is clamped, and
			// refused by the range checks like any other.
			f.raw = string(v.Data)
			n, err := strconv.ParseInt(f.raw, 0, 64)
			if err != nil {
				n = math.MaxInt64
				if strings.HasPrefix(f.raw, "-") {
					n = math.MinInt64
				}
			}
			f.num = n
		case kNumber:
			f.raw = string(v.Data)
			x, err := strconv.ParseFloat(strings.ReplaceAll(f.raw, "_", ""), 64)
			if err != nil && !errors.Is(err, strconv.ErrRange) {
				x = math.NaN()
			}
			f.real = x
		case kStrings:
			ch := v.Children()
			for i := 1; ch.Next(); i++ {
				n := ch.Node()
				noControl(key, i, n.Raw, false)
				l, c := pos(n.Raw)
				f.strs = append(f.strs, string(n.Data))
				f.strPos = append(f.strPos, [2]int{l, c})
			}
		}
		fields[key] = f
	}
	if err := p.Error(); err != nil {
		// A file that is not TOML cannot be checked further: its one
		// problem is where the parser stopped.
		l.probs, l.more = nil, 0
		line, col := 0, 0
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			if off, ok := offsetIn(data, pe.Highlight); ok {
				line, col = lines.at(off)
			}
		}
		add(line, col, "not valid TOML: %v", err)
		return nil, false
	}
	return fields, true
}
