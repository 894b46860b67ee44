package main

import (
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/tui/words"
)

func newSafetyCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "safety",
		Short: "When to stop, and when to see a doctor",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return words.WriteSafety(f.out) },
	}
}
