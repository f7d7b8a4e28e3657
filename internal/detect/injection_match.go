package detect

import (
	"cmp"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warden-mcp/warden/internal/detect/keywords"
)

// injMatcher runs the injection rules on a normalised window. Go's RE2
// engine pays for every alternative of a pattern's first word at every
// byte of an unanchored search (20–300 ns/byte per rule here), which on
// text dense with trigger words made the rules cost ~2 s per MB. Instead,
// the literal prefixes a match can begin with ("ignore", "<|", ". ") are
// derived from each pattern once; one Aho–Corasick pass finds them all,
// and a rule's regexp runs anchored at its own lead positions only, where
// it usually fails after a few bytes. Matches are those of an unanchored
// search of the whole window (leftmost-first, non-overlapping), except
// that a match is cut off at maxLen bytes from its start and `^` means
// the start of the window.
type injMatcher struct {
	rs    *Ruleset
	lead  *keywords.Matcher
	leads [][]leadRef // lead keyword index -> units it starts
	units []injUnit
	// fallback lists rules without a usable lead set: run unanchored,
	// with fallbackRe[k] their pattern as the rule view reads it.
	fallback   []int
	fallbackRe []*regexp.Regexp
}

// injUnit is one top-level alternative of a rule, compiled anchored at
// the start of text and after one rune of context (so \b sees what
// precedes the lead). Alternatives are separate so that an attempt runs
// only those that can begin at that lead, and so that most fit RE2's
// backtracker (≤ 500 instructions), far cheaper than its NFA here.
type injUnit struct {
	rule, alt int32
	// at0 and atCtx are built on first use (lazyRegexp): most units see
	// no attempt on most workloads.
	at0, atCtx *lazyRegexp
	maxLen     int
	// atStart: some match can begin only at the start of the window (a
	// lead after ^), where no lead keyword marks it; only such units
	// are tried at 0 without a lead hit.
	atStart bool
}

// leadRef is a unit started by a lead keyword: the lead is pre, the
// keyword, then post. Leads are indexed by their first two words (". also
// send it" by "also send", pre ". ", post " ") so that thousands of leads
// share under two thousand keywords and the automaton stays small; pre and
// the first byte of post are checked on a hit, the regexp checks the rest.
type leadRef struct {
	unit      int32
	pre, post string
}

// maxLeadPost is how much of a lead after its keyword is checked on a hit.
const maxLeadPost = 1

// maxLeadClass bounds how many characters a leading character class may
// stand for before the rule is run unanchored instead.
const maxLeadClass = 24

// fallbackCost is what an unanchored pass of a rule over a window costs
// in attempts, for the budget.
const fallbackCost = 64

// maxRuleMatches bounds the matches one rule reports per window.
const maxRuleMatches = 4

func newInjMatcher(rs *Ruleset) (*injMatcher, error) {
	built, err := buildEach(len(rs.rules), func(i int) (injRuleUnits, error) {
		return buildInjRule(int32(i), &rs.rules[i])
	})
	if err != nil {
		return nil, err
	}
	m := &injMatcher{rs: rs}
	var li leadIndex
	for i, b := range built {
		if b.fallback != nil {
			m.fallback = append(m.fallback, i)
			m.fallbackRe = append(m.fallbackRe, b.fallback)
			continue
		}
		for _, x := range b.units {
			ui := int32(len(m.units))
			m.units = append(m.units, x.u)
			for _, l := range x.set {
				li.add(l, ui)
			}
		}
	}
	if m.lead, m.leads, err = li.build(); err != nil {
		return nil, err
	}
	return m, nil
}

// injRuleUnits is what one rule adds to an injMatcher: its anchored units
// with their lead sets, or, when some alternative has no usable lead set,
// the regexp it is searched with instead.
type injRuleUnits struct {
	units    []injUnitLeads
	fallback *regexp.Regexp
}

type injUnitLeads struct {
	u   injUnit
	set []string
}

