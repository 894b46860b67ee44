package routines

import (
	"strings"
	"testing"
)

// Every citation unknot makes names a source it knows: the built-in
// routines' `source`, the care table, the figures, the red flags.
func TestEveryCitationIsAKnownSource(t *testing.T) {
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	var cites []string
	for _, n := range c.Names() {
		r, _ := c.Get(n)
		cites = append(cites, r.Source)
	}
	for _, r := range []CareRule{Ice, Heat} {
		for _, f := range []Figure{r.Default, r.Longest, r.Every, r.Phase} {
			cites = append(cites, f.Source)
		}
	}
	for _, s := range CareSources {
		cites = append(cites, s.Article)
	}
	for _, s := range CareSafety {
		cites = append(cites, s.Source)
	}
	for _, f := range append(append([]RedFlag(nil), GetHelpNow...), SeeDoctorSoon...) {
		cites = append(cites, strings.Join(f.Source, ", "))
	}
	for _, text := range cites {
		if len(CitedSources(text)) == 0 {
			t.Errorf("%q cites no known source", text)
		}
		for _, w := range sourceID.FindAllString(text, -1) {
			if len(w) == 3 && strings.Trim(w, "0123456789") == "" {
				if _, ok := SourceByID(w); !ok {
					t.Errorf("%q cites %s, which is not a source", text, w)
				}
			}
		}
	}
	for _, s := range Sources {
		if s.Title == "" || (s.Public() && !strings.HasPrefix(s.URL, "https://")) {
			t.Errorf("source %s is not named whole: %+v", s.ID, s)
		}
	}
	if got := NameCited("000 (the twist), 002 (breaths per stretch)"); got !=
		"000 “Take These Steps When You Have Back Spasms” (the twist), 002 “How to Treat Muscle Spasms in the Back?” (breaths per stretch)" {
		t.Errorf("NameCited = %q", got)
	}
}
