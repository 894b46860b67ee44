package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui/words"
)

// exitError carries an exit status with its message.
type exitError struct {
	code  int
	err   error
	quiet bool // nothing to print: what happened has been said (a signal's end)
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErr is bad usage or bad input: exit status 2.
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// asUsage marks err as bad input: exit status 2.
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: 2, err: err}
}

// failed marks err as a failure: exit status 1.
func failed(err error) error {
	if err == nil {
		return nil
	}
	return &exitError{code: 1, err: err}
}

// exitCode maps an error to the exit status: the code it carries, 2 for
// cobra's own usage errors, the history's own rule for its errors (a
// history that can't be used is bad input: 2; a write that failed: 1),
// else 1.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if isFlagError(err) {
		return 2
	}
	if errors.Is(err, syscall.EPIPE) {
		return 128 + int(syscall.SIGPIPE) // the reader went away (| head): as a shell's pipe would end it
	}
	return history.ExitCode(err)
}

// isFlagError recognises cobra's and pflag's own usage errors, which carry
// no type of their own.
func isFlagError(err error) bool {
	s := err.Error()
	for _, prefix := range []string{"unknown flag", "unknown shorthand flag", "unknown command",
		"flag needs an argument", "invalid argument", "accepts ", "requires ", "if any flags in the group",
		"bad flag syntax"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// printError writes the error as plain lines, each prefixed "unknot: ",
// never styled and never with a raw control character: it must read well
// in a pipe and a screen reader, and what came from outside (a file name,
// a flag's value) can't move the cursor. cobra's and pflag's own errors
// are mostly explained where they arise, knowing their command
// (flagError, explainArgs, flagGroups); one that was not is explained
// here as well as it can be without it.
func printError(w io.Writer, _ fang.Styles, err error) {
	var ee *exitError
	if errors.As(err, &ee) && ee.quiet {
		return
	}
	if errors.Is(err, syscall.EPIPE) {
		return // `unknot history | head -3`: the reader has what it wanted
	}
	if !errors.As(err, &ee) && isFlagError(err) {
		err = explain(nil, err)
	}
	msg := strings.TrimRight(err.Error(), "\n")
	for line := range strings.SplitSeq(msg, "\n") {
		fmt.Fprintf(w, "unknot: %s\n", routines.Printable(line))
	}
}

// hintKey is the annotation of a flag that says what to give it, in
// words that follow a semicolon: "give a number of weeks from 1 to 2600,
// e.g. --weeks 6". A mistake with the flag ends with it.
const hintKey = "unknot_hint"

// setHint says what to give cmd's flag name, for its mistakes.
func setHint(cmd *cobra.Command, name, hint string) {
	if err := cmd.Flags().SetAnnotation(name, hintKey, []string{hint}); err != nil {
		panic(err) // a flag that does not exist: a mistake in this program
	}
}

// flagError is every command's FlagErrorFunc: pflag's error, explained.
func flagError(cmd *cobra.Command, err error) error { return asUsage(explain(cmd, err)) }

// explainArgs makes the argument checks of cmd and of every command under
// it say their mistakes in unknot's words.
func explainArgs(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			if err := check(c, args); err != nil {
				return asUsage(explain(c, err))
			}
			return nil
		}
	}
	for _, sub := range cmd.Commands() {
		explainArgs(sub)
	}
}

// flagGroups checks cmd's groups of flags that exclude each other (cobra
// would, after this, in its own words), in unknot's words.
func flagGroups(cmd *cobra.Command) error {
	if err := cmd.ValidateFlagGroups(); err != nil {
		return asUsage(explain(cmd, err))
	}
	return nil
}

