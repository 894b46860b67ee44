package main

import (
	"strings"
	"testing"
)

// Every mistake on the command line, cobra's and pflag's included, is
// one line of unknot's own: what is wrong, where, what to do; exit status
// 2, nothing on standard output, none of the libraries' words.
func TestCommandLineMistakesAreOneLineOfOurOwn(t *testing.T) {
	weeks := "give a number of weeks from 1 to 2600, e.g. --weeks 6"
	for _, c := range []struct {
		args []string
		want string
	}{
		// flags that exclude each other
		{[]string{"report", "--since", "2026-01-01", "--weeks", "3"}, "report: --since and --weeks both set; give one of them"},
		{[]string{"report", "--weeks", "3", "--since", "2026-01-01"}, "report: --since and --weeks both set; give one of them"},
		{[]string{"history", "--json", "--csv"}, "history: --json and --csv both set; give one of them"},
		{[]string{"history", "--csv", "--json", "--since", "2999-01-01"}, "history: --json and --csv both set; give one of them"},
		// values a flag's type refuses, and out of its range
		{[]string{"report", "--weeks", "1.5"}, `--weeks "1.5": not a whole number; ` + weeks},
		{[]string{"report", "--weeks=", "--plain"}, `--weeks "": not a whole number; ` + weeks},
		{[]string{"report", "--weeks", "six"}, `--weeks "six": not a whole number; ` + weeks},
		{[]string{"report", "--weeks", `"6"`}, `--weeks "\"6\"": not a whole number; ` + weeks},
		{[]string{"report", "--weeks", "99999999999999999999"}, `--weeks "99999999999999999999": out of range; ` + weeks},
		{[]string{"report", "--weeks", "-1"}, "--weeks -1: " + weeks},
		{[]string{"report", "--weeks", "0"}, "--weeks 0: " + weeks},
		{[]string{"report", "--weeks", "99999"}, "--weeks 99999: " + weeks},
		{[]string{"report", "--per-week", "2.5"}, `--per-week "2.5": not a whole number; give the sessions a week you aim for, from 1 to 28`},
		{[]string{"history", "--json=maybe"}, `--json "maybe": --json takes no value; give --json alone`},
		{[]string{"report", "--plain=maybe"}, `--plain "maybe": --plain takes no value; give --plain alone`},
		// flags that don't exist
		{[]string{"report", "--bogus"}, "report: no flag --bogus; see unknot report --help"},
		{[]string{"report", "--bogus=3"}, "report: no flag --bogus; see unknot report --help"},
		{[]string{"history", "import", "--bogus", "x.json"}, "history import: no flag --bogus; see unknot history import --help"},
		{[]string{"breathe", "-x"}, "breathe: no flag -x; see unknot breathe --help"},
		{[]string{"--bogus"}, "no flag --bogus; see unknot --help"},
		{[]string{"-z"}, "no flag -z; see unknot --help"},
		{[]string{"breathe", "---x"}, `breathe: "---x" is not a flag; see unknot breathe --help`},
		// flags without their value
		{[]string{"report", "--weeks"}, "report: --weeks needs a value; " + weeks},
		{[]string{"report", "--since"}, "report: --since needs a value; give a date as YYYY-MM-DD, e.g. 2025-03-01"},
		{[]string{"history", "--since"}, "history: --since needs a value; give a date as YYYY-MM-DD, e.g. 2025-03-01"},
		{[]string{"report", "-o"}, "report: -o needs a value: the file to write (- for standard output)"},
		{[]string{"breathe", "-p"}, "breathe: -p needs a value: inhale-hold-exhale seconds, like 4-7-8"},
		{[]string{"--volume"}, "--volume needs a value: how loud tones and voice are, 0-100 (40)"},
		// commands and arguments
		{[]string{"bogus"}, `no command "bogus"; see unknot --help`},
		{[]string{"brethe"}, `no command "brethe" (did you mean breathe?); see unknot --help`},
		{[]string{"history", "extra"}, `history: no command "extra"; see unknot history --help`},
		{[]string{"breathe", "extra"}, `breathe: takes no arguments, not "extra"; see unknot breathe --help`},
		{[]string{"history", "import"}, "history import: FILE.json missing; usage: unknot history import FILE.json"},
		{[]string{"history", "import", "a.json", "b.json"}, "history import: 2 arguments given; usage: unknot history import FILE.json"},
		{[]string{"routines", "show"}, "routines show: NAME missing; usage: unknot routines show NAME"},
		{[]string{"care", "ice", "heat"}, "care: 2 arguments given; usage: unknot care [ice|heat]"},
		{[]string{"completion", "bash", "x"}, `completion bash: takes no arguments, not "x"; see unknot completion bash --help`},
		{[]string{"man", "x"}, `man: no command "x"; see unknot man --help`},
		{[]string{"help", "bogus"}, `help: no command "bogus"; see unknot --help`},
		{[]string{"help", "history", "bogus"}, `help: no command "history bogus"; see unknot --help`},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, "", c.args...)
			if want := "unknot: " + c.want + "\n"; code != 2 || out != "" || errs != want {
				t.Errorf("exit %d, stdout %q, stderr\n %q\nwant exit 2, nothing, and\n %q", code, out, errs, want)
			}
			for _, noise := range []string{"strconv", "invalid syntax", "invalid argument", "flags in the group",
				"Usage:", "arg(s)", "unknown flag", "unknown command", "flag needs an argument", "(see: "} {
				if strings.Contains(out+errs, noise) {
					t.Errorf("the output says %q: %q", noise, out+errs)
				}
			}
		})
	}
}

// explain, on its own, leaves alone what it does not know, and says what
// it can of a library's error without its command.
func TestExplainWithoutTheCommand(t *testing.T) {
	for in, want := range map[string]string{
		`unknown flag: --bogus`:                "no flag --bogus; see unknot --help",
		`unknown command "x" for "unknot man"`: `man: no command "x"; see unknot man --help`,
		`accepts 1 arg(s), received 0`:         "accepts 1 arg(s), received 0; see unknot --help",
		`cannot write x.html: it is a folder`:  "cannot write x.html: it is a folder",
		`flag needs an argument: 'o' in -o`:    "-o needs a value; see unknot --help",
		`invalid argument "x" for "--weeks" flag: strconv.ParseInt: parsing "x": invalid syntax`: `--weeks "x": not a value it takes; see unknot --help`,
	} {
		if got := explain(nil, errorString(in)).Error(); got != want {
			t.Errorf("explain(%q) = %q, want %q", in, got, want)
		}
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
