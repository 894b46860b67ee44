package history

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Imported is what ImportJSON did.
type Imported struct {
	Added   int // sessions added
	Skipped int // sessions already present (same start instant and kind)
}

// ImportError says where an import file is wrong.
type ImportError struct {
	File         string
	Line, Column int // 1-based; Column counts characters
	Element      int // 1-based index of the session in the array, 0 if none
	Err          error
}

func (e *ImportError) Error() string {
	where := fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	if e.Element > 0 {
		where += fmt.Sprintf(": session %d", e.Element)
	}
	return where + ": " + e.Err.Error() + "; nothing was imported"
}

func (e *ImportError) Unwrap() error { return e.Err }

// The shape ImportJSON reads: what ExportJSON writes. Pointers tell a
// missing key from a zero.
type importSession struct {
	ID         *int64           `json:"id"`
	Kind       *Kind            `json:"kind"`
	StartedAt  *string          `json:"started_at"`
	EndedAt    *string          `json:"ended_at"`
	Status     *Status          `json:"status"`
	PainBefore *int             `json:"pain_before"`
	PainAfter  *int             `json:"pain_after"`
	Breaths    *int             `json:"breaths"`
	Exercises  []importExercise `json:"exercises"`
	_          struct{}         `json:"-"`
}

type importExercise struct {
	Routine     *string `json:"routine"`
	Side        *string `json:"side"`
	RepsDone    *int    `json:"reps_done"`
	RepsPlanned *int    `json:"reps_planned"`
}

// ImportJSON reads what ExportJSON wrote (name is the file's name, for
// messages) and adds the sessions not already present, matched on start
// instant and kind. It is all or nothing: a file with any error changes
// nothing, and the error, an *ImportError, says where it is wrong. The ids
// in the file are kept where they are free. A session exported while
// running is imported as interrupted.
func (s *Store) ImportJSON(r io.Reader, name string) (Imported, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Imported{}, fmt.Errorf("history: cannot read %s: %w", name, err)
	}
	sessions, err := parseImport(data, name)
	if err != nil {
		return Imported{}, err
	}
	var res Imported
	ctx := context.Background()
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res = Imported{}
		for _, x := range sessions {
			var exists bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sessions
				WHERE started_ns = ? AND kind = ?)`, x.StartedAt.UnixNano(), x.Kind).Scan(&exists); err != nil {
				return err
			}
			if exists {
				res.Skipped++
				continue
			}
			var id any // NULL: the next free id
			if x.ID > 0 {
				var taken bool
				if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)`, x.ID).Scan(&taken); err != nil {
					return err
				}
				if !taken {
					id = x.ID
				}
			}
			var ended any
			if x.EndedAt != nil {
				ended = timeText(*x.EndedAt)
			}
			out, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, kind, started_at, started_ns, day, ended_at,
				status, pain_before, pain_after, breaths) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, x.Kind, timeText(x.StartedAt), x.StartedAt.UnixNano(), x.Day(), ended,
				x.Status, x.PainBefore, x.PainAfter, x.Breaths)
			if err != nil {
				return err
			}
			newID, err := out.LastInsertId()
			if err != nil {
				return err
			}
			if err := insertExercises(ctx, tx, newID, x.Exercises); err != nil {
				return err
			}
			res.Added++
		}
		return nil
	})
	if err != nil {
		return Imported{}, fault("import into", s.path, err)
	}
	return res, nil
}

// parseImport reads and checks the whole file before anything is written.
func parseImport(data []byte, name string) ([]Session, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	fail := func(off int64, elem int, err error) error {
		line, col := position(data, off)
		return &ImportError{File: name, Line: line, Column: col, Element: elem, Err: err}
	}
	syntax := func(err error, elem int, start int64) error {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			// A Decoder counts from the start of the value; Unmarshal
			// of the whole file gives the offset in the file.
			if errors.As(json.Unmarshal(data, new(any)), &se) {
				return fail(se.Offset-1, elem, errors.New(se.Error()))
			}
			return fail(start, elem, errors.New(se.Error()))
		case errors.As(err, &te):
			// The offset is just past the value, counted from the start
			// of the session.
			return fail(start+te.Offset-1, elem, fmt.Errorf("%s should be %s, not a JSON %s", fieldName(te.Field), te.Type, te.Value))
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return fail(int64(len(data)), elem, errors.New("the file ends too soon: is it whole?"))
		}
		return fail(start, elem, errors.New(trimJSON(err.Error())))
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, syntax(err, 0, 0)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, fail(0, 0, errors.New("expected a JSON array of sessions, as `unknot history --json` prints"))
	}
	var out []Session
	for dec.More() {
		elem := len(out) + 1
		start := skipSpace(data, dec.InputOffset())
		var x importSession
		if err := dec.Decode(&x); err != nil {
			return nil, syntax(err, elem, start)
		}
		sess, err := x.check()
		if err != nil {
			return nil, fail(start, elem, err)
		}
		out = append(out, sess)
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, syntax(err, 0, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fail(skipSpace(data, dec.InputOffset()), 0, errors.New("unexpected text after the array"))
	}
	return out, nil
}

