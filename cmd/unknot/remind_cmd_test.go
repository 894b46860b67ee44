package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
)

var updateRemind = flag.Bool("update-remind", false, "rewrite cmd/unknot/testdata/remind-*.golden")

// remindRunner stands for systemctl: it records each command line; with
// noUser, `systemctl --user` cannot reach a user session (as here); with
// failing, the command lines that begin so fail that way; with
// noSystemctl, systemctl is not on PATH.
type remindRunner struct {
	mu          sync.Mutex // several unknots may run it at once
	ran         []string
	noUser      bool
	failing     string
	noSystemctl bool
}

func (r *remindRunner) Run(name string, args ...string) ([]byte, error) {
	line := strings.Join(append([]string{name}, args...), " ")
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ran = append(r.ran, line)
	if r.noUser && strings.HasPrefix(line, "systemctl --user") || r.failing != "" && strings.HasPrefix(line, r.failing) {
		return []byte("Failed to connect to bus: No medium found\n"), errors.New("exit status 1")
	}
	if strings.Contains(line, "is-active") {
		return []byte("active\n"), nil
	}
	return nil, nil
}

func (r *remindRunner) LookPath(name string) (string, error) {
	if r.noSystemctl && name == "systemctl" {
		return "", exec.ErrNotFound
	}
	return "/usr/bin/" + name, nil
}

// shown is a notification the nudge showed.
type shown struct{ title, body string }

// remindWorld is a temporary HOME, XDG_CONFIG_HOME and UNKNOT_HOME, a
// scheduler that only records, a notifier that only collects, and a
// fixed clock: a Tuesday at 10:00 on this machine's clock.
type remindWorld struct {
	home, cfgHome, unknotHome string
	run                       *remindRunner
	shown                     []shown
	now                       time.Time
}

func newRemindWorld(t *testing.T) *remindWorld {
	t.Helper()
	root := t.TempDir()
	w := &remindWorld{home: filepath.Join(root, "home"), cfgHome: filepath.Join(root, "xdg-config"),
		unknotHome: filepath.Join(root, "unknot"), run: &remindRunner{},
		now: time.Date(2026, time.March, 10, 10, 0, 0, 0, time.Local)}
	for _, d := range []string{w.home, w.cfgHome, w.unknotHome} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", w.home)
	t.Setenv("XDG_CONFIG_HOME", w.cfgHome)
	t.Setenv("XDG_DATA_HOME", "")
	saved := remindSystem
	remindSystem = func() remindDeps {
		return remindDeps{now: func() time.Time { return w.now }, goos: "linux", runner: w.run,
			exe: func() (string, error) { return "/usr/local/bin/unknot", nil },
			notify: func(title, body string) (string, error) {
				w.shown = append(w.shown, shown{title, body})
				return "notify-send", nil
			},
			notifier: func() (string, error) { return "notify-send", nil }}
	}
	t.Cleanup(func() { remindSystem = saved })
	return w
}

func (w *remindWorld) cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runCLIIn(t, w.unknotHome, "", args...)
}

