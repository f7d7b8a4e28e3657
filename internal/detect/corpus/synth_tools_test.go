package corpus

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSynthToolsDeterministicAndComplete(t *testing.T) {
	gen := func() ([]Item, []Item) { return SynthTools(rand.New(rand.NewPCG(1, 5)), 200, nil) }
	mal, ben := gen()
	mal2, ben2 := gen()
	if !reflect.DeepEqual(mal, mal2) || !reflect.DeepEqual(ben, ben2) {
		t.Fatal("same seed gave different tools")
	}
	if len(mal) != 200 || len(ben) != 200 {
		t.Fatalf("got %d poisoned, %d benign; want 200, 200", len(mal), len(ben))
	}
	seen := map[string]int{}
	for _, it := range mal {
		if !it.Label || it.Clean == nil || !it.IsTool() {
			t.Fatalf("poisoned item without label, clean twin or tool: %+v", it)
		}
		if reflect.DeepEqual(it.Tool, *it.Clean) {
			t.Fatalf("poisoned tool equals its clean twin: %+v", it.Tool)
		}
		seen[it.Category]++
	}
	for _, f := range SynthToolFamilies() {
		if seen[f] == 0 {
			t.Errorf("family %s not generated", f)
		}
	}
	for _, it := range ben {
		if it.Label || !it.IsTool() {
			t.Fatalf("benign item labelled or empty: %+v", it)
		}
	}
}

func TestSynthToolsSkip(t *testing.T) {
	skip := map[string]bool{}
	for _, f := range SynthToolFamilies() {
		if f != "shadowing" {
			skip[f] = true
		}
	}
	mal, _ := SynthTools(rand.New(rand.NewPCG(2, 5)), 30, skip)
	for _, it := range mal {
		if it.Category != "shadowing" {
			t.Fatalf("skipped family %s generated", it.Category)
		}
	}
	all := map[string]bool{}
	for _, f := range SynthToolFamilies() {
		all[f] = true
	}
	if mal, _ := SynthTools(rand.New(rand.NewPCG(2, 5)), 30, all); len(mal) != 0 {
		t.Fatalf("all families skipped, got %d tools", len(mal))
	}
}
