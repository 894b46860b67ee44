package main

import (
	"io"
	"os"
	"os/exec"
	"strings"
)

// desktopNotifier shows a desktop notification with notify-send, when it
// is on PATH and there is a display (DISPLAY or WAYLAND_DISPLAY); nil
// otherwise. The notification is started, never waited for.
func desktopNotifier() func(title, body string) {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return nil
	}
	path, err := exec.LookPath("notify-send")
	if err != nil {
		return nil
	}
	return func(title, body string) {
		cmd := exec.Command(path, "--app-name=unknot", title, body)
		if cmd.Start() == nil {
			go func() { _ = cmd.Wait() }()
		}
	}
}

// terminalNotifier is the terminal's own notification as an escape
// sequence, for an output that is a terminal; nil for a pipe or a file.
func terminalNotifier(out io.Writer) func(title, body string) string {
	if !isTerminal(out) {
		return nil
	}
	return func(title, body string) string { return oscNotify(os.Getenv, title, body) }
}

// oscNotify is the notification escape sequence the terminal named by the
// environment understands: OSC 777 (rxvt-unicode, foot, VTE terminals such
// as GNOME Terminal) or OSC 9 (iTerm2, WezTerm, kitty, Ghostty, Windows
// Terminal and others; ignored where unknown). Control characters are
// taken out, and OSC 777's separator, so the text cannot end the sequence.
func oscNotify(getenv func(string) string, title, body string) string {
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
				return -1
			case r == ';':
				return ','
			}
			return r
		}, s)
	}
	title, body = clean(title), clean(body)
	term := getenv("TERM")
	if getenv("VTE_VERSION") != "" || strings.HasPrefix(term, "rxvt") || strings.HasPrefix(term, "foot") {
		return "\x1b]777;notify;" + title + ";" + body + "\x1b\\"
	}
	return "\x1b]9;" + title + ": " + body + "\x1b\\"
}
