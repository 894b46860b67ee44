package routines

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The seed corpus is checked in under testdata/fuzz/; these add the
// built-in files, which change as the catalog does.

func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{"5-1-3", "4-4-4-4", "4.5-0-6", "1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParsePattern(in)
		if err != nil {
			if p != (Pattern{}) {
				t.Errorf("ParsePattern(%q) returned %v beside its error", in, [4]time.Duration(p))
			}
			if !strings.HasPrefix(err.Error(), "breathing pattern") {
				t.Errorf("ParsePattern(%q) error %q does not say what it is about", in, err)
			}
			return
		}
		for i, d := range p {
			if d < 0 || d > MaxPhase || d%time.Millisecond != 0 {
				t.Errorf("ParsePattern(%q): part %d is %v, outside 0..%v or finer than a millisecond", in, i+1, d, MaxPhase)
			}
		}
		if p[Inhale] <= 0 || p[Exhale] <= 0 {
			t.Errorf("ParsePattern(%q) = %v: no inhale or no exhale", in, [4]time.Duration(p))
		}
		if p.Cycle() < MinCycle {
			t.Errorf("ParsePattern(%q): a breath of %v, under %v", in, p.Cycle(), MinCycle)
		}
		back, err := ParsePattern(p.String())
		if err != nil || back != p {
			t.Errorf("ParsePattern(%q) = %v, written %q, parses back to %v, %v", in, [4]time.Duration(p), p.String(), [4]time.Duration(back), err)
		}
	})
}

