package detect

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/detect/keywords"
)

// poisonMatcher finds exactly what Ruleset.match finds (same rules, same
// spans), faster. Ruleset.match runs each gated rule's regexp unanchored
// over the windows around its keywords, and RE2 pays for every leading
// alternative at every byte of a window. Here, as in injMatcher, the
// literal prefixes a match can begin with are derived from each pattern
// once, one Aho–Corasick pass finds them in the text, and each top-level
// alternative runs anchored only where one of its own prefixes occurs
// inside a window. Trying the candidate starts of a window left to right,
// alternatives in order, and resuming after each match reproduces the
// leftmost-first, non-overlapping matches of FindAllStringIndex on that
// window. Unlike injMatcher nothing is loosened: repeats keep their
// bounds and a match may run to the window's end.
type poisonMatcher struct {
	rs    *Ruleset
	lead  *keywords.Matcher
	leads [][]leadRef // lead keyword index -> units it starts
	units []poisonUnit
	// begin lists, per rule, units with a ^ in them: they can match at a
	// window's start without a lead there, so they are tried at each.
	begin [][]int32
	// searched marks rules without a usable lead set: they run
	// unanchored over their windows, as in Ruleset.match.
	searched []bool
}

// poisonUnit is one top-level alternative of a rule, compiled anchored at
// the start of the window (at0) and after one rune of context (atCtx) so
// that \b sees what precedes the start, as the window search does.
type poisonUnit struct {
	rule int32
	pat  string
	// Compiled on first use: most units never see a candidate, and
	// compiling all of them took most of the detector's start-up.
	once       *sync.Once
	at0, atCtx *regexp.Regexp
	err        error
}

// compile builds the unit's regexps once; the error is kept for every
// caller.
func (u *poisonUnit) compile() error {
	u.once.Do(func() {
		if u.at0, u.err = regexp.Compile(`^(?:` + u.pat + `)`); u.err != nil {
			return
		}
		u.atCtx, u.err = regexp.Compile(`^(?s:.)(?:` + u.pat + `)`)
	})
	return u.err
}

// poisonCand is a position where a unit's match may begin.
type poisonCand struct {
	unit int32
	at   int32
}

// pmScratch holds a scan's reusable buffers.
type pmScratch struct {
	spans [][][2]int
	cands []poisonCand
	hits  []keywords.Match
	found [][2]int
	try   []int32
}

func newPoisonMatcher(rs *Ruleset) (*poisonMatcher, error) {
	m := &poisonMatcher{rs: rs, begin: make([][]int32, len(rs.rules)), searched: make([]bool, len(rs.rules))}
	idx := map[string]int{}
	var words []string
	type refKey struct {
		w   string
		ref leadRef
	}
	seen := map[refKey]bool{}
	for i := range rs.rules {
		r := &rs.rules[i]
		units, sets, err := anchoredUnits(r.Pattern)
		if err != nil {
			return nil, fmt.Errorf("compiling rule %s: %w", r.ID, err)
		}
		if units == nil {
			m.searched[i] = true
			continue
		}
		for k, u := range units {
			ui := int32(len(m.units))
			u.rule = int32(i)
			m.units = append(m.units, u.poisonUnit)

			if u.begin {
				m.begin[i] = append(m.begin[i], ui)
			}
			for _, l := range sets[k] {
				w, pre, post := l, "", ""
				if j := strings.IndexFunc(l, isLeadWordStart); j > 0 {
					w, pre = l[j:], l[:j]
				}
				w, post = splitLeadKey(w)
				if len(post) > maxLeadPost {
					post = post[:maxLeadPost] // the attempt checks the rest
				}
				key := refKey{w, leadRef{ui, pre, post}}
				if seen[key] {
					continue
				}
				seen[key] = true
				ki, ok := idx[w]
				if !ok {
					ki = len(words)
					idx[w] = ki
					words = append(words, w)
					m.leads = append(m.leads, nil)
				}
				m.leads[ki] = append(m.leads[ki], key.ref)
			}
		}
	}
	if len(words) > 0 {
		lm, err := keywords.New(words)
		if err != nil {
			return nil, fmt.Errorf("compiling rule leads: %w", err)
		}
		m.lead = lm
	}
	return m, nil
}

