package resyntax

import (
	"regexp/syntax"
	"testing"
)

// MaxLen bounds a match in bytes, runes at their widest, and gives up on
// open repeats; parsed and simplified trees agree.
func TestMaxLen(t *testing.T) {
	tests := []struct {
		pattern string
		want    int
	}{
		{`abc`, 3},
		{`é`, 2},
		{`(?i)k`, 3},
		{`[a-z]`, 1},
		{`[^a]`, 4},
		{`.`, 4},
		{`a{2,5}`, 5},
		{`(?:ab|cde)f?`, 4},
		{`\bab\b$`, 2},
		{`a*`, -1},
		{`a+b`, -1},
		{`(?:x|y{3,})`, -1},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := MaxLen(re); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.pattern, got, tt.want)
		}
		if got := MaxLen(re.Simplify()); got != tt.want {
			t.Errorf("%s simplified: %d, want %d", tt.pattern, got, tt.want)
		}
	}
}
