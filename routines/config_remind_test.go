package routines

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestConfigReadsRemindersAndQuietHours(t *testing.T) {
	text := `# my settings
pace = 1.2
quiet = "22:30-07:00"

[[remind]]
id = "morning"   # before work
at = "08:30"
days = "mon-fri"

[[remind]]
what = "care"
days = "weekends"

[[remind]]
at = "15:00"
what = "move"
`
	cfg, probs := ParseConfig("config.toml", []byte(text))
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if cfg.Pace == nil || *cfg.Pace != 1.2 {
		t.Errorf("pace lost among the reminders: %v", cfg.Pace)
	}
	if q := cfg.Remind.QuietOrDefault(); q.String() != "22:30-07:00" {
		t.Errorf("quiet %v", q)
	}
	weekdays := EveryDay &^ (1<<time.Saturday | 1<<time.Sunday)
	want := []Reminder{
		{ID: "morning", At: 8*60 + 30, Days: weekdays, What: NudgeSession},
		{ID: "care", At: NoClock, Days: 1<<time.Saturday | 1<<time.Sunday, What: NudgeCare},
		{ID: "move-1500", At: 15 * 60, Days: EveryDay, What: NudgeMove},
	}
	if !reflect.DeepEqual(cfg.Remind.Reminders, want) {
		t.Errorf("reminders\n%+v\nwant\n%+v", cfg.Remind.Reminders, want)
	}
	none, _ := ParseConfig("config.toml", []byte("pace = 1.0\n"))
	if none.Remind.QuietOrDefault() != DefaultQuiet || len(none.Remind.Reminders) != 0 {
		t.Errorf("no reminders: %+v", none.Remind)
	}
}

// Every mistake in a [[remind]] table, or in quiet, is one line at its
// position, like the rest of config.toml.
func TestConfigRemindProblemsHaveTheirPlace(t *testing.T) {
	cases := []struct {
		name, text string
		want       string
	}{
		{"hour 25", "[[remind]]\nat = \"25:00\"\n", `config.toml:2:6: at: "25:00" is not a time of day: hours go from 00 to 23`},
		{"not a time", "[[remind]]\nat = \"half past eight\"\n", `config.toml:2:6: at: "half past eight" is not a time of day: write it as HH:MM`},
		{"funday", "[[remind]]\nat = \"08:30\"\ndays = \"mon,funday\"\n", `config.toml:3:8: days "mon,funday": "funday" is not a day`},
		{"nap", "[[remind]]\nat = \"08:30\"\nwhat = \"nap\"\n", `config.toml:3:8: what: "nap" is not something to be reminded of; say session, breathe, move or care`},
		{"no time", "pace = 1.0\n\n[[remind]]\ndays = \"daily\"\n", `config.toml:3:3: this [[remind]] has no at`},
		{"care with a time", "[[remind]]\nwhat = \"care\"\nat = \"09:00\"\n", `config.toml:3:6: a care reminder follows the care plan`},
		{"unknown key", "[[remind]]\ntime = \"08:30\"\n", `config.toml:2:1: unknown key "time"`},
		{"a number for at", "[[remind]]\nat = 830\n", `config.toml:2:6: at must be a string in quotes`},
		{"the same id twice", "[[remind]]\nat = \"08:30\"\n[[remind]]\nat = \"08:30\"\n", `config.toml:3:3: the reminder id "session-0830" is given twice (first on line 1)`},
		{"a bad id", "[[remind]]\nid = \"My Morning\"\nat = \"08:30\"\n", `config.toml:2:6: id: "My Morning" is not a reminder id`},
		{"a single table", "[remind]\nat = \"08:30\"\n", `config.toml:1:2: tables are not part of config.toml, except [[remind]]`},
		{"quiet backwards", "quiet = \"21:00\"\n", `config.toml:1:9: quiet is "21:00"; write it as two times joined by '-'`},
		{"quiet hour 24", "quiet = \"24:00-08:00\"\n", `config.toml:1:9: quiet: "24:00" is not a time of day`},
		{"a setting after the tables", "[[remind]]\nat = \"08:30\"\npace = 1.5\n", `config.toml:3:1: unknown key "pace"`},
		{"not TOML in a table", "[[remind]]\nat = \"08:30\n", `config.toml:2:12: not valid TOML`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, probs := ParseConfig("config.toml", []byte(c.text))
			if len(probs) == 0 {
				t.Fatalf("no problem; reminders %+v", cfg.Remind.Reminders)
			}
			if got := probs[0].Error(); !strings.HasPrefix(got, c.want) {
				t.Errorf("first problem\n%s\nwant it to begin\n%s", got, c.want)
			}
		})
	}
	many := strings.Repeat("[[remind]]\nwhat = \"move\"\nat = \"10:00\"\n", 1)
	for i := 0; i <= MaxReminders; i++ {
		many += "[[remind]]\nid = \"r" + string(rune('a'+i/10)) + string(rune('a'+i%10)) + "\"\nat = \"10:00\"\n"
	}
	if _, probs := ParseConfig("config.toml", []byte(many)); len(probs) == 0 || !strings.Contains(probs[0].Error(), "more than 24 reminders") {
		t.Errorf("too many reminders: %v", probs)
	}
}

