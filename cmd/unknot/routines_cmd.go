package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/tui"
)

func newRoutinesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "routines",
		Short: "List, show and check stretch routines",
		Long: "Routines are the built-in stretches and your own TOML files in\n" +
			"<config dir>/unknot/routines/ ($UNKNOT_HOME/routines/ when set).\n" +
			"A file with a built-in's name replaces it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return listRoutines(g) },
	}
	cmd.AddCommand(
		&cobra.Command{
			Use:   "list",
			Short: "List every routine and where it comes from",
			Args:  cobra.NoArgs,
			RunE:  func(cmd *cobra.Command, _ []string) error { return listRoutines(g) },
		},
		&cobra.Command{
			Use:   "show NAME",
			Short: "Show a routine's steps, hold, reps, sides, breathing and time",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				c, err := loadCatalog(g)
				if err != nil {
					return err
				}
				rs, err := c.Pick(args[0])
				if err != nil {
					return asUsage(err)
				}
				return tui.WriteRoutine(g.stdout, rs[0])
			},
		},
		&cobra.Command{
			Use:   "check FILE...",
			Short: "Check routine files and print every problem with its position",
			Args:  cobra.MinimumNArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				var all routines.Problems
				for _, path := range args {
					r, probs := routines.ReadRoutineFile(path)
					if len(probs) > 0 {
						all = append(all, probs...)
						continue
					}
					fmt.Fprintf(g.stdout, "%s: ok (%s, %s)\n", path, r.Name, tui.Clock(tui.RoutineTime(r)))
				}
				if len(all) > 0 {
					return asUsage(all)
				}
				return nil
			},
		},
	)
	return cmd
}

func listRoutines(g *globals) error {
	c, err := loadCatalog(g)
	if err != nil {
		return err
	}
	return tui.WriteRoutineList(g.stdout, c)
}

// loadCatalog reads the built-ins and the person's own routine files. A bad
// file is reported on stderr and left out; it never stops the others.
func loadCatalog(g *globals) (*routines.Catalog, error) {
	dir, err := routines.RoutinesDir()
	if err != nil {
		return nil, asUsage(err)
	}
	c, probs, err := routines.Load(dir)
	if err != nil {
		return nil, err
	}
	for _, p := range probs {
		fmt.Fprintf(g.stderr, "unknot: skipping a routine file: %s\n", p.Error())
	}
	return c, nil
}
