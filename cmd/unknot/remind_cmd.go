package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/remind"
	"github.com/unknot/unknot/tui/words"
)

// newRemindCmd builds `unknot remind` and its subcommands.
func newRemindCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "remind",
		Short: "Reminders: stretch, breathe, move, ice or heat",
		Long: "Shows the reminders in force and whether this system will deliver them.\n" +
			"Reminders are kept in config.toml ([[remind]] tables) and handed to the\n" +
			"system's own scheduler (systemd user timers on Linux, launchd on macOS),\n" +
			"so they fire with no unknot running, as a desktop notification. They stay\n" +
			"quiet in the quiet hours (quiet = \"21:00-08:00\" in config.toml), within an\n" +
			"hour after a session, and once the day's planned sessions are done (one per\n" +
			"session reminder). A care reminder speaks when ice or heat becomes due.\n" +
			"`unknot remind off` removes every reminder unknot installed.",
		Example: examples(
			"unknot remind", "the reminders, and whether they will fire",
			"unknot remind add 08:30 --days mon-fri", "a stretch session on weekday mornings",
			"unknot remind add 15:00 --what move", "get up and move, every afternoon",
			"unknot remind add --what care", "ice or heat, when the care plan says it is due",
			"unknot remind test", "show one reminder now",
			"unknot remind off", "remove them all",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runRemindList(f, remindSystem()) },
	}
	cmd.AddCommand(newRemindAddCmd(f), newRemindRemoveCmd(f), newRemindOffCmd(f), newRemindTestCmd(f))
	return cmd
}

// remindAdd is what `remind add` was asked.
type remindAdd struct {
	days, what, id string
}

func newRemindAddCmd(f *factory) *cobra.Command {
	o := &remindAdd{}
	cmd := &cobra.Command{
		Use:   "add [HH:MM]",
		Short: "Add one (a care reminder takes no time)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := o.reminder(args)
			if err != nil {
				return err
			}
			return runRemindAdd(f, remindSystem(), r)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.days, "days", "daily", "daily, weekdays, weekends, mon-fri, mon,wed,fri")
	fl.StringVar(&o.what, "what", "session", "session, breathe, move or care")
	fl.StringVar(&o.id, "id", "", "a name for it (default: what and time, like session-0830)")
	return cmd
}

// reminder checks the arguments: each mistake is one line, exit 2. The
// parsers quote what they were given, escaped (so it is not escaped here
// first: that showed "a\\x1b" for "a\x1b").
func (o *remindAdd) reminder(args []string) (routines.Reminder, error) {
	r := routines.Reminder{At: routines.NoClock}
	w, err := routines.ParseNudge(o.what)
	if err != nil {
		return r, usageErr("--what: %v", err)
	}
	r.What = w
	if r.Days, err = routines.ParseWeekdays(o.days); err != nil {
		return r, usageErr("--%v", err)
	}
	switch {
	case w == routines.NudgeCare && len(args) == 1:
		return r, usageErr("remind add %s --what care: a care reminder follows the care plan's next due time; leave out the time", routines.Printable(args[0]))
	case w != routines.NudgeCare && len(args) == 0:
		return r, usageErr("remind add: give the time of day, like `unknot remind add 08:30`")
	case len(args) == 1:
		if r.At, err = routines.ParseClock(args[0]); err != nil {
			return r, usageErr("remind add: %v", err)
		}
	}
	r.ID = routines.ReminderID(r.What, r.At)
	if o.id != "" {
		if err := routines.CheckReminderID(o.id); err != nil {
			return r, usageErr("--id: %v", err)
		}
		r.ID = o.id
	}
	return r, nil
}

// remindConfig reads config.toml strictly: a problem is one line with
// its position, exit 2, and nothing is changed.
func remindConfig() (string, routines.Config, error) {
	path, err := routines.ConfigPath()
	if err != nil {
		return "", routines.Config{}, asUsage(err)
	}
	cfg, probs := routines.LoadConfig(path)
	if len(probs) > 0 {
		return path, cfg, asUsage(probs)
	}
	return path, cfg, nil
}

