package corpus

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSynthActionDeterministic(t *testing.T) {
	gen := func() []string {
		r := rand.New(rand.NewPCG(3, 4))
		var out []string
		for _, a := range SynthActionRequests(r, 200) {
			out = append(out, a.Text)
		}
		return append(out, SynthReaderInstructions(r, 200)...)
	}
	a, b := gen(), gen()
	if !slices.Equal(a, b) {
		t.Fatal("same seed gave different data")
	}
	for _, s := range a {
		if s == "" || strings.Contains(s, "{") {
			t.Fatalf("unfilled or empty: %q", s)
		}
		if c := s[0]; c < 'A' || c > 'Z' {
			t.Fatalf("not capitalised (task candidates start upper-case): %q", s)
		}
	}
}

func TestSynthActionShape(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, a := range SynthActionRequests(r, 300) {
		if a.Category != "task/action" {
			t.Fatalf("category %q", a.Category)
		}
		if e := a.Text[len(a.Text)-1]; e != '.' && e != '?' {
			t.Fatalf("no sentence end (the task scanner needs one): %q", a.Text)
		}
	}
	// Reader instructions must not reuse an outside address: that is the
	// positives' tell.
	for _, s := range SynthReaderInstructions(r, 300) {
		for _, o := range actOutside {
			if strings.Contains(s, o) {
				t.Fatalf("reader instruction carries an outside address: %q", s)
			}
		}
	}
}

func TestUpperFirst(t *testing.T) {
	for _, c := range []struct{ in, want string }{{"", ""}, {"please", "Please"}, {"Could", "Could"}, {"1 x", "1 x"}} {
		if got := upperFirst(c.in); got != c.want {
			t.Errorf("upperFirst(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
