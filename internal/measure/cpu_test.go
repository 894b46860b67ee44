package measure

import (
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/unknot/unknot/tui"
)

// TestMeasureCPU runs unknot breathe, an active session (its get-ready
// skipped) and the bare Bubble Tea program at unknot's frame rate
// (internal/bare -fps tui.FPS), static and changing one character once a
// second as a countdown does (the framework's own floor for a screen like
// unknot's), each at 100x30 and at 200x60, all at once,
// each in its own pseudo-terminal read continuously through an emulator.
// CPU is utime+stime from /proc/PID/stat between 5 s and 65 s
// (UNKNOT_MEASURE_SECONDS shortens the 60).
func TestMeasureCPU(t *testing.T) {
	needMeasure(t)
	span := measureSeconds(t, 60*time.Second)
	unknot := built(t, unknotPkg, "unknot")
	bare := built(t, "github.com/unknot/unknot/internal/bare", "bare")
	type prog struct {
		name       string
		bin        string
		args       []string
		keys       string // typed once the first screen shows
		cols, rows int
		unknot     bool
		term       *Term
		a, b       Usage
		wall       time.Duration
		err        error
	}
	var progs []*prog
	for _, size := range [][2]int{{100, 30}, {200, 60}} {
		progs = append(progs,
			&prog{name: "unknot breathe", bin: unknot, args: []string{"breathe", "--sound", "off"}, unknot: true},
			&prog{name: "unknot session", bin: unknot, args: []string{"session", "--sound", "off", "--no-checkin"}, keys: right, unknot: true},
			&prog{name: "bare, " + strconv.Itoa(tui.FPS) + " fps, static", bin: bare, args: []string{"-fps", strconv.Itoa(tui.FPS)}},
			&prog{name: "bare, " + strconv.Itoa(tui.FPS) + " fps, 1 change/s", bin: bare, args: []string{"-fps", strconv.Itoa(tui.FPS), "-every", "1s"}})
		for _, p := range progs[len(progs)-4:] {
			p.cols, p.rows = size[0], size[1]
		}
	}
	for _, p := range progs {
		term, err := StartTerm(p.bin, p.args, Env(t.TempDir()), p.cols, p.rows)
		if err != nil {
			t.Fatal(err)
		}
		p.term = term
		defer term.Stop("q")
	}
	var wg sync.WaitGroup
	for _, p := range progs {
		wg.Go(func() {
			pid := p.term.Cmd.Process.Pid
			time.Sleep(time.Until(p.term.Start.Add(time.Second)))
			if p.keys != "" {
				_ = p.term.Keys(p.keys)
			}
			time.Sleep(time.Until(p.term.Start.Add(5 * time.Second)))
			a, err := UsageOf(pid)
			t0 := time.Now()
			if err != nil {
				p.err = err
				return
			}
			time.Sleep(span)
			b, err := UsageOf(pid)
			p.a, p.b, p.wall, p.err = a, b, time.Since(t0), err
		})
	}
	wg.Wait()
	rows := [][]string{{"program", "size", "CPU s", "over s", "% of a core", "VmRSS MB"}}
	for _, p := range progs {
		if p.err != nil {
			t.Errorf("%s %dx%d: %v; the screen:\n%s", p.name, p.cols, p.rows, p.err, p.term.Screen())
			continue
		}
		cpu := p.b.CPU - p.a.CPU
		pct := 100 * cpu.Seconds() / p.wall.Seconds()
		rows = append(rows, []string{p.name, fmt.Sprintf("%dx%d", p.cols, p.rows), fmt.Sprintf("%.2f", cpu.Seconds()),
			fmt.Sprintf("%.1f", p.wall.Seconds()), fmt.Sprintf("%.3f", pct), fmt.Sprintf("%.1f", float64(p.b.RSS)/1024)})
		if p.unknot && pct > 0.35 {
			t.Errorf("%s at %dx%d: %.3f%% of a core, over 0.35%%", p.name, p.cols, p.rows, pct)
		}
	}
	t.Logf("\nCPU = utime+stime (/proc/PID/stat, %d ticks a second) from 5 s after start, over %v; all at once\n%s",
		clockTicks(), span, table(rows))
}
