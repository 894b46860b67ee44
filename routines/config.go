package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"sort"
	"strings"
)

// ConfigFile is the name of the settings file in the config folder.
const ConfigFile = "config.toml"

// ConfigPath is where config.toml is: $UNKNOT_HOME/config.toml when
// UNKNOT_HOME is set, else <user config dir>/unknot/config.toml.
func ConfigPath() (string, error) {
	d, err := ConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, ConfigFile), nil
}

// The values a setting may take.
var (
	Sounds = []string{"auto", "tones", "voice", "bell", "off"}
	Themes = []string{"auto", "light", "dark"}
)

// Bounds on the numeric settings.
const (
	MinPace       = 0.5 // twice as fast as the pattern
	MaxPace       = 2.0 // twice as slow
	MaxVolume     = 100
	MaxSessionLen = 20 // routines in one session
)

// Config is what config.toml says. A setting the file does not give is
// nil (Session: empty), so that a caller can tell "not given" from a
// value, and flags can override what is given.
type Config struct {
	Path    string   // the file read ("" when there was none)
	Session []string // routine names, in order; empty when not given
	Pattern *Pattern
	Pace    *float64 // 0.5 to 2: 1 is the pattern as written, 1.2 a fifth slower
	Sound   *string  // one of Sounds
	Volume  *int     // 0 to 100
	Theme   *string  // one of Themes
	Checkin *bool    // ask about pain before and after
	Figure  *bool    // show the picture of each stretch

	Remind RemindConfig // the [[remind]] tables and quiet (config_remind.go)

	sessionPos [][2]int // where each session name is, for CheckSession
}

// Settings are the settings in force: the defaults, with config.toml laid
// over them (Config.Over), and then the flags (the caller's).
type Settings struct {
	Session []string // empty: DefaultSession
	Pattern Pattern
	Pace    float64
	Sound   string
	Volume  int
	Theme   string
	Checkin bool
	Figure  bool
	Quiet   QuietHours // when reminders stay quiet
}

// DefaultSettings are the settings with no config.toml and no flags.
func DefaultSettings() Settings {
	return Settings{Pattern: DefaultPattern, Pace: 1, Sound: "auto", Volume: 40, Theme: "auto", Checkin: true, Figure: true, Quiet: DefaultQuiet}
}

// Over lays what cfg gives over s.
func (cfg Config) Over(s Settings) Settings {
	if len(cfg.Session) > 0 {
		s.Session = append([]string(nil), cfg.Session...)
	}
	if cfg.Pattern != nil {
		s.Pattern = *cfg.Pattern
	}
	if cfg.Pace != nil {
		s.Pace = *cfg.Pace
	}
	if cfg.Sound != nil {
		s.Sound = *cfg.Sound
	}
	if cfg.Volume != nil {
		s.Volume = *cfg.Volume
	}
	if cfg.Theme != nil {
		s.Theme = *cfg.Theme
	}
	if cfg.Checkin != nil {
		s.Checkin = *cfg.Checkin
	}
	if cfg.Remind.Quiet != nil {
		s.Quiet = *cfg.Remind.Quiet
	}
	if cfg.Figure != nil {
		s.Figure = *cfg.Figure
	}
	return s
}

// configKeys are the keys config.toml may hold.
var configKeys = map[string]valueKind{
	"session": kStrings, "pattern": kString, "pace": kNumber, "sound": kString,
	"volume": kInt, "theme": kString, "checkin": kBool,
	"quiet":  kString, // reminders' quiet hours (config_remind.go)
	"figure": kBool,
}

var configSchema = schema{
	keys:   configKeys,
	known:  sortedKeys(configKeys),
	tables: "tables are not part of config.toml, except [[remind]] (a reminder); write every setting at the top level, above the first [[remind]]",
}

func sortedKeys(m map[string]valueKind) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// LoadConfig reads config.toml at path, as strictly as a routine file: an
// unknown key (with the closest known one), a value of the wrong type or
// out of range, a control character, a key given twice are each a problem
// at file:line:column, and the Config is only usable when there are none.
// A file that does not exist is no config: an empty Config and no
// problems. Only a regular file of at most MaxFileSize is read, without
// blocking. The session's names are checked against the catalog
// separately (CheckSession): the catalog is loaded after the settings.
func LoadConfig(path string) (Config, Problems) {
	data, err := ReadRegular(path, MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return Config{}, nil
	}
	if err != nil {
		return Config{}, Problems{{File: path, Msg: "cannot read: " + unwrapPath(err).Error()}}
	}
	return ParseConfig(path, data)
}

