package detect

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestNormalizeCJKFastPathIsIdentity pins the premise of Normalize's fast
// path for CJK unified ideographs: every one folds to itself on the general
// path (no NFKD decomposition, no mark, no case, no entry in the
// confusable, small-capital or Braille tables, not a space, not hidden).
func TestNormalizeCJKFastPathIsIdentity(t *testing.T) {
	for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			_, conf := confusables[r]
			_, sc := smallCaps[r]
			_, br := brailleLetters[r]
			_, hidden := invisibleKind(r)
			if norm.NFKD.String(s) != s || unicode.Is(unicode.Mn, r) || unicode.ToLower(r) != r || unicode.IsSpace(r) || conf || sc || br || hidden {
				t.Fatalf("%U does not fold to itself", r)
			}
		}
	}
	// Mapped offsets stay per rune: a span over the second ideograph maps
	// back to its own three bytes.
	n := Normalize("Ａ中文")
	if n.Text != "a中文" {
		t.Fatalf("text %q", n.Text)
	}
	if a, z := n.Span(4, 7); a != 6 || z != 9 {
		t.Errorf("span of 文 = [%d,%d), want [6,9)", a, z)
	}
}

// TestNFKDTableDecomposition pins the premise of Normalize's per-rune
// fold: for every rune but the Hangul syllables (decomposed by algorithm),
// the NFKD table's decomposition, or the rune itself where there is none,
// is what norm.NFKD.String returns.
func TestNFKDTableDecomposition(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if r >= 0xAC00 && r <= 0xD7A3 || r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		want := norm.NFKD.String(s)
		got := s
		if d := norm.NFKD.PropertiesString(s).Decomposition(); d != nil {
			got = string(d)
		}
		if got != want {
			t.Fatalf("%U: table %q, String %q", r, got, want)
		}
	}
}
