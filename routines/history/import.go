package history

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/unknot/unknot/routines/record"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unknot/unknot/routines"
)

// Imported is what an import did.
type Imported struct {
	Added   int // sessions added
	Skipped int // sessions already present (same start instant and kind)
	Differ  int // of those, the ones the file records otherwise: the history's is kept, never overwritten

	Episodes        int // episodes of spasm added
	EpisodesSkipped int // episodes already present (same beginning, said at the same instant)
}

// ImportError says where an import file is wrong. It is bad input: the
// file, not the history, is at fault (ExitCode gives 2).
type ImportError struct {
	File         string
	Line, Column int    // 1-based; Column counts characters
	Element      int    // 1-based index of the session (or episode) in the file, 0 if none
	What         string // "episode" when Element counts episodes; else sessions
	Err          error
}

func (e *ImportError) Error() string {
	return e.where() + ": " + e.Err.Error() + "; nothing was imported"
}

// where is file:line:column, and the element: "back.json:3:1: session 2".
func (e *ImportError) where() string {
	where := fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	if e.Element > 0 {
		what := e.What
		if what == "" {
			what = "session"
		}
		where += fmt.Sprintf(": %s %d", what, e.Element)
	}
	return where
}

func (e *ImportError) Unwrap() error { return e.Err }

// The shape an import reads: what ExportJSON writes. Pointers tell a
// missing key from a zero; numbers are read as int64 so that any number a
// file holds is checked against the bounds rather than wrapped.
type importSession struct {
	ID         *int64           `json:"id"`
	Kind       *Kind            `json:"kind"`
	StartedAt  *string          `json:"started_at"`
	EndedAt    *string          `json:"ended_at"`
	Status     *Status          `json:"status"`
	PainBefore *int64           `json:"pain_before"`
	PainAfter  *int64           `json:"pain_after"`
	Breaths    *int64           `json:"breaths"`
	Exercises  []importExercise `json:"exercises"`
	Levels     map[string]int64 `json:"levels"`           // version 2
	Pattern    *string          `json:"pattern"`          // version 3
	SafetyAt   *string          `json:"safety_opened_at"` // version 3
	StopPos    *int64           `json:"stop_pos"`         // version 3
	StopRep    *int64           `json:"stop_rep"`         // version 3
	NeverOn    *bool            `json:"never_on"`         // version 5
}

// importEpisode is one episode of spasm of the export document.
type importEpisode struct {
	BeganAt    *string `json:"began_at"`
	DayOnly    *bool   `json:"day_only"`
	OrEarlier  *bool   `json:"or_earlier"`
	RecordedAt *string `json:"recorded_at"`
}

// item is one thing an import file holds: a session and its levels, or an
// episode of spasm.
type item struct {
	session *record.Session
	levels  map[string]int
	episode *episodeRow
}

type importExercise struct {
	Routine     *string `json:"routine"`
	Side        *string `json:"side"`
	Direction   *string `json:"direction"` // version 4
	RepsDone    *int64  `json:"reps_done"`
	RepsPlanned *int64  `json:"reps_planned"`
}

// ImportFile imports the file at path (see ImportJSON for what it
// accepts). A FIFO, a device or a folder is refused without blocking. The
// file is read twice: once to check every session, and only when all are
// good, once more to write them in one transaction. Memory does not grow
// with the file's size.
func (s *Store) ImportFile(path string) (Imported, error) {
	f, _, err := routines.OpenRegular(path, 0)
	if err != nil {
		return Imported{}, &ImportError{File: path, Line: 1, Column: 1, Err: fmt.Errorf("cannot be read: %w", unwrapPath(err))}
	}
	defer f.Close()
	if err := decodeHistory(f, path, func(item) error { return nil }); err != nil {
		return Imported{}, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Imported{}, &ImportError{File: path, Line: 1, Column: 1, Err: err}
	}
	return s.ImportJSON(f, path)
}

