package history

import (
	"bytes"
	"errors"
	"github.com/unknot/unknot/routines/record"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// one is a good session as --json prints it, with fields to replace.
const one = `{"id":7,"kind":"session","started_at":"2025-01-01T07:00:00+01:00","ended_at":"2025-01-01T07:10:00+01:00","status":"completed","pain_before":4,"pain_after":2,"breaths":0,"exercises":[{"routine":"knee-to-chest","side":"left","reps_done":3,"reps_planned":3}]}`

func with(old, new string) string { return "[" + one + ",\n" + strings.Replace(one, old, new, 1) + "]" }

// Every hostile entry is refused, the second session of the file named
// with its field, and the history is left exactly as it was.
func TestImportRefusesHostileEntries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, want string
	}{
		{"breaths int64 max", with(`"breaths":0`, `"breaths":9223372036854775807`), `session 2: "breaths" is 9223372036854775807; it must be from 0 to 1000000`},
		{"breaths past int64", with(`"breaths":0`, `"breaths":99999999999999999999`), `session 2: "breaths" should be a whole number`},
		{"breaths fraction", with(`"breaths":0`, `"breaths":1.5`), `session 2: "breaths" should be a whole number`},
		{"breaths negative", with(`"breaths":0`, `"breaths":-1`), `"breaths" is -1`},
		{"reps done near int64 max", with(`"reps_done":3`, `"reps_done":9223372036854775806`), `session 2: exercise 1: "reps_done" is 9223372036854775806; it must be from 0 to 1000`},
		{"reps done over planned", with(`"reps_done":3`, `"reps_done":999`), `session 2: exercise 1: "reps_done" is 999; it must be from 0 to "reps_planned" (3)`},
		{"reps planned huge", with(`"reps_planned":3`, `"reps_planned":5000`), `"reps_planned" is 5000; it must be from 0 to 1000`},
		{"end before start", with(`07:10:00+01:00`, `06:10:00+01:00`), `session 2: "ended_at" (2025-01-01T06:10:00+01:00) is before "started_at"`},
		{"year 0001", with(`2025-01-01T07:00`, `0001-01-01T07:00`), `session 2: "started_at" is in the year 1; dates must be from 1970 to 2100`},
		{"year 9999", with(`2025-01-01T07:10`, `9999-01-01T07:10`), `session 2: "ended_at" is in the year 9999`},
		{"2^64 ns apart", with(`"ended_at":"2025-01-01T07:10:00+01:00"`, `"ended_at":"2609-01-01T00:00:00Z"`), `"ended_at" is in the year 2609`},
		{"in the future", with(`"started_at":"2025-01-01T07:00:00+01:00","ended_at":"2025-01-01T07:10:00+01:00"`, `"started_at":"2099-12-03T08:00:00Z","ended_at":"2099-12-03T08:10:00Z"`), `session 2: "started_at" is 2099-12-03T08:00:00Z, in the future`},
		{"unknown kind", with(`"kind":"session"`, `"kind":"yoga"`), `session 2: "kind" is "yoga"; it must be "session", "breathe", "ice" or "heat"`},
		{"unknown status", with(`"completed"`, `"won"`), `session 2: "status" is "won"`},
		{"pain 11", with(`"pain_before":4`, `"pain_before":11`), `session 2: "pain_before" is 11; it must be from 0 to 10`},
		{"pain negative", with(`"pain_after":2`, `"pain_after":-1`), `session 2: "pain_after" is -1`},
		{"control character", with(`"routine":"knee-to-chest"`, `"routine":"knee\u001b[31m"`), `session 2: exercise 1: "routine" "knee\x1b[31m" holds a control character`},
		{"empty routine", with(`"routine":"knee-to-chest"`, `"routine":""`), `exercise 1: "routine" is missing or empty`},
		{"long routine", with(`"routine":"knee-to-chest"`, `"routine":"`+strings.Repeat("a", 300)+`"`), `"routine" is 300 bytes long`},
		{"bad side", with(`"side":"left"`, `"side":"middle"`), `"side" is "middle"`},
		{"direction with a side", with(`"side":"left"`, `"side":"left","direction":"forward"`), `session 2: exercise 1: "direction" is "forward" and "side" "left"; a routine has sides or directions, not both`},
		{"bad direction", with(`"side":"left"`, `"side":"","direction":"Forward!"`), `session 2: exercise 1: "direction" is "Forward!"; it must be one or two lower-case words`},
		{"exercises on breathe", with(`"kind":"session"`, `"kind":"breathe"`), `only stretch sessions`},
		{"more breaths than seconds", with(`"breaths":0`, `"breaths":1000`), `session 2: "breaths" is 1000 in 10m0s; at the quickest pace, one a second, at most 601 fit`},
		{"more reps than seconds", with(`"ended_at":"2025-01-01T07:10:00+01:00"`, `"ended_at":"2025-01-01T07:00:01+01:00"`), `session 2: the exercises' "reps_done" add up to 3 in 1s; a rep takes a second at the least, so at most 2 fit`},
		{"a check-in on ice", with(`"kind":"session","started_at":"2025-01-01T07:00:00+01:00","ended_at":"2025-01-01T07:10:00+01:00","status":"completed","pain_before":4,"pain_after":2,"breaths":0,"exercises":[{"routine":"knee-to-chest","side":"left","reps_done":3,"reps_planned":3}]`, `"kind":"ice","started_at":"2025-01-01T07:00:00+01:00","ended_at":"2025-01-01T07:10:00+01:00","status":"completed","pain_before":4,"pain_after":2,"breaths":0,"exercises":[]`), `session 2: ice has a pain check-in; unknot records none for ice or heat`},
		{"offset of days", with(`07:00:00+01:00`, `07:00:00+99:00`), `session 2: "started_at" is "2025-01-01T07:00:00+99:00", not an RFC 3339 time`},
		{"negative id", with(`"id":7`, `"id":-3`), `session 2: "id" is -3`},
		{"numbers", `[1,2]`, `x.json:1:2: session 1: should be a JSON object`},
		{"strings", `["a"]`, `session 1: should be a JSON object {"kind": ..., "started_at": ...}, not a string`},
		{"nested", `[[` + one + `]]`, `session 1: should be a JSON object`},
		{"unknown field", with(`"id":7`, `"id":7,"admin":true`), `session 2: unknown field "admin"`},
		{"empty file", ``, `the file is empty`},
		{"blank file", "  \n\t", `the file is empty`},
		{"null", `null`, `expected a JSON object or array`},
		{"exercise not an object", with(`"exercises":[{`, `"exercises":[7,{`), `session 2: "exercises" should be an exercise`},
		{"truncated", "[" + one + ",\n" + one[:40], `x.json:2:41: session 2: the file ends too soon`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			fixture(t, s)
			before := export(t, s, Filter{})
			res, err := s.ImportJSON(strings.NewReader(tc.file), "x.json")
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("import: %+v, %v; want an *ImportError", res, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") || !strings.HasSuffix(err.Error(), "nothing was imported") {
				t.Errorf("error is not one line saying nothing was imported: %q", err)
			}
			if ExitCode(err) != 2 {
				t.Errorf("ExitCode = %d, want 2 (bad input)", ExitCode(err))
			}
			if after := export(t, s, Filter{}); after != before {
				t.Error("a refused import changed the history")
			}
		})
	}
}

