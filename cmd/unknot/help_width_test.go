package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// helpPaths is every command of the tree newRootCmd builds, hidden ones
// included, as the words that name it: {} for unknot itself, {"history",
// "import"}, ...
func helpPaths(t *testing.T) [][]string {
	t.Helper()
	root := newRootCmd(newFactory(strings.NewReader(""), &strings.Builder{}, &strings.Builder{}))
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(slices.Clone(path), sub.Name()))
		}
	}
	walk(root, []string{})
	// fang adds `unknot man` as it starts the tree: not in newRootCmd's.
	return append(paths, []string{"man"})
}

// Every command's help, --help and `unknot help`, fits an 80-column
// terminal: no line is wider than 80 characters, none padded.
func TestEveryHelpFitsEightyColumns(t *testing.T) {
	paths := helpPaths(t)
	for _, want := range []string{"", "config", "history import", "report", "remind add", "completion bash", "help"} {
		if !slices.ContainsFunc(paths, func(p []string) bool { return strings.Join(p, " ") == want }) {
			t.Fatalf("the walk missed %q: %v", want, paths)
		}
	}
	for _, path := range paths {
		for _, args := range [][]string{append(slices.Clone(path), "--help"), append([]string{"help"}, path...)} {
			code, out, errs := runCLI(t, "", args...)
			if code != 0 || errs != "" || !strings.Contains(out, "USAGE") {
				t.Errorf("%v: exit %d, stderr %q, no help:\n%s", args, code, errs, out)
				continue
			}
			for _, l := range strings.Split(out, "\n") {
				if n := len([]rune(l)); n > 80 {
					t.Errorf("%v: a line of %d columns: %q", args, n, l)
				}
				if strings.HasSuffix(l, " ") {
					t.Errorf("%v: a line padded with blanks: %q", args, l)
				}
			}
		}
	}
}

// fitLong wraps only what is too wide, at a blank, keeping the indent.
func TestFitLongWrapsOnlyWhatIsTooWide(t *testing.T) {
	long := strings.Repeat("word ", 20) + "end"
	c := &cobra.Command{Use: "x", Long: "short line\n  " + long + "\n" + strings.Repeat("x", 90)}
	fitLong(c)
	want := "short line\n  " + strings.TrimSpace(strings.Repeat("word ", 15)) + "\n  " + strings.TrimSpace(strings.Repeat("word ", 5)) + " end\n" + strings.Repeat("x", 90)
	if c.Long != want {
		t.Errorf("fitLong:\n%s\nwant:\n%s", c.Long, want)
	}
}
