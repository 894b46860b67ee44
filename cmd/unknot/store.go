package main

import (
	"sync"
	"time"

	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui"
)

// The screens reach the history through small interfaces of tui's; this
// file wires them to routines/history. The store is opened on first use,
// from a screen's command, so that nothing slow stands before the first
// frame, and once per process.
func init() {
	sessionHistory = func(g *globals) (tui.StartSession, tui.TodayProvider) {
		return g.store().startSession, g.store()
	}
	breatheRecorder = func(g *globals) tui.StartRecorder { return g.store().startBreathe }
}

// lazyStore opens the history the first time it is needed.
type lazyStore struct {
	once  sync.Once
	store *history.Store
	err   error
}

// store is the process's history, opened on first use.
func (g *globals) store() *lazyStore { return g.history }

func (l *lazyStore) open() (*history.Store, error) {
	l.once.Do(func() { l.store, l.err = history.OpenDefault() })
	return l.store, l.err
}

// close closes the history if it was opened.
func (l *lazyStore) close() {
	if l == nil {
		return
	}
	if s, err := l.open(); err == nil && s != nil {
		_ = s.Close()
	}
}

// startSession opens the record of a stretch session.
func (l *lazyStore) startSession(at time.Time, planned []coach.Tally, painBefore *int) (tui.SessionRecorder, error) {
	s, err := l.open()
	if err != nil {
		return nil, err
	}
	exs := make([]history.Exercise, len(planned))
	for i, p := range planned {
		exs[i] = history.Exercise{Routine: p.Routine, Side: string(p.Side), RepsDone: p.Done, RepsPlanned: p.Planned}
	}
	r, err := s.Start(history.KindSession, at, exs, painBefore)
	if err != nil {
		return nil, err
	}
	return recorder{r}, nil
}

// startBreathe opens the record of a breathe session.
func (l *lazyStore) startBreathe(at time.Time, _ int) (tui.Recorder, error) {
	s, err := l.open()
	if err != nil {
		return nil, err
	}
	r, err := s.Start(history.KindBreathe, at, nil, nil)
	if err != nil {
		return nil, err
	}
	return recorder{r}, nil
}

// Today reads today's counts per routine and the streak.
func (l *lazyStore) Today(now time.Time) (tui.TodayCounts, error) {
	s, err := l.open()
	if err != nil {
		return tui.TodayCounts{}, err
	}
	day := history.DayOf(now)
	counts, err := s.TodayCounts(day)
	if err != nil {
		return tui.TodayCounts{}, err
	}
	st, err := s.Streaks(day)
	if err != nil {
		return tui.TodayCounts{}, err
	}
	return tui.TodayCounts{Sessions: counts, Streak: st.Current}, nil
}

// recorder adapts history's Recorder to the screens' interfaces, whose
// statuses are plain strings.
type recorder struct{ *history.Recorder }

func (r recorder) Finish(at time.Time, status string) error {
	return r.Recorder.Finish(at, history.Status(status))
}
