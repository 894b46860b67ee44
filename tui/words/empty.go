package words

// EmptyHidden says how many runs with nothing done (record.Session.Empty:
// breathing opened and closed at once) the list leaves out; "" for none.
func EmptyHidden(n int) string {
	switch {
	case n <= 0:
		return ""
	case n == 1:
		return "1 run with nothing done is not listed (history --all lists it)."
	}
	return Plural(n, "run") + " with nothing done are not listed (history --all lists them)."
}
