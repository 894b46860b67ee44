// Package measure is the on-screen measurement of issue 14: it runs the
// real unknot binary in a pseudo-terminal, timestamps every chunk of output
// as it is read, replays the chunks through a terminal emulator
// (github.com/charmbracelet/x/vt) and finds when each visible change
// appears, then compares those moments with the coach's own schedule,
// which unknot writes when UNKNOT_TRACE=<file> is set.
//
// The pure parts (reading the trace, what the screen should show and when,
// reading a screen, matching, statistics) are ordinary code with ordinary
// tests. The measurements themselves take minutes and measure the machine,
// so they run only when asked:
//
//	UNKNOT_MEASURE=1 go test -count=1 -run TestMeasureLag -v ./internal/measure/
//	UNKNOT_MEASURE=1 go test -count=1 -run TestMeasureStart -v ./internal/measure/
//	UNKNOT_MEASURE=1 go test -count=1 -run TestMeasureCPU -v ./internal/measure/
//
// UNKNOT_MEASURE_SECONDS shortens the CPU minute (and the lag runs) for a
// quick look. Each builds unknot afresh (go build into a temporary folder)
// and runs it with UNKNOT_HOME in a temporary folder and --sound off;
// UNKNOT_MEASURE_BIN=<path> measures that unknot binary instead (another
// build, to compare before and after); UNKNOT_MEASURE_DUMP=<folder> keeps
// each lag scenario's trace and the changes seen on screen there.
//
// TestMeasureLag fails when a change reaches the screen more than 10 ms
// late at the 95th percentile, or any change shows more than 1 ms before
// its instant (a bug in the schedule or the view). TestMeasureCPU fails
// above 0.35% of a core for unknot (the bare Bubble Tea program at the
// same frame rate, internal/bare, is the floor printed beside it).
// TestMeasureStart fails when exec to the first frame, or to the first
// --plain line, takes more than 12 ms at the median.
package measure