// ImportJSON reads what ExportJSON wrote (name is the file's name, for
// messages) and adds the sessions not already present, matched on start
// instant and kind. It accepts a JSON array of sessions, or sessions one
// after another (JSON lines: what a run that could not be saved prints),
// with or without a UTF-8 byte order mark. Every session is checked
// (limits.go) as it is read, inside one transaction: a file with any error
// changes nothing, and the error, an *ImportError, names the first bad
// session by its index and field, and where it is. The ids in the file
// are kept where they are free. A session exported while running is
// imported as interrupted. The file is read as a stream: memory stays flat
// however long it is (one session may be at most MaxSessionBytes).
func (s *Store) ImportJSON(r io.Reader, name string) (Imported, error) {
	if err := s.writable(); err != nil {
		return Imported{}, err
	}
	var res Imported
	ctx := context.Background()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res = Imported{}
		ins, err := s.newInserter(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		return decodeHistory(r, name, func(it item) error {
			if it.episode != nil {
				added, err := addEpisode(ctx, tx, *it.episode)
				if added {
					res.Episodes++
				} else if err == nil {
					res.EpisodesSkipped++
				}
				return err
			}
			added, differs, err := ins.add(ctx, it.session, it.levels)
			switch {
			case err != nil:
			case added:
				res.Added++
			default:
				res.Skipped++
				if differs {
					res.Differ++
				}
			}
			return err
		})
	})
	if err != nil {
		var ie *ImportError
		if errors.As(err, &ie) {
			return Imported{}, err
		}
		return Imported{}, fault("import into", s.path, err)
	}
	return res, nil
}

// inserter adds imported sessions with statements prepared once.
type inserter struct {
	s             *Store
	tx            *sql.Tx
	exists, store *sql.Stmt
	fill, dir     *sql.Stmt
	ex            map[int]*sql.Stmt // one multi-row insert per number of exercises
}

func (s *Store) newInserter(ctx context.Context, tx *sql.Tx) (*inserter, error) {
	in := &inserter{s: s, tx: tx, ex: map[int]*sql.Stmt{}}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	in.exists = prep(`SELECT coalesce((SELECT id FROM sessions WHERE started_ns = ? AND kind = ? ORDER BY id LIMIT 1), 0)`)
	// The file's id where it is free, else the next one.
	in.store = prep(`INSERT INTO sessions (id, kind, started_at, started_ns, day, ended_at,
		status, pain_before, pain_after, breaths, pattern, safety_opened_at, stop_pos, stop_rep, never_on) VALUES (CASE WHEN ?1 > 0 AND NOT EXISTS
		(SELECT 1 FROM sessions WHERE id = ?1) THEN ?1 END, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)`)
	// A session already there keeps what it recorded, and gains what it
	// lacks: the pattern of a breathing run, the opening of the safety
	// page after a stop for pain, and where that stop came when its own
	// exercise there plans that rep (as the history's own CHECKs allow).
	in.fill = prep(`UPDATE sessions SET
		pattern = coalesce(pattern, CASE WHEN kind = 'breathe' THEN ?2 END),
		safety_opened_at = coalesce(safety_opened_at, CASE WHEN status = 'pain' THEN ?3 END),
		stop_pos = CASE WHEN ` + stopFits + ` THEN ?4 ELSE stop_pos END,
		stop_rep = CASE WHEN ` + stopFits + ` THEN ?5 ELSE stop_rep END
		WHERE id = ?1 AND ((pattern IS NULL AND ?2 IS NOT NULL) OR (safety_opened_at IS NULL AND ?3 IS NOT NULL)
			OR (stop_pos IS NULL AND ?4 IS NOT NULL))`)
	// ... and the direction of an exercise it lacks (imported from a
	// version 3 file), where the row is that routine without a side.
	in.dir = prep(`UPDATE exercises SET direction = ?4
		WHERE session_id = ?1 AND pos = ?2 AND routine = ?3 AND side = '' AND direction = ''`)
	if err != nil {
		in.close()
		return nil, err
	}
	return in, nil
}

func (in *inserter) close() {
	for _, st := range []*sql.Stmt{in.exists, in.store, in.fill, in.dir} {
		if st != nil {
			st.Close()
		}
	}
	for _, st := range in.ex {
		st.Close()
	}
}

// stopFits says, in the import's fill (over a session row, with ?1 its
// id, ?4 and ?5 the place), that the row has no stop place and takes this
// one: stopped for pain, with an exercise at ?4 that plans rep ?5. (In an
// UPDATE every SET reads the row as it was, so both columns ask alike.)
const stopFits = `stop_pos IS NULL AND ?4 IS NOT NULL AND status = 'pain' AND kind = 'session'
	AND EXISTS (SELECT 1 FROM exercises e WHERE e.session_id = ?1 AND e.pos = ?4 AND e.reps_planned >= ?5)`

