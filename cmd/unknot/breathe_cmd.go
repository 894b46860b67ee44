package main

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui"
	"github.com/unknot/unknot/tui/plain"
	"github.com/unknot/unknot/tui/words"
)

// maxBreaths bounds -n: past it the number is a slip of the finger.
const maxBreaths = 1000

// breatheKeys are the keys the breathe screen answers while it paces, as
// its ? page shows them (tui.Breathe.Keys): its --help lists them.
var breatheKeys = []key.Binding{tui.Keys.Pause, tui.Keys.Slower, tui.Keys.Faster,
	tui.Keys.Sound, tui.Keys.Stop, tui.Keys.Safety, tui.Keys.Help}

// keyList is "Keys: space pause · ↑ slower ... ? keys.": each binding's
// key and what it does, as the screens' help shows them, in lines of at
// most helpWidth columns.
func keyList(lead string, keys []key.Binding) string {
	var b strings.Builder
	line := lead
	for i, k := range keys {
		item := k.Help().Key + " " + k.Help().Desc
		if i < len(keys)-1 {
			item += " ·"
		} else {
			item += "."
		}
		if i > 0 && utf8.RuneCountInString(line+" "+item) > helpWidth {
			b.WriteString(line + "\n")
			line = item
			continue
		}
		if i > 0 {
			line += " "
		}
		line += item
	}
	return b.String() + line
}

// breatheOptions are `unknot breathe`'s flags.
type breatheOptions struct {
	pattern, breaths, minutes string
	noCheckin                 bool
	nSet, mSet, pSet          bool
}

// newBreatheCmd builds `unknot breathe`; runF, when given, gets the
// checked settings instead of pacing (tests of flag parsing).
func newBreatheCmd(f *factory, runF func(tui.BreatheConfig) error) *cobra.Command {
	o := &breatheOptions{}
	cmd := &cobra.Command{
		Use:   "breathe",
		Short: "Pace your breathing now: in 5, hold 1, out 3",
		Long: "Paces your breathing at once, asking nothing first: breathe in while the shape\n" +
			"grows, hold while it rests, breathe out while it shrinks. Picture a tight knot\n" +
			"slowly coming loose as you breathe in.\n\n" +
			"PATTERN is inhale-hold-exhale in seconds (a fourth number holds after the\n" +
			"exhale, as in box breathing 4-4-4-4). Without -n or -m it runs until you stop.\n\n" +
			keyList("Keys: ", breatheKeys),
		Example: examples(
			"unknot breathe", "5-1-3 until you stop",
			"unknot breathe -n 10", "ten breaths",
			"unknot breathe -p 4-7-8 -m 5", "4-7-8 for five minutes",
			"unknot breathe --plain", "one line per phase, for screen readers and pipes",
		),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.nSet, o.mSet = cmd.Flags().Changed("breaths"), cmd.Flags().Changed("minutes")
			o.pSet = cmd.Flags().Changed("pattern")
			cfg, err := o.config()
			if err != nil {
				return err
			}
			if runF != nil {
				return runF(cfg)
			}
			return runBreathe(f, o, cfg)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&o.pattern, "pattern", "p", "5-1-3", "inhale-hold-exhale seconds, like 4-7-8")
	fl.StringVarP(&o.breaths, "breaths", "n", "", "stop after this many breaths")
	fl.StringVarP(&o.minutes, "minutes", "m", "", "stop after about this many minutes")
	fl.BoolVar(&o.noCheckin, "no-checkin", false, "ask nothing after the breathing")
	return cmd
}

// config checks the flags; every mistake is one line, exit status 2.
func (o *breatheOptions) config() (tui.BreatheConfig, error) {
	cfg := tui.BreatheConfig{Checkin: !o.noCheckin} // only ever after: nothing is asked before pacing
	p, err := routines.ParsePattern(o.pattern)
	if err != nil {
		return cfg, asUsage(err)
	}
	cfg.Pattern = p
	if o.nSet && o.mSet {
		return cfg, usageErr("-n and -m cannot be used together: give a number of breaths or of minutes")
	}
	if o.nSet {
		n, err := strconv.Atoi(strings.TrimSpace(o.breaths))
		if err != nil || n < 1 || n > maxBreaths {
			return cfg, usageErr("-n %q: give a whole number of breaths from 1 to %d, like -n 10", routines.Printable(o.breaths), maxBreaths)
		}
		cfg.Breaths = n
	}
	if o.mSet {
		d, err := routines.ParseMinutes(o.minutes)
		if err != nil {
			return cfg, usageErr("-m %v", err)
		}
		cfg.Duration = d
	}
	if _, err := coach.BreathePlan(cfg.Pattern, cfg.Breaths, cfg.Duration); err != nil {
		return cfg, asUsage(err)
	}
	return cfg, nil
}

// runBreathe paces on the screen, or line by line, with config.toml's
// pattern (unless -p gave one), pace and check-in (--no-checkin wins).
func runBreathe(f *factory, o *breatheOptions, cfg tui.BreatheConfig) error {
	set := f.settingsForBreathing()
	if !o.pSet {
		cfg.Pattern = set.Pattern
		if _, err := coach.BreathePlan(cfg.Pattern, cfg.Breaths, cfg.Duration); err != nil {
			return asUsage(err)
		}
	}
	cfg.Pace, cfg.SavePace = set.Pace, f.savePace
	cfg.Checkin = cfg.Checkin && set.Checkin
	if f.flags.plain || !f.screens() { // a pipe on stdout means plain lines
		return runPlainBreathe(f, cfg)
	}
	return runApp(f, tui.PageBreathe, nil, &cfg)
}

// runPlainBreathe paces one line per phase: the first line is written
// before anything else is done; a signal ends it as interrupted.
func runPlainBreathe(f *factory, cfg tui.BreatheConfig) error {
	plan, err := coach.BreathePlan(cfg.Pattern, cfg.Breaths, cfg.Duration)
	if err != nil {
		return asUsage(err)
	}
	ctx, out, stop := plainContext(f.out)
	defer stop()
	if f.dumbTerminal() && !f.flags.plain {
		plain.NewWriter(out).Line(plainNote())
	}
	env := plain.Env{In: f.in, Out: out, Hint: isTerminal(f.in), Journal: f.recorder(), Sound: f.plainSounds(), Pace: cfg.Pace}
	run, err := plain.Breathe(ctx, env, plan)
	printRuns(f.out, []words.Run{run})
	return signalEnd(ctx, err)
}