// lockConfig takes config.toml's lock for a change of the reminders, so
// that reading config.toml, installing or removing the scheduler's files
// and writing config.toml is one step no other unknot's change comes
// into (two `remind add` run at once each kept only its own). Another
// unknot holding it past routines.ConfigLockWait is one line, exit 1.
func lockConfig() (unlock func(), err error) {
	path, err := routines.ConfigPath()
	if err != nil {
		return nil, asUsage(err)
	}
	if unlock, err = routines.LockConfig(path); err != nil {
		return nil, failed(err)
	}
	return unlock, nil
}

// remindEnv is where the scheduler's files go and what they run.
func remindEnv(d remindDeps) (remind.Env, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return remind.Env{}, failed(fmt.Errorf("no home folder to put reminders in: %v", err))
	}
	cfgHome := os.Getenv("XDG_CONFIG_HOME")
	if cfgHome == "" || !filepath.IsAbs(cfgHome) {
		cfgHome = filepath.Join(home, ".config")
	}
	exe, err := d.exe()
	if err != nil {
		return remind.Env{}, failed(fmt.Errorf("cannot tell where the unknot program is, for the scheduler to run it: %v", err))
	}
	// The nudge reads the files this command reads, though the scheduler
	// starts it in another folder: each folder absolute.
	vars, err := routines.PlaceEnv()
	if err != nil {
		return remind.Env{}, failed(fmt.Errorf("cannot tell where unknot's files are, for the reminder to find them: %v", err))
	}
	return remind.Env{Home: home, ConfigHome: cfgHome, UID: os.Getuid(), Exe: exe, Vars: vars, Run: d.runner}, nil
}

// noScheduler is what `remind add` says where nothing can fire reminders.
func noScheduler(why string, cron bool) error {
	install := ""
	if !cron {
		install = " (cron is not installed either: install it first, like apt install cron)"
	}
	return failed(fmt.Errorf("could not install the reminder: %s, and this is not macOS with launchd, so nothing here can fire it; nothing was written (config.toml is unchanged). To have cron fire it instead, add the line above to your crontab with crontab -e%s", why, install))
}

func runRemindAdd(f *factory, d remindDeps, r routines.Reminder) error {
	unlock, err := lockConfig()
	if err != nil {
		return err
	}
	defer unlock()
	path, cfg, err := remindConfig()
	if err != nil {
		return err
	}
	if q := cfg.Remind.QuietOrDefault(); remind.InQuiet(r, q) {
		return usageErr("remind add %s: inside the quiet hours (%s), when no reminder speaks; pick a time outside them or change quiet in config.toml", r.At, q)
	}
	list, old, had := replaced(cfg.Remind.Reminders, r)
	if len(list) > routines.MaxReminders {
		return usageErr("remind add: config.toml already holds %d reminders, the most it may; remove one first (unknot remind remove ID)", routines.MaxReminders)
	}
	env, err := remindEnv(d)
	if err != nil {
		return err
	}
	s, why := remind.Detect(env, d.goos)
	if s == nil {
		fmt.Fprintln(f.out, routines.Printable(remind.CrontabLine(r, env)))
		_, err := d.runner.LookPath("crontab")
		return noScheduler(why, err == nil)
	}
	if err := remind.Install(s, r); err != nil {
		return failed(fmt.Errorf("could not install the reminder %s: %v; nothing of it was left installed", r.ID, err))
	}
	if err := routines.SaveReminders(path, list); err != nil {
		if had {
			_ = remind.Install(s, old)
		} else {
			_, _ = remind.Remove(s, r.ID)
		}
		return failed(fmt.Errorf("%v; the reminder was not added", err))
	}
	verb := "Added"
	if had {
		verb = "Kept"
		if old != r {
			verb = "Changed"
		}
	}
	now := d.now()
	fmt.Fprintf(f.out, "%s reminder %s: %s, %s. Next: %s.\n", verb, r.ID, r.What, remind.Describe(r), whenNext(r, now, cfg.Remind.QuietOrDefault()))
	fmt.Fprintf(f.out, "Fired by %s (%s); quiet hours %s.\n", s.Name(), routines.Printable(s.Dir()), cfg.Remind.QuietOrDefault())
	if _, err := d.notifier(); err != nil {
		fmt.Fprintf(f.out, "But no notification can be shown here yet: %v.\n", err)
	}
	if tmp := os.TempDir(); strings.HasPrefix(env.Exe, filepath.Clean(tmp)+string(filepath.Separator)) {
		fmt.Fprintf(f.out, "Note: the scheduler runs %s, in a temporary folder (go run?); install unknot and add the reminder again, or it will fail once that file is gone.\n", routines.Printable(env.Exe))
	}
	fmt.Fprintf(f.out, "`unknot remind remove %s` takes it away; `unknot remind off` removes them all.\n", r.ID)
	return nil
}

