package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/plain"
	"github.com/unknot/unknot/tui/words"
)

// sessionOptions are `unknot session`'s flags.
type sessionOptions struct {
	names     []string
	noCheckin bool
}

// newSessionCmd builds `unknot session`; runF, when given, runs instead of
// the session (tests of flag parsing).
func newSessionCmd(f *factory, runF func(*sessionOptions) error) *cobra.Command {
	o := &sessionOptions{}
	cmd := &cobra.Command{
		Use:   "session",
		Short: "The guided stretch session",
		Long: "Walks you through gentle stretches: get ready, hold while you breathe, rest,\n" +
			"switch sides. Without -r: config.toml's session (see: unknot config), else\n" +
			"today's plan (knee-to-chest, lying-twist, arm-raise, seated-twist: lying\n" +
			"first, so you get up as little as possible).\n\n" +
			"A routine done in full without pain in its last three sessions is offered\n" +
			"one step more (+), after a pain stop one step back (-); nothing changes\n" +
			"unless you take it.\n\n" +
			"Keys: space pause · → or n next · N skip the routine · ← or b back ·\n" +
			"x stop, it hurts (then Enter: breathe) · q stop (saves what was done) ·\n" +
			"! safety · ? all keys.",
		Example: examples(
			"unknot session", "the daily session",
			"unknot session -r arm-raise", "one routine",
			"unknot session --plain", "one line per moment, for screen readers and pipes",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return runSession(f, o)
		},
	}
	cmd.Flags().StringArrayVarP(&o.names, "routine", "r", nil, "a routine to do (repeat for more)")
	cmd.Flags().BoolVar(&o.noCheckin, "no-checkin", false, "ask nothing before or after")
	return cmd
}

// runSession runs the session on the screen, or line by line.
func runSession(f *factory, o *sessionOptions) error {
	c, err := f.catalog()
	if err != nil {
		return err
	}
	set, err := f.settings()
	if err != nil {
		return err
	}
	var rs []routines.Routine
	if len(o.names) > 0 {
		if rs, err = c.Pick(o.names...); err != nil {
			return asUsage(err)
		}
	} else if rs, err = f.sessionRoutines(c); err != nil {
		return err
	}
	checkin := set.Checkin && !o.noCheckin
	if f.flags.plain || !f.screens() { // a pipe on stdout means plain lines
		return runPlainSession(f, rs, checkin)
	}
	cfg := tui.SessionConfig{Routines: rs, Checkin: checkin, Recent: f.recentRuns}
	return runApp(f, tui.PageSession, &cfg, nil)
}

// runPlainSession runs a session one line per moment, with the screen's
// safety: at a terminal the daily-limit question and the check-ins are
// numbered prompts; with no terminal on stdin nothing is asked and a
// routine at its daily limit is left out, said in one line. A signal ends
// it as interrupted, with what was done kept.
func runPlainSession(f *factory, rs []routines.Routine, checkin bool) error {
	if _, err := coach.SessionPlan(rs, coach.DefaultOptions); err != nil {
		return asUsage(err)
	}
	var today map[string]int
	if t, err := (historyToday{f}).Today(time.Now()); err == nil {
		today = t.Sessions
	}
	ctx, out, stop := plainContext(f.out)
	defer stop()
	w := plain.NewWriter(out)
	if f.dumbTerminal() && !f.flags.plain {
		w.Line(plainNote())
	}
	ask := isTerminal(f.in)
	env := plain.Env{In: f.in, Out: out, Hint: ask, Journal: f.recorder(), Sound: f.plainSounds()}
	run, ran, err := plain.Guided(ctx, env, plain.Setup{Routines: rs, Today: today, Ask: ask, Checkin: checkin, Recent: f.recentRuns})
	if ran {
		printRuns(f.out, []words.Run{run})
	}
	return signalEnd(ctx, err)
}
