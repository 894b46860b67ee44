package routines

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// want is an expected problem: its position and words of its message.
type want struct {
	line, col int
	says      string
}

func (w want) String() string { return fmt.Sprintf("%d:%d: …%s…", w.line, w.col, w.says) }

// checkProblems compares problems with the expected ones, in any order.
func checkProblems(t *testing.T, file string, got Problems, wants []want) {
	t.Helper()
	used := make([]bool, len(got))
	for _, w := range wants {
		found := false
		for i, p := range got {
			if !used[i] && p.Line == w.line && p.Column == w.col && strings.Contains(p.Msg, w.says) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing problem %v", w)
		}
	}
	for i, p := range got {
		if p.File != file {
			t.Errorf("problem %q names file %q, want %q", p.Msg, p.File, file)
		}
		if !used[i] {
			t.Errorf("unexpected problem %v", p)
		}
	}
}

const base = "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold = \"5s\"\n"

func TestParseRoutineReadsACompleteFile(t *testing.T) {
	data := `# a comment
name = "side-bend"
title = "Side bend"
summary = "  Stretches the flank.  "
source = "003"
reps = 0x3
hold_breaths = 4
rest = "2.5s"
sides = ["right", "left"]
alternate = false
pattern = "4-0-6"
daily_limit = 2
setup = ["Stand tall.", "  Feet apart. "]
cues = [
  "Lean slowly to one side.", # trailing comments are fine
]
caution = 'Stop if it hurts.'
`
	r, probs := ParseRoutine("side-bend.toml", []byte(data))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := Routine{Name: "side-bend", Title: "Side bend", Summary: "Stretches the flank.", Source: "003",
		Reps: 3, HoldBreaths: 4, Rest: 2500 * ms, Sides: []Side{Right, Left}, Pattern: Pattern{4 * s, 0, 6 * s, 0},
		DailyLimit: 2, Setup: []string{"Stand tall.", "Feet apart."}, Cues: []string{"Lean slowly to one side."},
		Caution: "Stop if it hurts.", Origin: "side-bend.toml"}
	if fmt.Sprintf("%#v", r) != fmt.Sprintf("%#v", want) {
		t.Errorf("ParseRoutine =\n%#v\nwant\n%#v", r, want)
	}
	if r.HoldDuration() != 40*s {
		t.Errorf("HoldDuration() = %v, want 4 breaths of 10s = 40s", r.HoldDuration())
	}
	if got := r.SideOrder(); !slices.Equal(got, []Side{Right, Right, Right, Left, Left, Left}) {
		t.Errorf("SideOrder() = %v, want all right then all left", got)
	}
}

func TestParseRoutineDefaultsToTheGentlePattern(t *testing.T) {
	r, probs := ParseRoutine("t.toml", []byte(base))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if r.Pattern != DefaultPattern || r.Hold != 5*s || r.Rest != 0 || r.Sides != nil || r.Alternate || r.DailyLimit != 0 {
		t.Errorf("defaults: %+v", r)
	}
	if got := r.SideOrder(); !slices.Equal(got, []Side{NoSide, NoSide}) {
		t.Errorf("SideOrder() without sides = %v, want two NoSide", got)
	}
}

func TestParseRoutineReportsEveryProblemAtItsPosition(t *testing.T) {
	data := `name = "Knee To Chest"
title = "Knee to chest"
reps = 0
hold = "10"
rest = "-1s"
sides = ["left", "up", "left"]
alternate = "yes"
pattern = "5-1-"
daily_limt = 3
cues = [
  "Breathe.",
  "",
]
`
	_, probs := ParseRoutine("knee.toml", []byte(data))
	checkProblems(t, "knee.toml", probs, []want{
		{1, 8, `name "Knee To Chest" must be lower-case letters`},
		{3, 8, "reps is 0; it must be from 1 to 50"},
		{4, 8, `hold "10" is not a duration`},
		{5, 8, `rest "-1s" must be from 0s to 5m0s`},
		{6, 18, `side "up" is not "left" or "right"`},
		{6, 24, `side "left" is listed twice`},
		{7, 13, "alternate must be true or false, not a string"},
		{8, 11, `breathing pattern "5-1-", part 3: a number is missing`},
		{9, 1, `unknown key "daily_limt"; did you mean "daily_limit"?`},
		{12, 3, "cues line 2 is empty"},
	})
	// Every problem prints as file:line:column: what.
	for _, p := range probs {
		if !strings.HasPrefix(p.Error(), fmt.Sprintf("knee.toml:%d:%d: ", p.Line, p.Column)) {
			t.Errorf("Error() = %q, want file:line:column: first", p.Error())
		}
	}
	if n := strings.Count(probs.Error(), "\n") + 1; n != len(probs) {
		t.Errorf("Problems.Error() has %d lines for %d problems", n, len(probs))
	}
}

