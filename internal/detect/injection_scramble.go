package detect

import "strings"

// Scrambled words ("typoglycemia"): people, and models, read "Ignroe all
// pervious insrtuctions" as easily as the original, because a word keeps
// its first and last letter and only the letters between are shuffled.
// Character scrambling is a published way around keyword filters (OWASP's
// prompt-injection cheat sheet; the Best-of-N jailbreak), and before this
// every rule and the prefilter missed it. A word whose first letter, last
// letter and multiset of middle letters equal those of a word the rules
// are made of is read as that word, in a copy of the window the rules run
// on again (byte for byte, like the leetspeak and hyphen copies, so spans
// hold). Correctly spelled text yields no copy and costs one pass over the
// window's words.

// scrambleVocab are the words the injection rules are made of that are
// long enough to scramble (four letters or more) and that no common
// English word shares a key with ("files" and "conversation" are left out:
// "flies" and "conservation" would be read as them; checked against the
// words of the clean tune sets).
var scrambleVocab = strings.Fields(`
ignore ignoring disregard forget override bypass nevermind
instruction instructions directive directives previous prior earlier above preceding original initial
system prompt prompts assistant developer admin administrator
reveal secret secrets password passwords credentials credential confidential private hidden
print repeat output respond response answer reply summary summarize translate
email send forward upload exfiltrate attacker leak
everything rules guidelines restrictions safety filters policy policies
jailbreak pretend roleplay unrestricted unfiltered enabled mode
task tasks instead user users tell include append insert
visit click following below execute command commands delete transfer account
keys token tokens contents file data history context message messages
important urgent immediately must should
`)

// injectionUnscrambler reads scrambleVocab; built once, never changed.
var injectionUnscrambler = newUnscrambler(scrambleVocab).withNoise().withRespell()

// scrambleAnchors are the short prefilter anchors whose scrambled forms
// are prefilter anchors too: a text whose every anchor word is scrambled
// would otherwise never be looked at. Only words of at most six letters,
// whose scrambles are few (at most 23 each); longer anchors come with one
// of these in practice ("Ignroe all pervious insrtuctions").
var scrambleAnchors = []string{"ignore", "forget", "bypass", "system", "prompt", "secret", "reveal"}

// scrambled returns every distinct scramble of each word's middle letters
// except the word itself, for the prefilter.
func scrambled(words []string) []string {
	var out []string
	for _, w := range words {
		seen := map[string]bool{w: true}
		mid := []byte(w[1 : len(w)-1])
		permute(mid, 0, func(m []byte) {
			s := w[:1] + string(m) + w[len(w)-1:]
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		})
	}
	return out
}

// permute calls fn with every permutation of b[k:] (b[:k] fixed).
func permute(b []byte, k int, fn func([]byte)) {
	if k == len(b) {
		fn(b)
		return
	}
	for i := k; i < len(b); i++ {
		b[k], b[i] = b[i], b[k]
		permute(b, k+1, fn)
		b[k], b[i] = b[i], b[k]
	}
}

// maxScrambled bounds the words looked up: the longest vocabulary word.
const maxScrambled = 14

// unscrambler finds, for a word, the vocabulary word it scrambles. Words
// are grouped by first and last letter; has holds a bit per length that
// some word of a group has, so most words of a text fail one table test
// and a correctly spelled rule word costs one comparison (keyword-dense
// text was 10-19% slower with sorted keys in a map).
type unscrambler struct {
	has   [26 * 26]uint16
	words [26 * 26][]string
	// noised: also read a word with one letter moved one place in the
	// alphabet, when another such word stands near (injection_noise.go);
	// near is has for every group within noisedMoves of a word's own.
	noised bool
	near   [26 * 26]uint16
	middle [26 * 26][]middleSig // of words[p][i], for noised reading
	// nearGroups[p][n] lists the groups within noisedMoves(n) of group p
	// that hold a word of n letters, with how far (first and last letter
	// moves)
	nearGroups [26 * 26][maxScrambled + 1][]nearGroup
	// respells: respell reads split, pig-latin and @$ words
	// (injection_respell.go); without it respell reads nothing.
	respells bool
}

type nearGroup struct {
	p    uint16
	ends uint8
}

// middleSig sums a vocabulary word's middle letters and marks which occur:
// a letter moved one place changes the sum by one and at most two marks,
// so most candidates fail on these before letters are counted.
type middleSig struct {
	sum  int
	mask uint32
}

