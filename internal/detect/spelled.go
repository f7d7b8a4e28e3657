package detect

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Spelled codes (round 75): text written one letter or one byte at a time
// in a code that a model reads and a keyword filter does not. Attack
// taxonomies and scanners' encoding probes list them beside base64: Morse
// (".. --. -. --- .-. ."), the NATO phonetic alphabet ("India Golf
// November Oscar Romeo Echo"), lists of byte values (binary octets, hex
// pairs, "\x49\x67", "0x49, 0x67", decimal codes "73 103 110"), and text
// written backwards or upside down ("ʇdɯoɹd ɯǝʇsʎs"). Each run found here
// is decoded, and a decoding that reads as text becomes a segment the
// rules and the classifier read, like a base64 payload (decodePayloads).
//
// Finding runs is needle first: every code leaves a short byte pattern
// that ordinary prose almost never holds (".-" and "-." in Morse, a space
// between two binary octets, "20 " between hex pairs, "32" in a decimal
// list), and only around a needle is a run parsed. The needles are
// prefilter anchors, with the NATO words and instruction words written
// backwards, so the document is read once; a window the prefilter found
// a code in looks for that code's needles again (strings.Index). A run
// must spell at least minSpelledBytes characters with minSpelledDistinct
// different letters and read as text (spelledReadable): a Markdown table
// rule ("|---|---|"), a column of numbers or a counter ("100 101 102")
// decodes to noise and is dropped. Upside-down letters are found by the
// prefilter's pass for odd bytes (three together), regional indicators
// too (Normalize folds them).

const (
	minSpelledBytes    = 10   // decoded bytes a byte list or Morse run must spell
	minSpelledDistinct = 5    // distinct letters in it
	maxSpelledRun      = 4096 // decoded bytes kept of one run
	minNATOWords       = 5    // NATO words in a row
	maxSpelledRuns     = 8    // runs decoded per text
	// maxReversedRun bounds a reversed or upside-down line read: an
	// instruction is a sentence or two, and a page of such text costs a
	// reading per window otherwise.
	maxReversedRun = 1024
	maxUpsideRuns  = 2
)

// Morse letters by tree index: start at 1, a dot doubles, a dash doubles
// and adds one; codes of up to six symbols, so indexes below 128.
var morseTree = func() (t [128]byte) {
	codes := map[string]byte{
		".-": 'a', "-...": 'b', "-.-.": 'c', "-..": 'd', ".": 'e', "..-.": 'f', "--.": 'g', "....": 'h',
		"..": 'i', ".---": 'j', "-.-": 'k', ".-..": 'l', "--": 'm', "-.": 'n', "---": 'o', ".--.": 'p',
		"--.-": 'q', ".-.": 'r', "...": 's', "-": 't', "..-": 'u', "...-": 'v', ".--": 'w', "-..-": 'x',
		"-.--": 'y', "--..": 'z', "-----": '0', ".----": '1', "..---": '2', "...--": '3', "....-": '4',
		".....": '5', "-....": '6', "--...": '7', "---..": '8', "----.": '9', ".-.-.-": '.', "--..--": ',',
		"..--..": '?', ".----.": '\'', "-.-.--": '!', "-..-.": '/', "---...": ':', "-....-": '-',
		".-..-.": '"', ".--.-.": '@', "-...-": '=',
	}
	for code, c := range codes {
		k := 1
		for i := 0; i < len(code); i++ {
			k = k*2 + int(code[i]&1) // '.' is 0x2E (even), '-' is 0x2D (odd)
		}
		t[k] = c
	}
	return t
}()

// natoLetters maps the words of the NATO phonetic alphabet (and the ITU
// spellings) to their letters.
var natoLetters = map[string]byte{
	"alfa": 'a', "alpha": 'a', "bravo": 'b', "charlie": 'c', "delta": 'd', "echo": 'e', "foxtrot": 'f',
	"golf": 'g', "hotel": 'h', "india": 'i', "juliet": 'j', "juliett": 'j', "kilo": 'k', "lima": 'l',
	"mike": 'm', "november": 'n', "oscar": 'o', "papa": 'p', "quebec": 'q', "romeo": 'r', "sierra": 's',
	"tango": 't', "uniform": 'u', "victor": 'v', "whiskey": 'w', "whisky": 'w', "x-ray": 'x', "xray": 'x',
	"yankee": 'y', "zulu": 'z',
}

