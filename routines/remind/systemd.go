package remind

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unknot/unknot/routines"
)

// Systemd is systemd's user manager (`systemctl --user`): a timer and a
// oneshot service per reminder, in $XDG_CONFIG_HOME/systemd/user.
type Systemd struct{ Env Env }

// SystemdAvailable reports whether a systemd user manager answers here:
// systemctl is on PATH and `systemctl --user show-environment` works.
func SystemdAvailable(env Env) (bool, string) {
	if _, err := env.Run.LookPath("systemctl"); err != nil {
		return false, "systemctl is not installed"
	}
	if out, err := env.Run.Run("systemctl", "--user", "show-environment"); err != nil {
		return false, "no systemd user session (`systemctl --user`: " + firstLine(out, err) + ")"
	}
	return true, ""
}

func (s Systemd) Name() string   { return "systemd user timers" }
func (s Systemd) Dir() string    { return filepath.Join(s.Env.ConfigHome, "systemd", "user") }
func (s Systemd) Exts() []string { return []string{".timer", ".service"} }

// Check refuses a program systemd cannot run: it takes the program's
// path literally, without expanding $ (a % is written doubled), but
// refuses one holding a quote, a backslash or a control character
// ("Executable name contains special characters"). It refuses a folder
// for the nudge (Vars) that is not UTF-8, which systemd would pass over.
func (s Systemd) Check() error {
	if !filepath.IsAbs(s.Env.Exe) || strings.ContainsAny(s.Env.Exe, "\"'\\") || strings.ContainsFunc(s.Env.Exe, unicode.IsControl) {
		return fmt.Errorf("systemd cannot run %q: its path must be absolute and free of quotes, backslashes and control characters; move unknot to a folder such as ~/.local/bin and add the reminder again", s.Env.Exe)
	}
	for _, v := range s.Env.Vars {
		if !utf8.ValidString(v) {
			name, value, _ := strings.Cut(v, "=")
			return fmt.Errorf("systemd cannot pass %s=%q to the reminder: it is not UTF-8; use a folder whose name is", name, value)
		}
	}
	return nil
}

func unitName(id, ext string) string { return Prefix + id + ext }

// Files are the reminder's timer and its service.
func (s Systemd) Files(r routines.Reminder) []File {
	return []File{
		{unitName(r.ID, ".service"), []byte(s.service(r))},
		{unitName(r.ID, ".timer"), []byte(s.timer(r))},
	}
}

const writtenBy = "Written by unknot (unknot remind); unknot remind off removes it."

func (s Systemd) description(r routines.Reminder) string {
	return systemdText(fmt.Sprintf("unknot reminder %s: %s, %s", r.ID, r.What, Describe(r)))
}

func (s Systemd) service(r routines.Reminder) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n[Unit]\nDescription=%s\n\n[Service]\nType=oneshot\n", writtenBy, s.description(r))
	fmt.Fprintf(&b, "ExecStart=%s nudge %s\n", systemdQuote(s.Env.Exe, false), r.What)
	for _, v := range s.Env.Vars {
		fmt.Fprintf(&b, "Environment=%s\n", systemdQuote(v, false))
	}
	return b.String()
}

func (s Systemd) timer(r routines.Reminder) string {
	return fmt.Sprintf("# %s\n[Unit]\nDescription=%s\n\n[Timer]\nOnCalendar=%s\nAccuracySec=1s\nUnit=%s\n\n[Install]\nWantedBy=timers.target\n",
		writtenBy, s.description(r), OnCalendar(r), unitName(r.ID, ".service"))
}

func (s Systemd) systemctl(args ...string) error {
	args = append([]string{"--user"}, args...)
	out, err := s.Env.Run.Run("systemctl", args...)
	if err != nil {
		return ranErr("systemctl "+strings.Join(args, " "), out, err)
	}
	return nil
}

func (s Systemd) Reload() error { return s.systemctl("daemon-reload") }
func (s Systemd) Enable(id string) error {
	return s.systemctl("enable", "--now", unitName(id, ".timer"))
}
func (s Systemd) Disable(id string) error {
	return s.systemctl("disable", "--now", unitName(id, ".timer"))
}

// Active asks systemd whether the reminder's timer is running.
func (s Systemd) Active(id string) (bool, string) {
	out, err := s.Env.Run.Run("systemctl", "--user", "is-active", unitName(id, ".timer"))
	state := strings.TrimSpace(string(out))
	if err == nil && state == "active" {
		return true, ""
	}
	if state == "" {
		state = firstLine(out, err)
	}
	return false, "its timer is " + state
}

// systemdQuote writes s as one word of a unit file, as systemd reads it
// back exactly (it unquotes, undoes C escapes, then expands specifiers):
// in double quotes, with '\' and '"' escaped, '%' doubled (specifiers),
// and every control or invisible formatting character as a C escape
// (\n, \t, \x1b, \u202e), so the file holds no raw one; in a command's
// arguments '$' is doubled too (no variable is expanded), but not in its
// program, which systemd takes as written. s is UTF-8 (Check).
func systemdQuote(s string, command bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\' || r == '"':
			b.WriteString(`\` + string(r))
		case r == '%':
			b.WriteString("%%")
		case r == '$' && command:
			b.WriteString("$$")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// systemdText is a line of free text in a unit file: one line, '%' doubled.
func systemdText(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\n", " "), "%", "%%")
}

func firstLine(out []byte, err error) string {
	s := strings.TrimSpace(string(out))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" && err != nil {
		s = err.Error()
	}
	return s
}
