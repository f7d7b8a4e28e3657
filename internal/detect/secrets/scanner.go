// Package secrets finds credentials (and, optionally, personal data) in
// text: a keyword prefilter (Aho-Corasick) picks the places worth a look,
// gitleaks-format regexes run only there, and structural checks
// (checksums, JWT headers, entropy, placeholder words) drop look-alikes.
//
// A Scanner is immutable and safe for concurrent use. Scanning text with
// no keyword hit allocates nothing.
package secrets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/detect/keywords"
)

// Options configure a Scanner.
type Options struct {
	// Rules replaces the built-in rules when non-nil. PII rules in it
	// still need PII true to run.
	Rules []Rule
	// PII enables the personal-data pack (e-mail, phone, cards, IBAN,
	// national identifiers).
	PII   bool
	Allow Allowlist
	// MaxFindings caps the findings per scan (0 = 1000).
	MaxFindings int
}

// Allowlist suppresses findings.
type Allowlist struct {
	Rules   []string // rule ids
	Paths   []string // globs over the field path: * any run, ? one byte
	Digests []string // "sha256:<hex>" or "<hex>" of the secret
}

// Finding is one secret.
type Finding struct {
	RuleID      string
	Description string
	Category    string
	// Start and End are byte offsets of the secret in the scanned text.
	Start, End int
	Digest     string // "sha256:<hex>" of the secret
	// Validated is true when a checksum or structure check proved the
	// format (GitHub CRC32, Luhn, mod 97, a JWT header).
	Validated  bool
	Confidence float64
}

// Scanner finds secrets. Build it with New.
type Scanner struct {
	rules     []*compiledRule
	kw        *keywords.Matcher
	kwRules   [][]int32  // keyword index -> rule indexes
	fullText  []int      // rules without keywords: run over the whole text
	digitText []int      // PII rules without keywords: run around digit runs
	named     int        // the named-credential detector's rule index, or -1
	hexOwners []hexOwner // providers whose keys are hex (nearmiss.go)
	maxFind   int
	allowRule map[string]bool
	allowPath []string
	allowDig  map[string]bool
}

// New compiles the rules. It fails on a rule that does not compile or
// two rules with one id.
func New(opts Options) (*Scanner, error) {
	rules := opts.Rules
	if rules == nil {
		rules = BuiltinRules()
	}
	s := &Scanner{maxFind: opts.MaxFindings, allowRule: map[string]bool{}, allowDig: map[string]bool{}, named: -1}
	if s.maxFind <= 0 {
		s.maxFind = 1000
	}
	for _, r := range opts.Allow.Rules {
		s.allowRule[r] = true
	}
	s.allowPath = append(s.allowPath, opts.Allow.Paths...)
	for _, d := range opts.Allow.Digests {
		d = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(d), "sha256:"))
		s.allowDig[d] = true
	}
	seen := map[string]bool{}
	var words []string
	wordIdx := map[string]int{}
	for _, r := range rules {
		if r.PII && !opts.PII {
			continue
		}
		if s.allowRule[r.ID] {
			continue
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("building secrets scanner: duplicate rule id %q", r.ID)
		}
		seen[r.ID] = true
		c, err := compileRule(r)
		if err != nil {
			return nil, fmt.Errorf("building secrets scanner: %w", err)
		}
		ri := len(s.rules)
		s.rules = append(s.rules, c)
		if c.generic == genericNamed {
			s.named = ri
			continue
		}
		if len(r.Keywords) == 0 {
			if r.PII {
				// Every keyword-less PII rule is a number with at least six digits.
				s.digitText = append(s.digitText, ri)
			} else {
				s.fullText = append(s.fullText, ri)
			}
			continue
		}
		for _, w := range r.Keywords {
			lw := strings.ToLower(w)
			if lw == "" {
				continue
			}
			k, ok := wordIdx[lw]
			if !ok {
				k = len(words)
				wordIdx[lw] = k
				words = append(words, lw)
				s.kwRules = append(s.kwRules, nil)
			}
			if !slices.Contains(s.kwRules[k], int32(ri)) {
				s.kwRules[k] = append(s.kwRules[k], int32(ri))
			}
		}
	}
	s.hexOwners = hexOwnersOf(s.rules)
	m, err := keywords.New(words)
	if err != nil {
		return nil, fmt.Errorf("building secrets scanner: %w", err)
	}
	s.kw = m
	return s, nil
}

// Rules returns the ids of the rules this scanner runs.
func (s *Scanner) Rules() []string {
	out := make([]string, len(s.rules))
	for i, r := range s.rules {
		out[i] = r.ID
	}
	return out
}

