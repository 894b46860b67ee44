package report

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/unknot/unknot/routines/record"
)

// Options are what the report shows besides the numbers.
type Options struct {
	Titles map[string]string // a routine's name -> its title ("knee-to-chest" -> "Knee to chest"); may be nil
}

// page builds one report's HTML.
type page struct {
	b strings.Builder
	r record.Report
	o Options
}

func esc(s string) string { return html.EscapeString(s) }

func (p *page) f(format string, a ...any) { fmt.Fprintf(&p.b, format, a...) }

func (p *page) s(s string) { p.b.WriteString(s) }

// HTML writes the report as one self-contained HTML page.
func HTML(w io.Writer, r record.Report, o Options) error {
	p := &page{r: r, o: o}
	p.s("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	p.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p.f("<title>Back exercises and pain, %s to %s (unknot)</title>\n", esc(dayText(r.From)), esc(dayText(r.To)))
	p.s("<style>\n" + css + "</style>\n</head>\n<body>\n")
	p.header()
	p.adherence()
	p.pain()
	p.care()
	p.insights()
	p.safety()
	p.s("</body>\n</html>\n")
	_, err := io.WriteString(w, p.b.String())
	return err
}

// css is the page's only style: screen and print, A4 and Letter, black and white.
const css = `:root { color: #000; background: #fff; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
	max-width: 180mm; margin: 0 auto; padding: 10mm 6mm; }
h1 { font-size: 19pt; margin: 0 0 1mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #000; }
h3 { font-size: 11.5pt; margin: 5mm 0 1mm; }
p { margin: 1.5mm 0; }
.made { font-size: 10pt; margin-bottom: 5mm; }
dl.glance { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 3mm 0; }
dl.glance dt { font-weight: 600; }
dl.glance dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 10pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
th, td { border: 0.5pt solid #666; padding: 0.8mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 2mm 0 3mm; }
figcaption { font-size: 9.5pt; }
svg.chart { display: block; width: 100%; height: auto; }
ul.obs li { margin-bottom: 1mm; }
.note { font-size: 10pt; border-left: 2pt solid #000; padding-left: 3mm; }
@page { margin: 14mm 12mm; }
@media print {
	body { max-width: none; padding: 0 1pt; font-size: 10.5pt; }
	section + section { break-before: page; }
	figure, table.keep, dl.glance, .note { break-inside: avoid; }
	h2, h3, caption { break-after: avoid; }
	thead { display: table-header-group; }
	tr { break-inside: avoid; }
	th { background: none; }
}
`

// header is who and when, and the numbers at a glance.
func (p *page) header() {
	r := p.r
	p.s("<header>\n<h1>Back exercises and pain</h1>\n")
	p.f("<p class=\"period\"><strong>%s to %s</strong> (%s)</p>\n", esc(dayText(r.From)), esc(dayText(r.To)), plural(r.Adherence.Days, "day"))
	if begins := recordBegins(r); begins != "" {
		p.f("<p class=\"period\">%s</p>\n", esc(begins))
	}
	if ahead := runsAhead(r); ahead != "" {
		p.f("<p class=\"period\">%s</p>\n", esc(ahead))
	}
	p.f("<p class=\"made\">Made on %s. %s</p>\n", esc(madeText(r.Made)), esc(NotMedical))
	p.s("<dl class=\"glance\">\n")
	for _, kv := range glance(r) {
		p.f("<dt>%s</dt><dd>%s</dd>\n", esc(kv[0]), esc(kv[1]))
	}
	p.s("</dl>\n")
	p.s("<p class=\"note\">Times are those of the clock where each session happened. Pain is the person's own check-in, 0 (none) to 10 (the worst), before and after a session.</p>\n")
	p.s("</header>\n")
}

// glance is the summary's lines: what, and its numbers.
func glance(r record.Report) [][2]string {
	a := r.Adherence
	out := [][2]string{
		{"Stretch sessions", fmt.Sprintf("%d (plan: %d a week, %d over the period)", a.Sessions, r.PlanWeekly, a.Planned)},
		{"Days with a session", fmt.Sprintf("%d of %d; the longest gap %s", a.DaysWithSession, a.Days, plural(a.LongestGap, "day"))},
		{"Pain within a session", painSummary(r.Pain)},
		{"Stops for pain", fmt.Sprint(len(r.Stops))},
		{"Breathing runs", fmt.Sprintf("%d (%s)", r.Care.BreathingRuns, plural(r.Care.Breaths, "breath"))},
		{"Ice, heat", fmt.Sprintf("%d ice, %d heat", r.Care.Ice, r.Care.Heat)},
	}
	if n := len(r.Episodes); n > 0 {
		out = append(out, [2]string{"Spasm began", episodeText(r.Episodes[n-1])})
	}
	return out
}

// painSummary is the mean change within sessions and what it rests on.
func painSummary(p record.ReportPain) string {
	if p.Pairs == 0 {
		return "no stretch session or breathing run with a check-in both before and after"
	}
	return fmt.Sprintf("%.1f before, %.1f after on average: %s (%s)",
		p.AvgBefore, p.AvgAfter, changeWords(ShownChange(p.AvgBefore, p.AvgAfter)), p.ByKind.Words())
}