// ParseConfig reads config.toml's text; file names it in problems.
func ParseConfig(file string, data []byte) (Config, Problems) {
	cfg := Config{Path: file}
	l := &problemList{file: file}
	spans, _ := remindSpans(data)
	fields, ok := readFields(l, withoutReminders(data, spans), configSchema)
	if !ok {
		return Config{}, l.list()
	}
	cfg.Remind = parseReminders(l, data, spans, fields)
	add := l.add
	if f, ok := fields["session"]; ok {
		if len(f.strs) == 0 {
			add(f.line, f.col, "session is empty; leave it out for the default session, or name routines like [\"knee-to-chest\"]")
		}
		if len(f.strs) > MaxSessionLen {
			add(f.line, f.col, "session names %d routines; keep it to %d", len(f.strs), MaxSessionLen)
		}
		for i, n := range f.strs {
			if !nameRE.MatchString(n) || len(n) > MaxNameLen {
				add(f.strPos[i][0], f.strPos[i][1], "session names %s, which is not a routine name (lower-case letters and digits joined by '-', like \"knee-to-chest\")", quote(n))
				continue
			}
			cfg.Session = append(cfg.Session, n)
			cfg.sessionPos = append(cfg.sessionPos, f.strPos[i])
		}
	}
	if f, ok := fields["pattern"]; ok {
		if p, err := ParsePattern(f.str); err != nil {
			add(f.line, f.col, "%v", err)
		} else {
			cfg.Pattern = &p
		}
	}
	if f, ok := fields["pace"]; ok {
		if math.IsNaN(f.real) || f.real < MinPace || f.real > MaxPace {
			add(f.line, f.col, "pace is %s; it must be from %g (twice as fast) to %g (twice as slow), 1 for the pattern as written", f.raw, MinPace, MaxPace)
		} else {
			p := math.Round(f.real*100) / 100
			cfg.Pace = &p
		}
	}
	cfg.Sound = oneOf(fields, "sound", Sounds, add)
	cfg.Theme = oneOf(fields, "theme", Themes, add)
	if f, ok := fields["volume"]; ok {
		if f.num < 0 || f.num > MaxVolume {
			add(f.line, f.col, "volume is %s; it must be from 0 to %d", f.raw, MaxVolume)
		} else {
			v := int(f.num)
			cfg.Volume = &v
		}
	}
	if f, ok := fields["checkin"]; ok {
		b := f.flag
		cfg.Checkin = &b
	}
	if f, ok := fields["figure"]; ok {
		b := f.flag
		cfg.Figure = &b
	}
	if probs := l.list(); len(probs) > 0 {
		return Config{}, probs
	}
	return cfg, nil
}

// oneOf reads a setting that takes one of a few words.
func oneOf(fields map[string]field, key string, words []string, add adder) *string {
	f, ok := fields[key]
	if !ok {
		return nil
	}
	for _, w := range words {
		if f.str == w {
			return &w
		}
	}
	add(f.line, f.col, "%s is %s; it must be one of %s", key, quote(f.str), strings.Join(words, ", "))
	return nil
}

// String writes the settings in force as config.toml would hold them, one
// per line, for `unknot config`.
func (s Settings) String() string {
	var b strings.Builder
	session := "the default (" + strings.Join(DefaultPlan, ", ") + ", ordered by position)"
	if len(s.Session) > 0 {
		q := make([]string, len(s.Session))
		for i, n := range s.Session {
			q[i] = fmt.Sprintf("%q", n)
		}
		session = "[" + strings.Join(q, ", ") + "]"
	}
	fmt.Fprintf(&b, "session = %s\n", session)
	fmt.Fprintf(&b, "pattern = %q\n", s.Pattern.String())
	fmt.Fprintf(&b, "pace = %s\n", formatPace(s.Pace))
	fmt.Fprintf(&b, "sound = %q\n", s.Sound)
	fmt.Fprintf(&b, "volume = %d\n", s.Volume)
	fmt.Fprintf(&b, "theme = %q\n", s.Theme)
	fmt.Fprintf(&b, "checkin = %t\n", s.Checkin)
	fmt.Fprintf(&b, "figure = %t\n", s.Figure)
	fmt.Fprintf(&b, "quiet = %q\n", s.Quiet.String())
	return b.String()
}

// formatPace writes a pace as a TOML decimal: "1.0", "1.2", "0.75".
func formatPace(p float64) string {
	s := fmt.Sprintf("%.2f", p)
	s = strings.TrimRight(s, "0")
	if strings.HasSuffix(s, ".") {
		s += "0"
	}
	return s
}
