package words

import (
	"fmt"

	"github.com/unknot/unknot/routines"
)

// GrowthNote says, for `routines check`, how a routine can grow, or that
// it can't: a file without max_reps (or max_hold_breaths) stays as
// written and is never offered a step more, which would otherwise go
// unsaid. "" when the routine can grow.
func GrowthNote(r routines.Routine) string {
	if _, hi := r.LevelRange(); hi > 0 {
		return ""
	}
	if r.HoldBreaths > 0 {
		return fmt.Sprintf("note: no max_reps or max_hold_breaths, so it stays at %s and is never offered a step more; add max_reps = N (up to %d) or max_hold_breaths = N (up to %d) to let it grow",
			r.Amount(), routines.MaxReps, routines.MaxHoldBreaths)
	}
	if r.MaxReps > 0 && r.MaxReps <= r.Reps {
		return fmt.Sprintf("note: max_reps is reps (%d), so it stays at %s and is never offered a step more", r.Reps, r.Amount())
	}
	return fmt.Sprintf("note: no max_reps, so it stays at %s and is never offered a step more; add max_reps = N (up to %d) to let it grow a rep at a time",
		r.Amount(), routines.MaxReps)
}
