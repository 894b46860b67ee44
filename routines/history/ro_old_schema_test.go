package history

import (
	"path/filepath"
	"testing"
)

// A history of schema version 5 that can only be read (a read-only
// folder: not migrated) is still read whole, its exercises without a
// direction, as before directions were recorded.
func TestReadOnlyHistoryOfVersion5IsRead(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db := rawDB(t, path)
	if err := migrateWith(db, path, migrations[:5]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(migrationFixtures[5]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
