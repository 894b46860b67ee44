package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui"
)

func init() { extraCommands = append(extraCommands, newHistoryCmd) }

// summaryLast is how many sessions `unknot history` lists without a screen.
const summaryLast = 10

func newHistoryCmd(g *globals) *cobra.Command {
	var asJSON, asCSV bool
	var since string
	cmd := &cobra.Command{
		Use:   "history [--json | --csv] [--since YYYY-MM-DD]",
		Short: "Look back: streaks, totals, pain before and after; export for a clinician",
		Example: "  unknot history                          streaks, totals and the last sessions\n" +
			"  unknot history --json > back.json       everything, to keep or to move\n" +
			"  unknot history --csv --since 2025-01-01 for a spreadsheet\n" +
			"  unknot history import back.json        restore or merge an export",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var flt history.Filter
			if since != "" {
				d, err := history.ParseDay(since)
				if err != nil {
					return usageErr("--since: %v", err)
				}
				flt.Since = d
			}
			s, err := history.OpenDefault()
			if err != nil {
				return asUsage(err)
			}
			defer s.Close()
			switch {
			case asJSON:
				return s.ExportJSON(g.stdout, flt)
			case asCSV:
				return s.ExportCSV(g.stdout, flt)
			}
			if since != "" {
				return usageErr("--since goes with --json or --csv")
			}
			if !g.plain && isTerminal(g.stdout) {
				opt := tui.Options{NoBell: g.noBell, ReducedMotion: g.reducedMotion, Theme: g.theme}
				_, err := tui.Run(tui.NewReview(tui.NewContext(opt), s.Overview), keyboard(g.stdin), g.stdout)
				return err
			}
			o, err := s.Overview(time.Now())
			if err != nil {
				return asUsage(err)
			}
			return history.WriteSummary(g.stdout, o, summaryLast)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print every session as one JSON array")
	f.BoolVar(&asCSV, "csv", false, "print one CSV row per exercise, with a header")
	f.StringVar(&since, "since", "", "only sessions on or after this date, YYYY-MM-DD")
	cmd.MarkFlagsMutuallyExclusive("json", "csv")
	cmd.AddCommand(newHistoryImportCmd(g))
	return cmd
}

func newHistoryImportCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.json",
		Short: "Restore or merge what `unknot history --json` printed; sessions already present are skipped",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := args[0]
			f, err := os.Open(name)
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return usageErr("cannot import %s: no such file", name)
				}
				return usageErr("cannot import %s: %v", name, err)
			}
			defer f.Close()
			s, err := history.OpenDefault()
			if err != nil {
				return asUsage(err)
			}
			defer s.Close()
			res, err := s.ImportJSON(f, name)
			if err != nil {
				return asUsage(err)
			}
			_, err = fmt.Fprintf(g.stdout, "Imported %d %s from %s; skipped %d already present.\n",
				res.Added, sessionsWord(res.Added), name, res.Skipped)
			return err
		},
	}
}

func sessionsWord(n int) string {
	if n == 1 {
		return "session"
	}
	return "sessions"
}