func middleOf(w string) middleSig {
	var m middleSig
	for k := 1; k < len(w)-1; k++ {
		c := w[k] | 0x20 - 'a'
		m.sum += int(c)
		m.mask |= 1 << (c & 31)
	}
	return m
}

func newUnscrambler(vocab []string) *unscrambler {
	u := &unscrambler{}
	for _, w := range vocab {
		if len(w) < 4 || len(w) > maxScrambled {
			continue
		}
		p := letterPair(w[0], w[len(w)-1])
		u.has[p] |= 1 << len(w)
		u.words[p] = append(u.words[p], w)
	}
	return u
}

// letterPair indexes has by a word's first and last ASCII letter.
func letterPair(a, b byte) int { return int((a|0x20)-'a')*26 + int((b|0x20)-'a') }

// wordByte marks ASCII letters (1) and digits (2): the unscramble loop
// reads every byte of a window, so one load per byte.
var wordByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	return t
}()

// Results of lookup.
const (
	wordOther     = iota // no vocabulary word's scramble
	wordAsWritten        // a vocabulary word, as written
	wordScrambled        // a scramble of a vocabulary word
)

// lookup returns the vocabulary word that w, an ASCII word of 4 to
// maxScrambled letters, is a scramble of (wordScrambled), or whether w is
// a vocabulary word as written.
func (u *unscrambler) lookup(w string) (string, int) {
	for _, v := range u.words[letterPair(w[0], w[len(w)-1])] {
		if len(v) != len(w) {
			continue
		}
		if w[1:] == v[1:] { // normalised text is lower-case: the word as written
			return v, wordAsWritten
		}
		var count [26]int8
		for k := 1; k < len(w)-1; k++ {
			count[w[k]|0x20-'a']++
			count[v[k]-'a']--
		}
		if count == [26]int8{} {
			return v, wordScrambled
		}
	}
	return "", wordOther
}

// of returns the vocabulary word that w, an ASCII word of 4 to
// maxScrambled letters, is a scramble of; false if it is none or is
// that word as written.
func (u *unscrambler) of(w string) (string, bool) {
	v, as := u.lookup(w)
	return v, as == wordScrambled
}

// readWord is a word unscramble reads as a vocabulary word.
type readWord struct {
	at     int
	word   string
	noised bool
}

// unscramble returns text (lower-case, as normalised) with every word
// that is a scramble of a vocabulary word replaced by that word, when
// there is one; false otherwise. With noised set, a word one moved letter
// from a vocabulary word is replaced too when another replaced word
// stands within noisedNear bytes.
func (u *unscrambler) unscramble(text string) (string, bool) {
	var b []byte
	var read []readWord // only when a noised word is found
	nnoised := 0
	for i := 0; i < len(text); {
		if wordByte[text[i]] != 1 {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && wordByte[text[j]] == 1 {
			j++
		}
		n := j - i
		if n < 4 || n > maxScrambled || i > 0 && wordByte[text[i-1]] != 0 || j < len(text) && wordByte[text[j]] != 0 {
			i = j
			continue
		}
		as := wordOther
		if u.has[letterPair(text[i], text[j-1])]&(1<<n) != 0 {
			var w string
			if w, as = u.lookup(text[i:j]); as == wordScrambled {
				if b == nil {
					b = []byte(text)
				}
				copy(b[i:j], w)
				read = append(read, readWord{at: i, word: w})
			}
		}
		if as == wordOther && u.noised && n >= minNoised {
			if w, ok := u.noisedOf(text[i:j]); ok {
				read = append(read, readWord{at: i, word: w, noised: true})
				nnoised++
			}
		}
		i = j
	}
	if nnoised > 0 && len(read) > 1 {
		noisy := false
		for k, r := range read {
			if !r.noised {
				continue
			}
			if k > 0 && r.at-read[k-1].at <= noisedNear || k+1 < len(read) && read[k+1].at-r.at <= noisedNear {
				if b == nil {
					b = []byte(text)
				}
				copy(b[r.at:], r.word)
				noisy = true
			}
		}
		if noisy {
			// Noise makes "!" of a space too ("send!all"): between two
			// letters, read it as one.
			for i := 1; i+1 < len(b); i++ {
				if b[i] == '!' && wordByte[b[i-1]] == 1 && wordByte[b[i+1]] == 1 {
					b[i] = ' '
				}
			}
		}
	}
	if b == nil {
		return "", false
	}
	return string(b), true
}
