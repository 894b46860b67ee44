package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/tui/report"
)

// TestReportInARealBrowser prints the report of the demo history (sixty
// days) to PDF with headless Chromium, on A4 and on Letter, and reads the
// PDF back with poppler's tools: its page count, its paper, its text, and
// that each section starts a page. With UNKNOT_REPORT_PNG set, page 1 of
// the A4 print is also saved there as a PNG (to look at on paper).
// .ci/install-report-deps installs Chromium and poppler-utils.
func TestReportInARealBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: prints the report with headless Chromium twice (about 5 s); the full suite runs it")
	}
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		t.Skip("chromium is not installed (Debian: apt-get install chromium; or run .ci/install-report-deps)")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (Debian: apt-get install poppler-utils)", tool)
		}
	}
	home := demoHome(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	since := time.Now().AddDate(0, 0, -60).Format(time.DateOnly)
	if code, _, errs := runCLI(t, home, "report", "--since", since, "-o", page); code != 0 {
		t.Fatalf("report: exit %d %s", code, errs)
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, paper := range []struct {
		name, size string
		w, h       int // points
	}{{"A4", "A4", 595, 842}, {"Letter", "letter", 612, 792}} {
		t.Run(paper.name, func(t *testing.T) {
			src := filepath.Join(dir, paper.name+".html")
			sized := strings.Replace(string(html), "</head>", "<style>@page { size: "+paper.size+"; }</style>\n</head>", 1)
			if err := os.WriteFile(src, []byte(sized), 0o600); err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(dir, paper.name+".pdf")
			printPDF(t, chromium, src, pdf, dir)
			info := runTool(t, "pdfinfo", pdf)
			pages, _ := strconv.Atoi(field(info, "Pages"))
			if pages < 6 || pages > 16 {
				t.Errorf("%d pages; want 6 to 16 for sixty days:\n%s", pages, info)
			}
			size := regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`).FindStringSubmatch(info)
			if size == nil || roundPts(size[1]) != paper.w || roundPts(size[2]) != paper.h {
				t.Errorf("paper %v, want %d x %d pts", size, paper.w, paper.h)
			}
			text := strings.Join(strings.Fields(runTool(t, "pdftotext", pdf, "-")), " ")
			for _, want := range []string{"Back exercises and pain", "not a medical document",
				"Stretch sessions a week (bars) against the plan (dashed).", "Knee to chest", "Level of Knee to chest",
				"Pain before (solid line, circles) and after (dashed line, squares) each session", "Mean pain by week", "A spasm began:",
				"not medical advice", "on average (", "Lying twist, left side, rep 3 of 3"} {
				if !strings.Contains(text, want) {
					t.Errorf("the printed report lacks %q", want)
				}
			}
			// Each section begins a page: its heading is the page's first text.
			starts := map[string]bool{}
			for i := 1; i <= pages; i++ {
				p := strings.TrimSpace(runTool(t, "pdftotext", "-f", fmt.Sprint(i), "-l", fmt.Sprint(i), pdf, "-"))
				first, _, _ := strings.Cut(p, "\n")
				starts[first] = true
			}
			for _, h := range []string{"Back exercises and pain", report.PainHeading, "3. Breathing, ice and heat",
				"4. What seems to help", "5. Safety: stops for pain"} {
				if !starts[h] {
					t.Errorf("%q does not start a page", h)
				}
			}
			if png := os.Getenv("UNKNOT_REPORT_PNG"); png != "" && paper.name == "A4" {
				if _, err := exec.LookPath("pdftoppm"); err == nil {
					runTool(t, "pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, strings.TrimSuffix(png, ".png"))
				}
			}
		})
	}
}

// printPDF prints page src to pdf with headless Chromium (its own
// profile in dir; no network is needed: the page fetches nothing).
func printPDF(t *testing.T, chromium, src, pdf, dir string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, "file://"+src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		t.Fatalf("chromium wrote no PDF: %v", err)
	}
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// field is the value of "Name:  value" in pdfinfo's output.
func field(info, name string) string {
	for l := range strings.Lines(info) {
		if k, v, ok := strings.Cut(l, ":"); ok && k == name {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func roundPts(s string) int {
	f, _ := strconv.ParseFloat(s, 64)
	return int(f + 0.5)
}
