package detect

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Family groups rules by what the attacker is trying to do.
type Family string

const (
	FamilyDirective   Family = "hidden-directive"    // instructions aimed at the model
	FamilyConceal     Family = "concealment"         // hide actions from the user
	FamilyShadowing   Family = "shadowing"           // change how other tools or servers are used
	FamilySensitive   Family = "sensitive-data"      // files, credentials, secrets, context
	FamilyExfil       Family = "exfiltration"        // send data out via URLs, e-mail, parameters
	FamilyPrereq      Family = "fake-prerequisite"   // "must call X first"
	FamilyAuthority   Family = "authority-claim"     // "system override", "highest priority"
	FamilyPreference  Family = "preference"          // "always use this tool, never the others"
	FamilyExecution   Family = "code-execution"      // shell commands in a description
	FamilyHidden      Family = "hidden-content"      // invisible characters, comments, encodings
	FamilyManipulated Family = "manipulated-context" // fake errors, simulated user turns
	FamilyTamper      Family = "argument-tampering"  // rewrite another call's arguments or hijack the call
)

// Rule is one pattern over normalised (lowercased, folded) text.
type Rule struct {
	ID     string
	Family Family
	// Weight is the probability-like strength of one match on its own;
	// rules combine by noisy-OR (see Score).
	Weight float64
	// Keywords gate the regexp: it runs only when one of these words
	// occurs in the text. Empty means always run.
	Keywords []string
	// Also, when set, must occur somewhere in the text too: a second,
	// independent word the pattern needs (a cheap AND before the regexp).
	Also []string
	// Literal, when set, is a substring every match contains.
	Literal string
	Pattern string
	Explain string
	// Back and Fwd bound the text around each keyword the regexp reads
	// (bytes before and after); 0 means the defaults. A match must fit.
	Back, Fwd int
	// NotAfter, when set, drops a match whose preceding text (up to
	// notAfterReach bytes) matches it; anchor it with $. It keeps
	// quoted examples ("detects strings such as 'ignore previous
	// instructions'") from counting as the directive itself.
	NotAfter string
	// After, when set, keeps only a match whose preceding text (up to
	// afterReach bytes) matches it; anchor it with $. It lets a rule start
	// at its rare words ("content filter") and check the common ones
	// before them ("disable the") only where those rare words occur.
	After string
	// NotMatch, when set, drops a match whose own text matches it: a shape
	// of the pattern that reads as ordinary data ("ignore rules" in the
	// gitignore sense), checked only on matches so the pattern need not
	// spell every alternative twice.
	NotMatch string
	// NonASCII marks a rule for a script other than Latin (Cyrillic, CJK,
	// Hangul): it runs only on normalised text with a byte outside ASCII
	// (accents fold away), so lists written in English pay nothing for it.
	NonASCII bool
	re       *lazyRegexp // shared by copies of the rule (subset)
	notAfter *regexp.Regexp
	after    *regexp.Regexp
	notMatch *regexp.Regexp
}

// notAfterReach is how far back a NotAfter pattern looks.
const notAfterReach = 48

// afterReach is how far back an After pattern looks.
const afterReach = 120

// Ruleset is a compiled, read-only list of rules, safe for concurrent use.
type Ruleset struct {
	rules     []Rule
	byKeyword map[string][]int // keyword -> indices of rules it gates
	byAlso    map[string][]int // Also word -> indices of rules
	// byWord holds both lists per word, so windows looks each word of
	// the text up once (the lookups were a good part of a scan).
	byWord map[string]wordRules
	words  *wordFilter // the keys of byWord
	always []int       // rules without keywords
}

// wordRules are the rules one word gates (keyword) or enables (Also).
type wordRules struct {
	keyword, also []int
}

