package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/routines/remind"
)

// remindDeps are what `unknot remind` and `unknot nudge` reach outside
// the process: the clock, the scheduler's programs, the desktop's
// notifications. Tests replace remindSystem so that they never touch the
// real user session.
type remindDeps struct {
	now    func() time.Time
	goos   string
	runner remind.Runner
	exe    func() (string, error)
	// notify shows a desktop notification and says how ("notify-send").
	notify func(title, body string) (string, error)
	// notifier says how notifications would be shown here, or why not.
	notifier func() (string, error)
}

// remindSystem makes the real dependencies; tests swap it.
var remindSystem = func() remindDeps {
	n := desktopNudger{run: execRunner{}, goos: runtime.GOOS, getenv: os.Getenv}
	return remindDeps{now: time.Now, goos: runtime.GOOS, runner: execRunner{}, exe: os.Executable,
		notify: n.send, notifier: n.how}
}

// execRunner runs programs for real, each with a time limit.
type execRunner struct{ env []string }

func (r execRunner) Run(name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if r.env != nil {
		cmd.Env = append(os.Environ(), r.env...)
	}
	return cmd.CombinedOutput()
}

func (execRunner) LookPath(name string) (string, error) { return exec.LookPath(name) }

// desktopNudger shows the nudge: notify-send through the session bus
// (Linux and the BSDs), osascript's `display notification` (macOS). Both
// are called directly, not through a library such as beeep: the text goes
// to them as arguments (never pasted into a script), the process waits
// for them (the nudge exits right after), no dependency is added, and the
// same Runner seam as the scheduler's lets tests see what would run. No
// sound is asked for: the desktop's own, if any, is the only one.
type desktopNudger struct {
	run    remind.Runner
	goos   string
	getenv func(string) string
}

// how says what shows notifications here, or why nothing can.
func (n desktopNudger) how() (string, error) {
	if n.goos == "darwin" {
		if _, err := n.run.LookPath("osascript"); err != nil {
			return "", errors.New("osascript is not on PATH")
		}
		return "osascript (Notification Centre)", nil
	}
	if _, err := n.run.LookPath("notify-send"); err != nil {
		return "", errors.New("notify-send is not installed (on Debian and Ubuntu: apt install libnotify-bin)")
	}
	if _, ok := n.bus(); !ok {
		return "", errors.New("there is no desktop session bus (DBUS_SESSION_BUS_ADDRESS), so notify-send cannot reach a desktop")
	}
	return "notify-send", nil
}

// bus is the session bus's address: DBUS_SESSION_BUS_ADDRESS, else the
// user's bus socket (as systemd and cron start programs without it).
func (n desktopNudger) bus() (string, bool) {
	if a := n.getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" {
		return a, true
	}
	dir := n.getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = "/run/user/" + strconv.Itoa(os.Getuid())
	}
	p := filepath.Join(dir, "bus")
	if fi, err := os.Stat(p); err == nil && fi.Mode()&os.ModeSocket != 0 {
		return "unix:path=" + p, true
	}
	return "", false
}

func (n desktopNudger) send(title, body string) (string, error) {
	how, err := n.how()
	if err != nil {
		return "", err
	}
	var out []byte
	if n.goos == "darwin" {
		out, err = n.run.Run("osascript", "-e", "on run argv", "-e",
			"display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run", title, body)
	} else {
		run := n.run
		if r, ok := run.(execRunner); ok && n.getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
			addr, _ := n.bus()
			r.env = []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}
			run = r
		}
		out, err = run.Run("notify-send", "--app-name=unknot", "--urgency=normal", title, body)
	}
	if err != nil {
		return how, fmt.Errorf("%s failed: %s", how, firstLineOf(out, err))
	}
	return how, nil
}

// firstLineOf is the first line a program printed, or its error.
func firstLineOf(out []byte, err error) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if line = routines.Printable(line); line != "" {
		return line
	}
	return err.Error()
}

// newNudgeCmd builds `unknot nudge WHAT`, which the scheduler runs: it
// decides, from the clock, config.toml and the history, whether to show
// the reminder, shows it or says why not, and exits. It never paces.
func newNudgeCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:    "nudge session|breathe|move|care",
		Short:  "Show one reminder now, unless it would be a nag (run by the scheduler)",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			what, err := routines.ParseNudge(args[0])
			if err != nil {
				return usageErr("nudge: %v", err)
			}
			return runNudge(f, remindSystem(), what)
		},
	}
}