// add inserts x with its levels unless a session with its start instant
// and kind is already there (added false, err nil): that one gets the
// levels, the pattern, the opening of the safety page and the directions
// it lacks, and keeps those it has; differs says whether it records
// anything otherwise than the file (what it keeps).
func (in *inserter) add(ctx context.Context, x *record.Session, levels map[string]int) (added, differs bool, err error) {
	var id int64
	if err := in.exists.QueryRowContext(ctx, x.StartedAt.UnixNano(), x.Kind).Scan(&id); err != nil {
		return false, false, err
	}
	if id != 0 {
		if differs, err = in.differs(ctx, id, x, levels); err != nil {
			return false, false, err
		}
		if x.Pattern != "" || x.SafetyOpenedAt != nil || x.StopPos != nil {
			if _, err := in.fill.ExecContext(ctx, id, optText(x.Pattern), optTime(x.SafetyOpenedAt), x.StopPos, x.StopRep); err != nil {
				return false, false, err
			}
		}
		for i, e := range x.Exercises {
			if e.Direction == "" || e.Side != "" {
				continue
			}
			if _, err := in.dir.ExecContext(ctx, id, i, e.Routine, e.Direction); err != nil {
				return false, false, err
			}
		}
		return false, differs, addLevels(ctx, in.tx, id, levels, "OR IGNORE")
	}
	added, err = in.insert(ctx, x, levels)
	return added, false, err
}

// insert adds x, not in the history, with its levels.
func (in *inserter) insert(ctx context.Context, x *record.Session, levels map[string]int) (bool, error) {
	var ended any
	if x.EndedAt != nil {
		ended = timeText(*x.EndedAt)
	}
	res, err := in.store.ExecContext(ctx, x.ID, x.Kind, timeText(x.StartedAt), x.StartedAt.UnixNano(), record.DayOf(x.StartedAt),
		ended, x.Status, x.PainBefore, x.PainAfter, x.Breaths, optText(x.Pattern), optTime(x.SafetyOpenedAt),
		x.StopPos, x.StopRep, x.NeverOn)
	if err != nil {
		return false, err
	}
	newID, err := res.LastInsertId()
	if err == nil {
		err = addLevels(ctx, in.tx, newID, levels, "")
	}
	if err != nil || len(x.Exercises) == 0 {
		return err == nil, err
	}
	st := in.ex[len(x.Exercises)]
	if st == nil {
		q := "INSERT INTO exercises (session_id, pos, routine, side, direction, reps_done, reps_planned) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?),", len(x.Exercises)), ",")
		if st, err = in.tx.PrepareContext(ctx, q); err != nil {
			return false, err
		}
		in.ex[len(x.Exercises)] = st
	}
	args := make([]any, 0, 7*len(x.Exercises))
	for i, e := range x.Exercises {
		args = append(args, newID, i, e.Routine, e.Side, e.Direction, e.RepsDone, e.RepsPlanned)
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		return false, err
	}
	return true, nil
}

// differs reports whether session id, already in the history, records
// anything otherwise than x and its levels from an import file: how it
// ended, the check-ins, the breaths, whether an ice or heat run's pack
// never went on, the exercises (a direction only when
// both give one), and the pattern, the opening of the safety page, the
// stop place and the levels where both have them (one the history lacks
// is filled in, not a difference). A run still being recorded by a live
// process is not compared on how it ended.
func (in *inserter) differs(ctx context.Context, id int64, x *record.Session, levels map[string]int) (bool, error) {
	var have *record.Session
	var haveLevels []level
	err := scanSessionsOn(ctx, in.tx, `SELECT `+sessionCols+levelCols+` FROM sessions s WHERE s.id = ?`, []any{id},
		func(h *record.Session, lv string) error {
			var err error
			have = h
			haveLevels, err = splitLevels(nil, lv)
			return err
		})
	if err != nil || have == nil {
		return false, err
	}
	return sessionDiffers(have, haveLevels, x, levels), nil
}

