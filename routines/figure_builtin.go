package routines

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed figures/*.toml
var figuresFS embed.FS

// figureFileKeysShape is the shape of a figure file: a name and the
// figure's own keys.
var figureSchema = schema{
	keys: map[string]valueKind{
		"name": kString, "view": kString, "near": kString, "size": kString,
		"props": kStrings, "poses": kStrings,
	},
	known:  []string{"name", "near", "poses", "props", "size", "view"},
	tables: "tables are not part of a figure file; write every key at the top level",
}

// ParseFigure reads one figure file (the built-ins' format: name, view,
// near, size, props, poses), strictly, like a routine file.
func ParseFigure(file string, data []byte) (Picture, Problems) {
	l := &problemList{file: file}
	fields, ok := readFields(l, data, figureSchema)
	if !ok {
		return Picture{}, l.list()
	}
	fig, _ := checkFigure(fields, figureFileKeys, l.add)
	if f, ok := fields["name"]; !ok {
		l.add(0, 0, "missing key %q", "name")
	} else if !nameRE.MatchString(f.str) {
		l.add(f.line, f.col, "name %s must be lower-case letters and digits joined by single '-'", quote(f.str))
	} else {
		fig.Name = f.str
	}
	return fig, l.list()
}

// builtinFigures reads the figures that ship inside unknot, once.
var builtinFigures = sync.OnceValues(func() (map[string]Picture, error) {
	out := map[string]Picture{}
	entries, err := fs.ReadDir(figuresFS, "figures")
	if err != nil {
		return nil, err
	}
	var probs Problems
	for _, e := range entries {
		data, err := figuresFS.ReadFile("figures/" + e.Name())
		if err != nil {
			return nil, err
		}
		fig, ps := ParseFigure("figures/"+e.Name(), data)
		probs = append(probs, ps...)
		if len(ps) == 0 {
			out[fig.Name] = fig
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
})

// BuiltinFigure is the built-in figure called name.
func BuiltinFigure(name string) (Picture, bool) {
	figs, err := builtinFigures()
	if err != nil {
		return Picture{}, false
	}
	f, ok := figs[name]
	return f, ok
}

// FigureNames lists the built-in figures, sorted.
func FigureNames() []string {
	figs, _ := builtinFigures()
	names := make([]string, 0, len(figs))
	for n := range figs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// checkRoutineFigure reads a routine file's figure: `figure` names a
// built-in, or `poses` (with figure_view, figure_near, figure_size and
// figure_props) draws the routine's own. Neither: no figure.
func checkRoutineFigure(r *Routine, fields map[string]field, add func(line, col int, format string, args ...any)) {
	named, hasName := fields["figure"]
	poses, hasPoses := fields["poses"]
	if !hasPoses {
		for _, k := range []string{"figure_view", "figure_near", "figure_size", "figure_props"} {
			if f, ok := fields[k]; ok {
				add(f.keyLine, f.keyCol, "%s describes a figure of your own, which needs poses; leave it out, or add poses", k)
			}
		}
	}
	switch {
	case hasName && hasPoses:
		add(poses.keyLine, poses.keyCol, "poses draws a figure of your own, but figure names a built-in one; keep one of them")
	case hasName:
		fig, ok := BuiltinFigure(named.str)
		if !ok {
			if _, err := builtinFigures(); err != nil {
				add(named.line, named.col, "the built-in figures could not be read: %v", err)
				return
			}
			add(named.line, named.col, "figure %s is not a built-in figure%s", quote(named.str), suggestFigure(named.str))
			return
		}
		r.Picture = &fig
	case hasPoses:
		fig, ok := checkFigure(fields, routineFigureKeys, add)
		if ok {
			r.Picture = &fig
		}
	}
}

// suggestFigure offers the built-in figure closest to name.
func suggestFigure(name string) string {
	s := suggest(name, FigureNames())
	if strings.HasPrefix(s, "; known keys are ") {
		return fmt.Sprintf("; the built-in figures are %s", strings.TrimPrefix(s, "; known keys are "))
	}
	return s
}
