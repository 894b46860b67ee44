package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	json, csv bool
	since     string
}

func newHistoryCmd(f *factory) *cobra.Command {
	o := &historyOptions{}
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
	fl.BoolVar(&o.json, "json", false, "print every session as one JSON array")
	fl.BoolVar(&o.csv, "csv", false, "print one CSV row per exercise, with a header")
	fl.StringVar(&o.since, "since", "", "from this date on, YYYY-MM-DD")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	cmd.AddCommand(newHistoryImportCmd(f))
	return cmd
}

func runHistory(f *factory, o *historyOptions) error {
	var flt history.Filter
	if o.since != "" {
		d, err := record.ParseDay(o.since)
		if err != nil {
			return usageErr("--since: %v", err)
		}
		flt.Since = d
	}
	s, err := f.history()
	if err != nil {
		return err
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
		return runAppWith(f, tui.PageReview, func(d *tui.Deps) { d.Review = historyReader{f: f, since: flt.Since} })
	}
	ov, err := s.OverviewSince(time.Now(), flt.Since)
	if err != nil {
		return err
	}
	return words.WriteHistory(f.out, ov, summaryLast)
}

func newHistoryImportCmd(f *factory) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.json",
		Short: "Restore or merge an export (--json)",
		Long:  "Reads what `unknot history --json` printed; sessions already present are skipped.",
		Args:  cobra.ExactArgs(1),
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
			_, err = fmt.Fprintf(f.out, "Imported %s from %s; skipped %d already present.\n",
				words.Plural(res.Added, "session"), shown, res.Skipped)
			return err
		},
	}
}