// sessionDiffers is differs' comparison, of have (the history's) and x.
func sessionDiffers(have *record.Session, haveLevels []level, x *record.Session, levels map[string]int) bool {
	sameTime := func(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }
	sameInt := func(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	bothDiffer := func(a, b *time.Time) bool { return a != nil && b != nil && !a.Equal(*b) }
	if have.Status != record.Running && (have.Status != x.Status || !sameTime(have.EndedAt, x.EndedAt)) {
		return true
	}
	if !sameInt(have.PainBefore, x.PainBefore) || !sameInt(have.PainAfter, x.PainAfter) || have.Breaths != x.Breaths ||
		have.NeverOn != x.NeverOn || len(have.Exercises) != len(x.Exercises) {
		return true
	}
	for i, e := range have.Exercises {
		f := x.Exercises[i]
		if e.Routine != f.Routine || e.Side != f.Side || e.RepsDone != f.RepsDone || e.RepsPlanned != f.RepsPlanned ||
			(e.Direction != "" && f.Direction != "" && e.Direction != f.Direction) {
			return true
		}
	}
	if (have.Pattern != "" && x.Pattern != "" && have.Pattern != x.Pattern) || bothDiffer(have.SafetyOpenedAt, x.SafetyOpenedAt) ||
		(have.StopPos != nil && x.StopPos != nil && (*have.StopPos != *x.StopPos || *have.StopRep != *x.StopRep)) {
		return true
	}
	for _, l := range haveLevels {
		if v, ok := levels[l.Routine]; ok && v != l.Level {
			return true
		}
	}
	return false
}

// addLevels inserts levels (routine -> level) for session id in tx; or is
// "" or "OR IGNORE" (keep a level already there).
func addLevels(ctx context.Context, tx *sql.Tx, id int64, levels map[string]int, or string) error {
	for _, l := range sortedLevels(levels) {
		if _, err := tx.ExecContext(ctx, `INSERT `+or+` INTO levels (session_id, routine, level) VALUES (?, ?, ?)`,
			id, l.Routine, l.Level); err != nil {
			return err
		}
	}
	return nil
}

// addEpisode inserts e in tx unless an episode with the same beginning,
// said at the same instant, is already there (false, nil).
func addEpisode(ctx context.Context, tx *sql.Tx, e episodeRow) (bool, error) {
	var exists bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM episodes WHERE began_ns = ? AND recorded_ns = ?)`,
		e.Began.UnixNano(), e.Recorded.UnixNano()).Scan(&exists)
	if err != nil || exists {
		return false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO episodes (began_at, began_ns, day_only, or_earlier, recorded_at, recorded_ns)
		VALUES (?, ?, ?, ?, ?, ?)`, timeText(e.Began), e.Began.UnixNano(), e.Day, e.OrEarlier, timeText(e.Recorded), e.Recorded.UnixNano())
	return err == nil, err
}

// decodeHistory reads an import file from r one item at a time, checks
// each, and hands it to f. It reads the export document (ExportFormat), a
// bare JSON array of sessions (version 1), or sessions one after another
// (JSON lines). The first problem stops it with an *ImportError.
func decodeHistory(r io.Reader, name string, f func(item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	tr := &tracker{r: br}
	fail := func(off int64, elem int, err error) error {
		line, col := tr.position(off)
		return &ImportError{File: name, Line: line, Column: col, Element: elem, Err: err}
	}
	d := &decoder{tr: tr, dec: json.NewDecoder(tr), fail: fail, f: f}
	first, err := tr.peekNonSpace(br)
	switch {
	case err == io.EOF:
		return fail(0, 0, errors.New("the file is empty; expected what `unknot history --json` prints"))
	case err != nil:
		return fail(0, 0, fmt.Errorf("cannot be read: %w", unwrapPath(err)))
	case first == '{' && isDocument(br):
		return d.document()
	case first != '[' && first != '{':
		return fail(tr.skipSpace(0), 0, errors.New("expected a JSON object or array, as `unknot history --json` prints"))
	}
	if first == '{' {
		return d.lines()
	}
	if _, err := d.dec.Token(); err != nil {
		return fail(0, 0, err)
	}
	if err := d.array("session"); err != nil {
		return err
	}
	return d.end()
}

// isDocument reports whether the object br starts with is the export
// document: its first key is "format".
func isDocument(br *bufio.Reader) bool {
	b, _ := br.Peek(4 << 10)
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(b[1:], " \t\r\n"), []byte(`"format"`))
}

// decoder walks one import file.
type decoder struct {
	tr   *tracker
	dec  *json.Decoder
	fail func(int64, int, error) error
	f    func(item) error
}

// failing is d.fail for elements of kind what ("session", "episode").
func (d *decoder) failing(what string) func(int64, int, error) error {
	if what == "session" {
		return d.fail
	}
	return func(off int64, elem int, err error) error {
		e := d.fail(off, elem, err)
		e.(*ImportError).What = what
		return e
	}
}

// lines reads sessions one after another until the file ends.
func (d *decoder) lines() error {
	for elem := 1; ; elem++ {
		start := d.tr.skipSpace(d.dec.InputOffset())
		var raw json.RawMessage
		if err := d.dec.Decode(&raw); err != nil {
			if err == io.EOF {
				return nil
			}
			return syntaxFail(d.fail, d.tr, err, elem, start)
		}
		if err := d.one("session", raw, start, elem); err != nil {
			return err
		}
	}
}

// array reads the elements of the array just opened, each a what
// ("session" or "episode"), and its closing bracket.
func (d *decoder) array(what string) error {
	fail := d.failing(what)
	for elem := 1; d.dec.More(); elem++ {
		start := d.tr.skipSpace(d.dec.InputOffset())
		var raw json.RawMessage
		if err := d.dec.Decode(&raw); err != nil {
			return syntaxFail(fail, d.tr, err, elem, start)
		}
		if err := d.one(what, raw, start, elem); err != nil {
			return err
		}
	}
	if _, err := d.dec.Token(); err != nil { // the closing ]
		return syntaxFail(d.fail, d.tr, err, 0, d.dec.InputOffset())
	}
	return nil
}

