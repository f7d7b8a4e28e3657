package main

import (
	"strings"
	"testing"
)

// The round-6 flags add data only when set; at 0 the round-5 data (and
// bytes) stay, and the window attacks never become task positives.
func TestAddWindowActions(t *testing.T) {
	tests := []struct {
		name                string
		action, reader      int
		wantAtk, wantWinNeg int
	}{
		{"off", 0, 0, 0, 0},
		{"attacks only", 7, 0, 7, 0},
		{"negatives five per paragraph", 0, 11, 0, 3},
		{"both", 4, 10, 4, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &injData{}
			addWindowActions(d, injConfig{seed: 1, winAction: tc.action, winReader: tc.reader})
			if len(d.attacks) != tc.wantAtk || len(d.winNeg) != tc.wantWinNeg {
				t.Fatalf("attacks %d, window negatives %d; want %d, %d", len(d.attacks), len(d.winNeg), tc.wantAtk, tc.wantWinNeg)
			}
			for _, a := range d.attacks {
				if taskFamilyOf(a) != "" || !strings.HasPrefix(a.Category, "action/") {
					t.Fatalf("window attack %q (category %q) would be a task positive", a.Text, a.Category)
				}
			}
		})
	}
}

func TestAddWindowActionsDeterministic(t *testing.T) {
	a, b := &injData{}, &injData{}
	c := injConfig{seed: 3, winAction: 20, winReader: 20}
	addWindowActions(a, c)
	addWindowActions(b, c)
	for i := range a.attacks {
		if a.attacks[i].Text != b.attacks[i].Text {
			t.Fatalf("attack %d differs: %q vs %q", i, a.attacks[i].Text, b.attacks[i].Text)
		}
	}
	if strings.Join(a.winNeg, "|") != strings.Join(b.winNeg, "|") {
		t.Fatal("window negatives differ between runs")
	}
}
