package corpus

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSynthTaskDeterministic(t *testing.T) {
	gen := func() []string {
		r := rand.New(rand.NewPCG(1, 2))
		var out []string
		for _, a := range SynthTaskRequests(r, 20, TaskFamilies) {
			out = append(out, a.Text)
		}
		out = append(out, SynthHumanRequests(r, 50)...)
		return append(out, SynthDocSentences(r, 50)...)
	}
	a, b := gen(), gen()
	if !slices.Equal(a, b) {
		t.Fatal("same seed gave different data")
	}
	for _, s := range a {
		if s == "" || strings.Contains(s, "{") {
			t.Fatalf("unfilled or empty: %q", s)
		}
	}
}

func TestTaskFamilies(t *testing.T) {
	for _, f := range TaskFamilies {
		if len(taskTemplates[f]) == 0 {
			t.Errorf("family %s has no templates", f)
		}
	}
	for cat, f := range TaskFamilyOfBIPIA {
		if !slices.Contains(TaskFamilies, f) {
			t.Errorf("%s maps to unknown family %s", cat, f)
		}
	}
}
