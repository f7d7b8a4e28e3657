package secretsguard

import (
	"strings"
	"unicode/utf8"
)

// unescapeJSON decodes the JSON string escapes in t (a value that is itself
// JSON text: double-encoded data, a log line): "\u0067hp_…" hides a token
// from a scanner that reads the bytes as they are. It returns the decoded
// text and, for each byte of it and one past the end, the offset in t it
// came from, or ok false when t holds no escape worth decoding.
func unescapeJSON(t string) (string, []int, bool) {
	if !strings.Contains(t, `\u`) {
		return "", nil, false
	}
	var b strings.Builder
	b.Grow(len(t))
	offs := make([]int, 0, len(t)+1)
	for i := 0; i < len(t); {
		if t[i] == '\\' && i+1 < len(t) {
			if r, n := escape(t[i:]); n > 0 {
				var buf [utf8.UTFMax]byte
				k := utf8.EncodeRune(buf[:], r)
				for range k {
					offs = append(offs, i)
				}
				b.Write(buf[:k])
				i += n
				continue
			}
		}
		b.WriteByte(t[i])
		offs = append(offs, i)
		i++
	}
	offs = append(offs, len(t))
	return b.String(), offs, true
}

// escape decodes one JSON escape at the start of s and returns the rune and
// the escape's length, or 0 when s does not start with one. A lone
// surrogate stays as it is.
func escape(s string) (rune, int) {
	switch s[1] {
	case '"', '\\', '/':
		return rune(s[1]), 2
	case 'n':
		return '\n', 2
	case 't':
		return '\t', 2
	case 'r':
		return '\r', 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'u':
		r, ok := hex4(s, 2)
		if !ok || r == 0 || r >= 0xDC00 && r <= 0xDFFF {
			return 0, 0
		}
		if r >= 0xD800 && r <= 0xDBFF {
			if len(s) < 12 || s[6] != '\\' || s[7] != 'u' {
				return 0, 0
			}
			lo, ok := hex4(s, 8)
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return 0, 0
			}
			return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), 12
		}
		return r, 6
	}
	return 0, 0
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
