package routines

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestLoadConfigReadsEverySetting(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "config.toml", `# my settings
session = ["my-routine", "knee-to-chest"]
pattern = "4-7-8"
pace = 1.2
sound = "voice"
volume = 0
theme = "light"
checkin = false
`)
	cfg, probs := LoadConfig(path)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	s := cfg.Over(DefaultSettings())
	if !slices.Equal(s.Session, []string{"my-routine", "knee-to-chest"}) || s.Pattern.String() != "4-7-8" || s.Pace != 1.2 ||
		s.Sound != "voice" || s.Volume != 0 || s.Theme != "light" || s.Checkin {
		t.Errorf("settings %+v", s)
	}
	// A whole number is a pace too.
	if cfg, probs := ParseConfig("c.toml", []byte("pace = 2\n")); len(probs) > 0 || *cfg.Pace != 2 {
		t.Errorf("pace = 2: %v %v", cfg.Pace, probs)
	}
}

func TestAMissingConfigIsNoConfig(t *testing.T) {
	cfg, probs := LoadConfig(filepath.Join(t.TempDir(), "config.toml"))
	if len(probs) > 0 || cfg.Pace != nil || len(cfg.Session) > 0 {
		t.Fatalf("%+v %v", cfg, probs)
	}
	if s := cfg.Over(DefaultSettings()); s.Pace != 1 || s.Pattern != DefaultPattern || s.Sound != "auto" || s.Theme != "auto" || !s.Checkin || s.Session != nil {
		t.Errorf("defaults %+v", s)
	}
}

func TestLoadConfigReportsEveryProblemAtItsPosition(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		wants []want
	}{
		{"a misspelt key", "paec = 1.2", []want{{1, 1, `unknown key "paec"; did you mean "pace"?`}}},
		{"nothing close", "colour = \"blue\"", []want{{1, 1, `unknown key "colour"; known keys are checkin, figure, pace, pattern, quiet, session, sound, theme, volume`}}},
		{"pace too fast", "pace = 0.4", []want{{1, 8, "pace is 0.4; it must be from 0.5 (twice as fast) to 2 (twice as slow)"}}},
		{"pace as a string", `pace = "1.2"`, []want{{1, 8, "pace must be a number, not a string"}}},
		{"pace not a number", "pace = nan", []want{{1, 8, "pace is nan"}}},
		{"a sound", `sound = "loud"`, []want{{1, 9, `sound is "loud"; it must be one of auto, tones, voice, bell, off`}}},
		{"a theme", `theme = "blue"`, []want{{1, 9, `theme is "blue"; it must be one of auto, light, dark`}}},
		{"volume too loud", "volume = 101", []want{{1, 10, "volume is 101; it must be from 0 to 100"}}},
		{"volume as a decimal", "volume = 40.5", []want{{1, 10, "volume must be a whole number, not a decimal number"}}},
		{"checkin as a string", `checkin = "yes"`, []want{{1, 11, "checkin must be true or false, not a string"}}},
		{"a bad pattern", `pattern = "5-1"` + "\n" + `pattern = "9"`, []want{{2, 1, "pattern is given twice"}}},
		{"a pattern too quick", `pattern = "0.5-0.5"`, []want{{1, 11, "too quick to follow"}}},
		{"an empty session", "session = []", []want{{1, 11, "session is empty"}}},
		{"a session name that is not one", `session = ["knee-to-chest", "Knee To Chest"]`, []want{{1, 29, `session names "Knee To Chest", which is not a routine name`}}},
		{"a session as a string", `session = "knee-to-chest"`, []want{{1, 11, "session must be a list of strings"}}},
		{"a control character", "sound = \"\\u001b\"", []want{{1, 10, "sound holds the control character ESC"}, {1, 9, "sound is"}}},
		{"a table", "[sound]\nkind = \"tones\"", []want{{1, 2, "tables are not part of config.toml"}, {2, 1, `unknown key "kind"`}}},
		{"not TOML", "pace = ", []want{{1, 8, "not valid TOML"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, probs := ParseConfig("config.toml", []byte(tt.data+"\n"))
			checkProblems(t, "config.toml", probs, tt.wants)
			if len(probs) > 0 && (cfg.Pace != nil || cfg.Sound != nil || cfg.Session != nil) {
				t.Errorf("a config with problems gives settings: %+v", cfg)
			}
			for _, p := range probs {
				if !strings.HasPrefix(p.Error(), "config.toml:") {
					t.Errorf("problem %q does not start with the file", p.Error())
				}
			}
		})
	}
}

func TestLoadConfigRefusesWhatIsNotARegularFileAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "config.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	_, probs := LoadConfig(fifo) // would block forever if opened for reading without O_NONBLOCK
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "FIFO") {
		t.Errorf("a FIFO: %v", probs)
	}
	big := write(t, dir, "big.toml", "# "+strings.Repeat("x", MaxFileSize)+"\n")
	if _, probs := LoadConfig(big); len(probs) != 1 || !strings.Contains(probs[0].Msg, "over the 256 KiB limit") {
		t.Errorf("a big file: %v", probs)
	}
}

