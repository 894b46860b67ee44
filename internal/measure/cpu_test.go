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
// skipped), the still screens (breathe paused, home, the review) and the
// bare Bubble Tea program at unknot's frame rate (internal/bare -fps
// tui.FPS): static, changing one character once a second as a countdown
// does, and changing it 5 and 10 times a second as a moving picture does
// (the framework's own floor for a screen like unknot's), each at 100x30
// and at 200x60, all at once, each in its own pseudo-terminal read
// continuously through an emulator. CPU is utime+stime from /proc/PID/stat
// between 5 s and 65 s (UNKNOT_MEASURE_SECONDS shortens the 60).
//
// It fails when breathe or the session take more than 0.6% of a core at
// 100x30 or 1.0% at 200x60, a still screen more than 0.2%, or any unknot
// more than 40 MB resident. A still screen over 0.2% but within 0.05% of
// the bare static program, the framework's own idle cost, is logged, not
// failed.
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
		budget     float64 // % of a core; 0: none (the floors)
		floor      bool    // the bare static program: a still screen's floor
		pct        float64
		term       *Term
		a, b       Usage
		wall       time.Duration
		err        error
	}
	var progs []*prog
	fps := strconv.Itoa(tui.FPS)
	for _, size := range [][2]int{{100, 30}, {200, 60}} {
		moving := 0.6
		if size[0] > 100 {
			moving = 1.0
		}
		add := []*prog{
			{name: "unknot breathe", bin: unknot, args: []string{"breathe", "--sound", "off"}, unknot: true, budget: moving},
			{name: "unknot session", bin: unknot, args: []string{"session", "--sound", "off", "--no-checkin"}, keys: right, unknot: true, budget: moving},
			{name: "unknot breathe, paused", bin: unknot, args: []string{"breathe", "--sound", "off"}, keys: " ", unknot: true, budget: 0.2},
			{name: "unknot home", bin: unknot, args: []string{"--sound", "off"}, unknot: true, budget: 0.2},
			{name: "unknot history (the review)", bin: unknot, args: []string{"history"}, unknot: true, budget: 0.2},
			{name: "bare, " + fps + " fps, static", bin: bare, args: []string{"-fps", fps}, floor: true},
			{name: "bare, " + fps + " fps, 1 change/s", bin: bare, args: []string{"-fps", fps, "-every", "1s"}},
			{name: "bare, " + fps + " fps, 5 changes/s", bin: bare, args: []string{"-fps", fps, "-every", "200ms"}},
			{name: "bare, " + fps + " fps, 10 changes/s", bin: bare, args: []string{"-fps", fps, "-every", "100ms"}},
		}
		for _, p := range add {
			p.cols, p.rows = size[0], size[1]
		}
		progs = append(progs, add...)
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
	floor := map[int]float64{} // by width
	for _, p := range progs {
		if p.err == nil {
			p.pct = 100 * (p.b.CPU - p.a.CPU).Seconds() / p.wall.Seconds()
		}
		if p.floor {
			floor[p.cols] = p.pct
		}
	}
	rows := [][]string{{"program", "size", "CPU s", "over s", "% of a core", "VmRSS MB"}}
	for _, p := range progs {
		if p.err != nil {
			t.Errorf("%s %dx%d: %v; the screen:\n%s", p.name, p.cols, p.rows, p.err, p.term.Screen())
			continue
		}
		cpu, pct := p.b.CPU-p.a.CPU, p.pct
		rows = append(rows, []string{p.name, fmt.Sprintf("%dx%d", p.cols, p.rows), fmt.Sprintf("%.2f", cpu.Seconds()),
			fmt.Sprintf("%.1f", p.wall.Seconds()), fmt.Sprintf("%.3f", pct), fmt.Sprintf("%.1f", float64(p.b.RSS)/1024)})
		switch {
		case p.budget <= 0 || pct <= p.budget:
		case p.budget <= 0.2 && pct <= floor[p.cols]+0.05:
			// A still screen can't go below the framework's own idle cost:
			// on the floor (within the clock's ticks), it is not over.
			t.Logf("%s at %dx%d: %.3f%% of a core, over %.1f%% but on the bare floor (%.3f%%)", p.name, p.cols, p.rows, pct, p.budget, floor[p.cols])
		default:
			t.Errorf("%s at %dx%d: %.3f%% of a core, over %.1f%%", p.name, p.cols, p.rows, pct, p.budget)
		}
		if p.unknot && p.b.RSS > 40*1024 {
			t.Errorf("%s at %dx%d: %.1f MB resident, over 40 MB", p.name, p.cols, p.rows, float64(p.b.RSS)/1024)
		}
	}
	t.Logf("\nCPU = utime+stime (/proc/PID/stat, %d ticks a second) from 5 s after start, over %v; all at once\n%s",
		clockTicks(), span, table(rows))
}
