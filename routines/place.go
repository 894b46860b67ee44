package routines

import (
	"errors"
	"os"
	"path/filepath"
)

// HomeEnv names the variable that puts all of unknot's files under one
// folder: routines in $UNKNOT_HOME/routines, history in $UNKNOT_HOME.
const HomeEnv = "UNKNOT_HOME"

// ConfigDir is the folder that holds unknot's configuration:
// $UNKNOT_HOME, else <user config dir>/unknot (XDG_CONFIG_HOME on Linux).
func ConfigDir() (string, error) {
	if h := os.Getenv(HomeEnv); h != "" {
		return filepath.Abs(h)
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", errors.New("cannot find a config folder: set UNKNOT_HOME or XDG_CONFIG_HOME")
	}
	return filepath.Join(d, "unknot"), nil
}

// RoutinesDir is where a person's own routine files live.
func RoutinesDir() (string, error) {
	d, err := ConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "routines"), nil
}

// DataDir is the folder that holds the history: $UNKNOT_HOME, else
// $XDG_DATA_HOME/unknot, else ~/.local/share/unknot (the user config dir's
// sibling on other systems).
func DataDir() (string, error) {
	if h := os.Getenv(HomeEnv); h != "" {
		return filepath.Abs(h)
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "unknot"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find a data folder: set UNKNOT_HOME or XDG_DATA_HOME")
	}
	return filepath.Join(home, ".local", "share", "unknot"), nil
}

// PlaceEnv is the environment that makes another unknot, started from
// another folder (by the system's scheduler), find the files this one
// finds: UNKNOT_HOME, XDG_CONFIG_HOME and XDG_DATA_HOME as NAME=value,
// each absolute and resolved as ConfigDir and DataDir resolve it (a
// relative UNKNOT_HOME from the working folder). A variable not set is
// left out; so is a relative XDG_CONFIG_HOME, which nothing here uses; a
// relative XDG_DATA_HOME, which DataDir passes over for ~/.local/share,
// is given as that.
func PlaceEnv() ([]string, error) {
	var env []string
	if h := os.Getenv(HomeEnv); h != "" {
		abs, err := filepath.Abs(h)
		if err != nil {
			return nil, err
		}
		env = append(env, HomeEnv+"="+abs)
	}
	if x := os.Getenv("XDG_CONFIG_HOME"); x != "" && filepath.IsAbs(x) {
		env = append(env, "XDG_CONFIG_HOME="+filepath.Clean(x))
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		if !filepath.IsAbs(x) {
			home, err := os.UserHomeDir()
			if err != nil {
				return nil, errors.New("cannot find a data folder: set UNKNOT_HOME or XDG_DATA_HOME")
			}
			x = filepath.Join(home, ".local", "share")
		}
		env = append(env, "XDG_DATA_HOME="+filepath.Clean(x))
	}
	return env, nil
}
