package routines

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// full is a routine file that sets every string field, one a line, each
// holding the marker @ where a test puts a character.
const full = `name = "test@"
title = "Test@"
summary = "Eases the back.@"
source = "001@"
reps = 2
hold = "5s@"
rest = "1s@"
sides = ["left@", "right"]
pattern = "5-1-3@"
setup = ["Lie down.", "Bend the knees.@"]
cues = ["Breathe.@"]
caution = "Stop if it hurts.@"
`

func TestAControlCharacterInAnyFieldIsRefusedAtItsPosition(t *testing.T) {
	if _, probs := ParseRoutine("t.toml", []byte(strings.ReplaceAll(full, "@", ""))); len(probs) > 0 {
		t.Fatalf("the file without markers has problems: %v", probs)
	}
	fields := []struct{ key, says string }{
		{"name", "name holds"}, {"title", "title holds"}, {"summary", "summary holds"}, {"source", "source holds"},
		{"hold", "hold holds"}, {"rest", "rest holds"}, {"sides", "side 1 holds"}, {"pattern", "pattern holds"},
		{"setup", "setup line 2 holds"}, {"cues", "cues line 1 holds"}, {"caution", "caution holds"},
	}
	chars := []struct{ written, says string }{
		{`\e`, "ESC (U+001B)"},
		{`\u001b[41m`, "ESC (U+001B)"},
		{`\u001B]0;pwned\u0007`, "ESC (U+001B) (and 1 more)"},
		{`\x1b`, "ESC (U+001B)"},
		{`\U0000009b`, "CSI (U+009B)"},
		{"\u009b", "CSI (U+009B)"}, // written as it is: C1 is valid UTF-8
		{"\u009d", "OSC (U+009D)"},
		{`\u0007`, "BEL (U+0007)"},
		{`\b`, "backspace (U+0008)"},
		{`\r`, "carriage return (U+000D)"},
		{`\f`, "form feed (U+000C)"},
		{`\u007f`, "DEL (U+007F)"},
		{`\u0000`, "NUL (U+0000)"},
	}
	for _, f := range fields {
		for _, c := range chars {
			t.Run(f.key+" "+c.says, func(t *testing.T) {
				data := markOnly(f.key, c.written)
				line, col := positionOf(data, c.written)
				r, probs := ParseRoutine("t.toml", []byte(data))
				found := false
				for _, p := range probs {
					if p.Line == line && p.Column == col && strings.Contains(p.Msg, f.says+" the control character "+c.says) {
						found = true
					}
					if holdsControl(p.Error()) {
						t.Errorf("problem %q holds a control character itself", p.Error())
					}
				}
				if !found {
					t.Errorf("problems %v, want one at %d:%d saying %q", probs, line, col, f.says+" the control character "+c.says)
				}
				if r.Title != "" && len(probs) == 0 {
					t.Error("the routine was loaded")
				}
			})
		}
	}
}

// A lone byte 0x9b or 0x9d is not the C1 character (that is two bytes in
// UTF-8) but invalid UTF-8: refused too, at its place, and never echoed.
func TestARawC1ByteIsRefusedAsInvalidUTF8(t *testing.T) {
	for _, b := range []string{"\x9b", "\x9d"} {
		data := markOnly("title", b+"[2J")
		line, col := positionOf(data, b)
		r, probs := ParseRoutine("t.toml", []byte(data))
		if len(probs) != 1 || probs[0].Line != line || probs[0].Column != col || !strings.Contains(probs[0].Msg, "invalid UTF-8") {
			t.Errorf("byte %q: problems %v, want one at %d:%d saying invalid UTF-8", b, probs, line, col)
		}
		if r.Title != "" {
			t.Errorf("byte %q: the routine was loaded, titled %q", b, r.Title)
		}
		for _, p := range probs {
			if holdsControl(p.Error()) {
				t.Errorf("problem %q holds a control character or a raw byte", p.Error())
			}
		}
	}
}

