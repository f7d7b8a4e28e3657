package detect

import "slices"

// Respelled words (round 99). Three spellings keep every rule word out of
// a text while a reader, or a model, still reads it:
//   - a word split by a hyphen inside it ("Ign-ore all prev-ious
//     instru-ctions", "use-r's"): the parts joined;
//   - pig latin ("gnoreIay llaay reviouspay nstructionsiay"): the last
//     one to three letters before "ay" moved back to the front;
//   - leetspeak with @ and $ only ("@ll previou$ in$truction$", "$y$tem"),
//     which deleet, made for digits, leaves alone: @ read as a, $ as s.
// A word is read only when the reading is a word the rules are made of
// (the unscrambler's vocabulary as written, or isRespellVocab), and a
// text only when at least minRespelled words are: a lone "pa$$word" or
// "okay" is ordinary writing, and "e-mail" is never read. Then the short words such texts put between them
// ("llaay", "@nd", "hetay") are read too. The rules read one space
// between words, so the copy is shorter than the text, with a map back
// for spans (as unsymbol's).

// minRespelled is how many vocabulary words a text must hold respelled
// before respell reads it.
const minRespelled = 2

// withRespell makes respell read (the injection unscrambler's setting).
func (u *unscrambler) withRespell() *unscrambler {
	u.respells = true
	return u
}

// isRespellShort reports the short words read in a text that holds
// minRespelled respelled vocabulary words: the words between them ("all",
// "the", "and", "your") that the rules need as much.
func isRespellShort(w string) bool {
	switch w {
	case "all", "the", "and", "your", "you", "to", "of", "new", "now", "not", "in", "any", "this",
		"that", "for", "with", "are", "me", "my", "is", "api", "do", "own", "its":
		return true
	}
	return false
}

// respelled is one word read back: text[at:end] reads as word.
type respelled struct {
	at, end int
	word    string
}

// respell returns a copy of text (lower-case, as normalised) with the
// respelled words read as the words they spell, when at least
// minRespelled vocabulary words are; false otherwise. at maps each byte
// offset of the copy, and its length, to an offset of text: the rules
// read one space between words, so the copy is shorter than text.
func (u *unscrambler) respell(text string) (copied string, at []int32, ok bool) {
	if !u.respells {
		return "", nil, false
	}
	var read, short []respelled
	var buf [maxScrambled + 4]byte
	for i := 0; i < len(text); {
		// A token: letters, with @ and $ and single hyphens between
		// letters, not next to a digit (deleet's, or no word).
		if respellClass[text[i]]&(classLetter|classSymbol) == 0 || i > 0 && respellClass[text[i-1]]&(classLetter|classSymbol|classDigit) != 0 {
			i++
			continue
		}
		j, symbols, hyphens := i, 0, 0
		for j < len(text) {
			for j < len(text) && respellClass[text[j]] == classLetter {
				j++
			}
			if j == len(text) {
				break
			}
			if c := respellClass[text[j]]; c == classSymbol {
				symbols++
			} else if c == classHyphen && j > i && j+1 < len(text) && wordByte[text[j-1]] == 1 && wordByte[text[j+1]] == 1 {
				hyphens++
			} else {
				break
			}
			j++
		}
		if j < len(text) && respellClass[text[j]] == classDigit {
			i = j
			continue
		}
		if symbols == 0 && hyphens == 0 && (j-i < 4 || text[j-1] != 'y' || text[j-2] != 'a') {
			i = j // a plain word, most of them
			continue
		}
		tok := text[i:j]
		switch {
		case hyphens > 0 && symbols == 0:
			read = u.respellSplit(tok, i, read, buf[:0])
		case symbols > 0 && hyphens == 0 && len(tok) <= maxScrambled:
			if w := symbolRead(tok, buf[:0]); w != "" {
				if v, ok := u.spelled(w); ok {
					read = append(read, respelled{i, j, v})
				} else if isRespellShort(w) {
					short = append(short, respelled{i, j, w})
				}
			}
		case symbols == 0 && hyphens == 0: // ends in "ay"
			if w, ok := u.pigRead(tok[:len(tok)-2], buf[:0]); ok {
				read = append(read, respelled{i, j, w})
			} else if w, ok := pigShort(tok[:len(tok)-2], buf[:0]); ok {
				short = append(short, respelled{i, j, w})
			}
		}
		i = j
	}
	if len(read) < minRespelled {
		return "", nil, false
	}
	read = append(read, short...)
	slices.SortFunc(read, func(a, b respelled) int { return a.at - b.at })
	out := make([]byte, 0, len(text))
	at = make([]int32, 0, len(text)+1)
	i := 0
	for _, r := range read {
		for ; i < r.at; i++ {
			out = append(out, text[i])
			at = append(at, int32(i))
		}
		out = append(out, r.word...)
		for k := range len(r.word) {
			at = append(at, int32(min(r.at+k, r.end-1)))
		}
		i = r.end
	}
	for ; i < len(text); i++ {
		out = append(out, text[i])
		at = append(at, int32(i))
	}
	at = append(at, int32(len(text)))
	return string(out), at, true
}