// buildInjRule derives rule i's units; it reads only the rule, so rules
// are built in parallel (buildEach).
func buildInjRule(i int32, r *Rule) (injRuleUnits, error) {
	re, err := syntax.Parse(loosenRepeats(r.Pattern), syntax.Perl)
	if err != nil {
		return injRuleUnits{}, fmt.Errorf("compiling rule %s: %w", r.ID, err)
	}
	alts := topAlternatives(readBreaks(collapseSpace(re.Simplify())))
	sets := make([][]string, len(alts))
	begins := make([]bool, len(alts))
	for ai, alt := range alts {
		// Lead derivation is most of the detector's start-up: derive
		// once, read both the set and the start-of-text flag from it.
		ls, lok := leads(alt)
		set, nullable, ok := leadSetLines(ls, lok, true)
		if !ok || nullable || len(set) == 0 {
			vre, err := viewPattern(r.Pattern)
			if err != nil {
				return injRuleUnits{}, fmt.Errorf("compiling rule %s: %w", r.ID, err)
			}
			return injRuleUnits{fallback: vre}, nil
		}
		sets[ai], begins[ai] = set, beginOf(ls, lok)
	}
	var big []*syntax.Regexp
	for _, alt := range alts {
		big = hideLargeClasses(alt, big)
	}
	us := make([]injUnitLeads, 0, len(alts))
	for ai, alt := range alts {
		pat := printPattern(alt, big)
		a0, err := newLazyRegexp(`^(?:` + pat + `)`)
		if err != nil {
			return injRuleUnits{}, fmt.Errorf("compiling rule %s: %w", r.ID, err)
		}
		ac, err := newLazyRegexp(`^(?s:.)(?:` + pat + `)`)
		if err != nil {
			return injRuleUnits{}, fmt.Errorf("compiling rule %s: %w", r.ID, err)
		}
		u := injUnit{rule: i, alt: int32(ai), at0: a0, atCtx: ac, maxLen: max(r.Back+r.Fwd, 200), atStart: begins[ai]}
		us = append(us, injUnitLeads{u, sets[ai]})
	}
	return injRuleUnits{units: us}, nil
}

// topAlternatives returns re's top-level alternatives, each large one
// split further (splitLarge): the units the rule matchers anchor.
func topAlternatives(re *syntax.Regexp) []*syntax.Regexp {
	alts := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		alts = re.Sub
	}
	var split []*syntax.Regexp
	for _, a := range alts {
		split = append(split, splitLarge(a)...)
	}
	return split
}

// viewPattern compiles pattern as it reads the rule view (readBreaks),
// otherwise as written.
func viewPattern(pattern string) (*regexp.Regexp, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	re = readBreaks(re.Simplify())
	return regexp.Compile(printPattern(re, hideLargeClasses(re, nil)))
}

// leadIndex collects, for both rule matchers, the keyword each lead
// begins with and the units that lead starts.
type leadIndex struct {
	idx   map[string]int
	words []string
	refs  [][]leadRef // index in words -> units it starts
	seen  map[leadIndexKey]bool
}

type leadIndexKey struct {
	w   string
	ref leadRef
}

// add records that lead l starts unit: its keyword is the part from the
// first word byte (what precedes is checked on a hit), split after the
// keyword's end.
func (x *leadIndex) add(l string, unit int32) {
	w, pre, post := l, "", ""
	if k := strings.IndexFunc(l, isLeadWordStart); k > 0 {
		w, pre = l[k:], l[:k]
	}
	w, post = splitLeadKey(w)
	// Keywords are found in Text, where a line break is a space; pre and
	// post are checked in the rule view (injMatcher.match).
	w = strings.ReplaceAll(w, "\n", " ")
	if len(post) > maxLeadPost {
		post = post[:maxLeadPost] // the attempt checks the rest
	}
	key := leadIndexKey{w, leadRef{unit, pre, post}}
	if x.seen[key] {
		return
	}
	if x.seen == nil {
		x.seen, x.idx = map[leadIndexKey]bool{}, map[string]int{}
	}
	x.seen[key] = true
	k, ok := x.idx[w]
	if !ok {
		k = len(x.words)
		x.idx[w] = k
		x.words = append(x.words, w)
		x.refs = append(x.refs, nil)
	}
	x.refs[k] = append(x.refs[k], key.ref)
}

