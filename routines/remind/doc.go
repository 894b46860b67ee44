// Package remind is unknot's reminders: a nudge to stretch, to breathe,
// to get up and move, or to put on ice or heat when the care plan says one
// is due, delivered by the system's own scheduler so that it fires with
// no unknot running.
//
// It holds three things, each apart from the others:
//
//   - The schedule, pure: when a reminder fires next (Next), how it is
//     said (Describe), and how each scheduler writes its time (systemd's
//     OnCalendar, launchd's StartCalendarInterval, a crontab line). The
//     reminders themselves (time of day, days, what) are config.toml's
//     [[remind]] tables, read by package routines with the rest of the
//     file, so that a mistake in them is config.toml:line:column.
//   - The nudge's decision, pure: Decide says, for a clock, the reminders,
//     the quiet hours and the facts from the history (runs done, the care
//     plan's record), whether to fire or to stay quiet and why. It stays
//     quiet in the quiet hours, within an hour after a session or a
//     breathing run, and on a day whose planned sessions are done; a care
//     reminder speaks once when the care plan (routines.AdviseCare) says an
//     application has become due. Message is what the notification says.
//   - The files, written and removed by name: a systemd user timer and
//     service (Linux), a launchd agent (macOS). Every file is named
//     unknot-remind-<id>.<ext>, so `unknot remind off` finds exactly
//     unknot's files and nothing else. Install writes all of a reminder's
//     files, then enables them; if any step fails it takes back what it
//     wrote (and the folders it made), so a reminder is never half
//     installed. The scheduler's
//     programs (systemctl, launchctl) are run through a Runner the caller
//     gives, so tests never touch the real user session.
package remind
