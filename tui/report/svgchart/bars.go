package svgchart

import (
	"fmt"
	"math"
	"strings"
)

// Bars is a bar chart of one value per label (sessions a week), with an
// optional target per label (the plan) drawn as a dashed line across the
// bar's slot.
type Bars struct {
	ID, Title, Desc string
	YLabel          string
	Labels          []string
	Values          []float64
	Target          []float64 // nil: no target; else one per label
	ValueName       string    // the legend's name of the bars
	TargetName      string    // ... and of the target
}

// SVG draws the chart.
func (c Bars) SVG() string {
	var b strings.Builder
	open(&b, c.ID, c.Title, c.Desc)
	hi := 1.0
	for i, v := range c.Values {
		hi = max(hi, v)
		if i < len(c.Target) {
			hi = max(hi, c.Target[i])
		}
	}
	step := niceStep(hi)
	tallest := hi
	hi = math.Ceil(hi/step) * step
	if hi-tallest < step/2 {
		hi += step // room above the tallest bar for its number
	}
	y := func(v float64) float64 { return bottom - v/hi*(bottom-top) }
	yAxis(&b, 0, hi, step, y, c.YLabel)
	n := max(len(c.Values), 1)
	slot := float64(right-left) / float64(n)
	skip := every(n)
	b.WriteString(`<g class="bars">`)
	for i, v := range c.Values {
		x := left + slot*float64(i)
		bw := slot * 0.6
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="#444"/>`,
			num(x+slot*0.2), num(y(v)), num(bw), num(bottom-y(v)))
		if n <= 16 {
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" font-size="11">%s</text>`,
				num(x+slot/2), num(y(v)-3), num(v))
		}
		if i < len(c.Target) {
			ty := num(y(c.Target[i]))
			fmt.Fprintf(&b, `<line x1="%s" x2="%s" y1="%s" y2="%s" stroke="#000" stroke-width="1.5" stroke-dasharray="4 3"/>`,
				num(x+2), num(x+slot-2), ty, ty)
		}
		if i%skip == 0 && i < len(c.Labels) {
			fmt.Fprintf(&b, `<text x="%s" y="%d" text-anchor="middle" font-size="11">%s</text>`,
				num(x+slot/2), bottom+16, esc(c.Labels[i]))
		}
	}
	b.WriteString(`</g>`)
	legend(&b, []legendItem{{c.ValueName, "bar"}, {c.TargetName, "target"}}, c.Target != nil)
	b.WriteString(`</svg>`)
	return b.String()
}

type legendItem struct{ name, kind string }

// legend draws the names of what is drawn, top right; the target only when shown.
func legend(b *strings.Builder, items []legendItem, target bool) {
	x := right - 250
	b.WriteString(`<g class="legend" font-size="11">`)
	for _, it := range items {
		if it.name == "" || (it.kind == "target" && !target) {
			continue
		}
		switch it.kind {
		case "bar":
			fmt.Fprintf(b, `<rect x="%d" y="6" width="14" height="10" fill="#444"/>`, x)
		case "target":
			fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="11" y2="11" stroke="#000" stroke-width="1.5" stroke-dasharray="4 3"/>`, x, x+14)
		default:
			st := styles[styleIndex(it.kind)]
			fmt.Fprintf(b, `<line x1="%d" x2="%d" y1="11" y2="11" stroke="%s" stroke-width="1.5"%s/>`, x, x+20, st.stroke, st.dash)
			b.WriteString(marker(st, float64(x+10), 11))
		}
		fmt.Fprintf(b, `<text x="%d" y="15">%s</text>`, x+24, esc(it.name))
		x += 24 + 7*len(it.name) + 14
	}
	b.WriteString(`</g>`)
}