// runNudge decides and, when it fires, shows the notification. What it
// decided is one line on stdout, for the scheduler's log.
func runNudge(f *factory, d remindDeps, what routines.Nudge) error {
	now := d.now()
	cfg, probs := loadConfigQuietly()
	setup := remind.Setup{Reminders: cfg.Remind.Reminders, Quiet: cfg.Remind.QuietOrDefault()}
	if len(probs) > 0 {
		fmt.Fprintf(f.errOut, "unknot: %v (nudging with the default quiet hours)\n", probs[0])
	}
	facts, err := nudgeFacts(now)
	if err != nil {
		fmt.Fprintf(f.errOut, "unknot: the history could not be read (%s); nudging without it\n", routines.Printable(err.Error()))
	}
	dec := remind.Decide(now, what, setup, facts)
	if !dec.Fire {
		fmt.Fprintf(f.out, "unknot nudge %s: quiet: %s\n", what, dec.Why)
		return nil
	}
	advice, careOK := facts.Advice(now)
	title, body := remind.Message(what, sessionLength(f), advice, careOK)
	how, err := d.notify(title, body)
	if err != nil {
		return failed(fmt.Errorf("could not show the reminder: %v", err))
	}
	fmt.Fprintf(f.out, "unknot nudge %s: shown by %s (%s)\n", what, how, dec.Why)
	return nil
}

// loadConfigQuietly reads config.toml for the nudge: a file with
// problems gives the defaults (the nudge has no one to tell but its log).
func loadConfigQuietly() (routines.Config, routines.Problems) {
	path, err := routines.ConfigPath()
	if err != nil {
		return routines.Config{}, routines.Problems{{File: "config.toml", Msg: err.Error()}}
	}
	cfg, probs := routines.LoadConfig(path)
	if len(probs) > 0 {
		return routines.Config{}, probs
	}
	return cfg, nil
}

// nudgeFacts reads what the decision needs from the history, opened for
// reading only: a history that is not there yet is an empty one.
func nudgeFacts(now time.Time) (remind.Facts, error) {
	dir, err := routines.DataDir()
	if err != nil {
		return remind.Facts{}, err
	}
	if _, err := os.Stat(filepath.Join(dir, history.FileName)); errors.Is(err, os.ErrNotExist) {
		return remind.Facts{CareKnow: true}, nil
	}
	s, err := history.OpenReadOnly(dir)
	if err != nil {
		return remind.Facts{}, err
	}
	defer s.Close()
	return factsFrom(s, now)
}

// factsFrom gathers the stretch sessions and breathing runs since
// yesterday, and the care record.
func factsFrom(s *history.Store, now time.Time) (remind.Facts, error) {
	var facts remind.Facts
	since := record.DayOf(now.AddDate(0, 0, -1))
	runs, err := s.Sessions(history.Filter{Since: since})
	if err != nil {
		return facts, err
	}
	for _, x := range runs {
		// Every stretch session and breathing run, one stopped for pain
		// at 0 reps too: any keeps the nudge quiet for an hour; only a
		// session that is Done makes a planned one done (remind.Decide).
		if x.Kind != routines.KindSession && x.Kind != routines.KindBreathe {
			continue
		}
		r := remind.Run{Kind: x.Kind, Started: x.StartedAt, Outcome: x.Status, Done: x.Done()}
		if x.EndedAt != nil {
			r.Ended = *x.EndedAt
		}
		facts.Runs = append(facts.Runs, r)
	}
	ep, apps, err := careRecord(s, now)
	if err != nil {
		return facts, err
	}
	facts.Episode, facts.Care, facts.CareKnow = ep, apps, true
	return facts, nil
}

// sessionLength is how long the day's stretch session takes; 0 when it
// cannot be worked out (the reminder then says no length).
func sessionLength(f *factory) time.Duration {
	c, err := f.catalog()
	if err != nil {
		return 0
	}
	rs, err := f.sessionRoutines(c)
	if err != nil {
		return 0
	}
	p, err := coach.SessionPlan(rs, coach.DefaultOptions)
	if err != nil {
		return 0
	}
	return p.Total()
}
