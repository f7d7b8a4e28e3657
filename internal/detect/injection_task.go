package detect

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/detect/keywords"
	"github.com/warden-mcp/warden/internal/detect/model"
)

// Task requests: a sentence that asks an AI for a generic task unrelated
// to the document it sits in ("What is the capital of Brazil?", "Draft an
// introduction for an essay about climate change.") carries no address to
// the model and none of the prefilter's anchor words. The document scanner
// therefore also looks at sentences that *start* with a task word (a
// question word or a task imperative) and scores each with a small
// sentence classifier (model.Task) trained to tell such requests from the
// requests and questions people write to each other in e-mails, tickets
// and chats ("Can you send me the invoice?"). See docs/injection.md.

// taskAnchors start the sentences the task classifier reads. They share
// the prefilter's automaton (keywords past len(injectionAnchors)); a hit
// opens no window, it only marks a candidate sentence when it stands at a
// sentence start and is a whole word.
var taskAnchors = []string{
	// questions
	"what", "what's", "whats", "who", "who's", "whom", "whose", "which", "when", "where", "why", "how",
	"is there", "are there", "is it", "do you", "does", "can i", "can you", "could you", "would you",
	"will you", "should i", "is the", "are the",
	// task imperatives
	"explain", "describe", "write", "draft", "compose", "create", "generate", "develop", "provide", "give",
	"list", "name", "tell", "show", "translate", "summarize", "summarise", "outline", "break down", "define",
	"compare", "contrast", "calculate", "compute", "solve", "suggest", "recommend", "convert", "rewrite",
	"paraphrase", "analyze", "analyse", "discuss", "elaborate", "illustrate", "teach", "identify", "produce",
	"design", "craft", "prepare", "propose", "offer", "share", "help", "implement", "build", "find", "make",
	"plan", "brainstorm", "come up", "imagine", "recite", "say", "print", "output", "detail", "clarify",
	"demonstrate", "walk me", "guide", "evaluate", "review", "critique", "predict", "estimate", "rank",
	"i want", "i need", "i'd like", "i would like", "please", "kindly", "now", "also", "additionally", "then",
	"next", "finally", "lastly",
	"state", "mention", "indicate", "specify", "remind me", "answer",
}

// Task-sentence limits: at most maxTaskCands candidate sentences per
// document are scored (a FAQ page can start hundreds of sentences with
// "How"; past the cap the rest is not read), each at most maxTaskSentence
// bytes.
const (
	maxTaskCands    = 256
	maxTaskSentence = 320
	// TaskRuleID is the finding of a sentence the task classifier scores
	// as a request to an AI.
	TaskRuleID = "inj.task.request"
	// FamilyTask is its family.
	FamilyTask Family = "task-request"
	// DefaultTaskFloor: a task-sentence probability below it adds nothing.
	// Round 7 lowered it from 0.8: on the tune sets requests appended to
	// data (SEP probes, Agent Security Bench instructions) sit at 0.7-0.8,
	// and the clean documents' false positives rose only from 0.77% to
	// 0.90% (docs/injection-rounds.md, "Round 7").
	DefaultTaskFloor = 0.7
	// DefaultLoneTaskFloor is the floor for a sentence with (almost) no
	// text around it: a tool result that is only a question ("How do I
	// reset my password?" from a search or a ticket title) is far more
	// often a person's question than an injected task.
	DefaultLoneTaskFloor = 0.95
	// DefaultRelatedTaskFloor is the floor for a sentence that shares at
	// least a quarter of its longer words with the text around it (overlap
	// token ctxov2 or ctxov3): documentation states what a command does in
	// task words ("Produce a relief of a PPM image."), about the matter of
	// the page; an injected task is about something else. It also applies
	// to a sentence without a word of five letters or more (ctxovn: "What
	// happened?"), too short to carry a task of its own.
	DefaultRelatedTaskFloor = 0.9
)

