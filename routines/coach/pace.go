package coach

import "math"

// StepPace moves pace one PaceStep slower (dir +1) or faster (dir -1),
// rounded to the hundredth so that repeated steps do not drift from the
// tenths, and kept within MinPace and MaxPace.
func StepPace(pace float64, dir int) float64 {
	p := math.Round((pace+float64(dir)*PaceStep)*100) / 100
	return min(max(p, MinPace), MaxPace)
}