type builtUnit struct {
	poisonUnit
	begin bool
}

// anchoredUnits splits a pattern into its alternatives with their lead
// sets; nil units (and no error) when some alternative has no usable
// lead set and the rule must be searched instead.
func anchoredUnits(pattern string) ([]builtUnit, [][]string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, nil, err
	}
	// collapseSpace is exact on normalised text, which has no \t\n\f\r and
	// no double spaces; match checks the latter and searches otherwise.
	re = collapseSpace(re.Simplify())
	alts := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		alts = re.Sub
	}
	var split []*syntax.Regexp
	for _, a := range alts {
		split = append(split, splitLarge(a)...)
	}
	alts = split
	sets := make([][]string, len(alts))
	for k, alt := range alts {
		set, nullable, ok := leadSet(alt)
		if !ok || nullable || len(set) == 0 {
			return nil, nil, nil
		}
		sets[k] = set
	}
	begins := make([]bool, len(alts))
	for k, alt := range alts {
		begins[k] = hasBeginText(alt)
	}
	var big []*syntax.Regexp
	for _, alt := range alts {
		big = hideLargeClasses(alt, big)
	}
	units := make([]builtUnit, len(alts))
	for k, alt := range alts {
		units[k] = builtUnit{poisonUnit{pat: printCompact(alt, big), once: new(sync.Once)}, begins[k]}
	}
	return units, sets, nil
}

func hasBeginText(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginText || re.Op == syntax.OpBeginLine {
		return true
	}
	return slices.ContainsFunc(re.Sub, hasBeginText)
}

// match appends to out what rs.match(text) finds, in the same order.
func (m *poisonMatcher) match(text string, out []RuleMatch, sc *pmScratch) []RuleMatch {
	rs := m.rs
	if len(rs.rules) > 128 || strings.Contains(text, "  ") || strings.ContainsAny(text, "\t\n\f\r") {
		// Not normalised text: the derived leads may miss a match.
		out, sc.spans = rs.match(text, out, sc.spans)
		return out
	}
	var also [128]bool
	sc.spans = rs.windows(text, sc.spans, &also)
	var live [128]bool
	anyLead := false
	for i := range rs.rules {
		live[i] = rs.gated(i, text, sc.spans, &also)
		anyLead = anyLead || live[i] && !m.searched[i]
	}
	cands := sc.cands[:0]
	if anyLead && m.lead != nil {
		sc.hits = m.lead.AppendMatches(sc.hits[:0], text)
		for _, x := range sc.hits {
			for _, ref := range m.leads[x.Keyword] {
				if live[m.units[ref.unit].rule] && strings.HasSuffix(text[:x.Start], ref.pre) && strings.HasPrefix(text[x.End:], ref.post) {
					cands = append(cands, poisonCand{ref.unit, int32(x.Start - len(ref.pre))})
				}
			}
		}
		// Units of a rule are numbered in its order of alternatives, so
		// this is by rule, then position, then alternative.
		slices.SortFunc(cands, func(a, b poisonCand) int {
			if ra, rb := m.units[a.unit].rule, m.units[b.unit].rule; ra != rb {
				return int(ra - rb)
			}
			if a.at != b.at {
				return int(a.at - b.at)
			}
			return int(a.unit - b.unit)
		})
	}
	sc.cands = cands
	c := 0 // next candidate
	for i := range rs.rules {
		if !live[i] {
			continue
		}
		wins := mergeSpans(sc.spans[i])
		if m.searched[i] {
			out = rs.searchWindows(i, text, wins, out)
			continue
		}
		for c < len(cands) && m.units[cands[c].unit].rule < int32(i) {
			c++
		}
		e := c
		for e < len(cands) && m.units[cands[e].unit].rule == int32(i) {
			e++
		}
		out = m.matchRule(i, text, wins, cands[c:e], out, sc)
		c = e
	}
	return out
}

