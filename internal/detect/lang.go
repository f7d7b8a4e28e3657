package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The injection window classifier is trained on English text. Other
// languages are not unknown to it but misread: German "die", "sie", "und"
// and code words such as "Response" carry English weights, and clean
// German documentation scored like an attack (round 20: 18 of 40 German
// FastAPI sections). The language gate below decides, per window, whether
// the prose is English enough for that model; when it is not, only the
// lines that read as English (and decoded payloads) are classified, and a
// window with none is left to the rules, which cover 14 languages since
// round 18. See docs/injection-rounds.md, "Round 22".
//
// The score is a count of function words: short, frequent, closed-class
// words that every paragraph of a language has and code rarely does.
// Words shared by English and another language ("in", "a", "is", "die",
// "was", "an", "on", "do", "no", "of" in Dutch-adjacent text…) count for
// neither. Letters of other scripts count for the other side. Code is left
// out first (fenced blocks, inline code, lines shaped like code, and
// identifiers), since documentation in any language is full of English
// keywords ("for", "if", "with", "from", "return").

// Thresholds of the gate.
const (
	// minForeignWords is the least number of other-language words for a
	// window to count as not English: a stray "und" or "de la" in an
	// English text must not switch the classifier off.
	minForeignWords = 6
	// foreignRatio: the other side must outnumber English function words
	// by this factor. English text quoting a foreign name or phrase stays
	// English; a German paragraph with an English sentence in it does not
	// (that sentence is still classified on its own line, see englishView).
	foreignRatio = 2
	// langEarlyStop ends the count once one side has this many words and
	// leads by foreignRatio*2: the decision cannot change in practice,
	// and long English windows need not be read to the end.
	langEarlyStop = 24
	// maxFuncWordLen bounds the words looked up (bytes): longer ones are
	// never function words, and skipping them keeps the count cheap.
	maxFuncWordLen = 8
)

// langSide tells which side a function word counts for.
type langSide uint8

const (
	sideNone langSide = iota
	sideEnglish
	sideOther
)

// englishFunctionWords are frequent English closed-class words that are
// not also frequent words of the languages in otherFunctionWords.
var englishFunctionWords = []string{
	"the", "and", "to", "are", "were", "be", "been", "being", "you", "your", "yours",
	"that", "this", "these", "those", "with", "for", "from", "have", "has", "had",
	"it", "its", "not", "can", "could", "would", "should", "must", "which", "what",
	"when", "where", "how", "why", "who", "whose", "we", "they", "their", "there",
	"them", "he", "she", "his", "her", "our", "my", "by", "at", "or", "if", "than",
	"then", "into", "about", "but", "any", "each", "some", "such", "only", "other",
	"more", "most", "very", "just", "does", "did", "don't", "doesn't", "isn't",
	"can't", "won't", "it's", "you're", "we're", "they're", "there's", "that's",
	"all", "after", "before", "because", "while", "through", "between", "without",
	"under", "over", "may", "might", "shall", "itself", "yourself", "him",
	"us", "of", "is", "please", "now",
}

