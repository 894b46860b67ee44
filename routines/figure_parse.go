package routines

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// figureKeys names the keys that hold a figure: a figure file's own
// ("poses"), or a routine file's ("figure_size" ...).
type figureKeys struct {
	view, near, size, props, poses string
}

var (
	figureFileKeys    = figureKeys{view: "view", near: "near", size: "size", props: "props", poses: "poses"}
	routineFigureKeys = figureKeys{view: "figure_view", near: "figure_near", size: "figure_size", props: "figure_props", poses: "poses"}
)

var poseNameRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// checkFigure reads a figure from its fields. ok is false when a problem
// was added.
func checkFigure(fields map[string]field, k figureKeys, add func(line, col int, format string, args ...any)) (Picture, bool) {
	fig := Picture{View: "side", Width: DefaultFigureW, Height: DefaultFigureH}
	bad := false
	problem := func(line, col int, format string, args ...any) {
		bad = true
		add(line, col, format, args...)
	}
	if f, ok := fields[k.view]; ok {
		fig.View = f.str
		if !isOneOf(f.str, Views) {
			problem(f.line, f.col, "%s %s must be one of %s", k.view, quote(f.str), strings.Join(Views, ", "))
		}
	}
	if f, ok := fields[k.near]; ok {
		fig.Near = Side(f.str)
		if !fig.Near.Valid() {
			problem(f.line, f.col, "%s %s is not \"left\" or \"right\"", k.near, quote(f.str))
		}
	}
	if f, ok := fields[k.size]; ok {
		w, h, err := parseSize(f.str)
		if err != nil {
			problem(f.line, f.col, "%s %s %v", k.size, quote(f.str), err)
		} else {
			fig.Width, fig.Height = w, h
		}
	}
	if f, ok := fields[k.props]; ok {
		if len(f.strs) > MaxProps {
			problem(f.strPos[MaxProps][0], f.strPos[MaxProps][1], "%s has %d lines; a figure has at most %d", k.props, len(f.strs), MaxProps)
		}
		for i, s := range f.strs[:min(len(f.strs), MaxProps)] {
			line, col := f.strPos[i][0], f.strPos[i][1]+1 // past the quote
			pts, ok := parseProp(s, fig, func(at int, format string, args ...any) {
				problem(line, col+at, "%s line %d: %s", k.props, i+1, fmt.Sprintf(format, args...))
			})
			if ok {
				fig.Props = append(fig.Props, pts)
			}
		}
	}
	f, ok := fields[k.poses]
	if !ok {
		problem(0, 0, "missing key %q", k.poses)
		return fig, false
	}
	switch {
	case len(f.strs) < 2:
		problem(f.line, f.col, "%s needs at least two poses: \"start: ...\" and the stretch", k.poses)
	case len(f.strs) > MaxPoses:
		problem(f.strPos[MaxPoses][0], f.strPos[MaxPoses][1], "%s has %d poses; a figure has at most %d", k.poses, len(f.strs), MaxPoses)
	}
	seen := map[string]int{}
	var prev *Pose
	for i, s := range f.strs[:min(len(f.strs), MaxPoses)] {
		line, col := f.strPos[i][0], f.strPos[i][1]+1
		p, ok := parsePose(s, i, prev, fig, seen, func(at int, format string, args ...any) {
			problem(line, col+at, "pose %d: %s", i+1, fmt.Sprintf(format, args...))
		})
		if !ok {
			bad = true
			break // a later pose takes its missing joints from this one
		}
		seen[p.Name] = i + 1
		fig.Poses = append(fig.Poses, p)
		prev = &fig.Poses[len(fig.Poses)-1]
	}
	return fig, !bad
}

