package tui

import (
	"image/color"
	"math"

	"charm.land/lipgloss/v2"
)

// The contrast of text against its background, as WCAG 2 computes it,
// for the theme's tests (theme_test.go).

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

// Backgrounds are the terminal backgrounds a theme is made for: the
// terminal's own colour is not known, so the dark theme must read on
// black and on the lighter dark ones (One Dark, Nord), the light theme on
// white and on the greyer or yellower light ones (Solarized).
func Backgrounds(dark bool) []color.Color {
	if dark {
		return []color.Color{lipgloss.Color("#000000"), lipgloss.Color("#1E1E1E"), lipgloss.Color("#282C34"), lipgloss.Color("#2E3440")}
	}
	return []color.Color{lipgloss.Color("#FFFFFF"), lipgloss.Color("#FDF6E3"), lipgloss.Color("#EEEEEE"), lipgloss.Color("#ECEFF4")}
}