// check validates one session of an import file.
func (x importSession) check() (Session, error) {
	var s Session
	switch {
	case x.Kind == nil:
		return s, errors.New(`"kind" is missing`)
	case !validKind(*x.Kind):
		return s, fmt.Errorf(`"kind" is %q; it must be "session" or "breathe"`, *x.Kind)
	case x.StartedAt == nil:
		return s, errors.New(`"started_at" is missing`)
	case x.Status == nil:
		return s, errors.New(`"status" is missing`)
	case !validStatus(*x.Status):
		return s, fmt.Errorf(`"status" is %q; it must be completed, stopped, pain or interrupted`, *x.Status)
	}
	s.Kind, s.Status = *x.Kind, *x.Status
	if s.Status == Running {
		s.Status = Interrupted // its process is not this one
	}
	var err error
	if s.StartedAt, err = time.Parse(time.RFC3339Nano, *x.StartedAt); err != nil {
		return s, fmt.Errorf(`"started_at" is %q, not an RFC 3339 time like 2025-03-01T08:30:00+01:00`, *x.StartedAt)
	}
	if x.EndedAt != nil {
		t, err := time.Parse(time.RFC3339Nano, *x.EndedAt)
		if err != nil {
			return s, fmt.Errorf(`"ended_at" is %q, not an RFC 3339 time like 2025-03-01T08:30:00+01:00`, *x.EndedAt)
		}
		s.EndedAt = &t
	}
	if err := checkPain(`"pain_before"`, x.PainBefore); err != nil {
		return s, err
	}
	if err := checkPain(`"pain_after"`, x.PainAfter); err != nil {
		return s, err
	}
	s.PainBefore, s.PainAfter = x.PainBefore, x.PainAfter
	if x.Breaths != nil {
		if *x.Breaths < 0 {
			return s, fmt.Errorf(`"breaths" is %d; it cannot be negative`, *x.Breaths)
		}
		s.Breaths = *x.Breaths
	}
	if x.ID != nil {
		s.ID = *x.ID
	}
	seen := map[[2]string]bool{}
	for i, e := range x.Exercises {
		if e.Routine == nil || *e.Routine == "" {
			return s, fmt.Errorf(`exercise %d: "routine" is missing`, i+1)
		}
		ex := Exercise{Routine: *e.Routine}
		if e.Side != nil {
			ex.Side = *e.Side
		}
		if e.RepsDone != nil {
			ex.RepsDone = *e.RepsDone
		}
		if e.RepsPlanned != nil {
			ex.RepsPlanned = *e.RepsPlanned
		}
		if !validSide(ex.Side) {
			return s, fmt.Errorf(`exercise %d: "side" is %q; it must be "left", "right" or ""`, i+1, ex.Side)
		}
		if ex.RepsDone < 0 || ex.RepsPlanned < 0 {
			return s, fmt.Errorf("exercise %d: reps cannot be negative", i+1)
		}
		if err := checkExercise(ex); err != nil {
			return s, fmt.Errorf("exercise %d: %v", i+1, strings.TrimPrefix(err.Error(), ErrBadValue.Error()+": "))
		}
		k := [2]string{ex.Routine, ex.Side}
		if seen[k] {
			return s, fmt.Errorf("exercise %d: %s %s is listed twice", i+1, ex.Routine, ex.Side)
		}
		seen[k] = true
		s.Exercises = append(s.Exercises, ex)
	}
	return s, nil
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// skipSpace moves off past blanks and the comma between array elements.
func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off
		}
	}
	return off
}

func fieldName(f string) string {
	if f == "" {
		return "a value"
	}
	return fmt.Sprintf("%q", f)
}

// trimJSON drops the "json: " prefix of encoding/json's messages.
func trimJSON(s string) string {
	if len(s) > 6 && s[:6] == "json: " {
		return s[6:]
	}
	return s
}
