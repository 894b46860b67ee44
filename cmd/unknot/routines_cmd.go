package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui/words"
)

func newRoutinesCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "routines",
		Short: "List, show and check stretch routines",
		Long: "Routines are the built-in stretches and your own TOML files in\n" +
			"<config dir>/unknot/routines/ ($UNKNOT_HOME/routines/ when set).\n" +
			"A file with a built-in's name replaces it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return listRoutines(f) },
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "list",
			Short: "List every routine and where it comes from",
			Args:  cobra.NoArgs,
			RunE:  func(cmd *cobra.Command, _ []string) error { return listRoutines(f) },
		},
		&cobra.Command{
			Use:   "show NAME",
			Short: "Show how a routine goes, step by step",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				c, err := f.catalog()
				if err != nil {
					return err
				}
				rs, err := c.Pick(args[0])
				if err != nil {
					return asUsage(err)
				}
				return words.WriteRoutine(f.out, rs[0], f.pictures())
			},
		},
		&cobra.Command{
			Use:   "check [FILE|DIR]...",
			Short: "Check routine files, or your routines folder",
			Args:  cobra.ArbitraryArgs,
			RunE:  func(cmd *cobra.Command, args []string) error { return checkRoutines(f, args) },
		},
	)
	return cmd
}

func listRoutines(f *factory) error {
	c, err := f.catalog()
	if err != nil {
		return err
	}
	return words.WriteRoutineList(f.out, c)
}

// checkRoutines checks each path (a folder: each *.toml in it), or the
// person's routines folder; every problem goes to stderr with its
// position, and any problem makes the exit status 2.
func checkRoutines(f *factory, paths []string) error {
	if len(paths) == 0 {
		dir, err := routines.RoutinesDir()
		if err != nil {
			return asUsage(err)
		}
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(f.out, "no routine files in %s\n", routines.Printable(dir))
			return nil
		}
		paths = []string{dir}
	}
	bad := 0
	for _, c := range routines.Check(paths...) {
		switch {
		case len(c.Problems) > 0:
			bad++
			for _, p := range c.Problems {
				fmt.Fprintln(f.errOut, "unknot: "+p.Error())
			}
		case c.Folder:
			fmt.Fprintf(f.out, "%s: no routine files (*.toml)\n", routines.Printable(c.Path))
		default:
			fmt.Fprintf(f.out, "%s: ok (%s, %s)\n", routines.Printable(c.Path), c.Routine.Name, words.Clock(words.RoutineTime(c.Routine)))
			if note := words.GrowthNote(c.Routine); note != "" {
				fmt.Fprintf(f.out, "%s: %s\n", routines.Printable(c.Path), note)
			}
		}
	}
	if bad > 0 {
		return &exitError{code: 2, err: fmt.Errorf("%s with problems: fix them, then run `unknot routines check` again", words.Plural(bad, "file"))}
	}
	return nil
}

// saveFigure keeps the pictures shown or hidden in config.toml (the v key).
func (f *factory) saveFigure(show bool) error {
	path := f.configPath
	if path == "" {
		p, err := routines.ConfigPath()
		if err != nil {
			return err
		}
		path = p
	}
	return routines.SaveFigure(path, show)
}

// pictures is how `routines show` prints a figure: none with --plain (a
// screen reader reads braille as noise), no colour into a pipe or with
// NO_COLOR, faint far limbs on a terminal.
func (f *factory) pictures() words.Pictures {
	switch {
	case f.flags.plain:
		return words.NoPictures
	case !f.screens() || os.Getenv("NO_COLOR") != "":
		return words.PlainPictures
	}
	return words.ColourPictures
}
