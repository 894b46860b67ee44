//go:build linux

package history

import (
	"bufio"
	"errors"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The roles of child processes: the test binary run again with childEnv.
func init() {
	children["crash"] = childCrash
	children["record"] = childRecord
	children["diskfull"] = childDiskFull
	children["readonly"] = childReadOnly
	children["review"] = childReview
}

// child starts the test binary as role on dir.
func child(t *testing.T, role, dir string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+role, "UNKNOT_HISTORY_TEST_DIR="+dir)
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// say writes one line to stdout at once: what the parent reads is what has
// been committed.
func say(format string, args ...any) {
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}

// childCrash records sessions of two sides, 40 reps each, forever,
// reporting each write after it returns.
func childCrash(dir string) error {
	s, err := Open(dir)
	if err != nil {
		return err
	}
	for {
		plan := []Exercise{{Routine: "knee-to-chest", Side: "left", RepsPlanned: 40},
			{Routine: "knee-to-chest", Side: "right", RepsPlanned: 40}}
		r, err := s.Start(KindSession, time.Now(), plan, ptr(5))
		if err != nil {
			return err
		}
		say("S %d", r.ID())
		for n := 1; n <= 40; n++ {
			for _, side := range []string{"left", "right"} {
				if err := r.SetReps("knee-to-chest", side, n); err != nil {
					return err
				}
				say("R %d %s %d", r.ID(), side, n)
			}
		}
		if err := r.Finish(time.Now(), Completed); err != nil {
			return err
		}
		say("F %d", r.ID())
	}
}

type reported struct {
	reps     map[string]int
	finished bool
}

func TestCrashLosesAtMostTheRepInProgress(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	budget := 8 * time.Second
	if testing.Short() {
		budget = 2 * time.Second
	}
	seen := map[int64]*reported{}
	begin := time.Now()
	rounds, kills := 0, 0
	for rounds < 60 && time.Since(begin) < budget {
		rounds++
		cmd := child(t, "crash", dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after k lines: right after a commit, while the next is
		// under way; k = 0 kills it while it opens (and, the first time,
		// creates) the history.
		k := rand.IntN(150)
		if rand.IntN(8) == 0 {
			k = 0
		}
		lines := bufio.NewScanner(out)
		n := 0
		if k == 0 {
			cmd.Process.Kill()
		}
		for lines.Scan() {
			recordLine(t, seen, lines.Text())
			if n++; n == k {
				cmd.Process.Kill()
			}
		}
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("child ended without being killed: %v\n%s", err, stderr.String())
		}
		kills++
		verifyCrash(t, dir, seen)
	}
	t.Logf("%d kills, %d sessions, in %v", kills, len(seen), time.Since(begin).Round(time.Millisecond))
	if len(seen) < 3 {
		t.Errorf("only %d sessions reported: the test did not exercise much", len(seen))
	}
}

func recordLine(t *testing.T, seen map[int64]*reported, line string) {
	f := strings.Fields(line)
	id, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		t.Fatalf("child said %q", line)
	}
	r := seen[id]
	if r == nil {
		r = &reported{reps: map[string]int{}}
		seen[id] = r
	}
	switch f[0] {
	case "R":
		side := strings.TrimPrefix(f[2], "-") // "-": no side
		r.reps[side], _ = strconv.Atoi(f[3])
	case "F":
		r.finished = true
	}
}

// verifyCrash checks the file and that everything reported is there.
func verifyCrash(t *testing.T, dir string, seen map[int64]*reported) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after a kill: %v", err)
	}
	defer s.Close()
	var ok string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	all, err := s.Sessions(Filter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int64]record.Session{}
	for _, x := range all {
		stored[x.ID] = x
		if x.Status == record.Running {
			t.Errorf("session %d reads running after its process was killed", x.ID)
		}
	}
	for id, r := range seen {
		x, found := stored[id]
		if !found {
			t.Fatalf("session %d was reported started and is gone", id)
		}
		if r.finished && x.Status != Completed {
			t.Errorf("session %d was reported finished and reads %q", id, x.Status)
		}
		for _, e := range x.Exercises {
			want := r.reps[e.Side]
			if e.RepsDone < want || e.RepsDone > want+1 {
				t.Errorf("session %d %s: %d reps stored, %d reported done", id, e.Side, e.RepsDone, want)
			}
		}
	}
}