func TestHoldsControlSeesC1AndRawBytes(t *testing.T) {
	for s, want := range map[string]bool{
		"plain words": false, "\u009b": true, "\u009d": true, "\x9b": true, "\x9d": true,
		"\x1b": true, "\x7f": true, "\u0085": true, `\u009b`: false, "Knie ☺": false,
	} {
		if got := holdsControl(s); got != want {
			t.Errorf("holdsControl(%q) = %v, want %v", s, got, want)
		}
	}
}

// holdsControl tells whether s holds a control character (C0, DEL or
// C1, such as U+009B CSI) or a byte that is not UTF-8 (a lone 0x9b).
func holdsControl(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	return strings.ContainsFunc(s, unicode.IsControl)
}

// markOnly puts s at key's marker and drops the others.
func markOnly(key, s string) string {
	lines := strings.Split(full, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, key+" =") {
			lines[i] = strings.Replace(l, "@", s, 1)
		}
	}
	return strings.ReplaceAll(strings.Join(lines, "\n"), "@", "")
}

// positionOf is the 1-based line and byte column of s in data.
func positionOf(data, s string) (int, int) {
	i := strings.Index(data, s)
	before := data[:i]
	return strings.Count(before, "\n") + 1, i - strings.LastIndex(before, "\n")
}

func TestLineBreaksOnlyInTheParagraphs(t *testing.T) {
	data := strings.ReplaceAll(full, "@", "")
	data = strings.Replace(data, `summary = "Eases the back."`, "summary = \"\"\"\nEases the back.\nGently.\"\"\"", 1)
	data = strings.Replace(data, `caution = "Stop if it hurts."`, "caution = \"Stop if it hurts.\\nSee a doctor.\"", 1)
	r, probs := ParseRoutine("t.toml", []byte(data))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if r.Summary != "Eases the back.\nGently." || r.Caution != "Stop if it hurts.\nSee a doctor." {
		t.Errorf("summary %q, caution %q", r.Summary, r.Caution)
	}
	// A Windows line break in a paragraph is one line break.
	crlf := strings.Replace(data, "\"\"\"\nEases the back.\nGently.\"\"\"", "\"\"\"\r\nEases the back.\r\nGently.\"\"\"", 1)
	if r, probs := ParseRoutine("t.toml", []byte(crlf)); len(probs) > 0 || r.Summary != "Eases the back.\nGently." {
		t.Errorf("CRLF summary %q, problems %v", r.Summary, probs)
	}
	for _, tt := range []struct{ key, written, says string }{
		{"title", `\n`, "title holds a line break"},
		{"cues", `\n`, "cues line 1 holds a line break"},
		{"setup", `\n`, "setup line 2 holds a line break"},
		{"title", `\u2028`, "title holds the invisible character U+2028"}, // a line separator breaks a line unseen
	} {
		data := markOnly(tt.key, tt.written)
		_, probs := ParseRoutine("t.toml", []byte(data))
		if tt.says == "" {
			if len(probs) > 0 {
				t.Errorf("%s with %s: %v", tt.key, tt.written, probs)
			}
			continue
		}
		line, col := positionOf(data, tt.written)
		checkProblems(t, "t.toml", probs, []want{{line, col, tt.says}})
	}
	// A multi-line title: the raw break is the problem.
	data = strings.Replace(strings.ReplaceAll(full, "@", ""), `title = "Test"`, "title = \"\"\"Te\nst\"\"\"", 1)
	_, probs = ParseRoutine("t.toml", []byte(data))
	checkProblems(t, "t.toml", probs, []want{{2, 14, "title holds a line break"}})
	// A line-ending backslash joins lines: nothing is left of the break.
	data = strings.Replace(strings.ReplaceAll(full, "@", ""), `title = "Test"`, "title = \"\"\"Te\\\n   st\"\"\"", 1)
	if r, probs := ParseRoutine("t.toml", []byte(data)); len(probs) > 0 || r.Title != "Test" {
		t.Errorf("title %q, problems %v", r.Title, probs)
	}
}