// CompileRules compiles rules, failing on the first bad pattern.
func CompileRules(rules []Rule) (*Ruleset, error) {
	compiled := make([]Rule, len(rules))
	seen := make(map[string]bool, len(rules))
	for i, r := range rules {
		if seen[r.ID] {
			return nil, fmt.Errorf("compiling rule %s: duplicate id", r.ID)
		}
		seen[r.ID] = true
		re, err := newLazyRegexp(r.Pattern)
		if err != nil {
			return nil, fmt.Errorf("compiling rule %s: %w", r.ID, err)
		}
		if r.Weight <= 0 || r.Weight >= 1 {
			return nil, fmt.Errorf("compiling rule %s: weight %v outside (0,1)", r.ID, r.Weight)
		}
		r.re = re
		if r.NotAfter != "" {
			if r.notAfter, err = regexp.Compile(r.NotAfter); err != nil {
				return nil, fmt.Errorf("compiling rule %s: not-after: %w", r.ID, err)
			}
		}
		if r.After != "" {
			if r.after, err = regexp.Compile(r.After); err != nil {
				return nil, fmt.Errorf("compiling rule %s: after: %w", r.ID, err)
			}
		}
		if r.NotMatch != "" {
			if r.notMatch, err = regexp.Compile(r.NotMatch); err != nil {
				return nil, fmt.Errorf("compiling rule %s: not-match: %w", r.ID, err)
			}
		}
		if r.Back == 0 {
			r.Back = defaultBack
		}
		if r.Fwd == 0 {
			r.Fwd = defaultFwd
		}
		for _, k := range r.Keywords {
			if k != strings.ToLower(k) || strings.ContainsFunc(k, func(c rune) bool { return c < 0x80 && !isWordByte(byte(c)) }) {
				return nil, fmt.Errorf("compiling rule %s: keyword %q is not a lowercase word", r.ID, k)
			}
		}
		compiled[i] = r
	}
	return indexRules(compiled), nil
}

// subset returns the compiled rules keep selects, as a Ruleset of their own.
func (rs *Ruleset) subset(keep func(*Rule) bool) *Ruleset {
	var rules []Rule
	for i := range rs.rules {
		if keep(&rs.rules[i]) {
			rules = append(rules, rs.rules[i])
		}
	}
	return indexRules(rules)
}

// indexRules builds the keyword indexes of compiled rules.
func indexRules(rules []Rule) *Ruleset {
	rs := &Ruleset{rules: rules, byKeyword: map[string][]int{}, byAlso: map[string][]int{}}
	for i := range rules {
		r := &rules[i]
		if len(r.Keywords) == 0 {
			rs.always = append(rs.always, i)
		}
		for _, k := range r.Also {
			if l := rs.byAlso[k]; len(l) == 0 || l[len(l)-1] != i {
				rs.byAlso[k] = append(l, i)
			}
		}
		for _, k := range r.Keywords {
			if l := rs.byKeyword[k]; len(l) == 0 || l[len(l)-1] != i {
				rs.byKeyword[k] = append(l, i)
			}
		}
	}
	rs.byWord = make(map[string]wordRules, len(rs.byKeyword)+len(rs.byAlso))
	for w, l := range rs.byKeyword {
		wr := rs.byWord[w]
		wr.keyword = l
		rs.byWord[w] = wr
	}
	for w, l := range rs.byAlso {
		wr := rs.byWord[w]
		wr.also = l
		rs.byWord[w] = wr
	}
	keys := make([]string, 0, len(rs.byWord))
	for w := range rs.byWord {
		keys = append(keys, w)
	}
	rs.words = newWordFilter(keys)
	return rs
}

// Rules returns a copy of the rule definitions.
func (rs *Ruleset) Rules() []Rule {
	out := make([]Rule, len(rs.rules))
	copy(out, rs.rules)
	return out
}

// RuleMatch is one rule firing on a span of normalised text.
type RuleMatch struct {
	Rule  *Rule
	Start int // offsets in the normalised text
	End   int
}

// Default reach of a rule's regexp around each keyword. Patterns span
// well under this, so a match is not cut; it bounds the work on long
// descriptions to the neighbourhood of the words that matter.
const (
	defaultBack = 48
	defaultFwd  = 160
)

// Match runs every rule whose keywords occur in text (normalised), each
// only in the windows around its keywords.
func (rs *Ruleset) Match(text string) []RuleMatch {
	return rs.match(text, nil, new(ruleWindows))
}

// maxGatedRules bounds the rule sets that are gated by keyword windows
// with fixed arrays on the stack; a larger set is searched whole (slower,
// never wrong). The built-in poisoning rules are about half of it.
const maxGatedRules = 256

// ruleWindows are one text's windows per rule; a scan reuses them.
type ruleWindows struct {
	spans [][][2]int // rule index -> windows around its keywords
	// touched lists, ascending, the rules with a window: a field touches
	// one or two of a hundred rules, and walking all of them for every
	// field was a tenth of a tool list's scan.
	touched []int
}

// match is Match with reusable buffers.
func (rs *Ruleset) match(text string, out []RuleMatch, w *ruleWindows) []RuleMatch {
	var also [maxGatedRules]bool // rule index -> an Also word was seen
	if len(rs.rules) > len(also) {
		return rs.matchAll(text, out)
	}
	rs.windows(text, w, &also)
	for _, i := range w.touched {
		if !rs.gated(i, text, w.spans, &also) {
			continue
		}
		out = rs.searchWindows(i, text, mergeSpans(w.spans[i]), out)
	}
	return out
}