// build returns the keyword matcher over the leads (nil when there are
// none) and, per keyword, the units it starts.
func (x *leadIndex) build() (*keywords.Matcher, [][]leadRef, error) {
	if len(x.words) == 0 {
		return nil, x.refs, nil
	}
	lm, err := keywords.New(x.words)
	if err != nil {
		return nil, nil, fmt.Errorf("compiling rule leads: %w", err)
	}
	return lm, x.refs, nil
}

// lead is a literal a match begins with; exact when it is the whole of
// what the sub-pattern matched, so the next part may extend it.
type lead struct {
	s     string
	exact bool
	begin bool // only at the start of text (after ^): the attempt at 0 covers it
}

// Bounds on lead derivation: past them a lead stays a (shorter) prefix.
const (
	maxLeads   = 8000
	maxLeadLen = 12
)

// Placeholders for large character classes while a pattern is printed:
// syntax.Regexp.String checks every rune of a class for case folding, and
// [^.!?\n] covers most of Unicode, which made building the detector take
// most of a second. printPattern writes such classes as ranges itself.
const placeholderBase = 0xF0000

// hideLargeClasses replaces, in place, each class of more than 1000 runes
// by a private-use literal standing for big[k], and returns big.
func hideLargeClasses(re *syntax.Regexp, big []*syntax.Regexp) []*syntax.Regexp {
	for i, sub := range re.Sub {
		if sub.Op == syntax.OpCharClass && classSize(sub) > 1000 {
			cp := *sub
			big = append(big, &cp)
			re.Sub[i] = &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{rune(placeholderBase + len(big) - 1)}, Flags: sub.Flags}
			continue
		}
		big = hideLargeClasses(sub, big)
	}
	return big
}

func classSize(re *syntax.Regexp) int {
	n := 0
	for i := 0; i+1 < len(re.Rune); i += 2 {
		n += int(re.Rune[i+1]-re.Rune[i]) + 1
	}
	return n
}

// printPattern prints re with the hidden classes written back as ranges.
func printPattern(re *syntax.Regexp, big []*syntax.Regexp) string {
	texts := make([]string, len(big))
	for k, c := range big {
		texts[k] = classText(c.Rune, false)
	}
	return printHidden(re, texts)
}

// classText writes the class with ranges rs in brackets: as ranges, or,
// when compact and that is shorter, as its complement ([^.!?\n] is four
// runes where its ranges are many; regexp.Compile parses the short form
// faster).
func classText(rs []rune, compact bool) string {
	var b strings.Builder
	b.WriteByte('[')
	if compact {
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
		if len(gaps) < len(rs) {
			b.WriteByte('^')
			rs = gaps
		}
	}
	for i := 0; i+1 < len(rs); i += 2 {
		fmt.Fprintf(&b, `\x{%x}`, rs[i])
		if rs[i+1] != rs[i] {
			fmt.Fprintf(&b, `-\x{%x}`, rs[i+1])
		}
	}
	b.WriteByte(']')
	return b.String()
}

