package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The README's figures. They take over a minute and measure the machine,
// so they run only when asked:
//
//	UNKNOT_MEASURE=1 go test ./cmd/unknot -run Measure -v
//
// They log figures and assert nothing about durations.

func needMeasure(t *testing.T) {
	if os.Getenv("UNKNOT_MEASURE") != "1" {
		t.Skip("set UNKNOT_MEASURE=1 to measure start-up and CPU")
	}
}

// From exec to the first frame in a real terminal: the pane's shell notes
// the instant (date +%s%N) just before it execs unknot, and the screen is
// polled every 2 ms until the inhale shows.
func TestMeasureFirstFrameTmux(t *testing.T) {
	needMeasure(t)
	needTmux(t)
	var all []time.Duration
	for i := range 10 {
		stamp := fmt.Sprintf("%s/t0-%d", t.TempDir(), i)
		name := fmt.Sprintf("measure-%d-%d", os.Getpid(), i)
		script := fmt.Sprintf("date +%%s%%N > %s; exec env TERM=xterm-256color UNKNOT_HOME=%s %s breathe --no-bell",
			stamp, t.TempDir(), e2eBin)
		if out, err := exec.Command("tmux", "-L", tmuxSocket, "-f", "/dev/null", "new-session", "-d", "-s", name,
			"-x", "80", "-y", "24", script).CombinedOutput(); err != nil {
			t.Fatalf("tmux: %v %s", err, out)
		}
		s := &Term{t: t, name: name}
		var seen time.Time
		for deadline := time.Now().Add(termDeadline); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
			if strings.Contains(s.Screen(), "Inhale") {
				seen = time.Now()
				break
			}
		}
		_ = exec.Command("tmux", "-L", tmuxSocket, "kill-session", "-t", name).Run()
		b, err := os.ReadFile(stamp)
		if err != nil || seen.IsZero() {
			t.Fatalf("run %d: no stamp (%v) or no inhale", i, err)
		}
		ns, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		all = append(all, seen.Sub(time.Unix(0, ns)))
	}
	t.Logf("exec → first frame in tmux, 10 runs: %v", all)
	t.Logf("median %v", median(all))
}

// CPU over a minute of pacing (5-1-3, the 80x24 screen, bell on) in tmux:
// the process's own CPU time (/proc/PID/stat utime+stime, and the
// scheduler's nanoseconds in /proc/PID/schedstat) before and after.
func TestMeasureCPUMinute(t *testing.T) {
	needMeasure(t)
	for _, args := range [][]string{{"breathe"}, {"breathe", "--reduced-motion"}} {
		s := startTerm(t, 80, 24, []string{newHome(t)}, args...)
		s.WaitFor("Inhale")
		pid := panePID(t, s)
		tick0, ns0 := cpuOf(t, pid)
		start := time.Now()
		time.Sleep(60 * time.Second)
		tick1, ns1 := cpuOf(t, pid)
		wall := time.Since(start)
		ticks := float64(tick1-tick0) / 100 // USER_HZ is 100 on Linux
		t.Logf("%v: %.2f s of CPU by utime+stime, %.3f s by schedstat, over %v: %.3f%% of one core",
			args, ticks, float64(ns1-ns0)/1e9, wall.Round(time.Millisecond), 100*float64(ns1-ns0)/float64(wall))
		s.Keys("q")
		s.Exited()
	}
}

func cpuOf(t *testing.T, pid int) (ticks int64, ns int64) {
	t.Helper()
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+2:]))
	u, _ := strconv.ParseInt(f[11], 10, 64) // utime, field 14
	s, _ := strconv.ParseInt(f[12], 10, 64) // stime, field 15
	sched, err := os.ReadFile(fmt.Sprintf("/proc/%d/schedstat", pid))
	if err != nil {
		t.Fatal(err)
	}
	ns, _ = strconv.ParseInt(strings.Fields(string(sched))[0], 10, 64)
	return u + s, ns
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}
