package main

import (
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/tui/words"
)

func newSafetyCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "safety",
		Short: "When to get help now, see a doctor, or stop",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return words.WriteSafetyWidth(f.out, safetyWidth(f)) },
	}
}

// safetyWidth is the width `unknot safety` wraps at: the terminal's when
// it is narrower than words.SafetyWidth, else words.SafetyWidth.
func safetyWidth(f *factory) int {
	if file, ok := f.out.(*os.File); ok && isTerminal(file) {
		if w, _, err := term.GetSize(file.Fd()); err == nil && w > 20 && w < words.SafetyWidth {
			return w
		}
	}
	return words.SafetyWidth
}