// taskSentenceStart reports whether the word at i starts a sentence: it
// follows the text start, a line break (any rune isLineBreak knows, also
// a JSON-escaped "\n"), a sentence end, a colon, a table bar or a tag
// end, with only spaces, quotes and bullet marks between (at most 12
// bytes: a deeper indent is not read, round 39).
func taskSentenceStart(s string, i int) bool {
	j := i
	for k := 0; k < 12 && j > 0; k++ {
		switch s[j-1] {
		case ' ', '\t', '"', '\'', '*', '-', '#', '(', '`', '_':
			j--
			continue
		}
		break
	}
	if j == 0 {
		return true
	}
	switch s[j-1] {
	case '.', '?', '!', ':', ';', '>':
		return true
	case 'n', 't', 'r':
		return j >= 2 && s[j-2] == '\\'
	}
	if lineBreakBefore(s, j) {
		return true
	}
	if j >= 3 && s[j-1] == 0x9C && s[j-2] == 0x80 && s[j-3] == 0xE2 { // “
		return j == 3 || strings.ContainsRune("\n.?!:", rune(s[j-4]))
	}
	return false
}

// lineBreakBefore reports whether s[:j] ends in a rune isLineBreak knows:
// \n, \r, \v, \f, NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH
// SEPARATOR (U+2029). A model reading the text sees a line start after
// each, so an attacker can use any of them to put a request on its own line.
func lineBreakBefore(s string, j int) bool {
	if j == 0 {
		return false
	}
	switch s[j-1] {
	case '\n', '\r', '\v', '\f':
		return true
	case 0x85:
		return j >= 2 && s[j-2] == 0xC2
	case 0xA8, 0xA9:
		return j >= 3 && s[j-2] == 0x80 && s[j-3] == 0xE2
	}
	return false
}

