package remind

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/unknot/unknot/routines"
)

// Prefix begins the name of every file unknot writes for a reminder:
// unknot-remind-<id>.<ext>. `remind off` removes exactly these.
const Prefix = "unknot-remind-"

// Runner runs the scheduler's programs (systemctl, launchctl). Tests give
// one that records what would run, so they never touch the user session.
type Runner interface {
	// Run runs name with args and returns what it printed (both streams).
	Run(name string, args ...string) ([]byte, error)
	// LookPath finds a program on PATH.
	LookPath(name string) (string, error)
}

// Env is where and how reminders are installed.
type Env struct {
	Home       string   // the home folder (launchd's ~/Library/LaunchAgents)
	ConfigHome string   // XDG_CONFIG_HOME, or Home/.config (systemd's user units)
	UID        int      // launchd's gui/<uid> domain
	Exe        string   // the unknot program the scheduler runs, an absolute path
	Vars       []string // NAME=value the nudge needs (UNKNOT_HOME, XDG_*_HOME when set)
	Run        Runner
}

// A File is one file a scheduler needs for a reminder: its name in the
// scheduler's folder, and what it holds.
type File struct {
	Name string
	Data []byte
}

// Scheduler is one system's scheduler: systemd user timers, launchd
// agents. Files is pure; the other methods run the scheduler's programs.
type Scheduler interface {
	Name() string                     // "systemd user timers", "launchd agents"
	Dir() string                      // the folder its files go in
	Exts() []string                   // the endings of its files, like ".timer"
	Files(r routines.Reminder) []File // what reminder r needs, by name
	Reload() error                    // make it read its folder again
	Enable(id string) error           // start firing reminder id
	Disable(id string) error          // stop firing reminder id
	Active(id string) (bool, string)  // will the system fire reminder id? if not, why
}

// Install puts reminder r into the scheduler: all its files are written,
// then the scheduler is told. If any step fails, what was written is
// removed and the scheduler told again, so a reminder is never half
// installed. Installing again writes the same files (it is idempotent).
func Install(s Scheduler, r routines.Reminder) error {
	if err := routines.CheckReminderID(r.ID); err != nil {
		return err
	}
	if c, ok := s.(interface{ Check() error }); ok {
		if err := c.Check(); err != nil {
			return err
		}
	}
	made, err := mkdirs(s.Dir())
	if err != nil {
		return fmt.Errorf("cannot make %s: %v", s.Dir(), unwrap(err))
	}
	var written []string
	undo := func(err error) error {
		_ = s.Disable(r.ID)
		for _, p := range written {
			_ = os.Remove(p)
		}
		for _, d := range made { // the folders made for it, deepest first, if empty
			_ = os.Remove(d)
		}
		_ = s.Reload()
		return err
	}
	for _, f := range s.Files(r) {
		p := filepath.Join(s.Dir(), f.Name)
		written = append(written, p)
		if err := writeFile(p, f.Data); err != nil {
			return undo(err)
		}
	}
	if err := s.Reload(); err != nil {
		return undo(err)
	}
	if err := s.Enable(r.ID); err != nil {
		return undo(err)
	}
	return nil
}

// Remove takes reminder id out of the scheduler: it stops firing, and
// its files are removed. A reminder that is not installed is no error.
// err and untold are RemoveAll's: a file that could not be removed, and
// the scheduler not hearing of it (its files gone all the same).
func Remove(s Scheduler, id string) (untold, err error) {
	if err := routines.CheckReminderID(id); err != nil {
		return nil, err
	}
	files, err := Installed(s)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		if idOf(s, f) == id {
			names = append(names, f)
		}
	}
	return removeFiles(s, names)
}

// RemoveAll takes every reminder unknot installed out of the scheduler
// and removes their files (only files named unknot-remind-*, with the
// scheduler's endings). It returns the files removed. err is a file that
// could not be removed. untold is the scheduler not hearing of it (like
// `systemctl --user daemon-reload` failing with no user manager to
// reach): every file is gone all the same, but what the scheduler has
// loaded may still run until it is stopped by hand (HandCommand).
func RemoveAll(s Scheduler) (removed []string, untold, err error) {
	files, err := Installed(s)
	if err != nil {
		return nil, nil, err
	}
	untold, err = removeFiles(s, files)
	return files, untold, err
}