// spelled returns the word w spells, when it is one of the unscrambler's
// vocabulary as written or of respellVocab.
func (u *unscrambler) spelled(w string) (string, bool) {
	if len(w) < 4 || len(w) > maxScrambled {
		return "", false
	}
	if v, as := u.lookup(w); as == wordAsWritten {
		return v, true
	}
	if isRespellVocab(w) {
		return w, true
	}
	return "", false
}

// isRespellVocab reports the rule words a respelling is read as besides
// the unscrambler's vocabulary: the scrambled reading leaves them out
// because another word shares their letters ("files" and "flies"), which
// an exact reading does not have to fear.
func isRespellVocab(w string) bool {
	switch w {
	case "files", "request", "requests", "repository", "conversation", "database", "document", "documents",
		"verbatim", "anything", "access", "permissions", "browser", "website", "terminal", "shell", "script",
		"disclose", "expose", "share", "post", "publish", "contact", "address", "link":
		return true
	}
	return false
}

func isRespellByte(c byte) bool { return respellClass[c]&(classLetter|classSymbol) != 0 }

// Byte classes of respell's token scan.
const (
	classLetter = 1 << iota
	classDigit
	classSymbol // @ and $
	classHyphen
)

var respellClass = func() (t [256]uint8) {
	for c := range t {
		switch wordByte[c] {
		case 1:
			t[c] = classLetter
		case 2:
			t[c] = classDigit
		}
	}
	t['@'], t['$'], t['-'] = classSymbol, classSymbol, classHyphen
	return t
}()

// respellSplit appends to read the vocabulary words that two or three
// adjacent hyphen-joined parts of tok (at text offset at) spell.
func (u *unscrambler) respellSplit(tok string, at int, read []respelled, buf []byte) []respelled {
	var parts [8][2]int // offsets in tok
	n, start := 0, 0
	for k := 0; k <= len(tok) && n < len(parts); k++ {
		if k == len(tok) || tok[k] == '-' {
			parts[n] = [2]int{start, k}
			n++
			start = k + 1
		}
	}
	for p := 0; p+1 < n; {
		matched := false
		for q := min(n-1, p+2); q > p; q-- {
			w := buf[:0]
			for r := p; r <= q; r++ {
				w = append(w, tok[parts[r][0]:parts[r][1]]...)
			}
			if v, ok := u.spelled(string(w)); ok && !ordinarySplit(tok[parts[p][0]:parts[q][1]]) {
				read = append(read, respelled{at + parts[p][0], at + parts[q][1], v})
				p, matched = q+1, true
				break
			}
		}
		if !matched {
			p++
		}
	}
	return read
}

// ordinarySplit reports the hyphenated spellings of vocabulary words that
// ordinary text uses: all but a few of those in round 99's local text
// (280 MB) were "e-mail".
func ordinarySplit(s string) bool {
	switch s {
	case "e-mail", "over-ride", "by-pass", "up-load", "pass-word":
		return true
	}
	return false
}

// symbolRead returns tok with @ read as a and $ as s, if it has a letter.
func symbolRead(tok string, buf []byte) string {
	letters := 0
	for k := 0; k < len(tok); k++ {
		switch c := tok[k]; c {
		case '@':
			buf = append(buf, 'a')
		case '$':
			buf = append(buf, 's')
		default:
			letters++
			buf = append(buf, c)
		}
	}
	if letters == 0 {
		return ""
	}
	return string(buf)
}

