package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/routines/record"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func ptr(v int) *int { return &v }

func ptrTime(t time.Time) *time.Time { return &t }

// fixture is a small report with every section filled, made at made.
func fixture(made time.Time) record.Report {
	loc := time.FixedZone("", 3600)
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, loc) }
	return record.Report{
		From: "2026-03-02", To: "2026-03-15", Asked: "2026-03-02", Begins: "2026-01-20", Made: made, PlanWeekly: 5,
		Weeks: []record.ReportWeek{
			{Week: "2026-03-02", Days: 7, Sessions: 2, Breathe: 1, Breaths: 20, PainStops: 1, Before: 5, NBefore: 3, After: 13.0 / 3, NAfter: 3},
			{Week: "2026-03-09", Days: 7, Sessions: 1, Heat: 1, Before: 3, NBefore: 1, After: 2, NAfter: 1},
		},
		Adherence: record.Adherence{Days: 14, DaysWithSession: 3, LongestGap: 6, Sessions: 3, Planned: 10},
		Routines: []record.RoutineReport{
			{Routine: "knee-to-chest", Sessions: 3, RepsDone: 20, RepsPlanned: 24,
				Levels: []record.LevelStep{{Day: "2026-03-02", Level: 0}, {Day: "2026-03-03", Level: 1}}},
			{Routine: "lying-twist", Sessions: 1, RepsDone: 2, RepsPlanned: 5, PainStops: 1,
				Levels: []record.LevelStep{{Day: "2026-03-03", Level: 0}}},
		},
		Pain: record.ReportPain{Pairs: 4, ByKind: record.PairCounts{Stretch: 3, Breathe: 1}, AvgBefore: 4.5, AvgAfter: 3.75, Points: []record.PainPoint{
			{At: at(2, 0, 30), Kind: "session", Before: ptr(6), After: ptr(4)},
			{At: at(3, 8, 0), Kind: "session", Before: ptr(5), After: ptr(7)},
			{At: at(4, 22, 30), Kind: "breathe", Before: ptr(4), After: ptr(2)},
			{At: at(9, 18, 0), Kind: "session", Before: ptr(3), After: ptr(2)},
		}},
		Stops: []record.StopEvent{{At: at(3, 8, 0), Kind: "session", Routine: "lying-twist", Side: "left",
			Rep: 3, RepsPlanned: 5, PainBefore: ptr(5), PainAfter: ptr(7), SafetyOpenedAt: ptrTime(at(3, 8, 9))}},
		Episodes: []record.EpisodeStart{{Began: at(1, 7, 0)}},
		Care:     record.CareCounts{Heat: 1, HeatShort: 1, BreathingRuns: 1, Breaths: 20},
		Insights: record.Insights{Minimum: 5, Pairs: 9,
			Observations: []record.Observation{
				{Group: "routine", Label: "knee-to-chest", Sessions: 6, Change: -1.8333333, Before: 5.5, After: 3.6666667},
				{Group: "breathing", Label: "5-1-3", Sessions: 6, BreathingRuns: 6, Change: -1.1666667, Before: 5.3333333, After: 4.1666667},
				{Group: "care", Label: "heat", Sessions: 5, Change: 0.4, Before: 3, After: 3.4},
				{Group: "time", Label: "morning", Sessions: 7, BreathingRuns: 2, Change: 0.01, Before: 4, After: 4.01},
			},
			Held: []record.Held{{Group: "routine", Label: "lying-twist", Sessions: 1}, {Group: "breathing", Label: "4-7-8", Sessions: 2},
				{Group: "breathing", Label: record.PatternNotRecorded, Sessions: 4}}},
		Sessions: 6, Kinds: map[string]int{"session": 4, "breathe": 1, "heat": 1},
	}
}

var made = time.Date(2026, 3, 15, 20, 0, 0, 0, time.FixedZone("", 3600))

var titles = map[string]string{"knee-to-chest": "Knee to chest", "lying-twist": "Lying twist"}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Errorf("%s differs from the golden file (-update rewrites it) at line %d:\n got %s\nwant %s", name, i+1, g[i], w[i])
				return
			}
		}
		t.Errorf("%s differs from the golden file in length: %d lines, want %d", name, len(g), len(w))
	}
}