// Scan returns the secrets in text, ordered by Start, non-overlapping.
func (s *Scanner) Scan(text string) []Finding {
	return s.scan("", text, false)
}

// ScanPath is Scan for the field at path (a JSON path chosen by the
// caller): path allowlists and rules restricted to paths apply.
// UsesPaths reports whether a finding can depend on ScanPath's path: an
// allowlisted path, or a rule limited to some paths. When it does not, a
// caller with many small values can skip building their paths.
func (s *Scanner) UsesPaths() bool {
	if len(s.allowPath) > 0 {
		return true
	}
	for _, r := range s.rules {
		if r.pathRe != nil {
			return true
		}
	}
	return false
}

func (s *Scanner) ScanPath(path, text string) []Finding {
	for _, g := range s.allowPath {
		if globMatch(g, path) {
			return nil
		}
	}
	return s.scan(path, text, true)
}

// window is a span of text one rule's regex must examine.
type window struct {
	rule       int32
	start, end int
}

type candidate struct {
	rule                 int
	start, end           int // the secret
	matchStart, matchEnd int
	validated            bool
	conf                 float64
}

// scanState is allocated on the first keyword hit only.
type scanState struct {
	windows   []window
	last      map[int32]int // rule -> index of its last window
	cands     []candidate
	lastIdent [3]int // per generic kind: identifier start already handled
}

func (s *Scanner) scan(path string, text string, hasPath bool) []Finding {
	text = blankANSI(text)
	var st *scanState
	lines := lineCursor{text: text, last: -1}
	s.kw.Scan(text, func(m keywords.Match) bool {
		for _, ri := range s.kwRules[m.Keyword] {
			r := s.rules[ri]
			if r.token && !longToken(text, m.Start, m.End) {
				continue
			}
			if st == nil {
				st = &scanState{last: map[int32]int{}, lastIdent: [3]int{-1, -1, -1}}
			}
			if r.generic != genericNone {
				s.genericHit(st, int(ri), text, m)
				continue
			}
			ws, we := r.window(text, m.Start, m.End, &lines)
			if len(r.Requires) > 0 && !containsAny(text[ws:we], r.Requires) {
				continue
			}
			if wi, ok := st.last[ri]; ok && ws <= st.windows[wi].end {
				st.windows[wi].end = max(st.windows[wi].end, we)
				continue
			}
			st.last[ri] = len(st.windows)
			st.windows = append(st.windows, window{ri, ws, we})
		}
		return true
	})
	if len(s.digitText) > 0 {
		for ds, de, nd := 0, 0, 0; ; {
			ds, de, nd = nextDigitRun(text, de)
			if ds < 0 {
				break
			}
			if isDate(text[ds:de]) {
				continue
			}
			ws, we := -1, -1
			for _, ri := range s.digitText {
				if nd < s.rules[ri].minDigits {
					continue
				}
				if st == nil {
					st = &scanState{last: map[int32]int{}, lastIdent: [3]int{-1, -1, -1}}
				}
				if ws < 0 {
					ws, we = digitWindow(text, ds, de)
				}
				ri := int32(ri)
				if wi, ok := st.last[ri]; ok && ws <= st.windows[wi].end {
					st.windows[wi].end = max(st.windows[wi].end, we)
					continue
				}
				st.last[ri] = len(st.windows)
				st.windows = append(st.windows, window{ri, ws, we})
			}
		}
	}
	if s.named >= 0 {
		namedScan(text, func(vs, ve, ns int) {
			if st == nil {
				st = &scanState{last: map[int32]int{}, lastIdent: [3]int{-1, -1, -1}}
			}
			st.cands = append(st.cands, candidate{rule: s.named, start: vs, end: ve, matchStart: ns, matchEnd: ve, conf: 0.9 * genericConfidence(text[vs:ve], false)})
		})
	}
	if st == nil && len(s.fullText) == 0 {
		return nil
	}
	if st == nil {
		st = &scanState{}
	}
	for _, w := range st.windows {
		s.regexWindow(st, int(w.rule), text, w.start, w.end)
	}
	for _, ri := range s.fullText {
		s.regexWindow(st, ri, text, 0, len(text))
	}
	return s.finish(st, path, hasPath, text)
}

