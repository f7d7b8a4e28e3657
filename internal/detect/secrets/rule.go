package secrets

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// Rule is one detection rule. The fields mirror gitleaks' TOML rules;
// Category, Validate, Multiline, Context, Requires, PII and Detector are
// Warden's extensions (gitleaks ignores them).
type Rule struct {
	ID          string
	Description string
	Category    string
	// Regex finds the secret; SecretGroup picks the capture group holding
	// it (0 = the first non-empty group, or the whole match without one).
	Regex       string
	SecretGroup int
	// Entropy is the minimum Shannon entropy (bits per byte) of the secret.
	Entropy float64
	// Keywords gate the rule: its regex runs only near one of them
	// (ASCII case-insensitive). A rule without keywords runs on the whole
	// text, which is slow; only the PII pack has such rules.
	Keywords []string
	// Path, a regex, restricts the rule to fields whose path matches.
	Path       string
	Allowlists []RuleAllowlist
	// Validate names a structural check: github-crc32, jwt, luhn, iban,
	// ssn, nino, sin, bsn, dni, pem, e164, email.
	Validate string
	// Multiline rules may match across lines (PEM blocks).
	Multiline bool
	// Context marks keywords that are context words around the secret
	// rather than part of it (so the "keyword starts a long token"
	// shortcut does not apply).
	Context bool
	// Requires lists literals of which one must occur near the keyword.
	Requires []string
	// PII rules belong to the personal-data pack.
	PII bool
	// Detector names built-in Go code used instead of Regex ("generic").
	Detector string
	Tags     []string
	// Value is an assign rule's value pattern (TOML "value"); Regex holds
	// the whole assignment built from it.
	Value string
}

// RuleAllowlist suppresses a rule's findings, like gitleaks' allowlists.
type RuleAllowlist struct {
	Description string
	// Condition is "OR" (default: any check suppresses) or "AND" (all
	// the non-empty checks must).
	Condition string
	// RegexTarget is what Regexes match: "secret" (default), "match" or
	// "line".
	RegexTarget string
	Regexes     []string
	Paths       []string // regexes over the field path
	Stopwords   []string // a secret containing one (case-insensitive) is allowed
}

//go:embed rules.toml
var builtinTOML []byte

//go:embed pii.toml
var piiTOML []byte

// BuiltinRules returns Warden's credential rules followed by the generic
// assignment detectors, then the personal-data pack (PII true).
func BuiltinRules() []Rule {
	rules, err := parseRules(builtinTOML)
	if err != nil {
		panic(fmt.Sprintf("secrets: built-in rules: %v", err)) // a build defect, caught by tests
	}
	rules = append(rules, genericRules()...)
	pii, err := parseRules(piiTOML)
	if err != nil {
		panic(fmt.Sprintf("secrets: built-in PII rules: %v", err))
	}
	for i := range pii {
		pii[i].PII = true
	}
	return append(rules, pii...)
}

// tomlAllow is a gitleaks allowlist table.
type tomlAllow struct {
	Description string   `toml:"description"`
	Condition   string   `toml:"condition"`
	RegexTarget string   `toml:"regexTarget"`
	Regexes     []string `toml:"regexes"`
	Paths       []string `toml:"paths"`
	Stopwords   []string `toml:"stopwords"`
	Commits     []string `toml:"commits"`
}

type tomlRule struct {
	ID          string      `toml:"id"`
	Description string      `toml:"description"`
	Regex       string      `toml:"regex"`
	SecretGroup int         `toml:"secretGroup"`
	Entropy     float64     `toml:"entropy"`
	Keywords    []string    `toml:"keywords"`
	Path        string      `toml:"path"`
	Tags        []string    `toml:"tags"`
	Allowlist   *tomlAllow  `toml:"allowlist"`
	Allowlists  []tomlAllow `toml:"allowlists"`
	// Warden extensions.
	Category  string   `toml:"category"`
	Validate  string   `toml:"validate"`
	Assign    []string `toml:"assign"`
	Value     string   `toml:"value"`
	Multiline bool     `toml:"multiline"`
	Context   bool     `toml:"context"`
	Requires  []string `toml:"requires"`
	PII       bool     `toml:"pii"`
}

