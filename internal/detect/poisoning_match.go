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
