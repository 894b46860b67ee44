package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"github.com/unknot/unknot/routines"
)

// Styles are every style the screens use, for one background. Soft colours:
// nothing here blinks or shouts. With NO_COLOR the terminal profile drops
// the colours and keeps bold and faint, so every screen must read well
// without colour (shapes and words carry the meaning, colour only helps).
type Styles struct {
	Dark bool

	Title  lipgloss.Style // a routine's title, a screen's heading
	Text   lipgloss.Style // ordinary words
	Subtle lipgloss.Style // secondary words: totals, hints
	Phase  lipgloss.Style // a moment's word: Get ready, Rest, Hold
	Inhale lipgloss.Style // the Inhale word: its own colour ...
	Exhale lipgloss.Style // ... and the Exhale's another, so a glance tells them apart
	Big    lipgloss.Style // the large countdown
	Accent lipgloss.Style // what is happening now
	Warn   lipgloss.Style // limits, cautions, the stop rule
	Paused lipgloss.Style // the Paused banner

	GaugeFull  lipgloss.Style // the filled part of the breath gauge
	GaugeEmpty lipgloss.Style // the empty part

	Help lipgloss.Style
}

// palette is one background's colours.
type palette struct {
	text, subtle, accent, breath, out, warn, empty color.Color
}

var (
	darkPalette = palette{
		text:   lipgloss.Color("#D8DEE9"),
		subtle: lipgloss.Color("#7B8494"),
		accent: lipgloss.Color("#88C0D0"),
		breath: lipgloss.Color("#8FBCBB"),
		out:    lipgloss.Color("#B48EAD"),
		warn:   lipgloss.Color("#E5B98A"),
		empty:  lipgloss.Color("#3B4252"),
	}
	lightPalette = palette{
		text:   lipgloss.Color("#2E3440"),
		subtle: lipgloss.Color("#6B7280"),
		accent: lipgloss.Color("#2C6E80"),
		breath: lipgloss.Color("#3A7D7B"),
		out:    lipgloss.Color("#7A4F7A"),
		warn:   lipgloss.Color("#9A5B13"),
		empty:  lipgloss.Color("#D8DEE9"),
	}
)

// NewStyles makes the styles for a dark or a light background.
func NewStyles(dark bool) Styles {
	p := lightPalette
	if dark {
		p = darkPalette
	}
	base := lipgloss.NewStyle()
	return Styles{
		Dark:       dark,
		Title:      base.Foreground(p.accent).Bold(true),
		Text:       base.Foreground(p.text),
		Subtle:     base.Foreground(p.subtle),
		Phase:      base.Foreground(p.breath).Bold(true),
		Inhale:     base.Foreground(p.breath).Bold(true),
		Exhale:     base.Foreground(p.out).Bold(true),
		Big:        base.Foreground(p.text).Bold(true),
		Accent:     base.Foreground(p.accent),
		Warn:       base.Foreground(p.warn),
		Paused:     base.Foreground(p.warn).Bold(true),
		GaugeFull:  base.Foreground(p.breath),
		GaugeEmpty: base.Foreground(p.empty),
		Help:       base.Foreground(p.subtle),
	}
}

// PhaseStyle is the style of a breathing phase's word: inhale and exhale
// each have their own colour (and without colour their own word).
func (s Styles) PhaseStyle(p routines.Phase) lipgloss.Style {
	switch p {
	case routines.Inhale:
		return s.Inhale
	case routines.Exhale:
		return s.Exhale
	}
	return s.Phase
}
