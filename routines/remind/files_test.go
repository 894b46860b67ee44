package remind

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fakeRunner stands for systemctl and launchctl: it records each command
// and fails the ones fail names (by their first arguments joined).
type fakeRunner struct {
	ran  []string
	fail map[string]bool
	path map[string]bool // the programs on PATH; nil: all
}

func (r *fakeRunner) Run(name string, args ...string) ([]byte, error) {
	line := strings.Join(append([]string{name}, args...), " ")
	r.ran = append(r.ran, line)
	for prefix := range r.fail {
		if strings.HasPrefix(line, prefix) {
			return []byte("Failed to " + prefix + ": refused by the test\n"), errors.New("exit status 1")
		}
	}
	if strings.Contains(line, "is-active") {
		return []byte("active\n"), nil
	}
	return nil, nil
}

func (r *fakeRunner) LookPath(name string) (string, error) {
	if r.path != nil && !r.path[name] {
		return "", exec.ErrNotFound
	}
	return "/usr/bin/" + name, nil
}

// testEnv is a home and config folder under dir, running exe.
func testEnv(dir, exe string, run Runner) Env {
	return Env{Home: filepath.Join(dir, "home"), ConfigHome: filepath.Join(dir, "config"), UID: 1000, Exe: exe,
		Vars: []string{"UNKNOT_HOME=/home/pat/unknot data"}, Run: run}
}

var goldenReminders = []routines.Reminder{
	{ID: "session-0830", At: 8*60 + 30, Days: routines.EveryDay &^ (1<<time.Saturday | 1<<time.Sunday), What: routines.NudgeSession},
	{ID: "move-1500", At: 15 * 60, Days: routines.EveryDay, What: routines.NudgeMove},
	{ID: "care", At: routines.NoClock, Days: routines.EveryDay, What: routines.NudgeCare},
}

// installAll installs the golden reminders with scheduler s and returns
// the files it wrote, by name.
func installAll(t *testing.T, s Scheduler) map[string]string {
	t.Helper()
	for _, r := range goldenReminders {
		if err := Install(s, r); err != nil {
			t.Fatalf("Install %s: %v", r.ID, err)
		}
	}
	return readDir(t, s.Dir())
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// The systemd units unknot writes into a temporary XDG_CONFIG_HOME, to the
// byte, and where systemd-analyze is installed, systemd verifies them.
func TestSystemdUnitsMatchTheGoldenFilesAndVerify(t *testing.T) {
	dir := t.TempDir()
	run := &fakeRunner{}
	s := Systemd{testEnv(dir, "/usr/local/bin/unknot", run)}
	files := installAll(t, s)
	if want := filepath.Join(dir, "config", "systemd", "user"); s.Dir() != want {
		t.Fatalf("units go in %s, want %s", s.Dir(), want)
	}
	var names []string
	for name, text := range files {
		names = append(names, name)
		golden(t, "systemd-"+name, text)
	}
	slices.Sort(names)
	want := []string{"unknot-remind-care.service", "unknot-remind-care.timer", "unknot-remind-move-1500.service",
		"unknot-remind-move-1500.timer", "unknot-remind-session-0830.service", "unknot-remind-session-0830.timer"}
	if !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	for name := range files {
		if fi, _ := os.Stat(filepath.Join(s.Dir(), name)); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", name, fi.Mode().Perm())
		}
	}
	wantRan := []string{"systemctl --user daemon-reload", "systemctl --user enable --now unknot-remind-session-0830.timer"}
	if !slices.Equal(run.ran[:2], wantRan) {
		t.Errorf("ran %q, want first %q", run.ran, wantRan)
	}
	verifyUnits(t, dir, goldenReminders)
}

// verifyUnits runs `systemd-analyze verify --user` on the units, written
// to run a program that exists (verify checks ExecStart's program).
func verifyUnits(t *testing.T, dir string, rs []routines.Reminder) {
	t.Helper()
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed (Debian's systemd package has it; .ci/install-remind-deps installs it): the units were compared to the golden files only")
	}
	real, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// A program in a folder whose name needs quoting and escaping.
	exe := filepath.Join(dir, "my 100% apps $HOME", "unknot")
	if err := os.MkdirAll(filepath.Dir(exe), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, exe); err != nil {
		t.Fatal(err)
	}
	vdir := filepath.Join(dir, "verify")
	s := Systemd{testEnv(vdir, exe, &fakeRunner{})}
	s.Env.Vars = awkwardVars // systemd finds no fault in how they are written
	var paths []string
	for _, r := range rs {
		if err := Install(s, r); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(s.Dir(), Prefix+r.ID+".timer"), filepath.Join(s.Dir(), Prefix+r.ID+".service"))
	}
	runtime := filepath.Join(dir, "runtime")
	if err := os.Mkdir(runtime, 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(analyze, append([]string{"verify", "--user"}, paths...)...)
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+runtime, "XDG_CONFIG_HOME="+filepath.Join(vdir, "config"), "HOME="+filepath.Join(vdir, "home"))
	out, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// awkwardVars are folders for the nudge whose names need quoting and
