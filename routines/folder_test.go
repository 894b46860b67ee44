package routines

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs Load and fails the test if it has not returned within a
// generous deadline: what this guards against is blocking forever.
func loadWithin(t *testing.T, dir string) (*Catalog, Problems) {
	t.Helper()
	type result struct {
		c     *Catalog
		probs Problems
		err   error
	}
	done := make(chan result, 1)
	go func() {
		c, probs, err := Load(dir)
		done <- result{c, probs, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("Load: %v", r.err)
		}
		return r.c, r.probs
	case <-time.After(10 * time.Second):
		t.Fatal("Load(dir) blocked for 10s")
		return nil, nil
	}
}

// problemFor finds the one problem naming path, failing the test unless
// there is exactly one.
func problemFor(t *testing.T, probs Problems, path string) Problem {
	t.Helper()
	var found []Problem
	for _, p := range probs {
		if p.File == path {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("problems for %s: %v, want one (all: %v)", path, found, probs)
	}
	return found[0]
}

func TestLoadSkipsWhatIsNotARegularFileAtOnceAndKeepsTheRest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "routines")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "neck.toml", userNeck)
	fifo := filepath.Join(dir, "f.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	big := write(t, dir, "big.toml", userNeck+"# "+strings.Repeat("x", MaxFileSize)+"\n")
	// A socket's path must be short; make it in a short folder and link it in.
	sockDir, err := os.MkdirTemp("", "s")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	l, err := net.Listen("unix", filepath.Join(sockDir, "s"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	sock := filepath.Join(dir, "sock.toml")
	if err := os.Symlink(filepath.Join(sockDir, "s"), sock); err != nil {
		t.Fatal(err)
	}

	c, probs := loadWithin(t, dir)
	if got, want := c.Names(), builtinNames("neck-tilt"); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want the built-ins and neck-tilt", got)
	}
	for path, says := range map[string]string{
		fifo: "is a FIFO (named pipe), not a regular file",
		zero: "is a character device, not a regular file",
		sock: "is a socket, not a regular file",
		big:  "over the 256 KiB limit",
	} {
		if p := problemFor(t, probs, path); !strings.Contains(p.Msg, says) || p.Line != 0 {
			t.Errorf("problem for %s = %q, want one line saying %q", filepath.Base(path), p.Error(), says)
		}
	}
	if len(probs) != 4 {
		t.Errorf("%d problems, want 4: %v", len(probs), probs)
	}
	if got, want := c.Skipped(), []string{big, fifo, sock, zero}; !slices.Equal(got, want) {
		t.Errorf("Skipped() = %v, want %v", got, want)
	}
	if got, want := c.SkippedNote(), "4 routine files skipped: run `unknot routines check` for why"; got != want {
		t.Errorf("SkippedNote() = %q, want %q", got, want)
	}
}

func TestSkippedNoteSaysOneFileOnceAndNothingWhenNoneWas(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.toml", "name = \"a\"\ntitle = \"A\"\nreps = 0\nreps2 = 1\nhold = \"1\"\n")
	c, probs := loadWithin(t, dir)
	if len(probs) < 3 {
		t.Errorf("problems %v, want every problem of the file", probs)
	}
	if got, want := c.SkippedNote(), "1 routine file skipped: run `unknot routines check` for why"; got != want {
		t.Errorf("SkippedNote() = %q, want %q", got, want)
	}
	write(t, dir, "a.toml", userNeck)
	c, probs = loadWithin(t, dir)
	if len(probs) != 0 || c.SkippedNote() != "" || len(c.Skipped()) != 0 {
		t.Errorf("a clean folder: problems %v, note %q, skipped %v; want none", probs, c.SkippedNote(), c.Skipped())
	}
	b, err := Builtins()
	if err != nil {
		t.Fatal(err)
	}
	if b.SkippedNote() != "" {
		t.Errorf("the built-ins alone say %q", b.SkippedNote())
	}
}

