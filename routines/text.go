package routines

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// isControl reports whether r is a control character that must never reach
// a terminal from a file: C0 other than tab (newline too when newlines is
// false), DEL and C1. ESC, CSI, OSC and BEL, which start the sequences
// that move the cursor, recolour text or retitle the window, are all among
// them.
func isControl(r rune, newlines bool) bool {
	switch {
	case r == '\t':
		return false
	case r == '\n':
		return !newlines
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	}
	return false
}

// isInvisibleFormat reports whether r is one of the characters that reorder,
// hide or break text without being seen: the bidirectional marks,
// overrides and isolates, the zero-width spaces and joiners, the byte
// order mark, and the Unicode line and paragraph separators. Printable
// escapes them in names from outside so a name can't pass for another,
// and routine files may not hold them.
func isInvisibleFormat(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029 ||
		r >= 0x200b && r <= 0x200f || r >= 0x2060 && r <= 0x2064 || r == 0xfeff || r == 0x061c
}

// Printable returns s safe to print on a terminal: every control character
// (C0 including tab and newline, DEL, C1, and so ESC, CSI, OSC and BEL),
// every bidirectional override or line separator, and every byte that is not
// UTF-8 is written as a Go escape (\x1b, \n, \u202e, \xff); everything else
// is kept as it is. Use it for anything from outside that is printed: file
// names, names from imported files, messages quoting them. Printing the
// result can't move the cursor or change the terminal, and Printable of
// its own result changes nothing.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || isControl(r, false) || r == '\t' || isInvisibleFormat(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && isControl(r, false):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isControl(r, false) || isInvisibleFormat(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// controlName names a control character for a message.
func controlName(r rune) string {
	names := map[rune]string{0: "NUL", 7: "BEL", 8: "backspace", 0x0b: "vertical tab", 0x0c: "form feed",
		0x0d: "carriage return", 0x1b: "ESC", 0x7f: "DEL", 0x85: "NEL", 0x9b: "CSI", 0x9d: "OSC", 0x90: "DCS"}
	if n, ok := names[r]; ok {
		return fmt.Sprintf("%s (U+%04X)", n, r)
	}
	if r == utf8.RuneError {
		return "a byte that is not UTF-8"
	}
	return fmt.Sprintf("U+%04X", r)
}

// quote writes a value from a file in a message: quoted and escaped, and cut
// short when long, so one problem stays one readable line.
func quote(s string) string {
	const max = 48
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	cut := 0
	for range max {
		_, n := utf8.DecodeRuneInString(s[cut:])
		cut += n
	}
	return strconv.Quote(s[:cut]) + "…"
}

// controlIn finds the control characters (and the invisible ones that
// reorder or hide text: isInvisibleFormat) in a TOML string as written in
// the file, quotes included: raw characters and escapes that stand for
// one (\e, \b, \u001b, \x9b, \u202e ...). It returns the byte offset in raw of the
// first, that character, and how many there are (0: none). newlines says
// whether the field may hold line breaks.
func controlIn(raw []byte, newlines bool) (at int, first rune, count int) {
	s := string(raw)
	delim, basic := "", false
	switch {
	case strings.HasPrefix(s, `"""`):
		delim, basic = `"""`, true
	case strings.HasPrefix(s, `'''`):
		delim = `'''`
	case strings.HasPrefix(s, `"`):
		delim, basic = `"`, true
	case strings.HasPrefix(s, `'`):
		delim = `'`
	default:
		return 0, 0, 0
	}
	if len(s) < 2*len(delim) {
		return 0, 0, 0
	}
	multi := len(delim) == 3
	end := len(s) - len(delim)
	i := len(delim)
	if multi { // a line break right after the opening quotes is not part of the string
		if strings.HasPrefix(s[i:], "\r\n") {
			i += 2
		} else if strings.HasPrefix(s[i:], "\n") {
			i++
		}
	}
	found := func(pos int, r rune) {
		if count == 0 {
			at, first = pos, r
		}
		count++
	}
	for i < end {
		c := s[i]
		if basic && c == '\\' && i+1 < end {
			e := s[i+1]
			var r rune = -1
			n := 2
			switch e {
			case 'b':
				r = '\b'
			case 't':
				r = '\t'
			case 'n':
				r = '\n'
			case 'f':
				r = '\f'
			case 'r':
				r = '\r'
			case 'e':
				r = 0x1b
			case 'x', 'u', 'U':
				digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if i+2+digits <= end {
					if v, err := strconv.ParseUint(s[i+2:i+2+digits], 16, 32); err == nil {
						r, n = rune(v), 2+digits
					}
				}
			case ' ', '\t', '\r', '\n':
				if multi { // a line-ending backslash: the break and the blanks after it are dropped
					j := i + 1
					for j < end && strings.IndexByte(" \t\r\n", s[j]) >= 0 {
						j++
					}
					i = j
					continue
				}
			}
			if r >= 0 && (isControl(r, newlines) || isInvisibleFormat(r)) {
				found(i, r)
			}
			i += n
			continue
		}
		if multi && c == '\r' && i+1 < end && s[i+1] == '\n' { // a Windows line break is one break
			if !newlines {
				found(i, '\n')
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:end])
		if isControl(r, newlines) || isInvisibleFormat(r) || r == utf8.RuneError && n <= 1 {
			found(i, r)
		}
		i += n
	}
	return at, first, count
}
