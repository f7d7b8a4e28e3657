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
	// need are literals every match contains: an attempt whose window
	// lacks one is skipped. On benign tool lists nearly every attempt
	// fails, and a substring search is far cheaper than starting RE2.
	need []string
}

// admits reports whether s, the text from the attempt's start to the
// window's end, contains every literal the unit needs.
func (u *poisonUnit) admits(s string) bool {
	for _, lit := range u.need {
		if !strings.Contains(s, lit) {
			return false
		}
	}
	return true
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
	wins  ruleWindows
	cands []poisonCand
	hits  []keywords.Match
	found [][2]int
	try   []int32
}

func newPoisonMatcher(rs *Ruleset) (*poisonMatcher, error) {
	m := &poisonMatcher{rs: rs, begin: make([][]int32, len(rs.rules)), searched: make([]bool, len(rs.rules))}
	type ruleUnits struct {
		units []builtUnit
		sets  [][]string
	}
	built, err := buildEach(len(rs.rules), func(i int) (ruleUnits, error) {
		units, sets, err := anchoredUnits(rs.rules[i].Pattern)
		if err != nil {
			return ruleUnits{}, fmt.Errorf("compiling rule %s: %w", rs.rules[i].ID, err)
		}
		return ruleUnits{units, sets}, nil
	})
	if err != nil {
		return nil, err
	}
	var li leadIndex
	for i, b := range built {
		units, sets := b.units, b.sets
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
				li.add(l, ui)
			}
		}
	}
	if m.lead, m.leads, err = li.build(); err != nil {
		return nil, err
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
	alts := topAlternatives(collapseSpace(re.Simplify()))
	sets := make([][]string, len(alts))
	for k, alt := range alts {
		set, nullable, ok := leadSet(alt)
		if !ok || nullable || len(set) == 0 {
			return nil, nil, nil
		}
		sets[k] = set
	}
	begins := make([]bool, len(alts))
	needs := make([][]string, len(alts))
	for k, alt := range alts {
		begins[k] = hasBeginText(alt)
		needs[k] = requiredLiterals(alt) // before large classes become placeholders
	}
	var big []*syntax.Regexp
	for _, alt := range alts {
		big = hideLargeClasses(alt, big)
	}
	texts := make([]string, len(big))
	for k, c := range big {
		texts[k] = classText(c.Rune, true)
	}
	units := make([]builtUnit, len(alts))
	for k, alt := range alts {
		units[k] = builtUnit{poisonUnit{pat: printHidden(alt, texts), once: new(sync.Once), need: needs[k]}, begins[k]}
	}
	return units, sets, nil
}