// printHidden prints re and writes texts[k] where the placeholder of
// hidden class k stands, in one pass over the printed pattern (a rule's
// alternatives share many classes; one search per class and alternative
// was a third of the detector's start-up). The printer escapes a
// placeholder as \x{f....}; a literal backslash or brace in a pattern
// prints escaped, so the sequence cannot come from anything else.
func printHidden(re *syntax.Regexp, texts []string) string {
	s := re.String()
	if len(texts) == 0 {
		return s
	}
	const open = `\x{`
	var b strings.Builder
	for {
		i := strings.Index(s, open)
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		v, err := strconv.ParseUint(s[i+len(open):i+j], 16, 32)
		k := int(v) - placeholderBase
		if err != nil || k < 0 || k >= len(texts) {
			b.WriteString(s[:i+j+1])
		} else {
			b.WriteString(s[:i])
			b.WriteString(texts[k])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// collapseSpace rewrites \s+ as one space and \s* as an optional one:
// the same matches on normalised text, where whitespace is collapsed to a
// single space, with a smaller program and fewer live NFA threads.
func collapseSpace(re *syntax.Regexp) *syntax.Regexp {
	space := func(opt bool) *syntax.Regexp {
		lit := &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{' '}, Flags: re.Flags}
		if !opt {
			return lit
		}
		return &syntax.Regexp{Op: syntax.OpQuest, Sub: []*syntax.Regexp{lit}, Flags: re.Flags}
	}
	switch re.Op {
	case syntax.OpCharClass:
		if isSpaceClass(re) {
			return space(false)
		}
	case syntax.OpPlus, syntax.OpStar, syntax.OpQuest, syntax.OpRepeat:
		if isSpaceClass(re.Sub[0]) {
			switch {
			case re.Op == syntax.OpPlus, re.Op == syntax.OpRepeat && re.Min == 1:
				return space(false)
			case re.Op == syntax.OpRepeat && re.Min > 1:
				return re // two spaces never occur: leave it unmatchable
			default:
				return space(true)
			}
		}
	}
	for i, sub := range re.Sub {
		re.Sub[i] = collapseSpace(sub)
	}
	return re
}

// maxBacktrackProg is the program size up to which Go's regexp package
// uses its backtracker, which fails a non-matching anchored attempt far
// sooner than its NFA does.
const maxBacktrackProg = 500

// splitLarge splits an alternative whose program is too large for the
// backtracker at its first alternation of words ("(?:ignore|forget|...)
// rest" -> "ignore rest", "forget rest", ...): each part then runs only at
// its own leads. Parts keep the order of the original alternatives.
func splitLarge(re *syntax.Regexp) []*syntax.Regexp {
	if p, err := syntax.Compile(re); err != nil || len(p.Inst) <= maxBacktrackProg-20 || re.Op != syntax.OpConcat {
		return []*syntax.Regexp{re}
	}
	j := 0
	for j < len(re.Sub) && re.Sub[j].Op == syntax.OpWordBoundary {
		j++
	}
	if j == len(re.Sub) || re.Sub[j].Op != syntax.OpAlternate {
		return []*syntax.Regexp{re}
	}
	var out []*syntax.Regexp
	for _, a := range re.Sub[j].Sub {
		subs := append(append(append([]*syntax.Regexp(nil), re.Sub[:j]...), a), re.Sub[j+1:]...)
		out = append(out, &syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: subs})
	}
	return out
}

// reLongRepeat is a counted repetition {0,N} or {1,N} with N of two
// digits or more.
var reLongRepeat = regexp.MustCompile(`\{([01]),\d{2,}\}`)

// loosenRepeats turns long counted repetitions into * and +: RE2 expands
// x{0,120} into 120 states that all stay alive across a sentence, which
// made anchored attempts cost as much as the search they replace. The
// anchored attempt reads at most maxLen bytes, which bounds the gap
// instead.
func loosenRepeats(p string) string {
	return reLongRepeat.ReplaceAllStringFunc(p, func(m string) string {
		if m[1] == '0' {
			return "*"
		}
		return "+"
	})
}

// leadSet returns literal strings of which every match of re begins with
// one, whether re can match the empty string (then it has no lead), and
// false when no small set exists (a leading \w+ or dot).
func leadSet(re *syntax.Regexp) (set []string, nullable, ok bool) {
	return leadSetOf(leads(re))
}

// leadSetOf is leadSet over leads already derived.
func leadSetOf(ls []lead, ok bool) (set []string, nullable, _ bool) {
	return leadSetLines(ls, ok, false)
}

// leadSetLines is leadSetOf; with lines, a lead may hold a line break
// as the rule view writes it: one "\n" with no space or break beside it.
func leadSetLines(ls []lead, ok, lines bool) (set []string, nullable, _ bool) {
	if !ok {
		return nil, false, false
	}
	for _, l := range ls {
		if l.begin {
			continue
		}
		if l.s == "" {
			return nil, true, true
		}
		if !viewLead(l.s, lines) {
			continue // normalised text has single spaces only: never matches
		}
		set = append(set, l.s)
	}
	// A lead with a shorter lead as its prefix adds no start position.
	set = dedupe(set)
	out := set[:0]
	for _, w := range set {
		if n := len(out); n > 0 && strings.HasPrefix(w, out[n-1]) {
			continue
		}
		out = append(out, w)
	}
	return out, false, true
}

// viewLead reports whether lead s can occur in normalised text (lines:
// in the rule view, where a run with a line break is one "\n").
func viewLead(s string, lines bool) bool {
	if strings.ContainsAny(s, "\t\v\f\r") || strings.Contains(s, "  ") {
		return false
	}
	if !lines {
		return !strings.Contains(s, "\n")
	}
	return !strings.Contains(s, "\n ") && !strings.Contains(s, " \n") && !strings.Contains(s, "\n\n")
}

// readBreaks rewrites a collapsed pattern for the rule view, where a
// whitespace run that held a line break is "\n" (Normalized.RuleView): a
// line break reads as the space it was, except where a pattern lists the
// break itself and not the space, as a sentence start does in
// (?:^|[.!?\n]\s*). So literal spaces and classes with the space also
// take "\n", "." takes it, and a large class that excludes the space (a
// negated one, [^ ]) excludes "\n" too. Without this, such a listed
// break never matched: the view had no line breaks (round 34).
func readBreaks(re *syntax.Regexp) *syntax.Regexp {
	brk := func(fl syntax.Flags) *syntax.Regexp {
		return &syntax.Regexp{Op: syntax.OpCharClass, Rune: []rune{'\n', '\n', ' ', ' '}, Flags: fl &^ syntax.FoldCase}
	}
	switch re.Op {
	case syntax.OpLiteral:
		if !slices.Contains(re.Rune, ' ') {
			return re
		}
		var subs []*syntax.Regexp
		from := 0
		for i, c := range re.Rune {
			if c != ' ' {
				continue
			}
			if i > from {
				subs = append(subs, &syntax.Regexp{Op: syntax.OpLiteral, Rune: slices.Clone(re.Rune[from:i]), Flags: re.Flags})
			}
			subs = append(subs, brk(re.Flags))
			from = i + 1
		}
		if from < len(re.Rune) {
			subs = append(subs, &syntax.Regexp{Op: syntax.OpLiteral, Rune: slices.Clone(re.Rune[from:]), Flags: re.Flags})
		}
		if len(subs) == 1 {
			return subs[0]
		}
		return &syntax.Regexp{Op: syntax.OpConcat, Sub: subs, Flags: re.Flags}
	case syntax.OpAnyCharNotNL:
		re.Op = syntax.OpAnyChar
		return re
	case syntax.OpCharClass:
		space, nl := classHas(re.Rune, ' '), classHas(re.Rune, '\n')
		switch {
		case space && !nl:
			re.Rune = addRune(re.Rune, '\n')
		case nl && !space && classSize(re) > maxLeadClass:
			re.Rune = dropRune(re.Rune, '\n')
		}
		return re
	}
	for i, sub := range re.Sub {
		re.Sub[i] = readBreaks(sub)
	}
	return re
}

func classHas(rs []rune, c rune) bool {
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] <= c && c <= rs[i+1] {
			return true
		}
	}
	return false
}

