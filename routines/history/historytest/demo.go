package historytest

import (
	"fmt"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
)

// WriteDemo records a made-up history of days days ending on end's date
// (in end's location) into the history in folder dir, through the same
// history.Journal the screens record with: stretch sessions of four routines
// with check-ins, levels that step up, three stops for pain, breathing
// runs, a spasm's start, ice in its first two days and heat after. It is
// the same every time for the same end. For demonstrations and tests
// (`unknot report` of a history that looks lived in); never run on a
// person's own history.
func WriteDemo(dir string, end time.Time, days int) error {
	j := history.NewJournal(dir, func() (*history.Store, error) { return history.Open(dir) })
	loc := end.Location()
	first := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, -(days - 1))
	for i := range days {
		day := first.AddDate(0, 0, i)
		demoDay(j, day, i, days)
	}
	c := j.Close(30 * time.Second)
	if !c.Saved {
		return fmt.Errorf("demo history not saved: %v", c.Err)
	}
	s, err := history.Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	began := first.Add(6*time.Hour + 40*time.Minute)
	return s.RecordEpisode(routines.Episode{Began: began}, began.Add(20*time.Minute))
}

// demoDay records day number i (of n) of the demo.
func demoDay(j *history.Journal, day time.Time, i, n int) {
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	// The spasm began on the first morning: ice for two days, heat after.
	switch {
	case i < 2:
		demoCare(j, routines.KindIce, at(7, 30))
		demoCare(j, routines.KindIce, at(13, 0))
	case i < 21 && i%2 == 0:
		demoCare(j, routines.KindHeat, at(18, 0))
	}
	// Pain eases over the weeks: from about 7 to about 3.
	base := 7 - (4*i)/max(n-1, 1)
	if i%3 == 0 {
		demoBreathe(j, at(22, 15), base, 24+i%3*6)
	}
	if i%7 == 5 || i%11 == 4 {
		return // a day off
	}
	start := at(8, 5+i%20)
	if i < 21 && i%2 == 0 {
		start = at(18, 20) // after the heat
	}
	demoStretch(j, start, i, base)
}

func demoCare(j *history.Journal, k routines.Kind, at time.Time) {
	e := j.Begin(k, at, nil, nil)
	e.PackOn(at)
	e.Finish(at.Add(15*time.Minute), routines.Completed)
}

func demoBreathe(j *history.Journal, at time.Time, pain, breaths int) {
	e := j.Begin(routines.KindBreathe, at, nil, &pain)
	e.SetPattern(routines.DefaultPattern)
	if at.YearDay()%4 == 0 { // now and then, slowed a step
		e.SetPattern(routines.DefaultPattern.Scale(1.1))
	}
	e.SetBreaths(breaths)
	e.Finish(at.Add(time.Duration(breaths)*9*time.Second), routines.Completed)
	e.SetPainAfter(max(pain-1-breaths%2, 0))
}

// demoStretch is one stretch session; on three days it is stopped for pain
// in the lying twist, and twice of those the safety page is opened.
func demoStretch(j *history.Journal, at time.Time, i, pain int) {
	kneeLevel, twistLevel := min(i/20, 2), min(i/30, 1)
	knee := 3 + kneeLevel
	plan := []routines.Exercise{
		{Routine: "knee-to-chest", Side: "left", RepsPlanned: knee},
		{Routine: "knee-to-chest", Side: "right", RepsPlanned: knee},
		{Routine: "lying-twist", Side: "left", RepsPlanned: 3 + twistLevel},
		{Routine: "lying-twist", Side: "right", RepsPlanned: 3 + twistLevel},
		{Routine: "arm-raise", RepsPlanned: 5},
	}
	if i%4 == 1 {
		plan = append(plan, routines.Exercise{Routine: "seated-twist", Side: "left", RepsPlanned: 3},
			routines.Exercise{Routine: "seated-twist", Side: "right", RepsPlanned: 3})
	}
	before := pain + i%2
	e := j.Begin(routines.KindSession, at, plan, &before)
	e.SetLevel("knee-to-chest", kneeLevel)
	e.SetLevel("lying-twist", twistLevel)
	e.SetLevel("arm-raise", 0)
	if len(plan) > 5 {
		e.SetLevel("seated-twist", 0)
	}
	stop := i == 9 || i == 16 || i == 36
	elapsed := 0
	for k, x := range plan {
		done := x.RepsPlanned
		if k == 4 && i%5 == 2 {
			done-- // one arm raise short
		}
		if stop && k == 2 {
			e.SetReps(k, 2)
			e.StoppedAt(k, 3) // in the third rep, left side
			e.Finish(at.Add(6*time.Minute), routines.Pain)
			e.SetPainAfter(before + 1)
			if i != 16 { // the safety page opened from two of the three stops
				e.SafetyOpened(at.Add(6*time.Minute + 40*time.Second))
			}
			return
		}
		e.SetReps(k, done)
		elapsed += done * 20
	}
	e.Finish(at.Add(time.Duration(elapsed)*time.Second), routines.Completed)
	e.SetPainAfter(max(before-1-i%3, 0))
}
