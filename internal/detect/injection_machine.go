package detect

import (
	"sort"
	"strings"
)

// Machine text in the classifier's view (round 67). On raw web pages the
// window classifier read script and style bodies and long tags as words:
// configuration flags ("html5_…=true&…" as "<num> <long> true"),
// analytics JSON ("account_id", "epc value <num>"), CSS class names
// ("social", "share", "logo"), minified code and SVG path numbers. Round 63
// found scripts and attributes carrying 40 of the 79 raw tune views the
// classifier flagged. Such text is read as machineWord, one per token, so
// a window keeps its token count (the model divides by √n: deleting words
// raises the weight of the rest, round 62) while the machine tokens weigh
// nothing. Prose inside it (a run of minProseRun plain words, as in a
// script's "please enter a valid email address" or an instruction planted
// in a string) keeps its words, so the model still reads what a person or
// an attacker wrote there; the rules read everything, as before.

// machineWord reads one token of machine text. Its word, its pair with
// itself and its triple with itself weigh 0 in the shipped model
// (TestMachineWordWeighsNothing), so a run of machine text adds only its
// count; it is not a word of any language.
const machineWord = "mohij"

// minProseRun is the fewest plain words in a row, joined as prose joins
// them, that a machine-text region keeps as words.
const minProseRun = 3

// machineBodyEnd returns the end of the body of the script or style
// element whose opening tag (without its '>') is tag and whose body starts
// at s[i]: the index of its closing tag, or len(s) when the text ends
// first (a window cut). It returns i for any other tag.
func machineBodyEnd(s string, i int, tag string) int {
	name := bodyTagName(tag[1:])
	if name == "" {
		return i
	}
	if k := strings.Index(s[i:], "</"+name); k >= 0 {
		return i + k
	}
	return len(s)
}

// machineLead returns the length of the machine text a window of a page
// starts in (0 if none). In a body (inBody: the page opened a script or
// style element before the window) it runs to the first of the four tags
// firstBodyTag finds, or to the end. Otherwise it is the rest of a body
// when the first of those tags is a closing one (the page's start was not
// seen), or else the rest of a tag, when the first '>' comes before any
// '<' and follows an attribute value ("…z\"/>", "…' data-sizes='auto' >";
// not "echo 'x' > file").
func machineLead(s string, inBody bool) int {
	k := firstBodyTag(s)
	switch {
	case inBody && k < 0:
		return len(s)
	case inBody, k >= 0 && s[k+1] == '/':
		return k
	}
	g := strings.IndexByte(s, '>')
	if g <= 0 || strings.IndexByte(s[:g], '<') >= 0 {
		return 0
	}
	head := s[:g]
	if strings.Contains(head, `="`) || strings.Contains(head, `='`) || quoteEnd(strings.TrimSuffix(head, "/")) {
		return g + 1
	}
	return 0
}

// quoteEnd reports whether s ends with a quote.
func quoteEnd(s string) bool {
	return s != "" && (s[len(s)-1] == '"' || s[len(s)-1] == '\'')
}

// firstBodyTag returns the index of the first "<script", "<style",
// "</script" or "</style" tag in s (normalised: lower case), or -1.
func firstBodyTag(s string) int {
	for k := 0; ; {
		n := strings.IndexByte(s[k:], '<')
		if n < 0 {
			return -1
		}
		k += n
		t := s[k+1:]
		if strings.HasPrefix(t, "/") {
			t = t[1:]
		}
		if bodyTagName(t) != "" {
			return k
		}
		k++
	}
}