// nextDigitRun finds, from position from, the next run of at least six
// digits that may be split by single spaces, dashes or dots, and returns
// its bounds, or -1.
func nextDigitRun(text string, from int) (start, end, digits int) {
	i := from
	for i < len(text) {
		c := text[i]
		if c < '0' || c > '9' {
			i++
			continue
		}
		start, n, j := i, 0, i
		for j < len(text) {
			if text[j] >= '0' && text[j] <= '9' {
				n++
				j++
				continue
			}
			if (text[j] == ' ' || text[j] == '-' || text[j] == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
				j++
				continue
			}
			break
		}
		if n >= 6 {
			return start, j, n
		}
		i = j
	}
	return -1, len(text), 0
}

// isDate reports whether a digit run is a date (2026-03-04, 04.03.2026),
// the commonest six-plus-digit run in logs and JSON.
func isDate(run string) bool {
	if len(run) != 10 {
		return false
	}
	sep := func(i int) bool { return run[i] == '-' || run[i] == '.' || run[i] == '/' }
	return (sep(4) && sep(7)) || (sep(2) && sep(5))
}

// digitWindow widens a digit run to catch country codes, letters of
// IBANs and NINOs, and context, cut at blanks.
func digitWindow(text string, ds, de int) (int, int) {
	ws := max(0, ds-40)
	if ws > 0 {
		if i := strings.IndexAny(text[ws:ds], " \t\n"); i >= 0 {
			ws += i + 1
		}
	}
	we := min(len(text), de+16)
	if we < len(text) {
		if i := strings.LastIndexAny(text[de:we], " \t\n"); i >= 0 {
			we = de + i
		}
	}
	return ws, we
}

// longToken reports whether the keyword sits in a run of at least 16
// token bytes: every fixed-prefix credential is at least that long, so
// a keyword inside an ordinary word ("task", "path") is skipped cheaply.
func longToken(text string, hs, he int) bool {
	n := he - hs
	for i := he; i < len(text) && n < 16 && tokenByte(text[i]); i++ {
		n++
	}
	for i := hs - 1; i >= 0 && n < 16 && tokenByte(text[i]); i-- {
		n++
	}
	return n >= 16
}

func tokenByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '-' || c == '.' || c == '+' || c == '/' || c == '=' || c == '~' || c == ':' || c == '$' || c == '!' || c == '%'
}

func containsAny(s string, lits []string) bool {
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// lineCursor finds the last newline before a position, for positions
// that mostly increase, as keyword hits do. It walks forward with
// strings.IndexByte (vectorised) where searching back from every hit
// with strings.LastIndexByte (a plain loop) cost a tenth of the scan of
// a 100 KB tool result.
type lineCursor struct {
	text string
	done int // every newline in text[:done] is known
	last int // the last of them, or -1
}

// lastNewline returns the index of the last '\n' in text[:i], or -1.
func (c *lineCursor) lastNewline(i int) int {
	if i < c.done {
		if c.last < i {
			return c.last // no newline in text[c.last+1 : c.done]
		}
		return strings.LastIndexByte(c.text[:i], '\n')
	}
	for {
		j := strings.IndexByte(c.text[c.done:i], '\n')
		if j < 0 {
			c.done = i
			return c.last
		}
		c.last = c.done + j
		c.done = c.last + 1
	}
}

// window bounds the text around a keyword hit that a rule's regex sees:
// whole lines where they are short enough, else cut at a blank so that
// \b and anchors see a real token boundary.
func (r *compiledRule) window(text string, hs, he int, lines *lineCursor) (int, int) {
	ws := max(0, hs-r.back)
	if !r.Multiline {
		if i := lines.lastNewline(hs); i >= ws {
			ws = i + 1
		} else if ws > 0 {
			if i := strings.IndexAny(text[ws:hs], " \t"); i >= 0 {
				ws += i + 1
			}
		}
	}
	we := min(len(text), he+r.fwd)
	if !r.Multiline {
		if i := strings.IndexByte(text[he:we], '\n'); i >= 0 {
			we = he + i
			if r.assign {
				we = elementValueLine(text, we)
			}
		} else if we < len(text) {
			if i := strings.LastIndexAny(text[he:we], " \t"); i >= 0 {
				we = he + i
			} else {
				// One token longer than the window (an Entra ID access
				// token is 1-3 KB): read it to its end.
				for we < len(text) && we-he < maxTokenWindow && tokenByte(text[we]) {
					we++
				}
			}
		}
	}
	return ws, we
}

// elementValueLine extends a window that ends at the newline nl past the
// next line when the line before nl ends an opening tag: an XML element
// may hold its value on the line after the tag (<acmeToken>, newline,
// value, newline, </acmeToken>), which the assign rules' regex accepts.
func elementValueLine(text string, nl int) int {
	t := strings.TrimRight(text[:nl], " \t\r")
	if !strings.HasSuffix(t, ">") || nl+1 >= len(text) {
		return nl
	}
	i := strings.IndexByte(text[nl+1:], '\n')
	if i < 0 {
		i = len(text) - nl - 1 // the value line is the text's last
	}
	if i > maxElementLine {
		return nl
	}
	return nl + 1 + i
}

// maxElementLine bounds the value line elementValueLine takes in.
const maxElementLine = 512

// maxTokenWindow bounds how far a window follows one long token.
const maxTokenWindow = 8 << 10

func (s *Scanner) regexWindow(st *scanState, ri int, text string, ws, we int) {
	r := s.rules[ri]
	for _, m := range r.re.FindAllStringSubmatchIndex(text[ws:we], -1) {
		ss, se := m[0], m[1]
		if r.SecretGroup > 0 {
			ss, se = m[2*r.SecretGroup], m[2*r.SecretGroup+1]
		} else {
			for g := 1; 2*g+1 < len(m); g++ {
				if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
					ss, se = m[2*g], m[2*g+1]
					break
				}
			}
		}
		if ss < 0 || se <= ss {
			continue
		}
		st.cands = append(st.cands, candidate{rule: ri, start: ws + ss, end: ws + se, matchStart: ws + m[0], matchEnd: ws + m[1]})
	}
}

