package measure

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const unknotPkg = "github.com/unknot/unknot/cmd/unknot"

// needMeasure skips a measurement unless asked for.
func needMeasure(t *testing.T) {
	t.Helper()
	if os.Getenv("UNKNOT_MEASURE") != "1" {
		t.Skipf("a measurement of the real binary (minutes, the machine's own figures): run it with "+
			"UNKNOT_MEASURE=1 go test -count=1 -run %s -v ./internal/measure/", t.Name())
	}
}

// measureSeconds is UNKNOT_MEASURE_SECONDS, when set, else def.
func measureSeconds(t *testing.T, def time.Duration) time.Duration {
	if s := os.Getenv("UNKNOT_MEASURE_SECONDS"); s != "" {
		n, err := strconv.ParseFloat(s, 64)
		if err != nil || n <= 0 {
			t.Fatalf("UNKNOT_MEASURE_SECONDS=%q: give a number of seconds, like 20", s)
		}
		return min(def, time.Duration(n*float64(time.Second)))
	}
	return def
}

var (
	buildDir  string
	buildMu   sync.Mutex
	buildDone = map[string]string{}
)

// built builds a package of the module once per test binary, freshly;
// UNKNOT_MEASURE_BIN names an unknot binary to measure instead.
func built(t *testing.T, pkg, name string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if bin, ok := buildDone[pkg]; ok {
		return bin
	}
	if bin := os.Getenv("UNKNOT_MEASURE_BIN"); bin != "" && pkg == unknotPkg {
		t.Logf("measuring %s (UNKNOT_MEASURE_BIN), not a fresh build", bin)
		return bin
	}
	if buildDir == "" {
		d, err := os.MkdirTemp("", "unknot-measure-")
		if err != nil {
			t.Fatal(err)
		}
		buildDir = d
	}
	bin, err := Build(buildDir, pkg, name)
	if err != nil {
		t.Fatal(err)
	}
	buildDone[pkg] = bin
	return bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// msf writes a duration in milliseconds with one decimal.
func msf(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/1e6) }

// table lays rows out in columns, the first row the heading.
func table(rows [][]string) string {
	w := make([]int, 0)
	for _, r := range rows {
		for i, c := range r {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], len([]rune(c)))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c + strings.Repeat(" ", w[i]-len([]rune(c))))
		}
		b.WriteString("\n")
	}
	return b.String()
}