// childRecord records COUNT sessions of 3 reps on 2 sides each.
func childRecord(dir string) error {
	count, _ := strconv.Atoi(os.Getenv("COUNT"))
	who := os.Getenv("WHO")
	s, err := Open(dir)
	if err != nil {
		return err
	}
	defer s.Close()
	for i := range count {
		r, err := s.Start(KindSession, time.Now(), []Exercise{{Routine: who, Side: "left", RepsPlanned: 3},
			{Routine: who, Side: "right", RepsPlanned: 3}}, ptr(i%11))
		if err != nil {
			return err
		}
		for n := 1; n <= 3; n++ {
			for _, side := range []string{"left", "right"} {
				if err := r.SetReps(who, side, n); err != nil {
					return err
				}
			}
		}
		if err := r.Finish(time.Now(), Completed); err != nil {
			return err
		}
		if err := r.SetPainAfter(i % 7); err != nil {
			return err
		}
	}
	return nil
}

func TestSeveralProcessesAtOnce(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "new") // created by the racing children
	const procs, each = 5, 10
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for i := range procs {
		cmd := child(t, "record", dir, "COUNT="+strconv.Itoa(each), fmt.Sprintf("WHO=routine-%d", i))
		var b strings.Builder
		cmd.Stdout, cmd.Stderr = &b, &b
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &b)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("process %d: %v: %s", i, err, outs[i])
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	totals, err := s.Totals("")
	if err != nil {
		t.Fatal(err)
	}
	if totals.Sessions != procs*each {
		t.Errorf("%d sessions, want %d", totals.Sessions, procs*each)
	}
	if len(totals.Exercises) != 2*procs {
		t.Fatalf("totals %+v", totals.Exercises)
	}
	for _, x := range totals.Exercises {
		if x.Reps != 3*each || x.Sessions != each {
			t.Errorf("%s %s: %d reps in %d sessions, want %d in %d", x.Routine, x.Side, x.Reps, x.Sessions, 3*each, each)
		}
	}
}

// childDiskFull records reps with a file size limit, as on a full disk,
// until a write fails, and says how.
func childDiskFull(dir string) error {
	s, err := Open(dir)
	if err != nil {
		return err
	}
	signal.Ignore(syscall.SIGXFSZ) // let the write fail instead of killing us
	limit, _ := strconv.ParseUint(os.Getenv("LIMIT"), 10, 64)
	var rl syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl)
	rl.Cur = limit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
		return err
	}
	for {
		r, err := s.Start(KindSession, time.Now(), []Exercise{{Routine: "arm-raise", RepsPlanned: 1000}}, nil)
		if err != nil {
			say("E %v|%v", errKind(err), err)
			return nil
		}
		say("S %d", r.ID())
		for n := 1; n <= 1000; n++ {
			if err := r.SetReps("arm-raise", "", n); err != nil {
				say("E %v|%v", errKind(err), err)
				return nil
			}
			say("R %d - %d", r.ID(), n)
		}
	}
}