// parsePose reads "name: joint x,y joint x,y ...". The first pose is
// named "start" and gives every joint (the shoulders default to the neck
// and the hips to the pelvis); each later one gives only the joints that
// move, the rest staying where prev has them. at is the byte offset into
// s of a problem.
func parsePose(s string, index int, prev *Pose, fig Picture, seen map[string]int, problem func(at int, format string, args ...any)) (Pose, bool) {
	var p Pose
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		problem(0, "write it as \"name: joint x,y ...\", like \"start: head 50,10 neck 50,20 ...\"")
		return p, false
	}
	name := strings.TrimSpace(s[:colon])
	nameAt := len(s[:colon]) - len(strings.TrimLeft(s[:colon], " "))
	ok := true
	switch {
	case !poseNameRE.MatchString(name):
		problem(nameAt, "pose name %s must be a lower-case word, like \"stretch\"", quote(name))
		ok = false
	case index == 0 && name != "start":
		problem(nameAt, "the first pose must be called \"start\", not %s", quote(name))
		ok = false
	case seen[name] > 0:
		problem(nameAt, "pose name %q is used twice (first in pose %d)", name, seen[name])
		ok = false
	}
	p.Name = name
	given := map[Joint]bool{}
	if prev != nil {
		p.At = prev.At
	}
	rest := s[colon+1:]
	off := colon + 1
	for {
		trimmed := strings.TrimLeft(rest, " ")
		off += len(rest) - len(trimmed)
		rest = trimmed
		if rest == "" {
			break
		}
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		j, known := jointNamed(word)
		if !known {
			problem(off, "unknown joint %s%s", quote(word), suggest(word, jointNames[:]))
			return p, false
		}
		if given[j] {
			problem(off, "%s is given twice", word)
			return p, false
		}
		given[j] = true
		rest, off = rest[end:], off+end
		trimmed = strings.TrimLeft(rest, " ")
		off += len(rest) - len(trimmed)
		rest = trimmed
		end = strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		pt, err := parsePoint(rest[:end], fig)
		if err != nil {
			problem(off, "%s %v", word, err)
			return p, false
		}
		p.At[j] = pt
		rest, off = rest[end:], off+end
	}
	if prev == nil {
		for j := range NumJoints {
			if given[j] {
				continue
			}
			switch {
			case j == ShoulderL || j == ShoulderR:
				p.At[j] = p.At[Neck]
			case j == HipL || j == HipR:
				p.At[j] = p.At[Pelvis]
			default:
				problem(len(s), "the start pose must place every joint; %s is missing", j)
				return p, false
			}
		}
	} else if ok && p.At == prev.At {
		// A pose the same as the one before would show a picture that
		// never moves where the words say it does.
		problem(nameAt, "pose %s moves no joint from the pose before it; give at least one joint where it goes, like \"knee_l 60,40\"", quote(name))
		return p, false
	}
	return p, ok
}

// parseProp reads a still line: "x,y x,y ...".
func parseProp(s string, fig Picture, problem func(at int, format string, args ...any)) ([]Point, bool) {
	var pts []Point
	off := 0
	for _, word := range strings.Split(s, " ") {
		if word != "" {
			pt, err := parsePoint(word, fig)
			if err != nil {
				problem(off, "%v", err)
				return nil, false
			}
			pts = append(pts, pt)
		}
		off += len(word) + 1
	}
	switch {
	case len(pts) < 2:
		problem(0, "a line needs at least two points, like \"0,90 100,90\"")
		return nil, false
	case len(pts) > MaxPropPoints:
		problem(0, "a line has at most %d points", MaxPropPoints)
		return nil, false
	}
	return pts, true
}

// parsePoint reads "x,y", which must lie on the canvas.
func parsePoint(s string, fig Picture) (Point, error) {
	xs, ys, found := strings.Cut(s, ",")
	x, errX := strconv.Atoi(xs)
	y, errY := strconv.Atoi(ys)
	if !found || errX != nil || errY != nil || s == "" {
		return Point{}, fmt.Errorf("%s is not a point; write it as x,y in whole numbers, like 40,25", quote(s))
	}
	if x < 0 || x > fig.Width || y < 0 || y > fig.Height {
		return Point{}, fmt.Errorf("%d,%d is off the canvas (0,0 to %d,%d)", x, y, fig.Width, fig.Height)
	}
	return Point{float64(x), float64(y)}, nil
}

// parseSize reads "WxH".
func parseSize(s string) (int, int, error) {
	ws, hs, found := strings.Cut(s, "x")
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if !found || errW != nil || errH != nil {
		return 0, 0, fmt.Errorf("is not a size; write it as width x height, like \"100x60\"")
	}
	if w < MinFigureSide || h < MinFigureSide || w > MaxFigureSide || h > MaxFigureSide {
		return 0, 0, fmt.Errorf("must be from %d to %d each way", MinFigureSide, MaxFigureSide)
	}
	return w, h, nil
}

func isOneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}
