package figure

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unknot/unknot/routines"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// screens are the windows the goldens are drawn for. The session screen
// gives the picture the body of the window: all but the help line, its
// header and its progress bar (bodyRows).
var screens = []struct{ w, h int }{{80, 24}, {200, 60}}

// TestGoldens draws every built-in figure at the size the session screen
// gives it at 80x24 and 200x60: the start and the stretch for the left
// and the right side, and one frame halfway into the stretch.
func TestGoldens(t *testing.T) {
	for _, name := range routines.FigureNames() {
		pic, _ := routines.BuiltinFigure(name)
		for _, sc := range screens {
			cols, rows := sessionSize(pic, sc.w, sc.h)
			if cols == 0 {
				t.Fatalf("no room for a figure at %dx%d", sc.w, sc.h)
			}
			var b strings.Builder
			frame := func(title string, p routines.Picture, pose routines.Pose) {
				fmt.Fprintf(&b, "── %s ──\n%s\n", title, Draw(p, pose, cols, rows))
			}
			right := Mirror(pic)
			frame("start, left", pic, pic.Start())
			frame("stretch, left", pic, pic.Stretch())
			frame("start, right", right, right.Start())
			frame("stretch, right", right, right.Stretch())
			frame("halfway into the stretch, left", pic, Along(pic, 0.5))
			checkGolden(t, filepath.Join("testdata", fmt.Sprintf("%s-%dx%d.golden", name, sc.w, sc.h)), b.String())
		}
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui/figure -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

// bodyRows is the session screen's body in a window h rows high.
func bodyRows(h int) int { return h - 3 }

// sessionSize is the picture's size on the session screen of a w×h window.
func sessionSize(pic routines.Picture, w, h int) (int, int) {
	cols, rows := Box(w, bodyRows(h))
	return Fit(pic, cols, rows)
}