func errKind(err error) string {
	for _, k := range []error{ErrDiskFull, ErrIO, ErrReadOnly} {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	return "other"
}

func TestFullDisk(t *testing.T) {
	t.Parallel()
	s, dir := openTemp(t)
	rec(t, s, KindBreathe, time.Now(), Completed, nil, ptr(2), 30) // already stored: must survive
	s.Close()
	cmd := child(t, "diskfull", dir, "LIMIT="+strconv.Itoa(256<<10))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	seen := map[int64]*reported{}
	var failure string
	for line := range strings.Lines(string(out)) {
		if after, ok := strings.CutPrefix(line, "E "); ok {
			failure = strings.TrimSpace(after)
			continue
		}
		recordLine(t, seen, line)
	}
	kind, msg, _ := strings.Cut(failure, "|")
	t.Logf("after %d sessions: %s", len(seen), msg)
	if kind != ErrIO.Error() && kind != ErrDiskFull.Error() {
		t.Errorf("the write failed as %q, want a disk error: %s", kind, msg)
	}
	for _, want := range []string{filepath.Join(dir, FileName), "disk", "what was already saved is safe"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if len(seen) == 0 {
		t.Fatal("nothing was recorded before the disk filled: raise LIMIT")
	}
	verifyCrash(t, dir, seen)
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, _ := s.Sessions(Filter{Kind: KindBreathe})
	if len(all) != 1 || all[0].Breaths != 30 {
		t.Errorf("the session stored before the disk filled: %+v", all)
	}
}

// childReadOnly opens the history and says what went wrong.
func childReadOnly(dir string) error {
	s, err := Open(dir)
	if err == nil {
		s.Close()
		return errors.New("Open of a read-only folder succeeded")
	}
	if !errors.Is(err, ErrReadOnly) {
		return fmt.Errorf("Open: %v, want ErrReadOnly", err)
	}
	say("%v", err)
	return nil
}

func TestReadOnlyFolder(t *testing.T) {
	t.Parallel()
	for _, existing := range []bool{true, false} {
		t.Run(fmt.Sprintf("existing=%v", existing), func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "unknot")
			if existing {
				s, err := Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				rec(t, s, KindBreathe, time.Now(), Completed, nil, nil, 9)
				s.Close()
			} else if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			msg := openReadOnly(t, base, dir, "readonly")
			t.Log(msg)
			for _, want := range []string{filepath.Join(dir, FileName), "read-only", "writable"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if err := os.Chmod(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
}

// openReadOnly makes dir read-only and opens it, returning the error
// message. Root writes through any mode, so as root the opening is done by
// a child process running as nobody, on a folder nobody owns.
func openReadOnly(t *testing.T, base, dir, role string) string {
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+role, "UNKNOT_HISTORY_TEST_DIR="+dir)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	const nobody = 65534
	// The child must be able to reach its binary and the folder.
	bin := filepath.Join(base, "history.test")
	exe, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	for p := base; p != "/" && p != "."; p = filepath.Dir(p) {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm()&0o001 == 0 {
			if p == base || strings.HasPrefix(p, os.TempDir()) && p != os.TempDir() {
				if err := os.Chmod(p, st.Mode().Perm()|0o711); err != nil {
					t.Fatal(err)
				}
			} else {
				t.Skipf("running as root, and %s cannot be entered by nobody to test a read-only folder", p)
			}
		}
	}
	filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { return os.Lchown(p, nobody, nobody) })
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+role, "UNKNOT_HISTORY_TEST_DIR="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child as nobody: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// childReview opens a read-only history for review and export.
func childReview(dir string) error {
	s, err := OpenForReview(dir)
	if err != nil {
		return fmt.Errorf("OpenForReview: %v", err)
	}
	defer s.Close()
	if !errors.Is(s.ReadOnly(), ErrReadOnly) {
		return fmt.Errorf("ReadOnly() = %v, want the read-only cause", s.ReadOnly())
	}
	o, err := s.Overview(time.Now())
	if err != nil {
		return fmt.Errorf("Overview: %v", err)
	}
	var b strings.Builder
	if err := s.ExportJSON(&b, Filter{}); err != nil {
		return fmt.Errorf("ExportJSON: %v", err)
	}
	if _, err := s.Start(KindBreathe, time.Now(), nil, nil); !errors.Is(err, ErrReadOnly) {
		return fmt.Errorf("a write to a read-only store: %v, want ErrReadOnly", err)
	}
	say("sessions=%d export=%d bytes reason=%v", o.Sessions, b.Len(), s.ReadOnly())
	return nil
}

// A history in a read-only folder can still be reviewed and exported.
func TestReadOnlyHistoryCanBeReviewed(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir := filepath.Join(base, "unknot")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rec(t, s, KindBreathe, time.Now(), Completed, nil, nil, 9)
	rec(t, s, KindBreathe, time.Now().Add(time.Minute), Completed, nil, nil, 5)
	s.Close()
	before := snapshot(t, dir)
	msg := openReadOnly(t, base, dir, "review")
	t.Log(msg)
	if !strings.Contains(msg, "sessions=2") || !strings.Contains(msg, "read-only") {
		t.Errorf("review of a read-only history said %q, want its 2 sessions and why it is read-only", msg)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, before, snapshot(t, dir))
}
