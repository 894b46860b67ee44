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