// matchRule is Ruleset.searchWindows for rule i from its candidate
// starts, sorted by position then alternative.
func (m *poisonMatcher) matchRule(i int, text string, wins [][2]int, cands []poisonCand, out []RuleMatch, sc *pmScratch) []RuleMatch {
	r := &m.rs.rules[i]
	// A unit that fails to compile (it never has for the built-in
	// rules) leaves its rule to the window search: never a missed match.
	for _, c := range cands {
		if m.units[c.unit].compile() != nil {
			return m.rs.searchWindows(i, text, wins, out)
		}
	}
	for _, u := range m.begin[i] {
		if m.units[u].compile() != nil {
			return m.rs.searchWindows(i, text, wins, out)
		}
	}
	n := 0
	for _, w := range wins {
		w0, w1 := w[0], w[1]
		for len(cands) > 0 && int(cands[0].at) < w0 {
			cands = cands[1:]
		}
		found := sc.found[:0]
		next := w0
		// The window's start: leads there plus the units that can match
		// at ^, in order of alternatives.
		try := sc.try[:0]
		for len(cands) > 0 && int(cands[0].at) == w0 {
			try = append(try, cands[0].unit)
			cands = cands[1:]
		}
		if len(m.begin[i]) > 0 {
			try = append(try, m.begin[i]...)
			slices.Sort(try)
		}
		var prev int32 = -1
		for _, u := range try {
			if u == prev {
				continue
			}
			prev = u
			if loc := m.units[u].at0.FindStringIndex(text[w0:w1]); loc != nil {
				found = append(found, [2]int{w0, w0 + loc[1]})
				next = w0 + loc[1]
				break
			}
		}
		sc.try = try
		// Candidates at or past w1 stay for the next window: windows are
		// sorted and disjoint.
		prevC := poisonCand{-1, -1}
		for len(cands) > 0 && int(cands[0].at) < w1 && len(found) < 4 {
			cd := cands[0]
			cands = cands[1:]
			at := int(cd.at)
			if at < next || cd == prevC {
				continue
			}
			prevC = cd
			_, rw := utf8.DecodeLastRuneInString(text[w0:at])
			loc := m.units[cd.unit].atCtx.FindStringIndex(text[at-rw : w1])
			if loc == nil {
				continue
			}
			end := at - rw + loc[1]
			found = append(found, [2]int{at, end})
			next = end
		}
		sc.found = found
		for _, f := range found {
			if r.quoted(text, f[0]) {
				continue
			}
			out = append(out, RuleMatch{Rule: r, Start: f[0], End: f[1]})
			n++
		}
		if n >= 4 {
			break
		}
	}
	return out
}

// printCompact is printPattern writing each hidden class as its
// complement when that is shorter: [^.!?\n] is four runes, but written
// out as ranges it takes regexp.Compile tens of milliseconds to parse for
// all the rules.
func printCompact(re *syntax.Regexp, big []*syntax.Regexp) string {
	s := re.String()
	for k := len(big) - 1; k >= 0; k-- {
		ph := fmt.Sprintf(`\x{%x}`, placeholderBase+k)
		if !strings.Contains(s, ph) {
			continue
		}
		rs := big[k].Rune
		var gaps []rune // the complement, as ranges
		next := rune(0)
		for i := 0; i+1 < len(rs); i += 2 {
			if rs[i] > next {
				gaps = append(gaps, next, rs[i]-1)
			}
			next = rs[i+1] + 1
		}
		if next <= utf8.MaxRune {
			gaps = append(gaps, next, utf8.MaxRune)
		}
		var b strings.Builder
		b.WriteByte('[')
		ranges := rs
		if len(gaps) < len(rs) {
			b.WriteByte('^')
			ranges = gaps
		}
		for i := 0; i+1 < len(ranges); i += 2 {
			fmt.Fprintf(&b, `\x{%x}`, ranges[i])
			if ranges[i+1] != ranges[i] {
				fmt.Fprintf(&b, `-\x{%x}`, ranges[i+1])
			}
		}
		b.WriteByte(']')
		s = strings.ReplaceAll(s, ph, b.String())
	}
	return s
}

