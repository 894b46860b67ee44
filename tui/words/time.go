package words

import (
	"fmt"
	"strconv"
	"time"
)

// Clock writes a duration as m:ss, or h:mm:ss from an hour.
func Clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Span writes how long a run took, in words that cannot be read as a
// time of day: "45 s", "10 min", "2 min 37 s", "1 h 5 min" (from an
// hour, to the minute). The review's list and `unknot history` write
// every length this way; SpanWidth is the widest it is under 100 hours.
func Span(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Round(time.Second) / time.Second)
	h, m, sec := s/3600, s/60%60, s%60
	switch {
	case h > 0 && m == 0:
		return fmt.Sprintf("%d h", h)
	case h > 0:
		return fmt.Sprintf("%d h %d min", h, m)
	case m == 0:
		return fmt.Sprintf("%d s", sec)
	case sec == 0:
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d min %d s", m, sec)
}

// SpanWidth is the widest Span under 100 hours: "12 min 37 s",
// "12 h 59 min".
const SpanWidth = 11

// Seconds writes a duration as plain seconds: "5s", "4.5s", "1.25s".
func Seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Round(time.Millisecond).Seconds(), 'f', -1, 64) + "s"
}

// SecondsUp is d in whole seconds, rounded up: a countdown shows 3 until
// exactly 2 seconds are left.
func SecondsUp(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + time.Second - 1) / time.Second)
}