// natoAnchors are the NATO words as prefilter anchors (windows counts a
// run of them, see natoRun).
var natoAnchors = func() []string {
	out := make([]string, 0, len(natoLetters))
	for w := range natoLetters {
		out = append(out, w)
	}
	return out
}()

// reversedAnchors are instruction words written backwards: a line that
// holds one is read reversed (reversedPayloads).
var reversedAnchors = []string{
	"erongi", "dragersid", "tegrof", "snoitcurtsni", "noitcurtsni", "suoiverp", "tpmorp", "metsys",
	"laever", "drowssap", "terces", "snoitcirtser", "tnatsissa", "edirrevo",
}

// spelledSet is a set of spelled codes to decode.
type spelledSet uint8

const (
	spelledMorse spelledSet = 1 << iota
	spelledBytes
	spelledNATO
	spelledReversed
	spelledUpside
	allSpelled = spelledMorse | spelledBytes | spelledNATO | spelledReversed | spelledUpside
)

// spelledForm is how one needle's run is read.
type spelledForm uint8

const (
	formMorse spelledForm = iota
	formBin
	formEscHex
	formZeroX
	formPairHex
	formDec
)

// spelledNeedles are the byte patterns a run in each code leaves (see the
// comment at the top): a window the prefilter flagged for a code is
// searched for them.
var spelledNeedles = [...]struct {
	needle string
	form   spelledForm
}{
	{".-", formMorse}, {"-.", formMorse},
	{"0 0", formBin}, {"1 0", formBin}, // 8-bit octets of ASCII start with 0
	{`\x`, formEscHex}, {"0x", formZeroX},
	{"20 ", formPairHex}, // a space, then the next word
	{"32", formDec},      // a space
}

// spelledAnchors are the prefilter anchors of spelled codes, in this
// order: spelledNeedles, natoAnchors, reversedAnchors. The needles ride
// along in the prefilter's one pass; a skipping pass of its own for them
// cost 2-3 times as much on prose (measured in round 75).
var spelledAnchors = func() []string {
	var out []string
	for _, n := range spelledNeedles {
		out = append(out, n.needle)
	}
	out = append(out, natoAnchors...)
	return append(out, reversedAnchors...)
}()

// spelledScan is the prefilter's state for spelled codes in one document.
type spelledScan struct {
	found spelledSet
	done  int // needle hits before this offset are inside a run read already
	buf   []byte
	// a run of NATO words
	natoStart, natoEnd, natoWords int
}

// The prefilter parses around every needle, with no cap on how many: a
// cap let a document hide a byte list behind a few hundred numbers. Each
// byte is tried once as a token start (done), so a page of numbers costs
// about 10 ns a byte (BenchmarkScanDocumentSpelled100K/numbers).

// hit handles prefilter anchor k of spelledAnchors at [start, end); add
// opens a window.
func (sc *spelledScan) hit(text string, k int, start, end int, add func(a, b int)) {
	switch {
	case k < len(spelledNeedles):
		if start < sc.done {
			return
		}
		f := spelledNeedles[k].form
		a, b, next, buf, ok := parseAround(text, sc.done, start, f, sc.buf)
		sc.buf, sc.done = buf, max(next, end)
		if ok {
			if f == formMorse {
				sc.found |= spelledMorse
			} else {
				sc.found |= spelledBytes
			}
			add(a, b)
		}
	case k < len(spelledNeedles)+len(natoAnchors):
		if end < len(text) && isASCIILetter(text[end]) {
			return // "Indiana", "echoes"
		}
		if start-sc.natoEnd > 4 || sc.natoWords == 0 {
			sc.natoStart, sc.natoWords = start, 0
		}
		sc.natoEnd = end
		if sc.natoWords++; sc.natoWords >= minNATOWords {
			sc.found |= spelledNATO
			add(sc.natoStart, end)
		}
	default:
		sc.found |= spelledReversed
		add(start, end)
	}
}

// upsideRun reports whether the rune at s[i:] is a letter of upside-down
// text with two more within the next 12 bytes, for the prefilter.
func upsideRun(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	if f, ok := upsideDown[r]; !ok || r < utf8.RuneSelf || f == r {
		return false
	}
	count := 1
	for j := i + n; j < min(len(s), i+n+12) && count < 3; {
		r, m := utf8.DecodeRuneInString(s[j:])
		if _, ok := upsideDown[r]; ok && r >= utf8.RuneSelf {
			count++
		}
		j += m
	}
	return count >= 3
}