// lineBreakAt returns the length of the line-break rune isLineBreak knows
// at s[i] (\n, \r, \v, \f, NEL, U+2028, U+2029), or 0.
func lineBreakAt(s string, i int) int {
	switch s[i] {
	case '\n', '\r', '\v', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// taskSentenceEnd returns the end of the sentence starting at a: after
// ., ? or ! followed by a space, quote or line end. ok is false when a
// line ends or maxTaskSentence bytes pass first: headings, table rows
// and list items without a full stop are not requests.
func taskSentenceEnd(s string, a int) (end int, ok bool) {
	lim := min(len(s), a+maxTaskSentence)
	for i := a; i < lim; i++ {
		switch c := s[i]; c {
		case '\n', '\r', '\v', '\f', '|': // a line or table cell ends first
			return i, false
		case 0xC2, 0xE2: // NEL, U+2028, U+2029 end a line too
			if lineBreakAt(s, i) > 0 {
				return i, false
			}
		case '\\':
			if i+1 < len(s) && (s[i+1] == 'n' || s[i+1] == 'r') {
				return i, false
			}
		case '.', '?', '!':
			if i+1 >= len(s) {
				return i + 1, true
			}
			switch s[i+1] {
			case ' ', '\n', '\r', '\t', '\v', '\f', '"', '\'', '\\', ')':
			default:
				if lineBreakAt(s, i+1) == 0 {
					continue
				}
			}
			e := i + 1
			for e < lim && (s[e] == '"' || s[e] == '\'' || s[e] == ')') {
				e++
			}
			return e, true
		}
	}
	return lim, false
}

// InjectionTaskText is what the task classifier reads for the sentence
// doc[a:b] (used by training): a start mark, the sentence lower-cased
// with typographic quotes made plain, an end mark, and shape tokens: how
// the sentence ends, and how many of its longer words the surrounding
// document uses. A request to a colleague is about the matter of the
// e-mail ("the invoice", "the Q3 report"); an injected task is about
// something else ("the capital of Brazil").
func InjectionTaskText(doc string, a, b int) string {
	var tb taskBuf
	return string(tb.text(doc, a, b))
}

// taskBuf holds the buffers of one document's task scoring, so that
// candidates after the first allocate nothing but the feature text.
type taskBuf struct {
	out, around []byte
	ov          string // the overlap token of the last text
}

func (tb *taskBuf) text(doc string, a, b int) []byte {
	sentence := doc[a:b]
	dst := append(tb.out[:0], "qs "...)
	for _, r := range sentence {
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '“', '”':
			r = '"'
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		dst = utf8.AppendRune(dst, r)
	}
	dst = append(dst, " qe"...)
	end := strings.TrimRight(sentence, "\"') ")
	switch {
	case strings.HasSuffix(end, "?"):
		dst = append(dst, " qendq"...)
	case strings.HasSuffix(end, "!"):
		dst = append(dst, " qendx"...)
	default:
		dst = append(dst, " qendp"...)
	}
	dst = append(dst, ' ')
	tb.ov = tb.overlap(doc, a, b)
	dst = append(dst, tb.ov...)
	tb.out = dst
	return dst
}

// taskContext is how much text on each side of a candidate sentence the
// overlap token reads.
const taskContext = 1500

// overlap returns a token for the share of the sentence's words of five
// letters or more that also occur in the text around it (ctxnone:
// almost no text around it).
func (tb *taskBuf) overlap(doc string, a, b int) string {
	if lone(doc, a, b) {
		return "ctxnone"
	}
	lo, hi := max(0, a-taskContext), min(len(doc), b+taskContext)
	around := appendLower(appendLower(tb.around[:0], doc[lo:a]), " ")
	around = appendLower(around, doc[b:hi])
	tb.around = around
	total, found := 0, 0
	var word [32]byte
	s := doc[a:b]
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if n := j - i; n >= 5 && n <= len(word) {
			total++
			w := appendLower(word[:0], s[i:j])
			if bytes.Contains(around, w) {
				found++
			}
		}
		i = j
	}
	switch {
	case total == 0:
		return "ctxovn"
	case found == 0:
		return "ctxov0"
	case found*4 < total:
		return "ctxov1"
	case found*2 < total:
		return "ctxov2"
	}
	return "ctxov3"
}

// lone reports a sentence with fewer than 80 bytes of text around it.
func lone(doc string, a, b int) bool {
	lo, hi := max(0, a-taskContext), min(len(doc), b+taskContext)
	return (a-lo)+(hi-b) < 80
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// InjectionTaskSentences returns the candidate sentences of text that
// ScanDocument scores with the task classifier (byte spans, in order, at
// most maxTaskCands). The detector must be an injection detector.
func (d *Detector) InjectionTaskSentences(text string) [][2]int {
	return d.taskSentences(text, true)
}

// InjectionTrainingSentences is InjectionTaskSentences without requests
// glued to the text before them: the task model is trained on sentences
// (round 5), and reading glued starts too (round 10, a scan-time
// extension the model judges like any sentence) would change the
// samples, so the shipped task.bin stays reproducible.
func (d *Detector) InjectionTrainingSentences(text string) [][2]int {
	return d.taskSentences(text, false)
}

func (d *Detector) taskSentences(text string, glue bool) [][2]int {
	if d.doc == nil {
		return nil
	}
	var out [][2]int
	d.doc.anchors.Scan(text, func(m keywords.Match) bool {
		out = d.doc.taskCand(text, m, out, glue)
		return len(out) < maxTaskCands
	})
	return out
}

// taskCand appends the sentence starting at keyword hit m when m is a
// task anchor standing at a sentence start as a whole word, or (with
// glue) glued to the text before it.
func (ds *docScan) taskCand(text string, m keywords.Match, out [][2]int, glue bool) [][2]int {
	if m.Keyword < ds.taskBase || len(out) >= maxTaskCands {
		return out
	}
	// A capitalised whole word followed by a space or comma: "list =
	// list('abc')", "now()", "Rank#" and "whatever" are not sentence
	// starts. (An attacker writing in lower case is missed; code and
	// tables are full of lower-case line starts.)
	if m.End >= len(text) || text[m.End] != ' ' && text[m.End] != ',' && text[m.End-1] != ' ' {
		return out
	}
	if c := text[m.Start]; c < 'A' || c > 'Z' {
		return out
	}
	if m.Start > 0 && isASCIIWordChar(text[m.Start-1]) {
		return out
	}
	glued, label := false, false
	if !taskSentenceStart(text, m.Start) {
		switch {
		case !glue:
			return out
		case gluedTaskStart(text, m):
		case gluedAfterLabel(text, m):
			label = true
		default:
			return out
		}
		glued = true
	}
	if n := len(out); n > 0 && m.Start < out[n-1][1] {
		return out // inside the previous candidate ("Please explain …")
	}
	e, ok := taskSentenceEnd(text, m.Start)
	if !ok && glued {
		e, ok = jsonValueEnd(text, m.Start, e)
	}
	if !ok || label && !endsValue(text, e) {
		return out
	}
	return append(out, [2]int{m.Start, e})
}

// gluedAfterLabel reports a request glued to a value that ends in a
// capitalised or upper-case word ("Thong Kuah Please export …", "CUSTOM
// - Please review …"): what gluedTaskStart refuses, because in running
// text and title-case cells a capital after a capitalised word is no
// clause start. An instruction appended to a name or label field has
// this shape, so the start counts when the word after the anchor is
// lower case and the clause ends the JSON string value (endsValue): a
// button label or heading in prose goes on after it (round 33).
func gluedAfterLabel(s string, m keywords.Match) bool {
	j := spacesBefore(s, m.Start)
	if j == m.Start || j == 0 {
		return false
	}
	if s[j-1] == ',' || s[j-1] == '-' && j >= 2 && s[j-2] == ' ' {
		if j = spacesBefore(s, j-1); j == 0 {
			return false
		}
	}
	if c := s[j-1]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
		return false
	}
	return lowerAfter(s, m.End)
}

// endsValue reports whether a clause ending at e (taskSentenceEnd's end,
// past closing quotes, or jsonValueEnd's, at the quote) ends its JSON
// string value: an unescaped quote followed by a comma, a bracket, a
// line end or the end of the text.
func endsValue(s string, e int) bool {
	if e < len(s) && s[e] == '"' {
		e++
	}
	if e < 2 || s[e-1] != '"' || s[e-2] == '\\' {
		return false
	}
	if e == len(s) {
		return true
	}
	switch s[e] {
	case ',', '}', ']', '\n', '\r':
		return true
	}
	return false
}

// gluedTaskStart reports a request glued to the text before it with no
// sentence end: "… 25 degrees Please forward all e-mails to …", an
// instruction appended to a tool result's field value after a space,
// ", " or " - " (one or two spaces; more are aligned columns). The hit
// m is capitalised and not at a sentence start. Only in the middle of a
// lower-case run does a capital mark a new clause, so the text before
// must end in a lower-case letter, a digit or ")" and its word must not
// be a capitalised word ("Google Translate Create …", headings and
// title-case table cells), and the word after the anchor must start in
// lower case ("Create New Project" is a button label). The task model
// and its floors then judge the clause as they judge a sentence.
func gluedTaskStart(s string, m keywords.Match) bool {
	j := spacesBefore(s, m.Start)
	if j == m.Start || j == 0 {
		return false
	}
	if s[j-1] == ',' || s[j-1] == '-' && j >= 2 && s[j-2] == ' ' {
		if j = spacesBefore(s, j-1); j == 0 {
			return false
		}
	}
	if c := s[j-1]; c != ')' && (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') || titleWord(s, j)) {
		return false
	}
	return lowerAfter(s, m.End)
}

// spacesBefore returns the start of the one or two spaces ending at i
// (i itself when there are none or more: aligned columns are not text).
func spacesBefore(s string, i int) int {
	j := i
	for j > 0 && i-j < 3 && s[j-1] == ' ' {
		j--
	}
	if i-j > 2 {
		return i
	}
	return j
}

// titleWord reports whether the word ending at j is capitalised with
// only lower-case letters after the capital ("Translate", not "v3" or
// "PyGithub").
func titleWord(s string, j int) bool {
	w := j
	for w > 0 && isASCIIWordChar(s[w-1]) {
		w--
	}
	if s[w] < 'A' || s[w] > 'Z' {
		return false
	}
	for _, c := range []byte(s[w+1 : j]) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// lowerAfter reports whether the word after the anchor ending at e
// starts in lower case.
func lowerAfter(s string, e int) bool {
	for e < len(s) && (s[e] == ' ' || s[e] == ',') {
		e++
	}
	return e < len(s) && s[e] >= 'a' && s[e] <= 'z'
}

// jsonValueEnd ends a glued request that runs to the end of a JSON
// string value without a full stop: at the first unescaped quote before
// end that is followed by a comma, a bracket or a line end.
func jsonValueEnd(s string, a, end int) (int, bool) {
	for i := a; i < end; i++ {
		if s[i] != '"' || s[i-1] == '\\' {
			continue
		}
		if i+1 == len(s) {
			return i, true
		}
		switch s[i+1] {
		case ',', '}', ']', '\n', '\r':
			return i, true
		}
		return 0, false
	}
	return 0, false
}

// maxTaskWeight caps a task sentence's evidence below the injection
// guard's default quarantine threshold (0.9).
const maxTaskWeight = 0.85

// scoreTasks scores the candidate sentences with the task classifier and
// adds a finding for each above the floor; it returns the highest
// probability and the best finding's weight.
func (ds *docScan) scoreTasks(res *Result, field, text string, cands [][2]int, feats []uint32) ([]uint32, float64, float64) {
	if ds.task == nil {
		return feats, 0, 0
	}
	var bestP, bestW float64
	var tb taskBuf
	conv := chatSpeakers(text) >= minChatSpeakers
	first, last := scoredSpan(text, cands, conv)
	records := jsonDoc(text)
	for _, c := range cands {
		if !taskScored(text, c, conv) {
			continue
		}
		feats = Features(feats[:0], string(tb.text(text, c[0], c[1])), ds.task.Bits, ds.task.Set)
		p := ds.task.Prob(feats)
		bestP = max(bestP, p)
		floor := ds.taskFloor
		switch tb.ov {
		case "ctxnone":
			floor = max(floor, ds.loneFloor)
		case "ctxov2", "ctxov3", "ctxovn":
			floor = max(floor, ds.relatedFloor)
		}
		if !records && (c[0]-first > taskContext || last-c[0] > taskContext) {
			// The page has task-like sentences of its own away from this
			// one (round 59): one more is less surprising there.
			floor = max(floor, ds.relatedFloor)
		}
		if p < floor || notTaskProse(text, c[0], c[1]) {
			continue
		}
		// At most maxTaskWeight: a question or task in a document is the
		// least certain signal (FAQs and forum threads have them), so on
		// its own it gets the sentence removed, never the whole content
		// quarantined; with other signals the score still climbs.
		w := 0.5 + (maxTaskWeight-0.5)*(p-floor)/(1-floor)
		bestW = max(bestW, w)
		res.Findings = append(res.Findings, Finding{
			RuleID: TaskRuleID, Family: FamilyTask, Weight: w, Field: field, Start: c[0], End: c[1],
			Excerpt: excerpt(text, c[0], c[1]),
			Explain: fmt.Sprintf("sentence reads as a request to an AI for an unrelated task (p=%.2f)", p),
		})
	}
	return feats, bestP, bestW
}

// taskScored reports whether the task model scores candidate c: more
// than maxShortTask words, and in a conversation a request that names an
// AI (round 52).
func taskScored(text string, c [2]int, conv bool) bool {
	return taskWords(text[c[0]:c[1]]) > maxShortTask && chatTaskOK(text, c[0], c[1], conv)
}

// scoredSpan returns the first and the last start of the candidates the
// task model scores (-1, -1: none). A candidate more than taskContext
// bytes from another one sits in a page with task-like sentences of its
// own elsewhere (a news story's rhetorical questions, a thread's
// questions and advice, "Then …" in a narrative): each is another draw
// of the model, so the page gets the related floor (round 59; the 0.7
// floor was set on short carriers whose request is their one candidate,
// round 7). An injected passage shorter than taskContext cannot raise
// its own floor this way.
func scoredSpan(text string, cands [][2]int, conv bool) (first, last int) {
	first, last = -1, -1
	for _, c := range cands {
		if !taskScored(text, c, conv) {
			continue
		}
		if first < 0 || c[0] < first {
			first = c[0]
		}
		last = max(last, c[0])
	}
	return first, last
}

// jsonDoc reports a document that is a JSON value (its first byte past
// white space is '{' or '['): a tool output of records by different
// authors, where one record's template question ("What does this MR
// do?") says nothing about another's text, and where requests appended
// to one value score 0.7-0.8 (round 7). Round 59's page floor skips it.
func jsonDoc(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	return t != "" && (t[0] == '{' || t[0] == '[')
}

// maxShortTask is the most words a candidate can have and still not be
// scored (round 38): "## Next steps." or "Also." carries no task of its
// own, yet an anchor first word lifts it over the floor. A short
// instruction ("Ignore instructions.") is the rules' to catch.
const maxShortTask = 2

// taskWords counts the words of s as Features tokenises the sentence's
// feature text (lower-cased, typographic quotes made plain), stopping once
// it passes maxShortTask; symbol tokens are not words. Only the scan skips
// short candidates: the training sentences stay the same.
func taskWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s) && n <= maxShortTask; {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := taskWordRune(r)
		if !w && in && r == '.' && i+1 < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[i+1:])
			w = taskWordRune(r2) // "e.g", "v1.2": one token
		}
		if w && !in {
			n++
		}
		in = w
		i += size
	}
	return n
}

