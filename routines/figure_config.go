package routines

import "strconv"

// SaveFigure keeps in config.toml at path whether the picture of each
// stretch shows (`figure = true` or false), as SavePace keeps the pace:
// only that line changes, everything else of the file stays as it was, the
// file is replaced in one step, 0600, and a file that is not TOML is left
// alone with an error that says so.
func SaveFigure(path string, show bool) error {
	return saveSetting(path, "figure", strconv.FormatBool(show), "the picture setting")
}
