package remind

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/unknot/unknot/routines"
)

// Launchd is macOS's launchd: a user agent per reminder, in
// ~/Library/LaunchAgents, loaded into the gui/<uid> domain.
type Launchd struct{ Env Env }

// LaunchdAvailable reports whether launchd can take agents here: macOS,
// with launchctl on PATH.
func LaunchdAvailable(env Env, goos string) (bool, string) {
	if goos != "darwin" {
		return false, "launchd is macOS's"
	}
	if _, err := env.Run.LookPath("launchctl"); err != nil {
		return false, "launchctl is not on PATH"
	}
	return true, ""
}

func (l Launchd) Name() string   { return "launchd agents" }
func (l Launchd) Dir() string    { return filepath.Join(l.Env.Home, "Library", "LaunchAgents") }
func (l Launchd) Exts() []string { return []string{".plist"} }

// Label is the agent's label: its file's name without .plist.
func Label(id string) string { return Prefix + id }

func (l Launchd) Files(r routines.Reminder) []File {
	return []File{{Label(r.ID) + ".plist", []byte(l.plist(r))}}
}

func (l Launchd) plist(r routines.Reminder) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- ` + writtenBy + ` -->
<plist version="1.0">
<dict>
`)
	fmt.Fprintf(&b, "\t<key>Label</key>\n\t<string>%s</string>\n", xmlText(Label(r.ID)))
	b.WriteString("\t<key>ProgramArguments</key>\n\t<array>\n")
	for _, a := range []string{l.Env.Exe, "nudge", string(r.What)} {
		fmt.Fprintf(&b, "\t\t<string>%s</string>\n", xmlText(a))
	}
	b.WriteString("\t</array>\n")
	if len(l.Env.Vars) > 0 {
		b.WriteString("\t<key>EnvironmentVariables</key>\n\t<dict>\n")
		for _, v := range l.Env.Vars {
			name, value, _ := strings.Cut(v, "=")
			fmt.Fprintf(&b, "\t\t<key>%s</key>\n\t\t<string>%s</string>\n", xmlText(name), xmlText(value))
		}
		b.WriteString("\t</dict>\n")
	}
	b.WriteString("\t<key>StartCalendarInterval</key>\n\t<array>\n")
	for _, when := range calendarIntervals(r) {
		b.WriteString("\t\t<dict>\n")
		for _, kv := range when {
			fmt.Fprintf(&b, "\t\t\t<key>%s</key>\n\t\t\t<integer>%d</integer>\n", kv.key, kv.value)
		}
		b.WriteString("\t\t</dict>\n")
	}
	b.WriteString("\t</array>\n\t<key>ProcessType</key>\n\t<string>Background</string>\n</dict>\n</plist>\n")
	return b.String()
}

type calendarKey struct {
	key   string
	value int
}

// calendarIntervals are launchd's StartCalendarInterval entries: one per
// day of the week (none for every day), and for care one per quarter hour.
func calendarIntervals(r routines.Reminder) [][]calendarKey {
	days := []int{-1}
	if r.Days != routines.EveryDay {
		days = nil
		for _, d := range r.Days.Days() {
			days = append(days, int(d))
		}
	}
	var times [][]calendarKey
	if r.What == routines.NudgeCare {
		for m := 0; m < 60; m += int(CareCheck / time.Minute) {
			times = append(times, []calendarKey{{"Minute", m}})
		}
	} else {
		times = [][]calendarKey{{{"Hour", r.At.Hour()}, {"Minute", r.At.Minute()}}}
	}
	var out [][]calendarKey
	for _, d := range days {
		for _, t := range times {
			var when []calendarKey
			if d >= 0 {
				when = append(when, calendarKey{"Weekday", d})
			}
			out = append(out, append(when, t...))
		}
	}
	return out
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (l Launchd) domain() string { return "gui/" + strconv.Itoa(l.Env.UID) }

func (l Launchd) launchctl(args ...string) error {
	out, err := l.Env.Run.Run("launchctl", args...)
	if err != nil {
		return ranErr("launchctl "+strings.Join(args, " "), out, err)
	}
	return nil
}

// Reload: launchd reads an agent's file when it is bootstrapped.
func (l Launchd) Reload() error { return nil }

// Enable loads the agent afresh (an older copy is booted out first).
func (l Launchd) Enable(id string) error {
	_ = l.launchctl("bootout", l.domain()+"/"+Label(id))
	return l.launchctl("bootstrap", l.domain(), filepath.Join(l.Dir(), Label(id)+".plist"))
}

func (l Launchd) Disable(id string) error {
	return l.launchctl("bootout", l.domain()+"/"+Label(id))
}

func (l Launchd) Active(id string) (bool, string) {
	out, err := l.Env.Run.Run("launchctl", "print", l.domain()+"/"+Label(id))
	if err != nil {
		return false, "launchd has not loaded it (" + firstLine(out, err) + ")"
	}
	return true, ""
}