// addRune returns the class ranges rs with c added (c not in rs).
func addRune(rs []rune, c rune) []rune {
	out := make([]rune, 0, len(rs)+2)
	done := false
	for i := 0; i+1 < len(rs); i += 2 {
		if !done && c < rs[i] {
			out = append(out, c, c)
			done = true
		}
		out = append(out, rs[i], rs[i+1])
	}
	if !done {
		out = append(out, c, c)
	}
	return out
}

// dropRune returns the class ranges rs without c (c in rs).
func dropRune(rs []rune, c rune) []rune {
	out := make([]rune, 0, len(rs)+2)
	for i := 0; i+1 < len(rs); i += 2 {
		lo, hi := rs[i], rs[i+1]
		if c < lo || c > hi {
			out = append(out, lo, hi)
			continue
		}
		if lo < c {
			out = append(out, lo, c-1)
		}
		if c < hi {
			out = append(out, c+1, hi)
		}
	}
	return out
}

// beginOf reports whether some match of a pattern with leads ls can
// begin with ^ (a lead that only the start of text gives). Unknown lead
// sets (!ok) count as yes.
func beginOf(ls []lead, ok bool) bool {
	if !ok {
		return true
	}
	for _, l := range ls {
		if l.begin {
			return true
		}
	}
	return false
}

