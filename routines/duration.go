package routines

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// parseDuration reads a duration from a routine file, like "10s" or
// "1m30s", rounded to the millisecond. A duration written as more than zero
// that rounds to zero ("0.1ms", "1e-9s" is not a duration at all) is an
// error: zero is only ever written as "0s".
func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, errors.New("is not a duration")
	}
	rounded := d.Round(time.Millisecond)
	if rounded == 0 && strings.ContainsAny(s, "123456789") {
		return 0, errors.New("is under a millisecond, so it rounds to zero")
	}
	return rounded, nil
}

// MaxMinutes is the longest time ParseMinutes accepts: three hours, past
// which a number is a slip of the finger.
const MaxMinutes = 180 * time.Minute

// ParseMinutes reads a number of minutes as a person types it after -m:
// decimal digits with at most one point ("5", "2.5", ".5"); blanks around it
// are dropped. Signs, exponents ("1e-12"), hex ("0x1p-2"), "Inf" and "NaN"
// are refused. The time is rounded to the millisecond and must be above
// zero after rounding (zero would mean "no end") and at most MaxMinutes.
// The error starts with the number, quoted, so a caller can put the flag
// in front: `-m "1e-12" is not a number of minutes ...`.
func ParseMinutes(s string) (time.Duration, error) {
	t := strings.TrimSpace(s)
	const how = "give a number of minutes above 0, like 5 or 2.5"
	digits, dots := 0, 0
	for _, c := range t {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			digits = -1
		}
		if digits < 0 {
			break
		}
	}
	if digits <= 0 || dots > 1 || len(t) > 32 {
		return 0, fmt.Errorf("%s is not a number of minutes: %s", quote(s), how)
	}
	m, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(m) || math.IsInf(m, 0) {
		return 0, fmt.Errorf("%s is not a number of minutes: %s", quote(s), how)
	}
	// Compare in minutes before converting: a huge number overflows a
	// Duration and wraps around.
	if m > MaxMinutes.Minutes() {
		return 0, fmt.Errorf("%s is more than %d minutes: %s", quote(s), int(MaxMinutes.Minutes()), how)
	}
	d := time.Duration(math.Round(m*float64(time.Minute/time.Millisecond))) * time.Millisecond
	if d <= 0 {
		return 0, fmt.Errorf("%s is no time at all once rounded to the millisecond: %s", quote(s), how)
	}
	return d, nil
}
