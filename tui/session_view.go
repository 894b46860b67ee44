package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/unknot/unknot/routines"
	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/words"
)

// Keys are the present stage's.
func (m *Session) Keys() help.KeyMap {
	switch m.stage {
	case stageLimits:
		return keyMap{{Keys.Up, Keys.Down, Keys.Choose, Keys.Close, Keys.Safety}}
	case stageBefore:
		return keyMap{m.before.Keys()}
	case stageOffer:
		// The key of the offer under the cursor: + does nothing on a row
		// that offers a step back; once taken, the other key takes it
		// back.
		rows := m.offers()
		l := m.levels[rows[min(m.offerRow, len(rows)-1)]]
		var ks []key.Binding
		switch {
		case l.Offer.Step > 0 && l.Accepted:
			ks = []key.Binding{Keys.UndoUp}
		case l.Offer.Step > 0:
			ks = []key.Binding{Keys.StepUp}
		case l.Accepted:
			ks = []key.Binding{Keys.UndoDown}
		default:
			ks = []key.Binding{Keys.StepDown}
		}
		if len(rows) > 1 {
			ks = append(ks, Keys.Up, Keys.Down)
		}
		return keyMap{append(ks, Keys.Start, Keys.Close)}
	case stageRun:
		second := []key.Binding{Keys.Hurts, Keys.Stop, Keys.Sound}
		if m.ctx.Opt.Figures != nil {
			second = append(second, Keys.Figure)
		}
		return keyHelp{
			short: []key.Binding{PauseOrResume(m.coach.Paused()), Keys.Hurts, Keys.Stop},
			full:  [][]key.Binding{{PauseOrResume(m.coach.Paused()), Keys.Next, Keys.SkipRoutine, Keys.Back}, append(second, Keys.Safety)},
		}
	case stageEnd:
		if m.offersBreathing() {
			ks := []key.Binding{Keys.BreatheNow}
			switch {
			case m.asksAfter() && m.after.value >= 0:
				return keyMap{m.after.Keys()} // Enter confirms the score first
			case m.asksAfter():
				ks = append(ks, Keys.Score, Keys.Skip, Keys.Unasked, Keys.Safety)
			default:
				ks = append(ks, Keys.Close, Keys.Safety)
			}
			return keyMap{ks}
		}
		if m.asksAfter() {
			return keyMap{m.after.Keys()}
		}
		return keyMap{{Keys.Done, Keys.Safety}}
	}
	return keyMap{{Keys.Close}}
}

// View draws the screen at the clock's present instant.
func (m *Session) View() string { return m.Render(m.ctx.now()) }

// Render draws the screen as it is at instant now.
func (m *Session) Render(now time.Time) string {
	w, h := m.w, m.h
	if w < MinWidth || h < MinHeight-1 {
		return tooSmallView(w, h, MinWidth, MinHeight)
	}
	switch m.stage {
	case stageLoading:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, m.ctx.Styles.Subtle.Render("One moment…"))
	case stageLimits:
		return m.limitsView()
	case stageBefore:
		return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center,
			m.ctx.Styles.Subtle.Render("Before you start")+"\n\n"+m.before.View(m.ctx, w))
	case stageOffer:
		return m.offerView()
	case stageEnd:
		return m.summaryView()
	}
	return m.runView(now)
}

// runView is the running session: a header, the moment's body, the
// progress bar and the keys.
func (m *Session) runView(now time.Time) string {
	s := m.ctx.Styles
	l := m.layout()
	st := m.coach.At(now)
	title := ""
	if st.Routine != nil {
		title = st.Routine.Title
	}
	header := spreadLine(l.width, s.Title.Render(title), s.Subtle.Render(words.Clock(roundUpSecond(st.Left))+" left"))
	if note := m.notSaved(); note != "" && st.Index == 0 {
		// Said once, while the first routine gets ready; the summary says it again.
		header += "\n" + wrapText(s.Warn, l.width, note)
	}
	// The bar moves with the countdown's seconds (see lastTick).
	off := st.Offset - st.SegmentElapsed + lastTick(st.SegmentElapsed, st.Segment.Length)
	pct := fmt.Sprintf(" %3d%%", int(progressOf(off, st.Total)*100))
	progress := lipgloss.PlaceHorizontal(l.width, lipgloss.Center,
		progressBar(s, l.barWidth, barCells(off, st.Total, l.barWidth))+s.Subtle.Render(pct))
	footer := progress
	bodyH := l.height - lipgloss.Height(header) - lipgloss.Height(footer)
	body := m.withFigure(st, l, bodyH) // the moment, and its picture beside it (session_figure.go)
	return header + "\n" + body + "\n" + footer
}

// momentBody is the moment's parts stacked in w×h, its countdown on the
// row countdownRow keeps for it.
func (m *Session) momentBody(st coach.State, l sessionLayout, h int) string {
	parts, big := m.moment(st, l)
	row := 0
	if big >= 0 {
		row = countdownRow(h, BigRows) // the same row for "breath 2 of 5" as for digits
	}
	return stackAt(l.width, h, parts, big, row)
}

