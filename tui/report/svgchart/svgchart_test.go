package svgchart

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
)

// wellFormed parses the SVG as XML: a browser would refuse a broken one.
func wellFormed(t *testing.T, svg string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, svg)
		}
	}
}

func TestBarsAccessibleAndScaled(t *testing.T) {
	svg := Bars{ID: "w", Title: "Sessions a week", Desc: "4, 7 & 2 <sessions>", YLabel: "sessions",
		Labels: []string{"2 Mar", "9 Mar", "16 Mar"}, Values: []float64{4, 7, 2}, Target: []float64{7, 7, 3},
		ValueName: "sessions", TargetName: "plan"}.SVG()
	wellFormed(t, svg)
	for _, want := range []string{`role="img"`, `aria-labelledby="w-t w-d"`, `<title id="w-t">Sessions a week</title>`,
		`<desc id="w-d">4, 7 &amp; 2 &lt;sessions&gt;</desc>`, `>9 Mar</text>`, `>plan</text>`} {
		if !strings.Contains(svg, want) {
			t.Errorf("missing %s", want)
		}
	}
	// The tallest value is 7: the axis runs 0..8 in steps of 2, the 7 bar
	// reaches 7/8 of the plot's height (174), the 2 bar a quarter.
	if !strings.Contains(svg, `>8</text>`) || strings.Contains(svg, `>10</text>`) {
		t.Errorf("the axis does not end at 8:\n%s", svg)
	}
	h := regexp.MustCompile(`<rect x="[0-9.]+" y="([0-9.]+)" width="[0-9.]+" height="([0-9.]+)" fill="#444"/>`).FindAllStringSubmatch(svg, -1)
	if len(h) != 4 || h[1][1] != "47.8" || h[2][2] != "43.5" { // 200-174*7/8 = 47.75; 174/4; the 4th is the legend's swatch
		t.Errorf("bar heights %v", h)
	}
	if n := strings.Count(svg, `stroke-dasharray="4 3"`); n != 4 { // 3 targets and the legend
		t.Errorf("%d dashed target lines, want 4", n)
	}
	if svg != (Bars{ID: "w", Title: "Sessions a week", Desc: "4, 7 & 2 <sessions>", YLabel: "sessions",
		Labels: []string{"2 Mar", "9 Mar", "16 Mar"}, Values: []float64{4, 7, 2}, Target: []float64{7, 7, 3},
		ValueName: "sessions", TargetName: "plan"}.SVG()) {
		t.Error("the same numbers draw different bytes")
	}
}

// TestBarsLeaveRoomForTheirNumbers: a tallest bar at a round value gets
// one more step above it, so its number does not touch the legend.
func TestBarsLeaveRoomForTheirNumbers(t *testing.T) {
	svg := Bars{ID: "b", Title: "t", Desc: "d", Labels: []string{"a", "b"}, Values: []float64{3, 1}}.SVG()
	if !strings.Contains(svg, `>4</text>`) || strings.Contains(svg, `>5</text>`) {
		t.Errorf("the axis does not end at 4:\n%s", svg)
	}
}

func TestLinesTwoSeriesTellApartWithoutColour(t *testing.T) {
	svg := Lines{ID: "p", Title: "Pain", Desc: "d", XMin: 0, XMax: 10, YMin: 0, YMax: 10, YStep: 2, Markers: true,
		Ticks:  []Tick{{0, "1 Mar"}, {7, "8 Mar"}},
		Series: []Series{{Name: "before", Points: []Point{{0, 6}, {5, 4}}}, {Name: "after", Points: []Point{{0, 4}, {5, 2}}}}}.SVG()
	wellFormed(t, svg)
	// x: 44 + 5/10*584 = 336; y of 4: 200 - 0.4*174 = 130.4
	if !strings.Contains(svg, `d="M44 95.6 L336 130.4"`) || !strings.Contains(svg, `d="M44 130.4 L336 165.2"`) {
		t.Errorf("paths:\n%s", svg)
	}
	if strings.Count(svg, "<circle") != 3 || strings.Count(svg, `fill="#fff"`) != 3 { // 2 points + legend each
		t.Errorf("markers: circles %d squares %d", strings.Count(svg, "<circle"), strings.Count(svg, `fill="#fff"`))
	}
	if !strings.Contains(svg, `stroke-dasharray="6 3"`) {
		t.Error("the second series is not dashed")
	}
	for _, l := range []string{">0</text>", ">10</text>", ">8 Mar</text>", ">before</text>", ">after</text>"} {
		if !strings.Contains(svg, l) {
			t.Errorf("missing label %s", l)
		}
	}
}

func TestStepHoldsToTheEnd(t *testing.T) {
	svg := Lines{ID: "l", Title: "Level", Desc: "d", XMin: 0, XMax: 10, YMin: 0, YMax: 2, YStep: 1, Step: true,
		Series: []Series{{Name: "", Points: []Point{{0, 0}, {5, 1}}}}}.SVG()
	wellFormed(t, svg)
	if !strings.Contains(svg, `d="M44 200 H336 V113 H628"`) {
		t.Errorf("step path:\n%s", svg)
	}
}

func TestNumAndStep(t *testing.T) {
	for v, want := range map[float64]string{0: "0", -0.01: "0", 1.25: "1.3", 130.44: "130.4", 7: "7"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %s, want %s", v, got, want)
		}
	}
	for hi, want := range map[float64]float64{3: 1, 7: 2, 14: 5, 40: 10, 120: 50} {
		if got := niceStep(hi); got != want {
			t.Errorf("niceStep(%v) = %v, want %v", hi, got, want)
		}
	}
}
