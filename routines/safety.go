package routines

// What the coach says about safety, in one place so that every screen and
// `unknot safety` say the same thing. Each red flag names where it comes
// from (Sources): the articles 000 to 004 (content.md) and, for the signs
// that need help now, public guidance (the NHS pages on back pain and on
// cauda equina syndrome; NICE guideline NG59).

// StopRule is the one rule every stretch follows.
const StopRule = "Stop any stretch that hurts. Stretching should feel like a gentle pull, never pain. Never force a movement or twist suddenly."

// NotAdvice is said once, plainly.
const NotAdvice = "unknot is a coach, not a doctor: it does not diagnose or treat anything."

// RedFlag is one sign that means: get help rather than stretch.
type RedFlag struct {
	Text   string   // in the project's own words
	Source []string // the ids of the sources that say so (SourceByID)
	Brief  string   // a few words, for where the list must be short (after a pain stop)
}

// GetHelpNow are the signs that mean an emergency: call the emergency
// number or go to A&E (the emergency department) now. The NHS lists them
// under "Call 999 or go to A&E".
var GetHelpNow = []RedFlag{
	{"You cannot control your bladder or bowels, or it has become hard to pee.", []string{"nhs-back-pain", "nhs-cauda-equina", "002"},
		"no control of bladder or bowels"},
	{"Numbness or tingling around your genitals, buttocks or inner thighs (where a saddle would touch).", []string{"nhs-back-pain", "nhs-cauda-equina"},
		"numbness around the genitals or buttocks"},
	{"Weakness, numbness, tingling or pain in both legs.", []string{"nhs-back-pain", "nhs-cauda-equina"},
		"weakness or numbness in both legs"},
	{"The pain began after a serious fall or accident, such as a car crash.", []string{"nhs-back-pain", "nice-ng59"},
		"pain since a serious fall or accident"},
	{"Chest pain with the back pain.", []string{"nhs-back-pain"}, "chest pain"},
}

// GetHelpToday are the signs that are urgent but not an emergency: see a
// doctor the same day. The NHS lists a high temperature with back pain
// under "See a GP urgently or call 111"; it sat among the emergencies
// with "see a doctor today" in its line, two instructions in one.
var GetHelpToday = []RedFlag{
	{"A high temperature (a fever), or you feel hot and shivery.", []string{"nhs-back-pain", "nice-ng59"}, "a fever"},
}

// SeeDoctorSoon are the signs that mean: see a doctor soon, and stretch
// only without pain until then.
var SeeDoctorSoon = []RedFlag{
	{"Pain that is severe, or that does not go away.", []string{"002"}, "severe or lasting pain"},
	{"Pain that keeps getting worse.", []string{"004"}, "pain getting worse"},
	{"Numbness or tingling in one leg or anywhere else.", []string{"002"}, "numbness"},
	{"Spasms that began after a fall, a car accident or another injury, even a small one.", []string{"002"}, "spasms after an injury"},
	{"Spasms that keep coming back, do not get better, or keep hitting the same place.", []string{"000", "002"}, "spasms that keep coming back"},
	{"Back pain that has lasted more than 12 weeks.", []string{"000"}, "pain past 12 weeks"},
	{"Weight lost without trying, a lump or swelling on your back, or pain that is worse at night and not eased by rest.", []string{"nhs-back-pain"},
		"weight loss, a lump, or pain worse at night"},
}

// RedFlags are every sign's text, the most urgent first. Prefer
// GetHelpNow, GetHelpToday and SeeDoctorSoon, which say how urgent each is.
var RedFlags = flagTexts(GetHelpNow, GetHelpToday, SeeDoctorSoon)

func flagTexts(lists ...[]RedFlag) []string {
	var out []string
	for _, l := range lists {
		for _, f := range l {
			out = append(out, f.Text)
		}
	}
	return out
}

// DuringSpasm is what to do when a spasm is happening now.
var DuringSpasm = []string{
	"Get carefully to a bed or another flat, comfortable place; the floor with cushions is fine.",
	"Stay still for a while and breathe slowly. Be patient.",
	"Stillness is for now only: after a day or so, gentle movement and short walks help healing more than bed rest.",
}