// spelledPayloads appends to hs the runs of s in the spelled codes of set
// whose decoding reads as text, at most maxSpelledRuns.
func spelledPayloads(s string, set spelledSet, hs []Hidden) []Hidden {
	if set == 0 || len(s) < minSpelledBytes {
		return hs
	}
	n := len(hs)
	var buf []byte
	if set&(spelledMorse|spelledBytes) != 0 {
		for _, nd := range spelledNeedles {
			f := nd.form
			if f == formMorse && set&spelledMorse == 0 || f != formMorse && set&spelledBytes == 0 {
				continue
			}
			for i := 0; i < len(s) && len(hs)-n < maxSpelledRuns; {
				k := strings.Index(s[i:], nd.needle)
				if k < 0 {
					break
				}
				p := i + k
				a, b, next, dec, ok := parseAround(s, i, p, f, buf)
				buf = dec
				if ok && !covered(hs[n:], a) {
					kind := HiddenByteList
					text := string(dec)
					if f == formMorse {
						kind, text = HiddenMorse, segmentWords(dec)
					}
					hs = append(hs, Hidden{Kind: kind, Start: a, End: b, Count: 1, Text: text})
				}
				i = max(p+len(nd.needle), next)
			}
		}
	}
	if set&spelledNATO != 0 {
		hs = natoPayloads(s, hs)
	}
	if set&(spelledReversed|spelledUpside) != 0 {
		hs = reversedPayloads(s, set, hs)
	}
	return hs
}

// covered reports whether offset a lies in one of hs.
func covered(hs []Hidden, a int) bool {
	for _, h := range hs {
		if a >= h.Start && a < h.End {
			return true
		}
	}
	return false
}

// parseAround reads the run of form f around the needle at p: from where
// the code's alphabet starts before p (not before from), token start by
// token start, until a run covering p has been read. It returns the run's
// span and decoding (in buf's storage) and whether the decoding reads as
// text; next is how far token starts have been tried, so callers pass it
// as the next from and skip needles before it: each byte is tried once.
func parseAround(s string, from, p int, f spelledForm, buf []byte) (a, b, next int, dec []byte, ok bool) {
	in := isListByte
	if f == formMorse {
		in = isMorseByte
	}
	a0 := p
	for a0 > from && p-a0 < maxSpelledBack && in(s[a0-1]) {
		a0--
	}
	next = p + 3
	for t := a0; t < min(p+3, len(s)); {
		if !tokenStart(s, t, f) {
			t++
			continue
		}
		var e int
		if f == formMorse {
			buf, e = parseMorse(s, t, buf[:0])
		} else {
			buf, e = parseByteList(s, t, f, buf[:0])
		}
		next = max(next, e)
		if e > t && spelledReadable(buf, f == formMorse) {
			return t, e, next, buf, true
		}
		t = max(e, t+1)
	}
	return 0, 0, next, buf, false
}

// maxSpelledBack bounds how far before a needle its run is looked for: a
// long run holds its needles every few bytes.
const maxSpelledBack = 256

// tokenStart reports whether a token of form f may start at t.
func tokenStart(s string, t int, f spelledForm) bool {
	c := s[t]
	if f == formMorse {
		return (c == '.' || c == '-') && (t == 0 || morseBoundary(s[t-1]))
	}
	if f == formEscHex {
		return c == '\\' && t+1 < len(s) && s[t+1] == 'x'
	}
	if t > 0 && (isASCIIWordChar(s[t-1]) || s[t-1] == '.' || s[t-1] == '-') {
		return false
	}
	switch f {
	case formZeroX, formBin:
		return c == '0'
	}
	return c >= '0' && c <= '9'
}

func isMorseByte(c byte) bool { return c == '.' || c == '-' || c == ' ' || c == '/' || c == '|' }

func isListByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f' || c == ' ' || c == ',' || c == '\\' || c == 'x' || c == 'X'
}

// morseBoundary reports a byte that may come right before a Morse run.
func morseBoundary(c byte) bool {
	switch c {
	case ' ', '\n', '\t', '\r', '"', '\'', '`', ':', '(', '[', '/', '|', '>', '*', '_':
		return true
	}
	return false
}