type tomlFile struct {
	Title      string      `toml:"title"`
	Allowlist  *tomlAllow  `toml:"allowlist"`
	Allowlists []tomlAllow `toml:"allowlists"`
	Rules      []tomlRule  `toml:"rules"`
}

// SkippedRule is a rule LoadGitleaksReport could not use, and why.
type SkippedRule struct {
	ID     string
	Reason string
}

// LoadReport tells what LoadGitleaksReport changed or dropped.
type LoadReport struct {
	Loaded     int
	Translated []string // rule ids whose regex was rewritten for RE2
	Skipped    []SkippedRule
}

// maxRulesFile bounds a rules file.
const maxRulesFile = 8 << 20

// LoadGitleaks reads a gitleaks TOML configuration. Rules that cannot
// work here (path-only rules, regexes RE2 cannot express) are dropped;
// LoadGitleaksReport says which and why. Global allowlists are attached
// to every rule.
func LoadGitleaks(r io.Reader) ([]Rule, error) {
	rules, _, err := LoadGitleaksReport(r)
	return rules, err
}

// LoadGitleaksReport is LoadGitleaks with a report of skipped and
// translated rules.
func LoadGitleaksReport(r io.Reader) ([]Rule, *LoadReport, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRulesFile+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading gitleaks rules: %w", err)
	}
	if len(data) > maxRulesFile {
		return nil, nil, fmt.Errorf("reading gitleaks rules: over %d bytes", maxRulesFile)
	}
	var f tomlFile
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f); err != nil {
		return nil, nil, fmt.Errorf("parsing gitleaks rules: %w", err)
	}
	rep := &LoadReport{}
	var global []RuleAllowlist
	if f.Allowlist != nil {
		global = append(global, convertAllow(*f.Allowlist))
	}
	for _, a := range f.Allowlists {
		global = append(global, convertAllow(a))
	}
	seen := map[string]bool{}
	var out []Rule
	for i, tr := range f.Rules {
		id := tr.ID
		if id == "" {
			id = fmt.Sprintf("rule-%d", i+1)
		}
		if seen[id] {
			rep.Skipped = append(rep.Skipped, SkippedRule{id, "duplicate id"})
			continue
		}
		rule, translated, reason := convertRule(tr)
		rule.ID = id
		if reason != "" {
			rep.Skipped = append(rep.Skipped, SkippedRule{id, reason})
			continue
		}
		if translated {
			rep.Translated = append(rep.Translated, id)
		}
		// Foreign rules' keywords may be context words, not a prefix of
		// the secret, so the long-token shortcut must not apply.
		rule.Context = true
		for _, a := range global {
			rule.Allowlists = append(rule.Allowlists, a)
		}
		if _, err := compileRule(rule); err != nil {
			rep.Skipped = append(rep.Skipped, SkippedRule{id, err.Error()})
			continue
		}
		seen[id] = true
		out = append(out, rule)
	}
	rep.Loaded = len(out)
	return out, rep, nil
}

// parseRules reads Warden's own rule files, where every rule must work.
func parseRules(data []byte) ([]Rule, error) {
	var f tomlFile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&f)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("unknown keys %v", und)
	}
	out := make([]Rule, 0, len(f.Rules))
	for _, tr := range f.Rules {
		r, _, reason := convertRule(tr)
		if reason != "" {
			return nil, fmt.Errorf("rule %s: %s", tr.ID, reason)
		}
		out = append(out, r)
	}
	return out, nil
}

func convertAllow(a tomlAllow) RuleAllowlist {
	return RuleAllowlist{
		Description: a.Description, Condition: strings.ToUpper(a.Condition), RegexTarget: strings.ToLower(a.RegexTarget),
		Regexes: a.Regexes, Paths: a.Paths, Stopwords: a.Stopwords,
	}
}

