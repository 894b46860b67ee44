package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/sound"
)

// newRootCmd builds the whole command tree, in one place.
func newRootCmd(f *factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "unknot",
		Short: "A calm terminal coach for back spasms",
		Long: "unknot walks you through gentle stretches with hold countdowns, paces your\n" +
			"breathing when a spasm hits, and keeps a private record you can look back on.\n\n" +
			routines.NotAdvice,
		Example: examples(
			"unknot", "the home screen (b: breathe now)",
			"unknot breathe", "pace your breathing now (5-1-3)",
			"unknot session", "the daily stretch session",
			"unknot care", "ice or heat: what the sources suggest now, timed",
			"unknot history", "look back",
			"unknot safety", "when to stop and see a doctor",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runHome(f) },
	}
	fl := root.PersistentFlags()
	fl.BoolVar(&f.flags.plain, "plain", false, "one line per moment: screen readers, pipes")
	fl.BoolVar(&f.flags.noBell, "no-bell", false, "no bell on each phase change")
	fl.StringVar(&f.flags.theme, "theme", "auto", "colours: auto, light or dark")
	fl.BoolVar(&f.flags.reducedMotion, "reduced-motion", false, "still poses; the breath moves once a second")
	fl.Var(&f.flags.sound, "sound", "cues: auto, tones, voice, bell or off")
	f.flags.volume = sound.DefaultVolume
	fl.Func("volume", "how loud tones and voice are, 0-100 (40)", func(s string) error {
		v, err := sound.ParseVolume(s)
		if err != nil {
			return asUsage(err)
		}
		f.flags.volume = v
		return nil
	})
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		f.changed = cmd.Flags().Changed
		if err := flagGroups(cmd); err != nil {
			return err
		}
		switch f.flags.theme {
		case "auto", "light", "dark":
			return nil
		}
		return usageErr("--theme %q: use auto, light or dark", f.flags.theme)
	}
	root.CompletionOptions.HiddenDefaultCmd = true // `unknot completion bash` still works
	root.AddCommand(
		newSessionCmd(f, nil),
		newBreatheCmd(f, nil),
		newHistoryCmd(f),
		newRoutinesCmd(f),
		newSafetyCmd(f),
		newCareCmd(f, nil),
		newConfigCmd(f),
		newReportCmd(f),
		newRemindCmd(f), newNudgeCmd(f), // reminders (remind_cmd.go, nudge_cmd.go)
		newSourcesCmd(f),
	)
	// Every mistake on the command line in unknot's words (errors.go),
	// the help and completion commands' too: cobra would add them later.
	root.InitDefaultHelpCmd()
	strictHelp(root)
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		fitLong(c) // cobra's text, a line of it wider than 80 columns
	}
	root.SetFlagErrorFunc(flagError)
	explainArgs(root)
	return root
}

// runHome opens the home screen; without a screen to draw on it says
// what to type instead.
func runHome(f *factory) error {
	if f.flags.plain || !f.screens() {
		if f.dumbTerminal() && !f.flags.plain {
			fmt.Fprintln(f.out, plainNote())
		}
		_, err := f.out.Write([]byte("unknot: try `unknot breathe`, `unknot session` or `unknot --help`\n"))
		return err
	}
	return runApp(f, tui.PageHome, nil, nil)
}

// strictHelp makes `unknot help NAME` for a command that does not exist a
// mistake like any other (one line, exit 2), not the main help and 0.
func strictHelp(root *cobra.Command) {
	help, _, err := root.Find([]string{"help"})
	if err != nil || help == root || help.Run == nil {
		return
	}
	show := help.Run
	help.Run = nil
	help.RunE = func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			if _, rest, err := root.Find(args); err != nil || len(rest) > 0 {
				return usageErr("help: no command %q; see unknot --help", strings.Join(args, " "))
			}
		}
		show(c, args)
		return nil
	}
}
