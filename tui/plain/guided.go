package plain

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// Setup is what a plain session checks and asks before pacing starts: the
// same safety as the session screen, in lines.
type Setup struct {
	Routines []routines.Routine // as their files give them
	Options  coach.Options      // zero: coach.DefaultOptions
	// Today is how many sessions today included each routine (the daily
	// limits); nil when the history can't say.
	Today map[string]int
	// Ask is true when a person answers at a terminal: the daily-limit
	// question, the check-ins and progression's offers are numbered text
	// prompts, and Enter takes the gentler choice. False (no terminal on
	// stdin): nothing is asked; a routine at its daily limit is left out
	// with one line, no offer is taken and no check-in recorded.
	Ask bool
	// Checkin asks "How is your back right now?" before and after (when
	// Ask, and a journal keeps the answers).
	Checkin bool
	// Recent reads a routine's recent sessions, newest first, for gentle
	// progression (each routine at its last level); nil: none.
	Recent func(routine string) ([]routines.PastRun, error)
}

// levelSetter is a run's record that keeps each routine's level.
type levelSetter interface {
	SetLevel(routine string, level int)
}

// Guided runs a session the way the screen does, in lines: the daily
// limits, the check-in before, progression's offers, the session, the
// check-in after. ran is false when every routine was left out (nothing
// was paced or recorded: one line said so).
func Guided(ctx context.Context, env Env, s Setup) (run words.Run, ran bool, err error) {
	w := NewWriter(env.Out)
	var q *asker
	if s.Ask {
		typed := readLines(env.In)
		env.typed = typed
		q = &asker{ctx: ctx, w: w, typed: typed}
	}
	rs := leaveOutAtLimit(s, w, q)
	if q.quitting() {
		return notStarted(w)
	}
	if len(rs) == 0 {
		w.Line("Nothing left for today. Rest is good too; gentle walks help.")
		return words.Run{}, false, w.Err()
	}
	checkins := q != nil && s.Checkin && env.Journal != nil && env.Journal.Trouble() == nil
	var before *int
	if checkins {
		before = q.pain("Before you start.", nil)
	}
	levels := map[string]int{}
	for i, r := range rs {
		l, ok := levels[r.Name]
		if !ok {
			l = levelOf(r, s.Recent, q)
			levels[r.Name] = l
		}
		rs[i] = r.AtLevel(l)
	}
	if q.quitting() {
		return notStarted(w)
	}
	opt := s.Options
	if opt == (coach.Options{}) {
		opt = coach.DefaultOptions
	}
	plan, err := coach.SessionPlan(rs, opt)
	if err != nil {
		return words.Run{}, false, err
	}
	run, log, err := session(ctx, env, plan, before, levels)
	var safety func() // after a stop for pain, at a terminal: ! shows the safety page
	if q != nil && log != nil && err == nil && ctx.Err() == nil && run.Outcome == routines.Pain {
		safety = func() {
			log.SafetyOpened(env.now())
			for l := range strings.Lines(words.SafetyText(words.SafetyWidth)) {
				w.Line(strings.TrimSuffix(l, "\n"))
			}
		}
	}
	switch {
	case checkins && log != nil && err == nil && ctx.Err() == nil &&
		run.Outcome != routines.Stopped && run.Outcome != routines.Interrupted:
		if v := q.pain("How did it go?", safety); v != nil {
			log.SetPainAfter(*v)
		}
	case safety != nil:
		q.offerSafety(safety)
	}
	return run, true, err
}

// notStarted ends Guided when q was typed before the session began:
// nothing was paced or recorded, and one line says so.
func notStarted(w *Writer) (words.Run, bool, error) {
	w.Line("Quit before the session began: nothing was recorded.")
	return words.Run{}, false, w.Err()
}

// leaveOutAtLimit is s's routines without those at their daily limit that
// the person leaves out (asked), or all of them (not asked: one line).
func leaveOutAtLimit(s Setup, w *Writer, q *asker) []routines.Routine {
	var at []string
	limit := map[string]bool{}
	seen := map[string]bool{}
	for _, r := range s.Routines {
		if r.DailyLimit > 0 && s.Today[r.Name] >= r.DailyLimit && !seen[r.Name] {
			seen[r.Name] = true
			limit[r.Name] = true
			at = append(at, fmt.Sprintf("%s (%d of %d today)", r.Title, s.Today[r.Name], r.DailyLimit))
		}
	}
	if len(at) == 0 {
		return append([]routines.Routine(nil), s.Routines...)
	}
	leave := true
	if q != nil {
		w.Line("Already done today: " + strings.Join(at, ", ") + ". More than that can tire the back. Rest is part of healing too.")
		leave = q.choose([]string{"Leave it out today", "Go on anyway"}) == 0
	}
	if !leave {
		return append([]routines.Routine(nil), s.Routines...)
	}
	if q == nil {
		w.Line("Left out today, at the daily limit: " + strings.Join(at, ", ") + ".")
	}
	var out []routines.Routine
	for _, r := range s.Routines {
		if !limit[r.Name] {
			out = append(out, r)
		}
	}
	return out
}