// removeFiles stops the reminders of the named files, removes the files
// and has the scheduler read its folder again. err is the files that
// could not be removed; untold is the scheduler's failure to read its
// folder again, the files being gone.
func removeFiles(s Scheduler, names []string) (untold, err error) {
	if len(names) == 0 {
		return nil, nil
	}
	done := map[string]bool{}
	for _, n := range names {
		if id := idOf(s, n); !done[id] {
			done[id] = true
			_ = s.Disable(id) // a reminder that never fired, or is gone already, is no matter
		}
	}
	var errs []error
	for _, n := range names {
		if err := os.Remove(filepath.Join(s.Dir(), n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("cannot remove %s: %v", filepath.Join(s.Dir(), n), unwrap(err)))
		}
	}
	return s.Reload(), errors.Join(errs...)
}

// HandCommand is what to run by hand, where the scheduler answers, when
// it could not be told that unknot's files are gone (RemoveAll's
// untold, or a scheduler known only by its files); "" when there is
// nothing to run.
func HandCommand(s Scheduler) string {
	if f, ok := s.(FilesOnly); ok {
		s = f.Scheduler
	}
	if _, ok := s.(Systemd); ok {
		return "systemctl --user stop 'unknot-remind-*.timer'; systemctl --user daemon-reload"
	}
	return ""
}

// Installed lists the names of unknot's files in the scheduler's folder,
// sorted. A folder that is not there holds none.
func Installed(s Scheduler) ([]string, error) {
	entries, err := os.ReadDir(s.Dir())
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", s.Dir(), unwrap(err))
	}
	var out []string
	for _, e := range entries {
		if idOf(s, e.Name()) != "" && e.Type().IsRegular() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// IDOf is the reminder id in one of unknot's file names in scheduler
// s's folder, "" for a file that is not unknot's.
func IDOf(s Scheduler, name string) string { return idOf(s, name) }

// Has reports whether any file of reminder id is in the scheduler's folder.
func Has(s Scheduler, id string) bool {
	files, _ := Installed(s)
	for _, f := range files {
		if idOf(s, f) == id {
			return true
		}
	}
	return false
}

// IsInstalled reports whether all of reminder r's files are in place,
// holding what they would be written with now.
func IsInstalled(s Scheduler, r routines.Reminder) bool {
	for _, f := range s.Files(r) {
		data, err := os.ReadFile(filepath.Join(s.Dir(), f.Name))
		if err != nil || string(data) != string(f.Data) {
			return false
		}
	}
	return true
}

// idOf is the reminder id in one of unknot's file names, "" for a file
// that is not unknot's. A file left half written by a crash (its name
// ends in .new) is unknot's too, so that `remind off` takes it away.
func idOf(s Scheduler, name string) string {
	rest, ok := strings.CutPrefix(strings.TrimSuffix(name, ".new"), Prefix)
	if !ok {
		return ""
	}
	for _, ext := range s.Exts() {
		if id, ok := strings.CutSuffix(rest, ext); ok && routines.CheckReminderID(id) == nil {
			return id
		}
	}
	return ""
}

// mkdirs makes folder dir and the folders above it that are missing,
// 0700, like os.MkdirAll, and returns those it made, deepest first, so
// that a failed install can take them away again.
func mkdirs(dir string) (made []string, err error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !errors.Is(err, os.ErrNotExist) {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return missing, nil
}

// writeFile writes data to path through a new file renamed into place,
// 0600: a crash leaves the old file or the new one.
func writeFile(path string, data []byte) error {
	tmp := path + ".new"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %v", path, unwrap(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %v", path, unwrap(err))
	}
	return nil
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ranErr is a scheduler program's failure, with what it said.
func ranErr(what string, out []byte, err error) error {
	said := strings.TrimSpace(string(out))
	if i := strings.IndexByte(said, '\n'); i >= 0 {
		said = said[:i]
	}
	if said != "" {
		return fmt.Errorf("%s failed: %s", what, said)
	}
	return fmt.Errorf("%s failed: %v", what, err)
}

// FilesOnly is a scheduler whose files are still on disk but whose
// programs are not here (a home folder carried from another system):
// its files can be listed and removed, and there is nothing to tell.
type FilesOnly struct{ Scheduler }

func (FilesOnly) Reload() error        { return nil }
func (FilesOnly) Enable(string) error  { return errors.New("this system has not got that scheduler") }
func (FilesOnly) Disable(string) error { return nil }
func (FilesOnly) Active(string) (bool, string) {
	return false, "this system has not got that scheduler"
}
