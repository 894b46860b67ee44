package measure

import (
	"bufio"
	"fmt"
	"os/exec"
	"testing"
	"time"
)

// TestMeasureStart times, over 20 runs each, exec to the first frame
// (cmd.Start to the first chunk after which the emulated screen shows
// the inhale) and exec to the first --plain line through a pipe.
func TestMeasureStart(t *testing.T) {
	needMeasure(t)
	bin := built(t, unknotPkg, "unknot")
	const runs = 20
	var frame, plain []time.Duration
	for range runs {
		home := t.TempDir()
		term, err := StartTerm(bin, []string{"breathe", "--sound", "off"}, Env(home), 100, 30)
		if err != nil {
			t.Fatal(err)
		}
		at, err := term.WaitWord(10 * time.Second)
		_ = term.Cmd.Process.Kill()
		term.Stop("")
		if err != nil {
			t.Fatal(err)
		}
		frame = append(frame, at.Sub(term.Start))
	}
	for range runs {
		cmd := exec.Command(bin, "breathe", "--plain", "--sound", "off")
		cmd.Env = Env(t.TempDir())
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		at := time.Now()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if err != nil {
			t.Fatalf("no first --plain line: %v (%q)", err, line)
		}
		plain = append(plain, at.Sub(start))
	}
	rows := [][]string{{"exec to", "runs", "median ms", "p95 ms", "min ms", "max ms"}}
	for _, r := range []struct {
		name string
		ds   []time.Duration
	}{{"first frame (pty, 100x30)", frame}, {"first --plain line (pipe)", plain}} {
		s := Summarize(r.ds)
		rows = append(rows, []string{r.name, fmt.Sprint(s.N), msf(s.Median), msf(s.P95), msf(s.Min), msf(s.Max)})
		if s.Median > 12*time.Millisecond {
			t.Errorf("exec to %s: median %s ms, over 12 ms", r.name, msf(s.Median))
		}
	}
	t.Log("\n" + table(rows))
}
