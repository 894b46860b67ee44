package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/routines/record"
	"github.com/unknot/unknot/tui/report"
)

// reportOptions are `unknot report`'s flags.
type reportOptions struct {
	since   string
	weeks   int
	out     string
	force   bool
	json    bool
	perWeek int
	now     func() time.Time // the clock: time.Now
}

// The defaults and bounds of `unknot report`.
const (
	reportWeeks    = 6
	reportMaxWeeks = 52 * 50
)

// What to give --weeks and --per-week, for their mistakes.
var (
	weeksHint   = fmt.Sprintf("give a number of weeks from 1 to %d, e.g. --weeks %d", reportMaxWeeks, reportWeeks)
	perWeekHint = "give the sessions a week you aim for, from 1 to 28"
)

func newReportCmd(f *factory) *cobra.Command {
	o := &reportOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "A report for your physio or doctor, to print",
		Long: "Writes one self-contained HTML page from your own record: how often you did\n" +
			"the exercises, pain before and after, breathing, ice and heat, what seems to\n" +
			"help, and every stop for pain. It prints well on A4 and Letter and needs no\n" +
			"network. --plain prints the same as text; --json the numbers behind it.",
		Example: examples(
			"unknot report", "the last 6 weeks, into unknot-report-DATE.html here",
			"unknot report --weeks 12 -o back.html", "the last 12 weeks, into back.html",
			"unknot report --since 2026-01-01 --plain", "as text, in the terminal",
			"unknot report --json -o -", "the numbers, to standard output",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runReport(f, o) },
	}
	fl := cmd.Flags()
	fl.StringVar(&o.since, "since", "", "from this date on, YYYY-MM-DD")
	fl.IntVar(&o.weeks, "weeks", reportWeeks, "the last N weeks, today included")
	fl.StringVarP(&o.out, "output", "o", "", "the file to write (- for standard output)")
	fl.BoolVar(&o.force, "force", false, "replace the file if it exists")
	fl.BoolVar(&o.json, "json", false, "the numbers behind the report, as JSON")
	fl.IntVar(&o.perWeek, "per-week", history.ReportPlanWeekly, "the stretch sessions a week you aim for (the plan)")
	setHint(cmd, "since", sinceHint)
	setHint(cmd, "weeks", weeksHint)
	setHint(cmd, "per-week", perWeekHint)
	cmd.MarkFlagsMutuallyExclusive("since", "weeks")
	cmd.SetHelpFunc(reportHelp)
	return cmd
}

// reportFrom is the first date of the report as of today.
func reportFrom(o *reportOptions, today record.Day) (record.Day, error) {
	if o.since != "" {
		return parseSince(o.since, today)
	}
	if o.weeks < 1 || o.weeks > reportMaxWeeks {
		return "", usageErr("--weeks %d: %s", o.weeks, weeksHint)
	}
	return today.Add(-7*o.weeks + 1), nil
}

func runReport(f *factory, o *reportOptions) error {
	now := o.now()
	today := record.DayOf(now)
	from, err := reportFrom(o, today)
	if err != nil {
		return err
	}
	if o.perWeek < 1 || o.perWeek > 28 {
		return usageErr("--per-week %d: %s", o.perWeek, perWeekHint)
	}
	if o.json && f.flags.plain {
		return usageErr("--json and --plain: choose one")
	}
	path := o.out
	if path == "" && !o.json && !f.flags.plain {
		path = "unknot-report-" + string(today) + ".html"
	}
	toFile := path != "" && path != "-"
	if toFile {
		if err := checkTarget(path, o.force); err != nil {
			return err
		}
	}
	s, err := f.history()
	if err != nil {
		return err
	}
	r, err := s.Report(now, from, o.perWeek)
	if err != nil {
		return err
	}
	if r.Begins == "" && len(r.Episodes) == 0 {
		// A report of nothing ("0 of 42 days") would read as 42 days
		// missed: say there is nothing yet, and write nothing.
		return failed(fmt.Errorf("nothing to report yet: the history in %s holds no session, breathing run, ice or heat; run unknot, and make the report once there is something to show",
			routines.Printable(s.Path())))
	}
	var buf bytes.Buffer
	opt := report.Options{Titles: routineTitles(f)}
	switch {
	case o.json:
		err = report.JSON(&buf, r)
	case f.flags.plain:
		err = report.Plain(&buf, r, opt)
	default:
		err = report.HTML(&buf, r, opt)
	}
	if err != nil {
		return failed(err)
	}
	if !toFile {
		_, err := f.out.Write(buf.Bytes())
		return err
	}
	if err := writeNew(path, buf.Bytes(), o.force); err != nil {
		return err
	}
	abs, _ := filepath.Abs(path)
	_, err = fmt.Fprintf(f.out, "Wrote the report of %s to %s to %s\n", r.From, r.To, routines.Printable(abs))
	return err
}