func TestDaysAndClocksReadAndWrite(t *testing.T) {
	for in, want := range map[string]string{
		"mon-fri": "mon-fri", "weekdays": "mon-fri", "Weekends": "sat-sun", "sat,sun": "sat-sun",
		"daily": "daily", "mon-sun": "daily", "fri-mon": "mon,fri-sun", "monday, wednesday,fri": "mon,wed,fri",
		"tue": "tue", "sun,mon": "mon,sun", "mon,tue": "mon,tue",
	} {
		w, err := ParseWeekdays(in)
		if err != nil || w.String() != want {
			t.Errorf("ParseWeekdays(%q) = %v (%v), want %s", in, w, err, want)
			continue
		}
		if back, err := ParseWeekdays(w.String()); err != nil || back != w {
			t.Errorf("%q does not read back: %v %v", w.String(), back, err)
		}
	}
	for _, bad := range []string{"funday", "mon-", "", "mon,,fri", "1-5"} {
		if _, err := ParseWeekdays(bad); err == nil {
			t.Errorf("ParseWeekdays(%q) took it", bad)
		}
	}
	for in, want := range map[string]string{"8:30": "08:30", "00:00": "00:00", "23:59": "23:59"} {
		if c, err := ParseClock(in); err != nil || c.String() != want {
			t.Errorf("ParseClock(%q) = %v %v", in, c, err)
		}
	}
	for _, bad := range []string{"24:00", "25:00", "8:60", "830", "8.30", "-1:00", "08:30:00", ""} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) took it", bad)
		}
	}
	q, _ := ParseQuiet("21:00-08:00")
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for h, quiet := range map[int]bool{20: false, 21: true, 23: true, 0: true, 7: true, 8: false, 12: false} {
		if got := q.Contains(day.Add(time.Duration(h) * time.Hour)); got != quiet {
			t.Errorf("quiet at %d:00 = %v", h, got)
		}
	}
	lunch, _ := ParseQuiet("12:00-13:30")
	if !lunch.Contains(day.Add(13*time.Hour)) || lunch.Contains(day.Add(14*time.Hour)) {
		t.Errorf("quiet hours within a day")
	}
}

// SaveReminders keeps everything else in the file, and each reminder that
// stays keeps its comments.
func TestSaveRemindersKeepsTheRestOfTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	start := "# settings\nsound = \"off\" # no sound\n\n[[remind]]\n# before work\nat = \"08:30\"\ndays = \"mon-fri\"\n\n[[remind]]\nat = \"17:00\"\n"
	if err := os.WriteFile(path, []byte(start), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _ := LoadConfig(path)
	list := append([]Reminder{cfg.Remind.Reminders[0]}, Reminder{ID: "care", At: NoClock, Days: EveryDay, What: NudgeCare})
	if err := SaveReminders(path, list); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	want := "# settings\nsound = \"off\" # no sound\n\n[[remind]]\n# before work\nat = \"08:30\"\ndays = \"mon-fri\"\n\n" +
		"[[remind]]\nid = \"care\"\ndays = \"daily\"\nwhat = \"care\"\n"
	if string(data) != want {
		t.Errorf("file\n%s\nwant\n%s", data, want)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	back, probs := LoadConfig(path)
	if len(probs) > 0 || !reflect.DeepEqual(back.Remind.Reminders, list) {
		t.Errorf("read back %+v %v, want %+v", back.Remind.Reminders, probs, list)
	}
	if err := SaveReminders(path, nil); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "# settings\nsound = \"off\" # no sound\n\n" {
		t.Errorf("with no reminders: %q", data)
	}
	os.WriteFile(path, []byte("[[remind]]\nat = \"25:00\"\n"), 0o600)
	if err := SaveReminders(path, list); err == nil || !strings.Contains(err.Error(), "fix config.toml first") {
		t.Errorf("a broken file was saved over: %v", err)
	}
	fresh := filepath.Join(dir, "new", "config.toml")
	if err := SaveReminders(fresh, list[:1]); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(fresh); string(data) != "[[remind]]\nid = \"session-0830\"\nat = \"08:30\"\ndays = \"mon-fri\"\nwhat = \"session\"\n" {
		t.Errorf("a new file: %q", data)
	}
}

// Any text: no panic; a file without problems keeps its text when its own
// reminders are saved back, and reads back what was saved when one more
// is added.
func FuzzParseConfigReminders(f *testing.F) {
	f.Add("quiet = \"21:00-08:00\"\n[[remind]]\nat = \"08:30\"\ndays = \"mon-fri\"\n")
	f.Add("[[remind]]\nwhat = \"care\"\n# note\n[[remind]]\nid = \"x\"\nat = \"1:05\"\nwhat = \"move\"")
	f.Add("pace = 1.0\n[remind]\nat = 1\n[[remind]]\n[[remind.x]]\n")
	f.Fuzz(func(t *testing.T, text string) {
		cfg, probs := ParseConfig("config.toml", []byte(text))
		if len(probs) > 0 {
			return
		}
		same := reminderText([]byte(text), cfg.Remind, cfg.Remind.Reminders)
		if string(same) != text {
			t.Fatalf("saving the same reminders changed the text:\n%q\n%q", text, same)
		}
		if len(cfg.Remind.Reminders) >= MaxReminders {
			return
		}
		more := append(append([]Reminder(nil), cfg.Remind.Reminders...), Reminder{ID: "fuzz-extra", At: 61, Days: EveryDay, What: NudgeMove})
		for _, r := range cfg.Remind.Reminders {
			if r.ID == "fuzz-extra" {
				return
			}
		}
		out := reminderText([]byte(text), cfg.Remind, more)
		back, probs := ParseConfig("config.toml", out)
		if len(probs) > 0 || !reflect.DeepEqual(back.Remind.Reminders, more) {
			t.Fatalf("added one to %q: got %q, %v, %+v", text, out, probs, back.Remind.Reminders)
		}
	})
}
