package main

import (
	"context"
	"os/signal"

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
			"switch sides. Without -r: today's plan (knee-to-chest, arm-raise,\n" +
			"seated-twist, lying-twist).\n\n" +
			"Keys: space pause · → or n next · ← or b back · x stop, it hurts ·\n" +
			"q stop (saves what was done) · ! safety · ? all keys.",
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
	names := o.names
	if len(names) == 0 {
		names = routines.DefaultPlan
	}
	rs, err := c.Pick(names...)
	if err != nil {
		return asUsage(err)
	}
	if f.flags.plain || f.dumbTerminal() {
		return runPlainSession(f, rs)
	}
	if !f.screens() {
		return noScreen("the session screen")
	}
	cfg := tui.SessionConfig{Routines: rs, Checkin: !o.noCheckin}
	return runApp(f, tui.PageSession, &cfg, nil)
}

// runPlainSession runs a session one line per moment; a signal ends it as
// interrupted, with what was done kept.
func runPlainSession(f *factory, rs []routines.Routine) error {
	plan, err := coach.SessionPlan(rs, coach.DefaultOptions)
	if err != nil {
		return asUsage(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), tui.Signals...)
	defer stop()
	w := plain.NewWriter(f.out)
	if f.dumbTerminal() && !f.flags.plain {
		w.Line(plainNote())
	}
	env := plain.Env{In: f.in, Out: f.out, Hint: isTerminal(f.in), Journal: f.recorder(), Sound: f.plainSounds()}
	run, err := plain.Session(ctx, env, plan, nil)
	printRuns(f.out, []words.Run{run})
	return err
}
