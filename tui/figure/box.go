package figure

// Box is the most room, in cells, the picture takes in a body of w×h
// cells beside the words: at most half the width, leaving the words 43
// columns, and the body's height but a line above and below. Zero when
// the room cannot hold a picture that reads as a body (Fits). Fit then
// gives a figure the part of it that its shape uses.
func Box(w, h int) (cols, rows int) {
	cols = min(w-43, w/2, 90)
	rows = min(h-2, cols/2, 36)
	if !Fits(cols, rows) {
		return 0, 0
	}
	return cols, rows
}

// The smallest picture that still reads as a body.
const (
	MinCols = 22
	MinRows = 9
)

// Fits reports whether a picture of cols×rows cells reads as a body.
func Fits(cols, rows int) bool { return cols >= MinCols && rows >= MinRows }