// convertRule maps a TOML rule to a Rule; reason is why it cannot be used.
func convertRule(tr tomlRule) (r Rule, translated bool, reason string) {
	r = Rule{
		ID: tr.ID, Description: tr.Description, Category: tr.Category, Regex: tr.Regex,
		SecretGroup: tr.SecretGroup, Entropy: tr.Entropy, Keywords: tr.Keywords, Path: tr.Path,
		Validate: tr.Validate, Multiline: tr.Multiline, Context: tr.Context, Requires: tr.Requires,
		PII: tr.PII, Tags: tr.Tags,
	}
	if r.Category == "" {
		r.Category = "custom"
	}
	if tr.Allowlist != nil {
		r.Allowlists = append(r.Allowlists, convertAllow(*tr.Allowlist))
	}
	for _, a := range tr.Allowlists {
		r.Allowlists = append(r.Allowlists, convertAllow(a))
	}
	if len(tr.Assign) > 0 {
		if tr.Value == "" {
			return r, false, "assign without value"
		}
		r.Regex = assignRegex(tr.Assign, tr.Value)
		r.Value = tr.Value
		r.Keywords = tr.Assign
		r.Context = true
		r.SecretGroup = 1
		r.Tags = append(r.Tags, "assign")
		if r.Entropy == 0 {
			r.Entropy = 3.0
		}
	}
	if r.Regex == "" {
		return r, false, "no regex (path-only rules match file names, which a message scanner does not see)"
	}
	if _, err := regexp.Compile(r.Regex); err != nil {
		fixed, changed := translateRE2(r.Regex)
		if !changed {
			return r, false, "regex not supported by RE2: " + shortErr(err)
		}
		if _, err2 := regexp.Compile(fixed); err2 != nil {
			return r, false, "regex not supported by RE2: " + shortErr(err)
		}
		r.Regex, translated = fixed, true
	}
	return r, translated, ""
}

func shortErr(err error) string {
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// assignRegex builds "<identifier containing a word> <assignment> <value>".
// The value keeps its own case rules. Besides the plain operators it takes
// the forms the generic detector takes (round 17): an XML element whose
// value may sit on the next line, a declared type before "="
// (`var acmeToken string = "…"`, `val acmeKey: String = "…"`), PHP's
// ".=" and "+=", and Make's ":::=".
func assignRegex(words []string, value string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	name := `[\w.\-]{0,40}?(?:` + strings.Join(q, "|") + `)[\w.\-]{0,30}`
	element := `<` + name + `>[ \t]{0,16}(?:\r?\n[ \t]{0,16})?`
	typed := `(?:[ \t]{1,3}|[ \t]{0,3}:[ \t]{0,3})[a-z][\w.\[\]*]{0,15}[ \t]{0,3}=`
	op := `[ \t]{0,3}(?:=|:=|::=|:::=|\.=|\+=|:|=>|\?=|\|\|=|,|[ \t])`
	return `(?i)(?:` + element + `|` + name + `['"\x60\]]{0,2}(?:` + typed + `|` + op + `))[ \t]{0,3}(?:[\x60'"]|[a-z]{0,6}[ \t])?((?-i:` + value + `))(?:[\x60'"\s;,})\]<&]|\\[nrt"]|$)`
}

// translateRE2 rewrites PCRE-only constructs that have an RE2 meaning
// close enough for secret matching: possessive quantifiers and atomic
// groups become ordinary ones, \Z becomes \z, \h a blank class.
// Lookarounds and back-references have no equivalent and stay (the
// compile then fails and the rule is reported as skipped).
func translateRE2(re string) (string, bool) {
	orig := re
	repl := strings.NewReplacer(`(?>`, `(?:`, `\Z`, `\z`, `\h`, `[ \t]`, `*+`, `*`, `++`, `+`, `?+`, `?`, `}+`, `}`)
	re = repl.Replace(re)
	return re, re != orig
}

// compiledRule is a Rule ready to run.
type compiledRule struct {
	Rule
	re       *regexp.Regexp
	pathRe   *regexp.Regexp
	allows   []compiledAllow
	validate validator
	generic  genericKind
	assign   bool
	// refs: a context rule whose value may name where the secret comes
	// from (:password, settings.DB_PASSWORD) instead of holding it.
	refs     bool
	priority int
	// back and fwd bound the text examined around a keyword hit.
	back, fwd int
	// minDigits: a keyword-less PII rule runs only near digit runs this long.
	minDigits int
	// token: the keyword begins (or is inside) the secret itself, so a
	// hit not inside a long token cannot match.
	token bool
}

type compiledAllow struct {
	and       bool
	target    string
	regexes   []*regexp.Regexp
	paths     []*regexp.Regexp
	stopwords []string
}

func compileRule(r Rule) (*compiledRule, error) {
	c := &compiledRule{Rule: r, back: 256, fwd: 512}
	if r.ID == "" {
		return nil, fmt.Errorf("rule without id")
	}
	if r.Detector != "" {
		g, ok := genericKinds[r.Detector]
		if !ok {
			return nil, fmt.Errorf("rule %s: unknown detector %q", r.ID, r.Detector)
		}
		c.generic = g
	} else {
		re, err := regexp.Compile(r.Regex)
		if err != nil {
			return nil, fmt.Errorf("rule %s: compiling regex: %w", r.ID, err)
		}
		c.re = re
		if r.SecretGroup < 0 || r.SecretGroup > re.NumSubexp() {
			return nil, fmt.Errorf("rule %s: secretGroup %d but the regex has %d groups", r.ID, r.SecretGroup, re.NumSubexp())
		}
		if p, err := syntax.Parse(r.Regex, syntax.Perl); err == nil && maxMatchLen(p) < 0 {
			// Unbounded regexes (.* and friends) get a longer window.
			c.fwd = 1024
		}
	}
	if r.Path != "" {
		re, err := regexp.Compile(r.Path)
		if err != nil {
			return nil, fmt.Errorf("rule %s: compiling path: %w", r.ID, err)
		}
		c.pathRe = re
	}
	if r.Validate != "" {
		v, ok := validators[r.Validate]
		if !ok {
			return nil, fmt.Errorf("rule %s: unknown validator %q", r.ID, r.Validate)
		}
		c.validate = v
	}
	for i, a := range r.Allowlists {
		ca := compiledAllow{and: a.Condition == "AND", target: a.RegexTarget}
		switch a.RegexTarget {
		case "", "secret", "match", "line":
		default:
			return nil, fmt.Errorf("rule %s: allowlist %d: unknown regexTarget %q", r.ID, i, a.RegexTarget)
		}
		for _, s := range a.Regexes {
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("rule %s: allowlist regex: %w", r.ID, err)
			}
			ca.regexes = append(ca.regexes, re)
		}
		for _, s := range a.Paths {
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("rule %s: allowlist path: %w", r.ID, err)
			}
			ca.paths = append(ca.paths, re)
		}
		for _, s := range a.Stopwords {
			ca.stopwords = append(ca.stopwords, strings.ToLower(s))
		}
		c.allows = append(c.allows, ca)
	}
	for _, t := range r.Tags {
		switch t {
		case "assign":
			c.assign = true
		case "reference-value":
			c.refs = true
		}
	}
	if r.Multiline {
		c.back, c.fwd = 64, 32<<10
	}
	c.minDigits = map[string]int{"luhn": 13, "ssn": 9, "sin": 9, "bsn": 9, "iban": 8, "dni": 7}[r.Validate]
	if c.minDigits == 0 {
		c.minDigits = 6
	}
	c.token = !r.Context && !r.Multiline && r.Detector == "" && len(r.Keywords) > 0
	switch {
	case r.Detector != "":
		c.priority = 1
	case r.PII:
		c.priority = 2
	case c.assign:
		c.priority = 3
	default:
		c.priority = 4
	}
	return c, nil
}

