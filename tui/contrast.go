package tui

import (
	"image/color"
	"math"
)

// Contrast is the contrast ratio of two colours as WCAG 2 defines it:
// (L1 + 0.05) / (L2 + 0.05) of their relative luminances, the lighter
// first; from 1 (the same) to 21 (black on white). Text needs 4.5 (AA).
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is a colour's relative luminance: each sRGB channel made
// linear, weighted by how bright the eye sees it.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