// replaced is the reminders with r in place of the one with its id, or
// added at the end; old is the one replaced.
func replaced(list []routines.Reminder, r routines.Reminder) (out []routines.Reminder, old routines.Reminder, had bool) {
	for _, x := range list {
		if x.ID == r.ID {
			old, had = x, true
			out = append(out, r)
			continue
		}
		out = append(out, x)
	}
	if !had {
		out = append(out, r)
	}
	return out, old, had
}

// whenNext says when reminder r next fires outside the quiet hours q (a
// care reminder's first look at the care plan that can speak), on now's
// clock.
func whenNext(r routines.Reminder, now time.Time, q routines.QuietHours) string {
	t := remind.NextSpoken(r, now, q)
	if t.IsZero() {
		return "never"
	}
	when := t.Format("Mon 2 Jan 15:04")
	y, m, dd := now.Date()
	switch ty, tm, td := t.Date(); {
	case ty == y && tm == m && td == dd:
		when = "today " + t.Format("15:04")
	case t.Sub(time.Date(y, m, dd, 0, 0, 0, 0, now.Location())) < 48*time.Hour:
		when = "tomorrow " + t.Format("15:04")
	}
	if r.What == routines.NudgeCare {
		return "a look at the care plan " + when
	}
	return when
}

func newRemindRemoveCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID",
		Short: "Remove one reminder",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRemindRemove(f, remindSystem(), routines.Printable(args[0]))
		},
	}
}

// runRemindRemove takes one reminder out of the scheduler and out of
// config.toml. An id that is in neither is bad input, exit 2.
func runRemindRemove(f *factory, d remindDeps, id string) error {
	unlock, err := lockConfig()
	if err != nil {
		return err
	}
	defer unlock()
	path, cfg, err := remindConfig()
	if err != nil {
		return err
	}
	keep, found := without(cfg.Remind.Reminders, id)
	env, err := remindEnv(d)
	if err != nil {
		return err
	}
	s, why := remind.Detect(env, d.goos)
	installed := false
	for _, sc := range schedulersFor(s, env) {
		installed = installed || remind.Has(sc, id)
	}
	if !found && !installed {
		return usageErr("remind remove %s: no such reminder; %s (see `unknot remind`)", id, knownIDs(cfg.Remind.Reminders))
	}
	var warnings []string
	for _, sc := range schedulersFor(s, env) {
		had := remind.Has(sc, id)
		untold, err := remind.Remove(sc, id)
		if err != nil {
			return failed(fmt.Errorf("could not remove the reminder %s: %v", id, err))
		}
		if w := untoldWarning(d, s, sc, why, had, untold); w != "" {
			warnings = append(warnings, w)
		}
	}
	if found {
		if err := routines.SaveReminders(path, keep); err != nil {
			return failed(fmt.Errorf("the reminder %s will not fire any more, but %v", id, err))
		}
	}
	fmt.Fprintf(f.out, "Removed the reminder %s.\n", id)
	for _, w := range warnings {
		fmt.Fprintln(f.errOut, w)
	}
	return nil
}

// without is the reminders but the one with id, and whether it was there.
func without(list []routines.Reminder, id string) (keep []routines.Reminder, found bool) {
	for _, r := range list {
		if r.ID == id {
			found = true
			continue
		}
		keep = append(keep, r)
	}
	return keep, found
}

// knownIDs says which reminders there are.
func knownIDs(list []routines.Reminder) string {
	if len(list) == 0 {
		return "there are none"
	}
	ids := make([]string, len(list))
	for i, r := range list {
		ids[i] = r.ID
	}
	return "the reminders are " + strings.Join(ids, ", ")
}

// schedulersFor are the schedulers whose files to look through: the one
// of this system, else both kinds, as files only (nothing to tell).
func schedulersFor(s remind.Scheduler, env remind.Env) []remind.Scheduler {
	if s != nil {
		return []remind.Scheduler{s}
	}
	return []remind.Scheduler{remind.FilesOnly{Scheduler: remind.Systemd{Env: env}}, remind.FilesOnly{Scheduler: remind.Launchd{Env: env}}}
}

func newRemindOffCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "off",
		Short: "Remove every reminder unknot installed",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runRemindOff(f, remindSystem()) },
	}
}

// runRemindOff removes every file unknot installed, then takes the
// [[remind]] tables out of config.toml, saying how to bring them back. A
// config.toml with problems does not keep the files from going.
func runRemindOff(f *factory, d remindDeps) error {
	if unlock, err := lockConfig(); err == nil {
		defer unlock()
	} else if exitCode(err) == 1 {
		return err // another unknot is changing config.toml
	} // no config folder at all: the files go all the same
	env, err := remindEnv(d)
	if err != nil {
		return err
	}
	s, why := remind.Detect(env, d.goos)
	var removed, warnings []string
	for _, sc := range schedulersFor(s, env) {
		files, untold, err := remind.RemoveAll(sc)
		for _, name := range files {
			removed = append(removed, filepath.Join(sc.Dir(), name))
		}
		if err != nil {
			return failed(fmt.Errorf("could not remove every reminder: %v", err))
		}
		if w := untoldWarning(d, s, sc, why, len(files) > 0, untold); w != "" {
			warnings = append(warnings, w)
		}
	}
	if len(removed) == 0 {
		fmt.Fprintln(f.out, "No reminder of unknot's is installed.")
	} else {
		fmt.Fprintf(f.out, "Removed %s of unknot's reminders:\n", words.Plural(len(removed), "file"))
		for _, p := range removed {
			fmt.Fprintln(f.out, "  "+routines.Printable(p))
		}
	}
	for _, w := range warnings {
		fmt.Fprintln(f.errOut, w)
	}
	path, cfg, err := remindConfig()
	if err != nil {
		return failed(fmt.Errorf("%v\nconfig.toml's [[remind]] tables were left as they are; nothing will fire them", err))
	}
	if len(cfg.Remind.Reminders) > 0 {
		if err := routines.SaveReminders(path, nil); err != nil {
			return failed(err)
		}
		fmt.Fprintf(f.out, "Took %s out of %s. To bring them back:\n", words.Plural(len(cfg.Remind.Reminders), "reminder"), routines.Printable(path))
		for _, r := range cfg.Remind.Reminders {
			fmt.Fprintln(f.out, "  "+remind.AddCommand(r))
		}
	}
	if s == nil {
		fmt.Fprintln(f.out, "If you added a crontab line for unknot, remove it with `crontab -e`.")
	}
	return nil
}

// untoldWarning is the warning after scheduler sc's files of reminders
// were removed (removed: there were some): the files are gone, but a
// scheduler that did not hear of it may still run what it loaded. It
// did not when telling it failed (untold), or when this system's
// scheduler could not be reached at all (s nil, for why: no user
// session, systemctl gone) on a system where sc's is the one. "" when
// there is nothing to warn of, or nothing to run by hand.
func untoldWarning(d remindDeps, s, sc remind.Scheduler, why string, removed bool, untold error) string {
	hand := remind.HandCommand(sc)
	switch {
	case !removed || hand == "":
		return ""
	case untold != nil:
		return offWarning(sc, untold.Error(), hand)
	case s == nil && d.goos != "darwin":
		return offWarning(sc, why, hand)
	}
	return ""
}

// offWarning says that scheduler sc was not told its files are gone, why,
// and what to run by hand: one line.
func offWarning(sc remind.Scheduler, why, hand string) string {
	return fmt.Sprintf("unknot: warning: the files are removed, but %s could not be told (%s), so a timer it has loaded may still fire; where `systemctl --user` works, run: %s",
		sc.Name(), routines.Printable(why), hand)
}

func newRemindTestCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "test [WHAT]",
		Short: "Show one reminder now, to see how it looks",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			what := routines.NudgeSession
			if len(args) == 1 {
				w, err := routines.ParseNudge(args[0])
				if err != nil {
					return usageErr("remind test: %v", err)
				}
				what = w
			}
			return runRemindTest(f, remindSystem(), what)
		},
	}
}