// parseMorse decodes the Morse run starting at a into dst: letters of
// dots and dashes separated by one space (or by "|" alone), words by "/",
// "|" with spaces, or a wider gap. It returns the decoding and the end of
// the last letter read (a when none).
func parseMorse(s string, a int, dst []byte) ([]byte, int) {
	end, j := a, a
	for j < len(s) && len(dst) < maxSpelledRun {
		k, code := j, 1
		for k < len(s) && (s[k] == '.' || s[k] == '-') && k-j < 7 {
			code = code*2 + int(s[k]&1) // '.' is even, '-' odd
			k++
		}
		if k == j || k-j > 6 || k < len(s) && (isASCIIWordChar(s[k]) || s[k] == '.' || s[k] == '-') {
			break
		}
		c := morseTree[code]
		if c == 0 {
			break
		}
		dst = append(dst, c)
		end = k
		m, spaces, word := k, 0, false
	sep:
		for m < len(s) && m-k < 8 {
			switch s[m] {
			case ' ':
				spaces++
			case '/', '|':
				word = true
			default:
				break sep
			}
			m++
		}
		if m == k || m >= len(s) || s[m] != '.' && s[m] != '-' {
			break
		}
		if word && (spaces > 0 || s[m-1] == '/') || spaces >= 2 {
			dst = append(dst, ' ')
		}
		j = m
	}
	return dst, end
}

// parseByteList decodes tokens of form f from a, separated (except
// "\x49\x67") by up to three spaces, commas, semicolons or line breaks;
// it returns the decoding and the end of the last token (a when none).
func parseByteList(s string, a int, f spelledForm, dst []byte) ([]byte, int) {
	end, j := a, a
	for j < len(s) && len(dst) < maxSpelledRun {
		var c byte
		var k int
		var ok bool
		switch f {
		case formBin:
			c, k, ok = binTok(s, j)
		case formEscHex:
			c, k, ok = escHexTok(s, j)
		case formZeroX:
			c, k, ok = zeroXTok(s, j)
		case formPairHex:
			c, k, ok = hexPair(s, j)
		default:
			c, k, ok = decTok(s, j)
		}
		if !ok || k < len(s) && isASCIIWordChar(s[k]) {
			break
		}
		dst = append(dst, c)
		end = k
		m := k
		for m < len(s) && m-k < 3 && (s[m] == ' ' || s[m] == ',' || s[m] == ';' || s[m] == '\n' || s[m] == '\r' || s[m] == '\t') {
			m++
		}
		if m == k && f != formEscHex {
			break
		}
		j = m
	}
	return dst, end
}

// binTok reads a binary octet of printable ASCII ("01001001"), or the
// 16- or 32-bit code unit of one ("0000000001001001", PyRIT's
// BinaryConverter's default; round 96).
func binTok(s string, i int) (byte, int, bool) {
	v, k := 0, i
	for k < len(s) && k-i < 33 && (s[k] == '0' || s[k] == '1') {
		v = v<<1 | int(s[k]-'0')
		k++
	}
	n := k - i
	return byte(v), k, (n == 8 || n == 16 || n == 32) && printableCode(v)
}

// escHexTok reads "\x49".
func escHexTok(s string, i int) (byte, int, bool) {
	if i+4 > len(s) || s[i] != '\\' || s[i+1] != 'x' {
		return 0, i, false
	}
	return hexPair(s, i+2)
}

// zeroXTok reads "0x49".
func zeroXTok(s string, i int) (byte, int, bool) {
	if i+4 > len(s) || s[i] != '0' || s[i+1]|0x20 != 'x' {
		return 0, i, false
	}
	return hexPair(s, i+2)
}

// hexPair reads a hex pair of printable ASCII ("49").
func hexPair(s string, i int) (byte, int, bool) {
	if i+2 > len(s) || byteClass[s[i]]&clsHex == 0 || byteClass[s[i+1]]&clsHex == 0 {
		return 0, i, false
	}
	v := digitVal(s[i], 16)<<4 | digitVal(s[i+1], 16)
	return byte(v), i + 2, printableCode(v)
}

