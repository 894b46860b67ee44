package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// SaveReminders makes config.toml at path hold exactly the reminders
// list: a [[remind]] table that is in the list unchanged stays as it is
// written (with its comments), one that is not is taken out, and the new
// ones are added at the end. Everything else in the file stays as it was.
// A missing file (and folder, 0700) is made; the file is replaced in one
// step and is 0600, as SavePace does. A file with problems is left alone:
// the error says to fix it first. The caller holds LockConfig's lock
// from reading the reminders it changes to this write.
func SaveReminders(path string, list []Reminder) error {
	data, err := ReadRegular(path, MaxFileSize)
	target := path
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		return fmt.Errorf("%s: cannot read: %v; the reminders were not changed", Printable(path), unwrapPath(err))
	default:
		if t, err := filepath.EvalSymlinks(path); err == nil {
			target = t
		}
	}
	cfg, probs := ParseConfig(path, data)
	if len(probs) > 0 {
		return fmt.Errorf("%v (fix config.toml first; the reminders were not changed)", probs[0])
	}
	return writeFileAtomic(target, reminderText(data, cfg.Remind, list), 0o600)
}

// reminderText is config.toml's text data, whose reminders are rc, made
// to hold the reminders list.
func reminderText(data []byte, rc RemindConfig, list []Reminder) []byte {
	want := map[string]Reminder{}
	for _, r := range list {
		want[r.ID] = r
	}
	kept := map[string]bool{}
	var out []byte
	at := 0
	for i, s := range rc.remindPos {
		old := rc.Reminders[i]
		out = append(out, data[at:s.header]...)
		at = s.end
		if r, ok := want[old.ID]; ok && r == old && !kept[old.ID] {
			out = append(out, data[s.header:s.end]...)
			kept[old.ID] = true
		}
	}
	out = append(out, data[at:]...)
	for _, r := range list {
		if kept[r.ID] {
			continue
		}
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		if len(out) > 0 && !strings.HasSuffix(string(out), "\n\n") {
			out = append(out, '\n')
		}
		out = append(out, ReminderTOML(r)...)
		kept[r.ID] = true
	}
	return out
}

// ReminderTOML is one reminder as a [[remind]] table.
func ReminderTOML(r Reminder) string {
	var b strings.Builder
	b.WriteString("[[remind]]\n")
	fmt.Fprintf(&b, "id = %q\n", r.ID)
	if r.What != NudgeCare {
		fmt.Fprintf(&b, "at = %q\n", r.At.String())
	}
	fmt.Fprintf(&b, "days = %q\n", r.Days.String())
	fmt.Fprintf(&b, "what = %q\n", string(r.What))
	return b.String()
}
