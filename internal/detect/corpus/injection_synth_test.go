package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSynthInjections(t *testing.T) {
	a := SynthInjections(rand.New(rand.NewPCG(1, 2)), 48, nil)
	b := SynthInjections(rand.New(rand.NewPCG(1, 2)), 48, nil)
	seen := map[string]bool{}
	for i, d := range a {
		if d.Text != b[i].Text {
			t.Fatalf("not deterministic at %d", i)
		}
		if !d.Label || d.Start < 0 || d.End > len(d.Text) || d.Start >= d.End {
			t.Fatalf("bad span %d:%d in %q", d.Start, d.End, d.Text)
		}
		if strings.Contains(d.Text, "«") || strings.Contains(d.Text, "»") {
			t.Errorf("unfilled slot in %q", d.Text[d.Start:d.End])
		}
		seen[d.Family] = true
	}
	if len(seen) != len(InjFamilies) {
		t.Errorf("families %v, want all of %v", seen, InjFamilies)
	}
	for _, c := range SynthContexts(rand.New(rand.NewPCG(3, 4)), 30) {
		if c.Slot < 0 || c.Slot+c.SlotLen > len(c.Text) || !c.Trainable {
			t.Fatalf("bad context slot %d+%d of %d", c.Slot, c.SlotLen, len(c.Text))
		}
		doc, s, e := Insert(c, "ATTACK", 0)
		if doc[s:e] != "ATTACK" {
			t.Fatalf("insert at slot: %q", doc[s:e])
		}
	}
	for _, d := range SynthBenignTest(rand.New(rand.NewPCG(5, 6)), 20) {
		if d.Label || strings.Contains(d.Text, "«") {
			t.Fatalf("bad benign doc %q", d.Text)
		}
	}
}