// otherFunctionWords are frequent closed-class words of the languages the
// injection rules cover (Spanish, French, German, Portuguese, Italian,
// Dutch, Irish and Scottish Gaelic, Albanian, Zulu) and of Turkish and
// Polish; scripts other than Latin are counted by their letters instead.
// Single letters ("y", "e", "o", "i", "a") and words English uses too are
// left out.
var otherFunctionWords = []string{
	// Spanish
	"el", "la", "los", "las", "del", "que", "en", "un", "una", "por", "para", "con",
	"es", "se", "su", "sus", "al", "lo", "como", "más", "pero", "este", "esta",
	"esto", "cuando", "también", "puede", "puedes", "hay", "está", "usted",
	"tu", "ya", "sin", "entre", "sobre", "muy", "otro", "otra",
	// French
	"le", "les", "des", "du", "de", "une", "et", "est", "sont", "qui", "pour",
	"dans", "sur", "avec", "ce", "cette", "ces", "vous", "votre", "vos", "nous",
	"il", "elle", "ils", "pas", "ne", "au", "aux", "ou", "mais", "peut",
	"être", "très", "sa", "ses", "leur", "sous", "si",
	// German
	"der", "die", "das", "den", "dem", "des", "und", "ist", "sind", "nicht", "ein",
	"eine", "einen", "einem", "einer", "mit", "für", "auf", "von", "zu", "zum",
	"zur", "im", "sie", "ihr", "ihre", "ihren", "wir", "ich", "es", "sich", "auch",
	"oder", "wenn", "werden", "wird", "kann", "können", "dass", "als", "bei",
	"nach", "aus", "wie", "noch", "nur", "diese", "dieser", "dieses", "hier",
	"um", "über", "du", "dein", "deine", "ihnen", "haben", "zwischen",
	// Portuguese
	"um", "uma", "da", "das", "em", "na", "nos", "com", "é",
	"não", "seu", "sua", "você", "ao", "mais", "isso", "pode", "também", "pelo",
	"pela", "quando", "mas",
	// Italian
	"il", "gli", "di", "della", "dei", "delle", "che", "è",
	"sono", "si", "alla", "nel", "nella", "questo", "questa", "anche", "più",
	"può", "tuo", "tua", "puoi", "essere",
	// Dutch
	"het", "een", "dat", "niet", "je", "jouw", "uw", "voor", "op",
	"zijn", "wordt", "worden", "ook", "naar", "om", "dit", "deze", "er", "maar",
	"kunt", "wij",
	// Irish, Scottish Gaelic
	"agus", "na", "ar", "ag", "tá", "bhfuil", "ní", "leis", "aig", "gu",
	"tha", "ach", "mo", "tú", "thu",
	// Albanian
	"dhe", "të", "në", "një", "për", "nga", "që", "së", "është", "janë", "nuk",
	"ky", "kjo", "ose", "ju", "jo",
	// Zulu
	"ukuthi", "futhi", "kodwa", "noma", "ngoba", "uma", "kanye", "lokho",
	"lapho", "ukuze", "yakho", "wena", "kakhulu",
	// Turkish
	"ve", "bir", "bu", "için", "ile", "olarak", "gibi", "daha", "çok", "ama",
	"veya", "olan", "şu", "sonra", "kadar",
	// Polish
	"się", "nie", "że", "jak", "ale", "dla", "od", "przez", "są",
	"czy", "jeśli", "tak", "oraz", "lub", "przy", "aby", "gdy", "jako", "tylko", "już", "może",
	"które", "który",
}

// funcWords maps a lower-case function word to its side. Built once and
// never written after (read-only package state).
var funcWords = buildFuncWords()

func buildFuncWords() map[string]langSide {
	m := make(map[string]langSide, len(englishFunctionWords)+len(otherFunctionWords))
	for _, w := range englishFunctionWords {
		m[w] = sideEnglish
	}
	for _, w := range otherFunctionWords {
		if m[w] == sideEnglish {
			// Listed on both sides by mistake: it decides nothing.
			m[w] = sideNone
			continue
		}
		m[w] = sideOther
	}
	return m
}

// langCount is the evidence for and against English in a text.
type langCount struct {
	en, other int
}

// foreign reports whether the counted text is not English enough for the
// English window classifier.
func (c langCount) foreign() bool {
	return c.other >= minForeignWords && c.other > foreignRatio*c.en
}

// decided reports whether reading further cannot change foreign() in
// practice.
func (c langCount) decided() bool {
	return c.en >= langEarlyStop && c.en >= 2*foreignRatio*c.other ||
		c.other >= langEarlyStop && c.other >= 2*foreignRatio*c.en
}

// proseForeign reports whether text (a window of a document, raw) reads as
// prose in another language than English once its code is left out.
func proseForeign(text string) bool {
	return countLang(text, true).foreign()
}

// countLang counts function words of both sides in the prose lines of
// text. With stop, it returns as soon as the count is decided.
func countLang(text string, stop bool) langCount {
	var c langCount
	forProseLines(text, func(line string) bool {
		return !countLine(line, &c, stop)
	})
	return c
}

// forProseLines calls fn for each line of text that is prose: outside
// fenced code blocks and not shaped like code. fn returns false to stop.
func forProseLines(text string, fn func(line string) bool) {
	fence := false
	for rest := text; len(rest) > 0; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if isFence(line) {
			fence = !fence
			continue
		}
		if fence || codeLine(line) {
			continue
		}
		if !fn(line) {
			return
		}
	}
}