// The errors of cobra and pflag that explain rewrites.
var (
	exclusiveGroup = regexp.MustCompile(`^if any flags in the group \[([^\]]*)\] are set none of the others can be; \[([^\]]*)\] were all set`)
	needsValue     = regexp.MustCompile(`^flag needs an argument: (?:'(.)' in -.*|--(.+))$`)
	unknownFlag    = regexp.MustCompile(`^unknown flag: (--.*)$`)
	unknownShort   = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (-.*)$`)
	badSyntax      = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	unknownCommand = regexp.MustCompile(`^unknown command "(.*)" for "([^"]*)"`)
	argCount       = regexp.MustCompile(`^(accepts|accepts at most|requires at least|accepts between) (\d+)(?: and \d+)? arg\(s\), (?:only )?received (\d+)$`)
	pflagInvalid   = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag: (.*)$`)
)

// explain rewrites a usage error of cobra or pflag as one line of unknot's
// own: what is wrong, where (the command, when not the root; the flag and
// its value) and what to do. cmd is the command it is about (nil: not
// known). Any other error is returned as it is.
func explain(cmd *cobra.Command, err error) error {
	msg := err.Error()
	where, see := "", "see unknot --help"
	if cmd != nil {
		if cmd.HasParent() {
			where = strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ") + ": "
		}
		see = "see " + cmd.CommandPath() + " --help"
	}
	if m := pflagInvalid.FindStringSubmatch(msg); m != nil {
		value, uerr := strconv.Unquote(`"` + m[1] + `"`) // pflag quoted it
		if uerr != nil {
			value = m[1]
		}
		return errors.New(badValue(cmd, m[2], value, m[3], see))
	}
	if m := exclusiveGroup.FindStringSubmatch(msg); m != nil {
		set := strings.Fields(m[2])
		var both []string
		for _, name := range strings.Fields(m[1]) { // in the order the command gives them
			if slices.Contains(set, name) {
				both = append(both, "--"+name)
			}
		}
		what := "both set"
		if len(both) > 2 {
			what = "all set"
		}
		return fmt.Errorf("%s%s %s; give one of them", where, andList(both), what)
	}
	if m := needsValue.FindStringSubmatch(msg); m != nil {
		name, shown := m[2], "--"+m[2]
		if m[1] != "" {
			shown = "-" + m[1]
		}
		fl := lookupFlag(cmd, name, m[1])
		switch {
		case fl.hint != "":
			return fmt.Errorf("%s%s needs a value; %s", where, shown, fl.hint)
		case fl.usage != "":
			return fmt.Errorf("%s%s needs a value: %s", where, shown, fl.usage)
		}
		return fmt.Errorf("%s%s needs a value; %s", where, shown, see)
	}
	if m := unknownFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%sno flag %s; %s", where, strings.SplitN(m[1], "=", 2)[0], see)
	}
	if m := unknownShort.FindStringSubmatch(msg); m != nil {
		in := ""
		if m[2] != "-"+m[1] {
			in = " (in " + m[2] + ")"
		}
		return fmt.Errorf("%sno flag -%s%s; %s", where, m[1], in, see)
	}
	if m := badSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s%q is not a flag; %s", where, m[1], see)
	}
	if m := unknownCommand.FindStringSubmatch(msg); m != nil {
		if cmd == nil { // the command is named in the message: "unknot man"
			if _, sub, ok := strings.Cut(m[2], " "); ok {
				where = sub + ": "
			}
			return fmt.Errorf("%sno command %q; see %s --help", where, m[1], m[2])
		}
		if !cmd.HasAvailableSubCommands() {
			return fmt.Errorf("%stakes no arguments, not %q; %s", where, m[1], see)
		}
		if cmd.SuggestionsMinimumDistance <= 0 {
			cmd.SuggestionsMinimumDistance = 2 // cobra's own default
		}
		mean := ""
		if s := cmd.SuggestionsFor(m[1]); len(s) > 0 {
			mean = " (did you mean " + s[0] + "?)"
		}
		return fmt.Errorf("%sno command %q%s; %s", where, m[1], mean, see)
	}
	if m := argCount.FindStringSubmatch(msg); m != nil && cmd != nil {
		least, _ := strconv.Atoi(m[2])
		got, _ := strconv.Atoi(m[3])
		usage := "usage: " + strings.TrimSuffix(cmd.UseLine(), " [flags]")
		if m[1] == "accepts at most" {
			least = 0
		}
		_, wants, _ := strings.Cut(cmd.Use, " ")
		if got < least && wants != "" {
			return fmt.Errorf("%s%s missing; %s", where, wants, usage)
		}
		return fmt.Errorf("%s%s given; %s", where, words.Plural(got, "argument"), usage)
	}
	if isFlagError(err) {
		return fmt.Errorf("%s%s; %s", where, msg, see)
	}
	return err
}

// badValue is the line for a value a flag's parser refused: the parser's
// own words when they name the flag and say what to do (`volume "1000":
// not a whole number ...`, as --volume's do), else what kind of value it
// is not, and what to give.
func badValue(cmd *cobra.Command, name, value, why, see string) string {
	if strings.HasPrefix(why, name+" ") {
		return "--" + why
	}
	fl := lookupFlag(cmd, name, "")
	kind := fl.kind
	what := "not a value it takes"
	switch {
	case strings.Contains(why, "value out of range"):
		what = "out of range"
	case kind == "bool":
		return fmt.Sprintf("--%s %q: --%s takes no value; give --%s alone", name, value, name, name)
	case strings.HasPrefix(kind, "int") || strings.HasPrefix(kind, "uint"):
		what = "not a whole number"
	case strings.HasPrefix(kind, "float"):
		what = "not a number"
	case kind == "duration":
		what = "not a length of time, like 90s"
	}
	hint := fl.hint
	if hint == "" {
		hint = see
	}
	return fmt.Sprintf("--%s %q: %s; %s", name, value, what, hint)
}

// flagInfo is what a mistake with a flag can say of it: the kind of
// value it takes (pflag's type name), its usage and its hint (setHint).
type flagInfo struct{ kind, usage, hint string }

// lookupFlag finds a flag of cmd (its own or inherited) by name or by
// shorthand; nothing when there is none, or no cmd.
func lookupFlag(cmd *cobra.Command, name, short string) flagInfo {
	if cmd == nil {
		return flagInfo{}
	}
	fl := cmd.Flag(name)
	if len(short) == 1 { // pflag's shorthands are one byte
		if fl = cmd.Flags().ShorthandLookup(short); fl == nil {
			fl = cmd.InheritedFlags().ShorthandLookup(short)
		}
	}
	if fl == nil {
		return flagInfo{}
	}
	info := flagInfo{kind: fl.Value.Type(), usage: fl.Usage}
	if h := fl.Annotations[hintKey]; len(h) > 0 {
		info.hint = h[0]
	}
	return info
}

// andList is "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