// bodySpans returns the spans of text that are inside script and style
// elements, from the byte after the opening tag's '<' to the closing
// tag's '<' (len(text) when the element does not close): a window that
// starts in one starts in machine text. Tags are matched ignoring ASCII
// case, as a browser does; inside a body only its closing tag counts
// ("document.write('<script …')" opens nothing).
func bodySpans(text string) [][2]int {
	var spans [][2]int
	for k := 0; ; {
		n := strings.IndexByte(text[k:], '<')
		if n < 0 {
			return spans
		}
		k += n + 1
		name := bodyTagName(text[k:])
		if name == "" {
			continue
		}
		start := k
		k += len(name)
		e := indexFold(text[k:], "</"+name)
		if e < 0 {
			return append(spans, [2]int{start, len(text)})
		}
		k += e
		spans = append(spans, [2]int{start, k})
	}
}

// bodyTagName returns "script" or "style" when s (after a '<') starts
// that element's opening tag, ignoring ASCII case, and "" otherwise.
func bodyTagName(s string) string {
	for _, name := range [...]string{"script", "style"} {
		if len(s) >= len(name) && strings.EqualFold(s[:len(name)], name) &&
			(len(s) == len(name) || !isASCIIWordChar(s[len(name)]) && s[len(name)] != '-') {
			return name
		}
	}
	return ""
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case sep
// that starts with '<'.
func indexFold(s, sep string) int {
	for k := 0; ; {
		n := strings.IndexByte(s[k:], '<')
		if n < 0 {
			return -1
		}
		k += n
		if len(s)-k >= len(sep) && strings.EqualFold(s[k:k+len(sep)], sep) {
			return k
		}
		k++
	}
}

// insideBody reports whether offset a lies inside one of spans (sorted,
// from bodySpans).
func insideBody(spans [][2]int, a int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i][1] > a })
	return i < len(spans) && spans[i][0] <= a
}

// quotedTagEnd returns the end of the tag that starts at s[i] when the
// view cannot drop it as a tag (longer than maxTagLen, or with a '<' in a
// quoted value: tooltips hold HTML): past its '>', or len(s) when the text
// ends inside it (a window cut); 0 if s[i:] is not such a tag. A tag here
// has a name, at least one quoted value right after '=', no quote
// elsewhere and no '<' outside its values, so "a <b and c> d" is text;
// it is at most maxQuotedTag bytes long.
func quotedTagEnd(s string, i int) int {
	limit := min(len(s), i+maxQuotedTag)
	j := i + 1
	for j < limit && (isASCIIWordChar(s[j]) || s[j] == '-' || s[j] == ':') {
		j++
	}
	if j == i+1 || !isASCIILetter(s[i+1]) {
		return 0
	}
	values := false
	for k := j; k < limit; k++ {
		switch c := s[k]; c {
		case '>':
			if values {
				return k + 1
			}
			return 0
		case '<':
			return 0
		case '"', '\'':
			if s[k-1] != '=' {
				return 0
			}
			values = true
			e := strings.IndexByte(s[k+1:limit], c)
			if e < 0 { // the value runs past limit
				k = limit
				continue
			}
			k += 1 + e
		}
	}
	if limit == len(s) && values {
		return len(s)
	}
	return 0
}

// Bounds of quotedTagEnd: the longest tag it reads (a window's length),
// and how many tags one view tries, so that text of unclosed "<a x='"
// costs linear time.
const (
	maxQuotedTag  = maxWindow
	maxQuotedTags = 32
)

// appendMachineView appends the view of machine text r: its ordinary view
// (appendView without machine regions, which do not nest) with every token that is
// not part of a prose run read as machineWord.
func appendMachineView(dst []byte, r string) []byte {
	return appendMachineWords(dst, appendView(nil, r, 0, false))
}

