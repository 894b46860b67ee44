package figure

import (
	"testing"

	"github.com/unknot/unknot/routines"
)

// BenchmarkDrawMoving is one frame of a picture on the move at 200x60: a
// pose between two key poses, drawn and printed.
func BenchmarkDrawMoving(b *testing.B) {
	pic, _ := routines.BuiltinFigure("knee-to-chest")
	cols, rows := sessionSize(pic, 200, 60)
	for i := 0; b.Loop(); i++ {
		_ = Draw(pic, Along(pic, float64(i%12)/12), cols, rows).String()
	}
}
