package routines

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCareTableFollowsTheSources(t *testing.T) {
	// content.md, "Heat and ice": the gentlest reading, figure by figure,
	// with the article each comes from.
	want := []struct {
		what   string
		got    Figure
		value  time.Duration
		source string
	}{
		{"ice, one application", Ice.Default, 15 * time.Minute, "001"},
		{"ice, the longest", Ice.Longest, 25 * time.Minute, "003"},
		{"ice, how often", Ice.Every, 2 * time.Hour, "001"},
		{"ice, for how long after the spasm", Ice.Phase, 48 * time.Hour, "001, 002"},
		{"heat, one application", Heat.Default, 15 * time.Minute, "001, 000"},
		{"heat, the longest", Heat.Longest, 20 * time.Minute, "000, 002"},
		{"heat, how often", Heat.Every, 4 * time.Hour, "001"},
	}
	article := regexp.MustCompile(`^00[0-3](, 00[0-3])*$`)
	for _, w := range want {
		if w.got.Value != w.value || w.got.Source != w.source {
			t.Errorf("%s: %v from %q, want %v from %q", w.what, w.got.Value, w.got.Source, w.value, w.source)
		}
		if !article.MatchString(w.got.Source) || w.got.Note == "" {
			t.Errorf("%s: source %q must name the articles, and the note say why: %q", w.what, w.got.Source, w.got.Note)
		}
	}
	for _, r := range []CareRule{Ice, Heat} {
		if r.Default.Value > r.Longest.Value {
			t.Errorf("%s: the default %v is longer than the longest %v", r.Title, r.Default.Value, r.Longest.Value)
		}
		if !strings.Contains(strings.Join(r.Before, " "), "towel") {
			t.Errorf("%s: what to do before does not mention the towel: %q", r.Title, r.Before)
		}
		for _, word := range []string{"burns", "blisters", "numb"} {
			if !strings.Contains(r.Halfway, word) {
				t.Errorf("%s: the halfway reminder does not say %q: %q", r.Title, word, r.Halfway)
			}
		}
	}
	if !strings.Contains(strings.Join(Heat.Before, " "), "never sleep on a heating pad") {
		t.Errorf("heat: before does not say never to sleep on a heating pad: %q", Heat.Before)
	}
	all := CareSourcesText()
	text := strings.Join(all, "\n")
	for _, said := range []string{
		"15 minutes (001)", "25 (003)", // how long, and who says so
		"every 2 hours (001), or 25 minutes on and 1 hour 30 off (003)", // the disagreement on how often
		"003 (How to Treat a Back Spasm). Cold: 25 minutes on, 1 hour 30 off",
		"001 (Lower Back Spasms). Cold: up to 15 minutes every 2 hours",
	} {
		if !strings.Contains(text, said) {
			t.Errorf("the sources text does not say %q:\n%s", said, text)
		}
	}
	for _, s := range CareSafety {
		if s.Text == "" || s.Source == "" {
			t.Errorf("a safety line without its text or source: %+v", s)
		}
	}
}

func TestCareLengthRefusesWithOneClearLine(t *testing.T) {
	cases := []struct {
		kind    Kind
		minutes float64
		want    time.Duration
		says    string // a part of the one-line refusal; "" when accepted
	}{
		{KindIce, 15, 15 * time.Minute, ""},
		{KindIce, 25, 25 * time.Minute, ""},
		{KindIce, 0.05, 3 * time.Second, ""},
		{KindIce, 2.5, 150 * time.Second, ""},
		{KindHeat, 20, 20 * time.Minute, ""},
		{KindIce, 0, 0, "-m 0: an application needs some time; give more than 0 and at most 25 minutes of ice (15 if unsure)"},
		{KindIce, -1, 0, "-m -1: minutes cannot be negative; give more than 0 and at most 25 minutes of ice (15 if unsure)"},
		{KindIce, 500, 0, "-m 500: 500 minutes of ice is longer than unknot allows: at most 25, because no article keeps ice on longer than 25 minutes at a time (003); longer risks frostbite"},
		{KindIce, 25.5, 0, "-m 25.5: 25.5 minutes of ice is longer than unknot allows: at most 25"},
		{KindHeat, 500, 0, "-m 500: 500 minutes of heat is longer than unknot allows: at most 20, because the articles give heat 15 minutes at a time (000, 001) and none gives longer; unknot allows up to 20, the upper end 000 and 002 give for a cold pack"},
		{KindHeat, 25, 0, "longer risks burns"},
		{KindHeat, -1, 0, "at most 20 minutes of heat (15 if unsure)"},
		{KindIce, 0.001, 0, "-m 0.001: under a second is too short to time"},
		{KindIce, math.NaN(), 0, "-m NaN: not a number of minutes"},
		{KindIce, math.Inf(1), 0, "-m +Inf: not a number of minutes"},
	}
	for _, c := range cases {
		got, err := careLengthOf(c.kind, c.minutes)
		switch {
		case c.says == "" && (err != nil || got != c.want):
			t.Errorf("%s -m %v: %v, %v; want %v", c.kind, c.minutes, got, err, c.want)
		case c.says != "" && err == nil:
			t.Errorf("%s -m %v: accepted as %v, want refused", c.kind, c.minutes, got)
		case c.says != "" && (!strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "\n")):
			t.Errorf("%s -m %v: %q\nwant one line saying %q", c.kind, c.minutes, err, c.says)
		}
	}
}

func TestParseCareMinutesAndKind(t *testing.T) {
	if d, err := ParseCareMinutes(KindHeat, " 12.5 "); err != nil || d != 750*time.Second {
		t.Errorf("heat -m 12.5: %v, %v", d, err)
	}
	for in, says := range map[string]string{
		"abc": "-m abc: not a number of minutes; give a number such as -m 15 (at most 25 for ice)",
		"0":   "-m 0: an application needs some time",
		"1e9": "-m 1e9: 1e9 minutes of ice is longer than unknot allows",
		"":    "-m : not a number of minutes",
	} {
		_, err := ParseCareMinutes(KindIce, in)
		if err == nil || !strings.HasPrefix(err.Error(), says) || strings.Contains(err.Error(), "\n") {
			t.Errorf("ice -m %q: %v\nwant one line starting %q", in, err, says)
		}
	}
	for in, want := range map[string]Kind{"ice": KindIce, "heat": KindHeat, "ICE": KindIce} {
		if k, err := ParseCareKind(in); err != nil || k != want {
			t.Errorf("care %s: %v, %v", in, k, err)
		}
	}
	for _, in := range []string{"lava", "session", ""} {
		_, err := ParseCareKind(in)
		if err == nil || !strings.Contains(err.Error(), "not a kind of care; say `care ice`, `care heat`") {
			t.Errorf("care %q: %v", in, err)
		}
	}
	if _, err := careLengthOf(KindSession, 10); err == nil {
		t.Error("a length for a session was accepted as care")
	}
}

// careLengthOf is ParseCareMinutes of minutes written out in full.
func careLengthOf(k Kind, minutes float64) (time.Duration, error) {
	return ParseCareMinutes(k, strconv.FormatFloat(minutes, 'g', -1, 64))
}