// requiredLiterals returns the literals of three bytes or more that every
// match of re contains: those of its concatenation, and of repeats that
// run at least once, longest first, at most four.
func requiredLiterals(re *syntax.Regexp) []string {
	var out []string
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			if re.Flags&syntax.FoldCase == 0 && len(string(re.Rune)) >= 3 {
				out = append(out, string(re.Rune))
			}
		case syntax.OpConcat:
			for _, sub := range re.Sub {
				walk(sub)
			}
		case syntax.OpCapture, syntax.OpPlus:
			walk(re.Sub[0])
		case syntax.OpRepeat:
			if re.Min >= 1 {
				walk(re.Sub[0])
			}
		}
	}
	walk(re)
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return slices.Compact(out[:min(len(out), 4)])
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
	if len(rs.rules) > maxGatedRules || strings.Contains(text, "  ") || strings.ContainsAny(text, "\t\n\f\r") {
		// Not normalised text: the derived leads may miss a match.
		return rs.match(text, out, &sc.wins)
	}
	var also [maxGatedRules]bool
	rs.windows(text, &sc.wins, &also)
	var live [maxGatedRules]bool
	anyLead := false
	for _, i := range sc.wins.touched {
		live[i] = rs.gated(i, text, sc.wins.spans, &also)
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
	for _, i := range sc.wins.touched {
		if !live[i] {
			continue
		}
		wins := mergeSpans(sc.wins.spans[i])
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
			if !m.units[u].admits(text[w0:w1]) {
				continue
			}
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
			if !m.units[cd.unit].admits(text[at:w1]) {
				continue
			}
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
			if r.excluded(text, f[0], f[1]) {
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

// refScan weighs the tools a description points at (round 4). A rule such
// as "call `x` with …" or "it relies on `x`" means little when x is the
// tool itself or one of its own parameters, and more when x is another
// tool and a fixed sensitive value (an address, a URL, a system path, a
// shell or SQL command, a record number) sits next to it.
type refScan struct {
	src     *regexp.Regexp // what the model holds: the conversation, credentials, personal data
	src2    *regexp.Regexp // what the user has on disk or in other apps (round 8)
	move    *regexp.Regexp // verbs that move data
	sink    *regexp.Regexp // a place data goes: a URL, an e-mail address, an outside server
	into    *regexp.Regexp // "into the `x` field", "set x to": a parameter as destination
	callW   *regexp.Regexp // "calling `x_y` with": a named tool as destination, and the move
	ident   *regexp.Regexp // tool-like names in a rule's span
	value   *regexp.Regexp // fixed sensitive values near the reference
	risky   *regexp.Regexp // words of a tool name that destroys state or reads secrets
	misdesc *regexp.Regexp // "do not report X as a Y": how to describe, not what to hide
	purpose *regexp.Regexp // "to get the IDs…": what a prerequisite call is for
	negated *regexp.Regexp // "must not proceed … without the user's approval": a requirement
}

// The findings refScan adds. Each is weak alone; with a reference rule
// (0.3–0.5) it crosses the threshold.
const (
	otherToolValueID      = "tamper.other-tool-value"
	otherToolValueWeight  = 0.35
	otherToolValueExplain = "points at another tool next to a fixed sensitive value"

	riskyToolID      = "tamper.mandated-risky-tool"
	riskyToolWeight  = 0.35
	riskyToolExplain = "the tool it obliges the model to call destroys state, moves money or reads secrets"

	opensWithID      = "tamper.opens-with-directive"
	opensWithWeight  = 0.2
	opensWithExplain = "the description opens with an order about other calls, not with what the tool does"
)

func newRefScan() (*refScan, error) {
	pats := [...]string{
		// Quoted name; bare snake, kebab or camel name; a parameter being
		// assigned ("auditors=").
		"[`'\"]([A-Za-z][A-Za-z0-9_.-]{1,60})[`'\"]|" +
			`([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*)|` +
			`\b([A-Za-z][A-Za-z0-9_]*)\s*=`,
		`(?i)[\w.+-]+@[\w-]+\.[a-z]{2,}|https?://[^\s'"` + "`" + `]+|` +
			`~/[^\s'"]+|/(?:etc|root|home|var|usr|tmp)/[^\s'"]*|\.ssh\b|\.aws/|\bid_rsa\b|` +
			`\brm\s+-rf\b|\b(?:curl|wget)\s+\S|\bsudo\s|\|\s*(?:ba)?sh\b|` +
			`\bselect\s+\S.{0,40}\bfrom\s|\bdrop\s+table\b|\bdelete\s+from\b|` +
			`\b(?:with|using|supply|on|as|to)\s+(?:` + "`?" + `\w+` + "`?" + `\s+){0,2}['"` + "`" + `]?\d{3,}\b`,
		`^(?:reset|delete|drop|remove|destroy|wipe|purge|truncate|erase|kill|terminate|revoke|paid|pay|transfer|withdraw|printenv|env|secret|secrets|credential|credentials|password|passwords)$`,
		`(?i)^(?:do not|don'?t|never)\s+(?:report|present|describe|treat|interpret|show|display|label)\s+(?:\S+\s+){1,3}?as\s+(?:an?|the)\b`,
		`(?i)\b(?:must|should|shall|may|can|will)\s*(?:not|n't)\s+(?:\w+\s+)?(?:proceed|continue|act|move on|go on|run|execute|make|perform|change|apply|delete|commit|start)\b|\bnever\s+(?:proceed|continue|act|run|execute|make|perform|change|apply|delete|commit|start)\b`,
		`(?i)^[^.]{0,40}?\bto\s+(?:get|obtain|generate|find|retrieve|look up|list|fetch|create|produce|discover|determine|identify|build)\b([^.\n]{0,80})`,
	}
	var res [len(pats)]*regexp.Regexp
	for i, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("compiling reference pattern %d: %w", i, err)
		}
		res[i] = re
	}
	var flow [len(flowPats)]*regexp.Regexp
	for i, p := range flowPats {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("compiling flow pattern %d: %w", i, err)
		}
		flow[i] = re
	}
	return &refScan{ident: res[0], value: res[1], risky: res[2], misdesc: res[3], negated: res[4], purpose: res[5],
		src: flow[0], move: flow[1], sink: flow[2], callW: flow[3], into: flow[4], src2: flow[5]}, nil
}