// one checks and hands on one element, raw, that starts at offset start.
func (d *decoder) one(what string, raw json.RawMessage, start int64, elem int) error {
	fail := d.failing(what)
	if err := d.tr.err; err != nil {
		return fail(start, elem, err)
	}
	var it item
	var err error
	if what == "episode" {
		it.episode, err = readEpisode(raw, start, elem, fail)
	} else {
		it.session, it.levels, err = readSession(raw, start, elem, fail)
	}
	if err != nil {
		return err
	}
	if err := d.f(it); err != nil {
		return err
	}
	d.tr.forget(d.dec.InputOffset())
	return nil
}

// end checks that nothing follows the value read.
func (d *decoder) end() error {
	if _, err := d.dec.Token(); err != io.EOF {
		return d.fail(d.tr.skipSpace(d.dec.InputOffset()), 0, errors.New("unexpected text after the history"))
	}
	return nil
}

// document reads the export document: "format" first, then "version",
// then "sessions" and "episodes" in either order.
func (d *decoder) document() error {
	if _, err := d.dec.Token(); err != nil { // {
		return d.fail(0, 0, err)
	}
	version := int64(0)
	for d.dec.More() {
		at := d.tr.skipSpace(d.dec.InputOffset())
		tok, err := d.dec.Token()
		if err != nil {
			return syntaxFail(d.fail, d.tr, err, 0, at)
		}
		key, _ := tok.(string)
		if key != "format" && key != "version" && version == 0 {
			return d.fail(at, 0, fmt.Errorf(`%q comes before "version"; the file should begin {"format": %q, "version": %d`, key, ExportFormat, ExportVersion))
		}
		vat := d.tr.skipColon(d.dec.InputOffset())
		switch key {
		case "format":
			var v string
			if err := d.dec.Decode(&v); err != nil || v != ExportFormat {
				return d.fail(vat, 0, fmt.Errorf(`"format" should be %q, as `+"`unknot history --json`"+` prints`, ExportFormat))
			}
		case "version":
			if err := d.dec.Decode(&version); err != nil || version < 2 {
				return d.fail(vat, 0, fmt.Errorf(`"version" should be a whole number from 2 to %d`, ExportVersion))
			}
			if version > ExportVersion {
				return d.fail(vat, 0, fmt.Errorf(`"version" is %d: written by a newer unknot (this one reads up to %d); import it with that one, or update unknot`, version, ExportVersion))
			}
		case "sessions", "episodes":
			if tok, err := d.dec.Token(); err != nil || tok != json.Delim('[') {
				return d.fail(vat, 0, fmt.Errorf(`%q should be a JSON array`, key))
			}
			if err := d.array(strings.TrimSuffix(key, "s")); err != nil {
				return err
			}
		default:
			return d.fail(at, 0, fmt.Errorf(`unknown key %q; the history holds "format", "version", "sessions" and "episodes"`, key))
		}
		d.tr.forget(d.dec.InputOffset())
	}
	if version == 0 {
		return d.fail(d.tr.skipSpace(d.dec.InputOffset()), 0, errors.New(`"version" is missing`))
	}
	if _, err := d.dec.Token(); err != nil { // }
		return syntaxFail(d.fail, d.tr, err, 0, d.dec.InputOffset())
	}
	return d.end()
}

// readSession decodes and checks one session, raw, that starts at offset
// start of the file, with its levels.
func readSession(raw json.RawMessage, start int64, elem int, fail func(int64, int, error) error) (*record.Session, map[string]int, error) {
	if raw[0] != '{' {
		return nil, nil, fail(start, elem, fmt.Errorf("should be a JSON object {\"kind\": ..., \"started_at\": ...}, not %s", jsonKind(raw[0])))
	}
	var x importSession
	if err := strictDecode(raw, &x); err != nil {
		return nil, nil, decodeFail(fail, err, start, elem)
	}
	sess, err := x.session()
	if err != nil {
		return nil, nil, fail(start, elem, err)
	}
	levels, err := x.levels(sess.Kind)
	if err != nil {
		return nil, nil, fail(start, elem, err)
	}
	return &sess, levels, nil
}

// strictDecode decodes raw into v, refusing keys v does not have.
func strictDecode(raw json.RawMessage, v any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// decodeFail says where and why an element could not be decoded.
func decodeFail(fail func(int64, int, error) error, err error, start int64, elem int) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fail(start+te.Offset-1, elem, fmt.Errorf("%s should be %s, not a JSON %s", fieldName(te.Field), typeName(te.Type.String()), te.Value))
	}
	return fail(start, elem, errors.New(trimJSON(err.Error())))
}

