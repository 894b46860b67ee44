package figure

// String is the canvas as plain text: rows of braille, each cols cells
// wide (blank cells are spaces), with no colour.
func (c *Canvas) String() string {
	return c.Paint(nil)
}