// files lists every file under the temporary HOME and XDG_CONFIG_HOME.
func (w *remindWorld) files(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, root := range []string{w.home, w.cfgHome} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				out = append(out, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(out)
	return out
}

func (w *remindWorld) unitDir() string { return filepath.Join(w.cfgHome, "systemd", "user") }

// `remind add` twice, then `remind off`: the units are written (the same
// files twice, compared to the golden files), and then no file of
// unknot's is left in the folders, which hold what they held before.
func TestRemindAddTwiceThenOffLeavesNoFile(t *testing.T) {
	w := newRemindWorld(t)
	os.MkdirAll(w.unitDir(), 0o700)
	os.WriteFile(filepath.Join(w.unitDir(), "backup.timer"), []byte("[Timer]\n"), 0o644)
	os.WriteFile(filepath.Join(w.home, ".bashrc"), []byte("# mine\n"), 0o644)
	before := w.files(t)

	code, out, errOut := w.cli(t, "remind", "add", "08:30", "--days", "mon-fri")
	if code != 0 || !strings.Contains(out, "Added reminder session-0830: session, 08:30, mon-fri. Next: tomorrow 08:30.") {
		t.Fatalf("first add: exit %d\n%s%s", code, out, errOut)
	}
	first := readUnits(t, w)
	code, out, errOut = w.cli(t, "remind", "add", "08:30", "--days", "mon-fri")
	if code != 0 || !strings.Contains(out, "Kept reminder session-0830") {
		t.Fatalf("second add: exit %d\n%s%s", code, out, errOut)
	}
	if second := readUnits(t, w); !slices.Equal(keysOf(first), keysOf(second)) || !sameFiles(first, second) {
		t.Errorf("adding twice changed the files")
	}
	if code, out, errOut := w.cli(t, "remind", "add", "--what", "care"); code != 0 {
		t.Fatalf("care: exit %d\n%s%s", code, out, errOut)
	}
	units := readUnits(t, w)
	for name, text := range units {
		remindGolden(t, name, strings.NewReplacer(w.unknotHome, "$UNKNOT_HOME", w.cfgHome, "$XDG_CONFIG_HOME").Replace(text))
	}
	if len(units) != 4 {
		t.Errorf("units %v, want a timer and a service for each of 2 reminders", keysOf(units))
	}
	cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
	if !strings.Contains(string(cfg), "[[remind]]\nid = \"session-0830\"\nat = \"08:30\"\ndays = \"mon-fri\"\nwhat = \"session\"\n") ||
		strings.Count(string(cfg), "[[remind]]") != 2 {
		t.Errorf("config.toml:\n%s", cfg)
	}
	if !slices.Contains(w.run.ran, "systemctl --user enable --now unknot-remind-session-0830.timer") {
		t.Errorf("ran %q", w.run.ran)
	}

	code, out, errOut = w.cli(t, "remind", "off")
	if code != 0 || !strings.Contains(out, "Removed 4 files") || !strings.Contains(out, "unknot remind add 08:30 --days mon-fri --what session") {
		t.Fatalf("off: exit %d\n%s%s", code, out, errOut)
	}
	if after := w.files(t); !slices.Equal(before, after) {
		t.Errorf("after remind off the folders hold\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
	if !slices.Contains(w.run.ran, "systemctl --user disable --now unknot-remind-care.timer") {
		t.Errorf("off did not stop the care timer: %q", w.run.ran)
	}
	cfg, _ = os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
	if strings.Contains(string(cfg), "[[remind]]") {
		t.Errorf("config.toml still holds reminders:\n%s", cfg)
	}
}

// `remind off` where systemd's user manager cannot be told (no user
// session, systemctl gone, daemon-reload failing): every file of unknot's
// is removed all the same, the folders hold what they held before, the
// reminders leave config.toml, exit 0, and one line warns what could not
// be done and what to run by hand.
func TestRemindOffWhenSystemdCannotBeTold(t *testing.T) {
	const hand = "where `systemctl --user` works, run: systemctl --user stop 'unknot-remind-*.timer'; systemctl --user daemon-reload\n"
	cases := []struct {
		name string
		fail func(r *remindRunner)
		why  string
	}{
		{"no user session", func(r *remindRunner) { r.noUser = true }, "no systemd user session (`systemctl --user`: Failed to connect to bus: No medium found)"},
		{"systemctl not installed", func(r *remindRunner) { r.noSystemctl = true }, "systemctl is not installed"},
		{"daemon-reload fails", func(r *remindRunner) { r.failing = "systemctl --user daemon-reload" }, "systemctl --user daemon-reload failed: Failed to connect to bus: No medium found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newRemindWorld(t)
			os.MkdirAll(w.unitDir(), 0o700)
			os.WriteFile(filepath.Join(w.unitDir(), "backup.timer"), []byte("[Timer]\n"), 0o644)
			before := w.files(t)
			for _, args := range [][]string{{"08:30"}, {"--what", "care"}} {
				if code, out, errOut := w.cli(t, append([]string{"remind", "add"}, args...)...); code != 0 {
					t.Fatalf("add %v: exit %d\n%s%s", args, code, out, errOut)
				}
			}
			if len(readUnits(t, w)) != 4 {
				t.Fatalf("units %v before off", keysOf(readUnits(t, w)))
			}
			c.fail(w.run)
			code, out, errOut := w.cli(t, "remind", "off")
			wantErr := "unknot: warning: the files are removed, but systemd user timers could not be told (" + c.why + "), so a timer it has loaded may still fire; " + hand
			if code != 0 || errOut != wantErr {
				t.Errorf("exit %d, stderr %q; want exit 0 and %q", code, errOut, wantErr)
			}
			for _, want := range []string{"Removed 4 files of unknot's reminders:\n", "  " + filepath.Join(w.unitDir(), "unknot-remind-care.timer") + "\n",
				"Took 2 reminders out of ", "  unknot remind add 08:30 --what session\n"} {
				if !strings.Contains(out, want) {
					t.Errorf("stdout has no %q:\n%s", want, out)
				}
			}
			if after := w.files(t); !slices.Equal(before, after) {
				t.Errorf("after remind off the folders hold\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
			}
			if cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml")); strings.Contains(string(cfg), "[[remind]]") {
				t.Errorf("config.toml still holds reminders:\n%s", cfg)
			}
			// Nothing left to remove: nothing to warn of.
			code, out, errOut = w.cli(t, "remind", "off")
			if code != 0 || !strings.HasPrefix(out, "No reminder of unknot's is installed.\n") || errOut != "" {
				t.Errorf("off again: exit %d, stdout %q, stderr %q", code, out, errOut)
			}
		})
	}
}

func TestRemindListAndRemove(t *testing.T) {
	w := newRemindWorld(t)
	w.cli(t, "remind", "add", "08:30", "--days", "mon-fri")
	w.cli(t, "remind", "add", "15:00", "--what", "move", "--id", "afternoon")
	code, out, _ := w.cli(t, "remind")
	for _, want := range []string{
		"session-0830     session  08:30, mon-fri: on, next tomorrow 08:30",
		"afternoon        move     15:00, daily: on, next today 15:00",
		"Quiet hours: 21:00-08:00",
		"Fired by systemd user timers (" + w.unitDir() + ")",
		"Notifications: shown by notify-send.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("remind lists no %q:\n%s", want, out)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	os.Remove(filepath.Join(w.unitDir(), "unknot-remind-afternoon.timer"))
	os.WriteFile(filepath.Join(w.unitDir(), "unknot-remind-old.timer"), []byte("[Timer]\n"), 0o600)
	_, out, _ = w.cli(t, "remind")
	if !strings.Contains(out, "afternoon        move     15:00, daily: not installed; run `unknot remind add 15:00 --what move --id afternoon`") ||
		!strings.Contains(out, "Installed but not in config.toml: "+filepath.Join(w.unitDir(), "unknot-remind-old.timer")+" (unknot remind off removes it).") ||
		strings.Contains(out, "not in config.toml: "+filepath.Join(w.unitDir(), "unknot-remind-session")) {
		t.Errorf("a missing unit, or one not in config.toml, is not said:\n%s", out)
	}
	code, out, _ = w.cli(t, "remind", "remove", "session-0830")
	if code != 0 || out != "Removed the reminder session-0830.\n" {
		t.Errorf("remove: exit %d %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(w.unitDir(), "unknot-remind-session-0830.timer")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the timer is still there: %v", err)
	}
	code, _, errOut := w.cli(t, "remind", "remove", "evening")
	if code != 2 || errOut != "unknot: remind remove evening: no such reminder; the reminders are afternoon (see `unknot remind`)\n" {
		t.Errorf("an unknown id: exit %d %q", code, errOut)
	}
}

// Bad input is one line saying what and where, exit 2, and nothing is
// installed or changed.
func TestRemindAddBadInputInstallsNothing(t *testing.T) {
	cases := []struct {
		name   string
		config string
		args   []string
		want   string
	}{
		{"hour 25", "", []string{"25:00"}, `unknot: remind add: "25:00" is not a time of day: hours go from 00 to 23 and minutes from 00 to 59, like 08:30 or 21:00`},
		{"funday", "", []string{"08:30", "--days", "funday"}, `unknot: --days "funday": "funday" is not a day; write days like mon-fri, sat,sun, daily or weekdays`},
		{"nap", "", []string{"08:30", "--what", "nap"}, `unknot: --what: "nap" is not something to be reminded of; say session, breathe, move or care`},
		{"no time", "", nil, "unknot: remind add: give the time of day, like `unknot remind add 08:30`"},
		{"an id holding ESC", "", []string{"08:30", "--id", "a\x1b[31mb"}, `unknot: --id: "a\x1b[31mb" is not a reminder id: use lower-case letters`},
		{"a time holding ESC", "", []string{"0\x1b8:30"}, `unknot: remind add: "0\x1b8:30" is not a time of day`},
		{"days holding ESC", "", []string{"08:30", "--days", "mon\x1b"}, `unknot: --days "mon\x1b": "mon\x1b" is not a day`},
		{"what holding ESC", "", []string{"08:30", "--what", "mo\x1bve"}, `unknot: --what: "mo\x1bve" is not something to be reminded of`},
		{"a time for care", "", []string{"09:00", "--what", "care"}, "unknot: remind add 09:00 --what care: a care reminder follows the care plan's next due time; leave out the time"},
		{"a broken [[remind]]", "pace = 1.0\n\n[[remind]]\nat = \"8h30\"\n", []string{"09:00"}, `config.toml:4:6: at: "8h30" is not a time of day: write it as HH:MM on the 24-hour clock`},
		{"inside the quiet hours", "", []string{"22:30"}, "unknot: remind add 22:30: inside the quiet hours (21:00-08:00), when no reminder speaks; pick a time outside them or change quiet in config.toml"},
		{"when the quiet hours begin", "", []string{"21:00", "--what", "move"}, "unknot: remind add 21:00: inside the quiet hours (21:00-08:00)"},
		{"after midnight, in the quiet hours", "", []string{"00:15", "--what", "breathe"}, "unknot: remind add 00:15: inside the quiet hours (21:00-08:00)"},
		{"a minute before they end", "", []string{"07:59"}, "unknot: remind add 07:59: inside the quiet hours (21:00-08:00)"},
		{"inside config.toml's quiet hours", "quiet = \"13:00-15:00\"\n", []string{"14:00", "--what", "move"}, "unknot: remind add 14:00: inside the quiet hours (13:00-15:00), when no reminder speaks; pick a time outside them or change quiet in config.toml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newRemindWorld(t)
			if c.config != "" {
				writeConfig(t, w.unknotHome, c.config)
			}
			before := w.files(t)
			code, out, errOut := w.cli(t, append([]string{"remind", "add"}, c.args...)...)
			if code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", code, out, errOut, c.want)
			}
			if after := w.files(t); !slices.Equal(before, after) || len(w.run.ran) > 0 {
				t.Errorf("bad input left files %v, ran %q", after, w.run.ran)
			}
			cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
			if string(cfg) != c.config {
				t.Errorf("config.toml became %q", cfg)
			}
		})
	}
}

// A time outside the quiet hours, at their very end or with them off, is
// installed; so is a care reminder, which has no time of day.
func TestRemindAddOutsideTheQuietHours(t *testing.T) {
	cases := []struct {
		name, config string
		args         []string
		want         string
	}{
		{"when they end", "", []string{"08:00"}, "Added reminder session-0800: session, 08:00, daily."},
		{"a minute before they begin", "", []string{"20:59", "--what", "move"}, "Added reminder move-2059: move, 20:59, daily."},
		{"quiet hours off", "quiet = \"off\"\n", []string{"22:30"}, "Added reminder session-2230: session, 22:30, daily."},
		{"outside config.toml's quiet hours", "quiet = \"13:00-15:00\"\n", []string{"22:30"}, "Added reminder session-2230: session, 22:30, daily."},
		{"care", "", []string{"--what", "care"}, "Added reminder care: care, when ice or heat is due"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newRemindWorld(t)
			if c.config != "" {
				writeConfig(t, w.unknotHome, c.config)
			}
			code, out, errOut := w.cli(t, append([]string{"remind", "add"}, c.args...)...)
			if code != 0 || !strings.Contains(out, c.want) || errOut != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 0 and %q", code, out, errOut, c.want)
			}
			if len(readUnits(t, w)) != 2 {
				t.Errorf("units %v, want a timer and a service", keysOf(readUnits(t, w)))
			}
		})
	}
}

