package svgchart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Point is one value of a series at x.
type Point struct{ X, Y float64 }

// Series is a named run of points, drawn in the style of its index
// (solid with filled circles, then dashed with open squares).
type Series struct {
	Name   string
	Points []Point // by x
}

// Tick is a label on the x axis.
type Tick struct {
	X     float64
	Label string
}

// Lines is a line chart (or a step chart: a level held until it changes)
// of up to two series over x from XMin to XMax and y from YMin to YMax.
type Lines struct {
	ID, Title, Desc string
	YLabel          string
	XMin, XMax      float64
	YMin, YMax      float64
	YStep           float64 // 0: chosen
	Ticks           []Tick
	Series          []Series
	Step            bool // hold each value until the next point, and to XMax
	Markers         bool // a marker on each point
}

type style struct{ stroke, dash, marker string }

var styles = []style{
	{stroke: "#000", dash: "", marker: "circle"},
	{stroke: "#555", dash: ` stroke-dasharray="6 3"`, marker: "square"},
}

func styleIndex(kind string) int {
	i, _ := strconv.Atoi(strings.TrimPrefix(kind, "series"))
	return i % len(styles)
}

func marker(st style, x, y float64) string {
	if st.marker == "circle" {
		return fmt.Sprintf(`<circle cx="%s" cy="%s" r="2.5" fill="%s"/>`, num(x), num(y), st.stroke)
	}
	return fmt.Sprintf(`<rect x="%s" y="%s" width="5" height="5" fill="#fff" stroke="%s"/>`, num(x-2.5), num(y-2.5), st.stroke)
}

// SVG draws the chart.
func (c Lines) SVG() string {
	var b strings.Builder
	open(&b, c.ID, c.Title, c.Desc)
	if c.YMax <= c.YMin {
		c.YMax = c.YMin + 1
	}
	if c.XMax <= c.XMin {
		c.XMax = c.XMin + 1
	}
	step := c.YStep
	if step <= 0 {
		step = niceStep(c.YMax - c.YMin)
	}
	x := func(v float64) float64 { return left + (v-c.XMin)/(c.XMax-c.XMin)*(right-left) }
	y := func(v float64) float64 { return bottom - (v-c.YMin)/(c.YMax-c.YMin)*(bottom-top) }
	yAxis(&b, c.YMin, c.YMax, step, y, c.YLabel)
	b.WriteString(`<g class="ticks" font-size="11">`)
	skip := every(len(c.Ticks))
	for i, t := range c.Ticks {
		if i%skip != 0 {
			continue
		}
		xx := num(x(t.X))
		fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%d" y2="%d" stroke="#000"/>`, xx, xx, bottom, bottom+4)
		fmt.Fprintf(&b, `<text x="%s" y="%d" text-anchor="middle">%s</text>`, xx, bottom+16, esc(t.Label))
	}
	b.WriteString(`</g>`)
	var items []legendItem
	for i, s := range c.Series {
		st := styles[i%len(styles)]
		items = append(items, legendItem{s.Name, "series" + strconv.Itoa(i)})
		if len(s.Points) == 0 {
			continue
		}
		var d strings.Builder
		for j, p := range s.Points {
			px, py := x(p.X), y(math.Max(c.YMin, math.Min(c.YMax, p.Y)))
			switch {
			case j == 0:
				fmt.Fprintf(&d, "M%s %s", num(px), num(py))
			case c.Step:
				fmt.Fprintf(&d, "H%s V%s", num(px), num(py))
			default:
				fmt.Fprintf(&d, "L%s %s", num(px), num(py))
			}
			if j < len(s.Points)-1 {
				d.WriteByte(' ')
			}
		}
		if c.Step {
			fmt.Fprintf(&d, " H%s", num(x(c.XMax)))
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="%s" stroke-width="1.5"%s/>`, d.String(), st.stroke, st.dash)
		if c.Markers {
			for _, p := range s.Points {
				b.WriteString(marker(st, x(p.X), y(math.Max(c.YMin, math.Min(c.YMax, p.Y)))))
			}
		}
	}
	if len(c.Series) > 1 || (len(c.Series) == 1 && c.Series[0].Name != "") {
		legend(&b, items, false)
	}
	b.WriteString(`</svg>`)
	return b.String()
}
