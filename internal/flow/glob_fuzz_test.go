package flow

import (
	"testing"
	"unicode/utf8"
)

// globReference is the textbook dynamic programme for the same globs: "*"
// any run of bytes, "?" one character (one byte of invalid UTF-8),
// anything else itself.
func globReference(pattern, name string) bool {
	// ok[j]: pattern[:i] matches name[:j], row by row.
	ok := make([]bool, len(name)+1)
	ok[0] = true
	for i := 0; i < len(pattern); i++ {
		next := make([]bool, len(name)+1)
		switch pattern[i] {
		case '*':
			seen := false
			for j := range ok {
				seen = seen || ok[j]
				next[j] = seen
			}
		case '?':
			for j := 0; j < len(name); j++ {
				if ok[j] {
					_, size := utf8.DecodeRuneInString(name[j:])
					next[j+size] = true
				}
			}
		default:
			for j := 1; j <= len(name); j++ {
				next[j] = ok[j-1] && pattern[i] == name[j-1]
			}
		}
		ok = next
	}
	return ok[len(name)]
}

// FuzzGlob: Glob decides label configuration, approval patterns and scope
// rules for tool and server names a server chose. Its backtracking form
// must agree with the reference on every pattern and name.
func FuzzGlob(f *testing.F) {
	for _, p := range [][2]string{{"send_*", "send_mail"}, {"*a*b", "xaybab"}, {"a*?c", "abc"}, {"*", ""}, {"?", ""},
		{"**x**", "yyx"}, {"a?c", "a\u00e9c"}, {"*/*", "srv/tool"}, {"*aab", "aaab"}, {"a*b*c*d", "abcbcd"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if len(pattern)*len(name) > 1<<16 {
			return
		}
		if got, want := Glob(pattern, name), globReference(pattern, name); got != want {
			t.Fatalf("Glob(%q, %q) = %v, reference %v", pattern, name, got, want)
		}
	})
}
