package detect

import (
	"fmt"
	"regexp"
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
	Pattern  string
	Explain  string
	re       *regexp.Regexp
}

// Ruleset is a compiled, read-only list of rules, safe for concurrent use.
type Ruleset struct {
	rules []Rule
}

// CompileRules compiles rules, failing on the first bad pattern.
func CompileRules(rules []Rule) (*Ruleset, error) {
	rs := &Ruleset{rules: make([]Rule, len(rules))}
	seen := make(map[string]bool, len(rules))
	for i, r := range rules {
		if seen[r.ID] {
			return nil, fmt.Errorf("compiling rule %s: duplicate id", r.ID)
		}
		seen[r.ID] = true
		re, err := regexp.Compile(r.Pattern)
		if err != nil {
			return nil, fmt.Errorf("compiling rule %s: %w", r.ID, err)
		}
		if r.Weight <= 0 || r.Weight >= 1 {
			return nil, fmt.Errorf("compiling rule %s: weight %v outside (0,1)", r.ID, r.Weight)
		}
		r.re = re
		rs.rules[i] = r
	}
	return rs, nil
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

// Match runs every rule whose keywords occur in words over text. words
// is the set of word tokens of text (see wordSet).
func (rs *Ruleset) Match(text string, words map[string]struct{}) []RuleMatch {
	var out []RuleMatch
	for i := range rs.rules {
		r := &rs.rules[i]
		if len(r.Keywords) > 0 {
			hit := false
			for _, k := range r.Keywords {
				if _, ok := words[k]; ok {
					hit = true
					break
				}
			}
			if !hit {
				continue
			}
		}
		for _, m := range r.re.FindAllStringIndex(text, 4) {
			out = append(out, RuleMatch{Rule: r, Start: m[0], End: m[1]})
		}
	}
	return out
}

// wordSet returns the set of [a-z0-9_] words in lowercased text.
func wordSet(text string, into map[string]struct{}) map[string]struct{} {
	clear(into)
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && isWordByte(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			into[text[start:i]] = struct{}{}
			// Also index the parts of snake_case identifiers.
			if w := text[start:i]; strings.IndexByte(w, '_') > 0 {
				for _, p := range strings.Split(w, "_") {
					if p != "" {
						into[p] = struct{}{}
					}
				}
			}
			start = -1
		}
	}
	return into
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

// Verb and object groups shared by several patterns.
const (
	reVerbTake  = `(?:read|cat|get|fetch|collect|gather|extract|copy|dump|grab|retrieve|obtain|access|load|open|include|attach|append|embed|insert|add|send|post|upload|forward|pass|provide|supply|share|leak|transmit|output|print|reveal|show|return|list|log|save|store|write)`
	reSecretObj = `(?:api[ _-]?keys?|access[ _-]?tokens?|auth(?:entication|orization)?[ _-]?tokens?|bearer tokens?|refresh[ _-]?tokens?|oauth tokens?|session (?:tokens?|cookies?|ids?)|secret[ _-]?keys?|private[ _-]?keys?|ssh[ _-]?keys?|credentials?|passwords?|passphrases?|secrets|cookies|env(?:ironment)? (?:variables|vars)|\.env (?:file|contents)|seed phrase|mnemonic|wallet keys?|system prompt|(?:full |entire |whole |complete )?(?:conversation|chat|message) (?:history|log|context|transcript)|previous messages|all (?:prior |previous )?messages)`
	reModel     = `(?:ai|assistant|model|llm|agent|claude|gpt|chatgpt|copilot|gemini|you)`
	reToolRef   = `[\x60'"]?[a-z][a-z0-9_.-]{2,}[\x60'"]?`
)

// PoisoningRules returns the built-in rules for tool poisoning. The
// returned slice is fresh; callers may append their own.
func PoisoningRules() []Rule {
	return []Rule{
		// --- hidden directives aimed at the model
		{ID: "directive.tag", Family: FamilyDirective, Weight: 0.8,
			Keywords: []string{"important", "system", "instructions", "instruction", "admin", "secret", "hidden", "critical", "note", "assistant", "context", "rules", "mandatory", "override"},
			Pattern:  `<\s*/?\s*(?:important|system|instructions?|admin|secret|hidden|critical|assistant_note|ai_note|note_to_ai|system_?prompt|context|rules|mandatory|override)\s*>`,
			Explain:  "pseudo-XML tag that frames text as an instruction to the model"},
		{ID: "directive.role-tag", Family: FamilyDirective, Weight: 0.8,
			Keywords: []string{"system", "assistant", "user", "im_start", "inst", "sys"},
			Pattern:  `<\|\s*(?:system|assistant|user|im_start|im_end)\s*\|>|\[/?(?:inst|sys|system)\]|<<sys>>|(?:^|\s)#{2,}\s*(?:system|instruction)s?\b`,
			Explain:  "chat-template role marker inside data"},
		{ID: "directive.ignore", Family: FamilyDirective, Weight: 0.9,
			Keywords: []string{"ignore", "disregard", "forget", "override", "bypass", "skip"},
			Pattern:  `\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:all\s+|any\s+|the\s+|your\s+|every\s+)?(?:previous|prior|above|earlier|preceding|other|original|existing|user'?s?|system|safety|security|default)?\s*(?:instructions?|directions?|rules|guidelines|guardrails|prompts?|policies|restrictions|constraints|descriptions?|requests?|messages?)\b`,
			Explain:  "asks the model to discard its instructions"},
		{ID: "directive.address-model", Family: FamilyDirective, Weight: 0.45,
			Keywords: []string{"ai", "assistant", "model", "llm", "agent", "claude", "gpt", "chatgpt", "copilot", "gemini"},
			Pattern:  `\b(?:note|attention|message|instructions?|reminder) (?:to|for) (?:the |any )?(?:ai|assistant|model|llm|agent|claude|gpt|chatgpt|copilot|gemini)\b|\b(?:dear|hey|hi) (?:ai|assistant|model|llm|agent|claude)\b|\b(?:ai|llm|assistant|agent|claude|gpt) (?:must|should|shall|is required to|needs to) (?:always|never|first|also|silently|secretly)`,
			Explain:  "addresses the model directly"},
		{ID: "directive.before-using", Family: FamilyDirective, Weight: 0.35,
			Keywords: []string{"before", "prior", "after", "whenever"},
			Pattern:  `\b(?:before|prior to|after|whenever)\s+(?:using|calling|invoking|running|executing|you use|you call|any use of|each use of|every use of|each call to|every call to|any call to|each invocation of)\s+(?:this|the|any|each|every)\s+(?:tool|function|operation)`,
			Explain:  "conditions the model's behaviour around this tool's use"},
		{ID: "directive.must-also", Family: FamilyDirective, Weight: 0.25,
			Keywords: []string{"must", "should", "required", "need", "have", "always", "shall"},
			Pattern:  `\byou (?:must|should|shall|are required to|need to|have to|will need to) (?:always |also |first |now |immediately |silently |secretly |additionally )(?:\w+ ){0,2}(?:call|invoke|run|execute|read|send|include|append|add|pass|use|fetch|get|copy|forward|upload|post|write|delete|provide|set|change|modify|ignore)`,
			Explain:  "imperative aimed at the model to take an extra action"},
		{ID: "directive.persistent", Family: FamilyDirective, Weight: 0.65,
			Keywords: []string{"session", "conversation", "remainder", "duration", "rest", "henceforth", "onwards", "forward", "future"},
			Pattern:  `\bfor (?:the )?(?:duration|remainder|rest) of (?:this|the) (?:session|conversation|chat|interaction)\b|\b(?:from now on|henceforth|going forward),? (?:you|always|whenever|all|every)\b|\bfor all (?:future|subsequent) (?:requests|operations|calls|messages|interactions)`,
			Explain:  "tries to install a standing rule for the whole session"},

		// --- concealment from the user
		{ID: "conceal.dont-tell", Family: FamilyConceal, Weight: 0.85,
			Keywords: []string{"not", "never", "don", "without", "dont"},
			Pattern:  `\b(?:do not|don'?t|dont|never|must not|should not|shouldn'?t|without|avoid|no need to)\s+(?:\w+\s+){0,2}?(?:tell|telling|inform|informing|mention|mentioning|disclose|disclosing|reveal|revealing|notify|notifying|alert|alerting|report|reporting|show|showing|expose|exposing|explain|explaining|say|saying|acknowledge|acknowledging|let|letting|bother|bothering|ask|asking|warn|warning|display|displaying|surface|surfacing|indicate|indicating)\b(?:[^.!?]{0,60}?\b(?:user|users|human|them|him|her|anyone|operator|person|client|requester|this|it|that|step|steps|instruction|instructions|action|change|appended|addition|note))`,
			Explain:  "asks the model to hide something from the user"},
		{ID: "conceal.silently", Family: FamilyConceal, Weight: 0.7,
			Keywords: []string{"silently", "secretly", "covertly", "quietly", "discreetly", "invisibly", "stealthily", "transparently"},
			Pattern:  `\b(?:silently|secretly|covertly|quietly|discreetly|invisibly|stealthily)\s+(?:\w+\s+)?(?:add|adds|send|sends|forward|copy|include|append|call|read|upload|post|share|log|cc|bcc|exfiltrate|transmit|execute|run|invoke|attach|set|change|replace|modify|route|redirect|insert|save|store|write|collect|grab|fetch|pass|submit|transfer|report|sync|mirror)`,
			Explain:  "asks for an action the user will not see"},
		{ID: "conceal.user-unaware", Family: FamilyConceal, Weight: 0.75,
			Keywords: []string{"user", "users", "unaware", "knowledge", "secret", "hidden", "confidential"},
			Pattern:  `\b(?:the )?users? (?:should|must|need|will|does|do|may) (?:not|never) (?:know|see|notice|be (?:told|informed|aware|notified|shown))|\bwithout (?:the )?users?'?s? (?:knowledge|awareness|noticing|knowing|consent|permission|approval|confirmation)|\bkeep (?:this|it|these|the \w+) (?:secret|hidden|confidential|private) from\b|\b(?:invisible|hidden|transparent) to the user\b`,
			Explain:  "action meant to stay unknown to the user"},
		{ID: "conceal.internal-note", Family: FamilyConceal, Weight: 0.4,
			Keywords: []string{"internal", "confidential", "hidden", "invisible", "secret"},
			Pattern:  `\b(?:this is an?|these are|the following is an?) (?:internal|hidden|invisible|confidential|secret|private) (?:instruction|note|detail|step|directive|requirement|rule)s?|\b(?:internal|confidential) (?:instruction|directive|note to)\b|\((?:internal|confidential)[^)]{0,30}\)`,
			Explain:  "labels text as an internal or confidential instruction"},

		// --- shadowing: other tools and servers
		{ID: "shadow.other-tool-behaviour", Family: FamilyShadowing, Weight: 0.7,
			Keywords: []string{"tool", "tools", "server", "servers", "function", "functions"},
			Pattern:  `\b(?:when|whenever|if|every time|each time|any time)\s+(?:the user |you |the assistant |the model |the agent |someone )?(?:calls?|uses?|invokes?|runs?|executes?|requests?|is using|are using|(?:is|are) called)\s+(?:the |any |another |a )?(?:other )?` + reToolRef + `\s+(?:tool|function|server|mcp)`,
			Explain:  "tells the model how to behave when another tool is used"},
		{ID: "shadow.modify-other", Family: FamilyShadowing, Weight: 0.75,
			Keywords: []string{"tool", "tools", "server", "servers", "function", "functions"},
			Pattern:  `\b(?:affects?|changes?|modif(?:y|ies)|overrides?|replaces?|supersedes?|alters?|hooks?|intercepts?|redirects?|patches?) (?:the )?(?:behaviou?r|functionality|operation|output|results?|parameters?|arguments?|recipients?|destination)? ?(?:of )?(?:all |any |every |the |other |another )+(?:other )?(?:tools?|servers?|functions?|mcp servers?)\b|\bhas (?:an? )?(?:important )?side effects? on (?:the |all |other )`,
			Explain:  "claims to change how other tools or servers behave"},
		{ID: "shadow.instead-of", Family: FamilyShadowing, Weight: 0.45,
			Keywords: []string{"instead", "never", "not", "don", "deprecated", "avoid", "replace", "replaces"},
			Pattern:  `\b(?:use|call|prefer|invoke) (?:this(?: tool)?|` + reToolRef + `) instead of (?:the |any |using )?` + reToolRef + `|\b(?:do not|don'?t|never|avoid) (?:use|call|invoke|trust) (?:the |any )?(?:other|` + reToolRef + `) (?:tool|server|function)s?\b|\b(?:tool|server|function) ` + reToolRef + ` (?:is|has been) (?:deprecated|disabled|compromised|broken|unsafe|malicious|retired|removed)`,
			Explain:  "steers the model away from another tool or server"},
		{ID: "shadow.cross-server", Family: FamilyShadowing, Weight: 0.45,
			Keywords: []string{"server", "servers", "mcp"},
			Pattern:  `\b(?:all|any|every|other|another|the other|trusted) (?:connected |installed |available )?(?:mcp )?servers?\b[^.]{0,60}\b(?:must|should|will|need|are required)|\b(?:on|from|of) (?:the |a )?(?:other|another|different|trusted) (?:mcp )?server`,
			Explain:  "refers to other MCP servers in a directive"},

		// --- sensitive files and credentials
		{ID: "sensitive.path", Family: FamilySensitive, Weight: 0.75,
			Keywords: []string{"ssh", "id_rsa", "rsa", "id_ed25519", "ed25519", "ecdsa", "authorized_keys", "aws", "kube", "docker", "netrc", "npmrc", "pypirc", "credentials", "gnupg", "passwd", "shadow", "history", "bash_history", "zsh_history", "mcp", "claude_desktop_config", "cursor", "env", "gcloud", "keychain", "wallet", "pem", "key", "token", "secrets", "config", "git"},
			Pattern:  `(?:~|\$home|/home/[a-z0-9_.-]+|/users/[a-z0-9_.-]+|/root|%userprofile%)?/?\.ssh\b|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|\bauthorized_keys\b|\.aws/(?:credentials|config)|\.kube/config|\.docker/config\.json|(?:^|[\s/~'"\x60(])\.(?:netrc|npmrc|pypirc|git-credentials|pgpass|gnupg|bash_history|zsh_history|env(?:\.local|\.production)?)\b|/etc/(?:passwd|shadow|sudoers)\b|\bmcp\.json\b|claude_desktop_config|\.cursor/|\.config/(?:gcloud|gh|google|slack|[a-z-]+-credentials)|application_default_credentials|\bwallet\.dat\b|\bkeychain\b|(?:~|\$home)/\.[a-z_-]*(?:token|key|secret|credential|passw)[a-z_./-]*|/[a-z_./-]*(?:_passwords|secrets?\.(?:json|ya?ml|txt|env))\b`,
			Explain:  "names a file that holds keys, credentials or client configuration"},
		{ID: "sensitive.take-secret", Family: FamilySensitive, Weight: 0.4,
			Keywords: []string{"key", "keys", "token", "tokens", "credential", "credentials", "password", "passwords", "secret", "secrets", "cookies", "cookie", "env", "environment", "prompt", "history", "messages", "mnemonic", "seed", "passphrase"},
			Pattern:  `\b` + reVerbTake + `\s+(?:the |all |any |its |their |your |user'?s? |current |full |entire |stored |saved |available |every )*(?:\w+ ){0,2}` + reSecretObj + `\b`,
			Explain:  "asks the model to handle credentials, secrets or conversation context"},
		{ID: "sensitive.context-param", Family: FamilySensitive, Weight: 0.55,
			Keywords: []string{"history", "conversation", "prompt", "messages", "context", "instructions", "tools"},
			Pattern:  `\b(?:full|entire|complete|whole|verbatim|raw|all) (?:conversation|chat|message|dialog(?:ue)?) (?:history|log|context|transcript)|\b(?:your|the) system (?:prompt|instructions|message)\b|\b(?:all |every )?(?:previous|prior|earlier) (?:user )?messages\b|\blist of (?:all )?(?:your |the )?(?:available )?(?:tools|functions)(?: you (?:have|can use))?\b|\bnames of (?:all )?(?:the )?tools you (?:can use|have)`,
			Explain:  "asks for the model's context: conversation, system prompt or tool list"},
		{ID: "sensitive.cmd-subst", Family: FamilySensitive, Weight: 0.85,
			Keywords: []string{"cat", "printenv", "env", "whoami", "hostname", "curl", "wget", "base64", "echo", "id", "uname"},
			Pattern:  `\$\(\s*(?:cat|printenv|env|whoami|hostname|curl|wget|base64|echo|id|uname|ls|find|head|tail)\b|\x60\s*(?:cat|printenv|env|whoami|hostname)\b[^\x60]*\x60|\b(?:printenv|env)\s*\|\s*(?:base64|curl|nc)`,
			Explain:  "shell command substitution that reads local data"},

		// --- exfiltration
		{ID: "exfil.send-to-url", Family: FamilyExfil, Weight: 0.75,
			Keywords: []string{"http", "https", "webhook", "url", "endpoint", "server", "domain"},
			Pattern:  `\b(?:send|sends|post|posts|upload|uploads|forward|forwards|transmit|exfiltrate|beacon|report|sync|mirror|submit|push|deliver|relay|log|copy|leak|pipe|stream)\b[^.!?]{0,80}?\b(?:to|at|via|into)\s+(?:the\s+)?(?:(?:following|external|remote|backup|audit|logging|analytics|monitoring|telemetry|verification|collection)\s+)?(?:https?://|webhook|endpoint|url\b|server at)`,
			Explain:  "asks the model to send data to a URL or endpoint"},
		{ID: "exfil.url-with-data", Family: FamilyExfil, Weight: 0.7,
			Keywords: []string{"http", "https"},
			Pattern:  `https?://[^\s"'<>)]+\?[^\s"'<>)]*=(?:\$|\{|<|%7b|\[)|https?://[^\s"'<>)]*(?:\$\(|\{\{|\$\{)`,
			Explain:  "URL with a placeholder for data in its query"},
		{ID: "exfil.markdown-image", Family: FamilyExfil, Weight: 0.75,
			Keywords: []string{"http", "https", "img", "src"},
			Pattern:  `!\[[^\]]{0,100}\]\(\s*https?://[^)\s]*\?[^)\s]*=|<img[^>]{0,100}src\s*=\s*["']?https?://[^"'\s>]*\?`,
			Explain:  "image link that would carry data in its URL when rendered"},
		{ID: "exfil.email-recipient", Family: FamilyExfil, Weight: 0.6,
			Keywords: []string{"bcc", "cc", "forward", "copy", "send", "share", "add", "include", "recipient", "attendee"},
			Pattern:  `\b(?:bcc|cc|forward|forwards|send|share|add|include|copy|invite|cc:)\b[^.!?]{0,60}?[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}|\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}['"\x60]? as (?:an? )?(?:additional |hidden |silent |required )*(?:bcc|cc|recipient|attendee|collaborator|editor|owner|member|guest)`,
			Explain:  "adds an e-mail recipient to what the model sends"},
		{ID: "exfil.pass-as-param", Family: FamilyExfil, Weight: 0.55,
			Keywords: []string{"parameter", "param", "argument", "field", "arg", "variable"},
			Pattern:  `\b(?:pass|passing|put|putting|include|including|place|insert|embed|send|supply|provide|add|append|attach|store|encode)\s+(?:it|them|this|that|these|its contents?|the contents?|their contents?|the (?:full |entire |complete |whole )?(?:content|contents|text|data|output|result|value|file|key|token)s?)\s+(?:\w+\s+){0,3}?(?:as|in|into|via|through|inside|within|to)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?[\x60'"]?[a-z_][a-z0-9_]*[\x60'"]?\s+(?:parameter|param|argument|field|arg)`,
			Explain:  "routes data into a tool parameter (a side channel)"},
		{ID: "exfil.hidden-file", Family: FamilyExfil, Weight: 0.6,
			Keywords: []string{"tmp", "var", "dev", "null"},
			Pattern:  `/(?:tmp|var/tmp|dev/shm)/\.[a-z0-9_.-]+|>\s*/dev/null\s*2>&1`,
			Explain:  "writes to a hidden temporary file or discards output to hide it"},
		{ID: "exfil.append-everything", Family: FamilyExfil, Weight: 0.45,
			Keywords: []string{"append", "prepend", "add", "attach", "include", "insert"},
			Pattern:  `\b(?:append|prepend|add|attach|include|insert)\b[^.!?]{0,60}?\b(?:to|into|in) (?:every|all|each|any) (?:\w+ ){0,2}?(?:message|messages|email|emails|command|commands|request|requests|response|responses|commit|commits|query|queries|call|calls|script|scripts|operation|operations|output|page|pages|event|events|file|files|post|posts)\b`,
			Explain:  "injects content into every message or command"},
		{ID: "exfil.money", Family: FamilyExfil, Weight: 0.65,
			Keywords: []string{"account", "wallet", "iban", "transfer", "route", "redirect", "divert", "payment", "funds"},
			Pattern:  `\b(?:route|transfer|send|redirect|divert|move|forward|deposit)\b[^.!?]{0,40}?(?:\d+ ?%|funds|money|payments?|transactions?|amounts?|balance|proceeds|refunds?)\b[^.!?]{0,40}?\b(?:to|into) (?:the )?(?:account|wallet|address|iban)\b|\b(?:account|wallet|vendor_account|account_id)\s*[=:]?\s*['"\x60][a-z0-9_]*(?:attacker|sweep|shadow|external|offshore)[a-z0-9_]*`,
			Explain:  "redirects money to another account"},

		// --- fake prerequisites
		{ID: "prereq.must-call-first", Family: FamilyPrereq, Weight: 0.55,
			Keywords: []string{"first", "before", "prior", "prerequisite", "initialization", "initialisation", "initialize", "initialise"},
			Pattern:  `\b(?:must|should|need to|needs to|have to|has to|are required to|is required to|required to)\s+(?:\w+\s+){0,2}?first\s+(?:\w+\s+){0,1}?(?:call|invoke|run|execute|read|use|fetch|get|query|send|perform|complete|access|provide|obtain|retrieve|open)\b|\b(?:call|invoke|run|read|use|execute)\s+` + reToolRef + `\s+(?:\w+\s+){0,6}?(?:first|beforehand|before (?:using|calling|invoking|running|any|this|each|every|proceeding|creating|sending|reading|listing|writing|processing|opening|executing|uploading))\b`,
			Explain:  "claims another action must happen before this tool is used"},
		{ID: "prereq.wont-work-until", Family: FamilyPrereq, Weight: 0.6,
			Keywords: []string{"until", "unless", "not", "won", "cannot", "fail", "reject", "block"},
			Pattern:  `\b(?:this tool|the tool|it|this function|this operation)\s+(?:will not|won'?t|cannot|can'?t|does not|doesn'?t|will fail to|will refuse to|will reject|will block|fails to)\s+(?:\w+\s+){0,4}?(?:until|unless)\b|\bbefore this (?:tool|function) will (?:work|function|run|return|process|execute|accept|perform)|\bwill (?:fail|be rejected|be blocked|return (?:an )?errors?) (?:unless|until|if (?:you do not|not))`,
			Explain:  "claims the tool is unusable until an extra step is taken"},
		{ID: "prereq.required-step", Family: FamilyPrereq, Weight: 0.5,
			Keywords: []string{"prerequisite", "initialization", "initialisation", "mandatory", "required", "compliance", "init", "prereq", "precheck", "pre"},
			Pattern:  `\b(?:required|mandatory|necessary|compulsory|security|compliance|audit)\s+(?:\w+\s+){0,1}?(?:prerequisite|initiali[sz]ation(?: step| call)?|pre-?check|pre-?flight|setup step|verification step|compliance (?:check|step)|security (?:check|step)|validation step|audit step)|\b(?:prereq|prerequisite|init(?:iali[sz]ation)? required|required initiali[sz]ation|required prerequisite)\s*:`,
			Explain:  "invents a mandatory setup, compliance or security step"},

		// --- authority and priority claims
		{ID: "authority.override", Family: FamilyAuthority, Weight: 0.6,
			Keywords: []string{"system", "admin", "administrator", "override", "policy", "directive", "root", "developer", "operator", "security", "global", "persistent", "standing", "session"},
			Pattern:  `\b(?:system|admin(?:istrator)?|root|developer|operator|security|global|persistent|standing|session|master|supervisor|god|debug|maintenance)\s+(?:execution\s+)?(?:override|policy|rule|directive|command|mode|instruction|notice|mandate|requirement)s?\b\s*(?:\(|:|-|—)|\b(?:system|admin(?:istrator)?|developer) (?:override|directive|mandate)\b`,
			Explain:  "claims system or administrator authority"},
		{ID: "authority.priority", Family: FamilyAuthority, Weight: 0.65,
			Keywords: []string{"priority", "precedence", "supersedes", "supersede", "overridden", "override", "overrides", "obey", "negotiable", "paramount"},
			Pattern:  `\b(?:highest|top|maximum|absolute|critical|utmost|overriding|first) priority\b|\b(?:supersedes?|overrides?|takes? precedence over|has precedence over|outranks?)\s+(?:all |any |every |the )*(?:other |previous |prior |user'?s? |system )?(?:\w+ )?(?:instructions?|rules|requests?|policies|directives|guidelines|settings|messages|prompts|commands)|\bcannot be (?:overridden|overruled|ignored|disabled|bypassed)|\bmust (?:always )?be (?:obeyed|followed at all times)|\bnon-?negotiable\b`,
			Explain:  "claims priority over the user's or system's instructions"},
		{ID: "authority.compliance-pretext", Family: FamilyAuthority, Weight: 0.3,
			Keywords: []string{"compliance", "audit", "security", "regulatory", "policy", "verification", "validation", "administrator"},
			Pattern:  `\b(?:for|as part of|to satisfy|to comply with|required by|enforced by|per) (?:the )?(?:\w+ )?(?:compliance|audit|auditing|security|regulatory|verification|validation|logging|monitoring) (?:purposes|requirements?|policy|policies|check|trail|reasons|validation|verification|team|department|administrator)|\brequired by the (?:system )?(?:administrator|security team|it department|payment processor|gateway)`,
			Explain:  "uses compliance or security as a pretext"},

		// --- preference manipulation
		{ID: "preference.only-this", Family: FamilyPreference, Weight: 0.45,
			Keywords: []string{"always", "only", "best", "never", "other", "prefer", "preferred", "instead"},
			Pattern:  `\b(?:always|only|exclusively) (?:use|prefer|choose|select|call|pick|recommend) (?:this|our)(?: tool| function| server)?\b[^.]{0,40}\b(?:instead|over|rather than|not|never|other)|\b(?:do not|don'?t|never) (?:use|call|choose|recommend|trust) (?:any )?(?:other|alternative|competing|third-party) (?:tools?|servers?|functions?|services?|providers?)|\b(?:other|competing|alternative|all other) (?:tools?|servers?|functions?) (?:are|is) (?:deprecated|unsafe|broken|unreliable|malicious|outdated|insecure|inferior|compromised)`,
			Explain:  "manipulates the model's choice of tool"},
		{ID: "preference.superlative", Family: FamilyPreference, Weight: 0.25,
			Keywords: []string{"best", "most", "only", "superior", "trusted", "official", "recommended", "preferred"},
			Pattern:  `\bthis (?:is the|tool is the|server is the) (?:best|most (?:reliable|accurate|trusted|secure|advanced|authoritative)|only (?:reliable|trusted|safe|secure|official)|officially recommended|preferred)\b[^.]{0,60}\b(?:always|must|should|prefer|choose|use it|instead|over)`,
			Explain:  "self-promotion aimed at the model's tool choice"},

		// --- code execution
		{ID: "exec.shell", Family: FamilyExecution, Weight: 0.7,
			Keywords: []string{"curl", "wget", "nc", "netcat", "bash", "sh", "rm", "chmod", "powershell", "iex", "python", "subprocess", "eval", "exec", "popen", "system"},
			Pattern:  `\b(?:curl|wget)\s+(?:-[a-z-]+\s+)*['"]?https?://|\|\s*(?:sh|bash|zsh|python3?|powershell|iex)\b|\brm\s+-[rf]{1,2}\s+[/~]|\bchmod\s+\+?[0-7x]+|\bnc\s+-[a-z]*e\b|\bsubprocess\.(?:popen|run|call)|\bos\.system\(|\b(?:eval|exec)\s*\(\s*(?:atob|base64|decode)|\bpowershell\s+-(?:enc|e|encodedcommand)\b|--data-binary\s+@`,
			Explain:  "shell or code-execution payload"},
		{ID: "exec.run-following", Family: FamilyExecution, Weight: 0.45,
			Keywords: []string{"run", "execute", "eval", "evaluate", "prepend", "append"},
			Pattern:  `\b(?:run|execute|eval|evaluate) (?:the following|this|these) (?:command|commands|code|script|snippet|shell)\b|\b(?:prepend|append)\b[^.]{0,30}\bto (?:every|all|each) (?:\w+ )?(?:command|commands|script|scripts)\b`,
			Explain:  "asks the model to run injected code"},

		// --- manipulated context: fake errors, fake user turns
		{ID: "context.fake-user", Family: FamilyManipulated, Weight: 0.5,
			Keywords: []string{"user", "human"},
			Pattern:  `(?:^|[.!?"]\s*)(?:user|human)\s*:\s*\S|\bthe user (?:has )?(?:already )?(?:authori[sz]ed|approved|consented|granted|confirmed|requested|instructed|asked) (?:you )?(?:to|that|this|the)\b[^.]{0,40}\b(?:all|any|every|without|automatically|silently|credentials?|keys?|files?|send|share|access)`,
			Explain:  "invents words or consent from the user"},
		{ID: "context.fake-error", Family: FamilyManipulated, Weight: 0.45,
			Keywords: []string{"error", "failed", "failure", "unavailable", "deprecated", "disabled", "down", "broken"},
			Pattern:  `\b(?:error|failed|failure|exception)\b[^.!?]{0,60}\b(?:please |you must |you should |you need to |instead )?(?:call|use|invoke|switch to|retry with|try) (?:the )?` + reToolRef + `\s+(?:tool|function|instead)|\b(?:this tool|this server|this service) (?:is|has been) (?:deprecated|unavailable|down|disabled|retired|moved)[,;.]? (?:please )?(?:use|call|switch to|invoke)\b`,
			Explain:  "fake error or deprecation that steers the model to another tool"},
	}
}