// runRemindTest shows a reminder now, whatever the hour and the history.
func runRemindTest(f *factory, d remindDeps, what routines.Nudge) error {
	now := d.now()
	facts, _ := nudgeFacts(now)
	advice, ok := facts.Advice(now)
	title, body := remind.Message(what, sessionLength(f), advice, ok)
	how, err := d.notify(title, body)
	if err != nil {
		return failed(fmt.Errorf("could not show the reminder: %v", err))
	}
	fmt.Fprintf(f.out, "Shown by %s:\n%s\n%s\n", how, title, body)
	return nil
}

// runRemindList says the reminders in force and whether they will fire.
func runRemindList(f *factory, d remindDeps) error {
	path, cfg, err := remindConfig()
	if err != nil {
		return err
	}
	env, err := remindEnv(d)
	if err != nil {
		return err
	}
	now := d.now()
	s, why := remind.Detect(env, d.goos)
	rs := cfg.Remind.Reminders
	w := f.out
	if len(rs) == 0 {
		fmt.Fprintf(w, "No reminders in %s. Add one: unknot remind add 08:30 --days mon-fri\n", routines.Printable(path))
	} else {
		fmt.Fprintf(w, "Reminders in %s:\n", routines.Printable(path))
	}
	quiet := cfg.Remind.QuietOrDefault()
	for _, r := range rs {
		state := "will not fire: nothing here can fire it"
		switch {
		case remind.InQuiet(r, quiet):
			state = "never speaks: inside the quiet hours"
		case s != nil:
			state = remindState(s, r, now, quiet)
		}
		fmt.Fprintf(w, "  %-16s %-8s %s: %s\n", r.ID, r.What, remind.Describe(r), routines.Printable(state)) // state quotes systemctl
	}
	fmt.Fprintf(w, "Quiet hours: %s (no reminder then; quiet = \"...\" in config.toml).\n", quiet)
	for _, r := range rs {
		if remind.InQuiet(r, quiet) {
			fmt.Fprintf(f.errOut, "unknot: warning: the reminder %s (%s) is inside the quiet hours (%s), so it never speaks; `unknot remind remove %s` and add it at a time outside them, or change quiet in config.toml\n", r.ID, r.At, quiet, r.ID)
		}
	}
	listStrays(w, schedulersFor(s, env), rs)
	switch {
	case s == nil && len(rs) == 0:
		fmt.Fprintf(w, "Nothing here can fire reminders: %s, and no launchd (remind add prints a crontab line instead).\n", routines.Printable(why))
	case s == nil:
		fmt.Fprintf(w, "Not delivered: %s, and no launchd; so nothing here fires reminders. With cron, add these lines (crontab -e):\n", routines.Printable(why))
		for _, r := range rs {
			fmt.Fprintln(w, "  "+routines.Printable(remind.CrontabLine(r, env)))
		}
	default:
		fmt.Fprintf(w, "Fired by %s (%s).\n", s.Name(), routines.Printable(s.Dir()))
	}
	if how, err := d.notifier(); err != nil {
		fmt.Fprintf(w, "Notifications: none can be shown here: %v.\n", err)
	} else {
		fmt.Fprintf(w, "Notifications: shown by %s.\n", how)
	}
	return nil
}

// listStrays says unknot's files that no reminder in config.toml owns.
func listStrays(w io.Writer, scs []remind.Scheduler, rs []routines.Reminder) {
	inConfig := map[string]bool{}
	for _, r := range rs {
		inConfig[r.ID] = true
	}
	for _, sc := range scs {
		files, _ := remind.Installed(sc)
		for _, name := range files {
			if !inConfig[remind.IDOf(sc, name)] {
				fmt.Fprintf(w, "Installed but not in config.toml: %s (unknot remind off removes it).\n", routines.Printable(filepath.Join(sc.Dir(), name)))
			}
		}
	}
}

// remindState says whether reminder r will fire, and when next.
func remindState(s remind.Scheduler, r routines.Reminder, now time.Time, q routines.QuietHours) string {
	if !remind.IsInstalled(s, r) {
		return "not installed; run `" + remind.AddCommand(r) + "`"
	}
	if ok, why := s.Active(r.ID); !ok {
		return "installed but not running (" + why + "); run `" + remind.AddCommand(r) + "`"
	}
	return "on, next " + whenNext(r, now, q)
}
