package detect

import (
	"sync"
	"testing"
)

func TestLazyRegexp(t *testing.T) {
	for _, bad := range []string{`(`, `a{2,1}`, `\8`, `[z-a]`, `x{1001}`} {
		if _, err := newLazyRegexp(bad); err == nil {
			t.Errorf("newLazyRegexp(%q): no error", bad)
		}
	}
	l, err := newLazyRegexp(`(?i)ignore\s+(?:all\s+)?previous`)
	if err != nil {
		t.Fatal(err)
	}
	if l.re != nil {
		t.Fatal("compiled before first use")
	}
	// Concurrent first uses build one program, and it matches as written.
	var wg sync.WaitGroup
	got := make([]any, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			re := l.get()
			got[i] = re
			if !re.MatchString("please IGNORE all previous notes") || re.MatchString("ignore nothing") {
				t.Errorf("wrong program for %q", l.pat)
			}
		}()
	}
	wg.Wait()
	for _, re := range got[1:] {
		if re != got[0] {
			t.Fatal("more than one program built")
		}
	}
	if neverMatch.MatchString("") || neverMatch.MatchString("anything \x00 \U0010FFFF") {
		t.Fatal("neverMatch matched")
	}
}

// A rule with a bad pattern still fails where it is configured, not at
// its first use.
func TestCompileRulesBadPatternFailsEarly(t *testing.T) {
	_, err := CompileRules([]Rule{{ID: "x.bad", Family: FamilyDirective, Weight: 0.5, Keywords: []string{"x"}, Pattern: `x(`}})
	if err == nil {
		t.Fatal("bad pattern accepted")
	}
}