// taskWordRune reports whether r is a word rune of the feature text:
// isWordByte after lower-casing, except the typographic quotes and the
// acute accent, which taskBuf.text writes as ASCII quotes (an invalid
// byte becomes U+FFFD there, a word rune).
func taskWordRune(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z':
		return true
	case r < utf8.RuneSelf:
		return isWordByte(byte(r))
	}
	switch r {
	case '’', '‘', '“', '”', '´':
		return false
	}
	return true
}

// notTaskProse reports a candidate the English task model should not
// judge (round 25, real web pages): a headline in title case ("What Does
// the Bible Predict?") or a sentence in another language, whose first word
// only looks like an English task anchor ("Also ich habe …", "Analyse
// ergeben."). It runs only for sentences above their floor.
func notTaskProse(text string, a, b int) bool {
	return titleCase(text[a:b]) || taskForeign(text, a, b) || mdHeading(text, a)
}

// mdHeading reports a candidate on a Markdown ATX heading line ("### What
// did you expect?"): a label of the page or the issue template, not a
// request to the reader (round 58).
func mdHeading(text string, a int) bool {
	ls := strings.LastIndexByte(text[:a], '\n') + 1
	i := ls
	for i < a && i-ls < 3 && text[i] == ' ' {
		i++
	}
	n := 0
	for i < a && text[i] == '#' {
		i, n = i+1, n+1
	}
	return n >= 1 && n <= 6 && i < a && text[i] == ' '
}