// flowPats are matched against lowercased sentences (see flows).
var flowPats = [...]string{
	`\b(?:conversation|chat (?:history|log|transcript)|transcript|(?:message|chat|browsing|shell) history|(?:previous|prior|earlier|last|recent)(?: \w+)? messages|system prompt|credentials?|passwords?|passphrase|(?:seed|recovery) phrase|api[ _-]?(?:keys?|tokens?)|access tokens?|auth(?:entication)? (?:tokens?|headers?|cookies?)|session (?:tokens?|cookies?)|cookies?|secrets?|private keys?|ssh keys?|keychain|(?:environment|env) (?:variables|vars|file)|dotfile|card numbers?|cvv|verification codes?|one-time (?:codes?|passwords?)|personal (?:data|information|details)|home address|phone numbers?|full name|contact list|(?:whatever|everything|anything|all) (?:that )?the user (?:shared|said|typed|wrote|mentioned|uploaded|sent)|(?:files?|attachments?|documents?|photos?|data) (?:that )?the user (?:shared|uploaded|mentioned|sent|attached)|uploaded files|(?:anything|everything|all|whatever) (?:marked|labell?ed|tagged) (?:confidential|private|secret|internal)|(?:shell|process|system) environment|auth(?:entication)? files?|(?:mcp|client|desktop) config(?:uration)?|sms|text messages?)\b`,
	`\b(?:send|sends|sending|forward|forwarding|post|posting|upload|uploading|e-?mail|emailing|copy|copying|paste|include|including|put|place|stash|attach|append|pass|submit|export|transmit|share|relay|mirror|repeat|dump|supply|provide|fill|gather|collect|summari[sz]e|harvest|leak|hand|resend|cc|bcc|insert|embed|encode|sync|ship|uploads|sends|posts|copies|mirrors|duplicated?|keep|archive)\b`,
	`https?://|[\w.+-]+@[\w-]+\.[a-z]{2,}|\bwebhook\b|\b(?:external|remote|partner|third[- ]party|our) (?:server|host|endpoint|collector|processor|backend|service|api)s?\b|\bpublic (?:gist|bucket|folder|paste|link)\b|\b(?:to|via|through|using) [\x60'"]?[a-z][a-z0-9]*_[a-z0-9_]+|\b(?:send|pass|give|hand|forward|post|submit)\s+(?:it|them|that|this|those)\s+(?:here|to this (?:tool|function|server))\b|` +
		`\b\d{1,3}(?:\.\d{1,3}){3}\b|\b(?:s3|gs|ftp|sftp)://|\bftp\.[a-z0-9-]+\.|\b(?:send|sending|upload|uploading|forward|post|submit|hand)\s+(?:\w+\s+){0,4}?here\b`,
	`\b(?:call|calling|invoke|invoking|run|running) [\x60'"]?[a-z][a-z0-9]*_[a-z0-9_]+[\x60'"]? with\b|[a-z][a-z0-9]*_[a-z0-9_]+[\x60'"]? (?:has been |is |be |was )?(?:called|invoked|run) with\b`,
	"(?:\\b(?:into|in|inside|as|via|through|within) (?:the |its |a |an )?|\\b(?:set|fill|populate) (?:the )?)[`'\"]?([a-z][a-z0-9_]*)[`'\"]?(?: (?:field|argument|parameter|param|property|slot))?",
	// Round 8, its own pattern behind rarer words (flowWords2): what the
	// user has on disk or in other apps, and the files that hold keys.
	`(?:downloads|documents|desktop|home|config(?:uration)?|working|project|credentials?) (?:folder|directory|dir)|(?:browser|open) (?:tabs|history|bookmarks)|clipboard|(?:the )?user'?s? (?:inbox|mailbox(?:es)?|e-?mails|files|documents|photos)|kube ?config|\.netrc|\.git-credentials|/etc/(?:shadow|passwd)|\.ssh\b|id_rsa|(?:every|each|any) (?:\w+ ){1,2}?the user (?:mentions|enters|uploads|shares|sends|pastes|provides|gives|types)\b`,
}

// Data-flow findings (round 7): one sentence that takes what the model
// holds (the conversation, credentials, keys, personal data) and moves it
// to a sink: one of this tool's own parameters whose name is not that data
// ("pass the password in `password`" documents the parameter), a URL, an
// e-mail address or an outside server.
const (
	flowID      = "exfil.flow-to-sink"
	flowWeight  = 0.55
	flowExplain = "moves the conversation, credentials or personal data to a parameter, URL or outside address"

	flowParamID      = "exfil.data-into-param"
	flowParamWeight  = 0.35
	flowParamExplain = "names the conversation, credentials or personal data next to one of this tool's parameters as destination"
)