func leads(re *syntax.Regexp) ([]lead, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []lead{{strings.ToLower(string(re.Rune[:1])), false, false}}, true
		}
		return []lead{{string(re.Rune), true, false}}, true
	case syntax.OpCharClass:
		if isSpaceClass(re) {
			return []lead{{" ", true, false}}, true
		}
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxLeadClass {
				return nil, false
			}
		}
		var out []lead
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				out = append(out, lead{string(c), true, false})
			}
		}
		return out, true
	case syntax.OpBeginText:
		return []lead{{"", true, true}}, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []lead{{"", true, false}}, true
	case syntax.OpCapture:
		return leads(re.Sub[0])
	case syntax.OpQuest:
		ls, ok := leads(re.Sub[0])
		return append(ls, lead{"", true, false}), ok
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if isSpaceClass(re.Sub[0]) {
			// Normalised text has single spaces: \s+ is one space.
			if re.Op == syntax.OpPlus || re.Op == syntax.OpRepeat && re.Min > 0 {
				return []lead{{" ", true, false}}, true
			}
			return []lead{{"", true, false}, {" ", true, false}}, true
		}
		lo := 1
		switch {
		case re.Op == syntax.OpStar:
			lo = 0
		case re.Op == syntax.OpRepeat:
			lo = min(re.Min, 2)
		}
		subs := make([]*syntax.Regexp, lo)
		for i := range subs {
			subs[i] = re.Sub[0]
		}
		ls, ok := concatLeads(subs)
		if !ok {
			if lo == 0 {
				return []lead{{"", true, false}}, true // nullable: the caller decides
			}
			return nil, false
		}
		if re.Op == syntax.OpRepeat && re.Max == re.Min {
			return ls, true
		}
		for i := range ls {
			ls[i].exact = false
		}
		if lo == 0 {
			ls = append(ls, lead{"", true, false})
		}
		return ls, true
	case syntax.OpConcat:
		return concatLeads(re.Sub)
	case syntax.OpAlternate:
		var out []lead
		for _, sub := range re.Sub {
			ls, ok := leads(sub)
			if !ok {
				return nil, false
			}
			out = append(out, ls...)
		}
		return out, true
	}
	return nil, false
}

// splitLeadKey cuts a lead after its second word ("the task i gave" ->
// "the task", " i gave"): enough to keep hits specific, few enough keys.
//
// Bytes of other scripts and hyphens are word bytes: a Russian lead whose
// folded spelling mixes Latin lookalikes ("oтпpaвь") was otherwise keyed
// on its first Latin letter alone, "e-mail" on "e", and every "o" or "e"
// of English text became a hit.
func splitLeadKey(l string) (key, post string) {
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '\'' || c == '-' || c >= 0x80
	}
	e := 0
	for e < len(l) && isWord(l[e]) {
		e++
	}
	if e == 0 {
		return l, ""
	}
	if e+1 < len(l) && l[e] == ' ' && isWord(l[e+1]) {
		e++
		for e < len(l) && isWord(l[e]) {
			e++
		}
	}
	return l[:e], l[e:]
}

func isLeadWordStart(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || unicode.IsLetter(c) && c >= 0x80
}

// isSpaceClass reports a class of whitespace that includes the space:
// in normalised text (whitespace collapsed to one space) it matches " ".
func isSpaceClass(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass {
		return false
	}
	space := false
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
			switch c {
			case ' ':
				space = true
			case '\t', '\n', '\v', '\f', '\r':
			default:
				return false
			}
		}
	}
	return space
}