func FuzzParseRoutine(f *testing.F) {
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := builtinFS.ReadFile("builtin/" + e.Name())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{`"\e[41m"`, `"\u009b"`, "\"\u0085\"", `"""a\` + "\n" + `b"""`, "'''\r\nx\r\ny'''", `"\x07"`} {
		f.Add([]byte(strings.Replace(base, `"Test"`, s, 1) + "summary = " + s + "\ncues = [" + s + "]\n"))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "fuzz.toml"
		r, probs := ParseRoutine(file, data)
		lines := bytes.Count(data, []byte("\n")) + 1
		if len(probs) > MaxProblems+1 {
			t.Errorf("%d problems, more than %d and a count", len(probs), MaxProblems)
		}
		for _, p := range probs {
			if Printable(p.Error()) != p.Error() {
				t.Errorf("problem %q would print a control character", p.Error())
			}
			if p.File != file {
				t.Errorf("problem %q names %q, want %q", p.Msg, p.File, file)
			}
			if p.Msg == "" {
				t.Errorf("problem at %d:%d says nothing", p.Line, p.Column)
			}
			switch {
			case p.Line == 0:
				// Only what concerns the whole file has no position.
				if p.Column != 0 || !strings.HasPrefix(p.Msg, "missing key") && !strings.HasPrefix(p.Msg, "not valid TOML") &&
					!strings.HasSuffix(p.Msg, "more problems not listed; fix these first") {
					t.Errorf("problem without a line: %v", p)
				}
			case p.Line < 0 || p.Line > lines || p.Column < 1:
				t.Errorf("problem at %d:%d, outside the file's %d lines: %v", p.Line, p.Column, lines, p)
			}
		}
		if len(probs) > 0 {
			return
		}
		// Accepted: the routine must be one the coach can follow.
		if !nameRE.MatchString(r.Name) || len(r.Name) > MaxNameLen || r.Title == "" {
			t.Errorf("accepted name %q title %q", r.Name, r.Title)
		}
		if r.Reps < 1 || r.Reps > MaxReps {
			t.Errorf("accepted %d reps", r.Reps)
		}
		given := 0
		for _, d := range []time.Duration{r.Hold, time.Duration(r.HoldBreaths), r.RepTime} {
			if d != 0 {
				given++
			}
		}
		if given != 1 || r.HoldDuration() <= 0 {
			t.Errorf("accepted hold %v, %d breaths and rep time %v", r.Hold, r.HoldBreaths, r.RepTime)
		}
		if r.RepOnly() != r.Pattern.IsZero() {
			t.Errorf("accepted pattern %v for a routine with rep time %v", r.Pattern, r.RepTime)
		}
		// Every hold ends as an exhale ends: the pacing fills it exactly.
		if settle, breaths := r.Pacing(); !r.RepOnly() && (settle < 0 ||
			breaths > 0 && settle+time.Duration(breaths)*r.Pattern.Cycle()-r.Pattern[HoldOut] != r.HoldDuration() ||
			breaths == 0 && settle != r.HoldDuration()) {
			t.Errorf("pacing %v + %d breaths does not fill the hold %v", settle, breaths, r.HoldDuration())
		}
		if lo, hi := r.LevelRange(); r.AtLevel(hi).Reps > MaxReps || r.AtLevel(hi).HoldBreaths > MaxHoldBreaths || r.AtLevel(lo).Reps < 1 {
			t.Errorf("levels %d..%d leave the bounds", lo, hi)
		}
		if r.Rest < 0 || r.Rest > MaxRest || r.DailyLimit < 0 || r.DailyLimit > MaxDailyLimit {
			t.Errorf("accepted rest %v, daily limit %d", r.Rest, r.DailyLimit)
		}
		if back, err := ParsePattern(r.Pattern.String()); !r.RepOnly() && (err != nil || back != r.Pattern) {
			t.Errorf("accepted pattern %v does not parse back: %v", r.Pattern, err)
		}
		if r.Alternate && len(r.Sides) < 2 {
			t.Errorf("accepted alternate with sides %v", r.Sides)
		}
		if got := len(r.Order()); got != r.Reps*max(len(r.Sides), 1)*max(len(r.Directions), 1) {
			t.Errorf("Order has %d reps for %d reps on %d sides in %d directions", got, r.Reps, len(r.Sides), len(r.Directions))
		}
		if got := len(r.SideOrder()); got != r.Reps*max(len(r.Sides), 1) {
			t.Errorf("SideOrder has %d reps for %d reps on %d sides", got, r.Reps, len(r.Sides))
		}
		// Accepted: no text in it can change the terminal. Tabs are kept;
		// line breaks only in the paragraphs.
		texts := append([]string{r.Name, r.Title, r.Source, r.RepName}, r.Setup...)
		texts = append(texts, r.Directions...)
		texts = append(texts, r.Cues...)
		texts = append(texts, strings.Split(r.Summary, "\n")...)
		texts = append(texts, strings.Split(r.Caution, "\n")...)
		control := func(r rune) bool { return r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f }
		for _, s := range texts {
			if strings.ContainsFunc(s, control) || !utf8.ValidString(s) {
				t.Errorf("accepted %q, holding a control character", s)
			}
		}
	})
}

func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"knee.toml", "red\x1b[41m", "\xff\xfe", "\u009b\u202e", "tab\there", `\x1b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Printable(in)
		if !utf8.ValidString(got) {
			t.Errorf("Printable(%q) = %q, not UTF-8", in, got)
		}
		unsafe := func(r rune) bool { return r < 0x20 || r >= 0x7f && r <= 0x9f || isInvisibleFormat(r) }
		if strings.ContainsFunc(got, unsafe) {
			t.Errorf("Printable(%q) = %q holds a control character", in, got)
		}
		if Printable(got) != got {
			t.Errorf("Printable(%q) = %q, and again %q", in, got, Printable(got))
		}
		if utf8.ValidString(in) && !strings.ContainsFunc(in, unsafe) && got != in {
			t.Errorf("Printable(%q) = %q changed clean text", in, got)
		}
	})
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"5", "2.5", ".5", "1e-12", "0x1p-2", "0.000001", "180", "NaN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseMinutes(in)
		if err != nil {
			if d != 0 {
				t.Errorf("ParseMinutes(%q) = %v beside its error", in, d)
			}
			if Printable(err.Error()) != err.Error() {
				t.Errorf("ParseMinutes(%q) error %q would print a control character", in, err)
			}
			return
		}
		if d <= 0 || d > MaxMinutes || d%time.Millisecond != 0 {
			t.Errorf("ParseMinutes(%q) = %v: not a whole number of milliseconds in (0, %v]", in, d, MaxMinutes)
		}
		if strings.Trim(strings.TrimSpace(in), "0123456789.") != "" {
			t.Errorf("ParseMinutes(%q) accepted something other than decimal digits", in)
		}
	})
}