// appendMachineWords appends v with each token, as forEachToken reads
// tokens, read as machineWord, except the plain words of runs of at least
// minProseRun joined by prose gaps (proseGap), which are kept with the
// gaps between them. Other gaps are kept, so the tokens stay apart.
func appendMachineWords(dst, v []byte) []byte {
	runStart, runEnd, runWords := -1, -1, 0 // the current run of plain words
	flush := func() {
		if runWords >= minProseRun {
			dst = append(dst, v[runStart:runEnd]...)
		} else if runWords > 0 {
			dst = appendMachineRun(dst, v[runStart:runEnd])
		}
		runStart, runWords = -1, 0
	}
	for i := 0; i < len(v); {
		if !isWordByte(v[i]) {
			j := i
			for j < len(v) && !isWordByte(v[j]) {
				j++
			}
			if runWords > 0 && (j == len(v) || !plainWordAt(v, j) || !proseGap(v[i:j])) {
				flush()
			}
			if runWords == 0 {
				dst = appendMachineGap(dst, v[i:j])
			}
			i = j
			continue
		}
		e := tokenEnd(v, i)
		if !plainWord(v[i:e]) {
			flush()
			dst = appendMachineToken(dst, v[i:e])
			i = e
			continue
		}
		if runWords == 0 {
			runStart = i
		}
		runEnd = e
		runWords++
		i = e
	}
	flush()
	return dst
}

// appendMachineRun appends run (plain words and prose gaps) with each word
// read as a machine token.
func appendMachineRun(dst, run []byte) []byte {
	for i := 0; i < len(run); {
		if !isWordByte(run[i]) {
			dst = append(dst, run[i])
			i++
			continue
		}
		e := tokenEnd(run, i)
		dst = appendMachineToken(dst, run[i:e])
		i = e
	}
	return dst
}

// appendMachineGap appends a gap between tokens with its symbol tokens
// (forEachToken's '<', '>', '~', '$', '@', '|') read as machine tokens.
func appendMachineGap(dst, gap []byte) []byte {
	for k, c := range gap {
		switch c {
		case '<', '>', '~', '$', '@', '|':
			dst = appendMachineToken(dst, gap[k:k+1])
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendMachineToken appends the view of one machine token: machineWord,
// or a space for a token of one byte (a digit, a letter, a symbol). A
// machine word in its place would make the view up to seven times as long
// as the text, and a window's view is read only to maxFeatText; dropped,
// no machine text is read as more than twice its length, so the view of a
// window of maxWindow bytes is read whole. Round 29 drops a minified
// script's one-letter names the same way.
func appendMachineToken(dst, tok []byte) []byte {
	if len(tok) < 2 {
		return append(dst, ' ')
	}
	return append(dst, machineWord...)
}

// tokenEnd returns the end of the token that starts at v[i], as
// forEachToken reads it ("e.g" and "n.style" are one token).
func tokenEnd(v []byte, i int) int {
	e := i + 1
	for e < len(v) && (isWordByte(v[e]) || v[e] == '.' && e+1 < len(v) && isWordByte(v[e+1])) {
		e++
	}
	return e
}

// plainWord reports whether tok is a word as prose writes it: letters
// only (no digits, '_' or '.'), and not longer than canonToken's "<long>".
func plainWord(tok []byte) bool {
	if len(tok) > 24 {
		return false
	}
	for _, c := range tok {
		if !(c >= 'a' && c <= 'z' || c >= 0x80) {
			return false
		}
	}
	return true
}

// plainWordAt reports whether the token at v[i] is a plain word.
func plainWordAt(v []byte, i int) bool { return plainWord(v[i:tokenEnd(v, i)]) }

// proseGap reports whether gap joins two words as prose does: spaces and
// sentence punctuation with at least one space or line break, and at most
// one quote (`", "` separates the strings of a list), or a lone apostrophe
// ("don't"). A semicolon ends a run: "display: none; float: left" is a
// style, not a sentence.
func proseGap(gap []byte) bool {
	if len(gap) == 1 && gap[0] == '\'' {
		return true
	}
	space, quotes := false, 0
	for _, c := range gap {
		switch c {
		case ' ', '\n', '\t':
			space = true
		case '"', '\'':
			quotes++
		case ',', '.', ':', '!', '?':
		default:
			return false
		}
	}
	return space && quotes <= 1
}