// refScan weighs the tools a description points at (round 4). A rule such
// as "call `x` with …" or "it relies on `x`" means little when x is the
// tool itself or one of its own parameters, and more when x is another
// tool and a fixed sensitive value (an address, a URL, a system path, a
// shell or SQL command, a record number) sits next to it.
type refScan struct {
	ident *regexp.Regexp // tool-like names in a rule's span
	value *regexp.Regexp // fixed sensitive values near the reference
}

// The finding refScan adds; weak alone, it lifts a reference rule
// (0.3–0.45) over the threshold.
const (
	otherToolValueID      = "tamper.other-tool-value"
	otherToolValueWeight  = 0.35
	otherToolValueExplain = "points at another tool next to a fixed sensitive value"
)

func newRefScan() (*refScan, error) {
	ident, err := regexp.Compile("[`'\"]([A-Za-z][A-Za-z0-9_.-]{1,60})[`'\"]|" +
		`([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*)`)
	if err != nil {
		return nil, fmt.Errorf("compiling tool reference pattern: %w", err)
	}
	value, err := regexp.Compile(`(?i)[\w.+-]+@[\w-]+\.[a-z]{2,}|https?://[^\s'"` + "`" + `]+|` +
		`~/[^\s'"]+|/(?:etc|root|home|var|usr|tmp)/[^\s'"]*|\.ssh\b|\.aws/|\bid_rsa\b|` +
		`\brm\s+-rf\b|\b(?:curl|wget)\s+\S|\bsudo\s|\|\s*(?:ba)?sh\b|` +
		`\bselect\s+\S.{0,40}\bfrom\s|\bdrop\s+table\b|\bdelete\s+from\b|` +
		`\b(?:with|using|supply|on|as|to)\s+(?:` + "`?" + `\w+` + "`?" + `\s+)?\d{3,}\b`)
	if err != nil {
		return nil, fmt.Errorf("compiling fixed value pattern: %w", err)
	}
	return &refScan{ident: ident, value: value}, nil
}

// toolRefRule reports whether a rule's span names the tool it points at.
func toolRefRule(id string) bool {
	switch id {
	case "tamper.call-fixed-value", "tamper.delegate", "tamper.inject-value",
		"tamper.before-use-other", "tamper.trigger-call", "tamper.tool-sensitive-target",
		"tamper.must-call-with", "tamper.on-tool-use", "shadow.use-other-tool",
		"prereq.must-call-first":
		return true
	}
	return false
}

// refKey folds a name for comparison: case, '_', '-', '.' and spaces ignored.
func refKey(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return string(b)
}

// isOwn reports whether a referenced name is the tool itself (also with or
// without a server prefix) or one of its parameters.
func isOwn(ref, self string, params []string) bool {
	k := refKey(ref)
	if k == "" {
		return true
	}
	if s := refKey(self); s != "" && (k == s || len(k) >= 4 && strings.HasSuffix(s, k) || len(s) >= 4 && strings.HasSuffix(k, s)) {
		return true
	}
	for _, p := range params {
		if refKey(p) == k {
			return true
		}
	}
	return false
}

