package tui

import "strings"

// BigRows is how many lines the big digits take.
const BigRows = 5

// bigFont is a 3x5 font for the digits and the colon; each lit pixel is
// drawn two cells wide so the numbers read as square from across a room.
var bigFont = map[rune][BigRows]string{
	'0': {"###", "# #", "# #", "# #", "###"},
	'1': {" # ", "## ", " # ", " # ", "###"},
	'2': {"###", "  #", "###", "#  ", "###"},
	'3': {"###", "  #", "###", "  #", "###"},
	'4': {"# #", "# #", "###", "  #", "  #"},
	'5': {"###", "#  ", "###", "  #", "###"},
	'6': {"###", "#  ", "###", "# #", "###"},
	'7': {"###", "  #", "  #", "  #", "  #"},
	'8': {"###", "# #", "###", "# #", "###"},
	'9': {"###", "# #", "###", "  #", "###"},
	':': {" ", "#", " ", "#", " "},
}

// BigDigits draws s (digits and colons; anything else is left out) in the
// large font: BigRows lines of equal width, one blank cell between glyphs.
func BigDigits(s string) string {
	var rows [BigRows]strings.Builder
	first := true
	for _, r := range s {
		g, ok := bigFont[r]
		if !ok {
			continue
		}
		for i := range BigRows {
			if !first {
				rows[i].WriteString(" ")
			}
			for _, px := range g[i] {
				if px == '#' {
					rows[i].WriteString("██")
				} else {
					rows[i].WriteString("  ")
				}
			}
		}
		first = false
	}
	lines := make([]string, BigRows)
	for i := range rows {
		lines[i] = rows[i].String()
	}
	return strings.Join(lines, "\n")
}

// BigWidth is how many cells wide BigDigits(s) is.
func BigWidth(s string) int {
	w, n := 0, 0
	for _, r := range s {
		if g, ok := bigFont[r]; ok {
			w += 2 * len(g[0])
			n++
		}
	}
	if n > 1 {
		w += n - 1
	}
	return w
}