func TestARawControlCharacterIsNotTOML(t *testing.T) {
	data := strings.Replace(strings.ReplaceAll(full, "@", ""), `"Test"`, "\"Te\x1bst\"", 1)
	_, probs := ParseRoutine("t.toml", []byte(data))
	checkProblems(t, "t.toml", probs, []want{{2, 12, "not valid TOML: basic strings cannot have control characters"}})
	if strings.Contains(probs.Error(), "\x1b") {
		t.Errorf("%q", probs.Error())
	}
}

func TestEveryProblemOfHoldAndHoldBreaths(t *testing.T) {
	data := "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold = \"10\"\nhold_breaths = 0\n"
	_, probs := ParseRoutine("r.toml", []byte(data))
	checkProblems(t, "r.toml", probs, []want{
		{4, 8, `hold "10" is not a duration`},
		{5, 16, "hold_breaths is 0; it must be from 1 to 30"},
		{5, 16, "give either hold or hold_breaths, not both"},
	})
}

func TestADurationThatRoundsToZeroIsRefused(t *testing.T) {
	for _, tt := range []struct {
		line string
		want want
	}{
		{`rest = "0.1ms"`, want{5, 8, `rest "0.1ms" is under a millisecond, so it rounds to zero`}},
		{`rest = "1ns"`, want{5, 8, `rest "1ns" is under a millisecond`}},
		{`rest = "0.0000000001s"`, want{5, 8, `rest "0.0000000001s" is under a millisecond`}},
		{`rest = "1e-12s"`, want{5, 8, `rest "1e-12s" is not a duration`}},
		{`rest = "0x1p-2s"`, want{5, 8, `rest "0x1p-2s" is not a duration`}},
	} {
		_, probs := ParseRoutine("r.toml", []byte(base+tt.line+"\n"))
		checkProblems(t, "r.toml", probs, []want{tt.want})
	}
	for in, d := range map[string]time.Duration{`"0s"`: 0, `"0"`: 0, `"2.5s"`: 2500 * ms, `"1.0004s"`: time.Second, `"0.6ms"`: ms} {
		r, probs := ParseRoutine("r.toml", []byte(base+"rest = "+in+"\n"))
		if len(probs) > 0 || r.Rest != d {
			t.Errorf("rest = %s: %v, %v; want %v", in, r.Rest, probs, d)
		}
	}
	_, probs := ParseRoutine("r.toml", []byte(strings.Replace(base, `"5s"`, `"0.0000000001s"`, 1)))
	checkProblems(t, "r.toml", probs, []want{{4, 8, `hold "0.0000000001s" is under a millisecond`}})
}