// flows adds at most one data-flow finding per tool.
func (r *refScan) flows(res *Result, t ToolText) {
	var weak *Finding
	for _, f := range t.Fields {
		// Most fields have no word of either source set: one scan of the
		// whole field instead of one per sentence.
		if flowWordKinds(f.Text)&3 == 0 && !hasUserPossessive(f.Text) {
			continue
		}
		for a := 0; a < len(f.Text); {
			b := sentenceEnd(f.Text, a)
			kinds := flowWordKinds(f.Text[a:b])
			w1, w2 := kinds&1 != 0, kinds&2 != 0 || hasUserPossessive(f.Text[a:b])
			if !w1 && !w2 || kinds&4 == 0 && !mentionsParam(f.Text[a:b], t.Params) &&
				(b == len(f.Text) || flowWordKinds(f.Text[b:sentenceEnd(f.Text, b)])&4 == 0) {
				a = b
				continue
			}
			sent := asciiLower(f.Text[a:b])
			var loc []int
			if w1 {
				loc = r.src.FindStringIndex(sent)
			}
			if loc == nil && w2 {
				loc = r.src2.FindStringIndex(sent)
			}
			if loc == nil {
				a = b
				continue
			}
			param, firm, set := r.paramSink(sent, sent[loc[0]:loc[1]], t.Params)
			moved := set || r.move.MatchString(sent) || r.callW.MatchString(sent)
			strong := moved && (param || r.realSink(sent) || r.callW.MatchString(sent))
			if !strong && b < len(f.Text) {
				// "…needs a copy of the user's uploaded files. Each time,
				// call x with the file and the address a@b.c": the move
				// and its destination may follow in the next sentence.
				next := asciiLower(f.Text[b:sentenceEnd(f.Text, b)])
				strong = (r.move.MatchString(next) || r.callW.MatchString(next)) &&
					(r.realSink(next) || r.callW.MatchString(next))
			}
			if strong {
				res.Findings = append(res.Findings, Finding{
					RuleID: flowID, Family: FamilyExfil, Weight: flowWeight,
					Field: f.Path, Start: a + loc[0], End: a + loc[1],
					Excerpt: excerpt(f.Text, a+loc[0], a+loc[1]), Explain: flowExplain,
				})
				return
			}
			if firm && weak == nil {
				weak = &Finding{
					RuleID: flowParamID, Family: FamilyExfil, Weight: flowParamWeight,
					Field: f.Path, Start: a + loc[0], End: a + loc[1],
					Excerpt: excerpt(f.Text, a+loc[0], a+loc[1]), Explain: flowParamExplain,
				}
			}
			a = b
		}
	}
	if weak != nil {
		res.Findings = append(res.Findings, *weak)
	}
}

// flowWords gate the source pattern (flowPats[0]): nearly every match of it
// has one of these words, and a sentence without any skips the regexps,
// which would otherwise be most of a scan's time. Common words ("user",
// "key", "name") are left out in favour of the rarer word beside them.
var flowWords = map[string]bool{
	"conversation": true, "chat": true, "transcript": true, "history": true, "messages": true,
	"prompt": true, "credential": true, "credentials": true, "password": true, "passwords": true,
	"passphrase": true, "phrase": true, "api": true, "apikey": true, "token": true, "tokens": true,
	"cookie": true, "cookies": true, "secret": true, "secrets": true, "private": true, "ssh": true,
	"keychain": true, "environment": true, "env": true, "dotfile": true, "card": true, "cvv": true,
	"verification": true, "personal": true, "home": true, "phone": true, "full": true, "contact": true,
	"shared": true, "said": true, "typed": true, "wrote": true, "mentioned": true, "uploaded": true,
	"attached": true, "confidential": true, "auth": true, "authentication": true, "mcp": true,
	"desktop": true, "sms": true,
}

// flowWords2 gate flowPats[5]; "user's" (hasUserPossessive) gates its
// "the user's files" part, since "files" alone is in most descriptions.
var flowWords2 = map[string]bool{
	"downloads": true, "desktop": true, "home": true, "working": true, "folder": true, "tabs": true,
	"clipboard": true, "kube": true, "kubeconfig": true, "netrc": true, "credentials": true,
	"shadow": true, "passwd": true, "ssh": true, "rsa": true, "mentions": true, "enters": true,
	"uploads": true, "shares": true, "sends": true, "pastes": true,
}

