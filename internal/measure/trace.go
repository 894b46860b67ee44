package measure

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Event is one line of a coach trace (UNKNOT_TRACE): the instant the
// event was scheduled for, its kind (phase, segment, paused, resumed,
// pace, skipped, back, stopped, finished) and its key=value fields.
type Event struct {
	At     time.Time
	Kind   string
	Fields map[string]string
	Line   int // 1-based line in the trace
}

// Length is the phase event's length= field, zero when absent.
func (e Event) Length() time.Duration {
	d, _ := time.ParseDuration(e.Fields["length"])
	return d
}

// ParseTrace reads a trace: one event a line,
//
//	<unix-nanoseconds> <event> [key=value ...]
//
// A word without "=" after a key=value continues that value (kind=Get
// ready). Blank lines are skipped; the events stay in the order written (see
// Backwards). A phase event must carry phase= and a valid
// length=. Errors name the line.
func ParseTrace(r io.Reader) ([]Event, error) {
	var evs []Event
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("trace line %d: %q has no event after the instant", n, sc.Text())
		}
		ns, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("trace line %d: the instant %q is not unix nanoseconds", n, f[0])
		}
		e := Event{At: time.Unix(0, ns), Kind: f[1], Fields: map[string]string{}, Line: n}
		last := ""
		for _, kv := range f[2:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok && last != "" { // a value with a space in it: kind=Get ready
				e.Fields[last] += " " + kv
				continue
			}
			if !ok || k == "" {
				return nil, fmt.Errorf("trace line %d: %q is not key=value", n, kv)
			}
			e.Fields[k] = v
			last = k
		}
		if e.Kind == "phase" {
			if e.Fields["phase"] == "" {
				return nil, fmt.Errorf("trace line %d: a phase event without phase=", n)
			}
			if d, err := time.ParseDuration(e.Fields["length"]); err != nil || d <= 0 {
				return nil, fmt.Errorf("trace line %d: a phase event needs a positive length= (like 5000ms), not %q", n, e.Fields["length"])
			}
		}
		evs = append(evs, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("trace: %w", err)
	}
	return evs, nil
}

// Backwards lists the trace lines whose instant is earlier than the line
// before: the coach reported an event after a later one.
func Backwards(evs []Event) []int {
	var lines []int
	for i := 1; i < len(evs); i++ {
		if evs[i].At.Before(evs[i-1].At) {
			lines = append(lines, evs[i].Line)
		}
	}
	return lines
}
