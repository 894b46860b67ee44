package main

import (
	"fmt"

	"github.com/unknot/unknot/tui"
)

// The home screen (`unknot` with no arguments) only chooses: it returns a
// tui.HomeChoice, and runHomeChoice runs that mode as if its command had
// been typed (session with the picked routines, breathe, history), with the
// same global flags. One choice, one mode, then the program ends.
func init() { runHome = homeScreen }

func homeScreen(g *globals) error {
	if g.plain || !isTerminal(g.stdout) {
		_, _ = fmt.Fprintln(g.stdout, "unknot: try `unknot breathe`, `unknot session` or `unknot --help`")
		return nil
	}
	c, err := loadCatalog(g)
	if err != nil {
		return err
	}
	rs, _ := c.Pick(c.Names()...)
	_, today := sessionHistory(g)
	opt := tui.Options{NoBell: g.noBell, ReducedMotion: g.reducedMotion, Theme: g.theme}
	final, err := tui.Run(tui.NewHome(tui.NewContext(opt), rs, today), keyboard(g.stdin), g.stdout)
	if err != nil {
		return err
	}
	h, ok := final.(*tui.Home)
	if !ok {
		return nil
	}
	return runHomeChoice(g, h.Choice())
}

// runHomeChoice runs the chosen mode through the command tree, so that it
// behaves exactly as the typed command would.
func runHomeChoice(g *globals, ch tui.HomeChoice) error {
	if ch.Mode == "" {
		return nil
	}
	if ch.Mode == "session" {
		return runSession(g, ch.Routines, false)
	}
	// Building the tree resets the flag variables to their defaults: build
	// it over a copy, then put the person's global choices back.
	g2 := *g
	root := newRoot(&g2)
	g2 = *g
	cmd, _, err := root.Find([]string{ch.Mode})
	if err != nil || cmd == root || cmd.RunE == nil {
		_, _ = fmt.Fprintf(g.stdout, "unknot: %s is not here yet\n", ch.Mode)
		return nil
	}
	return cmd.RunE(cmd, nil)
}
