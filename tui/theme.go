package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
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
	GaugeEmpty lipgloss.Style // the empty part: a track, not text (see Backgrounds)

	Help    lipgloss.Style // the help line's words
	HelpKey lipgloss.Style // the help line's keys
}

// palette is one background's colours.
type palette struct {
	text, subtle, accent, breath, out, warn, empty color.Color
}

// Every text colour reads at least 4.5:1 (WCAG AA) against each of its
// theme's Backgrounds: theme_test computes it. "How to stop" on the help
// line must be readable with eyes half shut.
var (
	darkPalette = palette{
		text:   lipgloss.Color("#D8DEE9"),
		subtle: lipgloss.Color("#9CA4B3"),
		accent: lipgloss.Color("#88C0D0"),
		breath: lipgloss.Color("#8FBCBB"),
		out:    lipgloss.Color("#C0A0BA"),
		warn:   lipgloss.Color("#E5B98A"),
		empty:  lipgloss.Color("#3B4252"),
	}
	lightPalette = palette{
		text:   lipgloss.Color("#2E3440"),
		subtle: lipgloss.Color("#5B616E"),
		accent: lipgloss.Color("#2C6E80"),
		breath: lipgloss.Color("#2F6B69"),
		out:    lipgloss.Color("#7A4F7A"),
		warn:   lipgloss.Color("#8A5210"),
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
		HelpKey:    base.Foreground(p.text),
	}
}

// HelpStyles are the help line's styles in the theme's colours (Bubbles'
// own greys are 239 and 241: too dark to read on a dark terminal).
func (s Styles) HelpStyles() help.Styles {
	return help.Styles{
		Ellipsis:       s.Help,
		ShortKey:       s.HelpKey,
		ShortDesc:      s.Help,
		ShortSeparator: s.Help,
		FullKey:        s.HelpKey,
		FullDesc:       s.Help,
		FullSeparator:  s.Help,
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