func TestLoadSkipsWhatEveryUserMayWriteAndSaysHowToFixIt(t *testing.T) {
	t.Run("a file", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "my routines")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		open := write(t, dir, "neck.toml", userNeck)
		if err := os.Chmod(open, 0o666); err != nil {
			t.Fatal(err)
		}
		shared := write(t, dir, "knee.toml", userKnee)
		if err := os.Chmod(shared, 0o664); err != nil { // group-writable is fine
			t.Fatal(err)
		}
		c, probs := loadWithin(t, dir)
		p := problemFor(t, probs, open)
		if want := "chmod o-w '" + open + "'"; !strings.Contains(p.Msg, want) || !strings.Contains(p.Msg, "every user") {
			t.Errorf("problem %q, want it to say every user may write it and %q", p.Error(), want)
		}
		if _, ok := c.Get("neck-tilt"); ok {
			t.Error("a file every user may write was loaded")
		}
		if k, _ := c.Get("knee-to-chest"); k.Origin != shared {
			t.Errorf("a group-writable file was not loaded: knee-to-chest from %q", k.Origin)
		}
		if len(probs) != 1 || !slices.Equal(c.Skipped(), []string{open}) {
			t.Errorf("problems %v, skipped %v; want only the open file", probs, c.Skipped())
		}
	})
	t.Run("a folder", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "routines")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		a := write(t, dir, "neck.toml", userNeck)
		b := write(t, dir, "knee.toml", userKnee)
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
		c, probs := loadWithin(t, dir)
		if len(probs) != 1 || probs[0].File != dir || !strings.Contains(probs[0].Msg, "chmod o-w "+dir) {
			t.Fatalf("problems %v, want one for the folder with: chmod o-w %s", probs, dir)
		}
		if !slices.Equal(c.Names(), builtinNames()) {
			t.Errorf("Names() = %v, want only the built-ins", c.Names())
		}
		if k, _ := c.Get("knee-to-chest"); k.Origin != BuiltIn {
			t.Errorf("knee-to-chest from %q, want the built-in", k.Origin)
		}
		if got := c.Skipped(); !slices.Equal(got, []string{b, a}) {
			t.Errorf("Skipped() = %v, want both files", got)
		}
		if got := c.SkippedNote(); !strings.HasPrefix(got, "2 routine files skipped") {
			t.Errorf("SkippedNote() = %q", got)
		}
		if err := os.Chmod(dir, 0o770); err != nil {
			t.Fatal(err)
		}
		if c, probs := loadWithin(t, dir); len(probs) != 0 || len(c.Names()) != len(builtinNames())+1 {
			t.Errorf("a group-writable folder: problems %v, names %v", probs, c.Names())
		}
	})
}

func TestCheckReadsFilesAndEveryRoutineFileInAFolder(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.toml", userNeck)
	b := write(t, dir, "b.toml", userNeck)
	bad := write(t, dir, "c.toml", strings.Replace(userKnee, "reps = 5", "reps = 0", 1))
	write(t, dir, "notes.txt", "not a routine")
	fifo := filepath.Join(dir, "d.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	open := t.TempDir()
	write(t, open, "x.toml", userNeck)
	if err := os.Chmod(open, 0o757); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone.toml")

	got := Check(dir, a, empty, open, missing, "/dev/zero")
	type summary struct {
		path, routine, says string
		folder              bool
	}
	var sums []summary
	for _, c := range got {
		s := summary{path: c.Path, routine: c.Routine.Name, folder: c.Folder}
		if len(c.Problems) > 0 {
			s.routine = ""
			s.says = c.Problems.Error()
		}
		sums = append(sums, s)
	}
	want := []summary{
		{path: a, routine: "neck-tilt"},
		{path: b, says: `routine "neck-tilt" is already defined in ` + a},
		{path: bad, says: "3:8: reps is 0"},
		{path: fifo, says: "is a FIFO (named pipe), not a regular file"},
		{path: a, routine: "neck-tilt"},
		{path: empty, folder: true},
		{path: open, folder: true, says: "chmod o-w " + open},
		{path: missing, says: "cannot read: no such file or directory"},
		{path: "/dev/zero", says: "is a character device"},
	}
	if len(sums) != len(want) {
		t.Fatalf("Check = %+v, want %d results", sums, len(want))
	}
	for i, w := range want {
		g := sums[i]
		if g.path != w.path || g.routine != w.routine || g.folder != w.folder || !strings.Contains(g.says, w.says) || (w.says == "") != (g.says == "") {
			t.Errorf("Check result %d = %+v, want %+v", i, g, w)
		}
	}
}
