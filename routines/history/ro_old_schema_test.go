package history

import (
	"path/filepath"
	"strings"
	"testing"
)

// A history of schema version 5 that can only be read (a read-only
// folder: not migrated) is still read whole, its exercises without a
// direction, as before directions were recorded.
func TestReadOnlyHistoryOfVersion5IsRead(t *testing.T) {
	t.Parallel()
	s := readOnlyAtVersion(t, 5)
	all, err := s.Sessions(Filter{})
	if err != nil || len(all) != 2 || len(all[0].Exercises) != 3 || all[0].Exercises[1] != (Exercise{Routine: "shoulder-rolls", RepsDone: 10, RepsPlanned: 10}) {
		t.Fatalf("sessions %+v, %v; want 2, the first with 3 exercises", all, err)
	}
	if got := export(t, s, Filter{}); len(got) == 0 {
		t.Error("no export")
	}
	if _, err := s.Overview(at(zone(1), 2025, 1, 3, 8, 0)); err != nil {
		t.Errorf("overview: %v", err)
	}
}

// A history of schema version 6 that can only be read (not migrated) is
// still read whole, its ice and heat as they were counted before
// never_on was recorded: the pack on.
func TestReadOnlyHistoryOfVersion6IsRead(t *testing.T) {
	t.Parallel()
	s := readOnlyAtVersion(t, 6)
	all, err := s.Sessions(Filter{HideEmpty: true})
	if err != nil || len(all) != 3 || all[1].Kind != KindIce || all[1].NeverOn || all[0].Exercises[1].Direction != "forward" {
		t.Fatalf("sessions %+v, %v; want 3, the ice not marked never on, the direction kept", all, err)
	}
	if got := export(t, s, Filter{}); !strings.Contains(got, `"kind":"ice"`) || strings.Contains(got, "never_on") {
		t.Errorf("export:\n%s", got)
	}
	ov, err := s.Overview(at(zone(1), 2025, 1, 6, 8, 0))
	if err != nil || ov.Empty != 0 || ov.Totals.Heat != 1 || ov.Totals.Ice != 0 {
		t.Errorf("overview: %d empty, %d ice, %d heat, %v; want 0, 0 (6 s), 1", ov.Empty, ov.Totals.Ice, ov.Totals.Heat, err)
	}
}

// readOnlyAtVersion is a history made by the first v migrations with that
// version's fixture, opened read-only (so not migrated); closed with t.
func readOnlyAtVersion(t *testing.T, v int) *Store {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db := rawDB(t, path)
	if err := migrateWith(db, path, migrations[:v]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(migrationFixtures[v]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