// `unknot remind` warns, one line for each, of reminders in config.toml
// (written by hand, or from before quiet changed) that fall inside the
// quiet hours and so never speak.
func TestRemindListWarnsOfRemindersInTheQuietHours(t *testing.T) {
	reminders := "[[remind]]\nid = \"late\"\nat = \"22:30\"\n\n[[remind]]\nat = \"08:30\"\n\n[[remind]]\nat = \"06:45\"\nwhat = \"move\"\n\n[[remind]]\nwhat = \"care\"\n"
	cases := []struct {
		name, quiet string
		want        []string
	}{
		{"the default quiet hours", "", []string{
			"unknot: warning: the reminder late (22:30) is inside the quiet hours (21:00-08:00), so it never speaks; `unknot remind remove late` and add it at a time outside them, or change quiet in config.toml",
			"unknot: warning: the reminder move-0645 (06:45) is inside the quiet hours (21:00-08:00), so it never speaks; `unknot remind remove move-0645` and add it at a time outside them, or change quiet in config.toml",
		}},
		{"quiet changed to the morning", "quiet = \"06:00-09:00\"\n", []string{
			"unknot: warning: the reminder session-0830 (08:30) is inside the quiet hours (06:00-09:00)",
			"unknot: warning: the reminder move-0645 (06:45) is inside the quiet hours (06:00-09:00)",
		}},
		{"quiet off", "quiet = \"off\"\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newRemindWorld(t)
			writeConfig(t, w.unknotHome, c.quiet+"\n"+reminders)
			code, out, errOut := w.cli(t, "remind")
			lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
			if errOut == "" {
				lines = nil
			}
			if code != 0 || len(lines) != len(c.want) || !strings.Contains(out, "Reminders in ") {
				t.Fatalf("exit %d, stdout\n%s\nstderr\n%s\nwant exit 0, the list, and %d warnings", code, out, errOut, len(c.want))
			}
			for i, want := range c.want {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("warning %d is %q, want %q", i+1, lines[i], want)
				}
			}
			// The list's own line says so too, not "on, next ...".
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, ":") && strings.HasPrefix(l, "  ") {
					quiet := strings.HasSuffix(l, ": never speaks: inside the quiet hours")
					warned := false
					for _, want := range c.want {
						id := strings.Fields(strings.TrimPrefix(want, "unknot: warning: the reminder "))[0]
						warned = warned || strings.HasPrefix(strings.TrimSpace(l), id+" ")
					}
					if quiet != warned {
						t.Errorf("list line %q: says never speaks %v, warned of %v", l, quiet, warned)
					}
				}
			}
		})
	}
}

