package plain

import (
	"context"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/sound"
	"github.com/unknot/unknot/tui/words"
)

// CareHint tells a person at a terminal how to steer an application.
const CareHint = "Enter: pause or go on · n Enter: it's on, start the countdown · q Enter: stop"

// CareRun is one application of ice or heat to time.
type CareRun struct {
	Rule    routines.CareRule
	Length  time.Duration
	Options coach.CareOptions
	// Early is said first when the sources suggest later, or the other
	// kind (routines.CareAdvice.Starting); "" says nothing.
	Early string
	// Bell rings at halfway and at the end when there is no Sound (nil:
	// none; cmd rings only a terminal, never a pipe).
	Bell func()
	// Notify tells the desktop and the terminal that the time is up; it
	// must not block. nil: none.
	Notify func(title, body string)
}

// careLines are the words of an application: its moments, pause and
// going on. The end's summary is the caller's.
func careLines(rule routines.CareRule) lines {
	return func(e coach.Event, c *coach.Coach) []string {
		switch e.Kind {
		case coach.Paused:
			if c.CareAt(e.At).Moment == coach.CareGetReady {
				return []string{"Paused."}
			}
			return []string{words.CarePaused(rule.Pack(), "Enter", false)}
		case coach.Resumed:
			return []string{"Going on."}
		}
		return coach.CareWords(rule, coach.MomentOf(e), c.CareAt(e.At).Length)
	}
}

// careCommand applies a typed line: an empty line or p pauses and goes
// on, n puts the pack on now (the get-ready ends), q stops.
func careCommand(line string, c *coach.Coach, t time.Time) (quit, known bool) {
	switch line {
	case "", "p", "space", "pause":
		c.Toggle(t)
	case "n", "next", "on":
		if c.CareAt(t).Moment == coach.CareGetReady {
			c.Skip(t)
		}
	case "q", "quit", "stop":
		return true, true
	default:
		return false, false
	}
	return false, true
}

// Care times one application, line by line: what to do before, the
// moment it goes on, the halfway reminder and the end, each on its
// instant. It returns when the time is up, the person stops, or ctx is done
// (a signal: the run is Interrupted), with how it went, the application
// as the history records it (for routines.AfterCare) and the first write
// error. The run is recorded through env.Journal as kind ice or heat.
func Care(ctx context.Context, env Env, run CareRun) (words.Run, routines.Application, error) {
	plan, err := coach.CarePlan(run.Rule, run.Length, run.Options)
	if err != nil {
		return words.Run{}, routines.Application{}, err
	}
	start := env.now()
	c := coach.New(plan, start)
	w := NewWriter(env.Out)
	if env.Hint {
		w.Line(CareHint)
	}
	if run.Early != "" {
		w.Line(run.Early + " Starting anyway is fine.")
	}
	if plan.Segments[0].Kind != coach.Ready { // no get-ready: its words still come first
		for _, l := range coach.CareWords(run.Rule, coach.CareGetReady, run.Length) {
			w.Line(l)
		}
	}
	var log routines.RunLog
	on := start // the application's start: when the pack went on (CareOn)
	if env.Journal != nil {
		log = env.Journal.Begin(run.Rule.Kind, start, nil, nil)
	}
	err = follow(ctx, env, c, w, careLines(run.Rule), careCommand, CareHint, func(e coach.Event) {
		switch coach.MomentOf(e) {
		case coach.CareOn:
			if log != nil {
				log.PackOn(e.At)
			}
			on = e.At
		case coach.CareHalfway:
			if env.Sound != nil {
				env.Sound.Play(sound.Switch, "Halfway: check your skin.")
			} else if run.Bell != nil {
				run.Bell()
			}
		case coach.CareEnd:
			if env.Sound == nil && run.Bell != nil {
				run.Bell() // with a Sound, follow plays the end chime
			}
			if run.Notify != nil {
				run.Notify("unknot: "+run.Rule.Title+" time is up", run.Rule.End)
			}
		}
	})
	end := env.now()
	out := words.CareRunOf(c, run.Rule.Kind, start, end)
	if log != nil {
		log.Finish(end, out.Outcome)
	}
	return out, routines.Application{Kind: run.Rule.Kind, Started: on, Ended: end, Outcome: out.Outcome, NeverOn: out.NeverOn}, err
}
