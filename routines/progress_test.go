package routines

import (
	"testing"
	"time"
)

var monday = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

// good is a run done in full, without pain, on day d after monday.
func good(d, level, reps int) PastRun {
	return PastRun{Day: monday.AddDate(0, 0, d), Outcome: Completed, PainBefore: 4, PainAfter: 3, RepsPlanned: reps, RepsDone: reps, Level: level}
}

func builtin(t *testing.T, name string) Routine {
	t.Helper()
	c, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := c.Get(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	return r
}

func TestProgressOffersOneStepMoreAfterThreeGoodSessions(t *testing.T) {
	knee := builtin(t, "knee-to-chest") // 5 reps a leg, up to 10
	recent := []PastRun{good(2, 0, 10), good(1, 0, 10), good(0, 0, 10)}
	o := Progress(knee, 0, recent)
	if o.Step != 1 || o.Level != 1 || o.Routine.Reps != 6 {
		t.Fatalf("offer %+v, want one more rep: level 1, 6 reps", o)
	}
	if o.Text != "One more rep? 6 reps per side instead of 5." {
		t.Errorf("offer text %q", o.Text)
	}
	twist := builtin(t, "lying-twist") // 5 breaths a hold, up to 10
	o = Progress(twist, 2, []PastRun{good(2, 2, 6), good(1, 2, 6), good(0, 2, 6)})
	if o.Step != 1 || o.Routine.HoldBreaths != 8 || o.Routine.Reps != 3 || o.Text != "One more breath in each hold? 8 breaths per hold instead of 7." {
		t.Errorf("twist offer %+v, want one more breath in each hold", o)
	}
}

func TestProgressBrakes(t *testing.T) {
	knee := builtin(t, "knee-to-chest")
	three := func(mod func(*PastRun)) []PastRun {
		rs := []PastRun{good(2, 0, 10), good(1, 0, 10), good(0, 0, 10)}
		mod(&rs[1])
		return rs
	}
	tests := []struct {
		name   string
		level  int
		recent []PastRun
		step   int
		reps   int
	}{
		{"no history", 0, nil, 0, 5},
		{"two good sessions are not yet three", 0, []PastRun{good(1, 0, 10), good(0, 0, 10)}, 0, 5},
		{"pain after higher than before", 0, three(func(r *PastRun) { r.PainAfter = 5 }), 0, 5},
		{"a session left short", 0, three(func(r *PastRun) { r.RepsDone = 6 }), 0, 5},
		{"an older pain stop among the three", 0, three(func(r *PastRun) { r.Outcome = Pain }), 0, 5},
		{"done in full on a day that stopped for pain in another routine", 0, three(func(r *PastRun) { r.Outcome, r.PainElsewhere = Stopped, true }), 0, 5},
		{"a stop for pain in another routine last time is no step back", 0, []PastRun{{Day: monday.AddDate(0, 0, 3), Outcome: Stopped, PainElsewhere: true, RepsPlanned: 10, RepsDone: 10}}, 0, 5},
		{"one of the three at a lower level", 0, three(func(r *PastRun) { r.Level = -1 }), 0, 5},
		{"all three on one day", 0, []PastRun{good(0, 0, 10), good(0, 0, 10), good(0, 0, 10)}, 0, 5},
		{"pain not asked is no sign of harm", 0, three(func(r *PastRun) { r.PainBefore, r.PainAfter = PainUnknown, PainUnknown }), 1, 6},
		{"a pain stop last time: one step back", 3, append([]PastRun{{Day: monday.AddDate(0, 0, 3), Outcome: Pain, PainBefore: 3, PainAfter: 6, RepsPlanned: 16, RepsDone: 3, Level: 3}},
			good(2, 3, 16), good(1, 3, 16), good(0, 3, 16)), -1, 7},
		{"never past the maximum", 5, []PastRun{good(2, 5, 20), good(1, 5, 20), good(0, 5, 20)}, 0, 10},
		{"a level past the maximum is the maximum", 9, nil, 0, 10},
		{"never under one rep", -4, []PastRun{{Day: monday, Outcome: Pain, RepsPlanned: 2, RepsDone: 1, Level: -4}}, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Progress(knee, tt.level, tt.recent)
			if o.Step != tt.step || o.Routine.Reps != tt.reps {
				t.Errorf("Progress = step %d, %d reps (%q); want step %d, %d reps", o.Step, o.Routine.Reps, o.Text, tt.step, tt.reps)
			}
			if o.Step == 0 && o.Text != "" {
				t.Errorf("no offer, yet it says %q", o.Text)
			}
			if o.Routine.Reps > 10 || o.Level > 5 {
				t.Errorf("offer past the sources' maximum of 10 reps a leg: %+v", o)
			}
		})
	}
	pain := Progress(knee, 3, tests[10].recent)
	if pain.Text != "It hurt last time. One step back? 7 reps per side instead of 8." {
		t.Errorf("step back says %q", pain.Text)
	}
}

func TestEveryBuiltinStaysWithinTheSourcesMaximumsAtEveryLevel(t *testing.T) {
	// content.md: knee-to-chest 10 reps a leg, arm-raise 10, twists 10
	// breaths a hold, shoulder rolls 10 each way.
	maxima := map[string][2]int{"knee-to-chest": {10, 0}, "arm-raise": {10, 0}, "seated-twist": {3, 10}, "lying-twist": {3, 10}, "shoulder-rolls": {10, 0}}
	for name, m := range maxima {
		r := builtin(t, name)
		for level := -20; level <= 20; level++ {
			at := r.AtLevel(level)
			if at.Reps > m[0] || at.Reps < 1 || at.HoldBreaths > m[1] || (r.HoldBreaths > 0 && at.HoldBreaths < 1) {
				t.Errorf("%s at level %d: %d reps, %d breaths", name, level, at.Reps, at.HoldBreaths)
			}
			var recent []PastRun
			for d := range 3 {
				recent = append(recent, good(d, level, at.Reps))
			}
			if o := Progress(r, level, recent); o.Routine.Reps > m[0] || o.Routine.HoldBreaths > m[1] {
				t.Errorf("%s: offer %+v past the maximum", name, o)
			}
		}
	}
}

func TestDecliningAnOfferChangesNothing(t *testing.T) {
	knee := builtin(t, "knee-to-chest")
	recent := []PastRun{good(2, 0, 10), good(1, 0, 10), good(0, 0, 10)}
	kept := append([]PastRun(nil), recent...)
	o := Progress(knee, 0, recent)
	if o.Step != 1 {
		t.Fatalf("offer %+v, want a step", o)
	}
	// Declined: the routine used is the one at the present level, which is
	// the routine as it was; the catalog's routine and the runs are as
	// they were, and asking again offers the same.
	if at := knee.AtLevel(0); at.Reps != 5 || knee.Reps != 5 {
		t.Errorf("after the offer: AtLevel(0) %d reps, the routine %d", at.Reps, knee.Reps)
	}
	for i := range recent {
		if recent[i] != kept[i] {
			t.Errorf("run %d changed: %+v", i, recent[i])
		}
	}
	if again := Progress(knee, 0, recent); again.Step != o.Step || again.Level != o.Level || again.Text != o.Text {
		t.Errorf("asked again: %+v, want %+v", again, o)
	}
	if builtin(t, "knee-to-chest").Reps != 5 {
		t.Error("the catalog's routine changed")
	}
}
