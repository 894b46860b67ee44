package tui

import "github.com/charmbracelet/x/ansi"

// stripANSI removes colour and style sequences, leaving the text a person reads.
func stripANSI(s string) string { return ansi.Strip(s) }