// levelOf is the level r is done at: its last session's, or what
// progression offers when the person takes it (only when asked).
func levelOf(r routines.Routine, recent func(string) ([]routines.PastRun, error), q *asker) int {
	if recent == nil {
		return 0
	}
	runs, err := recent(r.Name)
	if err != nil || len(runs) == 0 {
		return 0
	}
	o := routines.Progress(r, runs[0].Level, runs)
	if o.Step == 0 {
		return o.Level
	}
	current := o.Level - o.Step
	if q == nil {
		return current
	}
	q.w.Line(r.Title + ": " + o.Text)
	if q.choose([]string{"As last time: " + r.AtLevel(current).Amount(), "Take it: " + o.Routine.Amount()}) == 1 {
		return o.Level
	}
	return current
}

// asker asks numbered questions on a terminal, one typed line each.
type asker struct {
	ctx   context.Context
	w     *Writer
	typed <-chan string
	quit  bool // q was typed at a question: the person wants out
}

// quitTyped is what a person types, then Enter, to quit at a question, as
// while pacing.
const quitTyped = "q"

// line waits for the next typed line; false at the end of the input, when
// ctx is done, or when q was typed (quit is then set).
func (q *asker) line() (string, bool) {
	if q.quit {
		return "", false
	}
	select {
	case l, ok := <-q.typed:
		l = strings.TrimSpace(l)
		if strings.EqualFold(l, quitTyped) {
			q.quit = true
			return "", false
		}
		return l, ok
	case <-q.ctx.Done():
		return "", false
	}
}

// quitting reports whether q was typed at a question.
func (q *asker) quitting() bool { return q != nil && q.quit }

// choose asks for one of choices by number; Enter (or the end of the
// input) takes the first, the gentler one.
func (q *asker) choose(choices []string) int {
	for i, c := range choices {
		q.w.Line(fmt.Sprintf("  %d. %s", i+1, c))
	}
	for {
		q.w.Line(fmt.Sprintf("Type a number and Enter (Enter alone: %d; q and Enter: quit).", 1))
		l, ok := q.line()
		if !ok || l == "" {
			return 0
		}
		if n, err := strconv.Atoi(l); err == nil && n >= 1 && n <= len(choices) {
			return n - 1
		}
		q.w.Line(fmt.Sprintf("%q is not one of the numbers.", l))
	}
}

// SafetyTyped is what a person types, then Enter, for the whole safety
// page after a stop for pain (the screens' key).
const SafetyTyped = "!"

// pain asks how the back feels, 0 to 10; nil when skipped with Enter.
// With safety (after a stop for pain), ! shows the safety page through
// it, and the question is asked again.
func (q *asker) pain(lead string, safety func()) *int {
	ask := lead + " How is your back right now? Type 0 (no pain) to 10 (the worst) and Enter, or Enter alone to skip (q and Enter: quit)."
	if safety != nil {
		ask += " " + SafetyTyped + " and Enter: the whole safety page."
	}
	q.w.Line(ask)
	for {
		l, ok := q.line()
		if !ok || l == "" {
			return nil
		}
		if safety != nil && l == SafetyTyped {
			safety()
			q.w.Line(ask)
			continue
		}
		if n, err := strconv.Atoi(l); err == nil && n >= 0 && n <= 10 {
			q.w.Line(fmt.Sprintf("Noted: %d out of 10.", n))
			return &n
		}
		q.w.Line(fmt.Sprintf("%q is not a number from 0 to 10; type one, or Enter alone to skip.", l))
	}
}

// offerSafety offers the whole safety page after a stop for pain when no
// check-in follows: ! shows it (through safety), Enter alone goes on.
func (q *asker) offerSafety(safety func()) {
	ask := SafetyTyped + " and Enter: the whole safety page, with when to see a doctor soon. Enter alone: done."
	q.w.Line(ask)
	for {
		l, ok := q.line()
		if !ok || l == "" {
			return
		}
		if l == SafetyTyped {
			safety()
			return
		}
		q.w.Line(fmt.Sprintf("%q is not %s; Enter alone is done.", l, SafetyTyped))
	}
}