func render(t *testing.T, r record.Report, f func(*bytes.Buffer, record.Report) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func htmlOf(b *bytes.Buffer, r record.Report) error  { return HTML(b, r, Options{Titles: titles}) }
func plainOf(b *bytes.Buffer, r record.Report) error { return Plain(b, r, Options{Titles: titles}) }
func jsonOf(b *bytes.Buffer, r record.Report) error  { return JSON(b, r) }

func TestGoldenHTML(t *testing.T) { golden(t, "report.html", render(t, fixture(made), htmlOf)) }

func TestGoldenPlain(t *testing.T) { golden(t, "report.txt", render(t, fixture(made), plainOf)) }

func TestGoldenJSON(t *testing.T) { golden(t, "report.json", render(t, fixture(made), jsonOf)) }

// TestOnlyTheMadeLineCarriesTheClock: made an hour and a day later, the
// report differs on its "made on" line only.
func TestOnlyTheMadeLineCarriesTheClock(t *testing.T) {
	for _, f := range []func(*bytes.Buffer, record.Report) error{htmlOf, plainOf} {
		a := strings.Split(string(render(t, fixture(made), f)), "\n")
		b := strings.Split(string(render(t, fixture(made.Add(25*time.Hour)), f)), "\n")
		if len(a) != len(b) {
			t.Fatalf("%d lines against %d", len(a), len(b))
		}
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
				if !strings.Contains(a[i], "Made on Sun 15 Mar 2026 at 20:00 (UTC+01:00)") ||
					!strings.Contains(b[i], "Made on Mon 16 Mar 2026 at 21:00 (UTC+01:00)") {
					t.Errorf("line %d changed with the clock:\n%s\n%s", i, a[i], b[i])
				}
			}
		}
		if diff != 1 {
			t.Errorf("%d lines changed with the clock, want 1", diff)
		}
	}
}