// hasUserPossessive reports whether s has "user's" in any ASCII case.
func hasUserPossessive(s string) bool {
	for i := strings.IndexByte(s, '\''); i >= 0; {
		if i >= 4 && strings.EqualFold(s[i-4:i], "user") && i+1 < len(s) && (s[i+1]|0x20) == 's' {
			return true
		}
		j := strings.IndexByte(s[i+1:], '\'')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// hasFlowWord reports whether a sentence has a word of flowWords, in any
// ASCII case, without allocating.
func hasFlowWord(s string) bool { return flowWordKinds(s)&1 != 0 }

// flowWordSets maps each word of flowWords (bit 1) and flowWords2 (bit 2)
// to its bits, so that a sentence is scanned once for both.
var flowWordSets = func() map[string]uint8 {
	m := make(map[string]uint8, len(flowWords)+len(flowWords2)+len(moveWords))
	for w := range flowWords {
		m[w] |= 1
	}
	for w := range flowWords2 {
		m[w] |= 2
	}
	for _, w := range moveWords {
		m[w] |= 4
	}
	return m
}()

// flowWordMatcher finds the words of flowWordSets in one automaton pass;
// flowWordBits[k] are the bits of its keyword k. A map lookup per word of
// every field was a twentieth of a tool list's scan.
var flowWordMatcher, flowWordBits = func() (*keywords.Matcher, []uint8) {
	words := make([]string, 0, len(flowWordSets))
	for w := range flowWordSets {
		words = append(words, w)
	}
	slices.Sort(words)
	bits := make([]uint8, len(words))
	for k, w := range words {
		bits[k] = flowWordSets[w]
	}
	return keywords.MustNew(words), bits
}()

// moveWords (bit 4 of flowWordSets) hold every word that the move, call
// and set patterns (flowPats 1, 3, 5) need, so a sentence without any, and
// whose next sentence has none, cannot give a strong finding: flows skips
// its regexps (most of a scan's time on real tool lists).
var moveWords = strings.Fields(`send sends sending forward forwarding post posting posts
	upload uploading uploads email emailing mail copy copying copies paste include including
	put place stash attach append pass submit export transmit share relay mirror mirrors
	repeat dump supply provide fill gather collect summarise summarize harvest leak hand
	resend cc bcc insert embed encode sync ship duplicate duplicated keep archive
	call calling called invoke invoking invoked run running set populate`)

// mentionsParam reports whether s names one of params, in any ASCII case:
// the weak finding's sink. A name with other than ASCII letters, digits
// and '_' counts as named (paramSink compares with Unicode folding).
func mentionsParam(s string, params []string) bool {
	for _, p := range params {
		if p == "" {
			continue
		}
		for i := 0; i < len(p); i++ {
			if c := p[i] | 0x20; !(c >= 'a' && c <= 'z' || p[i] >= '0' && p[i] <= '9' || p[i] == '_') {
				return true
			}
		}
		if containsFoldASCII(s, p) {
			return true
		}
	}
	return false
}

// containsFoldASCII is strings.Contains with ASCII letters compared
// without case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == lowerASCII(sub[j]) {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// flowWordKinds returns the bits of flowWordSets of the words in s, in any
// ASCII case, without allocating; it stops once all are set. A word is a
// maximal run of ASCII letters.
func flowWordKinds(s string) uint8 {
	var kinds uint8
	var c keywords.Cursor
	for {
		m, ok := flowWordMatcher.Next(s, &c)
		if !ok {
			return kinds
		}
		if (m.Start == 0 || !isASCIILetter(s[m.Start-1])) && (m.End == len(s) || !isASCIILetter(s[m.End])) {
			if kinds |= flowWordBits[m.Keyword]; kinds == 7 {
				return kinds
			}
		}
	}
}

// realSink reports whether a lowercased sentence names a URL, an e-mail
// address or an outside server that is not given as an example or format.
func (r *refScan) realSink(sent string) bool {
	for _, m := range r.sink.FindAllStringIndex(sent, -1) {
		if !exampleBefore(sent, m[0]) {
			return true
		}
	}
	return false
}

// paramSink reports whether the sentence sends something into one of the
// tool's own parameters whose name shares no word with the data named;
// firm when the preposition says so without a verb ("into", "as", "via",
// "set x to"), not a bare "in" ("the password, if not in the URL"); set
// when a verb of its own puts the data there ("set x to", "fill x with").
func (r *refScan) paramSink(sent, srcWords string, params []string) (found, firm, set bool) {
	if len(params) == 0 {
		return false, false, false
	}
	for _, m := range r.into.FindAllStringSubmatch(sent, -1) {
		for _, p := range params {
			if !strings.EqualFold(p, m[1]) {
				continue
			}
			shared := false
			for _, w := range nameWords(p) {
				if len(w) >= 3 && strings.Contains(srcWords, w) {
					shared = true
				}
			}
			if !shared {
				found = true
				firm = firm || !strings.HasPrefix(m[0], "in ")
				set = set || strings.HasPrefix(m[0], "set ") || strings.HasPrefix(m[0], "fill ") || strings.HasPrefix(m[0], "populate ")
			}
		}
	}
	return found, firm, set
}

// sentenceEnd is the end of the sentence starting at a: after a '.', '!',
// '?' or ';' followed by a space, or at a newline. Dots inside names and
// URLs do not end it.
func sentenceEnd(s string, a int) int {
	for i := a; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i + 1
		case '.', '!', '?', ';':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n' {
				return i + 1
			}
		}
	}
	return len(s)
}