// readEpisode decodes and checks one episode of spasm.
func readEpisode(raw json.RawMessage, start int64, elem int, fail func(int64, int, error) error) (*episodeRow, error) {
	if raw[0] != '{' {
		return nil, fail(start, elem, fmt.Errorf("should be a JSON object {\"began_at\": ..., \"recorded_at\": ...}, not %s", jsonKind(raw[0])))
	}
	var x importEpisode
	if err := strictDecode(raw, &x); err != nil {
		return nil, decodeFail(fail, err, start, elem)
	}
	var e episodeRow
	var err error
	switch {
	case x.BeganAt == nil:
		err = errors.New(`"began_at" is missing`)
	case x.RecordedAt == nil:
		err = errors.New(`"recorded_at" is missing`)
	}
	if err == nil {
		e.Began, err = parseTime(`"began_at"`, *x.BeganAt)
	}
	if err == nil {
		e.Recorded, err = parseTime(`"recorded_at"`, *x.RecordedAt)
	}
	if err == nil {
		err = notFuture(`"began_at"`, e.Began, "a spasm can only be recorded once it has begun")
	}
	if err == nil {
		err = notFuture(`"recorded_at"`, e.Recorded, "a spasm's start is recorded when it is said")
	}
	if err != nil {
		return nil, fail(start, elem, err)
	}
	e.Day = x.DayOnly != nil && *x.DayOnly
	e.OrEarlier = x.OrEarlier != nil && *x.OrEarlier
	return &e, nil
}

// levels checks the session's levels (kind k): routine names as an
// exercise's, levels within MaxLevelSteps either way.
func (x importSession) levels(k Kind) (map[string]int, error) {
	if len(x.Levels) == 0 {
		return nil, nil
	}
	if k != KindSession {
		return nil, fmt.Errorf(`"levels" are listed for a run of kind %q; only stretch sessions ("kind": "session") have them`, k)
	}
	if len(x.Levels) > MaxExercises {
		return nil, fmt.Errorf(`"levels" lists %d; at most %d are allowed`, len(x.Levels), MaxExercises)
	}
	out := make(map[string]int, len(x.Levels))
	for _, r := range slices.Sorted(maps.Keys(x.Levels)) {
		l := x.Levels[r]
		if err := checkName(r); err != nil {
			return nil, fmt.Errorf(`"levels": %v`, err)
		}
		if l < -MaxLevelSteps || l > MaxLevelSteps {
			return nil, fmt.Errorf(`"levels": %q is at level %d; no routine goes more than %d steps from its file either way, so it must be from %d to %d`,
				r, l, MaxLevelSteps, -MaxLevelSteps, MaxLevelSteps)
		}
		out[r] = int(l)
	}
	return out, nil
}

func syntaxFail(fail func(int64, int, error) error, tr *tracker, err error, elem int, start int64) error {
	var se *json.SyntaxError
	switch {
	case tr.err != nil:
		return fail(start, elem, tr.err)
	case errors.As(err, &se):
		// The decoder's offsets are not always counted from where one
		// would think: scan the value again, from its start, to point at
		// the very character.
		off := se.Offset
		if i := tr.index(start); int64(i) == start-tr.base && i < len(tr.buf) {
			var again *json.SyntaxError
			if errors.As(json.Unmarshal(tr.buf[i:], new(any)), &again) {
				off, se = start+again.Offset-1, again
			}
		}
		return fail(off, elem, errors.New(se.Error()))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fail(tr.end(), elem, errors.New("the file ends too soon: is it whole?"))
	}
	return fail(start, elem, errors.New(trimJSON(err.Error())))
}