// titleMinor are the words a title-case headline leaves in lower case.
var titleMinor = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "by": true, "and": true, "or": true, "but": true, "nor": true, "as": true, "vs": true,
	"via": true, "per": true, "from": true, "with": true, "into": true, "onto": true, "upon": true,
}

// titleCase reports a sentence written as a headline: at least three
// capitalised words ("Postnasal", not "AI") and no lower-case word but the
// articles, prepositions and conjunctions headlines keep small. A request
// typed as a sentence has lower-case verbs and nouns ("What is the capital
// of Brazil?"); a question of the page's own, set as a heading, has none.
func titleCase(s string) bool {
	titled := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += n2
		}
		switch w := s[i:j]; {
		case unicode.IsUpper(r) && strings.ToUpper(w) != w:
			titled++
		case unicode.IsUpper(r): // an acronym ("AI", "USA"): neither side
		case !titleMinor[w]:
			return false
		}
		i = j
	}
	return titled >= 3
}

// taskForeign reports a task candidate in another language than English:
// by the sentence's own function words when they decide (two or more on
// one side and, for other languages, more than twice the English ones),
// else by the prose around it as round 22's window gate counts it. An
// English request in a page of another language keeps its English words
// ("Please explain the theory of relativity.") and is still judged.
func taskForeign(text string, a, b int) bool {
	c := countLang(text[a:b], false)
	switch {
	case c.en >= 2 && c.en > c.other:
		return false
	case c.other >= 2 && c.other > foreignRatio*c.en:
		return true
	}
	lo, hi := max(0, a-taskContext), min(len(text), b+taskContext)
	return countLang(text[lo:hi], true).foreign()
}

