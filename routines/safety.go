package routines

// What the coach says about safety, in one place so that every screen and
// `unknot safety` say the same thing. Sources: content.md, articles 000,
// 001, 002 and 004.

// StopRule is the one rule every stretch follows.
const StopRule = "Stop any stretch that hurts. Stretching should feel like a gentle pull, never pain. Never force a movement or twist suddenly."

// NotAdvice is said once, plainly.
const NotAdvice = "unknot is a coach, not a doctor: it does not diagnose or treat anything."

// RedFlags are the signs that mean: see a doctor rather than stretch.
var RedFlags = []string{
	"Pain that is severe, or that does not go away.",
	"Pain that keeps getting worse.",
	"Numbness or tingling, in the legs or anywhere else.",
	"Losing control of your bladder or bowels: get help the same day.",
	"Spasms that began after a fall, a car accident or another injury.",
	"Spasms that keep coming back, do not get better, or keep hitting the same place.",
	"Back pain that has lasted more than 12 weeks.",
}

// DuringSpasm is what to do when a spasm is happening now.
var DuringSpasm = []string{
	"Get carefully to a bed or another flat, comfortable place; the floor with cushions is fine.",
	"Stay still for a while and breathe slowly. Be patient.",
	"Stillness is for now only: after a day or so, gentle movement and short walks help healing more than bed rest.",
}
