package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2/unstable"
)

// SavePace keeps pace in config.toml at path: the value of its pace key is
// rewritten and everything else in the file (other settings, comments,
// blank lines) stays as it was; a file without pace gets one line. A
// missing file (and folder, 0700) is made. The file is replaced in one
// step (a new file, synced, renamed over the old one), so a crash leaves
// the old file or the new one, never half of either; it is 0600. A file
// that is not TOML, or not a regular file, is left alone and the error
// says so: nothing of the person's is overwritten.
func SavePace(path string, pace float64) error {
	if pace < MinPace || pace > MaxPace || pace != pace {
		return fmt.Errorf("pace %v is outside %g to %g; nothing was saved", pace, MinPace, MaxPace)
	}
	return saveSetting(path, "pace", formatPace(pace), "the pace")
}

// saveSetting keeps key = value at config.toml's top level at path, as
// SavePace says; what names the setting in errors ("the pace").
func saveSetting(path, key, value, what string) error {
	unlock, err := LockConfig(path)
	if err != nil {
		return fmt.Errorf("%v; %s was not saved", err, what)
	}
	defer unlock()
	target := path
	data, err := ReadRegular(path, MaxFileSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		data = nil
	case err != nil:
		return fmt.Errorf("%s: cannot read: %v; %s was not saved", Printable(path), unwrapPath(err), what)
	default:
		if t, err := filepath.EvalSymlinks(path); err == nil {
			target = t // write where a link points, keeping the link
		}
	}
	out, err := setTopLevel(data, key, value)
	if err != nil {
		return fmt.Errorf("%s: %v; fix it (unknot config says how), then save %s again", Printable(path), err, what)
	}
	// A file with a mistake elsewhere is not in force at all (breathing
	// goes on with the defaults): saving into it would say "kept" of a
	// setting no run would use. Say the mistake instead.
	if _, probs := ParseConfig(path, out); len(probs) > 0 {
		return fmt.Errorf("%v; until that is fixed (unknot config says how) none of the file is in force, so %s was not saved", probs[0], what)
	}
	return writeFileAtomic(target, out, 0o600)
}

// setTopLevel writes key = value into a TOML file's top level: in place
// of the key's value when it is there, else as a new line before the
// first table (or at the end).
func setTopLevel(data []byte, key, value string) ([]byte, error) {
	var p unstable.Parser
	p.Reset(data)
	insertAt := len(data)
	var found *unstable.Range
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind == unstable.Table || e.Kind == unstable.ArrayTable {
			if insertAt == len(data) {
				insertAt = lineStart(data, int(keyRange(e).Offset))
			}
			continue
		}
		if e.Kind != unstable.KeyValue || insertAt != len(data) {
			continue
		}
		it := e.Key()
		parts := 0
		name := ""
		for it.Next() {
			parts++
			name = string(it.Node().Data)
		}
		if parts == 1 && name == key && found == nil {
			r := e.Value().Raw
			found = &r
		}
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("is not valid TOML (%v)", err)
	}
	if found != nil {
		out := make([]byte, 0, len(data)+len(value))
		out = append(out, data[:found.Offset]...)
		out = append(out, value...)
		return append(out, data[found.Offset+found.Length:]...), nil
	}
	line := key + " = " + value + "\n"
	out := make([]byte, 0, len(data)+len(line)+1)
	out = append(out, data[:insertAt]...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	out = append(out, line...)
	return append(out, data[insertAt:]...), nil
}

// lineStart is the offset of the start of the line holding offset off.
func lineStart(data []byte, off int) int {
	for off > 0 && data[off-1] != '\n' {
		off--
	}
	return off
}

// writeFileAtomic replaces path with data: written to a new file in the
// same folder (made 0700 if missing), synced, then renamed over path.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot make %s: %v", Printable(dir), unwrapPath(err))
	}
	f, err := os.CreateTemp(dir, ".config-*.toml")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %v", Printable(dir), unwrapPath(err))
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %v", Printable(path), unwrapPath(err))
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %v", Printable(path), unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot replace %s: %v", Printable(path), unwrapPath(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename itself reaches the disk; a failure here loses nothing already written
		d.Close()
	}
	return nil
}
