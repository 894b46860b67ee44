package main

import (
	"testing"
	"time"

	"github.com/unknot/unknot/routines/history/historytest"
)

// demoHome fills a new home with the demo history: sixty days ending
// yesterday evening, on this machine's clock.
func demoHome(t testing.TB) string {
	t.Helper()
	home := t.TempDir()
	now := time.Now()
	end := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local).Add(-time.Hour)
	if err := historytest.WriteDemo(home, end, 60); err != nil {
		t.Fatal(err)
	}
	return home
}
