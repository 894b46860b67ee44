package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui"
)

func init() { extraCommands = append(extraCommands, newBreatheCmd) }

// breatheRecorder opens the history record of a breathe session. It is
// called after pacing has started, in the background. Until the history is
// wired here, nothing is recorded.
var breatheRecorder = func(g *globals) tui.StartRecorder { return nil }

// Bounds on -n and -m: past them the number is a slip of the finger.
const (
	maxBreaths = 1000
	maxMinutes = 180
)

func newBreatheCmd(g *globals) *cobra.Command {
	var pattern, breaths, minutes string
	var noCheckin bool
	cmd := &cobra.Command{
		Use:   "breathe [-p PATTERN] [-n BREATHS | -m MINUTES]",
		Short: "Pace your breathing now (inhale 5, hold 1, exhale 3)",
		Long: "Paces your breathing at once, asking nothing first: breathe in while the shape\n" +
			"grows, hold while it rests, breathe out while it shrinks. Picture a tight knot\n" +
			"slowly coming loose as you breathe in.\n\n" +
			"PATTERN is inhale-hold-exhale in seconds (a fourth number holds after the\n" +
			"exhale, as in box breathing 4-4-4-4). Without -n or -m it runs until you quit.\n\n" +
			"Keys: space pause/resume · ↑ slower · ↓ faster · q quit.",
		Example: "  unknot breathe              5-1-3 until you quit\n" +
			"  unknot breathe -n 10        ten breaths\n" +
			"  unknot breathe -p 4-7-8 -m 5\n" +
			"  unknot breathe --plain      one line per phase, for screen readers and pipes",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := breatheConfig(cmd.Flags(), pattern, breaths, minutes)
			if err != nil {
				return err
			}
			cfg.Checkin = !noCheckin // only ever after: nothing is asked before pacing
			return runBreathe(g, cfg)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&pattern, "pattern", "p", "5-1-3", "inhale-hold-exhale seconds, like 5-1-3 or 4-4-4-4")
	f.StringVarP(&breaths, "breaths", "n", "", "stop after this many breaths")
	f.StringVarP(&minutes, "minutes", "m", "", "stop after this many minutes (whole breaths, rounded up)")
	f.BoolVar(&noCheckin, "no-checkin", false, "ask nothing after the breathing either")
	return cmd
}

// breatheConfig checks the flags; every mistake is one line, exit status 2.
func breatheConfig(f *pflag.FlagSet, pattern, breaths, minutes string) (tui.BreatheConfig, error) {
	var cfg tui.BreatheConfig
	p, err := routines.ParsePattern(pattern)
	if err != nil {
		return cfg, asUsage(err)
	}
	cfg.Pattern = p
	if f.Changed("breaths") && f.Changed("minutes") {
		return cfg, usageErr("-n and -m cannot be used together: give a number of breaths or of minutes")
	}
	if f.Changed("breaths") {
		n, err := strconv.Atoi(strings.TrimSpace(breaths))
		if err != nil || n < 1 || n > maxBreaths {
			return cfg, usageErr("-n %q: give a whole number of breaths from 1 to %d, like -n 10", breaths, maxBreaths)
		}
		cfg.Breaths = n
	}
	if f.Changed("minutes") {
		m, err := strconv.ParseFloat(strings.TrimSpace(minutes), 64)
		if err != nil || math.IsNaN(m) || m <= 0 || m > maxMinutes {
			return cfg, usageErr("-m %q: give a number of minutes above 0 and up to %d, like -m 5", minutes, maxMinutes)
		}
		cfg.Duration = time.Duration(m * float64(time.Minute))
	}
	return cfg, nil
}

// runBreathe paces on the screen, or line by line with --plain.
func runBreathe(g *globals, cfg tui.BreatheConfig) error {
	opt := tui.Options{NoBell: g.noBell, ReducedMotion: g.reducedMotion, Theme: g.theme}
	cfg.Record = breatheRecorder(g)
	if g.plain {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		defer stop()
		return tui.RunPlainBreathe(ctx, cfg, g.stdin, g.stdout, opt, isTerminalReader(g.stdin))
	}
	if !isTerminal(g.stdout) {
		return usageErr("the breathing screen needs a terminal and the output is not one: use --plain for one line per phase")
	}
	m, err := tui.NewBreathe(tui.NewContext(opt), cfg)
	if err != nil {
		return asUsage(err)
	}
	final, err := tui.Run(m, keyboard(g.stdin), g.stdout)
	if b, ok := final.(*tui.Breathe); ok {
		if rerr := b.Close(time.Now(), 10*time.Second); rerr != nil && err == nil {
			err = fmt.Errorf("the breathing went fine but was not saved: %w", rerr)
		}
		fmt.Fprintln(g.stdout, b.Summary())
	}
	return err
}

// keyboard is where the screen reads keys: stdin when it is a terminal,
// else the controlling terminal, else nothing (pacing needs no keys).
func keyboard(stdin io.Reader) io.Reader {
	if isTerminalReader(stdin) {
		return stdin
	}
	if tty, _, err := tea.OpenTTY(); err == nil {
		return tty // closed when the process ends
	}
	return nil
}

// isTerminalReader reports whether r is a terminal (not merely a
// character device: /dev/null is one too).
func isTerminalReader(r any) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
