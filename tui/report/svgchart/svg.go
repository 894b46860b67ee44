package svgchart

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// The canvas of every chart, in user units (the SVG scales to its box).
const (
	width  = 640
	height = 240
	left   = 44  // room for the y axis labels
	right  = 628 // the plot's right edge
	top    = 26  // room for the legend
	bottom = 200 // the plot's bottom edge; x labels below
)

// num formats a coordinate or value with at most one decimal, the same
// way every time.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	return s
}

// esc escapes text for SVG inside HTML.
func esc(s string) string { return html.EscapeString(s) }

// open starts an accessible SVG: its title and its text alternative.
func open(b *strings.Builder, id, title, desc string) {
	fmt.Fprintf(b, `<svg class="chart" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %d %d" width="100%%">`,
		esc(id), esc(id), width, height)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
}

// yAxis draws the horizontal grid lines and their labels from lo to hi
// every step, and the label of the axis.
func yAxis(b *strings.Builder, lo, hi, step float64, y func(float64) float64, label string) {
	b.WriteString(`<g class="axis" font-size="11" fill="#000">`)
	for v := lo; v <= hi+1e-9; v += step {
		yy := num(y(v))
		fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%s" y2="%s" stroke="#ccc" stroke-width="0.5"/>`, left, right, yy, yy)
		fmt.Fprintf(b, `<text x="%d" y="%s" text-anchor="end" dy="4">%s</text>`, left-6, yy, num(v))
	}
	if label != "" {
		fmt.Fprintf(b, `<text x="4" y="14">%s</text>`, esc(label))
	}
	fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#000" stroke-width="1"/>`, left, right, bottom, bottom)
	b.WriteString(`</g>`)
}

// niceStep is a step for about five grid lines up to hi: 1, 2, 5, 10...
func niceStep(hi float64) float64 {
	if hi <= 5 {
		return 1
	}
	raw := hi / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// every is how many labels to skip so that n of them fit in the width.
func every(n int) int {
	const most = 14
	if n <= most {
		return 1
	}
	return (n + most - 1) / most
}