// session turns what was read into a Session and checks it.
func (x importSession) session() (record.Session, error) {
	var s record.Session
	switch {
	case x.Kind == nil:
		return s, errors.New(`"kind" is missing`)
	case x.StartedAt == nil:
		return s, errors.New(`"started_at" is missing`)
	case x.Status == nil:
		return s, errors.New(`"status" is missing`)
	}
	s.Kind, s.Status = *x.Kind, *x.Status
	if s.Status == record.Running {
		s.Status = Interrupted // its process is not this one
	}
	var err error
	if s.StartedAt, err = parseTime(`"started_at"`, *x.StartedAt); err != nil {
		return s, err
	}
	if x.EndedAt != nil {
		t, err := parseTime(`"ended_at"`, *x.EndedAt)
		if err != nil {
			return s, err
		}
		s.EndedAt = &t
	}
	s.NeverOn = x.NeverOn != nil && *x.NeverOn
	if x.SafetyAt != nil {
		t, err := parseTime(`"safety_opened_at"`, *x.SafetyAt)
		if err != nil {
			return s, err
		}
		s.SafetyOpenedAt = &t
	}
	if x.Pattern != nil {
		// Written as unknot writes it: "5-1-3.0" is 5-1-3.
		p, err := routines.ParsePattern(*x.Pattern)
		if err != nil {
			return s, fmt.Errorf(`"pattern": %v`, err)
		}
		s.Pattern = p.String()
	}
	var bad error
	small := func(what string, v *int64, lo, hi int64) int {
		if v == nil || bad != nil {
			return 0
		}
		if *v < lo || *v > hi {
			bad = fmt.Errorf("%s is %d; it must be from %d to %d", what, *v, lo, hi)
			return 0
		}
		return int(*v)
	}
	opt := func(what string, v *int64) *int {
		if v == nil {
			return nil
		}
		n := small(what, v, 0, 10)
		return &n
	}
	if x.ID != nil {
		s.ID = int64(small(`"id"`, x.ID, 0, 1<<53))
	}
	s.PainBefore = opt(`"pain_before"`, x.PainBefore)
	s.PainAfter = opt(`"pain_after"`, x.PainAfter)
	s.Breaths = small(`"breaths"`, x.Breaths, 0, MaxBreaths)
	if x.StopPos != nil {
		n := small(`"stop_pos"`, x.StopPos, 0, MaxExercises-1)
		s.StopPos = &n
	}
	if x.StopRep != nil {
		n := small(`"stop_rep"`, x.StopRep, 1, MaxReps)
		s.StopRep = &n
	}
	if bad != nil {
		return s, bad
	}
	if len(x.Exercises) > MaxExercises {
		return s, fmt.Errorf(`"exercises" lists %d; at most %d are allowed`, len(x.Exercises), MaxExercises)
	}
	for i, e := range x.Exercises {
		if e.Routine == nil {
			return s, fmt.Errorf(`exercise %d: "routine" is missing`, i+1)
		}
		ex := Exercise{Routine: *e.Routine}
		if e.Side != nil {
			ex.Side = *e.Side
		}
		if e.Direction != nil {
			ex.Direction = *e.Direction
		}
		ex.RepsPlanned = small(fmt.Sprintf(`exercise %d: "reps_planned"`, i+1), e.RepsPlanned, 0, MaxReps)
		ex.RepsDone = small(fmt.Sprintf(`exercise %d: "reps_done"`, i+1), e.RepsDone, 0, MaxReps)
		if bad != nil {
			return s, bad
		}
		s.Exercises = append(s.Exercises, ex)
	}
	if err := checkSession(&s); err != nil {
		return s, err
	}
	return s, checkPlausible(s)
}

// checkPlausible refuses what no run could have been, beyond the bounds
// recording holds to: a run that begins in the future, more breaths than
// one a second (the quickest pace) or more reps than one a second (the
// shortest hold) fit between its start and end, a check-in on ice or heat. (A long run is not refused: breathing
// with no set end may be left running, and its export must go back in.)
func checkPlausible(s record.Session) error {
	// Nor a run that has not happened yet.
	if err := notFuture(`"started_at"`, s.StartedAt, "a run can only be recorded once it has begun"); err != nil {
		return err
	}
	if at := s.SafetyOpenedAt; at != nil {
		if err := notFuture(`"safety_opened_at"`, *at, "the safety page can only be recorded once it was opened"); err != nil {
			return err
		}
	}
	if (s.Kind == KindIce || s.Kind == KindHeat) && (s.PainBefore != nil || s.PainAfter != nil) {
		// unknot asks no check-in around ice or heat: one here would count
		// among the sessions with both, in what seems to help.
		return fmt.Errorf(`%s has a pain check-in; unknot records none for ice or heat: make "pain_before" and "pain_after" null`, s.Kind)
	}
	if s.EndedAt == nil {
		return nil
	}
	d := s.EndedAt.Sub(s.StartedAt)
	if most := int(d/time.Second) + 1; s.Breaths > most {
		return fmt.Errorf(`"breaths" is %d in %v; at the quickest pace, one a second, at most %d fit`, s.Breaths, d.Round(time.Second), most)
	}
	// Nor more reps than fit: the shortest hold or move a routine may have
	// is a second.
	if most, reps := int(d/time.Second)+1, s.Reps(); reps > most {
		return fmt.Errorf(`the exercises' "reps_done" add up to %d in %v; a rep takes a second at the least, so at most %d fit`, reps, d.Round(time.Second), most)
	}
	return nil
}

// futureSlack is how far past now an instant of an import may be: a day,
// for a clock set wrong on the machine that made the export.
const futureSlack = 24 * time.Hour

