package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// MaxFileSize is the largest routine file read: 256 KiB. A routine file is
// about 1 KiB; the cap leaves room for any comments while keeping a huge
// file, or a link to /dev/zero, from filling memory. A file at the cap
// parses in milliseconds (BenchmarkParseRoutine).
const MaxFileSize = 256 << 10

// Checked is what checking one routine file, or a folder of them, found.
type Checked struct {
	Path     string
	Routine  Routine  // the file's routine, when Problems is empty
	Problems Problems // every problem, each naming Path
	// Folder says Path is a folder: with Problems, the folder can't be
	// used at all (its files are not read); without, it holds no *.toml.
	Folder bool
}

// Check checks routine files as Load would read them, for `unknot routines
// check`. A path that is a folder means every *.toml directly in it, in
// name order, with the folder's own checks (readable, not writable by every
// user) and a routine name given by two files reported; a folder with no
// routine file gives one Checked with Folder set and no problems. Nothing
// blocks: FIFOs, devices and oversized files are problems at once.
func Check(paths ...string) []Checked {
	var out []Checked
	for _, path := range paths {
		fi, err := os.Stat(path)
		if err != nil || !fi.IsDir() {
			r, probs := ReadRoutineFile(path)
			out = append(out, Checked{Path: path, Routine: r, Problems: probs})
			continue
		}
		files, dirProb, _ := scanDir(path)
		switch {
		case dirProb != nil:
			out = append(out, Checked{Path: path, Folder: true, Problems: Problems{*dirProb}})
		case len(files) == 0:
			out = append(out, Checked{Path: path, Folder: true})
		default:
			out = append(out, checkFiles(files)...)
		}
	}
	return out
}

// checkFiles reads routine files in order; a routine name already given by
// an earlier file is a problem of the later one.
func checkFiles(paths []string) []Checked {
	out := make([]Checked, 0, len(paths))
	fromFile := map[string]string{}
	for _, path := range paths {
		r, probs := ReadRoutineFile(path)
		if len(probs) == 0 {
			if other, dup := fromFile[r.Name]; dup {
				probs = Problems{{File: path, Msg: fmt.Sprintf("routine %q is already defined in %s; give one of them another name", r.Name, other)}}
			} else {
				fromFile[r.Name] = path
			}
		}
		out = append(out, Checked{Path: path, Routine: r, Problems: probs})
	}
	return out
}

// scanDir lists the *.toml in dir, by name. exists is false when dir does
// not exist. prob is set when the folder can't be used: unreadable, not a
// folder, or writable by every user (then paths still lists its files, so
// that what was skipped can be counted).
func scanDir(dir string) (paths []string, prob *Problem, exists bool) {
	// Read the folder rather than glob it: a folder name holding '[', '*'
	// or '?' is a pattern to Glob, and would match nothing or other folders.
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, false
	}
	if err != nil {
		return nil, &Problem{File: dir, Msg: fmt.Sprintf("cannot read the routines folder: %v", unwrapPath(err))}, true
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(paths)
	if fi, err := os.Stat(dir); err == nil && worldWritable(fi.Mode()) {
		return paths, &Problem{File: dir, Msg: untrusted("folder", dir)}, true
	}
	return paths, nil, true
}

// readTrusted reads a routine file: a regular file of at most MaxFileSize
// that not every user may write. Its error says what is wrong and what to
// do, without the path.
func readTrusted(path string) ([]byte, error) {
	f, size, err := OpenRegular(path, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	if worldWritable(fi.Mode()) {
		return nil, errors.New(untrusted("file", path))
	}
	data, err := readAllCapped(f, size, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPath(err))
	}
	return data, nil
}

// worldWritable is a mode every user may write to. Group-writable is
// fine: many systems give each user a group of their own.
func worldWritable(m fs.FileMode) bool { return m.Perm()&0o002 != 0 }

// untrusted says that a file or folder every user may write is skipped, and
// how to fix it, as ssh does for its keys.
func untrusted(what, path string) string {
	return fmt.Sprintf("skipped: every user on this computer may write to this %s, so anyone could change your routines; fix it with: chmod o-w %s", what, shellQuote(path))
}

// shellQuote writes path so it can be pasted into a shell.
func shellQuote(path string) string {
	safe := path != ""
	for _, c := range path {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("/._-+,:@%=", c)) {
			safe = false
			break
		}
	}
	if safe {
		return path
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}

// unwrapPath drops the path from a file error: the problem names it already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