// NewInjectionTask is NewInjection with task as the task-sentence
// classifier instead of the embedded one (nil: none) and floor as its
// floor (0: DefaultTaskFloor). Training and held-out evaluation use it.
func NewInjectionTask(opts Options, task *Model, floor float64) (*Detector, error) {
	d, err := newInjection(opts)
	if err != nil {
		return nil, err
	}
	if !opts.NoClassifier {
		d.doc.task = task
	}
	if floor > 0 && floor < 1 {
		d.doc.taskFloor = floor
	}
	return d, nil
}

// WithTask returns an injection detector that shares d's compiled rules,
// prefilter and window model but reads task sentences with task (nil: no
// task classifier) at floor (0: d's floor). The compiled parts are
// read-only and most of a detector's memory (tens of MB), so a guard that
// needs two views of the same rules builds them once. d must come from
// NewInjection or NewInjectionTask.
func (d *Detector) WithTask(task *Model, floor float64) *Detector {
	c := &Detector{rules: d.rules, model: d.model, threshold: d.threshold, floor: d.floor,
		alone: d.alone, explain: d.explain, pm: d.pm, pmScript: d.pmScript, ref: d.ref}
	c.pool.New = func() any { return &scratch{} }
	if d.doc == nil {
		return c
	}
	doc := &docScan{anchors: d.doc.anchors, rules: d.doc.rules, scramble: d.doc.scramble, quietBase: d.doc.quietBase, cipherBase: d.doc.cipherBase, spelledBase: d.doc.spelledBase, taskBase: d.doc.taskBase,
		task: task, taskFloor: d.doc.taskFloor, loneFloor: d.doc.loneFloor, relatedFloor: d.doc.relatedFloor}
	if d.model == nil { // built with NoClassifier: no classifier of either kind
		doc.task = nil
	}
	if floor > 0 && floor < 1 {
		doc.taskFloor = floor
	}
	doc.cands.New = func() any { return new([]injCand) }
	c.doc = doc
	return c
}

// loadTaskModel loads the embedded task-sentence model.
func loadTaskModel() (*Model, error) {
	m, err := LoadModel(model.Task)
	if err != nil {
		return nil, fmt.Errorf("embedded task model: %w", err)
	}
	return m, nil
}
