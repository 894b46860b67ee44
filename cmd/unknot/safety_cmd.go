package main

import (
	"github.com/spf13/cobra"
	"github.com/unknot/unknot/tui"
)

func newSafetyCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "safety",
		Short: "When to stop, and the signs that mean: see a doctor",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return tui.WriteSafety(g.stdout) },
	}
}