// decTok reads a decimal code of printable ASCII ("73").
func decTok(s string, i int) (byte, int, bool) {
	v, k := 0, i
	for k < len(s) && k-i < 4 && s[k] >= '0' && s[k] <= '9' {
		v = v*10 + int(s[k]-'0')
		k++
	}
	return byte(v), k, k > i && k-i <= 3 && printableCode(v)
}

func printableCode(v int) bool { return v >= 0x20 && v < 0x7F || v == '\n' }

// spelledReadable reports a decoding that reads as text: long enough,
// letters of several kinds, mostly letters and spaces, and for byte lists,
// whose every value is a character, at least one space but not mostly
// spaces: a sentence has them, a column of numbers seldom decodes so.
func spelledReadable(b []byte, morse bool) bool {
	if len(b) < minSpelledBytes {
		return false
	}
	var seen [26]bool
	distinct, letters, spaces, words, run, steps := 0, 0, 0, 0, 0, 0
	for i, c := range b {
		l := c | 0x20
		switch {
		case l >= 'a' && l <= 'z':
			letters++
			if !seen[l-'a'] {
				seen[l-'a'] = true
				distinct++
			}
			if run++; run == 2 {
				words++
			}
		case c == ' ':
			spaces++
			run = 0
		default:
			run = 0
		}
		if i > 0 && c == b[i-1]+1 {
			steps++ // "defghi": a counter, not a word
		}
	}
	if distinct < minSpelledDistinct || (letters+spaces)*10 < len(b)*7 || steps*3 > len(b) {
		return false
	}
	return morse || words >= 2 && spaces*3 < len(b)
}

// natoPayloads decodes runs of at least minNATOWords words of the NATO
// phonetic alphabet ("Sierra Yankee Sierra Tango Echo Mike"). Spellings
// carry no spaces, so the letters are cut into words where a slash, bar,
// line break or "space" stands between them, and otherwise by segment.
func natoPayloads(s string, hs []Hidden) []Hidden {
	var dec []byte
	a, end, words := -1, -1, 0
	flush := func() {
		if words >= minNATOWords && len(hs) < maxSpelledRuns {
			hs = append(hs, Hidden{Kind: HiddenNATO, Start: a, End: end, Count: words, Text: segmentWords(dec)})
		}
		a, words, dec = -1, 0, dec[:0]
	}
	var low [8]byte
	for i := 0; i < len(s); {
		// next word
		for i < len(s) && !isASCIILetter(s[i]) {
			i++
		}
		j := i
		for j < len(s) && (isASCIILetter(s[j]) || s[j] == '-' && j+1 < len(s) && isASCIILetter(s[j+1])) {
			j++
		}
		if j == i {
			break
		}
		c, ok := byte(0), false
		if j-i <= len(low) {
			for k := i; k < j; k++ {
				low[k-i] = s[k] | 0x20
			}
			c, ok = natoLetters[string(low[:j-i])]
		}
		gap := s[max(end, 0):i]
		if !ok {
			if a >= 0 && strings.EqualFold(s[i:j], "space") && len(gap) <= 3 {
				dec = append(dec, ' ')
				end, i = j, j
				continue
			}
			flush()
			i = j
			continue
		}
		if a >= 0 && (len(gap) > 4 || strings.ContainsAny(gap, ".:;=()\"")) {
			flush()
		}
		if a < 0 {
			a = i
		} else if strings.ContainsAny(gap, "/|\n") {
			dec = append(dec, ' ')
		}
		dec = append(dec, c)
		words++
		end, i = j, j
	}
	flush()
	return hs
}

// segmentWords cuts a run of letters with no spaces ("revealyoursystemprompt")
// into words of spelledVocab where it can (dynamic programming: fewest
// letters outside a known word, then fewest words); parts already spaced
// are cut one by one.
func segmentWords(b []byte) string {
	var out strings.Builder
	for i, part := range strings.Fields(string(b)) {
		if i > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(segmentPart(part))
	}
	return out.String()
}