// isFence reports whether line opens or closes a fenced code block.
func isFence(line string) bool {
	t := strings.TrimLeft(line, " \t>")
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

// codeLinePrefixes start lines that are code, not prose, in the
// documentation formats seen (Markdown, MDX, shell transcripts).
var codeLinePrefixes = []string{
	"import ", "export ", "from ", "const ", "let ", "var ", "def ", "class ",
	"function ", "return ", "async ", "await ", "$ ", "# ", "//", "/*", "#!", "@", "{", "}",
}

// codeLine reports whether a line outside a fence is code: it starts like
// a statement or markup (a Markdown heading "# " is dropped too: headings
// are short and often code names), or ends like one.
func codeLine(line string) bool {
	t := strings.TrimSpace(line)
	if t == "" {
		return true
	}
	for _, p := range codeLinePrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	switch t[len(t)-1] {
	case ';', '{', '}', '(', '[', ',':
		// A prose line may end in a comma when a sentence is wrapped, but
		// wrapped prose is rare in these formats and the next line counts.
		return strings.ContainsAny(t, "=(){}")
	}
	return false
}

// countLine adds one prose line's words to c. Inline code (between
// backticks) and identifiers are skipped; letters of other scripts count
// for the other side.
func countLine(line string, c *langCount, stop bool) bool {
	inCode := false
	for i := 0; i < len(line); {
		ch := line[i]
		if ch == '`' {
			inCode = !inCode
			i++
			continue
		}
		if inCode {
			i++
			continue
		}
		if ch < utf8.RuneSelf {
			if !isASCIILetter(ch) {
				i++
				continue
			}
		}
		j, latin, nonLatin := wordEnd(line, i)
		switch {
		case nonLatin > 0:
			c.other += scriptWords(line[i:j], nonLatin)
		case latin && j-i <= maxFuncWordLen && !identifierAt(line, i, j):
			if s := funcWords[lowerWord(line[i:j])]; s == sideEnglish {
				c.en++
			} else if s == sideOther {
				c.other++
			}
		}
		if stop && c.decided() {
			return true
		}
		if j == i {
			j = i + 1
		}
		i = j
	}
	return false
}

// wordEnd returns the end of the word (letters and apostrophes) starting
// at i, whether all its letters are Latin, and how many are of another
// script.
func wordEnd(s string, i int) (j int, latin bool, nonLatin int) {
	latin = true
	j = i
	for j < len(s) {
		r, n := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[j:])
		}
		switch {
		case r == '\'' || r == '’':
			if j == i || j+n >= len(s) || !isASCIILetter(s[j+n]) {
				return j, latin, nonLatin
			}
		case !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r):
			return j, latin, nonLatin
		case r >= utf8.RuneSelf && !unicode.Is(unicode.Latin, r) && !unicode.Is(unicode.Mn, r):
			latin = false
			nonLatin++
		}
		j += n
	}
	return j, latin, nonLatin
}

// scriptWords is how many words a run of letters of another script stands
// for: Chinese and Japanese are written without spaces, about two
// characters a word; other scripts separate words by spaces.
func scriptWords(run string, letters int) int {
	r, _ := utf8.DecodeRuneInString(run)
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		return (letters + 1) / 2
	}
	return 1
}

// identifierAt reports whether the word s[i:j] is part of an identifier,
// path, URL or markup name rather than prose: joined to its neighbours by
// code punctuation or digits, or written in camelCase.
func identifierAt(s string, i, j int) bool {
	if i > 0 && strings.IndexByte("_./\\<{[$@#=:-", s[i-1]) >= 0 {
		return true
	}
	if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		return true
	}
	if j < len(s) {
		c := s[j]
		if c == '_' || c == '(' || c == '=' || c >= '0' && c <= '9' {
			return true
		}
		if (c == '.' || c == ':' || c == '/' || c == '-') && j+1 < len(s) && isASCIIWordChar(s[j+1]) {
			return true
		}
	}
	for k := i + 1; k < j; k++ {
		if s[k] >= 'A' && s[k] <= 'Z' && s[k-1] >= 'a' && s[k-1] <= 'z' {
			return true
		}
	}
	return false
}

// lowerWord lower-cases a short word; ASCII words without upper case are
// returned as they are (no allocation).
func lowerWord(w string) string {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// appendEnglishView appends to dst the classifier's view of the lines of
// window that read as English by themselves (at least two English
// function words, more than the other side), separated as ScanDocument
// separates segments. An English instruction on its own line inside a
// German page is still classified; German prose and code are not.
func appendEnglishView(dst []byte, window string) []byte {
	forProseLines(window, func(line string) bool {
		var c langCount
		countLine(line, &c, false)
		if c.en < 2 || c.en <= c.other {
			return true
		}
		if len(dst) > 0 {
			dst = append(dst, " . "...)
		}
		dst = appendTextView(dst, Normalize(line).Text)
		return true
	})
	return dst
}

// englishOnly replaces the classifier view of a window whose prose is not
// English: the English lines of window, then the views of decoded payloads
// (view[topEnd:], which follow the top-level segment's view).
func englishOnly(view []byte, topEnd int, window string) []byte {
	var decoded []byte
	if topEnd >= 0 && topEnd < len(view) {
		decoded = append(decoded, view[topEnd:]...)
	}
	view = appendEnglishView(view[:0], window)
	if len(decoded) > 0 {
		if len(view) == 0 {
			decoded = decoded[len(" . "):]
		}
		view = append(view, decoded...)
	}
	return view
}
