package history

import (
	"strings"
	"testing"
)

// A session already in the history is never overwritten by an import;
// one the file records otherwise is counted as differing, one the file
// records alike (or only adds to) is not.
func TestImportCountsSessionsThatDiffer(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, old, new string
		differ         int
	}{
		{"the same", "", "", 0},
		{"pain after", `"pain_after":3,`, `"pain_after":9,`, 1},
		{"pain after given", `"pain_after":null,"breaths":0,"exercises":[{"routine":"seated-twist"`, `"pain_after":5,"breaths":0,"exercises":[{"routine":"seated-twist"`, 1},
		{"breaths", `"breaths":12`, `"breaths":13`, 1},
		{"status", `"status":"stopped"`, `"status":"completed"`, 1},
		{"reps", `"routine":"lying-twist","side":"left","reps_done":2`, `"routine":"lying-twist","side":"left","reps_done":3`, 1},
		{"an exercise more", `{"routine":"lying-twist","side":"left","reps_done":2,"reps_planned":3}`,
			`{"routine":"lying-twist","side":"left","reps_done":2,"reps_planned":3},{"routine":"lying-twist","side":"right","reps_done":0,"reps_planned":3}`, 1},
		{"end", `"ended_at":"2025-01-04T07:10:00+01:00"`, `"ended_at":"2025-01-04T07:11:00+01:00"`, 1},
		{"end, another offset", `"ended_at":"2025-01-04T07:10:00+01:00"`, `"ended_at":"2025-01-04T06:10:00Z"`, 0},
		{"a pattern the history lacks", `"breaths":12,"exercises":[]`, `"breaths":12,"exercises":[],"pattern":"5-1-3"`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			fixture(t, s)
			file := export(t, s, Filter{})
			changed := strings.Replace(file, tc.old, tc.new, 1)
			if tc.old != "" && changed == file {
				t.Fatalf("the export has no %s:\n%s", tc.old, file)
			}
			res, err := s.ImportJSON(strings.NewReader(changed), "x.json")
			if err != nil {
				t.Fatal(err)
			}
			if res != (Imported{Skipped: 5, Differ: tc.differ}) {
				t.Errorf("import: %+v, want 5 skipped, %d differing", res, tc.differ)
			}
			if tc.differ > 0 {
				if again := export(t, s, Filter{}); again != file {
					t.Errorf("the history changed:\n%s\nwant:\n%s", again, file)
				}
			}
		})
	}
}
