package remind

import (
	"fmt"
	"strings"

	"github.com/unknot/unknot/routines"
)

// CrontabLine is the line that makes cron fire reminder r, for a system
// with neither a systemd user session nor launchd: the person adds it
// with `crontab -e`. The program and the environment are quoted for the
// shell cron runs it with; '%' (a line break to cron) is escaped.
func CrontabLine(r routines.Reminder, env Env) string {
	when := fmt.Sprintf("%d %d * *", r.At.Minute(), r.At.Hour())
	if r.What == routines.NudgeCare {
		when = "*/15 * * *"
	}
	var b strings.Builder
	b.WriteString(when + " " + cronDays(r.Days) + " ")
	for _, v := range env.Vars {
		name, value, _ := strings.Cut(v, "=")
		b.WriteString(name + "=" + shellQuote(value) + " ")
	}
	b.WriteString(shellQuote(env.Exe) + " nudge " + string(r.What))
	return strings.ReplaceAll(b.String(), "%", `\%`)
}

// shellQuote puts s in single quotes for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Detect is the scheduler of this system: systemd's user manager, else
// launchd on macOS; nil, with why, when there is neither.
func Detect(env Env, goos string) (Scheduler, string) {
	if ok, _ := LaunchdAvailable(env, goos); ok {
		return Launchd{env}, ""
	}
	ok, why := SystemdAvailable(env)
	if ok {
		return Systemd{env}, ""
	}
	if goos == "darwin" {
		why = "launchctl is not on PATH"
	}
	return nil, why
}