// One reminder taken out is said as one; `remind remove` where systemd
// cannot be told (no user session, systemctl gone, daemon-reload
// failing) removes the files, takes the reminder out of config.toml,
// exits 0 and warns, in off's words, what to run by hand.
func TestRemindRemoveWhenSystemdCannotBeTold(t *testing.T) {
	const hand = "where `systemctl --user` works, run: systemctl --user stop 'unknot-remind-*.timer'; systemctl --user daemon-reload\n"
	cases := []struct {
		name string
		fail func(r *remindRunner)
		why  string
	}{
		{"no user session", func(r *remindRunner) { r.noUser = true }, "no systemd user session (`systemctl --user`: Failed to connect to bus: No medium found)"},
		{"systemctl not installed", func(r *remindRunner) { r.noSystemctl = true }, "systemctl is not installed"},
		{"daemon-reload fails", func(r *remindRunner) { r.failing = "systemctl --user daemon-reload" }, "systemctl --user daemon-reload failed: Failed to connect to bus: No medium found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newRemindWorld(t)
			os.MkdirAll(w.unitDir(), 0o700)
			before := w.files(t)
			for _, at := range []string{"08:30", "15:00"} {
				if code, out, errOut := w.cli(t, "remind", "add", at); code != 0 {
					t.Fatalf("add %s: exit %d\n%s%s", at, code, out, errOut)
				}
			}
			c.fail(w.run)
			code, out, errOut := w.cli(t, "remind", "remove", "session-1500")
			wantErr := "unknot: warning: the files are removed, but systemd user timers could not be told (" + c.why + "), so a timer it has loaded may still fire; " + hand
			if code != 0 || out != "Removed the reminder session-1500.\n" || errOut != wantErr {
				t.Errorf("remove: exit %d, stdout %q, stderr %q; want exit 0 and %q", code, out, errOut, wantErr)
			}
			if units := readUnits(t, w); len(units) != 2 {
				t.Errorf("units after remove %v, want the 08:30 reminder's two", keysOf(units))
			}
			cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
			if strings.Contains(string(cfg), "15:00") || !strings.Contains(string(cfg), "08:30") {
				t.Errorf("config.toml after remove:\n%s", cfg)
			}
			// Only in config.toml, no file of it left: nothing to warn of.
			writeConfig(t, w.unknotHome, string(cfg)+"\n[[remind]]\nat = \"16:00\"\n")
			if code, out, errOut := w.cli(t, "remind", "remove", "session-1600"); code != 0 || out != "Removed the reminder session-1600.\n" || errOut != "" {
				t.Errorf("remove of one with no files: exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			*w.run = remindRunner{}
			code, out, errOut = w.cli(t, "remind", "off")
			if code != 0 || !strings.Contains(out, "Removed 2 files of unknot's reminders:\n") || !strings.Contains(out, "Took 1 reminder out of ") || errOut != "" {
				t.Errorf("off: exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if after := w.files(t); !slices.Equal(before, after) {
				t.Errorf("after remind off the folders hold\n%s\nwant\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
			}
		})
	}
}

// Where there is no systemd user session and no launchd (this machine),
// `remind add` prints the crontab line and says what it could not do and
// what to run instead, exit 1, and leaves nothing behind.
func TestRemindAddWithoutAScheduler(t *testing.T) {
	w := newRemindWorld(t)
	w.run.noUser = true
	before := w.files(t)
	code, out, errOut := w.cli(t, "remind", "add", "08:30", "--days", "mon-fri")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	wantOut := "30 8 * * 1-5 UNKNOT_HOME='" + w.unknotHome + "' XDG_CONFIG_HOME='" + w.cfgHome + "' '/usr/local/bin/unknot' nudge session\n"
	if out != wantOut {
		t.Errorf("stdout %q, want the crontab line %q", out, wantOut)
	}
	for _, want := range []string{"could not install the reminder: no systemd user session", "nothing was written (config.toml is unchanged)", "crontab -e"} {
		if !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("stderr %q has no %q on its one line", errOut, want)
		}
	}
	if after := w.files(t); !slices.Equal(before, after) {
		t.Errorf("left %v", after)
	}
	if _, err := os.Stat(filepath.Join(w.unknotHome, "config.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("config.toml was written: %v", err)
	}
}

// `unknot nudge` shows the reminder when it should, and stays quiet after
// a session in the last hour and in the quiet hours.
func TestNudgeShowsOrStaysQuiet(t *testing.T) {
	w := newRemindWorld(t)
	code, out, errOut := w.cli(t, "nudge", "session")
	if code != 0 || len(w.shown) != 1 || !strings.Contains(out, "shown by notify-send") {
		t.Fatalf("nudge with nothing done: exit %d, shown %v\n%s%s", code, w.shown, out, errOut)
	}
	n := w.shown[0]
	if n.title != "unknot: Time for your stretches" || !strings.HasPrefix(n.body, "About ") || strings.Contains(n.body, "Time for your stretches") ||
		!strings.Contains(n.body, "No more reminders: unknot remind off.") {
		t.Errorf("the notification: %+v", n)
	}
	w.now = time.Date(2026, time.March, 10, 22, 30, 0, 0, time.Local)
	if _, out, _ := w.cli(t, "nudge", "move"); len(w.shown) != 1 || !strings.Contains(out, "quiet: quiet hours (21:00-08:00)") {
		t.Errorf("in the quiet hours: %q, shown %d", out, len(w.shown))
	}
	w.now = time.Date(2026, time.March, 10, 10, 0, 0, 0, time.Local)
	s, err := history.Open(w.unknotHome)
	if err != nil {
		t.Fatal(err)
	}
	start := w.now.Add(-40 * time.Minute)
	json := `[{"id": 1, "kind": "session", "started_at": "` + start.Format(time.RFC3339) + `", "ended_at": "` +
		start.Add(10*time.Minute).Format(time.RFC3339) + `", "status": "completed", "pain_before": null, "pain_after": null, "breaths": 0,
		"exercises": [{"routine": "knee-to-chest", "side": "left", "reps_done": 3, "reps_planned": 3}]}]`
	if _, err := s.ImportJSON(strings.NewReader(json), "test.json"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, out, _ := w.cli(t, "nudge", "move"); len(w.shown) != 1 || !strings.Contains(out, "less than an hour ago") {
		t.Errorf("after a session: %q, shown %d", out, len(w.shown))
	}
	w.now = w.now.Add(2 * time.Hour)
	if _, out, _ := w.cli(t, "nudge", "session"); len(w.shown) != 1 || !strings.Contains(out, "today's sessions are done (1 of 1 planned)") {
		t.Errorf("on a done day: %q, shown %d", out, len(w.shown))
	}
	if code, _, errOut := w.cli(t, "nudge", "nap"); code != 2 || !strings.Contains(errOut, `"nap" is not something to be reminded of`) {
		t.Errorf("nudge nap: exit %d %q", code, errOut)
	}
}

// A stretch session stopped for pain before its first rep, recorded
// through the history as a session records it: the nudge stays quiet for
// the hour after it and says why; after that hour it speaks again, as
// the stop did not make today's session done.
func TestNudgeStaysQuietForAnHourAfterAPainStopAtZeroReps(t *testing.T) {
	w := newRemindWorld(t)
	s, err := history.Open(w.unknotHome)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, time.March, 10, 9, 30, 0, 0, time.Local)
	r, err := s.Start(history.KindSession, start, []history.Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 3}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(start.Add(2*time.Minute), history.Pain); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, c := range []struct {
		now  time.Time
		what string
		want string
		show int
	}{
		{start.Add(3 * time.Minute), "session", "unknot nudge session: quiet: a session was stopped for pain at 09:32, less than an hour ago\n", 0},
		{start.Add(61 * time.Minute), "move", "unknot nudge move: quiet: a session was stopped for pain at 09:32, less than an hour ago\n", 0},
		{start.Add(62 * time.Minute), "session", "unknot nudge session: shown by notify-send (0 of 1 planned sessions done today)\n", 1},
	} {
		w.now = c.now
		code, out, errOut := w.cli(t, "nudge", c.what)
		if code != 0 || out != c.want || errOut != "" || len(w.shown) != c.show {
			t.Errorf("nudge %s at %s: exit %d, stdout %q, stderr %q, %d shown; want %q and %d shown",
				c.what, c.now.Format("15:04"), code, out, errOut, len(w.shown), c.want, c.show)
		}
	}
}

func TestRemindTestShowsOneNow(t *testing.T) {
	w := newRemindWorld(t)
	w.now = time.Date(2026, time.March, 10, 23, 0, 0, 0, time.Local) // quiet hours: a test shows anyway
	code, out, _ := w.cli(t, "remind", "test", "breathe")
	if code != 0 || len(w.shown) != 1 || !strings.Contains(out, "Shown by notify-send:\nunknot: Time to breathe slowly\n") {
		t.Errorf("remind test: exit %d, shown %v\n%s", code, w.shown, out)
	}
}

// The real notifier: notify-send is given the text as arguments, with
// the session bus found, and no sound of its own.
func TestDesktopNudgerCallsNotifySend(t *testing.T) {
	run := &remindRunner{}
	n := desktopNudger{run: run, goos: "linux", getenv: func(k string) string {
		return map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}[k]
	}}
	how, err := n.send("unknot: Time to move a little", "Stand up.\nNo more reminders: unknot remind off.")
	if err != nil || how != "notify-send" {
		t.Fatalf("send: %q %v", how, err)
	}
	want := "notify-send --app-name=unknot --urgency=normal unknot: Time to move a little Stand up.\nNo more reminders: unknot remind off."
	if len(run.ran) != 1 || run.ran[0] != want {
		t.Errorf("ran %q, want %q", run.ran, want)
	}
	mac := desktopNudger{run: run, goos: "darwin", getenv: func(string) string { return "" }}
	if _, err := mac.send("t", "b"); err != nil || !strings.HasPrefix(run.ran[1], "osascript -e on run argv -e display notification (item 2 of argv) with title (item 1 of argv) -e end run t b") {
		t.Errorf("osascript: %q %v", run.ran, err)
	}
	nobus := desktopNudger{run: run, goos: "linux", getenv: func(k string) string {
		if k == "XDG_RUNTIME_DIR" {
			return t.TempDir()
		}
		return ""
	}}
	if _, err := nobus.send("t", "b"); err == nil || !strings.Contains(err.Error(), "no desktop session bus") {
		t.Errorf("without a bus: %v", err)
	}
}

func readUnits(t *testing.T, w *remindWorld) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, _ := os.ReadDir(w.unitDir())
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "unknot-remind-") {
			data, err := os.ReadFile(filepath.Join(w.unitDir(), e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[e.Name()] = string(data)
		}
	}
	return out
}

func remindGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "remind-"+name+".golden")
	if *updateRemind {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run Remind -update-remind writes it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n%s", name, path, got)
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sameFiles(a, b map[string]string) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

// A session left after 1 rep of 15 does not make the day done: two hours
// later the reminder speaks (it said "today's sessions are done").
func TestNudgeSpeaksAfterASessionLeftEarly(t *testing.T) {
	w := newRemindWorld(t)
	w.now = time.Date(2026, time.March, 10, 12, 0, 0, 0, time.Local)
	s, err := history.Open(w.unknotHome)
	if err != nil {
		t.Fatal(err)
	}
	start := w.now.Add(-2 * time.Hour)
	json := `[{"id": 1, "kind": "session", "started_at": "` + start.Format(time.RFC3339) + `", "ended_at": "` +
		start.Add(time.Minute).Format(time.RFC3339) + `", "status": "interrupted", "pain_before": null, "pain_after": null, "breaths": 0,
		"exercises": [{"routine": "knee-to-chest", "side": "left", "reps_done": 1, "reps_planned": 5},
		{"routine": "knee-to-chest", "side": "right", "reps_done": 0, "reps_planned": 5},
		{"routine": "arm-raise", "reps_done": 0, "reps_planned": 5}]}]`
	if _, err := s.ImportJSON(strings.NewReader(json), "test.json"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := w.cli(t, "nudge", "session")
	if code != 0 || len(w.shown) != 1 || !strings.Contains(out, "0 of 1 planned sessions done today") {
		t.Errorf("exit %d, shown %d: %s%s", code, len(w.shown), out, errOut)
	}
}

// A relative UNKNOT_HOME or XDG_DATA_HOME reaches the scheduler absolute,
// as this command resolved it: the scheduler starts the nudge in another
// folder, where the relative path would name other files. The unit, the
// crontab line `remind add` prints and the one `unknot remind` lists.
func TestRemindWritesThePlacesAbsolute(t *testing.T) {
	w := newRemindWorld(t)
	cwd := t.TempDir()
	t.Chdir(cwd)
	t.Setenv("XDG_DATA_HOME", "rel/data")
	home := filepath.Join(cwd, "uh")
	wantVars := []string{"UNKNOT_HOME=" + home, "XDG_CONFIG_HOME=" + w.cfgHome, "XDG_DATA_HOME=" + filepath.Join(w.home, ".local", "share")}

	code, out, errOut := runCLIIn(t, "uh", "", "remind", "add", "09:00")
	if code != 0 {
		t.Fatalf("add: exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(home, "config.toml")); err != nil {
		t.Errorf("config.toml is not in %s: %v", home, err)
	}
	service := readUnits(t, w)["unknot-remind-session-0900.service"]
	for _, v := range wantVars {
		if !strings.Contains(service, "\nEnvironment=\""+v+"\"\n") {
			t.Errorf("the service has no Environment=%q:\n%s", v, service)
		}
	}

	w.run.noUser = true
	wantLine := "0 9 * * * UNKNOT_HOME='" + home + "' XDG_CONFIG_HOME='" + w.cfgHome + "' XDG_DATA_HOME='" + filepath.Join(w.home, ".local", "share") + "' '/usr/local/bin/unknot' nudge session"
	_, out, _ = runCLIIn(t, "uh", "", "remind")
	if !strings.Contains(out, "\n  "+wantLine+"\n") {
		t.Errorf("remind lists no crontab line %q:\n%s", wantLine, out)
	}
	code, out, _ = runCLIIn(t, "uh", "", "remind", "add", "10:00")
	if code != 1 || out != strings.Replace(wantLine, "0 9 ", "0 10 ", 1)+"\n" {
		t.Errorf("add without a scheduler: exit %d, stdout %q, want the crontab line", code, out)
	}
}

// Reminders added at once, by several unknots (the reviewer's ten
// `unknot remind add $h:00 &` in a loop kept 2 of 10 in config.toml and
// left 20 unit files), are all kept: each one's reading of config.toml,
// its files and its write are one step, under config.toml's lock.
func TestRemindAddsAtOnceAreAllKept(t *testing.T) {
	w := newRemindWorld(t)
	t.Setenv("UNKNOT_HOME", w.unknotHome)
	t.Setenv("NO_COLOR", "1")
	const n = 10
	start := make(chan struct{})
	var wg sync.WaitGroup
	said := make([]string, n)
	for i := range n {
		wg.Go(func() {
			<-start
			var out, errOut bytes.Buffer
			code := run(context.Background(), []string{"remind", "add", fmt.Sprintf("%02d:00", 9+i)}, strings.NewReader(""), &out, &errOut)
			if code != 0 {
				said[i] = fmt.Sprintf("exit %d\n%s%s", code, out.String(), errOut.String())
			}
		})
	}
	close(start)
	wg.Wait()
	for i, s := range said {
		if s != "" {
			t.Errorf("add %02d:00: %s", 9+i, s)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
	for i := range n {
		if !strings.Contains(string(cfg), fmt.Sprintf("[[remind]]\nid = \"session-%02d00\"\n", 9+i)) {
			t.Errorf("config.toml lost the reminder at %02d:00:\n%s", 9+i, cfg)
		}
	}
	if units := readUnits(t, w); len(units) != 2*n {
		t.Errorf("%d unit files, want %d", len(units), 2*n)
	}
	if _, out, _ := w.cli(t, "remind"); strings.Contains(out, "not in config.toml") {
		t.Errorf("remind lists files config.toml does not hold:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(w.unknotHome, ".config.toml.lock")); !os.IsNotExist(err) {
		t.Errorf("a lock file was left: %v", err)
	}
}

// While another unknot changes config.toml past the wait, `remind add`,
// `remove` and `off` say so in one line, exit 1, and change nothing.
func TestRemindWhileAnotherChangesConfig(t *testing.T) {
	w := newRemindWorld(t)
	if code, out, errOut := w.cli(t, "remind", "add", "09:00"); code != 0 {
		t.Fatalf("add: exit %d\n%s%s", code, out, errOut)
	}
	cfgBefore, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
	before := w.files(t)
	saved := routines.ConfigLockWait
	routines.ConfigLockWait = 0
	t.Cleanup(func() { routines.ConfigLockWait = saved })
	unlock, err := routines.LockConfig(filepath.Join(w.unknotHome, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, args := range [][]string{{"add", "10:00"}, {"remove", "session-0900"}, {"off"}} {
		code, out, errOut := w.cli(t, append([]string{"remind"}, args...)...)
		want := "unknot: " + filepath.Join(w.unknotHome, "config.toml") + " is being changed by another unknot ("
		if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) || !strings.HasSuffix(errOut, "try again when it is done\n") {
			t.Errorf("remind %v: exit %d, stdout %q, stderr %q; want exit 1 and one line %q...", args, code, out, errOut, want)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml"))
	if after := w.files(t); !slices.Equal(before, after) || string(cfg) != string(cfgBefore) {
		t.Errorf("changed while locked: files %v, config.toml %q", after, cfg)
	}
}

// A notification that cannot be shown is one line that says so once:
// "could not show the reminder: notify-send failed: ..." (it said "could
// not show the reminder: notify-send could not show the reminder: ...").
func TestReminderNotShownSaysSoOnce(t *testing.T) {
	w := newRemindWorld(t)
	fake := remindSystem
	remindSystem = func() remindDeps {
		d := fake()
		n := desktopNudger{run: &remindRunner{failing: "notify-send"}, goos: "linux", getenv: func(k string) string {
			return map[string]string{"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}[k]
		}}
		d.notify, d.notifier = n.send, n.how
		return d
	}
	const want = "unknot: could not show the reminder: notify-send failed: Failed to connect to bus: No medium found\n"
	for _, args := range [][]string{{"remind", "test"}, {"nudge", "session"}} {
		code, _, errOut := w.cli(t, args...)
		if code != 1 || errOut != want {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", args, code, errOut, want)
		}
	}
}

// A care reminder added in the quiet hours says its first look at the
// care plan that can speak: at 07:33, 08:00 (it said 07:45, when it
// cannot speak); `unknot remind` says the same.
func TestRemindAddCareInTheQuietHoursSaysTheFirstLookThatSpeaks(t *testing.T) {
	w := newRemindWorld(t)
	w.now = time.Date(2026, time.March, 10, 7, 33, 0, 0, time.Local)
	code, out, errOut := w.cli(t, "remind", "add", "--what", "care")
	if code != 0 || !strings.Contains(out, ". Next: a look at the care plan today 08:00.\n") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	if _, out, _ := w.cli(t, "remind"); !strings.Contains(out, ": on, next a look at the care plan today 08:00\n") {
		t.Errorf("remind:\n%s", out)
	}
}

// `remind add` whose `systemctl enable` fails leaves nothing: not the
// units, not config.toml's table, not the folders it made for the units.
func TestRemindAddThatCannotEnableLeavesNothing(t *testing.T) {
	w := newRemindWorld(t)
	w.run.failing = "systemctl --user enable"
	code, out, errOut := w.cli(t, "remind", "add", "09:00")
	if code != 1 || out != "" || !strings.Contains(errOut, "could not install the reminder session-0900: systemctl --user enable --now unknot-remind-session-0900.timer failed: Failed to connect to bus") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(w.cfgHome, "systemd")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder made for the units is left: %v", err)
	}
	if cfg, _ := os.ReadFile(filepath.Join(w.unknotHome, "config.toml")); strings.Contains(string(cfg), "[[remind]]") {
		t.Errorf("config.toml holds the reminder:\n%s", cfg)
	}
}
