package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
)

// changedFlag reports whether the command line gave flag name; set by the
// root command before any command runs.
type changedFlag func(name string) bool

// settings are the settings in force: the defaults, config.toml over them,
// then the flags the command line gave (f.flags keeps those). It is read
// once, strictly: every problem of the file is one line with
// file:line:column, exit status 2. Only the commands that pace or show
// screens read it, so that a broken file never keeps `unknot safety` or
// `routines` from working.
func (f *factory) settings() (routines.Settings, error) {
	f.setOnce.Do(func() {
		f.set = routines.DefaultSettings()
		path, err := routines.ConfigPath()
		if err != nil {
			f.setErr = asUsage(err)
			return
		}
		f.configPath = path
		cfg, probs := routines.LoadConfig(path)
		if len(probs) > 0 {
			f.setErr = asUsage(probs)
			return
		}
		if len(cfg.Session) > 0 {
			c, err := f.catalog()
			if err != nil {
				f.setErr = err
				return
			}
			if probs := routines.CheckSession(cfg, c); len(probs) > 0 {
				f.setErr = asUsage(probs)
				return
			}
		}
		f.set = cfg.Over(f.set)
		f.applyFlags()
	})
	return f.set, f.setErr
}

// settingsForBreathing are the settings for the spasm path: a config.toml
// that can't be used is said (each problem on one line, with where) and
// breathing goes on with the defaults, never held up by a settings file.
func (f *factory) settingsForBreathing() routines.Settings {
	set, err := f.settings()
	if err == nil {
		return set
	}
	for line := range strings.SplitSeq(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(f.errOut, "unknot: %s\n", routines.Printable(line))
	}
	fmt.Fprintln(f.errOut, "unknot: breathing with the default settings; fix the file (unknot config) for next time")
	f.set, f.setErr = routines.DefaultSettings(), nil
	f.applyFlags()
	return f.set
}

// applyFlags lays the global flags the command line gave over the
// settings, and the settings over the flags it did not give.
func (f *factory) applyFlags() {
	changed := f.changed
	if changed == nil {
		changed = func(string) bool { return false }
	}
	if changed("theme") {
		f.set.Theme = f.flags.theme
	} else {
		f.flags.theme = f.set.Theme
	}
	if changed("sound") {
		f.set.Sound = f.flags.sound.String()
	} else if err := f.flags.sound.Set(f.set.Sound); err != nil {
		f.set.Sound = f.flags.sound.String() // config.toml's words are the flag's: never here
	}
	if changed("volume") {
		f.set.Volume = f.flags.volume
	} else {
		f.flags.volume = f.set.Volume
	}
}

// sessionNames are the routines of the default session: config.toml's
// session, else routines.DefaultSession.
func (f *factory) sessionRoutines(c *routines.Catalog) ([]routines.Routine, error) {
	s, err := f.settings()
	if err != nil {
		return nil, err
	}
	if len(s.Session) > 0 {
		rs, err := c.Pick(s.Session...)
		return rs, asUsage(err)
	}
	return routines.DefaultSession(c), nil
}

// savePace keeps a pace in config.toml (the breathe screen's k).
func (f *factory) savePace(p float64) error {
	if f.configPath == "" {
		path, err := routines.ConfigPath()
		if err != nil {
			return err
		}
		f.configPath = path
	}
	return routines.SavePace(f.configPath, p)
}

// recentRuns reads a routine's recent sessions for gentle progression.
func (f *factory) recentRuns(name string) ([]routines.PastRun, error) {
	s, err := f.history()
	if err != nil {
		return nil, err
	}
	return s.RecentRuns(name, routines.GoodRunsToStep)
}

// newConfigCmd builds `unknot config`: where config.toml is, and the
// settings in force (the file over the defaults, and the flags given).
func newConfigCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Where config.toml is and the settings in force",
		Long: "Prints where config.toml is and the settings in force: the defaults, the\n" +
			"file over them, and any flags given. The file may hold session (the routines\n" +
			"of the default session, in order), pattern, pace (0.5 to 2), sound, volume\n" +
			"(0-100), theme, checkin and figure (the pictures). A mistake in it is one\n" +
			"line with file:line:column, exit 2.",
		Example: examples(
			"unknot config", "the file and the settings",
			"unknot config --sound off", "what --sound off changes",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := f.settings()
			if err != nil {
				return err
			}
			where := f.configPath
			if _, probs := routines.LoadConfig(where); probs == nil && !fileExists(where) {
				where += " (not there yet: the defaults are in force)"
			}
			if _, err := f.out.Write([]byte("# " + routines.Printable(where) + "\n" + s.String())); err != nil {
				return failed(err)
			}
			return nil
		},
	}
}

// fileExists reports whether path names something on disk.
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