// TestSelfContained: nothing to run, nothing to fetch.
func TestSelfContained(t *testing.T) {
	h := string(render(t, fixture(made), htmlOf))
	for _, bad := range []string{"<script", "http:", "https:", "src=", "href=", "@import", "url(", "<link", "<img", "<iframe", "<object"} {
		if strings.Contains(strings.ToLower(h), bad) {
			t.Errorf("the HTML holds %q", bad)
		}
	}
	for _, want := range []string{"@media print", "break-before: page", "@page", esc(NotMedical)} {
		if !strings.Contains(h, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
}

// TestChartsAreAccessible: every chart has a title, a text alternative,
// and a table of its numbers after it.
func TestChartsAreAccessible(t *testing.T) {
	h := string(render(t, fixture(made), htmlOf))
	figs := strings.Split(h, "<figure>")[1:]
	if len(figs) != 5 { // weekly sessions, one level chart, pain, breathing, ice and heat
		t.Fatalf("%d charts, want 5", len(figs))
	}
	for i, f := range figs {
		svg, _, _ := strings.Cut(f, "</figure>")
		rest := strings.Join(figs[i:], "<figure>")
		_, rest, _ = strings.Cut(rest, "</figure>")
		// its numbers: a table before the next heading or section
		next := len(rest)
		for _, stop := range []string{"<h3", "<section", "</body"} {
			if i := strings.Index(rest, stop); i >= 0 {
				next = min(next, i)
			}
		}
		id := regexp.MustCompile(`aria-labelledby="([^ ]+)-t ([^ ]+)-d"`).FindStringSubmatch(svg)
		if id == nil || !strings.Contains(svg, `<title id="`+id[1]+`-t">`) || !strings.Contains(svg, `<desc id="`+id[1]+`-d">`) || !strings.Contains(svg, `role="img"`) {
			t.Errorf("a chart without title or text alternative: %.200s", svg)
		}
		if !strings.Contains(rest[:next], "<table") {
			t.Errorf("chart %s is not followed by its table", id[1])
		}
	}
}

// TestNumbersShown: the report shows the fixture's numbers, worded.
func TestNumbersShown(t *testing.T) {
	for name, f := range map[string]func(*bytes.Buffer, record.Report) error{"html": htmlOf, "plain": plainOf} {
		out := string(render(t, fixture(made), f))
		for _, want := range []string{
			"Mon 2 Mar 2026 to Sun 15 Mar 2026", "14 days",
			"3 (plan: 5 a week, 10 over the period)", "3 of 14; the longest gap 6 days",
			"4.5 before, 3.8 after on average: 0.7 lower (4 runs with both check-ins: 3 stretch sessions, 1 breathing run)",
			"Sessions with “Knee to chest”: your pain was 1.8 lower at the end than at the start, on average (6 sessions).",
			"Begun within 3 hours after heat: your pain was 0.4 higher at the end than at the start, on average (5 stretch sessions).",
			"In the morning (05:00 to 12:00): your pain was about the same at the end as at the start, on average (7: 5 stretch sessions, 2 breathing runs).",
			"Breathing runs of 5-1-3: your pain was 1.1 lower at the end than at the start, on average (6 runs).",
			"(each needs 5): Lying twist (1); breathing 4-7-8 (2); breathing, pattern not recorded (4).",
			"A breathing pattern such as 5-1-3 is the seconds breathing in, holding, and breathing out",
			"Tue 3 Mar 2026, 08:00", "Lying twist, left side, rep 3 of 5",
			"A spasm began: Sun 1 Mar 2026, 07:00, before this period.", NotAdvice,
			"Tue 3 Mar 2026, 08:09", "The safety page was opened from this stop.", SafetyOpenedNote,
			"20 / 24", "+1 step", "Ice: 0 applications. Heat: 1 application, and 1 more under a minute on that does not count.",
			"2. Pain before and after stretch sessions and breathing runs",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
		if strings.Contains(out, "Lying twist: your pain") || strings.Contains(out, "4-7-8: your pain") || strings.Contains(out, "not recorded): your pain") {
			t.Errorf("%s claims something below the minimum", name)
		}
	}
}

// TestJSONNumbers: the JSON holds the numbers as numbers, times with their offset.
func TestJSONNumbers(t *testing.T) {
	var back map[string]any
	if err := json.Unmarshal(render(t, fixture(made), jsonOf), &back); err != nil {
		t.Fatal(err)
	}
	ad := back["adherence"].(map[string]any)
	if ad["days_with_session"] != 3.0 || ad["longest_gap_days"] != 6.0 || back["from"] != "2026-03-02" {
		t.Errorf("json: %v", back)
	}
	stop := back["pain_stops"].([]any)[0].(map[string]any)
	if stop["at"] != "2026-03-03T08:00:00+01:00" || stop["rep"] != 3.0 || stop["safety_opened_at"] != "2026-03-03T08:09:00+01:00" {
		t.Errorf("json stop: %v", stop)
	}
}

// TestEmpty: a report of nothing says so, and still draws.
func TestEmpty(t *testing.T) {
	r := record.Report{From: "2026-03-02", To: "2026-03-02", Made: made, PlanWeekly: 7,
		Weeks:     []record.ReportWeek{{Week: "2026-03-02", Days: 1}},
		Adherence: record.Adherence{Days: 1, LongestGap: 1, Planned: 1}, Insights: record.Insights{Minimum: 5}}
	h := string(render(t, r, htmlOf))
	for _, want := range []string{"No stretch session in this period.", "no stretch session or breathing run with a check-in both before and after",
		"No session was stopped for pain in this period.", "No group has 5 sessions with both check-ins yet"} {
		if !strings.Contains(h, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
}

// A report whose period was asked to begin before the record says where
// the record begins, in the page and in the text; one that was not, does
// not.
func TestTheRecordBeginsIsSaid(t *testing.T) {
	r := fixture(made)
	for _, f := range []func(*bytes.Buffer, record.Report) error{htmlOf, plainOf} {
		if out := string(render(t, r, f)); strings.Contains(out, "The record begins") {
			t.Errorf("a period the record covers says where it begins:\n%.400s", out)
		}
	}
	r.Asked = r.From.Add(-30)
	for _, f := range []func(*bytes.Buffer, record.Report) error{htmlOf, plainOf} {
		out := string(render(t, r, f))
		if want := "The record begins on " + dayText(r.From) + "; the days asked for before it (from " + dayText(r.Asked) + ")"; !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%.600s", want, out)
		}
	}
}

// A stop the safety page was not opened from (or that came before it was
// recorded) shows a dash and says so, in the page and in the text; the
// JSON has null.
func TestStopWithoutTheSafetyPage(t *testing.T) {
	r := fixture(made)
	second := r.Stops[0]
	second.At, second.SafetyOpenedAt = second.At.AddDate(0, 0, 2), nil
	r.Stops = append(r.Stops, second)
	for name, f := range map[string]func(*bytes.Buffer, record.Report) error{"html": htmlOf, "plain": plainOf} {
		out := string(render(t, r, f))
		for _, want := range []string{"The safety page was opened from 1 of these 2 stops.", "A dash: it was not opened, or the stop came before unknot recorded it."} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	if out := string(render(t, r, plainOf)); !strings.Contains(out, "- Thu 5 Mar 2026, 08:00: Lying twist, left side, rep 3 of 5 (pain before 5, after 7); safety page opened: –") {
		t.Errorf("plain stops:\n%s", out)
	}
	if h := string(render(t, r, htmlOf)); !strings.Contains(h, `<td class="n">7</td><td>–</td></tr>`) {
		t.Errorf("the html's second stop has no dash for the safety page")
	}
	var back struct {
		Stops []map[string]any `json:"pain_stops"`
	}
	if err := json.Unmarshal(render(t, r, jsonOf), &back); err != nil || len(back.Stops) != 2 {
		t.Fatal(err)
	}
	if v, ok := back.Stops[1]["safety_opened_at"]; !ok || v != nil {
		t.Errorf("json: the stop not opened from has safety_opened_at %v (present %v), want null", v, ok)
	}
	r.Stops[0].SafetyOpenedAt = nil
	if out := string(render(t, r, plainOf)); !strings.Contains(out, "No opening of the safety page from a stop was recorded.") {
		t.Errorf("with no opening at all:\n%s", out)
	}
}

// A stop for pain from before unknot recorded where it came says that its
// place is the old guess, in the plain and the HTML report; a recorded one
// says only where it came.
func TestAGuessedStopPlaceIsSaid(t *testing.T) {
	r := fixture(made)
	recorded := r.Stops[0]
	guessed := recorded
	guessed.At, guessed.Guessed = guessed.At.Add(24*time.Hour), true
	r.Stops = append(r.Stops, guessed)
	const note = "Lying twist, left side, rep 3 of 5 (where it came was not recorded: the first exercise not finished)"
	for name, of := range map[string]func(*bytes.Buffer, record.Report) error{"plain": plainOf, "html": htmlOf} {
		out := string(render(t, r, of))
		if strings.Count(out, note) != 1 {
			t.Errorf("%s: the guessed stop is not said to be a guess once:\n%s", name, out)
		}
		if !strings.Contains(out, "Lying twist, left side, rep 3 of 5 (pain before") && name == "plain" {
			t.Errorf("%s: the recorded stop is not said plainly:\n%s", name, out)
		}
	}
}

// A period that ends after the date the report was made on (a run made in
// a time zone ahead) says why, in the page and in the text; one that ends
// today does not.
func TestRunsDatedAheadAreSaid(t *testing.T) {
	r := fixture(made)
	for _, f := range []func(*bytes.Buffer, record.Report) error{htmlOf, plainOf} {
		if out := string(render(t, r, f)); strings.Contains(out, "after today here") {
			t.Errorf("a period ending today says it ends after today:\n%.400s", out)
		}
	}
	r.To = "2026-03-16"
	for _, f := range []func(*bytes.Buffer, record.Report) error{htmlOf, plainOf} {
		out := string(render(t, r, f))
		if want := "The period ends on Mon 16 Mar 2026, after today here (Sun 15 Mar 2026): a run is dated by the clock where it happened"; !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%.600s", want, out)
		}
	}
}

// Ice and heat too short to count are said in the plural too, and not at
// all when there are none.
func TestApplicationsTooShort(t *testing.T) {
	for _, c := range []struct {
		n, short int
		want     string
	}{
		{2, 0, "2 applications"},
		{1, 1, "1 application, and 1 more under a minute on that does not count"},
		{0, 3, "0 applications, and 3 more under a minute on that do not count"},
	} {
		if got := applications(c.n, c.short); got != c.want {
			t.Errorf("applications(%d, %d) = %q, want %q", c.n, c.short, got, c.want)
		}
	}
}