func TestParseRoutineProblems(t *testing.T) {
	long := strings.Repeat("x", 201)
	tests := []struct {
		name  string
		extra string // appended to base, on line 5
		data  string // instead of base+extra when set
		wants []want
	}{
		// Unknown keys, with a suggestion when one is close.
		{"misspelt key", `hold_breath = 5`, "", []want{{5, 1, `unknown key "hold_breath"; did you mean "hold_breaths"?`}}},
		{"key in capitals", `Reps = 5`, "", []want{{5, 1, `did you mean "reps"?`}}},
		{"nothing close", `colour = "blue"`, "", []want{{5, 1, `unknown key "colour"; known keys are alternate, caution, cues`}}},
		{"dotted key", `holds.seconds = 10`, "", []want{{5, 1, `unknown key "holds.seconds"`}}},
		// Wrong types, at the value.
		{"reps as a string", "", "name = \"test\"\ntitle = \"Test\"\nreps = \"10\"\nhold = \"5s\"\n", []want{
			{3, 8, "reps must be a whole number, not a string"}}},
		{"reps as a decimal", "", "name = \"test\"\ntitle = \"Test\"\nreps =  2.5\nhold = \"5s\"\n", []want{
			{3, 9, "reps must be a whole number, not a decimal number"}}},
		{"reps as a date", "", "name = \"test\"\ntitle = \"Test\"\nreps = 1979-05-27\nhold = \"5s\"\n", []want{
			{3, 8, "not a date or time"}}},
		{"hold as a number", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold = 10\n", []want{
			{4, 8, `hold must be a string in quotes, not a whole number`}}},
		{"hold as a table", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold = { s = 10 }\n", []want{
			{4, 8, `hold must be a string in quotes, not a table`}}},
		{"sides as a string", `sides = "left"`, "", []want{{5, 9, `sides must be a list of strings, like ["a", "b"], not a string`}}},
		{"sides holding numbers", `sides = [1, 2]`, "", []want{{5, 9, "sides must be a list of strings"}}},
		{"setup holding lists", "setup = [\n  [\"a\"],\n]", "", []want{{5, 9, "setup must be a list of strings, like [\"a\", \"b\"], not a list holding something other than strings"}}},
		{"title as a list", "", "name = \"test\"\ntitle =   [\"Test\"]\nreps = 2\nhold = \"5s\"\n", []want{
			{2, 11, "title must be a string in quotes, not a list of strings"}}},
		{"alternate as a number", `alternate = 1`, "", []want{{5, 13, "alternate must be true or false, not a whole number"}}},
		{"reps beyond int64", "", "name = \"test\"\ntitle = \"Test\"\nreps = 99999999999999999999\nhold = \"5s\"\n", []want{
			{3, 8, "reps is 99999999999999999999; it must be from 1 to 50"}}},
		{"reps beyond int64 below", "", "name = \"test\"\ntitle = \"Test\"\nreps = -99999999999999999999\nhold = \"5s\"\n", []want{
			{3, 8, "reps is -99999999999999999999; it must be from 1 to 50"}}},
		// Tables have no place in a routine file.
		{"a table", "[extra]\nx = 1", "", []want{{5, 2, "tables are not part of a routine file"}, {6, 1, `unknown key "x"`}}},
		{"an array of tables", "[[steps]]", "", []want{{5, 3, "tables are not part of a routine file"}}},
		// Impossible values.
		{"too many reps", "", "name = \"test\"\ntitle = \"Test\"\nreps = 51\nhold = \"5s\"\n", []want{{3, 8, "reps is 51; it must be from 1 to 50"}}},
		{"negative reps", "", "name = \"test\"\ntitle = \"Test\"\nreps = -1\nhold = \"5s\"\n", []want{{3, 8, "reps is -1"}}},
		{"hold too long", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold = \"6m\"\n", []want{{4, 8, `hold "6m" must be from 1s to 5m0s`}}},
		{"hold too short", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold = \"500ms\"\n", []want{{4, 8, `hold "500ms" must be from 1s`}}},
		{"no breaths", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold_breaths = 0\n", []want{{4, 16, "hold_breaths is 0; it must be from 1 to 30"}}},
		{"too many breaths", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\nhold_breaths = 31\n", []want{{4, 16, "hold_breaths is 31"}}},
		{"both hold and hold_breaths", `hold_breaths = 5`, "", []want{{5, 16, "give either hold or hold_breaths, not both"}}},
		{"neither hold nor hold_breaths", "", "name = \"test\"\ntitle = \"Test\"\nreps = 2\n", []want{{0, 0, `missing key "hold" (a duration like "10s") or "hold_breaths"`}}},
		{"rest too long", `rest = "5m1s"`, "", []want{{5, 8, `rest "5m1s" must be from 0s to 5m0s`}}},
		{"rest not a duration", `rest = "3"`, "", []want{{5, 8, `rest "3" is not a duration`}}},
		{"no daily limit", `daily_limit = 0`, "", []want{{5, 15, "daily_limit is 0; it must be from 1 to 20"}}},
		{"daily limit too high", `daily_limit = 21`, "", []want{{5, 15, "daily_limit is 21"}}},
		{"name too long", "", "name = \"" + strings.Repeat("a", 41) + "\"\ntitle = \"Test\"\nreps = 2\nhold = \"5s\"\n", []want{{1, 8, "at most 40 characters"}}},
		{"name with a double dash", "", "name = \"a--b\"\ntitle = \"Test\"\nreps = 2\nhold = \"5s\"\n", []want{{1, 8, `name "a--b" must be lower-case letters and digits joined by single '-'`}}},
		{"empty title", "", "name = \"test\"\ntitle = \"   \"\nreps = 2\nhold = \"5s\"\n", []want{{2, 9, "title is empty"}}},
		{"title too long", "", "name = \"test\"\ntitle = \"" + strings.Repeat("t", 61) + "\"\nreps = 2\nhold = \"5s\"\n", []want{{2, 9, "title is 61 characters long; keep it under 60"}}},
		{"long summary", `summary = "` + long + `"`, "", []want{{5, 11, "summary is 201 characters long"}}},
		{"no sides", `sides = []`, "", []want{{5, 9, "sides is empty"}}},
		{"a side that is not one", `sides = ["left", "middle"]`, "", []want{{5, 18, `side "middle" is not "left" or "right"`}}},
		{"alternate with one side", "sides = [\"left\"]\nalternate = true", "", []want{{6, 13, "alternate needs two sides"}}},
		{"bad pattern", `pattern = "0-0-0"`, "", []want{{5, 11, `breathing pattern "0-0-0": the inhale and the exhale must each be above zero`}}},
		{"too many setup lines", "setup = [" + strings.Repeat(`"a", `, 13) + "]", "", []want{{5, 9, "setup has 13 lines; keep it to 12"}}},
		{"a long cue", "cues = [\"ok\",\n    \"" + long + "\"]", "", []want{{6, 5, "cues line 2 is 201 characters long"}}},
		// Not TOML at all: one problem, where the parser stopped.
		{"unterminated string", `caution = "stop`, "", []want{{5, 16, "not valid TOML"}}},
		{"a key twice", `reps = 3`, "", []want{{5, 1, "reps is given twice (first on line 3); keep one"}}},
		{"empty file", "", " ", []want{{0, 0, `missing key "name"`}, {0, 0, `missing key "title"`}, {0, 0, `missing key "reps"`}, {0, 0, `missing key "hold"`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if data == "" {
				data = base + tt.extra + "\n"
			}
			_, probs := ParseRoutine("r.toml", []byte(data))
			checkProblems(t, "r.toml", probs, tt.wants)
		})
	}
}

func TestParseRoutineAcceptsValuesAtTheirLimits(t *testing.T) {
	data := "name = \"" + strings.Repeat("a", 40) + "\"\ntitle = \"" + strings.Repeat("t", 60) + "\"\nreps = 50\nhold = \"5m\"\nrest = \"0s\"\ndaily_limit = 20\n"
	r, probs := ParseRoutine("r.toml", []byte(data))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if r.Reps != 50 || r.Hold != 5*time.Minute || r.DailyLimit != 20 {
		t.Errorf("%+v", r)
	}
	r, probs = ParseRoutine("r.toml", []byte("name = \"a1\"\ntitle = \"T\"\nreps = 1\nhold_breaths = 30\npattern = \"60-60-60-60\"\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if r.HoldDuration() != 30*4*time.Minute-time.Minute {
		t.Errorf("HoldDuration() = %v, want 30 breaths of 4m, the last ending with its exhale = 1h59m", r.HoldDuration())
	}
}