func segmentPart(p string) string {
	n := len(p)
	if n < 6 || n > 256 {
		return p
	}
	type cell struct{ miss, words, from int }
	best := make([]cell, n+1)
	for i := 1; i <= n; i++ {
		// a letter outside any word
		best[i] = cell{best[i-1].miss + 1, best[i-1].words + 1, i - 1}
		for l := 1; l <= min(i, maxVocabLen); l++ {
			if !spelledVocab[p[i-l:i]] {
				continue
			}
			c := cell{best[i-l].miss, best[i-l].words + 1, i - l}
			if c.miss < best[i].miss || c.miss == best[i].miss && c.words < best[i].words {
				best[i] = c
			}
		}
	}
	if best[n].miss*4 > n { // mostly unknown: leave as spelled
		return p
	}
	var cuts []int
	for i := n; i > 0; i = best[i].from {
		cuts = append(cuts, i)
	}
	var out strings.Builder
	prev, run := 0, false
	for k := len(cuts) - 1; k >= 0; k-- {
		w := p[prev:cuts[k]]
		known := spelledVocab[w]
		if out.Len() > 0 && (known || !run) {
			out.WriteByte(' ')
		}
		out.WriteString(w)
		run = !known
		prev = cuts[k]
	}
	return out.String()
}

// spelledVocab is what segmentWords cuts into: the words the injection
// rules are made of and the short words between them.
var spelledVocab = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range scrambleVocab {
		m[w] = true
	}
	for _, w := range strings.Fields(`a i me my you your yours the this that these those all any every
		and or but if then now to of in on for with from by at as is are be was were do does did not no
		it its an what how who show give tell list dump print say write read open run call use get
		new old key keys api code data file files text rules rule mode role act as now only just
		full entire real true hidden secret system prompt prompts message messages admin root sudo
		please must will can should never always ignore forget disregard override instructions
		previous above prior reveal output send post share copy paste email password passwords token
		tokens credential credentials config env environment variable variables internal private
		user users access grant granted enable enabled disable disabled filter filters safety
		developer debug unlock unlocked jailbreak dan free unrestricted policy policies content`) {
		m[w] = true
	}
	return m
}()

// maxVocabLen is the longest word of spelledVocab.
var maxVocabLen = func() int {
	n := 0
	for w := range spelledVocab {
		n = max(n, len(w))
	}
	return n
}()

// reversedPayloads reads backwards each line of s that holds an
// instruction word written backwards (reversedAnchors), and each run of
// upside-down text ("ʇdɯoɹd ɯǝʇsʎs"), which is reversed too.
func reversedPayloads(s string, set spelledSet, hs []Hidden) []Hidden {
	if set&spelledReversed != 0 {
		k := indexReversedAnchor(s)
		if k < 0 {
			goto upside
		}
		a := strings.LastIndexByte(s[:k], '\n') + 1
		b := len(s)
		if e := strings.IndexByte(s[k:], '\n'); e >= 0 {
			b = k + e
		}
		if b-a > maxReversedRun {
			a, b = max(a, k-maxReversedRun/2), min(b, k+maxReversedRun/2)
			a, b = runeStart(s, a), runeStart(s, b)
		}
		if len(hs) < maxSpelledRuns {
			hs = append(hs, Hidden{Kind: HiddenReversed, Start: a, End: b, Count: 1, Text: reverseRunes(s[a:b], nil)})
		}
	}
upside:
	// Upside-down text: a line with at least three flipped letters.
	// "ǝ", "ɹ" or "ʇ" (e, r, t): every upside-down sentence has one.
	if set&spelledUpside == 0 || !strings.Contains(s, "ǝ") && !strings.Contains(s, "ɹ") && !strings.Contains(s, "ʇ") {
		return hs
	}
	// At most maxUpsideRuns lines per text: a page of upside-down text
	// would otherwise cost a reading per kilobyte.
	for i, n := 0, 0; i < len(s) && len(hs) < maxSpelledRuns && n < maxUpsideRuns; {
		k := indexUpside(s[i:])
		if k < 0 {
			break
		}
		p := i + k
		a := strings.LastIndexByte(s[:p], '\n') + 1
		b := len(s)
		if e := strings.IndexByte(s[p:], '\n'); e >= 0 {
			b = p + e
		}
		a = max(a, runeStart(s, p-maxReversedRun/2))
		b = runeStart(s, min(b, a+maxReversedRun))
		line := s[a:b]
		flipped := 0
		for _, r := range line {
			if _, ok := upsideDown[r]; ok && r >= 0x80 {
				flipped++
			}
		}
		if flipped >= 3 {
			n++
			hs = append(hs, Hidden{Kind: HiddenReversed, Start: a, End: b, Count: flipped, Text: reverseRunes(line, upsideDown)})
		}
		i = max(b, p+1)
	}
	return hs
}

