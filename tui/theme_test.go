package tui

import (
	"fmt"
	"image/color"
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// The formula itself, on pairs whose ratios are known: black on white is
// 21:1, a colour on itself 1:1, and #767676 on white the classic 4.54:1.
func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#FFFFFF", "#000000", 21}, {"#777777", "#777777", 1}, {"#767676", "#FFFFFF", 4.54}} {
		got := Contrast(lipgloss.Color(c.a), lipgloss.Color(c.b))
		if got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// Every style of each theme that colours text reads at least 4.5:1 (WCAG
// AA) on every background the theme is made for. The styles are found by
// reflection, so a style added to Styles is checked too. GaugeEmpty is
// the one exception: the empty track of a gauge or a bar, a shape beside
// the filled part (other glyphs carry it without colour), never words; it
// must stay dimmer than the filled part.
func TestThemeContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := NewStyles(dark)
		v := reflect.ValueOf(s)
		checked, lowest, which := 0, 21.0, ""
		for i := range v.NumField() {
			st, ok := v.Field(i).Interface().(lipgloss.Style)
			name := v.Type().Field(i).Name
			if !ok || name == "GaugeEmpty" {
				continue
			}
			fg := st.GetForeground()
			if _, none := fg.(lipgloss.NoColor); none || fg == nil {
				t.Errorf("dark=%v: %s has no colour of its own: the terminal's would be untested", dark, name)
				continue
			}
			for _, bg := range Backgrounds(dark) {
				r := Contrast(fg, bg)
				if r < 4.5 {
					t.Errorf("dark=%v: %s %s on %s is %.2f:1, want at least 4.5:1", dark, name, hex(fg), hex(bg), r)
				}
				if r < lowest {
					lowest, which = r, name+" "+hex(fg)+" on "+hex(bg)
				}
			}
			checked++
		}
		t.Logf("dark=%v: %d styles, the lowest %.2f:1 (%s)", dark, checked, lowest, which)
		if checked < 10 {
			t.Errorf("dark=%v: only %d styles checked", dark, checked)
		}
		for _, bg := range Backgrounds(dark) {
			full, empty := Contrast(s.GaugeFull.GetForeground(), bg), Contrast(s.GaugeEmpty.GetForeground(), bg)
			if empty >= full {
				t.Errorf("dark=%v: the empty track (%.2f:1) stands out more than the filled part (%.2f:1) on %s", dark, empty, full, hex(bg))
			}
		}
	}
}

// The help line is drawn in the theme's colours, not Bubbles' greys.
func TestHelpUsesTheTheme(t *testing.T) {
	for _, dark := range []bool{true, false} {
		s := NewStyles(dark)
		hs := s.HelpStyles()
		for name, st := range map[string]lipgloss.Style{"ShortKey": hs.ShortKey, "ShortDesc": hs.ShortDesc, "ShortSeparator": hs.ShortSeparator,
			"FullKey": hs.FullKey, "FullDesc": hs.FullDesc, "FullSeparator": hs.FullSeparator, "Ellipsis": hs.Ellipsis} {
			for _, bg := range Backgrounds(dark) {
				if r := Contrast(st.GetForeground(), bg); r < 4.5 {
					t.Errorf("dark=%v: help %s on %s is %.2f:1", dark, name, hex(bg), r)
				}
			}
		}
	}
	for _, dark := range []bool{true, false} {
		theme := map[bool]string{true: "dark", false: "light"}[dark]
		a, err := NewApp(NewContext(Options{Theme: theme}), Deps{}, PageSafety)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(a.View().Content, "\n")
		last := lines[len(lines)-1]
		r, g, b, _ := NewStyles(dark).Help.GetForeground().RGBA()
		want := fmt.Sprintf("38;2;%d;%d;%d", r>>8, g>>8, b>>8)
		if !strings.Contains(last, want) || strings.Contains(last, "38;5;") {
			t.Errorf("%s: the help line %q is not in the theme's colour (%s)", theme, last, want)
		}
	}
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return "#" + string([]byte{hx(r >> 12), hx(r >> 8 & 15), hx(g >> 12), hx(g >> 8 & 15), hx(b >> 12), hx(b >> 8 & 15)})
}

func hx(v uint32) byte { return "0123456789ABCDEF"[v&15] }
