package routines

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed builtin/*.toml
var builtinFS embed.FS

// DefaultPlan is the order of the daily session when no routine is named.
var DefaultPlan = []string{"knee-to-chest", "arm-raise", "seated-twist", "lying-twist"}

// Catalog is every routine a person can use: the built-ins, with their own
// files laid over them.
type Catalog struct {
	byName map[string]Routine
	names  []string // DefaultPlan first, then the rest by name
}

// Builtins reads the routines that ship inside unknot.
func Builtins() (*Catalog, error) {
	c := &Catalog{byName: map[string]Routine{}}
	entries, err := fs.ReadDir(builtinFS, "builtin")
	if err != nil {
		return nil, err
	}
	var probs Problems
	for _, e := range entries {
		data, err := builtinFS.ReadFile("builtin/" + e.Name())
		if err != nil {
			return nil, err
		}
		r, ps := ParseRoutine("builtin/"+e.Name(), data)
		if len(ps) > 0 {
			probs = append(probs, ps...)
			continue
		}
		r.Origin = BuiltIn
		c.byName[r.Name] = r
	}
	if len(probs) > 0 {
		return nil, probs
	}
	c.sort()
	return c, nil
}

// Load reads the built-ins and then every *.toml in dir, the person's own
// routines; a file whose routine has a built-in's name replaces it. A dir
// that does not exist holds no routines. The catalog is returned even when
// some files have problems, without those files, so that one bad file never
// stops a session; the problems are returned beside it.
func Load(dir string) (*Catalog, Problems, error) {
	c, err := Builtins()
	if err != nil {
		return nil, nil, err
	}
	if dir == "" {
		return c, nil, nil
	}
	// Read the folder rather than glob it: a folder name holding '[', '*'
	// or '?' is a pattern to Glob, and would match nothing or other folders.
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil, nil
	}
	var probs Problems
	if err != nil {
		probs = append(probs, Problem{File: dir, Msg: fmt.Sprintf("cannot read the routines folder: %v", unwrapPath(err))})
	}
	var paths []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(paths)
	fromFile := map[string]string{}
	for _, path := range paths {
		r, ps := ReadRoutineFile(path)
		if len(ps) > 0 {
			probs = append(probs, ps...)
			continue
		}
		if other, dup := fromFile[r.Name]; dup {
			probs = append(probs, Problem{File: path, Msg: fmt.Sprintf("routine %q is already defined in %s; give one of them another name", r.Name, other)})
			continue
		}
		fromFile[r.Name] = path
		c.byName[r.Name] = r
	}
	c.sort()
	return c, probs, nil
}

// ReadRoutineFile reads and checks one routine file.
func ReadRoutineFile(path string) (Routine, Problems) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Routine{}, Problems{{File: path, Msg: fmt.Sprintf("cannot read: %v", unwrapPath(err))}}
	}
	return ParseRoutine(path, data)
}

// unwrapPath drops the path from a file error: the problem names it already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (c *Catalog) sort() {
	c.names = c.names[:0]
	inPlan := map[string]bool{}
	for _, n := range DefaultPlan {
		if _, ok := c.byName[n]; ok {
			c.names = append(c.names, n)
			inPlan[n] = true
		}
	}
	var rest []string
	for n := range c.byName {
		if !inPlan[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	c.names = append(c.names, rest...)
}

// Names lists every routine: the default plan's first, then the rest by name.
func (c *Catalog) Names() []string { return append([]string(nil), c.names...) }

// Get finds a routine by name.
func (c *Catalog) Get(name string) (Routine, bool) {
	r, ok := c.byName[name]
	return r, ok
}

// Pick returns the named routines in the order given, or the default plan
// when none are named. An unknown name is an error that lists the known ones.
func (c *Catalog) Pick(names ...string) ([]Routine, error) {
	if len(names) == 0 {
		names = DefaultPlan
	}
	out := make([]Routine, 0, len(names))
	for _, n := range names {
		r, ok := c.byName[n]
		if !ok {
			return nil, fmt.Errorf("no routine named %q; known routines: %s (see: unknot routines list)", n, strings.Join(c.names, ", "))
		}
		out = append(out, r)
	}
	return out, nil
}
