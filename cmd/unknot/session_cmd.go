package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/tui"
)

func init() { extraCommands = append(extraCommands, newSessionCmd) }

// sessionHistory gives the session its history: the recorder and today's
// counts. Until the history is wired here, nothing is recorded and no
// daily limit is checked.
var sessionHistory = func(g *globals) (tui.StartSession, tui.TodayProvider) { return nil, nil }

func newSessionCmd(g *globals) *cobra.Command {
	var names []string
	var noCheckin bool
	cmd := &cobra.Command{
		Use:   "session [-r NAME]...",
		Short: "The guided stretch session",
		Long: "Walks you through gentle stretches: get ready, hold while you breathe, rest,\n" +
			"switch sides. Without -r: knee-to-chest, arm-raise, seated-twist, lying-twist.\n\n" +
			"Keys: space pause/resume · → or n next · ← or b back · x stop, it hurts ·\n" +
			"q quit (saves what was done) · ? help.",
		Example: "  unknot session                  the daily session\n" +
			"  unknot session -r arm-raise     one routine\n" +
			"  unknot session --plain          one line per moment, for screen readers and pipes",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSession(g, names, noCheckin)
		},
	}
	cmd.Flags().StringArrayVarP(&names, "routine", "r", nil, "a routine to do (repeat for more); see: unknot routines list")
	cmd.Flags().BoolVar(&noCheckin, "no-checkin", false, "ask nothing before or after")
	return cmd
}

// runSession runs the session on the screen, or line by line with --plain.
func runSession(g *globals, names []string, noCheckin bool) error {
	c, err := loadCatalog(g)
	if err != nil {
		return err
	}
	rs, err := c.Pick(names...)
	if err != nil {
		return asUsage(err)
	}
	record, today := sessionHistory(g)
	cfg := tui.SessionConfig{Routines: rs, Record: record, Today: today, Checkin: !noCheckin && record != nil}
	opt := tui.Options{NoBell: g.noBell, ReducedMotion: g.reducedMotion, Theme: g.theme}
	if g.plain {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		defer stop()
		_, err := tui.RunPlainSession(ctx, cfg, g.stdin, g.stdout, opt, isTerminalReader(g.stdin))
		return err
	}
	if !isTerminal(g.stdout) {
		return usageErr("the session screen needs a terminal and the output is not one: use --plain for one line per moment")
	}
	final, err := tui.Run(tui.NewSession(tui.NewContext(opt), cfg), keyboard(g.stdin), g.stdout)
	s, ok := final.(*tui.Session)
	if !ok || s.Coach() == nil {
		return err
	}
	if s.Status() == "" { // the terminal went away mid-session
		s.Coach().Stop(time.Now(), 0)
	}
	titles := map[string]string{}
	for _, r := range s.Coach().Plan().Routines {
		titles[r.Name] = r.Title
	}
	fmt.Fprint(g.stdout, tui.Summary(s.Status(), s.Coach().Tallies(), titles, tui.Clock(s.Elapsed())))
	if s.Status() == "pain" {
		fmt.Fprintln(g.stdout)
		_ = tui.WriteSafety(g.stdout)
	}
	if rerr := s.RecordErr(); rerr != nil && err == nil {
		err = fmt.Errorf("the session went fine but was not all saved: %s", strings.TrimPrefix(rerr.Error(), "history: "))
	}
	return err
}
