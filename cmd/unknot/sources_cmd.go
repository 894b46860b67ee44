package main

import (
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/tui/words"
)

func newSourcesCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "sources",
		Short: "Where the facts come from, by name",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return words.WriteSources(f.out, safetyWidth(f)) },
	}
}
