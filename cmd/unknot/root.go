package main

import (
	"io"

	"github.com/spf13/cobra"
	"github.com/unknot/unknot/routines"
)

// globals are the flags every command shares, and the program's streams.
type globals struct {
	plain         bool
	noBell        bool
	theme         string
	reducedMotion bool

	stdin          io.Reader
	stdout, stderr io.Writer

	history *lazyStore // the record, opened on first use (store.go)
}

func newRoot(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "unknot",
		Short: "A calm terminal coach for back spasms",
		Long: "unknot walks you through gentle stretches with hold countdowns, paces your\n" +
			"breathing when a spasm hits, and keeps a private record you can look back on.\n\n" +
			routines.NotAdvice,
		Example: "  unknot breathe            pace your breathing now (5-1-3)\n" +
			"  unknot session            the daily stretch session\n" +
			"  unknot history            look back\n" +
			"  unknot safety             when to stop and see a doctor",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHome(g)
		},
	}
	f := root.PersistentFlags()
	f.BoolVar(&g.plain, "plain", false, "one line per event, no colour or cursor movement (screen readers, pipes)")
	f.BoolVar(&g.noBell, "no-bell", false, "no bell on each phase change")
	f.StringVar(&g.theme, "theme", "auto", "colours for a dark or light terminal: auto, light or dark")
	f.BoolVar(&g.reducedMotion, "reduced-motion", false, "show text instead of animations")
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		switch g.theme {
		case "auto", "light", "dark":
			return nil
		}
		return usageErr("--theme %q: use auto, light or dark", g.theme)
	}
	root.AddCommand(newRoutinesCmd(g), newSafetyCmd(g))
	for _, add := range extraCommands {
		root.AddCommand(add(g))
	}
	return root
}

// extraCommands are added by the files that define them (session, breathe,
// history), so that each command lives in its own file.
var extraCommands []func(*globals) *cobra.Command

// runHome opens the home screen; until it exists, it shows the help.
var runHome = func(g *globals) error {
	_, _ = io.WriteString(g.stdout, "unknot: try `unknot breathe`, `unknot session` or `unknot --help`\n")
	return nil
}

// isTerminal reports whether w is a terminal (a real one: /dev/null is a
// character device too, and is not).
func isTerminal(w io.Writer) bool { return isTerminalReader(w) }
