package figure

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/unknot/unknot/routines"
)

// Fit is the smallest box, within maxCols×maxRows cells, that holds pic
// at the largest size the box allows: a wide figure gets few rows, a tall
// one few columns.
func Fit(pic routines.Picture, maxCols, maxRows int) (cols, rows int) {
	if pic.Width <= 0 || pic.Height <= 0 || maxCols <= 0 || maxRows <= 0 {
		return 0, 0
	}
	scale := math.Min(float64(maxCols*2)/float64(pic.Width), float64(maxRows*4)/float64(pic.Height))
	cols = min(int(math.Ceil(float64(pic.Width)*scale/2-1e-9)), maxCols)
	rows = min(int(math.Ceil(float64(pic.Height)*scale/4-1e-9)), maxRows)
	return cols, rows
}

// Panel is one picture of a row of pictures, with a caption above it.
type Panel struct {
	Caption string
	Canvas  *Canvas
}

// Beside sets panels side by side, gap cells apart, each caption over its
// picture (cut to the picture's width), every line as wide as the row.
// paint colours the pictures as Canvas.Paint does.
func Beside(gap int, paint func(Ink, string) string, panels ...Panel) string {
	if len(panels) == 0 {
		return ""
	}
	rows := 0
	for _, p := range panels {
		_, r := p.Canvas.Size()
		rows = max(rows, r)
	}
	lines := make([]strings.Builder, rows+1)
	for i, p := range panels {
		cols, r := p.Canvas.Size()
		pad := strings.Repeat(" ", gap)
		if i == 0 {
			pad = ""
		}
		caption := p.Caption
		for utf8.RuneCountInString(caption) > cols {
			_, size := utf8.DecodeLastRuneInString(caption)
			caption = caption[:len(caption)-size]
		}
		lines[0].WriteString(pad + caption + strings.Repeat(" ", cols-utf8.RuneCountInString(caption)))
		body := strings.Split(p.Canvas.Paint(paint), "\n")
		for k := range rows {
			lines[k+1].WriteString(pad)
			if k < r {
				lines[k+1].WriteString(body[k])
			} else {
				lines[k+1].WriteString(strings.Repeat(" ", cols))
			}
		}
	}
	out := make([]string, len(lines))
	for i := range lines {
		out[i] = lines[i].String()
	}
	return strings.Join(out, "\n")
}
