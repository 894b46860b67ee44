package history

import (
	"bytes"
	"os"
	"strconv"
)

// startToken is "<boot id>/<start time in clock ticks>" from /proc: it
// names one process on one boot, and no other.
func startToken(pid int) string {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after the last ')'. Start time is field 22, the 20th after it.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return ""
	}
	fields := bytes.Fields(stat[i+1:])
	if len(fields) < 20 {
		return ""
	}
	boot, _ := os.ReadFile("/proc/sys/kernel/random/boot_id")
	return string(bytes.TrimSpace(boot)) + "/" + string(fields[19])
}

func processAlive(pid int, token string) bool {
	if stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		if i := bytes.LastIndexByte(stat, ')'); i >= 0 {
			if f := bytes.Fields(stat[i+1:]); len(f) > 0 && (f[0][0] == 'Z' || f[0][0] == 'X') {
				return false // dead, not yet reaped
			}
		}
	}
	t := startToken(pid)
	if t == "" {
		return false // no such process
	}
	return token == "" || t == token
}