// notFuture refuses instant t (the field what) past now and futureSlack,
// saying why it cannot be.
func notFuture(what string, t time.Time, why string) error {
	if t.After(time.Now().Add(futureSlack)) {
		return fmt.Errorf(`%s is %s, in the future; %s`, what, t.Format(time.RFC3339), why)
	}
	return nil
}

// parseTime reads an RFC 3339 instant, keeping its offset.
func parseTime(what, text string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		return t, fmt.Errorf(`%s is %q, not an RFC 3339 time like 2025-03-01T08:30:00+01:00`, what, text)
	}
	return t, checkTime(what, t)
}

// tracker reads for the JSON decoder and keeps the bytes it has handed
// out since the last session, to say where a problem is (line, column)
// without keeping the file. It refuses to hold more than one session's
// worth: a file with one enormous value is refused, not read into memory.
type tracker struct {
	r         *bufio.Reader
	base      int64  // offset of buf[0]
	buf       []byte // bytes from base to the end of what was read
	start     int    // buf[:start] is forgotten
	line, col int    // position of buf[start] (0-based line, column in runes)
	err       error  // a session over MaxSessionBytes
}

func (t *tracker) Read(p []byte) (int, error) {
	if len(t.buf)-t.start > MaxSessionBytes+128<<10 {
		t.err = fmt.Errorf("is over %d KiB; a session of `unknot history --json` is far smaller", MaxSessionBytes>>10)
		return 0, t.err
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	return n, err
}

// peekNonSpace is the first byte that is not blank, without consuming it.
func (t *tracker) peekNonSpace(br *bufio.Reader) (byte, error) {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if len(b) < i {
			if err == nil || errors.Is(err, bufio.ErrBufferFull) {
				err = errors.New("it starts with over 64 KiB of blank space")
			}
			return 0, err
		}
		switch c := b[i-1]; c {
		case ' ', '\t', '\r', '\n':
		default:
			return c, nil
		}
	}
}

// forget drops what comes before offset off: it will never be pointed at.
// The bytes are moved down only once the forgotten part is large, so that
// forgetting is linear in the file, not in the file times the read-ahead.
func (t *tracker) forget(off int64) {
	n := int(min(max(off-t.base, int64(t.start)), int64(len(t.buf))))
	t.line, t.col = lineCol(t.buf[t.start:n], t.line, t.col)
	t.start = n
	if t.start >= 64<<10 && t.start >= len(t.buf)/2 {
		t.buf = append(t.buf[:0], t.buf[t.start:]...)
		t.base += int64(t.start)
		t.start = 0
	}
}

// lineCol moves a 0-based line and column over b.
func lineCol(b []byte, line, col int) (int, int) {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return line + bytes.Count(b, []byte("\n")), utf8.RuneCount(b[i+1:])
	}
	return line, col + utf8.RuneCount(b)
}

// index is where offset off sits in buf, within what is remembered.
func (t *tracker) index(off int64) int {
	return int(min(max(off-t.base, int64(t.start)), int64(len(t.buf))))
}

// position is the 1-based line and column of offset off.
func (t *tracker) position(off int64) (int, int) {
	line, col := lineCol(t.buf[t.start:t.index(off)], t.line, t.col)
	return line + 1, col + 1
}

// skipSpace moves off past blanks and the comma between array elements.
func (t *tracker) skipSpace(off int64) int64 {
	for i := t.index(off); i < len(t.buf); i++ {
		switch t.buf[i] {
		case ' ', '\t', '\r', '\n', ',':
		default:
			return t.base + int64(i)
		}
	}
	return t.base + int64(len(t.buf))
}

// skipColon moves off past blanks and the colon after an object's key.
func (t *tracker) skipColon(off int64) int64 {
	off = t.skipSpace(off)
	if i := t.index(off); i < len(t.buf) && t.buf[i] == ':' {
		return t.skipSpace(off + 1)
	}
	return off
}

func (t *tracker) end() int64 { return t.base + int64(len(t.buf)) }

func jsonKind(c byte) string {
	switch {
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "true or false"
	case c == 'n':
		return "null"
	}
	return "a number"
}

func typeName(t string) string {
	switch t {
	case "int64", "int", "*int64":
		return "a whole number"
	case "string", "*string", "history.Kind", "routines.Kind", "routines.Outcome", "history.Status":
		return "a string"
	case "[]history.importExercise":
		return "an array of exercises"
	case "history.importExercise":
		return "an exercise {\"routine\": ..., \"side\": ..., \"reps_done\": ..., \"reps_planned\": ...}"
	}
	return t
}

func fieldName(f string) string {
	if f == "" {
		return "the session"
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

// unwrapPath drops the path from an *fs.PathError: the message names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
