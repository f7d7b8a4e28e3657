package detect

import (
	"strings"
	"unicode/utf8"
)

// Sanitize returns s without what a person reading it cannot see but a
// model can: Unicode tag characters, zero-width and bidi controls,
// variation selectors, other control characters (tab and newlines stay),
// ANSI escape sequences, and HTML and Markdown comments. removed lists
// what was taken out, with spans in s. Visible text, confusable letters
// and encoded runs are left alone: they may be legitimate, and the
// detector still scores them.
func Sanitize(s string) (clean string, removed []Hidden) {
	var b strings.Builder
	b.Grow(len(s))
	add := func(h Hidden) {
		if k := len(removed) - 1; k >= 0 && removed[k].Kind == h.Kind && removed[k].End == h.Start {
			removed[k].End = h.End
			removed[k].Count += h.Count
			return
		}
		removed = append(removed, h)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F || c == '\t' || c == '\n' || c == '\r' {
			b.WriteByte(c)
			i++
			continue
		}
		if c == 0x1B {
			k := skipANSI(s, i)
			add(Hidden{Kind: HiddenANSI, Start: i, End: k, Count: 1})
			i = k
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case r >= 0xE0000 && r <= 0xE007F:
			add(Hidden{Kind: HiddenTag, Start: i, End: j, Count: 1})
		case r == utf8.RuneError && size == 1:
			add(Hidden{Kind: HiddenControl, Start: i, End: j, Count: 1})
		default:
			if kind, hidden := invisibleKind(r); hidden {
				add(Hidden{Kind: kind, Start: i, End: j, Count: 1})
			} else {
				b.WriteString(s[i:j])
			}
		}
		i = j
	}
	clean = b.String()
	if len(removed) > 0 {
		// Spans of comments below refer to the text after the first pass;
		// report them against it only when nothing else was removed.
		if loc := reComment.FindAllStringIndex(clean, -1); len(loc) > 0 {
			return stripComments(clean, loc), append(removed, commentHidden(loc, true)...)
		}
		return clean, removed
	}
	if loc := reComment.FindAllStringIndex(clean, -1); len(loc) > 0 {
		return stripComments(clean, loc), commentHidden(loc, false)
	}
	return clean, nil
}

func stripComments(s string, loc [][]int) string {
	var b strings.Builder
	last := 0
	for _, m := range loc {
		b.WriteString(s[last:m[0]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// commentHidden records removed comments. approx marks spans measured after
// invisible characters were removed (Start/End then point into that text).
func commentHidden(loc [][]int, approx bool) []Hidden {
	out := make([]Hidden, 0, len(loc))
	for _, m := range loc {
		h := Hidden{Kind: HiddenComment, Start: m[0], End: m[1], Count: 1}
		if approx {
			h.Text = "offsets after removing invisible characters"
		}
		out = append(out, h)
	}
	return out
}
