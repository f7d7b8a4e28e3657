// Package resyntax measures parsed regular expressions (regexp/syntax
// trees) for the detectors' prefilters.
package resyntax

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the most bytes a match of re can span, or -1 when it is
// unbounded (a star, a plus, an open repeat). Runes count at their widest
// UTF-8 encoding: a case-folded k may be the three-byte Kelvin sign, and
// a class its widest member.
func MaxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeWidth(r, re.Flags&syntax.FoldCase != 0)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return runeWidth(re.Rune[len(re.Rune)-1], false) // ranges are sorted
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return MaxLen(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		n := MaxLen(re.Sub[0])
		if n < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := MaxLen(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	case syntax.OpStar, syntax.OpPlus:
		return -1
	}
	return 0 // empty matches and assertions
}

// runeWidth is r's UTF-8 length, or the widest of its case variants.
func runeWidth(r rune, fold bool) int {
	w := utf8.RuneLen(r)
	if w < 0 {
		w = utf8.UTFMax
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			w = max(w, utf8.RuneLen(f))
		}
	}
	return w
}