// pigRead returns the vocabulary word that stem, a pig-latin word without
// its "ay", spells: the last one to three letters moved back to the
// front; "way", "yay" and "hay" endings of words that begin with a vowel
// are tried too.
func (u *unscrambler) pigRead(stem string, buf []byte) (string, bool) {
	for k := 1; k <= 3 && k < len(stem); k++ {
		w := append(append(buf[:0], stem[len(stem)-k:]...), stem[:len(stem)-k]...)
		if v, ok := u.spelled(string(w)); ok {
			return v, true
		}
	}
	if last := stem[len(stem)-1]; len(stem) > 4 && (last == 'w' || last == 'y' || last == 'h') && isVowel(stem[0]) {
		if v, ok := u.spelled(stem[:len(stem)-1]); ok {
			return v, true
		}
	}
	return "", false
}

// pigShort returns the short word (isRespellShort) that stem spells in pig
// latin.
func pigShort(stem string, buf []byte) (string, bool) {
	for k := 1; k <= 2 && k < len(stem); k++ {
		w := append(append(buf[:0], stem[len(stem)-k:]...), stem[:len(stem)-k]...)
		if isRespellShort(string(w)) {
			return string(w), true
		}
	}
	if len(stem) >= 2 && isRespellShort(stem) && isVowel(stem[0]) { // "allay", "anday"
		return stem, true
	}
	if len(stem) >= 3 && isVowel(stem[0]) && (stem[len(stem)-1] == 'w' || stem[len(stem)-1] == 'y' || stem[len(stem)-1] == 'h') && isRespellShort(stem[:len(stem)-1]) {
		return stem[:len(stem)-1], true
	}
	return "", false
}

func isVowel(c byte) bool {
	switch c | 0x20 {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// respellAnchorWords are the instruction words whose split and pig-latin
// spellings are prefilter anchors: a text whose every rule word is
// respelled holds no other anchor. "email" is left out: "e-mail" is how
// many people write it.
var respellAnchorWords = []string{
	"ignore", "disregard", "forget", "instruction", "previous", "system", "prompt", "password",
	"reveal", "override", "bypass", "secret", "assistant", "credential", "important", "jailbreak",
	"developer", "directive", "confidential", "exfiltrate",
}

// respellAnchors returns each of words split by a hyphen after each of
// its letters but the last ("ign-ore", "sys-tem"), cut to the hyphen and
// the two letters after it, at least six bytes, unless the first part is
// a prefix English writes with a hyphen ("pre-view", "in-store",
// "over-ride": splitPrefix); and each of words and its plural in pig latin
// with its first one, two or three letters moved to the end, whole
// ("gnoreiay", "reviouspay"): cut short, they begin ordinary words
// ("structi", "portant"). Words that begin with a vowel and keep it
// ("ignoreway") begin with the word itself, already an anchor. The
// windows these open are quiet (as jailbreak anchors'): the classifier
// reads them only where a rule matched.
func respellAnchors(words, have []string) []string {
	seen := make(map[string]bool, len(have))
	for _, a := range have {
		seen[a] = true
	}
	var out []string
	add := func(a string) {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	for _, w := range words {
		for k := 1; k < len(w); k++ {
			if splitPrefix(w[:k]) {
				continue
			}
			s := w[:k] + "-" + w[k:]
			add(s[:min(len(s), max(6, k+3))])
		}
		for _, v := range []string{w, w + "s"} {
			for k := 1; k <= 3; k++ {
				add(v[k:] + v[:k] + "ay")
			}
		}
	}
	return out
}

// splitPrefix reports a word beginning that English writes with a hyphen
// before the rest of a word ("pre-vious" is "pre-view" that far); ordinary
// hyphenated words in round 99's local text began with these.
func splitPrefix(p string) bool {
	switch p {
	case "by", "con", "de", "dis", "ex", "for", "im", "in", "over", "pass", "pre", "pro", "re", "sec", "sub", "un":
		return true
	}
	return false
}