// maxMatchLen is the longest match of re, or -1 when unbounded.
func maxMatchLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(string(re.Rune)) // runes, conservatively as bytes
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 4
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		n := maxMatchLen(re.Sub[0])
		if n < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpQuest, syntax.OpCapture:
		return maxMatchLen(re.Sub[0])
	case syntax.OpConcat:
		t := 0
		for _, s := range re.Sub {
			n := maxMatchLen(s)
			if n < 0 {
				return -1
			}
			t += n
		}
		return t
	case syntax.OpAlternate:
		m := 0
		for _, s := range re.Sub {
			n := maxMatchLen(s)
			if n < 0 {
				return -1
			}
			m = max(m, n)
		}
		return m
	}
	return 0
}

// RuleStats counts rules by category (for docs and reports).
func RuleStats(rules []Rule) []CategoryCount {
	m := map[string]int{}
	for _, r := range rules {
		c := r.Category
		if r.PII {
			c = "pii/" + c
		}
		m[c]++
	}
	out := make([]CategoryCount, 0, len(m))
	for k, v := range m {
		out = append(out, CategoryCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rules != out[j].Rules {
			return out[i].Rules > out[j].Rules
		}
		return out[i].Category < out[j].Category
	})
	return out
}

// CategoryCount is one row of RuleStats.
type CategoryCount struct {
	Category string
	Rules    int
}
