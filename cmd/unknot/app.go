package main

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/routines/record"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/words"
)

// runApp runs the one app with first at the bottom of its stack (home, a
// session, breathing, the review), with session or breathe in place of
// the defaults when given. Once it ends, whatever run is still under way
// (the terminal went away) is recorded as interrupted, and every run of
// the visit is summed up on the terminal.
func runApp(f *factory, first tui.Page, session *tui.SessionConfig, breathe *tui.BreatheConfig) error {
	return runAppWith(f, first, func(d *tui.Deps) {
		if session != nil {
			d.Session = *session
		}
		if breathe != nil {
			d.Breathe = *breathe
		}
	})
}

// runAppWith is runApp with the dependencies adjusted by adjust.
func runAppWith(f *factory, first tui.Page, adjust func(*tui.Deps)) error {
	deps, err := f.deps()
	if err != nil {
		return err
	}
	adjust(&deps)
	var running atomic.Pointer[tui.App] // for the player's bell and notices, from its goroutine
	deps.Sound = f.sounds(func() {
		if a := running.Load(); a != nil {
			a.Ring()
		}
	}, func(s string) {
		if a := running.Load(); a != nil {
			a.Notice(s)
		}
	})
	app, err := tui.NewApp(tui.NewContext(f.options()), deps, first)
	if err != nil {
		return asUsage(err)
	}
	running.Store(app)
	err = tui.Run(app, keyboard(f.in), f.out)
	app.Interrupt(time.Now(), routines.Interrupted)
	printRuns(f.out, app.Runs())
	return signalEnd(context.Background(), err)
}

// deps are the screens' dependencies: every routine, today's plan, the
// default breathing, the journal and the history's two readers.
func (f *factory) deps() (tui.Deps, error) {
	c, err := f.catalog()
	if err != nil {
		return tui.Deps{}, err
	}
	all, err := c.Pick(c.Names()...)
	if err != nil {
		return tui.Deps{}, err
	}
	set, err := f.settings()
	if err != nil {
		return tui.Deps{}, err
	}
	plan, err := f.sessionRoutines(c)
	if err != nil {
		return tui.Deps{}, err
	}
	d := tui.Deps{
		Routines: all,
		Session:  tui.SessionConfig{Routines: plan, Checkin: set.Checkin, Recent: f.recentRuns},
		Breathe: tui.BreatheConfig{Pattern: set.Pattern, Pace: set.Pace, Checkin: set.Checkin,
			SavePace: f.savePace},
		Journal: f.recorder(),
		Today:   historyToday{f},
		Review:  historyReader{f: f},
		Care:    tui.CareDeps{Planner: historyCare{f}, Notify: desktopNotifier(), Terminal: terminalNotifier(f.out)},
	}
	if note := c.SkippedNote(); note != "" {
		d.Notes = append(d.Notes, note)
	}
	return d, nil
}

// printRuns sums up each run of the visit in plain lines, with the stop
// rule and the red flags after a stop for pain.
func printRuns(w io.Writer, runs []words.Run) {
	for _, r := range runs {
		for _, l := range r.Lines() {
			fmt.Fprintln(w, l)
		}
		if r.Outcome == routines.Pain {
			fmt.Fprintln(w)
			_ = words.WriteSafety(w)
		}
	}
}

// historyReader reads the review screen's data, from date since on ("":
// all of it).
type historyReader struct {
	f     *factory
	since record.Day
	all   bool // list the runs with nothing done too (history --all)
}

func (h historyReader) Overview(now time.Time) (record.Overview, error) {
	s, err := h.f.history()
	if err != nil {
		return record.Overview{}, err
	}
	ov, err := s.OverviewSince(now, h.since)
	if err == nil && h.all {
		ov, err = withEmpty(s, ov, h.since)
	}
	return ov, err
}

// Levels is each routine's present level, for the review: the routines
// done at least once, in the catalog's order.
func (h historyReader) Levels() ([]tui.RoutineLevel, error) {
	s, err := h.f.history()
	if err != nil {
		return nil, err
	}
	c, err := h.f.catalog()
	if err != nil {
		return nil, err
	}
	var out []tui.RoutineLevel
	for _, n := range c.Names() {
		runs, err := s.RecentRuns(n, 1)
		if err != nil {
			return nil, err
		}
		if len(runs) == 0 {
			continue
		}
		r, _ := c.Get(n)
		level := r.ClampLevel(runs[0].Level) // as used, and as the amount says
		out = append(out, tui.RoutineLevel{Title: r.Title, Level: level, Amount: r.AtLevel(level).Amount()})
	}
	return out, nil
}

func (h historyReader) Sessions(offset, limit int) ([]record.Session, error) {
	s, err := h.f.history()
	if err != nil {
		return nil, err
	}
	return s.Sessions(history.Filter{Since: h.since, Offset: offset, Limit: limit, HideEmpty: !h.all})
}

// historyToday reads today's counts for the home screen and the limits.
type historyToday struct{ f *factory }

func (h historyToday) Today(now time.Time) (tui.TodayCounts, error) {
	if j := h.f.journal; j != nil {
		j.Wait(2 * time.Second) // the run just finished is counted, not read before it is written
	}
	s, err := h.f.history()
	if err != nil {
		return tui.TodayCounts{}, err
	}
	day := record.DayOf(now)
	counts, err := s.TodayCounts(day)
	if err != nil {
		return tui.TodayCounts{}, err
	}
	st, err := s.Streaks(day)
	if err != nil {
		return tui.TodayCounts{}, err
	}
	breathe, err := s.KindToday(day, history.KindBreathe)
	if err != nil {
		return tui.TodayCounts{}, err
	}
	care, _ := careToday(s, now) // a history that can't say (read-only at an older schema) shows no care note, the rest still
	return tui.TodayCounts{Sessions: counts, Breathe: breathe, Streak: st.Current, Care: care}, nil
}
