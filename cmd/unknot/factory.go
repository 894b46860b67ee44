package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/sound"
)

// globalFlags are the flags every command shares.
type globalFlags struct {
	plain         bool
	noBell        bool
	theme         string
	reducedMotion bool
	sound         sound.Mode
	volume        int
}

// factory is the one dependencies value every command is built with: the
// streams, the global flags, and what is read from disk, each opened
// lazily on first use and closed only if it was opened. A command that
// never records (--version, --help, safety, routines, a bad flag) never
// creates, migrates or chmods the history or its folder.
type factory struct {
	in          io.Reader
	out, errOut io.Writer
	flags       globalFlags

	catOnce sync.Once
	cat     *routines.Catalog
	catErr  error

	storeOnce sync.Once
	store     *history.Store
	storeErr  error

	setOnce    sync.Once
	set        routines.Settings
	setErr     error
	configPath string
	changed    changedFlag // which flags the command line gave

	journal *history.Journal // nil until a run is recorded
	player  *sound.Player    // nil until a run is paced

	traceOnce sync.Once
	trace     *os.File // UNKNOT_TRACE, for measuring: nil unless asked
}

func newFactory(in io.Reader, out, errOut io.Writer) *factory {
	return &factory{in: in, out: out, errOut: errOut}
}

// catalog reads the built-ins and the person's own routine files, once.
// Files left out are said in one line, once, with where to look.
func (f *factory) catalog() (*routines.Catalog, error) {
	f.catOnce.Do(func() {
		dir, err := routines.RoutinesDir()
		if err != nil {
			f.catErr = asUsage(err)
			return
		}
		f.cat, _, f.catErr = routines.Load(dir)
		if f.catErr == nil {
			if note := f.cat.SkippedNote(); note != "" {
				fmt.Fprintln(f.errOut, "unknot: "+note)
			}
		}
	})
	return f.cat, f.catErr
}

// history opens the history for reading and for the review, once. A
// history that can't be written is still opened to be read.
func (f *factory) history() (*history.Store, error) {
	f.storeOnce.Do(func() {
		dir, err := routines.DataDir()
		if err != nil {
			f.storeErr = asUsage(err)
			return
		}
		// A history that can't be opened even to be read (damaged, not
		// an unknot history, newer) is bad input, as design.md's contract
		// has it: exit status 2.
		f.store, err = history.OpenForReview(dir)
		f.storeErr = asUsage(err)
	})
	return f.store, f.storeErr
}

// recorder is the process's one recording queue, made on first use. It
// opens the history in the background, never in front of a first frame.
func (f *factory) recorder() routines.Journal {
	if f.journal == nil {
		f.journal = history.DefaultJournal()
	}
	return journalSeam{f.journal}
}

// finish closes what was opened, in order: the recording queue first
// (waiting a while for the last writes, then saying where the record went
// if it isn't all in the history), then the history. It returns the exit
// status, made 1 when a run could not be saved at all.
func (f *factory) finish(code int) int {
	if f.player != nil {
		_ = f.player.Drain(3 * time.Second) // the end chime plays out; any other cue ends
	}
	if f.journal != nil {
		c := f.journal.Close(10 * time.Second)
		if msg := c.Message(); msg != "" {
			if c.Saved {
				fmt.Fprintln(f.errOut, msg) // where it went: news, not an error
			} else {
				fmt.Fprintln(f.errOut, "unknot: "+msg)
			}
		}
		for _, line := range c.Kept { // a path and a line of a file: Printable
			fmt.Fprintln(f.errOut, "unknot: "+routines.Printable(line))
		}
		for _, line := range c.Unsaved {
			fmt.Fprintln(f.out, line)
		}
		if !c.Saved && c.Pending == "" && code == 0 {
			code = 1
		}
	}
	if f.store != nil {
		_ = f.store.Close()
	}
	if f.trace != nil {
		_ = f.trace.Close()
	}
	return code
}

// sounds is the process's cue player, made on first use: the mode and
// volume of the flags; its bell goes to ring, and what it can't play is
// said once through notice.
func (f *factory) sounds(ring func(), notice func(string)) *sound.Player {
	if f.player == nil {
		if f.flags.noBell {
			ring = nil
		}
		f.player = sound.New(sound.Options{Mode: f.flags.sound, Volume: f.flags.volume, Bell: ring, OnNotice: notice})
	}
	return f.player
}

// plainSounds is the cue player of the plain front end: the bell goes to
// the terminal, if there is one (never into a pipe or a file), and a
// player that fails is said once on stderr.
func (f *factory) plainSounds() *sound.Player {
	var ring func()
	switch {
	case isTerminal(f.out):
		ring = sound.BellTo(f.out)
	case isTerminal(f.errOut):
		ring = sound.BellTo(f.errOut)
	}
	return f.sounds(ring, func(s string) { fmt.Fprintln(f.errOut, "unknot: "+s) })
}

// journalSeam lets the history's journal serve as the domain's.
type journalSeam struct{ j *history.Journal }

func (s journalSeam) Begin(kind routines.Kind, at time.Time, planned []routines.Exercise, painBefore *int) routines.RunLog {
	return s.j.Begin(kind, at, planned, painBefore)
}

func (s journalSeam) Trouble() error { return s.j.Trouble() }

// options are the screens' options from the global flags.
func (f *factory) options() tui.Options {
	o := tui.Options{NoBell: f.flags.noBell, ReducedMotion: f.flags.reducedMotion, Theme: f.flags.theme}
	// The pictures, shown as config.toml says (read already by every
	// command that shows screens; a file that can't be used: the defaults).
	set, _ := f.settings()
	o.Figures = tui.NewFigures(set.Figure, f.saveFigure)
	if t := f.traceFile(); t != nil {
		o.Trace = t
	}
	return o
}

// traceFile is the file named by UNKNOT_TRACE, where the screens write
// each coach event's scheduled instant for internal/measure to compare
// the screen against; nil when unset. It is opened for appending, 0600,
// without blocking (a FIFO nobody reads is refused, not waited on); one
// that can't be opened is said once and pacing goes on without it.
func (f *factory) traceFile() *os.File {
	f.traceOnce.Do(func() {
		path := os.Getenv("UNKNOT_TRACE")
		if path == "" {
			return
		}
		t, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND|syscall.O_NONBLOCK, 0o600)
		if err != nil {
			fmt.Fprintln(f.errOut, "unknot: UNKNOT_TRACE: "+routines.Printable(err.Error())+" (going on without a trace)")
			return
		}
		f.trace = t
	})
	return f.trace
}

// screens reports whether the full-screen app can run: the output is a
// terminal, and one that can draw (not TERM=dumb, and TERM set).
func (f *factory) screens() bool {
	if !isTerminal(f.out) {
		return false
	}
	t := os.Getenv("TERM")
	return t != "" && t != "dumb"
}

// dumbTerminal reports whether the output is a terminal that can't draw
// screens, so a mode falls back to one line per moment.
func (f *factory) dumbTerminal() bool {
	return isTerminal(f.out) && !f.screens()
}

// plainNote says why a terminal gets plain lines.
func plainNote() string {
	t := os.Getenv("TERM")
	if t == "" {
		t = "unset"
	}
	return "This terminal (TERM=" + strings.TrimSpace(t) + ") can't draw screens: one line per moment, as with --plain."
}
