package detect

// maxRefLen bounds the bytes one character reference may span, so that a
// run of "&#000…" never makes Normalize scan far ahead.
const maxRefLen = 40

// charRef decodes the HTML character reference at s[i] ("&"): numeric
// ("&#73;", "&#x49;", the ";" optional as in HTML) or one of the named
// references that matter for reading text (the ";" required). It returns
// the rune and the end of the reference. Values HTML turns into U+FFFD
// (zero, surrogates, beyond U+10FFFF) are left undecoded.
func charRef(s string, i int) (rune, int, bool) {
	j := i + 1
	if j >= len(s) {
		return 0, 0, false
	}
	if s[j] == '#' {
		return numericRef(s, j+1)
	}
	k := j
	for k < len(s) && k-j < maxRefLen && isAlnum(s[k]) {
		k++
	}
	if k == j || k >= len(s) || s[k] != ';' {
		return 0, 0, false
	}
	r, ok := namedRefs[s[j:k]]
	return r, k + 1, ok
}

// numericRef decodes the digits from s[j] (after "&#").
func numericRef(s string, j int) (rune, int, bool) {
	base := 10
	if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
		base = 16
		j++
	}
	v, k := 0, j
	for ; k < len(s) && k-j < maxRefLen; k++ {
		d := digitVal(s[k], base)
		if d < 0 {
			break
		}
		if v = v*base + d; v > 0x10FFFF {
			return 0, 0, false
		}
	}
	if k == j || v == 0 || v >= 0xD800 && v <= 0xDFFF {
		return 0, 0, false
	}
	if k < len(s) && s[k] == ';' {
		k++
	}
	// HTML reads 0x80..0x9F as windows-1252, as old pages meant them.
	if v >= 0x80 && v <= 0x9F {
		if r := cp1252[v-0x80]; r != 0 {
			return r, k, true
		}
	}
	return rune(v), k, true
}

func digitVal(c byte, base int) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// cp1252 maps 0x80..0x9F to what windows-1252 means by them (HTML's
// numeric-reference table); 0 keeps the C1 control.
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// namedRefs holds the named references that change how text reads:
// markup and quotes, spaces, invisible characters (which then count as
// hidden content), dashes, and the Latin-1 letters.
var namedRefs = map[string]rune{
	"amp": '&', "AMP": '&', "lt": '<', "LT": '<', "gt": '>', "GT": '>', "quot": '"', "QUOT": '"', "apos": '\'',
	"nbsp": 0xA0, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "hairsp": 0x200A, "numsp": 0x2007,
	"puncsp": 0x2008, "emsp13": 0x2004, "emsp14": 0x2005, "MediumSpace": 0x205F, "ThinSpace": 0x2009,
	"VeryThinSpace": 0x200A, "Tab": '\t', "NewLine": '\n',
	"shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F,
	"ZeroWidthSpace": 0x200B, "NegativeVeryThinSpace": 0x200B, "NegativeThinSpace": 0x200B,
	"NegativeMediumSpace": 0x200B, "NegativeThickSpace": 0x200B, "NoBreak": 0x2060, "af": 0x2061,
	"ApplyFunction": 0x2061, "it": 0x2062, "InvisibleTimes": 0x2062, "ic": 0x2063, "InvisibleComma": 0x2063,
	"ndash": 0x2013, "mdash": 0x2014, "hyphen": 0x2010, "dash": 0x2010, "minus": 0x2212,
	"lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
	"lsaquo": 0x2039, "rsaquo": 0x203A, "laquo": 0xAB, "raquo": 0xBB, "hellip": 0x2026, "bull": 0x2022,
	"middot": 0xB7, "period": '.', "comma": ',', "colon": ':', "semi": ';', "excl": '!', "quest": '?',
	"lpar": '(', "rpar": ')', "lsqb": '[', "rsqb": ']', "lbrack": '[', "rbrack": ']', "lcub": '{', "rcub": '}',
	"lbrace": '{', "rbrace": '}', "sol": '/', "bsol": '\\', "num": '#', "dollar": '$', "percnt": '%',
	"ast": '*', "plus": '+', "equals": '=', "lowbar": '_', "grave": '`', "Hat": '^', "verbar": '|', "vert": '|',
	"copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "times": 0xD7, "divide": 0xF7,
	"Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5, "AElig": 0xC6,
	"Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB, "Igrave": 0xCC, "Iacute": 0xCD,
	"Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1, "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4,
	"Otilde": 0xD5, "Ouml": 0xD6, "Oslash": 0xD8, "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB, "Uuml": 0xDC,
	"Yacute": 0xDD, "THORN": 0xDE, "szlig": 0xDF,
	"agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6,
	"ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED,
	"icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0, "ntilde": 0xF1, "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4,
	"otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8, "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC,
	"yacute": 0xFD, "thorn": 0xFE, "yuml": 0xFF,
}
