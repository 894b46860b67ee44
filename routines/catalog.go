package routines

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed builtin/*.toml
var builtinFS embed.FS

// DefaultPlan names the routines of the daily session when no routine is
// named and config.toml gives no session, in the order DefaultSession
// uses with the built-ins: the floor first, then the chair, so a person gets
// down once and up once. shoulder-rolls is in the catalog but not here:
// it is for a stiff neck, asked for by name.
var DefaultPlan = []string{"knee-to-chest", "lying-twist", "arm-raise", "seated-twist"}

// Catalog is every routine a person can use: the built-ins, with their own
// files laid over them.
type Catalog struct {
	byName        map[string]Routine
	names         []string // DefaultPlan first, then the rest by name
	skipped       []string // the person's files Load left out
	folderSkipped bool     // the routines folder itself could not be used
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
// stops a session; the problems are returned beside it, and Skipped and
// SkippedNote on the catalog say what was left out.
//
// Only regular files of at most MaxFileSize are read, without blocking: a
// FIFO, a device, a socket or a link to /dev/zero is a problem at once. A
// folder or file that every user may write (o+w) is not read at all.
func Load(dir string) (*Catalog, Problems, error) {
	c, err := Builtins()
	if err != nil {
		return nil, nil, err
	}
	if dir == "" {
		return c, nil, nil
	}
	paths, dirProb, exists := scanDir(dir)
	if !exists {
		return c, nil, nil
	}
	if dirProb != nil {
		c.skipped = paths
		c.folderSkipped = len(paths) == 0
		return c, Problems{*dirProb}, nil
	}
	var probs Problems
	for _, f := range checkFiles(paths) {
		if len(f.Problems) > 0 {
			probs = append(probs, f.Problems...)
			c.skipped = append(c.skipped, f.Path)
			continue
		}
		c.byName[f.Routine.Name] = f.Routine
	}
	c.sort()
	return c, probs, nil
}

// ReadRoutineFile reads and checks one routine file: it must be a regular
// file of at most MaxFileSize that not every user may write.
func ReadRoutineFile(path string) (Routine, Problems) {
	data, err := readTrusted(path)
	if err != nil {
		return Routine{}, Problems{{File: path, Msg: err.Error()}}
	}
	return ParseRoutine(path, data)
}

// Skipped lists the files of the person's routines folder that Load left
// out, for a problem, in the order read. Their problems are what Load
// returned beside the catalog.
func (c *Catalog) Skipped() []string { return append([]string(nil), c.skipped...) }

// SkippedNote is the one line that says Load left something out, for the
// command line, the home screen and Pick routines, so that a routine never
// goes missing without a word: "1 routine file skipped: run `unknot
// routines check` for why". It is "" when nothing was.
func (c *Catalog) SkippedNote() string {
	const why = "run `unknot routines check` for why"
	switch n := len(c.skipped); {
	case c.folderSkipped:
		return "your routines folder was skipped: " + why
	case n == 1:
		return "1 routine file skipped: " + why
	case n > 1:
		return fmt.Sprintf("%d routine files skipped: %s", n, why)
	}
	return ""
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
