package plain

import "io"

// Writer writes whole lines, each in one Write and flushed at once. After
// the first error it writes nothing more and Err reports it.
type Writer struct {
	w   io.Writer
	err error
}

// NewWriter writes to w. If w has a Flush() error method (a bufio.Writer),
// each line is flushed.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Line writes s and a newline.
func (p *Writer) Line(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s+"\n")
	if f, ok := p.w.(interface{ Flush() error }); ok && p.err == nil {
		p.err = f.Flush()
	}
}

// Err is the first write error.
func (p *Writer) Err() error { return p.err }
