package detect

import "testing"

// TestBuiltinRulesGated fails when a built-in rule set outgrows its gated
// matcher: past the bound the matchers fall back to running every rule over
// the whole text, which is correct but turned round 34b's first candidate's
// 100-tool scan from 5 ms into 1.2 s. Raise the bound (and measure) instead.
func TestBuiltinRulesGated(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		bound int
	}{
		{"poisoning", len(PoisoningRules()), maxGatedRules},
		{"injection", len(InjectionRules()), maxInjRules},
	}
	for _, tc := range tests {
		if tc.n > tc.bound {
			t.Errorf("%s: %d built-in rules, the gated matcher takes %d", tc.name, tc.n, tc.bound)
		}
	}
}
