package figure

// Box is the size in cells of the picture on a session screen of w×h
// cells, beside the words: about two fifths of the width, and no more
// rows than leave the header and the progress bar their lines. Zero when
// the window cannot hold a picture that reads as a body (Fits).
func Box(w, h int) (cols, rows int) {
	cols = min(w*2/5, 90)
	rows = min(h-6, cols/2, 36)
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
