package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// CheckIn asks how the back feels, 0 (no pain) to 10 (the worst): digits or
// ←/→ choose, Enter confirms, Esc skips (not s: s is sound while pacing,
// and may be pressed as pacing ends). It is a small sub-model that
// the session and breathe screens show before or after pacing.
//
// A digit replaces the one before, so a mistake is put right by typing
// the number meant; "1" then "0" makes 10 only when the 0 comes within
// TenWithin of the 1 (typed as one number), read on the screen's clock.
type CheckIn struct {
	Question string
	value    int       // -1 until something is chosen
	oneAt    time.Time // when a lone "1" was typed (zero: the last key was not one)
	done     bool
	skipped  bool
}

// TenWithin is how soon after a "1" a "0" must come to make 10: two keys
// typed as one number. Later, the 0 is a new answer, 0.
const TenWithin = 1500 * time.Millisecond

// CheckInQuestion is what every check-in asks.
const CheckInQuestion = "How is your back right now?"

// NewCheckIn starts a check-in with nothing chosen.
func NewCheckIn() CheckIn { return CheckIn{Question: CheckInQuestion, value: -1} }

// Done reports whether the person confirmed or skipped.
func (c CheckIn) Done() bool { return c.done }

// Result is the chosen score, and false when the check-in was skipped or is
// not done.
func (c CheckIn) Result() (int, bool) {
	if !c.done || c.skipped {
		return 0, false
	}
	return c.value, true
}

// Chosen reports whether a score is chosen and waits for Enter to keep it.
func (c CheckIn) Chosen() bool { return !c.done && c.value >= 0 }

// Picked is the score chosen but not yet confirmed with Enter; false when
// none is (or the check-in is over). q on a check-in after a run keeps it:
// a score typed and shown ("Your answer: 7") is what the person said.
func (c CheckIn) Picked() (int, bool) { return c.value, c.Chosen() }

// Score is the chosen score as a pointer, nil when skipped: the shape the
// history stores.
func (c CheckIn) Score() *int {
	v, ok := c.Result()
	if !ok {
		return nil
	}
	return &v
}

// UpdateAt applies one key pressed at instant now (the screen's clock,
// monotonic: it times "1" then "0" as 10).
func (c CheckIn) UpdateAt(now time.Time, msg tea.KeyPressMsg) CheckIn {
	if c.done {
		return c
	}
	var oneAt time.Time
	switch {
	case key.Matches(msg, Keys.Digit):
		d := int(msg.String()[0] - '0')
		if d == 0 && !c.oneAt.IsZero() && now.Sub(c.oneAt) <= TenWithin {
			d = 10
		}
		c.value = d
		if d == 1 {
			oneAt = now
		}
	case key.Matches(msg, Keys.Less):
		if c.value < 0 {
			c.value = 5
		}
		c.value = max(c.value-1, 0)
	case key.Matches(msg, Keys.More):
		if c.value < 0 {
			c.value = 4
		}
		c.value = min(c.value+1, 10)
	case key.Matches(msg, Keys.OK):
		if c.value >= 0 {
			c.done = true
		}
	case key.Matches(msg, Keys.Skip):
		c.done, c.skipped = true, true
	}
	c.oneAt = oneAt
	return c
}

// View draws the question, the scale with the chosen number marked (in
// brackets as well as colour, so it reads without colour), and the keys.
func (c CheckIn) View(ctx *Context, width int) string { return c.view(ctx, width, false) }

// Compact is View in three lines, for a small window: the question, the
// scale with the choice marked, and what 0 and 10 mean.
func (c CheckIn) Compact(ctx *Context, width int) string { return c.view(ctx, width, true) }

func (c CheckIn) view(ctx *Context, width int, compact bool) string {
	s := ctx.Styles
	var scale []string
	for i := 0; i <= 10; i++ {
		n := fmt.Sprint(i)
		if i == c.value {
			scale = append(scale, s.Title.Render("["+n+"]"))
		} else {
			scale = append(scale, s.Subtle.Render(" "+n+" "))
		}
	}
	line := strings.Join(scale, "")
	if width < 36 { // a narrow window: the chosen number alone
		line = s.Subtle.Render("0 ... 10: ")
		if c.value >= 0 {
			line += s.Title.Render(fmt.Sprint(c.value))
		} else {
			line += s.Subtle.Render("?")
		}
	}
	if compact {
		return strings.Join([]string{s.Title.Render(c.Question), line, s.Subtle.Render("0 no pain · 10 the worst")}, "\n")
	}
	return strings.Join([]string{
		s.Title.Render(c.Question),
		"",
		line,
		s.Subtle.Render("0 no pain · 10 the worst"),
		c.answer(s),
	}, "\n")
}

// answer is the line that says the score chosen now, in words as well as
// marked on the scale: what Enter will keep.
func (c CheckIn) answer(s Styles) string {
	if c.value < 0 {
		return s.Subtle.Render("No answer yet.")
	}
	return s.Title.Render(fmt.Sprintf("Your answer: %d", c.value))
}

// Keys are the check-in's keys now, for the help line: Enter only once a
// score is chosen (before, it does nothing).
func (c CheckIn) Keys() []key.Binding {
	if c.value < 0 {
		return []key.Binding{Keys.Score, Keys.Skip, Keys.Unasked}
	}
	return []key.Binding{Keys.Score, Keys.OK, Keys.Skip, Keys.Unasked}
}