// escaping in a unit file: spaces, both quotes, a backslash, '%' (a
// specifier to systemd), '$', a tab, a newline, ESC and BEL (a terminal's
// title sequence), a bidirectional override.
var awkwardVars = []string{
	`UNKNOT_HOME=/home/pat/it's "100%" back\slash $HOME %h`,
	"XDG_DATA_HOME=/home/pat/a\tb\nc\x1b]0;TITLE\x07d\u202ee\x7f",
}

// Environment= is written so that systemd reads back each value exactly:
// the unit file is read here by systemd's rules (systemd.syntax(7) and
// systemd.unit(5): a double-quoted word, C escapes undone, then "%%" is
// '%' and any other specifier is one). The file holds no raw control
// character.
func TestSystemdEnvironmentReadsBackExactly(t *testing.T) {
	s := Systemd{testEnv(t.TempDir(), "/usr/local/bin/unknot", &fakeRunner{})}
	s.Env.Vars = awkwardVars
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	service := string(s.Files(goldenReminders[0])[0].Data)
	var got []string
	for _, line := range strings.Split(service, "\n") {
		if word, ok := strings.CutPrefix(line, "Environment="); ok {
			v, err := systemdWord(word)
			if err != nil {
				t.Errorf("systemd would not read %s: %v", line, err)
			}
			got = append(got, v)
		}
	}
	if !slices.Equal(got, awkwardVars) {
		t.Errorf("systemd reads\n%q\nwant\n%q\nfrom\n%s", got, awkwardVars, service)
	}
	if strings.ContainsFunc(strings.ReplaceAll(service, "\n", ""), func(r rune) bool { return r < 0x20 || r == 0x7f || r == 0x202e }) {
		t.Errorf("the unit holds a raw control character:\n%q", service)
	}
	s.Env.Vars = []string{"UNKNOT_HOME=/home/pat/\xff"}
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
		t.Errorf("a folder that is not UTF-8: %v", err)
	}
}