func (s *Scanner) genericHit(st *scanState, ri int, text string, m keywords.Match) {
	r := s.rules[ri]
	vs, ve, is, prose, ok := genericFind(text, m.Start, m.End, st.lastIdent[r.generic], r.generic)
	if is >= 0 {
		// Other keywords in the same identifier (api, key) need no second look.
		st.lastIdent[r.generic] = is
	}
	if !ok {
		return
	}
	st.cands = append(st.cands, candidate{rule: ri, start: vs, end: ve, matchStart: is, matchEnd: ve, conf: genericConfidence(text[vs:ve], prose)})
}

func genericConfidence(v string, prose bool) float64 {
	c := 0.5 + 0.08*(entropy(v)-3)
	if prose {
		c -= 0.1
	}
	return min(0.85, max(0.35, c))
}

// finish filters candidates, resolves overlaps and builds findings.
func (s *Scanner) finish(st *scanState, path string, hasPath bool, text string) []Finding {
	kept := st.cands[:0]
	for _, c := range st.cands {
		r := s.rules[c.rule]
		secret := text[c.start:c.end]
		if r.pathRe != nil && (!hasPath || !r.pathRe.MatchString(path)) {
			continue
		}
		if r.Entropy > 0 && entropy(secret) < r.Entropy {
			continue
		}
		if !r.PII && r.generic == genericNone && placeholderFor(r, secret) {
			continue
		}
		if r.assign && !assignIdentOK(text[c.matchStart:c.start]) {
			continue
		}
		if (r.generic == genericKey || r.generic == genericNamed) && s.nearMiss(text, c) {
			continue
		}
		if userEqualsPassword(text, c) {
			continue // postgres:postgres@, guest:guest@: defaults, not secrets
		}
		v := plausible
		if r.validate != nil {
			v = r.validate(secret)
			if v == reject {
				continue
			}
		}
		if s.allowedByRule(r, c, text, path, hasPath) {
			continue
		}
		c.validated = v == valid
		if c.conf == 0 {
			c.conf = ruleConfidence(r, v)
		}
		kept = append(kept, c)
	}
	if len(kept) == 0 {
		return nil
	}
	// Most specific first, then longest; greedily keep non-overlapping.
	slices.SortStableFunc(kept, func(a, b candidate) int {
		pa, pb := s.rules[a.rule].priority, s.rules[b.rule].priority
		if a.validated {
			pa++
		}
		if b.validated {
			pb++
		}
		if pa != pb {
			return pb - pa
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return lb - la
		}
		return a.start - b.start
	})
	var out []Finding
	for _, c := range kept {
		if len(out) >= s.maxFind {
			break
		}
		overlap := false
		for _, f := range out {
			if c.start < f.End && f.Start < c.end {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		sum := sha256.Sum256([]byte(text[c.start:c.end]))
		hexSum := hex.EncodeToString(sum[:])
		if s.allowDig[hexSum] {
			continue
		}
		r := s.rules[c.rule]
		out = append(out, Finding{
			RuleID: r.ID, Description: r.Description, Category: r.Category,
			Start: c.start, End: c.end, Digest: "sha256:" + hexSum,
			Validated: c.validated, Confidence: c.conf,
		})
	}
	slices.SortFunc(out, func(a, b Finding) int { return a.Start - b.Start })
	return out
}

func ruleConfidence(r *compiledRule, v verdict) float64 {
	switch {
	case v == valid:
		return 0.99
	case r.Validate == "github-crc32", r.Validate == "crc32-hex":
		return 0.7 // right shape, checksum wrong: likely fake or test data
	case r.PII:
		return 0.6
	case r.assign:
		return 0.8
	}
	return 0.9
}

// userEqualsPassword reports a "user:password@" candidate whose two
// halves are the same.
func userEqualsPassword(text string, c candidate) bool {
	if c.start < 2 || text[c.start-1] != ':' || c.end >= len(text) || text[c.end] != '@' {
		return false
	}
	u := c.start - 1
	us := u
	for us > 0 && text[us-1] != '/' && text[us-1] != ':' && u-us < 128 {
		us--
	}
	return text[us:u] == text[c.start:c.end]
}

// assignIdentOK rejects context rules whose identifier names a public or
// descriptive value (DATADOG_SITE, TWILIO_ACCOUNT_SID, STRIPE_KEY_ID).
func assignIdentOK(prefix string) bool {
	prefix = strings.TrimPrefix(prefix, "<") // <acmeToken>value</acmeToken>
	end := 0
	for end < len(prefix) && isIdentByte(prefix[end]) {
		end++
	}
	for _, w := range splitWords(prefix[:end]) {
		if denyWords[w] {
			return false
		}
	}
	return true
}

func (s *Scanner) allowedByRule(r *compiledRule, c candidate, text, path string, hasPath bool) bool {
	if len(r.allows) == 0 {
		return false
	}
	secret := text[c.start:c.end]
	for _, a := range r.allows {
		var checks []bool
		if len(a.regexes) > 0 {
			target := secret
			switch a.target {
			case "match":
				target = text[c.matchStart:c.matchEnd]
			case "line":
				ls := strings.LastIndexByte(text[:c.matchStart], '\n') + 1
				le := strings.IndexByte(text[c.matchEnd:], '\n')
				if le < 0 {
					le = len(text)
				} else {
					le += c.matchEnd
				}
				target = text[ls:le]
			}
			hit := false
			for _, re := range a.regexes {
				if re.MatchString(target) {
					hit = true
					break
				}
			}
			checks = append(checks, hit)
		}
		if len(a.paths) > 0 {
			hit := false
			if hasPath {
				for _, re := range a.paths {
					if re.MatchString(path) {
						hit = true
						break
					}
				}
			}
			checks = append(checks, hit)
		}
		if len(a.stopwords) > 0 {
			ls := strings.ToLower(secret)
			hit := false
			for _, w := range a.stopwords {
				if strings.Contains(ls, w) {
					hit = true
					break
				}
			}
			checks = append(checks, hit)
		}
		if len(checks) == 0 {
			continue
		}
		all, anyHit := true, false
		for _, ok := range checks {
			all = all && ok
			anyHit = anyHit || ok
		}
		if (a.and && all) || (!a.and && anyHit) {
			return true
		}
	}
	return false
}

// globMatch matches a glob where * is any run of bytes and ? one byte.
func globMatch(glob, s string) bool {
	gi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		switch {
		case gi < len(glob) && (glob[gi] == '?' || glob[gi] == s[si]):
			gi++
			si++
		case gi < len(glob) && glob[gi] == '*':
			star, mark = gi, si
			gi++
		case star >= 0:
			gi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for gi < len(glob) && glob[gi] == '*' {
		gi++
	}
	return gi == len(glob)
}

// Redact replaces each finding's bytes with "[REDACTED:<rule-id>]".
// Findings must come from scanning text (ordered, non-overlapping);
// others are ignored rather than trusted.
func Redact(text string, fs []Finding) string {
	if len(fs) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, f := range fs {
		if f.Start < pos || f.End > len(text) || f.Start >= f.End {
			continue
		}
		b.WriteString(text[pos:f.Start])
		b.WriteString("[REDACTED:")
		b.WriteString(f.RuleID)
		b.WriteString("]")
		pos = f.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// Mask shows a secret to people without revealing it: a short known
// prefix (up to the first _ or -, at most 8 bytes) and the last four
// bytes, e.g. "ghp_…a1B2". Short secrets show nothing.
func Mask(secret string) string {
	if len(secret) < 12 {
		return "…"
	}
	prefix := ""
	if i := strings.IndexAny(secret, "_-"); i > 0 && i < 8 {
		prefix = secret[:i+1]
	}
	tail := secret[len(secret)-4:]
	for !utf8.ValidString(tail) && len(tail) > 0 {
		tail = tail[1:]
	}
	return prefix + "…" + tail
}
