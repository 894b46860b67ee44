package routines

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a routine file, with where it is.
// Line and Column are 1-based; zero means the problem concerns the whole
// file.
type Problem struct {
	File   string
	Line   int
	Column int
	Msg    string
}

// Error formats the problem as file:line:column: message, one line, with
// the file name and message passed through Printable: it is safe to print.
func (p Problem) Error() string {
	file, msg := Printable(p.File), Printable(p.Msg)
	switch {
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, p.Line, p.Column, msg)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, p.Line, msg)
	default:
		return fmt.Sprintf("%s: %s", file, msg)
	}
}

// Problems is every problem found in one or more routine files. It is an
// error whose text has one problem per line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}
