package routines

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// OpenRegular opens path for reading only if it is a regular file (after
// links are followed) of at most limit bytes (limit <= 0: no cap). A FIFO,
// a device, a socket or a folder is refused at once: the file is opened
// without blocking, so a FIFO with no writer never hangs the caller. The
// returned reader stops at limit+1 bytes, so a file that grows while read
// can't grow memory either; callers that cap should treat reading more
// than limit bytes as too big.
func OpenRegular(path string, limit int64) (*os.File, int64, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		// A socket can't be opened at all ("no such device or address"):
		// say what it is instead.
		if fi, serr := os.Stat(path); serr == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			return nil, 0, fmt.Errorf("is %s, not a regular file", fileKind(fi.Mode()))
		}
		return nil, 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, 0, fmt.Errorf("is %s, not a regular file", fileKind(fi.Mode()))
	}
	if limit > 0 && fi.Size() > limit {
		f.Close()
		return nil, 0, fmt.Errorf("is %s, over the %s limit", byteSize(fi.Size()), byteSize(limit))
	}
	return f, fi.Size(), nil
}

// ReadRegular reads a whole regular file of at most limit bytes, refusing
// what OpenRegular refuses, and a file that grew past limit while read.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, size, err := OpenRegular(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAllCapped(f, size, limit)
}

// readAllCapped reads f, which OpenRegular opened with size bytes, to its
// end, refusing more than limit bytes (limit <= 0: no cap).
func readAllCapped(f *os.File, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, size+1)
	r := io.Reader(f)
	if limit > 0 {
		r = io.LimitReader(f, limit+1)
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if limit > 0 && int64(len(buf)) > limit {
		return nil, fmt.Errorf("grew past the %s limit while being read", byteSize(limit))
	}
	return buf, nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	default:
		return "not a regular file"
	}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