func TestCheckSessionNamesUnknownRoutinesWhereTheyAre(t *testing.T) {
	dir := t.TempDir()
	rdir := filepath.Join(dir, "routines")
	if err := os.Mkdir(rdir, 0o700); err != nil {
		t.Fatal(err)
	}
	write(t, rdir, "mine.toml", "name = \"my-routine\"\ntitle = \"Mine\"\nreps = 2\nhold = \"5s\"\n")
	c, probs, err := Load(rdir)
	if err != nil || len(probs) > 0 {
		t.Fatal(err, probs)
	}
	cfg, probs := ParseConfig("config.toml", []byte(`session = ["my-routine", "knee-to-chst"]`+"\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got := CheckSession(cfg, c)
	checkProblems(t, "config.toml", got, []want{{1, 26, `session names "knee-to-chst", which is not a routine; did you mean "knee-to-chest"?`}})
	// session = ["my-routine"] runs that routine by default.
	cfg, probs = ParseConfig("config.toml", []byte(`session = ["my-routine"]`+"\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if probs := CheckSession(cfg, c); len(probs) > 0 {
		t.Fatal(probs)
	}
	rs, err := c.Pick(cfg.Over(DefaultSettings()).Session...)
	if err != nil || len(rs) != 1 || rs[0].Name != "my-routine" {
		t.Errorf("the session of config.toml: %v %v", rs, err)
	}
}

func TestSavePaceRewritesOnlyThePace(t *testing.T) {
	dir := t.TempDir()
	const before = "# my settings\nsound = \"bell\"   # quiet house\npace = 1.0 # slow\n\ntheme = \"dark\"\n"
	path := write(t, dir, "config.toml", before)
	if err := SavePace(path, 1.3); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if want := strings.Replace(before, "pace = 1.0", "pace = 1.3", 1); string(got) != want {
		t.Errorf("after SavePace:\n%s\nwant\n%s", got, want)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if cfg, probs := LoadConfig(path); len(probs) > 0 || *cfg.Pace != 1.3 || *cfg.Sound != "bell" {
		t.Errorf("read back: %+v %v", cfg, probs)
	}

	// No pace yet: one line is added, at the end.
	path = write(t, dir, "b.toml", "sound = \"off\"") // no final newline
	if err := SavePace(path, 0.8); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "sound = \"off\"\npace = 0.8\n" {
		t.Errorf("added: %q", got)
	}

	// No file and no folder: both are made, private.
	path = filepath.Join(dir, "new", "config.toml")
	if err := SavePace(path, 2); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "pace = 2.0\n" {
		t.Errorf("new file: %q", got)
	}
	if fi, _ := os.Stat(filepath.Dir(path)); fi.Mode().Perm() != 0o700 {
		t.Errorf("new folder mode %v, want 0700", fi.Mode().Perm())
	}

	// A file that is not TOML is left as it was.
	const broken = "pace = = 1\n"
	path = write(t, dir, "c.toml", broken)
	if err := SavePace(path, 1.1); err == nil || !strings.Contains(err.Error(), "not valid TOML") {
		t.Errorf("SavePace of a broken file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != broken {
		t.Errorf("a broken file was changed to %q", got)
	}
	if err := SavePace(path, 3); err == nil {
		t.Error("SavePace(3) saved a pace past the limit")
	}
	// A file with a mistake elsewhere is in force not at all: the pace
	// (or the picture setting) is not saved into it as if it would be
	// used, and the mistake is said with its place.
	const volume = "volume = 300\n"
	path = write(t, dir, "v.toml", volume)
	if err := SavePace(path, 1.1); err == nil || !strings.Contains(err.Error(), "v.toml:1:") || !strings.Contains(err.Error(), "the pace was not saved") {
		t.Errorf("SavePace into a file with a bad volume: %v", err)
	}
	if err := SaveFigure(path, false); err == nil || !strings.Contains(err.Error(), "the picture setting was not saved") {
		t.Errorf("SaveFigure into a file with a bad volume: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != volume {
		t.Errorf("the file with a mistake was changed to %q", got)
	}
	// A bad value of the very setting saved is mended by saving it.
	path = write(t, dir, "p.toml", "pace = 9\n")
	if err := SavePace(path, 1.2); err != nil {
		t.Errorf("SavePace over a bad pace: %v", err)
	}
	// A link keeps pointing at the person's file, which gets the pace.
	target := write(t, dir, "real.toml", "pace = 1.0\n")
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := SavePace(link, 1.5); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "pace = 1.5\n" {
		t.Errorf("the linked file holds %q", got)
	}
}

func TestConfigPathFollowsUnknotHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv(HomeEnv, home)
	if p, err := ConfigPath(); err != nil || p != filepath.Join(home, "config.toml") {
		t.Errorf("ConfigPath() = %q %v", p, err)
	}
	t.Setenv(HomeEnv, "")
	t.Setenv("XDG_CONFIG_HOME", home)
	if p, err := ConfigPath(); err != nil || p != filepath.Join(home, "unknot", "config.toml") {
		t.Errorf("ConfigPath() = %q %v", p, err)
	}
}