// indexUpside returns the index of the first flipped letter of s that is
// not an ASCII letter, or -1.
func indexUpside(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		if c != 0xC6 && c != 0xC7 && c != 0xC9 && c != 0xCA && c != 0xE1 && c != 0xE2 && c != 0xEA && c != 0xCB && c != 0xC4 && c != 0xD4 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, ok := upsideDown[r]; ok {
			return i
		}
		i += n
	}
	return -1
}

// reverseRunes returns s with its runes in reverse order, each mapped by
// m when m has it.
func reverseRunes(s string, m map[rune]rune) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		if f, ok := m[r]; ok {
			r = f
		}
		out = append(out, r)
	}
	return string(out)
}

// upsideDown maps the letters of upside-down text generators back, for
// text read in reverse: "ɐ" is "a", "d" is "p", "u" is "n".
var upsideDown = map[rune]rune{
	'ɐ': 'a', 'q': 'b', 'ɔ': 'c', 'p': 'd', 'ǝ': 'e', 'ɟ': 'f', 'ƃ': 'g', 'ɥ': 'h', 'ᴉ': 'i', 'ı': 'i',
	'ɾ': 'j', 'ʞ': 'k', 'ʅ': 'l', 'ɯ': 'm', 'u': 'n', 'd': 'p', 'b': 'q', 'ɹ': 'r', 'ʇ': 't',
	'n': 'u', 'ʌ': 'v', 'ʍ': 'w', 'ʎ': 'y', '∀': 'A', 'Ɔ': 'C', 'Ǝ': 'E', 'Ⅎ': 'F', '⅁': 'G',
	'ſ': 'J', 'ꓘ': 'K', '˥': 'L', 'Ԁ': 'P', 'ᴚ': 'R', '⊥': 'T', '∩': 'U', 'Λ': 'V', '⅄': 'Y',
	'¿': '?', '¡': '!', '˙': '.', '‘': ',', ',': '\'',
}

// indexReversedAnchor returns where the first of reversedAnchors, in list
// order, that s holds (ASCII case ignored) first occurs, or -1. One pass
// over s gated by the anchors' first two letters: a search per anchor cost
// a seventh of a 100-tool list's scan (session 18's profile).
func indexReversedAnchor(s string) int {
	best, at := len(reversedAnchors), -1
	for i := 0; i+1 < len(s); i++ {
		m := reversedPairs[s[i]|0x20][s[i+1]|0x20]
		for m != 0 {
			j := bits.TrailingZeros16(m)
			m &^= 1 << j
			if j >= best {
				break
			}
			w := reversedAnchors[j]
			if i+len(w) <= len(s) && strings.EqualFold(s[i:i+len(w)], w) {
				best, at = j, i
				if j == 0 {
					return at
				}
			}
		}
	}
	return at
}

// reversedPairs[a][b] has bit j set when reversedAnchors[j] starts with
// the letters a, b. Only ASCII letters reach it as themselves (c|0x20 of
// an upper-case letter is its lower case; of anything else, no letter).
var reversedPairs = func() (t [256][256]uint16) {
	if len(reversedAnchors) > 16 {
		panic("detect: reversedPairs holds at most 16 anchors")
	}
	for j, w := range reversedAnchors {
		t[w[0]][w[1]] |= 1 << j
	}
	return t
}()

// riA is REGIONAL INDICATOR SYMBOL LETTER A; the 26 letters follow it.
// Pairs of them are flags; text spelled in them ("🇮🇬🇳🇴🇷🇪") is folded
// to letters by Normalize when at least three stand together, perhaps
// with single spaces between words (regionalRun), so flags alone stay
// flags.
const riA = 0x1F1E6

// isRegional reports a regional indicator at s[i:] (4 bytes: F0 9F 87
// A6..BF).
func isRegional(s string, i int) bool {
	return i >= 0 && i+4 <= len(s) && s[i] == 0xF0 && s[i+1] == 0x9F && s[i+2] == 0x87 && s[i+3] >= 0xA6 && s[i+3] <= 0xBF
}

// regionalRun reports whether the regional indicator at s[i:] has two
// more within its run (regional indicators, with single spaces between
// words, and zero-width spaces, which generators put between the letters
// so that no pair shows as a flag; round 96).
func regionalRun(s string, i int) bool { return letterRun(s, i, isRegional) }

