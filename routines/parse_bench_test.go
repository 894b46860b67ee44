package routines

import (
	"fmt"
	"strings"
	"testing"
)

// keysFile is a routine file followed by distinct unknown keys, one a line,
// until it is size bytes long: every key is looked up and reported.
func keysFile(size int) []byte {
	var b strings.Builder
	b.WriteString(base)
	for i := 0; b.Len() < size; i++ {
		line := fmt.Sprintf("key%d = \"a value\"\n", i)
		if b.Len()+len(line) > size {
			break
		}
		b.WriteString(line)
	}
	return []byte(b.String())
}

// cuesFile is a routine file whose cues list has one short line per file
// line, lines lines in all.
func cuesFile(lines int) []byte {
	var b strings.Builder
	b.WriteString(base)
	b.WriteString("cues = [\n")
	for i := 5; i < lines-1; i++ {
		b.WriteString("\"Breathe.\",\n")
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

// listFile is a routine file whose cues list holds empty strings, three
// bytes each, until it is size bytes long: the most values a file can hold.
func listFile(size int) []byte {
	head := base + "cues = ["
	n := (size - len(head) - 2) / 3
	return []byte(head + strings.Repeat(`"",`, n) + "]\n")
}

func benchParse(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := ParseRoutine("big.toml", data); len(probs) == 0 {
			b.Fatal("a file of problems parsed clean")
		}
	}
}

// BenchmarkParseRoutine parses files at the size cap and a 40,000-line
// file: parsing is linear, so each takes milliseconds, not seconds.
func BenchmarkParseRoutine(b *testing.B) {
	b.Run("keys-at-cap", func(b *testing.B) { benchParse(b, keysFile(MaxFileSize)) })
	b.Run("keys-at-quarter-cap", func(b *testing.B) { benchParse(b, keysFile(MaxFileSize/4)) })
	b.Run("empty-strings-at-cap", func(b *testing.B) { benchParse(b, listFile(MaxFileSize)) })
	b.Run("empty-strings-at-quarter-cap", func(b *testing.B) { benchParse(b, listFile(MaxFileSize/4)) })
	b.Run("cues-40000-lines", func(b *testing.B) { benchParse(b, cuesFile(40000)) })
	b.Run("cues-10000-lines", func(b *testing.B) { benchParse(b, cuesFile(10000)) })
}
