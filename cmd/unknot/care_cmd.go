package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/routines/history"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/plain"
	"github.com/unknot/unknot/tui/words"
)

// careOptions are `unknot care`'s flags.
type careOptions struct {
	minutes string
	mSet    bool
	sources bool
}

// careRequest is what `unknot care` was asked, checked.
type careRequest struct {
	kind    routines.Kind // "" for the plan for now
	length  time.Duration // 0: the rule's default
	sources bool
}

// newCareCmd builds `unknot care`; runF, when given, gets the checked
// request instead of running it (tests of flag parsing).
func newCareCmd(f *factory, runF func(careRequest) error) *cobra.Command {
	o := &careOptions{}
	cmd := &cobra.Command{
		Use:   "care [ice|heat]",
		Short: "Ice or heat, timed, or the plan for now",
		Long: "Times one application of ice or heat: what to do before, a calm countdown, a\n" +
			"reminder halfway to check your skin, and a clear end (a bell and a\n" +
			"notification, for when you are in another room). Without a kind, it says\n" +
			"what the sources suggest now: ice in the first 48 hours at most every 2\n" +
			"hours, then moist heat at most every 4 hours, and when the next is due. It\n" +
			"asks once when the spasm started, and remembers.\n\n" +
			"Keep a thin towel between your skin and the ice or heat; never sleep on a\n" +
			"heating pad; stop at once if the skin burns, blisters or goes numb.\n\n" +
			"Keys: space pause · enter it's on · q stop · ! safety · w who says what.",
		Example: examples(
			"unknot care", "the plan for now, and start what is due",
			"unknot care ice", "15 minutes of ice",
			"unknot care heat -m 10", "10 minutes of heat",
			"unknot care --sources", "which source says what, and where they differ",
		),
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.mSet = cmd.Flags().Changed("minutes")
			req, err := o.request(args)
			if err != nil {
				return err
			}
			if runF != nil {
				return runF(req)
			}
			return runCare(f, req)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&o.minutes, "minutes", "m", "", "minutes on: ice up to 25, heat up to 20 (15)")
	fl.BoolVar(&o.sources, "sources", false, "which source says what, and where they differ")
	return cmd
}

// request checks the argument and the flags: every mistake is one line,
// exit status 2.
func (o *careOptions) request(args []string) (careRequest, error) {
	req := careRequest{sources: o.sources}
	if len(args) == 1 {
		k, err := routines.ParseCareKind(routines.Printable(args[0]))
		if err != nil {
			return req, asUsage(err)
		}
		req.kind = k
	}
	if o.mSet {
		if req.kind == "" {
			return req, usageErr("-m %s: say ice or heat too, like `unknot care ice -m 10`", routines.Printable(o.minutes))
		}
		d, err := routines.ParseCareMinutes(req.kind, routines.Printable(o.minutes))
		if err != nil {
			return req, asUsage(err)
		}
		req.length = d
	}
	return req, nil
}

// runCare shows the sources, the plan for now, or times an application.
func runCare(f *factory, req careRequest) error {
	if req.sources {
		// Wrapped as `unknot safety` is: to a narrower terminal, else 80.
		return words.WriteCareSources(f.out, safetyWidth(f))
	}
	if f.flags.plain || !f.screens() { // a pipe on stdout means plain lines
		if req.kind == "" {
			return runPlainCarePlan(f)
		}
		return runPlainCare(f, req)
	}
	return runAppWith(f, tui.PageCare, func(d *tui.Deps) {
		d.Care.Config = tui.CareConfig{Kind: req.kind, Length: req.length}
	})
}

// runPlainCare times one application, a line per moment; a signal ends
// it as interrupted.
func runPlainCare(f *factory, req careRequest) error {
	rule, _ := routines.CareRuleFor(req.kind)
	length := req.length
	if length == 0 {
		length = rule.Default.Value
	}
	now := time.Now()
	early := ""
	if ep, apps, err := (historyCare{f}).CareRecord(now); err == nil {
		early = routines.AdviseCare(now, ep, apps).Starting(req.kind)
	}
	ctx, out, stop := plainContext(f.out)
	defer stop()
	if f.dumbTerminal() && !f.flags.plain {
		plain.NewWriter(out).Line(plainNote())
	}
	env := plain.Env{In: f.in, Out: out, Hint: isTerminal(f.in), Journal: f.recorder(), Sound: f.plainSounds()}
	notify := desktopNotifier()
	term := terminalNotifier(f.out)
	run, ap, err := plain.Care(ctx, env, plain.CareRun{Rule: rule, Length: length, Options: coach.DefaultCareOptions, Early: early,
		Notify: func(title, body string) {
			if notify != nil {
				notify(title, body)
			}
			if term != nil {
				_, _ = f.out.Write([]byte(term(title, body)))
			}
		}})
	printRuns(f.out, []words.Run{run})
	if ep, apps, rerr := (historyCare{f}).CareRecord(ap.Ended); rerr == nil {
		w := plain.NewWriter(f.out)
		for _, l := range words.CareAfter(run, ap, routines.AfterCare(ap.Ended, ep, apps, ap)) {
			w.Line(l)
		}
	}
	return signalEnd(ctx, err)
}

// runPlainCarePlan says what the sources suggest now, line by line.
func runPlainCarePlan(f *factory) error {
	return plain.CarePlan(plain.Env{In: f.in, Out: f.out}, historyCare{f}, isTerminal(f.in), f.errOut)
}

// historyCare reads and keeps the care plan's record in the history.
type historyCare struct{ f *factory }

// careLookBack is how far back the applications are read: far enough for
// the longest interval and for today's counts.
const careLookBack = 48 * time.Hour

func (h historyCare) CareRecord(now time.Time) (*routines.Episode, []routines.Application, error) {
	s, err := h.f.history()
	if err != nil {
		return nil, nil, err
	}
	return careRecord(s, now)
}

func (h historyCare) RecordEpisode(ep routines.Episode, at time.Time) error {
	s, err := h.f.history()
	if err != nil {
		return err
	}
	if err := s.ReadOnly(); err != nil {
		return err
	}
	return s.RecordEpisode(ep, at)
}

// careToday is the home screen's few words on ice and heat, "" when
// neither is in use (no episode on record, nothing in the last 48 hours).
func careToday(s *history.Store, now time.Time) (string, error) {
	ep, apps, err := careRecord(s, now)
	if err != nil || (ep == nil && len(apps) == 0) {
		return "", err
	}
	return routines.AdviseCare(now, ep, apps).Summary(), nil
}

// careRecord is the current episode and the applications since midnight
// or careLookBack ago, whichever is earlier.
func careRecord(s *history.Store, now time.Time) (*routines.Episode, []routines.Application, error) {
	ep, err := s.LatestEpisode(now)
	if err != nil {
		return nil, nil, err
	}
	y, m, d := now.Date()
	since := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	if back := now.Add(-careLookBack); back.Before(since) {
		since = back
	}
	apps, err := s.CareApplications(since)
	return ep, apps, err
}
