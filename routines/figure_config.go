package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
)

// SaveFigure keeps in config.toml at path whether the picture of each
// stretch shows (`figure = true` or false), as SavePace keeps the pace:
// only that line changes, everything else of the file stays as it was, the
// file is replaced in one step, 0600, and a file that is not TOML is left
// alone with an error that says so.
func SaveFigure(path string, show bool) error {
	target := path
	data, err := ReadRegular(path, MaxFileSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		return fmt.Errorf("%s: cannot read: %v; the picture setting was not saved", Printable(path), unwrapPath(err))
	default:
		if t, err := filepath.EvalSymlinks(path); err == nil {
			target = t
		}
	}
	out, err := setTopLevel(data, "figure", strconv.FormatBool(show))
	if err != nil {
		return fmt.Errorf("%s: %v; fix it (unknot config says how), then try again", Printable(path), err)
	}
	return writeFileAtomic(target, out, 0o600)
}