// routineTitles maps each routine's name to its title, from the catalog
// (none when it can't be read: the report shows names then).
func routineTitles(f *factory) map[string]string {
	c, err := f.catalog()
	if err != nil || c == nil {
		return nil
	}
	out := map[string]string{}
	for _, n := range c.Names() {
		if r, ok := c.Get(n); ok {
			out[n] = r.Title
		}
	}
	return out
}

// checkTarget refuses, before anything is read, a folder that doesn't
// exist, anything at path but a regular file (--force or not), and a file
// that exists (without force).
func checkTarget(path string, force bool) error {
	shown := routines.Printable(path)
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageErr("cannot write %s: the folder %s does not exist; create it or give another -o", shown, routines.Printable(dir))
	}
	if err := notRegular(path); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil && !force {
		return usageErr("%s already exists: add --force to replace it, or give another name with -o", shown)
	}
	return nil
}

// notRegular refuses what is at path when it is anything but a regular
// file: --force replaces a file, never a folder, a device (as root,
// /dev/null), a named pipe, a socket or a symbolic link. nil when path is
// a regular file or nothing is there.
func notRegular(path string) error {
	st, err := os.Lstat(path)
	if err != nil || st.Mode().IsRegular() {
		return nil
	}
	shown := routines.Printable(path)
	m := st.Mode()
	what := "not a regular file"
	switch {
	case m.IsDir():
		return usageErr("cannot write %s: it is a folder; give a file name with -o", shown)
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	return usageErr("cannot write %s: it is %s, not a regular file; give a file name with -o (or -o - for standard output)", shown, what)
}

// writeNew writes data to path through a temporary file in the same
// folder (0600, synced), then puts it in place: replacing path only with
// force, so that a file that appeared meanwhile is not lost. Nothing
// half-written is ever left under path.
func writeNew(path string, data []byte, force bool) error {
	shown := routines.Printable(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), ".unknot-report-*.tmp")
	if err != nil {
		return failed(fmt.Errorf("cannot write %s: %v", shown, cause(err)))
	}
	name := tmp.Name()
	defer os.Remove(name) // gone once linked or renamed; removed on failure
	if err := writeSynced(tmp, data); err != nil {
		return failed(fmt.Errorf("cannot write %s: %v", shown, cause(err)))
	}
	if force {
		// Looked at again: what is there may have changed since checkTarget.
		if err := notRegular(path); err != nil {
			return err
		}
		err = os.Rename(name, path)
	} else if err = os.Link(name, path); errors.Is(err, fs.ErrExist) {
		return usageErr("%s already exists: add --force to replace it, or give another name with -o", shown)
	} else if err != nil {
		// A file system without hard links: look, then rename.
		if _, serr := os.Lstat(path); serr == nil {
			return usageErr("%s already exists: add --force to replace it, or give another name with -o", shown)
		}
		err = os.Rename(name, path)
	}
	if err != nil {
		return failed(fmt.Errorf("cannot write %s: %v", shown, cause(err)))
	}
	return nil
}

func writeSynced(f *os.File, data []byte) error {
	err := f.Chmod(0o600)
	if err == nil {
		_, err = io.Copy(f, bytes.NewReader(data))
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// cause is an OS error without the operation and path it repeats.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
