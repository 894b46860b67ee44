package plain

import (
	"bufio"
	"io"
)

// MaxLine is the longest typed line read as a command; a longer one is
// read to its end and ignored, and reading goes on.
const MaxLine = 4096

// readLines sends each typed line of in on the channel it returns, and
// closes it at the end of the input. A line over MaxLine bytes is
// dropped whole (nothing typed is that long), never the lines after it.
func readLines(in io.Reader) <-chan string {
	if in == nil {
		return nil
	}
	ch := make(chan string)
	go func() {
		defer close(ch)
		r := bufio.NewReaderSize(in, MaxLine)
		for {
			line, long, err := readLine(r)
			if err != nil && line == "" && !long {
				return
			}
			if !long {
				ch <- line
			}
			if err != nil {
				return
			}
		}
	}()
	return ch
}

// readLine reads one line without its newline; long reports that it was
// over MaxLine (its text is then dropped).
func readLine(r *bufio.Reader) (line string, long bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		switch {
		case err == bufio.ErrBufferFull:
			long = true
			continue
		case long:
			return "", true, err
		case err != nil && len(chunk) == 0:
			return "", false, err
		}
		s := string(chunk)
		if n := len(s); n > 0 && s[n-1] == '\n' {
			s = s[:n-1]
		}
		return s, false, err
	}
}
