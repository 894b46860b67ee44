package main

import "github.com/spf13/cobra"

// reportIdleFlags are the global flags that change nothing in a report:
// sound, colours and motion are for the screens. `unknot report` still
// accepts them (a script or alias may pass them to every command), but
// its help leaves them out.
var reportIdleFlags = []string{"sound", "volume", "theme", "no-bell", "reduced-motion"}

// reportPlainUsage is what --plain does in a report.
const reportPlainUsage = "the report as text, to standard output or to the file -o names"

// reportHelp is `unknot report --help` (and `unknot help report`): the
// root's help, fang's, without reportIdleFlags and with --plain described
// for a report. The global flags are shared with every command, so they
// are changed only while this help is written, and put back after: the
// other commands' help is as it was.
func reportHelp(cmd *cobra.Command, args []string) {
	inherited := cmd.InheritedFlags() // merges the global flags into cmd.Flags()
	var undo []func()
	defer func() {
		for _, u := range undo {
			u()
		}
	}()
	for _, name := range reportIdleFlags {
		if fl := inherited.Lookup(name); fl != nil && !fl.Hidden {
			fl.Hidden = true
			undo = append(undo, func() { fl.Hidden = false })
		}
	}
	if fl := inherited.Lookup("plain"); fl != nil {
		usage := fl.Usage
		fl.Usage = reportPlainUsage
		undo = append(undo, func() { fl.Usage = usage })
	}
	if p := cmd.Parent(); p != nil {
		p.HelpFunc()(cmd, args)
		return
	}
	cmd.SetHelpFunc(nil) // on its own (no root): cobra's help
	cmd.HelpFunc()(cmd, args)
}