// moment is the body for the present segment, and which of its parts is
// the countdown (its row stays put: see countdownRow), or -1.
func (m *Session) moment(st coach.State, l sessionLayout) ([]part, int) {
	s := m.ctx.Styles
	seg := st.Segment
	big := part{s.Big.Render(BigDigits(fmt.Sprint(words.SecondsUp(st.SegmentLeft)))), 1}
	textW := min(l.width-4, 60)
	var word string
	var bs []part
	switch seg.Kind {
	case coach.Ready:
		word = "Get ready"
		if move := seg.Transition(); len(move) > 0 {
			// A change of position: slowly, rolling to the side first.
			bs = append(bs, part{wrapText(s.Warn, textW, strings.Join(move, "\n")), 2})
		}
		bs = append(bs, part{s.Text.Render(words.StartSide(seg)), 3})
		if st.Routine != nil {
			var steps []string
			for i, step := range seg.Words(*st.Routine) {
				steps = append(steps, fmt.Sprintf("%d. %s", i+1, step))
			}
			bs = append(bs, part{wrapText(s.Text, textW, strings.Join(steps, "\n")), 1})
		}
		if l.small { // the steps matter more than large digits here
			big = part{s.Big.Render(fmt.Sprintf("Starting in %d", words.SecondsUp(st.SegmentLeft))), 1}
		}
		bs = append(bs, big)
	case coach.Stretch, coach.Move:
		word = st.Phase.String()
		count := words.SideRep(seg)
		switch {
		case seg.Kind == coach.Move && st.Routine != nil:
			word, count = "Move", words.Capital(seg.RepText(*st.Routine))
		case st.Settling && st.Routine != nil && freeHold(*st.Routine):
			// A hold shorter than one breath is all settle: it is held,
			// breathing freely, and says so (it read "Settle in" to its end).
			word = "Hold, breathing freely"
		case st.Settling:
			word = "Settle in"
		}
		if r := st.Routine; r != nil && r.HoldBreaths > 0 && seg.Kind == coach.Stretch && st.Breathing {
			// A hold given in breaths counts breaths, not seconds.
			big = part{s.Big.Render(fmt.Sprintf("breath %d of %d", min(st.Breath, r.HoldBreaths), r.HoldBreaths)), 1}
		}
		bs = append(bs, part{s.Accent.Bold(true).Render(count), 0}, big)
		switch {
		case !st.Breathing:
		case m.ctx.Opt.ReducedMotion:
			bs = append(bs, part{s.Subtle.Render(phaseHint(st.Phase, st.PhaseLength)), 2})
		default:
			// It follows the breath (gaugeMoves).
			bs = append(bs, part{Gauge(s, l.gaugeWidth, Breath(st.Phase, st.PhaseElapsed, st.PhaseLength)), 2})
		}
		if r := st.Routine; r != nil {
			if cues := seg.Words(*r); len(cues) > 0 {
				cue := cues[cueIndex(st.SegmentElapsed, seg, len(cues))]
				bs = append(bs, part{wrapText(s.Text.Align(lipgloss.Center), textW, cue), 3})
			}
		}
	case coach.Rest:
		word = "Rest"
		bs = append(bs, big, part{s.Subtle.Render(words.NextSideRep(seg)), 2})
	case coach.Switch:
		word = "Switch sides"
		bs = append(bs, big, part{s.Accent.Bold(true).Render(words.NowSide(seg)), 0})
	}
	head := part{s.Phase.Render(word), 0}
	if st.Breathing && (seg.Kind == coach.Stretch) && !st.Settling {
		head = part{s.PhaseStyle(st.Phase).Render(word), 0}
	}
	if st.Paused {
		head = part{wrapText(s.Paused, textW, words.Paused(m.pace.slept)), 0}
	}
	// The moment's word leads, except in a hold, where side and rep lead.
	if seg.Kind == coach.Stretch || seg.Kind == coach.Move {
		return append(bs[:2:2], append([]part{head}, bs[2:]...)...), 1
	}
	bs = append([]part{head}, bs...)
	if seg.Kind == coach.Ready {
		return bs, -1 // its own layout: the steps lead, centred
	}
	return bs, 1
}

// phaseHint is the breathing phase in words, for --reduced-motion.
func phaseHint(p routines.Phase, d time.Duration) string {
	secs := words.SecondsUp(d)
	switch p {
	case routines.Inhale:
		return fmt.Sprintf("breathe in slowly, %d s", secs)
	case routines.Exhale:
		return fmt.Sprintf("breathe out slowly, %d s", secs)
	}
	return fmt.Sprintf("rest your breath, %d s", secs)
}

// roundUpSecond rounds d up to a whole second, as the countdowns show it.
func roundUpSecond(d time.Duration) time.Duration {
	return time.Duration(words.SecondsUp(d)) * time.Second
}

// freeHold reports whether r's holds are shorter than one breath of its
// pattern, so breathed freely (routines.Routine.PacingNote).
func freeHold(r routines.Routine) bool {
	_, breaths := r.Pacing()
	return !r.RepOnly() && breaths == 0
}
