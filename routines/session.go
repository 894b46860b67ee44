package routines

import (
	"fmt"
	"sort"
	"strings"
)

// DefaultSession is the session run when nothing else is asked for: the
// routines of DefaultPlan that c holds (a person's file may replace a
// built-in, and its position with it), ordered by OrderByPosition.
func DefaultSession(c *Catalog) []Routine {
	var out []Routine
	for _, n := range DefaultPlan {
		if r, ok := c.Get(n); ok {
			out = append(out, r)
		}
	}
	return OrderByPosition(out)
}

// OrderByPosition returns rs ordered to change position as little as
// possible: every lying routine first, then sitting, then standing, then
// those that name no position; within a position the given order is kept.
// A session of routines in k positions then changes position k-1 times.
// rs is not changed.
func OrderByPosition(rs []Routine) []Routine {
	out := append([]Routine(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Position.rank() < out[j].Position.rank() })
	return out
}

// CheckSession checks the routine names of config.toml's session against
// c: an unknown name is a problem at its place in the file, with the
// closest known name. Names given twice are allowed (a routine done twice).
func CheckSession(cfg Config, c *Catalog) Problems {
	var probs Problems
	for i, n := range cfg.Session {
		if _, ok := c.Get(n); ok {
			continue
		}
		at := cfg.sessionPos[i]
		probs = append(probs, Problem{File: cfg.Path, Line: at[0], Column: at[1],
			Msg: Printable(fmt.Sprintf("session names %s, which is not a routine%s", quote(n), closest(n, c.Names())))})
	}
	return probs
}

// closest names the known name nearest to n, or lists them all.
func closest(n string, known []string) string {
	best, bestD := "", 4
	for _, k := range known {
		if d := distance(n, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; known routines are " + strings.Join(known, ", ") + " (see: unknot routines list)"
}