// refs classifies the names in a span: any other tool, or only the tool's own.
func (r *refScan) refs(span, self string, params []string) (other, own bool) {
	for _, m := range r.ident.FindAllStringSubmatchIndex(span, 8) {
		a, b := m[2], m[3]
		if a < 0 {
			a, b = m[4], m[5]
			// Part of an address, a path or a host: not a tool name.
			if a > 0 && strings.IndexByte("@/.~", span[a-1]) >= 0 ||
				b < len(span) && strings.IndexByte("@/", span[b]) >= 0 ||
				b+1 < len(span) && span[b] == '.' && span[b+1] != ' ' {
				continue
			}
		}
		if isOwn(span[a:b], self, params) {
			own = true
		} else {
			other = true
		}
	}
	return other, own
}

// adjust drops reference findings that name only the tool itself or its
// own parameters, and adds otherToolValue once when a reference to another
// tool has a fixed sensitive value within its sentence's reach.
func (r *refScan) adjust(res *Result, t ToolText) {
	if !slices.ContainsFunc(res.Findings, func(f Finding) bool { return toolRefRule(f.RuleID) }) {
		return
	}
	added := false
	out := make([]Finding, 0, len(res.Findings)+1)
	for _, f := range res.Findings {
		if !toolRefRule(f.RuleID) {
			out = append(out, f)
			continue
		}
		text := fieldText(t, f.Field)
		plain := f.Origin == "" || f.Origin == "text"
		span := f.Excerpt
		if plain && f.Start >= 0 && f.End <= len(text) && f.Start <= f.End {
			span = text[f.Start:f.End]
		}
		other, own := r.refs(span, t.Name, t.Params)
		if !other && !own && plain {
			// "invoke `x` and supply '…'": the span starts after the name.
			other, own = r.refs(sentenceBefore(text, f.Start, 48), t.Name, t.Params)
		}
		if own && !other {
			continue // "call this tool's `query` with …" documents itself
		}
		out = append(out, f)
		if !other || added || !plain {
			continue
		}
		// Forward only: the value the call is told to carry follows the
		// reference; a format example before it documents the parameter.
		a, b := f.Start, min(len(text), f.End+200)
		if a < 0 || a > b {
			continue
		}
		if loc := r.value.FindStringIndex(text[a:b]); loc != nil && !exampleBefore(text, a+loc[0]) {
			added = true
			out = append(out, Finding{
				RuleID: otherToolValueID, Family: FamilyTamper, Weight: otherToolValueWeight,
				Field: f.Field, Start: a + loc[0], End: a + loc[1],
				Excerpt: excerpt(text, a+loc[0], a+loc[1]), Explain: otherToolValueExplain,
			})
		}
	}
	res.Findings = out
}

func fieldText(t ToolText, path string) string {
	for _, f := range t.Fields {
		if f.Path == path {
			return f.Text
		}
	}
	return ""
}

// exampleBefore reports whether the value at i is introduced as an example
// or a format ("e.g. user@host", "such as https://…", "Example: …", a JSON
// literal), looking back within its sentence or line.
func exampleBefore(text string, i int) bool {
	lead := strings.ToLower(text[max(0, i-160):i])
	if k := strings.LastIndexAny(lead, "\n"); k >= 0 {
		lead = lead[k+1:]
	}
	if k := strings.LastIndex(lead, ". "); k >= 0 {
		lead = lead[k+2:]
	}
	if strings.Contains(lead, "{\"") {
		return true
	}
	near := lead[max(0, len(lead)-24):]
	if strings.Contains(lead, "example") {
		return true
	}
	for _, w := range [...]string{"e.g", "eg.", "such as", "format", "like ", "i.e"} {
		if strings.Contains(near, w) {
			return true
		}
	}
	return false
}

// sentenceBefore is up to n bytes of text before i, cut at a sentence end.
func sentenceBefore(text string, i, n int) string {
	if i < 0 || i > len(text) {
		return ""
	}
	lead := text[max(0, i-n):i]
	if k := strings.LastIndex(lead, ". "); k >= 0 {
		lead = lead[k+2:]
	}
	return lead
}
