package routines

import (
	"fmt"
	"time"
)

// HoldPacing arranges the breathing inside a hold so that the hold ends as
// an exhale ends and no phase is cut short. The rule:
//
//   - the hold keeps the length the routine gives it: the sources' holds are
//     upper bounds ("up to 10 s"), so it is never made longer;
//   - it ends with as many whole breaths of the pattern as fit, the last
//     one ending with its exhale (a four-part pattern's pause after the
//     exhale is left off the last breath: the rest that follows is that
//     pause);
//   - what is left over comes first, as a settle: easing into the stretch
//     and breathing freely, with no phase to follow;
//   - a hold shorter than one breath is all settle (nothing paced, so
//     nothing cut short); a hold in breaths is whole breaths, no settle.
//
// So 10 s at 5-1-3 (9 s a breath) is a 1 s settle and one breath; 45 s
// (hold_breaths = 5) is five breaths; 20 s at 4-4-4-4 is an 8 s settle and
// one breath to the end of its exhale (12 s); 10 s at 4-7-8 is all settle.
func HoldPacing(hold time.Duration, p Pattern) (settle time.Duration, breaths int) {
	cycle := p.Cycle()
	if cycle <= 0 || hold <= 0 {
		return max(hold, 0), 0
	}
	tail := p[HoldOut] // left off the last breath
	breaths = int((hold + tail) / cycle)
	if breaths == 0 {
		return hold, 0
	}
	return hold + tail - time.Duration(breaths)*cycle, breaths
}

// breathsLength is how long n whole breaths of p last when the last one
// ends with its exhale.
func breathsLength(n int, p Pattern) time.Duration {
	return time.Duration(n)*p.Cycle() - p[HoldOut]
}

// Pacing is how each of r's holds is breathed: a settle, then whole
// breaths of r.Pattern (HoldPacing). A rep-only routine has no hold: 0, 0.
func (r Routine) Pacing() (settle time.Duration, breaths int) {
	if r.RepOnly() {
		return 0, 0
	}
	return HoldPacing(r.HoldDuration(), r.Pattern)
}

// PacingNote says in one line how each rep of r is paced, for `routines
// show`: "each hold 10s: settle 1s, then 1 breath of 5-1-3, ending on the
// exhale", "each hold 5 breaths of 5-1-3 (45s)", "each roll 4s, breathing
// freely".
func (r Routine) PacingNote() string {
	if r.RepOnly() {
		return fmt.Sprintf("each %s %v, breathing freely", r.Rep(), r.RepTime)
	}
	settle, breaths := r.Pacing()
	hold := r.HoldDuration()
	switch {
	case breaths == 0:
		return fmt.Sprintf("each hold %v, breathing freely (shorter than one breath of %v)", hold, r.Pattern)
	case settle == 0:
		return fmt.Sprintf("each hold %s of %v (%v), ending on the exhale", plural(breaths, "breath"), r.Pattern, hold)
	}
	return fmt.Sprintf("each hold %v: settle %v, then %s of %v, ending on the exhale", hold, settle, plural(breaths, "breath"), r.Pattern)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
