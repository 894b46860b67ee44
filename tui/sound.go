package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/routines/coach"
	"github.com/unknot/unknot/tui/sound"
	"github.com/unknot/unknot/tui/words"
)

// Sound is what the screens need of the cue player (tui/sound's Player):
// play a cue at an event's instant, silence it on pause, and change mode
// with the s key.
type Sound interface {
	words.Sounder
	SetMode(m sound.Mode)
	Mode() sound.Mode
	Using() string
}

// bellMsg asks the App to ring the terminal bell: the player's fallback,
// sent from its own goroutine. BEL goes out through the renderer (tea.Raw),
// never straight to a terminal Bubble Tea is drawing on.
type bellMsg struct{}

// noticeMsg is a line for the person, shown above the help line for a
// while: a player that failed (once), the sound mode just chosen.
type noticeMsg struct {
	text string
	for_ time.Duration
}

// noticeGoneMsg clears a notice, unless a newer one took its place.
type noticeGoneMsg struct{ gen int }

// NoticeFor is how long a notice from outside stays.
const NoticeFor = 8 * time.Second

// Ring rings the bell through the running program; the cue player calls
// it from its own goroutine when it falls back to the bell.
func (a *App) Ring() {
	if s := a.send.Load(); s != nil {
		(*s)(bellMsg{})
	}
}

// Notice shows text above the help line for a while; the cue player calls
// it from its own goroutine, once, when it can't play.
func (a *App) Notice(text string) {
	if s := a.send.Load(); s != nil {
		(*s)(noticeMsg{text, NoticeFor})
	}
}

// showNotice puts text above the help line for d.
func (a *App) showNotice(text string, d time.Duration) tea.Cmd {
	a.notice = text
	a.noticeGen++
	a.resize()
	gen := a.noticeGen
	return tea.Tick(d, func(time.Time) tea.Msg { return noticeGoneMsg{gen} })
}

// cueEvents plays the sound of each event, at the event's instant (the
// coach's timer woke the screen for it), or rings the bell for a phase
// change when there is no player. It returns the commands to run.
func cueEvents(s Sound, noBell bool, c *coach.Coach, evs []coach.Event) tea.Cmd {
	ring := false
	for _, e := range evs {
		h, ok := words.Cue(e, c)
		if !ok {
			continue
		}
		if s != nil {
			s.Play(h.Cue, h.Words)
			continue
		}
		ring = ring || e.Kind == coach.PhaseChanged || e.Kind == coach.Finished || e.Kind == coach.RepDone
	}
	if ring && !noBell {
		return tea.Raw("\a")
	}
	return nil
}

// nextSoundMode cycles the sound mode (the s key) and says which is on.
func nextSoundMode(s Sound) tea.Cmd {
	if s == nil {
		return func() tea.Msg { return noticeMsg{"sound: the bell (no player here)", 2 * time.Second} }
	}
	s.SetMode(s.Mode().Next())
	text := "sound: " + s.Using()
	return func() tea.Msg { return noticeMsg{text, 2 * time.Second} }
}