// concatLeads extends every exact lead by the leads of the next part.
func concatLeads(subs []*syntax.Regexp) ([]lead, bool) {
	acc := []lead{{"", true, false}}
	var seen map[string]uint8
	var buf []byte
	for _, sub := range subs {
		open := false
		for _, a := range acc {
			open = open || a.exact
		}
		if !open {
			break
		}
		ls, ok := leads(sub)
		if !ok {
			for _, a := range acc {
				if a.exact && a.s == "" {
					return nil, false
				}
			}
		}
		// Extend, cut long enough leads (they stop growing) and merge
		// duplicates in one pass, and stop as soon as there are too many:
		// a repeated large alternation would otherwise build its whole
		// cross product first (most of the detector's start-up). seen
		// holds, per lead string, a bit for each (exact, begin) pair
		// kept; a product is built in buf and only allocated when new
		// (most are duplicates).
		n := min(len(acc)*max(len(ls), 1), maxLeads+1)
		if seen == nil {
			seen = make(map[string]uint8, n)
		} else {
			clear(seen)
		}
		kept := make([]lead, 0, n)
		bitOf := func(exact, begin bool) uint8 {
			bit := uint8(1)
			if exact {
				bit <<= 1
			}
			if begin {
				bit <<= 2
			}
			return bit
		}
		add := func(s string, exact, begin bool) bool {
			if len(s) >= maxLeadLen {
				s, exact = s[:maxLeadLen], false
			}
			bit := bitOf(exact, begin)
			if have := seen[s]; have&bit == 0 {
				seen[s] = have | bit
				kept = append(kept, lead{s, exact, begin})
			}
			return len(kept) <= maxLeads
		}
		// addBuf is add for a product in buf: the lookup allocates
		// nothing, so only a new lead becomes a string.
		addBuf := func(b []byte, exact, begin bool) bool {
			if len(b) >= maxLeadLen {
				b, exact = b[:maxLeadLen], false
			}
			if seen[string(b)]&bitOf(exact, begin) != 0 {
				return len(kept) <= maxLeads
			}
			return add(string(b), exact, begin)
		}
		within := true
		for _, a := range acc {
			switch {
			case !a.exact:
				within = add(a.s, a.exact, a.begin)
			case !ok:
				within = add(a.s, false, a.begin)
			default:
				for _, b := range ls {
					buf = append(append(buf[:0], a.s...), b.s...)
					if within = addBuf(buf, b.exact, a.begin || b.begin); !within {
						break
					}
				}
			}
			if !within {
				break
			}
		}
		if !within {
			// Too many: keep what was there, as prefixes.
			for i := range acc {
				acc[i].exact = false
			}
			break
		}
		acc = kept
	}
	return acc, true
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// maxInjRules bounds the injection rule sets the matcher gates with fixed
// arrays on the stack; a larger set is searched whole, every rule over the
// whole window (far slower, never wrong). TestBuiltinRulesGated keeps the
// built-in sets under both bounds.
const maxInjRules = 160

// injCand is a position where a unit's match may begin.
type injCand struct {
	unit int32
	at   int32
}

// match appends the matches of every rule whose gates pass in text (a
// normalised window). view is text as the rules read it, byte for byte
// (Normalized.RuleView: a line break as "\n"); keywords are found in text.
func (m *injMatcher) match(text, view string, out []RuleMatch, cands []injCand, bud *injBudget) ([]RuleMatch, []injCand) {
	rs := m.rs
	var kw, also [maxInjRules]bool
	if len(rs.rules) > len(kw) {
		return rs.matchAll(text, out), cands
	}
	// Keyword and Also gates, as in Ruleset.match: a rule runs only when
	// one of its keywords (and one of its Also words) occurs in text.
	for _, i := range rs.always {
		kw[i] = true
	}
	forEachRuleWord(text, func(w string, _ int) { m.gate(w, &kw, &also) })
	var ok [maxInjRules]int8 // per rule: 0 unknown, 1 live, -1 gated out
	live := func(i int32) bool {
		if ok[i] == 0 {
			r := &rs.rules[i]
			ok[i] = -1
			if kw[i] && (len(r.Also) == 0 || also[i]) && (r.Literal == "" || strings.Contains(text, r.Literal)) {
				ok[i] = 1
			}
		}
		return ok[i] > 0
	}
	cands = cands[:0]
	if m.lead != nil {
		// A cursor, not Scan's callback: the callback escaped and took
		// the gate arrays to the heap with it, on every window.
		var cur keywords.Cursor
		for x, ok := m.lead.Next(text, &cur); ok; x, ok = m.lead.Next(text, &cur) {
			for _, ref := range m.leads[x.Keyword] {
				if live(m.units[ref.unit].rule) && viewHas(view, x.Start-len(ref.pre), ref.pre) && viewHas(view, x.End, ref.post) {
					cands = append(cands, injCand{ref.unit, int32(x.Start - len(ref.pre))})
				}
			}
		}
		// An alternative that starts with ^ (as in (?:^|[.!?]\s*)) can
		// match at the very start without a lead; those units are tried
		// there. (Every live unit was, before round 25: a rule without a
		// keyword gate, such as inj.override.multilingual with its dozens
		// of units, then spent that many attempts at the start of every
		// window, which truncated large raw HTML pages. A match of any
		// other unit at 0 begins with a lead the scan above finds.)
		for u := range m.units {
			if m.units[u].atStart && live(m.units[u].rule) {
				cands = append(cands, injCand{int32(u), 0})
			}
		}
		// Leftmost-first: by rule, then position, then alternative order.
		slices.SortFunc(cands, func(a, b injCand) int {
			ua, ub := &m.units[a.unit], &m.units[b.unit]
			if ua.rule != ub.rule {
				return cmp.Compare(ua.rule, ub.rule)
			}
			if a.at != b.at {
				return cmp.Compare(a.at, b.at)
			}
			if ua.alt != ub.alt {
				return cmp.Compare(ua.alt, ub.alt)
			}
			return cmp.Compare(a.unit, b.unit)
		})
	}
	next, n, tries, last := int32(-1), 0, 0, int32(-1)
	prev := injCand{-1, -1}
	for _, c := range cands {
		if c == prev {
			continue
		}
		prev = c
		u := &m.units[c.unit]
		if u.rule != last {
			last, next, n, tries = u.rule, -1, 0, 0
		}
		if c.at < next || n >= maxRuleMatches {
			continue
		}
		if tries >= maxRuleAttempts || bud.attempts <= 0 {
			bud.truncated = true
			continue
		}
		tries++
		bud.attempts--
		a, b, found := u.matchAt(view, int(c.at))
		if !found {
			continue
		}
		if rs.rules[u.rule].excluded(view, a, b) { // NotAfter, NotMatch: cited, conditional, or data
			next = int32(max(b, a+1)) // its span is judged: no retries inside it
			continue
		}
		out = append(out, RuleMatch{Rule: &rs.rules[u.rule], Start: a, End: b})
		n++
		next = int32(max(b, a+1))
	}
	for k, i := range m.fallback {
		if !live(int32(i)) {
			continue
		}
		// An unanchored pass costs about as much as many attempts.
		if bud.attempts < fallbackCost {
			bud.truncated = true
			continue
		}
		bud.attempts -= fallbackCost
		r := &rs.rules[i]
		for _, x := range m.fallbackRe[k].FindAllStringIndex(view, maxRuleMatches) {
			if !r.excluded(view, x[0], x[1]) {
				out = append(out, RuleMatch{Rule: r, Start: x[0], End: x[1]})
			}
		}
	}
	return out, cands
}

// viewHas reports whether view holds s at byte at, a space of s reading a
// line break too (keys and leads are spelled with spaces).
func viewHas(view string, at int, s string) bool {
	if at < 0 || at+len(s) > len(view) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := view[at+i]; c != s[i] && (s[i] != ' ' || c != '\n') {
			return false
		}
	}
	return true
}

func (m *injMatcher) gate(w string, kw, also *[maxInjRules]bool) {
	if !m.rs.words.mayHave(w) {
		return
	}
	wr := m.rs.byWord[w]
	for _, i := range wr.also {
		also[i] = true
	}
	for _, i := range wr.keyword {
		kw[i] = true
	}
}

// matchAt runs the unit anchored at byte at of text, with the rune
// before it as context, reading at most maxLen bytes.
func (u *injUnit) matchAt(text string, at int) (int, int, bool) {
	end := min(len(text), at+u.maxLen)
	if at == 0 {
		loc := u.at0.get().FindStringIndex(text[:end])
		if loc == nil {
			return 0, 0, false
		}
		return loc[0], loc[1], true
	}
	_, w := utf8.DecodeLastRuneInString(text[:at])
	loc := u.atCtx.get().FindStringIndex(text[at-w : end])
	if loc == nil {
		return 0, 0, false
	}
	return at, at - w + loc[1], true
}
