package routines

import "sort"

// lineIndex finds the line and column of a byte offset in a file in
// O(log lines), after one pass over the file: the parser's own Shape counts
// from the start of the file on every call, which made reading a file take
// time in the square of its size.
type lineIndex struct {
	starts []int // the offset at which each line begins
}

func newLineIndex(data []byte) lineIndex {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts}
}

// at is the 1-based line and column (in bytes, as the TOML decoder counts
// them) of offset.
func (x lineIndex) at(offset int) (line, col int) {
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	return i + 1, offset - x.starts[i] + 1
}
