package secrets

import (
	"strings"
	"testing"
)

// FuzzLineCursor checks lineCursor against strings.LastIndexByte for any
// sequence of positions, increasing or not, as keyword hits arrive.
func FuzzLineCursor(f *testing.F) {
	f.Add("a\nbc\n\ndef\ng", []byte{3, 1, 9, 9, 0, 11, 4})
	f.Add("no newline at all", []byte{5, 17, 2})
	f.Add("\n\n\n", []byte{0, 1, 2, 3, 0, 3})
	f.Fuzz(func(t *testing.T, text string, qs []byte) {
		c := lineCursor{text: text, last: -1}
		for k, q := range qs {
			i := int(q) % (len(text) + 1)
			if got, want := c.lastNewline(i), strings.LastIndexByte(text[:i], '\n'); got != want {
				t.Fatalf("query %d (i=%d) in %q: %d, want %d", k, i, text, got, want)
			}
		}
	})
}