// systemdWord reads one double-quoted word of a unit file as systemd
// does for Environment=: unquoted, C escapes undone, specifiers expanded
// (only "%%" is expected here).
func systemdWord(w string) (string, error) {
	inner, okStart := strings.CutPrefix(w, `"`)
	inner, okEnd := strings.CutSuffix(inner, `"`)
	if !okStart || !okEnd {
		return "", errors.New("not one double-quoted word")
	}
	var b strings.Builder
	for i := 0; i < len(inner); i++ {
		c := inner[i]
		switch c {
		case '"':
			return "", errors.New("a quote that ends the word early")
		case '%':
			if i+1 >= len(inner) || inner[i+1] != '%' {
				return "", errors.New("a specifier")
			}
			b.WriteByte('%')
			i++
		case '\\':
			if i+1 >= len(inner) {
				return "", errors.New("a backslash at the end")
			}
			i++
			switch e := inner[i]; e {
			case '\\', '"':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'x', 'u':
				n := map[byte]int{'x': 2, 'u': 4}[e]
				if i+n >= len(inner) {
					return "", errors.New("a short escape")
				}
				v, err := strconv.ParseUint(inner[i+1:i+1+n], 16, 32)
				if err != nil || v == 0 {
					return "", fmt.Errorf("a bad escape \\%c%s", e, inner[i+1:i+1+n])
				}
				if e == 'x' {
					b.WriteByte(byte(v))
				} else {
					b.WriteRune(rune(v))
				}
				i += n
			default:
				return "", fmt.Errorf("an escape systemd does not know: \\%c", e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// A unit that systemd would warn about makes the verifier's check fail:
// the check above is not one that always passes.
func TestSystemdVerifierCatchesABrokenUnit(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, Prefix+"x.timer")
	if err := os.WriteFile(p, []byte("[Timer]\nOnCalendar=Mon..Fri *-*-* 25:00:00\nBogus=1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runtime := filepath.Join(dir, "runtime")
	os.Mkdir(runtime, 0o700)
	cmd := exec.Command(analyze, "verify", "--user", p)
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+runtime)
	out, err := cmd.CombinedOutput()
	if err == nil && len(strings.TrimSpace(string(out))) == 0 {
		t.Errorf("systemd-analyze verify said nothing about a broken timer")
	}
}

// The launchd agents unknot writes into a temporary HOME, to the byte.
func TestLaunchdAgentsMatchTheGoldenFiles(t *testing.T) {
	dir := t.TempDir()
	run := &fakeRunner{}
	l := Launchd{testEnv(dir, "/usr/local/bin/unknot", run)}
	files := installAll(t, l)
	if want := filepath.Join(dir, "home", "Library", "LaunchAgents"); l.Dir() != want {
		t.Fatalf("agents go in %s, want %s", l.Dir(), want)
	}
	if len(files) != 3 {
		t.Errorf("%d files, want 3: %v", len(files), files)
	}
	for name, text := range files {
		golden(t, "launchd-"+name, text)
	}
	want := "launchctl bootstrap gui/1000 " + filepath.Join(l.Dir(), "unknot-remind-session-0830.plist")
	if !slices.Contains(run.ran, want) {
		t.Errorf("ran %q, want %q among them", run.ran, want)
	}
	if _, err := exec.LookPath("plutil"); err == nil {
		for name := range files {
			if out, err := exec.Command("plutil", "-lint", filepath.Join(l.Dir(), name)).CombinedOutput(); err != nil {
				t.Errorf("plutil -lint %s: %v %s", name, err, out)
			}
		}
	}
}

func TestCrontabLines(t *testing.T) {
	env := Env{Exe: "/opt/my apps/unknot", Vars: []string{"UNKNOT_HOME=/home/pat/it's 100%"}}
	var lines []string
	for _, r := range goldenReminders {
		lines = append(lines, CrontabLine(r, env))
	}
	want := []string{
		`30 8 * * 1-5 UNKNOT_HOME='/home/pat/it'\''s 100\%' '/opt/my apps/unknot' nudge session`,
		`0 15 * * * UNKNOT_HOME='/home/pat/it'\''s 100\%' '/opt/my apps/unknot' nudge move`,
		`*/15 * * * * UNKNOT_HOME='/home/pat/it'\''s 100\%' '/opt/my apps/unknot' nudge care`,
	}
	if !slices.Equal(lines, want) {
		t.Errorf("crontab lines\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// Installing twice writes the same files; removing all leaves the folder
// as it was, with the person's own files untouched.
func TestInstallTwiceThenRemoveAllLeavesOnlyWhatWasThere(t *testing.T) {
	dir := t.TempDir()
	s := Systemd{testEnv(dir, "/usr/local/bin/unknot", &fakeRunner{})}
	if err := os.MkdirAll(s.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	theirs := map[string]string{"backup.timer": "[Timer]\n", "unknot-remind-notes.txt": "mine\n", "unknot.service": "[Service]\n",
		"unknot-remind-Mine.timer": "[Timer]\n", "my-unknot-remind-x.timer": "[Timer]\n"}
	for n, text := range theirs {
		os.WriteFile(filepath.Join(s.Dir(), n), []byte(text), 0o644)
	}
	before := readDir(t, s.Dir())
	first := installAll(t, s)
	second := installAll(t, s)
	if !mapsEqual(first, second) {
		t.Errorf("installing twice changed the files")
	}
	// A crash between writing and renaming leaves a .new file: unknot's.
	os.WriteFile(filepath.Join(s.Dir(), "unknot-remind-care.timer.new"), []byte("[Tim"), 0o600)
	removed, untold, err := RemoveAll(s)
	if err != nil || untold != nil {
		t.Fatal(err, untold)
	}
	if len(removed) != 7 {
		t.Errorf("removed %v, want the 6 units and the half-written one", removed)
	}
	if after := readDir(t, s.Dir()); !mapsEqual(before, after) {
		t.Errorf("after RemoveAll the folder holds %v, want %v", keys(after), keys(before))
	}
}

// A program systemd would refuse to run is refused before anything is written.
func TestSystemdRefusesAProgramItCannotRun(t *testing.T) {
	dir := t.TempDir()
	for _, exe := range []string{`/opt/it's/unknot`, `/opt/a"b/unknot`, `/opt/a\b/unknot`, "unknot", "/opt/a\x1bb/unknot", "/opt/a\nb/unknot"} {
		run := &fakeRunner{}
		s := Systemd{testEnv(dir, exe, run)}
		if err := Install(s, goldenReminders[0]); err == nil || !strings.Contains(err.Error(), "systemd cannot run") {
			t.Errorf("%q: %v", exe, err)
		}
		if _, err := os.Stat(s.Dir()); !errors.Is(err, os.ErrNotExist) || len(run.ran) > 0 {
			t.Errorf("%q: wrote or ran something: %v %q", exe, err, run.ran)
		}
	}
}

// A scheduler that refuses to enable leaves nothing of the reminder.
func TestInstallThatFailsLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	run := &fakeRunner{fail: map[string]bool{"systemctl --user enable": true}}
	s := Systemd{testEnv(dir, "/usr/local/bin/unknot", run)}
	err := Install(s, goldenReminders[0])
	if err == nil || !strings.Contains(err.Error(), "refused by the test") {
		t.Fatalf("Install: %v, want the enable's failure", err)
	}
	if left := readDir(t, s.Dir()); len(left) != 0 {
		t.Errorf("a failed install left %v", keys(left))
	}
	if last := run.ran[len(run.ran)-1]; last != "systemctl --user daemon-reload" {
		t.Errorf("after undoing, ran %q last, want a daemon-reload", last)
	}
	// The folders it made for the units (config/systemd/user under dir,
	// none there before) are gone too; a folder that was there stays, and
	// so does one that holds something of the person's.
	if _, err := os.Stat(filepath.Join(dir, "config")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed install left the folders it made: %v", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "config", "systemd"), 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "config", "systemd", "mine.conf"), nil, 0o600)
	if err := Install(s, goldenReminders[0]); err == nil {
		t.Fatal("Install did not fail")
	}
	if _, err := os.Stat(s.Dir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed install left %s, which it made: %v", s.Dir(), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "config", "systemd", "mine.conf")); err != nil {
		t.Errorf("a failed install took away a folder that was there: %v", err)
	}
}

func TestDetect(t *testing.T) {
	env := Env{Run: &fakeRunner{fail: map[string]bool{"systemctl --user show-environment": true}}}
	if s, why := Detect(env, "linux"); s != nil || !strings.Contains(why, "no systemd user session") {
		t.Errorf("no user bus: %v, %q", s, why)
	}
	env.Run = &fakeRunner{}
	if s, _ := Detect(env, "linux"); s == nil || s.Name() != "systemd user timers" {
		t.Errorf("systemd: %v", s)
	}
	if s, _ := Detect(env, "darwin"); s == nil || s.Name() != "launchd agents" {
		t.Errorf("darwin: %v", s)
	}
	env.Run = &fakeRunner{path: map[string]bool{}}
	if s, why := Detect(env, "freebsd"); s != nil || why != "systemctl is not installed" {
		t.Errorf("nothing: %v %q", s, why)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// When systemd's user manager cannot be reached, RemoveAll still removes
// every file of unknot's; that systemd was not told is said apart, with
// what to run by hand where it answers.
func TestRemoveAllRemovesTheFilesWhenSystemdCannotBeTold(t *testing.T) {
	dir := t.TempDir()
	s := Systemd{testEnv(dir, "/usr/local/bin/unknot", &fakeRunner{})}
	installAll(t, s)
	os.WriteFile(filepath.Join(s.Dir(), "backup.timer"), []byte("[Timer]\n"), 0o644)
	s.Env.Run = &fakeRunner{fail: map[string]bool{"systemctl --user": true}}
	removed, untold, err := RemoveAll(s)
	if err != nil {
		t.Fatalf("RemoveAll: %v, want every file removed", err)
	}
	if untold == nil || !strings.Contains(untold.Error(), "systemctl --user daemon-reload failed: Failed to systemctl --user: refused by the test") {
		t.Errorf("untold: %v, want the daemon-reload's failure", untold)
	}
	if after := keys(readDir(t, s.Dir())); len(removed) != 6 || !slices.Equal(after, []string{"backup.timer"}) {
		t.Errorf("removed %v; the folder holds %v, want only backup.timer", removed, after)
	}
	want := "systemctl --user stop 'unknot-remind-*.timer'; systemctl --user daemon-reload"
	if HandCommand(s) != want || HandCommand(FilesOnly{s}) != want || HandCommand(Launchd(s)) != "" {
		t.Errorf("HandCommand: %q, %q, %q", HandCommand(s), HandCommand(FilesOnly{s}), HandCommand(Launchd(s)))
	}
}
