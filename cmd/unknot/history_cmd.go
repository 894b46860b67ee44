package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/routines/record"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/words"
)

// summaryLast is how many sessions `unknot history` lists without a screen.
const summaryLast = 10

// historyOptions are `unknot history`'s flags.
type historyOptions struct {
	json, csv, all bool
	since          string
	now            func() time.Time // the clock: time.Now
}

func newHistoryCmd(f *factory) *cobra.Command {
	o := &historyOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Look back: streaks, totals, pain over time",
		Long: "Shows how regular you have been and whether stretching eases the pain.\n" +
			"--json and --csv print everything, to keep, to move, or for a clinician.",
		Example: examples(
			"unknot history", "streaks, totals and the last sessions",
			"unknot history --json > back.json", "everything, to keep or to move",
			"unknot history --csv --since 2025-01-01", "for a spreadsheet",
			"unknot history import back.json", "restore or merge an export",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runHistory(f, o) },
	}
	fl := cmd.Flags()
	fl.BoolVar(&o.json, "json", false, "print everything as JSON, to keep or to restore")
	fl.BoolVar(&o.csv, "csv", false, "print one CSV row per exercise, with a header")
	fl.StringVar(&o.since, "since", "", "from this date on, YYYY-MM-DD")
	fl.BoolVar(&o.all, "all", false, "list the runs with nothing done too")
	setHint(cmd, "since", sinceHint)
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	cmd.AddCommand(newHistoryImportCmd(f))
	return cmd
}

func runHistory(f *factory, o *historyOptions) error {
	now := o.now()
	var flt history.Filter
	if o.since != "" {
		d, err := parseSince(o.since, record.DayOf(now))
		if err != nil {
			return err
		}
		flt.Since = d
	}
	s, err := f.history()
	if err != nil {
		return err
	}
	for _, line := range s.PendingKept() {
		fmt.Fprintln(f.errOut, "unknot: "+line)
	}
	switch {
	case o.json:
		return s.ExportJSON(f.out, flt)
	case o.csv:
		return s.ExportCSV(f.out, flt)
	}
	if ro := s.ReadOnly(); ro != nil {
		fmt.Fprintln(f.errOut, "unknot: "+ro.Error())
	}
	if !f.flags.plain && f.screens() {
		return runAppWith(f, tui.PageReview, func(d *tui.Deps) { d.Review = historyReader{f: f, since: flt.Since, all: o.all} })
	}
	ov, err := s.OverviewSince(now, flt.Since)
	if err == nil && o.all {
		ov, err = withEmpty(s, ov, flt.Since)
	}
	if err != nil {
		return err
	}
	if err := words.WriteHistory(f.out, ov, summaryLast, routineTitles(f)); err != nil || ov.Sessions == 0 {
		return err
	}
	levels, err := historyReader{f: f}.Levels()
	if err != nil {
		return err
	}
	return words.WriteLevels(f.out, levels)
}

// sinceHint is what to give --since, for its mistakes.
const sinceHint = "give a date as YYYY-MM-DD, e.g. 2025-03-01"

// parseSince reads --since as of today: a date, and not after today (the
// history and the report have nothing from the future to show).
func parseSince(s string, today record.Day) (record.Day, error) {
	d, err := record.ParseDay(s)
	if err != nil {
		return "", usageErr("--since: %v", err)
	}
	if d > today {
		return "", usageErr("--since %s is after today (%s), in the future: give a date up to today", d, today)
	}
	return d, nil
}

// withEmpty is ov with the runs with nothing done listed too (--all).
func withEmpty(s *history.Store, ov record.Overview, since record.Day) (record.Overview, error) {
	recent, err := s.Sessions(history.Filter{Since: since, Limit: record.RecentSessions})
	ov.Recent, ov.Sessions, ov.Empty = recent, ov.Sessions+ov.Empty, 0
	return ov, err
}

func newHistoryImportCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.json",
		Short: "Restore or merge an export (--json)",
		Long: "Reads what `unknot history --json` printed (or an older export, a bare array\n" +
			"of sessions) and adds what the history lacks: sessions with their levels, and\n" +
			"when each spasm began. What is already present is skipped; a file with a\n" +
			"mistake is refused whole.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			shown := routines.Printable(name)
			if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
				return usageErr("cannot import %s: no such file", shown)
			}
			s, err := f.history()
			if err != nil {
				return err
			}
			res, err := s.ImportFile(name)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(f.out, importMessage(res, shown))
			return err
		},
	}
}

// importMessage says what an import added and what it skipped, sessions
// and spasm starts each counted on their own: "Imported 12 sessions and
// 1 spasm start from back.json; skipped 3 sessions already present."
// Spasm starts are named only when the file holds any. Skipped sessions
// that the file records otherwise are said too: the history's are kept.
func importMessage(res history.Imported, file string) string {
	what := words.Plural(res.Added, "session")
	if res.Episodes+res.EpisodesSkipped > 0 {
		what += " and " + words.Plural(res.Episodes, "spasm start")
	}
	msg := "Imported " + what + " from " + file
	var skipped []string
	if res.Skipped > 0 {
		skipped = append(skipped, words.Plural(res.Skipped, "session"))
	}
	if res.EpisodesSkipped > 0 {
		skipped = append(skipped, words.Plural(res.EpisodesSkipped, "spasm start"))
	}
	if len(skipped) > 0 {
		msg += "; skipped " + strings.Join(skipped, " and ") + " already present" + differNote(res)
	}
	return msg + "."
}

// differNote says, after the sessions skipped, how many of them the file
// records otherwise, and that the history's are kept: " (1 of them
// differs from the file: the history's is kept)".
func differNote(res history.Imported) string {
	if res.Differ == 0 {
		return ""
	}
	of := fmt.Sprintf("%d of them", res.Differ)
	if res.EpisodesSkipped > 0 {
		of = fmt.Sprintf("%d of the sessions", res.Differ)
	}
	if res.Differ == res.Skipped && res.EpisodesSkipped == 0 {
		of = map[bool]string{true: "it", false: "all of them"}[res.Differ == 1]
	}
	if res.Differ == 1 {
		return " (" + of + " differs from the file: the history's is kept)"
	}
	return " (" + of + " differ from the file: the history's are kept)"
}