func TestAFileOfManyProblemsListsTheFirstAndCountsTheRest(t *testing.T) {
	var b strings.Builder
	b.WriteString(base)
	for i := range MaxProblems + 10 {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	_, probs := ParseRoutine("r.toml", []byte(b.String()))
	if len(probs) != MaxProblems+1 {
		t.Fatalf("%d problems, want %d and a count", len(probs), MaxProblems+1)
	}
	if p := probs[0]; p.Line != 5 || !strings.Contains(p.Msg, `unknown key "k0"`) {
		t.Errorf("first problem %v", p)
	}
	if p := probs[MaxProblems]; p.Line != 0 || p.Msg != "and 10 more problems not listed; fix these first" {
		t.Errorf("last problem %v", p)
	}
}

func TestPrintableEscapesWhatCouldChangeTheTerminal(t *testing.T) {
	for in, want := range map[string]string{
		"knee.toml":                 "knee.toml",
		"Knie – Brust ☺.toml":       "Knie – Brust ☺.toml",
		"red\x1b[41m.toml":          `red\x1b[41m.toml`,
		"title\x1b]0;pwned\x07":     `title\x1b]0;pwned\x07`,
		"two\nlines\r\tand a tab":   `two\nlines\r\tand a tab`,
		"c1\u009b31m and \u0085":    `c1\u009b31m and \u0085`,
		"del\x7f nul\x00":           `del\x7f nul\x00`,
		"not utf-8 \xff\xfe":        `not utf-8 \xff\xfe`,
		"bidi \u202egnp.exe":        `bidi \u202egnp.exe`,
		"isolate \u2066x\u2069":     `isolate \u2066x\u2069`,
		"zero\u200bwidth\ufeff":     `zero\u200bwidth\ufeff`,
		"back\\slash stays":         "back\\slash stays",
		"a real \ufffd replacement": "a real \ufffd replacement",
	} {
		got := Printable(in)
		if got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
		if Printable(got) != got {
			t.Errorf("Printable is not idempotent on %q", got)
		}
	}
}

func TestProblemsPrintNoControlCharacters(t *testing.T) {
	p := Problem{File: "evil\x1b]0;x\x07.toml", Line: 1, Column: 2, Msg: "says \x1b[2J"}
	if got, want := p.Error(), `evil\x1b]0;x\x07.toml:1:2: says \x1b[2J`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	// An unknown key written with escapes is quoted in the message.
	_, probs := ParseRoutine("r.toml", []byte(base+"\"k\\u001b[41m\" = 1\n"))
	checkProblems(t, "r.toml", probs, []want{{5, 1, `unknown key "k\x1b[41m"`}})
}

func TestParseMinutesTakesOnlyDecimalMinutesAboveZero(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"5": 5 * time.Minute, "2.5": 150 * time.Second, ".5": 30 * time.Second, "5.": 5 * time.Minute,
		" 10 ": 10 * time.Minute, "180": 180 * time.Minute, "0.0001": 6 * ms, "0.00001": ms,
	} {
		got, err := ParseMinutes(in)
		if err != nil || got != want {
			t.Errorf("ParseMinutes(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, says := range map[string]string{
		"1e-12":       `"1e-12" is not a number of minutes`,
		"0x1p-2":      `"0x1p-2" is not a number of minutes`,
		"1e2":         "is not a number of minutes",
		"0x10":        "is not a number of minutes",
		"-1":          "is not a number of minutes",
		"+1":          "is not a number of minutes",
		"NaN":         "is not a number of minutes",
		"Inf":         "is not a number of minutes",
		"1_0":         "is not a number of minutes",
		"":            "is not a number of minutes",
		".":           "is not a number of minutes",
		"1.2.3":       "is not a number of minutes",
		"\x1b[2J":     `"\x1b[2J" is not a number of minutes`,
		"0":           `"0" is no time at all once rounded to the millisecond`,
		"0.000001":    "is no time at all once rounded",
		"180.001":     "is more than 180 minutes",
		"99999999999": "is more than 180 minutes",
	} {
		got, err := ParseMinutes(in)
		if err == nil || got != 0 || !strings.Contains(err.Error(), says) || !strings.Contains(err.Error(), "like 5") {
			t.Errorf("ParseMinutes(%q) = %v, %v; want an error saying %q", in, got, err, says)
		}
	}
}

// A routine's words can't hide or reorder themselves: a bidirectional
// override, a zero-width space or a byte order mark, raw or written as an
// escape, is refused at its place, as a control character is.
func TestAnInvisibleCharacterInAnyFieldIsRefusedAtItsPosition(t *testing.T) {
	for _, c := range []struct{ raw, says string }{
		{"\u202e", "U+202E"}, {`\u202e`, "U+202E"}, {"\u200b", "U+200B"}, {`\u200B`, "U+200B"},
		{"\u2066", "U+2066"}, {"\ufeff", "U+FEFF"}, {"\u200f", "U+200F"},
	} {
		file := strings.Replace(strings.ReplaceAll(full, "@", ""), `title = "Test`, `title = "Test`+c.raw, 1)
		_, probs := ParseRoutine("t.toml", []byte(file))
		found := false
		for _, p := range probs {
			if p.Line == 2 && p.Column == 14 && strings.Contains(p.Msg, "title holds the invisible character "+c.says) {
				found = true
			}
			if strings.ContainsAny(p.Error(), "\u202e\u200b\u2066\ufeff\u200f") {
				t.Errorf("problem %q holds the invisible character itself", p.Error())
			}
		}
		if !found {
			t.Errorf("%q in a title: problems %v, want one at 2:14 naming %s", c.raw, probs, c.says)
		}
	}
}
