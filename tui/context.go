package tui

import (
	"io"
	"time"
)

// Options are the choices a person makes on the command line that every
// screen honours.
type Options struct {
	NoBell        bool   // no BEL on phase changes
	ReducedMotion bool   // text instead of animation
	Theme         string // "auto", "light" or "dark"

	// Now is the clock. Nil means time.Now; tests pass a fixed or fake one.
	Now func() time.Time

	// Trace, when set, gets one line for each event of a coach, with the
	// instant it was scheduled for: what the measurement of issue 14
	// compares the screen against (UNKNOT_TRACE). Nil: nothing is written.
	Trace io.Writer

	Figures *Figures // the pictures of the stretches shown or hidden (session_figure.go); nil: none
}

// now reads the options' clock.
func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// Context is what every screen shares, handed down instead of kept in
// globals: the theme's styles and the options. The window's size is the
// App's, which gives each screen its own with SetSize.
type Context struct {
	Styles Styles
	Opt    Options

	frames frameGrid // the renderer's frame instants, once the program runs
}

// NewContext starts with the theme the options ask for; "auto" starts dark
// and changes when the terminal reports a light background.
func NewContext(opt Options) *Context {
	return &Context{Styles: NewStyles(opt.Theme != "light"), Opt: opt}
}

// SetBackground applies the terminal's reported background, unless the
// person chose a theme.
func (c *Context) SetBackground(dark bool) {
	if c.Opt.Theme == "auto" || c.Opt.Theme == "" {
		c.Styles = NewStyles(dark)
	}
}