func TestImportAcceptsBOMAndJSONLines(t *testing.T) {
	t.Parallel()
	for name, file := range map[string]string{
		"bom":        "\xef\xbb\xbf[" + one + "]",
		"json lines": one + "\n" + strings.Replace(one, "2025-01-01", "2025-01-02", 2) + "\n",
		"bom lines":  "\xef\xbb\xbf" + one,
	} {
		t.Run(name, func(t *testing.T) {
			s, _ := openTemp(t)
			res, err := s.ImportJSON(strings.NewReader(file), "x.json")
			if err != nil || res.Added == 0 {
				t.Fatalf("import: %+v, %v", res, err)
			}
			all, _ := s.Sessions(Filter{})
			if len(all) != res.Added || all[0].Exercises[0].RepsDone != 3 {
				t.Errorf("imported %+v", all)
			}
		})
	}
}

func TestImportFileRefusesAFIFOWithoutBlocking(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	_, err := s.ImportFile(fifo) // no writer: a blocking open would hang here
	if err == nil || !strings.Contains(err.Error(), "FIFO") || ExitCode(err) != 2 {
		t.Errorf("ImportFile(FIFO) = %v (exit %d), want a refusal naming the FIFO, exit 2", err, ExitCode(err))
	}
}

func TestImportFileReadsTwiceAndWritesOnce(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	path := filepath.Join(t.TempDir(), "h.json")
	if err := os.WriteFile(path, []byte(with(`"id":7`, `"id":8`)), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportFile(path)
	if err != nil || res.Added != 1 || res.Skipped != 1 {
		t.Errorf("ImportFile = %+v, %v; want 1 added and the duplicate start skipped", res, err)
	}
}

// A value past every bound, written straight into the file (as an old
// unknot's import let happen), still lets the review open and export.
func TestAbsurdValuesStillOpen(t *testing.T) {
	t.Parallel()
	s, dir := openTemp(t)
	fixture(t, s)
	s.Close()
	db := rawDB(t, filepath.Join(dir, FileName))
	conn, err := db.Conn(t.Context()) // the pragma holds for one connection
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"PRAGMA ignore_check_constraints = ON",
		`INSERT INTO sessions (id, kind, started_at, started_ns, day, status, breaths, pain_before) VALUES
			(100, 'breathe', '2025-01-05T07:00:00Z', 1736060400000000000, '2025-01-05', 'completed', 9223372036854775807, 99),
			(101, 'breathe', '2025-01-05T08:00:00Z', 1736064000000000000, '2025-01-05', 'completed', 9223372036854775807, -4)`,
		`INSERT INTO sessions (id, kind, started_at, started_ns, day, status) VALUES
			(102, 'session', '2025-01-05T09:00:00Z', 1736067600000000000, '2025-01-05', 'completed')`,
		`INSERT INTO exercises (session_id, pos, routine, side, reps_done, reps_planned) VALUES (102, 0, 'knee-to-chest', 'left', 9223372036854775807, 3),
			(102, 1, 'knee-to-chest', 'left', 9223372036854775807, 9223372036854775807)`,
	} {
		if _, err := conn.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	db.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, err := s.Overview(at(zone(0), 2025, 1, 5, 12, 0))
	if err != nil {
		t.Fatalf("Overview over absurd values: %v", err)
	}
	if o.Totals.Breaths <= 0 || o.Totals.Breaths > 3*MaxBreaths {
		t.Errorf("breaths total %d, want the clamped values summed", o.Totals.Breaths)
	}
	var b bytes.Buffer
	if err := s.ExportJSON(&b, Filter{}); err != nil {
		t.Fatalf("export: %v", err)
	}
	// What was exported imports again: read within bounds.
	s2, _ := openTemp(t)
	if _, err := s2.ImportJSON(&b, "x.json"); err != nil {
		t.Errorf("the export of a history with absurd values does not import: %v", err)
	}
	if err := s.ExportCSV(&b, Filter{}); err != nil {
		t.Errorf("csv: %v", err)
	}
}

func TestCSVEscapesFormulas(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	names := []string{"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "plain"}
	var exs []Exercise
	for _, n := range names {
		exs = append(exs, ex(n, "", 1, 1))
	}
	rec(t, s, KindSession, at(zone(0), 2025, 1, 1, 8, 0), Completed, nil, nil, 0, exs...)
	var b bytes.Buffer
	if err := s.ExportCSV(&b, Filter{}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n")[1:] {
		cells := strings.Split(line, ",")
		cell := strings.Trim(strings.Join(cells[8:len(cells)-6], ","), `"`)
		if c := cell[0]; c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' {
			t.Errorf("cell %q would run as a formula", cell)
		}
	}
	if !strings.Contains(b.String(), "'=HYPERLINK") || !strings.Contains(b.String(), ",plain,") {
		t.Errorf("csv:\n%s", b.String())
	}
}

func FuzzImport(f *testing.F) {
	f.Add([]byte("[" + one + "]"))
	f.Add([]byte(one + "\n" + one))
	f.Add([]byte("\xef\xbb\xbf[]"))
	f.Add([]byte(`[1,2]`))
	f.Add([]byte(with(`"breaths":0`, `"breaths":9223372036854775807`)))
	painStop := strings.Replace(strings.Replace(one, `"status":"completed"`, `"status":"pain"`, 1), `]}`, `],"stop_pos":0,"stop_rep":2}`, 1)
	f.Add([]byte("[" + painStop + "]"))
	s, _ := openTemp(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		before := export(t, s, Filter{})
		res, err := s.ImportJSON(bytes.NewReader(data), "f.json")
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("import failed without an ImportError: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("message not one line: %q", err)
			}
			if after := export(t, s, Filter{}); after != before {
				t.Fatal("a refused import changed the history")
			}
			return
		}
		// Whatever was accepted reads back within bounds, and the review opens.
		all, err := s.Sessions(Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range all {
			if err := checkSession(&x); err != nil && x.Status != record.Running {
				t.Fatalf("accepted %+v: %v", x, err)
			}
		}
		if _, err := s.Overview(time.Now()); err != nil {
			t.Fatalf("Overview after importing %d: %v", res.Added, err)
		}
		_ = res
	})
}