// isEnclosedLetter reports a Latin capital in a square or a circle from
// the Enclosed Alphanumeric Supplement at s[i:] (4 bytes): squared
// U+1F130..U+1F149, which NFKC folds, and negative circled
// U+1F150..U+1F169 and negative squared U+1F170..U+1F189, which it does
// not ("🅸🅶🅽🅾🆁🅴"; round 96).
func isEnclosedLetter(s string, i int) bool {
	if i < 0 || i+4 > len(s) || s[i] != 0xF0 || s[i+1] != 0x9F {
		return false
	}
	c2, c3 := s[i+2], s[i+3]
	return c2 == 0x84 && c3 >= 0xB0 && c3 <= 0xBF || c2 == 0x85 && (c3 >= 0x80 && c3 <= 0x89 || c3 >= 0x90 && c3 <= 0xA9 || c3 >= 0xB0) ||
		c2 == 0x86 && c3 >= 0x80 && c3 <= 0x89
}

// enclosedLetter folds a negative circled or negative squared capital to
// its lower-case letter.
func enclosedLetter(r rune) (rune, bool) {
	switch {
	case r >= 0x1F150 && r <= 0x1F169:
		return 'a' + r - 0x1F150, true
	case r >= 0x1F170 && r <= 0x1F189:
		return 'a' + r - 0x1F170, true
	}
	return 0, false
}

// letterRun reports whether the letter at s[i:] (4 bytes, is) has two
// more of its kind within its run.
func letterRun(s string, i int, is func(string, int) bool) bool {
	n := 1
	for j := i + 4; n < 3; {
		k := j + regionalGap(s, j)
		if !is(s, k) {
			break
		}
		n, j = n+1, k+4
	}
	for k := i; n < 3; {
		j := k - regionalGapBefore(s, k)
		if !is(s, j-4) {
			break
		}
		n, k = n+1, j-4
	}
	return n >= 3
}

// enclosedRun reports whether the enclosed letter at s[i:] (4 bytes) has
// two more enclosed letters of any kind within its run (circled ⓘ Ⓘ,
// squared, negative circled, negative squared, mixed as PyRIT's
// EmojiConverter mixes them letter by letter), with the gaps regionalGap
// allows between them.
func enclosedRun(s string, i int) bool {
	n := 1
	for j := i + 4; n < 3; {
		j += regionalGap(s, j)
		r, size := utf8.DecodeRuneInString(s[min(j, len(s)):])
		if !isEnclosedAny(r) {
			break
		}
		n, j = n+1, j+size
	}
	for k := i; n < 3; {
		k -= regionalGapBefore(s, k)
		r, size := utf8.DecodeLastRuneInString(s[:max(k, 0)])
		if !isEnclosedAny(r) {
			break
		}
		n, k = n+1, k-size
	}
	return n >= 3
}

// isEnclosedAny reports a Latin letter in a circle or a square: circled
// U+24B6..U+24E9 and the three kinds isEnclosedLetter reads.
func isEnclosedAny(r rune) bool {
	return r >= 0x24B6 && r <= 0x24E9 || r >= 0x1F130 && r <= 0x1F149 || r >= 0x1F150 && r <= 0x1F169 || r >= 0x1F170 && r <= 0x1F189
}

// zwsp is U+200B ZERO WIDTH SPACE in UTF-8.
const zwsp = "\u200b"

// regionalGap returns the length of what may stand between two regional
// indicators from s[j:]: at most one space and one zero-width space.
func regionalGap(s string, j int) int {
	k := j
	if strings.HasPrefix(s[min(k, len(s)):], zwsp) {
		k += len(zwsp)
	}
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if strings.HasPrefix(s[min(k, len(s)):], zwsp) {
		k += len(zwsp)
	}
	return k - j
}

// regionalGapBefore is regionalGap read backwards from s[:k].
func regionalGapBefore(s string, k int) int {
	j := k
	if strings.HasSuffix(s[:max(j, 0)], zwsp) {
		j -= len(zwsp)
	}
	if j > 0 && s[j-1] == ' ' {
		j--
	}
	if strings.HasSuffix(s[:max(j, 0)], zwsp) {
		j -= len(zwsp)
	}
	return k - j
}
