package main

import "strings"

// examples lays out a command's examples for --help: each command on its
// own line, its description on the next, indented, so that a description
// is never read as part of the command and every line fits 80 columns.
func examples(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("  " + pairs[i] + "\n      # " + pairs[i+1])
	}
	return b.String()
}
