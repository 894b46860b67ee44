package main

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// examples lays out a command's examples for --help as a shell script
// reads: each description is a comment above its command, and a blank
// line ends each pair, so that no description can be read as belonging
// to the command after it, and every line fits 80 columns.
func examples(pairs ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("# " + pairs[i+1] + "\n" + pairs[i])
	}
	return b.String()
}

// helpWidth is the widest line of text a command's help may give: --help
// indents it by 2, and every line must fit an 80-column terminal.
const helpWidth = 78

// fitLong wraps the lines of cmd's long description (and of the commands
// under it) that are wider than helpWidth at a blank, the rest of such a
// line keeping its indentation: for the help text cobra writes (the
// completion commands'); unknot's own texts are written to fit.
func fitLong(cmd *cobra.Command) {
	var b strings.Builder
	for i, line := range strings.Split(cmd.Long, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		for utf8.RuneCountInString(line) > helpWidth {
			cut := strings.LastIndexByte(string([]rune(line)[:helpWidth+1]), ' ')
			if cut <= len(indent) {
				break // one word wider than the line: left as it is
			}
			b.WriteString(line[:cut] + "\n")
			line = indent + strings.TrimLeft(line[cut:], " ")
		}
		b.WriteString(line)
	}
	cmd.Long = b.String()
	for _, sub := range cmd.Commands() {
		fitLong(sub)
	}
}

// helpAsked reports whether args ask for help (--help, -h, or the help
// command), so that its output can be written for a pipe.
func helpAsked(args []string) bool {
	if len(args) > 0 && args[0] == "help" {
		return true
	}
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--help" || a == "-h" {
			return true
		}
	}
	return false
}

// trimLines passes text on a line at a time without the blanks at the
// end of each line: help off a terminal is padded to a width nobody asked
// for. Help asks no questions, so holding a line until its end is safe.
type trimLines struct {
	w   io.Writer
	buf []byte
}

func (t *trimLines) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	for {
		i := bytes.IndexByte(t.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := bytes.TrimRight(t.buf[:i], " ")
		if _, err := t.w.Write(append(line, '\n')); err != nil {
			return 0, err
		}
		t.buf = t.buf[i+1:]
	}
}

// flush writes what is left after the last newline.
func (t *trimLines) flush() error {
	if len(t.buf) == 0 {
		return nil
	}
	_, err := t.w.Write(bytes.TrimRight(t.buf, " "))
	t.buf = nil
	return err
}