// windows fills w with each rule's windows around its keywords in text
// and sets also for rules whose Also words occur; the caller checks
// len(rs.rules) <= len(also).
func (rs *Ruleset) windows(text string, w *ruleWindows, also *[maxGatedRules]bool) {
	if len(w.spans) < len(rs.rules) {
		w.spans = make([][][2]int, len(rs.rules))
		w.touched = w.touched[:0]
	}
	for _, i := range w.touched {
		w.spans[i] = w.spans[i][:0]
	}
	w.touched = w.touched[:0]
	ascii := isASCII(text)
	add := func(i int, sp [2]int) {
		if ascii && rs.rules[i].NonASCII {
			return
		}
		if len(w.spans[i]) == 0 {
			w.touched = append(w.touched, i)
		}
		w.spans[i] = append(w.spans[i], sp)
	}
	for _, i := range rs.always {
		add(i, [2]int{0, len(text)})
	}
	addWord := func(word string, at int) {
		if !rs.words.mayHave(word) {
			return
		}
		wr, ok := rs.byWord[word]
		if !ok {
			return
		}
		for _, i := range wr.also {
			also[i] = true
		}
		for _, i := range wr.keyword {
			if len(w.spans[i]) < 64 {
				r := &rs.rules[i]
				add(i, [2]int{max(0, at-r.Back), min(len(text), at+len(word)+r.Fwd)})
			}
		}
	}
	forEachRuleWord(text, addWord)
	slices.Sort(w.touched)
}

// isASCII reports whether s has no byte outside ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// forEachRuleWord calls fn for each word of text (a run of word bytes)
// and, for a snake_case word, for each of its parts too, with the offset
// where it starts: the units rule keywords are looked up by.
func forEachRuleWord(text string, fn func(word string, at int)) {
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && isWordByte(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		word := text[start:i]
		fn(word, start)
		if strings.IndexByte(word, '_') > 0 {
			off := start
			for p := range strings.SplitSeq(word, "_") {
				if p != "" && p != word {
					fn(p, off)
				}
				off += len(p) + 1
			}
		}
		start = -1
	}
}

// gated reports whether rule i passes its gates in text: a window, an
// Also word, its Literal.
func (rs *Ruleset) gated(i int, text string, spans [][][2]int, also *[maxGatedRules]bool) bool {
	r := &rs.rules[i]
	return len(spans[i]) > 0 && (len(r.Also) == 0 || also[i]) && (r.Literal == "" || strings.Contains(text, r.Literal))
}

// searchWindows runs rule i's regexp unanchored over each merged window:
// at most 4 matches a window, and no further windows once 4 are kept.
func (rs *Ruleset) searchWindows(i int, text string, wins [][2]int, out []RuleMatch) []RuleMatch {
	r := &rs.rules[i]
	n := 0
	for _, sp := range wins {
		for _, m := range r.re.get().FindAllStringIndex(text[sp[0]:sp[1]], 4) {
			if r.excluded(text, sp[0]+m[0], sp[0]+m[1]) {
				continue
			}
			out = append(out, RuleMatch{Rule: r, Start: sp[0] + m[0], End: sp[0] + m[1]})
			n++
		}
		if n >= 4 {
			break
		}
	}
	return out
}

// matchAll runs every rule over the whole text: the slow path for rule
// sets too large for match's fixed buffers.
func (rs *Ruleset) matchAll(text string, out []RuleMatch) []RuleMatch {
	for i := range rs.rules {
		r := &rs.rules[i]
		for _, m := range r.re.get().FindAllStringIndex(text, 4) {
			if !r.excluded(text, m[0], m[1]) {
				out = append(out, RuleMatch{Rule: r, Start: m[0], End: m[1]})
			}
		}
	}
	return out
}

// excluded reports whether the match text[start:end] is dropped: the text
// before it matches the rule's NotAfter or does not match its After, or
// the match itself matches its NotMatch.
func (r *Rule) excluded(text string, start, end int) bool {
	return r.notAfter != nil && r.notAfter.MatchString(text[max(0, start-notAfterReach):start]) ||
		r.after != nil && !r.after.MatchString(text[max(0, start-afterReach):start]) ||
		r.notMatch != nil && r.notMatch.MatchString(text[start:end])
}

// mergeSpans sorts and joins overlapping ranges in place.
func mergeSpans(s [][2]int) [][2]int {
	if len(s) < 2 {
		return s
	}
	slices.SortFunc(s, func(a, b [2]int) int { return a[0] - b[0] })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if x[0] <= last[1] {
			last[1] = max(last[1], x[1])
			continue
		}
		out = append(out, x)
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}
