package detect

// jsonEscape decodes the JSON \u escape at s[i] ("\"): four hex digits of
// either case, a valid surrogate pair ("\uD83D\uDE00") read as one rune.
// A lone surrogate, "\u0000" (as charRef leaves "&#0;") and an escape
// whose backslash is itself escaped ("\\u0049" is a backslash and
// "u0049") are left as they are. It returns the rune and the end of the
// escape.
func jsonEscape(s string, i int) (rune, int, bool) {
	r, ok := hex4(s, i)
	if !ok || escapedBackslash(s, i) {
		return 0, 0, false
	}
	switch {
	case r == 0, r >= 0xDC00 && r <= 0xDFFF:
		return 0, 0, false
	case r >= 0xD800 && r <= 0xDBFF:
		lo, ok := hex4(s, i+6)
		if !ok || lo < 0xDC00 || lo > 0xDFFF {
			return 0, 0, false
		}
		return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), i + 12, true
	}
	return r, i + 6, true
}

// hex4 reads "\uXXXX" at s[i].
func hex4(s string, i int) (rune, bool) {
	if i+6 > len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for k := i + 2; k < i+6; k++ {
		d := digitVal(s[k], 16)
		if d < 0 {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// escapedBackslash reports whether the backslash at s[i] follows an odd
// run of backslashes, so that it is the second byte of a "\\" escape.
func escapedBackslash(s string, i int) bool {
	n := 0
	for k := i - 1; k >= 0 && s[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}