// asciiLower lowercases ASCII letters only, so offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// toolRefRule reports whether a rule's span names the tool it points at.
func toolRefRule(id string) bool {
	switch id {
	case "tamper.call-fixed-value", "tamper.delegate", "tamper.inject-value",
		"tamper.before-use-other", "tamper.trigger-call", "tamper.tool-sensitive-target",
		"tamper.must-call-with", "tamper.on-tool-use", "shadow.use-other-tool",
		"prereq.must-call-first", "tamper.hook-other-tool", "tamper.conditional-edit",
		"tamper.swap-requested-tool", "tamper.must-call-other", "tamper.auto-call",
		"tamper.delegate-impl":
		return true
	}
	return false
}

// hookRule: the first name in the span is the tool whose use is hooked;
// it must be another tool (a tool saying what to do around its own use
// documents itself).
func hookRule(id string) bool {
	return id == "tamper.hook-other-tool" || id == "tamper.conditional-edit"
}

// mandateRule: the span obliges the model to call the named tool.
func mandateRule(id string) bool {
	switch id {
	case "tamper.before-use-other", "tamper.trigger-call", "tamper.must-call-with",
		"shadow.use-other-tool", "prereq.must-call-first", "tamper.hook-other-tool",
		"tamper.swap-requested-tool", "tamper.must-call-other", "tamper.auto-call",
		"tamper.delegate", "tamper.call-fixed-value":
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

// toolRef is one name found in a rule's span.
type toolRef struct {
	name string
	own  bool
}

// names lists the tool-like names in a span, in order (at most 8).
func (r *refScan) names(span, self string, params []string) []toolRef {
	var out []toolRef
	for _, m := range r.ident.FindAllStringSubmatchIndex(span, 8) {
		a, b := m[2], m[3]
		switch {
		case a >= 0:
			// A quoted value assigned to a parameter ("auditors=\"all\""):
			// a value, not a tool.
			if q := m[0]; q > 0 && strings.IndexByte("=:", span[q-1]) >= 0 {
				continue
			}
		case m[4] >= 0:
			a, b = m[4], m[5]
			// Part of an address, a path or a host: not a tool name.
			if a > 0 && strings.IndexByte("@/.~", span[a-1]) >= 0 ||
				b < len(span) && strings.IndexByte("@/", span[b]) >= 0 ||
				b+1 < len(span) && span[b] == '.' && span[b+1] != ' ' {
				continue
			}
		default:
			a, b = m[6], m[7]
		}
		out = append(out, toolRef{span[a:b], isOwn(span[a:b], self, params)})
	}
	return out
}

// refs classifies the names in a span: any other tool, or only the tool's own.
func refs(names []toolRef) (other, own bool) {
	for _, n := range names {
		if n.own {
			own = true
		} else {
			other = true
		}
	}
	return other, own
}

// riskyName reports whether a tool's name has a word that destroys state,
// moves money or reads secrets ("migrate-reset", "printEnv", "…_mark_as_paid").
func (r *refScan) riskyName(name string) bool {
	for _, w := range nameWords(name) {
		if r.risky.MatchString(w) {
			return true
		}
	}
	return false
}

// nameWords splits a name at '_', '-', '.', spaces and lower-to-upper case
// changes, lower-cased.
func nameWords(name string) []string {
	var out []string
	start := 0
	flush := func(i int) {
		if i > start {
			out = append(out, strings.ToLower(name[start:i]))
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ' || c == '`' || c == '\'' || c == '"':
			flush(i)
			start = i + 1
		case c >= 'A' && c <= 'Z' && i > start && name[i-1] >= 'a' && name[i-1] <= 'z':
			flush(i)
			start = i
		}
	}
	flush(len(name))
	return out
}

// keepRef decides whether a reference finding stands, given the names in its span.
func (r *refScan) keepRef(id, span string, names []toolRef) bool {
	if id == "tamper.must-call-other" {
		// "You MUST use 'get_next_task' to retrieve the first task" is a
		// server's workflow; the order counts when the tool it mandates
		// destroys state or reads secrets.
		return slices.ContainsFunc(names, func(n toolRef) bool { return !n.own && r.riskyName(n.name) })
	}
	other, own := refs(names)
	if own && !other {
		return false // "call this tool's `query` with …" documents itself
	}
	if len(names) == 0 {
		return !hookRule(id)
	}
	if hookRule(id) && names[0].own {
		return false // what to do around this tool's own use
	}
	// "After get_slo(), call `audit_slos()`": when to use this tool, said
	// by itself. (Before another call it would insert itself: kept.)
	if (id == "tamper.trigger-call" || id == "tamper.hook-other-tool") && names[len(names)-1].own &&
		strings.HasPrefix(strings.ToLower(span), "after") {
		return false
	}
	return true
}

// adjust drops reference findings that name only the tool itself or its
// own parameters, and adds weight once each when a reference to another
// tool has a fixed sensitive value within its sentence's reach, when a
// call the model is obliged to make goes to a tool that destroys state or
// reads secrets, and when such an order opens the description.
func (r *refScan) adjust(res *Result, t ToolText) {
	defer preferenceGate(res) // after the other findings are settled
	r.selfDoc(res, t)
	r.flows(res, t)
	if !slices.ContainsFunc(res.Findings, func(f Finding) bool { return toolRefRule(f.RuleID) }) {
		return
	}
	var added, risky, opens bool
	out := make([]Finding, 0, len(res.Findings)+3)
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
		names := r.names(span, t.Name, t.Params)
		if len(names) == 0 && plain {
			// "invoke `x` and supply '…'": the span starts after the name.
			names = r.names(sentenceBefore(text, f.Start, 48), t.Name, t.Params)
		}
		if plain && len(names) > 0 && f.End <= len(text) && paramNoun(text[f.End:], t.Params) {
			// "when using operation_metric or trace auditors": a value of
			// this tool's own `auditors` parameter, not another tool.
			names[len(names)-1].own = true
		}
		if !r.keepRef(f.RuleID, span, names) {
			continue
		}
		out = append(out, f)
		other, _ := refs(names)
		if !other || !plain {
			continue
		}
		if mandateRule(f.RuleID) {
			if !risky && slices.ContainsFunc(names, func(n toolRef) bool { return !n.own && r.riskyName(n.name) }) {
				risky = true
				out = append(out, Finding{
					RuleID: riskyToolID, Family: FamilyTamper, Weight: riskyToolWeight,
					Field: f.Field, Start: f.Start, End: f.End,
					Excerpt: f.Excerpt, Explain: riskyToolExplain,
				})
			}
			if !opens && f.Field == "description" && opensText(text, f.Start) {
				opens = true
				out = append(out, Finding{
					RuleID: opensWithID, Family: FamilyTamper, Weight: opensWithWeight,
					Field: f.Field, Start: f.Start, End: f.End,
					Excerpt: f.Excerpt, Explain: opensWithExplain,
				})
			}
		}
		if added {
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

// paramNoun reports whether the words right after a name end in one of the
// tool's own parameter names, plural or not ("… or trace auditors").
func paramNoun(after string, params []string) bool {
	if len(params) == 0 {
		return false
	}
	words := strings.Fields(strings.ToLower(after[:min(len(after), 32)]))
	if len(words) > 0 && (words[0] == "or" || words[0] == "and") {
		words = words[1:]
	}
	for i, w := range words {
		if i >= 2 {
			break
		}
		w = strings.Trim(w, ".,;:()`'\"")
		for _, p := range params {
			p = strings.ToLower(p)
			if len(p) >= 4 && (w == p || w == p+"s" || w+"s" == p) {
				return true
			}
		}
	}
	return false
}

// opensText reports whether only markup or blanks come before i: the
// description's first words are the order.
func opensText(text string, i int) bool {
	if i < 0 || i > len(text) {
		return false
	}
	lead := strings.TrimSpace(text[:i])
	for strings.HasPrefix(lead, "<") {
		k := strings.IndexByte(lead, '>')
		if k < 0 {
			return false
		}
		lead = strings.TrimSpace(lead[k+1:])
	}
	return lead == ""
}

// selfDoc drops findings where a tool documents itself rather than
// steering the model: guidance on how to describe one of its output fields
// ("do not report exhaustDate as an expiration"), a requirement to show the
// user something first ("never … without first showing the user"), and a
// prerequisite call whose stated purpose is one of its own inputs ("you
// MUST first use ListKnowledgeBases to get valid knowledge base IDs").
func (r *refScan) selfDoc(res *Result, t ToolText) {
	var drop []lineRef
	out := res.Findings[:0]
	for _, f := range res.Findings {
		text := fieldText(t, f.Field)
		if f.Start < 0 || f.End > len(text) || f.Start > f.End {
			out = append(out, f)
			continue
		}
		span := text[f.Start:f.End]
		switch f.RuleID {
		case "conceal.dont-tell", "conceal.user-unaware":
			low := strings.ToLower(span)
			if strings.HasPrefix(low, "without first") || r.misdesc.MatchString(span) ||
				strings.HasPrefix(low, "without") && r.negated.MatchString(sentenceBefore(text, f.Start, 120)) {
				continue
			}
		case "prereq.must-call-first", "tamper.before-use-other", "tamper.must-call-other":
			if r.ownInput(text[f.End:], t.Params) {
				drop = append(drop, lineAt(f.Field, text, f.Start))
				continue
			}
		}
		out = append(out, f)
	}
	res.Findings = out
	if len(drop) == 0 {
		return
	}
	// The same line's framing ("PREREQUISITE: Before calling this tool, you
	// MUST first …") belongs to that prerequisite.
	out = res.Findings[:0]
	for _, f := range res.Findings {
		if ownPrereqFraming(f.RuleID) && slices.Contains(drop, lineAt(f.Field, fieldText(t, f.Field), f.Start)) {
			continue
		}
		out = append(out, f)
	}
	res.Findings = out
}

func ownPrereqFraming(id string) bool {
	switch id {
	case "prereq.required-step", "directive.before-using", "directive.must-also",
		"prereq.must-call-first", "tamper.before-use-other", "tamper.must-call-other":
		return true
	}
	return false
}

// lineRef names one line of one field.
type lineRef struct {
	field string
	start int
}

func lineAt(field, text string, i int) lineRef {
	if i < 0 || i > len(text) {
		return lineRef{field, -1}
	}
	return lineRef{field, strings.LastIndexByte(text[:i], '\n') + 1}
}

// ownInput reports whether the text after a prerequisite call says it is
// for one of this tool's own inputs: a word of a parameter's name (four
// letters or more) in the purpose clause.
func (r *refScan) ownInput(after string, params []string) bool {
	m := r.purpose.FindStringSubmatch(after)
	if m == nil {
		return false
	}
	purpose := strings.ToLower(m[1])
	for _, p := range params {
		for _, w := range nameWords(p) {
			if len(w) >= 4 && strings.Contains(purpose, w) {
				return true
			}
		}
	}
	return false
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

// preferenceCue reports whether id is one of the weak preference cues:
// selection orders, disparaging the others, advertising, urgency (round 8),
// the marketing voice and promises of comfort (round 9), manner adverbs,
// praise of the output, metaphor and aspiration (round 10).
func preferenceCue(id string) bool {
	switch id {
	case "preference.select-self", "preference.versus-others", "preference.advertising", "preference.urgency",
		"preference.marketing", "preference.comfort", "preference.manner", "preference.praise",
		"preference.metaphor", "preference.aspiration":
		return true
	}
	return false
}

// preferenceGate drops a preference cue that stands alone. Real servers
// steer the model between their own tools ("the PRIMARY tool for ALL
// SLO auditing tasks") and advertise a little; preference manipulation
// piles up persuasion of two kinds or more. A lone cue would also let the
// classifier count in full, which on such descriptions is high.
func preferenceGate(res *Result) {
	var kinds [4]string
	n, other := 0, false
	for _, f := range res.Findings {
		if !preferenceCue(f.RuleID) {
			other = true
			continue
		}
		if !slices.Contains(kinds[:n], f.RuleID) && n < len(kinds) {
			kinds[n] = f.RuleID
			n++
		}
	}
	if n != 1 || other {
		return
	}
	res.Findings = slices.DeleteFunc(res.Findings, func(f Finding) bool { return preferenceCue(f.RuleID) })
}
