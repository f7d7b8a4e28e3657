package detect

import (
	"strings"

	"github.com/warden-mcp/warden/internal/detect/keywords"
)

// Chat and log transcripts in the classifier's view (round 52). An IRC,
// Matrix or WhatsApp log starts every line with a timestamp, often with a
// channel name and a date ("mediawiki 2019-02-25 [15:25:04] <nick> …",
// "[14 jan 10:36] …", "12/9/20, 23:55 - bob: …"). Read as words, these
// prefixes are a "<num>" run and a channel word repeated on every line,
// and with the first- and second-person words of chat they carried the
// classifier's score of clean chat logs (round 50: all 17 classifier-
// decided windows had one among their two strongest features). The view
// drops each such prefix, so the features are the messages (one "<num>"
// word or a placeholder word instead measured no better); the rules and
// the task model still read the whole text. Only a transcript is read so:
// at least minChatLines line starts of the segment must carry a prefix,
// and a prefix holds only a channel word, a date and a clock time, never
// a message word.

const (
	minChatLines = 2
	// chatStampWord is what the view writes for one line's timestamp
	// prefix: a space, so the words on either side stay apart.
	chatStampWord = " "
)

// chatText returns n.Text for the classifier's view, with the timestamp
// prefix of each line start (see above) read as chatStampWord. Text
// without such prefixes is returned as is, with no allocation.
func chatText(n *Normalized) string {
	s := n.Text
	if len(n.breaks) == 0 || !clocks(s, minChatLines) {
		return s
	}
	// Count first: most multi-line text has no prefixed lines.
	lines := 0
	if chatStampEnd(s, 0) > 0 {
		lines++
	}
	for _, p := range n.breaks {
		if chatStampEnd(s, int(p)+1) > 0 {
			lines++
		}
	}
	if lines < minChatLines {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	at := 0
	cut := func(p int) {
		if e := chatStampEnd(s, p); e > 0 {
			b.WriteString(s[at:p])
			b.WriteString(chatStampWord)
			at = e
		}
	}
	cut(0)
	for _, q := range n.breaks {
		if p := int(q) + 1; p >= at {
			cut(p)
		}
	}
	b.WriteString(s[at:])
	return b.String()
}

// chatStampEnd returns the end of a timestamp prefix starting at s[p]
// (past one following space), or 0 if none starts there. Accepted, in
// normalised (lower case, single-spaced) text:
//
//	[chan ]yyyy-mm-dd[ |t][[]time[]]     mediawiki 2019-02-25 [15:25:04]
//	[[]dd mon time[]]                    [14 jan 10:36]
//	[[]time[]]                           [06:56], 10:21:33
//	d/m/yy, time[ -]                     12/9/20, 23:55 -
//
// where time is h:mm[:ss][.fff][z]. The time is required.
func chatStampEnd(s string, p int) int {
	if p >= len(s) || !clocks(s[p:min(len(s), p+maxStampLen)], 1) {
		return 0
	}
	j := p
	// A channel word counts only before a date.
	if k := chanWord(s, j); k > j && k < len(s) && s[k] == ' ' {
		if e := isoDate(s, k+1); e > 0 {
			j = k + 1
		}
	}
	k := j // where the time starts
	if e := isoDate(s, j); e > 0 {
		j, k = e, e
		if k < len(s) && (s[k] == ' ' || s[k] == 't') {
			k++
		}
	} else if e := slashDate(s, j); e > 0 {
		j, k = e, e
		if k < len(s) && s[k] == ',' {
			k++
		}
		if k < len(s) && s[k] == ' ' {
			k++
		}
	}
	open := k < len(s) && s[k] == '['
	if open {
		k++
		if e := dayMonth(s, k); e > 0 {
			k = e
		}
	}
	if e := clock(s, k); e > 0 {
		k = e
		if open {
			if k >= len(s) || s[k] != ']' {
				return 0
			}
			k++
		}
		j = k
	} else {
		return 0 // a date alone ("2024-01-02 release notes") is no chat line
	}
	if strings.HasPrefix(s[j:], " - ") {
		j += 2
	}
	if j < len(s) && s[j] != ' ' {
		return 0 // "2019-02-25x": not a prefix
	}
	if j < len(s) {
		j++
	}
	return j
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits returns the end of a run of n to m digits at s[i], or 0.
func digits(s string, i, n, m int) int {
	k := i
	for k < len(s) && k-i < m && isDigit(s[k]) {
		k++
	}
	if k-i < n || k < len(s) && isDigit(s[k]) {
		return 0
	}
	return k
}

// isoDate reads yyyy-mm-dd.
func isoDate(s string, i int) int {
	if e := digits(s, i, 4, 4); e > 0 && e < len(s) && s[e] == '-' {
		if e = digits(s, e+1, 2, 2); e > 0 && e < len(s) && s[e] == '-' {
			return digits(s, e+1, 2, 2)
		}
	}
	return 0
}

// slashDate reads d/m/yy (either order, two- or four-digit year).
func slashDate(s string, i int) int {
	if e := digits(s, i, 1, 2); e > 0 && e < len(s) && s[e] == '/' {
		if e = digits(s, e+1, 1, 2); e > 0 && e < len(s) && s[e] == '/' {
			return digits(s, e+1, 2, 4)
		}
	}
	return 0
}

// clock reads h:mm[:ss][.fff][z].
func clock(s string, i int) int {
	e := digits(s, i, 1, 2)
	if e == 0 || e >= len(s) || s[e] != ':' {
		return 0
	}
	if e = digits(s, e+1, 2, 2); e == 0 {
		return 0
	}
	if e < len(s) && s[e] == ':' {
		if f := digits(s, e+1, 2, 2); f > 0 {
			e = f
		}
	}
	if e < len(s) && s[e] == '.' {
		if f := digits(s, e+1, 1, 9); f > 0 {
			e = f
		}
	}
	if e < len(s) && s[e] == 'z' {
		e++
	}
	return e
}

// dayMonth reads "dd mon " ("14 jan ").
func dayMonth(s string, i int) int {
	e := digits(s, i, 1, 2)
	if e == 0 || e+5 > len(s) || s[e] != ' ' || s[e+4] != ' ' {
		return 0
	}
	for k := e + 1; k < e+4; k++ {
		if s[k] < 'a' || s[k] > 'z' {
			return 0
		}
	}
	return e + 5
}

// chanWord reads a channel name: '#' or a letter, then letters, digits,
// '-', '_', '.' or '#', at most 32 bytes.
func chanWord(s string, i int) int {
	k := i
	for k < len(s) && k-i < 32 {
		c := s[k]
		if c >= 'a' && c <= 'z' || c == '#' || k > i && (isDigit(c) || c == '-' || c == '_' || c == '.') {
			k++
			continue
		}
		break
	}
	if k-i > 32 {
		return i
	}
	return k
}

// chatBreaks returns n.breaks plus, in a transcript (minChatLines line
// starts with a timestamp prefix), the space after each such line's
// speaker tag ("[17:07] <bjf> ", "12/9/20, 23:55 - bob: "): the rules
// read a message as a line start, as they read it in a plain text, so a
// line-start pattern ("assistant: […] user:") is not hidden by a chat
// prefix (round 52). Only breaks are added; the rule view's bytes, and
// so the speaker tag itself, are unchanged.
func chatBreaks(n *Normalized) []int32 {
	s := n.Text
	if len(n.breaks) == 0 || !clocks(s, minChatLines) {
		return n.breaks
	}
	var add []int32
	lines := 0
	at := func(p int) {
		e := chatStampEnd(s, p)
		if e == 0 {
			return
		}
		lines++
		if k := speakerEnd(s, e); k > 0 {
			add = append(add, int32(k))
		}
	}
	at(0)
	for _, p := range n.breaks {
		at(int(p) + 1)
	}
	if lines < minChatLines || len(add) == 0 {
		return n.breaks
	}
	out := make([]int32, 0, len(n.breaks)+len(add))
	i, j := 0, 0
	for i < len(n.breaks) || j < len(add) {
		if j == len(add) || i < len(n.breaks) && n.breaks[i] < add[j] {
			out = append(out, n.breaks[i])
			i++
		} else {
			if i == len(n.breaks) || n.breaks[i] != add[j] { // an empty message's tag ends the line
				out = append(out, add[j])
			}
			j++
		}
	}
	return out
}

// maxSpeaker bounds a speaker tag's length.
const maxSpeaker = 48

// speakerEnd returns the position of the space after a speaker tag at
// s[i] ("<nick> ", "nick: "), or 0 if none is there.
func speakerEnd(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '<' {
		k := strings.IndexByte(s[i:min(len(s), i+maxSpeaker)], '>')
		if k > 1 && !strings.ContainsAny(s[i+1:i+k], "<\n") && i+k+1 < len(s) && s[i+k+1] == ' ' {
			return i + k + 1
		}
		return 0
	}
	k := strings.Index(s[i:min(len(s), i+maxSpeaker)], ": ")
	if k < 1 {
		return 0
	}
	for _, c := range []byte(s[i : i+k]) {
		if !isWordByte(c) && c != ' ' && c != '-' && c != '.' {
			return 0
		}
	}
	return i + k + 1
}

// minChatSpeakers is how many distinct speaker tags make a text a
// conversation between people for the task model (chatTaskOK).
const minChatSpeakers = 3

// chatLine returns the end of the timestamp prefix and speaker tag of the
// raw line holding text[i] (lower-cased and single-spaced for
// chatStampEnd), the speaker, and whether the line has both.
func chatLine(text string, i int) (msg int, speaker string, ok bool) {
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	le := min(len(text), ls+160)
	if k := strings.IndexByte(text[ls:le], '\n'); k >= 0 {
		le = ls + k
	}
	var buf [160]byte
	var pos [160]int // pos[j]: offset in text of buf[j]
	n := 0
	for j := ls; j < le && n < len(buf); j++ {
		c := text[j]
		if c == '\t' || c == '\r' {
			c = ' '
		}
		if c == ' ' && n > 0 && buf[n-1] == ' ' {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n], pos[n] = c, j
		n++
	}
	s := string(buf[:n])
	e := chatStampEnd(s, 0)
	if e == 0 {
		return 0, "", false
	}
	k := speakerEnd(s, e)
	if k == 0 {
		return 0, "", false
	}
	return pos[k], s[e:k], true
}

// chatSpeakers counts the distinct speakers of timestamped lines in text,
// stopping at minChatSpeakers.
func chatSpeakers(text string) int {
	if !clocks(text, minChatSpeakers) {
		return 0
	}
	seen := map[string]bool{}
	for i := 0; i < len(text) && len(seen) < minChatSpeakers; {
		e := strings.IndexByte(text[i:], '\n')
		if e < 0 {
			e = len(text) - i
		}
		// A stamp's clock is within a line's first bytes.
		if e > 0 && clocks(text[i:i+min(e, maxStampLen)], 1) {
			if _, sp, ok := chatLine(text, i); ok {
				seen[strings.Trim(sp, "<>: ")] = true
			}
		}
		i += e + 1
	}
	return len(seen)
}

// aiAddressee matches words that name an AI as the one addressed.
var aiAddressee = keywords.MustNew([]string{"assistant", "ai", "a.i.", "model", "llm", "agent", "chatbot", "gpt", "chatgpt", "claude", "gemini", "copilot", "language model"})

// chatTaskOK reports whether task candidate text[a:b] counts. In a
// conversation between people (minChatSpeakers speaker tags on
// timestamped lines), a message's question or request is the log's own
// ("Can I store a type in a variable?"): it counts only if it names an
// AI. Outside a chat message, or in other text, every candidate counts.
func chatTaskOK(text string, a, b int, conv bool) bool {
	if !conv {
		return true
	}
	if msg, _, ok := chatLine(text, a); !ok || msg > a {
		return true
	}
	var c keywords.Cursor
	s := text[a:b]
	for {
		m, ok := aiAddressee.Next(s, &c)
		if !ok {
			return false
		}
		if (m.Start == 0 || !isWordByte(lowerASCII(s[m.Start-1]))) && (m.End == len(s) || !isWordByte(lowerASCII(s[m.End]))) {
			return true
		}
	}
}

// maxStampLen bounds where a line's clock can start (channel word, date).
const maxStampLen = 64

// clocks reports whether s holds at least n clock times (d:dd): a cheap
// gate, since every stamp holds one and most text has few or none.
func clocks(s string, n int) bool {
	for i := 0; n > 0; {
		k := strings.IndexByte(s[i:], ':')
		if k < 0 {
			return false
		}
		i += k + 1
		if i >= 2 && isDigit(s[i-2]) && i+1 < len(s) && isDigit(s[i]) && isDigit(s[i+1]) {
			n--
		}
	}
	return true
}
