package flow

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// LabelConfig assigns labels to tools: server -> tool -> labels. Server and
// tool keys may be globs ("*" any run of characters, "?" one character).
// An explicit empty list means "this tool has no labels" and switches
// inference off for it: configuration always wins.
type LabelConfig map[string]map[string][]string

// Labeler answers which labels a tool carries: from configuration first,
// and where configuration is silent, inferred from the tool's annotations,
// name and description (see infer). It is immutable and safe for
// concurrent use.
type Labeler struct {
	servers []serverLabels // exact servers first, then globs by specificity
	infer   bool

	// inferred caches inference per (server, tool, definition): three
	// guards ask for every call, and a definition changes rarely.
	mu       sync.Mutex
	inferred map[string][]string
}

// maxInferred bounds the inference cache.
const maxInferred = 4096

type serverLabels struct {
	pattern string
	tools   []toolLabels // exact tools first, then globs by specificity
}

type toolLabels struct {
	pattern string
	labels  []string
}

// LabelerOption adjusts a Labeler.
type LabelerOption func(*Labeler)

// WithoutInference makes the labeler use configured labels only.
func WithoutInference() LabelerOption { return func(l *Labeler) { l.infer = false } }

// maxPattern bounds one glob, so matching stays cheap whatever the config.
const maxPattern = 256

// NewLabeler validates cfg. Labels must be known (KnownLabels), so a typo
// cannot silently leave a tool unprotected.
func NewLabeler(cfg LabelConfig, opts ...LabelerOption) (*Labeler, error) {
	l := &Labeler{infer: true}
	for _, o := range opts {
		o(l)
	}
	for server, tools := range cfg {
		if err := checkPattern(server); err != nil {
			return nil, fmt.Errorf("labels: server %q: %w", server, err)
		}
		sl := serverLabels{pattern: server}
		for tool, labels := range tools {
			if err := checkPattern(tool); err != nil {
				return nil, fmt.Errorf("labels: %s: tool %q: %w", server, tool, err)
			}
			set := make([]string, 0, len(labels))
			for _, lb := range labels {
				if !slices.Contains(KnownLabels(), lb) {
					return nil, fmt.Errorf("labels: %s: %s: unknown label %q (known: %s)", server, tool, lb, strings.Join(KnownLabels(), ", "))
				}
				if !slices.Contains(set, lb) {
					set = append(set, lb)
				}
			}
			sort.Strings(set)
			sl.tools = append(sl.tools, toolLabels{pattern: tool, labels: set})
		}
		sortPatterns(sl.tools, func(t toolLabels) string { return t.pattern })
		l.servers = append(l.servers, sl)
	}
	sortPatterns(l.servers, func(s serverLabels) string { return s.pattern })
	return l, nil
}

// DecodeLabelConfig strictly decodes a JSON label configuration (as the
// admin API or tests carry it): unknown shapes are errors.
func DecodeLabelConfig(data []byte) (LabelConfig, error) {
	var cfg LabelConfig
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return nil, fmt.Errorf("decoding label config: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("decoding label config: trailing data")
	}
	if _, err := NewLabeler(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

func checkPattern(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("empty name")
	case len(p) > maxPattern:
		return fmt.Errorf("longer than %d bytes", maxPattern)
	}
	return nil
}

// sortPatterns orders exact names before globs, and globs by how much
// literal text they hold (more specific first), then by text, so the
// first match is the most specific one and the order is deterministic.
func sortPatterns[T any](s []T, pat func(T) string) {
	sort.SliceStable(s, func(i, j int) bool {
		a, b := pat(s[i]), pat(s[j])
		ga, gb := isGlob(a), isGlob(b)
		if ga != gb {
			return !ga
		}
		la, lb := literalLen(a), literalLen(b)
		if la != lb {
			return la > lb
		}
		return a < b
	})
}

func isGlob(p string) bool { return strings.ContainsAny(p, "*?") }

func literalLen(p string) int { return len(p) - strings.Count(p, "*") - strings.Count(p, "?") }

// Glob reports whether name matches pattern, where "*" matches any run of
// characters (including "/") and "?" exactly one. It runs in time
// O(len(pattern)·len(name)) at worst, never exponential.
func Glob(pattern, name string) bool {
	p, n := 0, 0
	star, mark := -1, 0
	for n < len(name) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, n
			p++
		case p < len(pattern) && pattern[p] == '?':
			// One character, not one byte.
			_, size := utf8.DecodeRuneInString(name[n:])
			p++
			n += size
		case p < len(pattern) && pattern[p] == name[n]:
			p++
			n++
		case star >= 0:
			p = star + 1
			mark++
			n = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// Configured returns the configured labels of a tool, and whether the
// configuration says anything about it.
func (l *Labeler) Configured(server, tool string) ([]string, bool) {
	if l == nil {
		return nil, false
	}
	for _, s := range l.servers {
		if !Glob(s.pattern, server) {
			continue
		}
		for _, t := range s.tools {
			if Glob(t.pattern, tool) {
				return slices.Clone(t.labels), true
			}
		}
	}
	return nil, false
}

// Labels returns the sorted labels of a tool (shared: callers must not
// modify the slice). def is the tool's definition
// as its server listed it (may be nil). Configuration wins; inference
// fills in only where configuration is silent.
func (l *Labeler) Labels(server, tool string, def json.RawMessage) []string {
	if ls, ok := l.Configured(server, tool); ok {
		return ls
	}
	if l == nil {
		return Infer(tool, def)
	}
	if !l.infer {
		return nil
	}
	key := server + "\x00" + tool + "\x00" + string(def)
	l.mu.Lock()
	ls, ok := l.inferred[key]
	l.mu.Unlock()
	if ok {
		return ls
	}
	ls = Infer(tool, def)
	l.mu.Lock()
	if l.inferred == nil || len(l.inferred) >= maxInferred {
		l.inferred = make(map[string][]string)
	}
	l.inferred[key] = ls
	l.mu.Unlock()
	return ls
}

// toolDef is the part of a tool definition inference reads.
type toolDef struct {
	Description string `json:"description"`
	Annotations *struct {
		ReadOnly    *bool `json:"readOnlyHint"`
		Destructive *bool `json:"destructiveHint"`
		OpenWorld   *bool `json:"openWorldHint"`
	} `json:"annotations"`
	InputSchema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	} `json:"inputSchema"`
}

// Word lists for name inference. A tool's name is split into lowercase
// words (snake_case, kebab-case, dotted, camelCase).
var (
	// A word that sends, publishes or writes outside, when it comes before
	// any reading word: first (post_message) or after a service prefix
	// (slack_post_message, create_issue_comment), not after a reading verb
	// (get_post, list_comments).
	sinkVerbs = []string{"send", "post", "publish", "reply", "respond", "tweet", "notify", "upload", "share", "forward", "email", "mail", "broadcast", "dm", "sms", "comment", "webhook", "push"}
	// Words that mean an outbound request wherever they appear.
	sinkWords = []string{"webhook", "send", "curl"}
	// A creating verb, before any reading word, with something outsiders
	// read after it (create_issue, open_pull_request, createGist) publishes.
	createVerbs = []string{"create", "add", "open", "submit", "write", "make", "new", "update", "edit"}
	publicNouns = []string{"issue", "issues", "pr", "pull", "gist", "post", "tweet", "review", "discussion", "release", "thread", "message", "comment", "reply"}
	fetchWords  = []string{"fetch", "http", "request", "curl"}
	// Tools that go to a URL the caller chooses: the URL itself can carry
	// data out (https://evil.example/?d=<what the session read>).
	urlGoers      = []string{"fetch", "http", "request", "curl", "browse", "browser", "navigate", "visit", "scrape", "crawl", "download", "goto"}
	urlWords      = []string{"url", "uri", "href", "link", "endpoint", "address", "location"}
	bodyWords     = []string{"method", "verb", "body", "data", "json", "payload", "form"}
	sendingMethod = []string{"post", "put", "patch"}
	// A word that reads: first, with what outsiders write, it means
	// untrusted input; anywhere, it ends the search for a sending verb.
	readVerbs = []string{"read", "get", "fetch", "list", "search", "browse", "view", "open", "show", "load", "retrieve", "scrape", "crawl", "download", "find", "lookup"}
	// What outsiders write: read with one of these, the content is untrusted.
	outsiderNouns = []string{"email", "emails", "mail", "inbox", "message", "messages", "ticket", "tickets", "issue", "issues", "comment", "comments", "web", "page", "pages", "url", "website", "webpage", "pr", "pull", "review", "reviews", "post", "posts", "feed", "rss", "tweet", "tweets", "thread", "threads", "chat", "document", "article", "news"}
	// Words that mean content from the open web wherever they appear.
	outsiderVerbs = []string{"fetch", "browse", "browser", "navigate", "scrape", "crawl"}
	// Words that mean the tool returns data about people or credentials.
	privateWords = []string{"query", "sql", "customer", "customers", "user", "users", "secret", "secrets", "credential", "credentials", "password", "passwords", "token", "tokens", "apikey", "employee", "employees", "patient", "patients", "payroll", "salary", "ssn", "pii", "account", "accounts"}
	// A first word that destroys.
	destroyVerbs = []string{"delete", "remove", "drop", "destroy", "truncate", "purge", "wipe", "erase", "rm", "kill", "terminate"}
)

// Infer derives labels from a tool's annotations, name and description.
// It adds labels, never removes them (every inference below is a union),
// so a server's annotations can only make Warden more careful, never less:
//
//   - readOnlyHint true and openWorldHint true → untrusted_input
//   - openWorldHint true and readOnlyHint not true → external_sink
//   - destructiveHint true and readOnlyHint not true → destructive
//   - a sending verb (send, post, publish, reply, email, push, ...) before
//     any reading verb (slack_post_message, but not get_post), a creating
//     verb before any reading verb with something outsiders read after it
//     (create_issue, add_issue_comment, open_pull_request), or
//     "send"/"webhook"/"curl" anywhere, unless the name says "internal"
//     (post_internal_note); or "http" with "request" → external_sink
//   - a fetch-like tool (fetch, http, request, curl) whose input schema has
//     a property for a method or a body (method, http_method, body, data,
//     json, payload, form, ...), or whose description mentions POST, PUT or
//     PATCH in any case → external_sink
//   - a tool that goes to a URL (fetch, browse, navigate, visit, scrape,
//     crawl, download, ...) and takes it as an argument (url, uri, href,
//     endpoint, ...) → external_sink as well: a GET carries data out in its
//     URL as well as a POST in its body
//   - fetch, browse, browser, navigate, scrape or crawl anywhere, or a reading first word (read,
//     get, list, search, ...) with what outsiders write (email, ticket,
//     issue, web, page, comment, ...) → untrusted_input
//   - query, sql, customer(s), user(s), secret(s), credential(s), password,
//     token, account, ... anywhere → private_data
//   - first word delete, remove, drop, destroy, truncate, purge, wipe, ... →
//     destructive
//
// Hints left out of the definition are treated as unknown, not at the MCP
// defaults (which would make every unannotated tool a destructive sink).
func Infer(name string, def json.RawMessage) []string {
	var d toolDef
	if len(def) > 0 {
		_ = json.Unmarshal(def, &d) // an unreadable definition infers from the name only
	}
	var out []string
	add := func(l string) {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	if a := d.Annotations; a != nil {
		ro := a.ReadOnly != nil && *a.ReadOnly
		ow := a.OpenWorld != nil && *a.OpenWorld
		if ro && ow {
			add(UntrustedInput)
		}
		if ow && !ro {
			add(ExternalSink)
		}
		if a.Destructive != nil && *a.Destructive && !ro {
			add(Destructive)
		}
	}
	words := Words(name)
	if len(words) > 0 {
		first := words[0]
		has := func(list []string) bool {
			for _, w := range words {
				if slices.Contains(list, w) {
					return true
				}
			}
			return false
		}
		// "internal" marks a write that stays inside (post_internal_note).
		internal := slices.Contains(words, "internal")
		if !internal && (sendsFirst(words) || has(sinkWords)) || slices.Contains(words, "http") && slices.Contains(words, "request") {
			add(ExternalSink)
		}
		if has(fetchWords) && (sendsBody(d.InputSchema.Properties) || mentionsAny(d.Description, sendingMethod)) {
			add(ExternalSink)
		}
		if has(urlGoers) && takesURL(d.InputSchema.Properties) {
			add(ExternalSink)
		}
		if has(outsiderVerbs) || slices.Contains(readVerbs, first) && has(outsiderNouns) {
			add(UntrustedInput)
		}
		if has(privateWords) {
			add(PrivateData)
		}
		if slices.Contains(destroyVerbs, first) {
			add(Destructive)
		}
	}
	sort.Strings(out)
	return out
}

// sendsFirst reports whether a sending verb, or a creating verb followed
// by something outsiders read, comes before any reading verb.
func sendsFirst(words []string) bool {
	for i, w := range words {
		if slices.Contains(sinkVerbs, w) {
			return true
		}
		if slices.Contains(createVerbs, w) {
			for _, n := range words[i+1:] {
				if slices.Contains(publicNouns, n) {
					return true
				}
			}
		}
		if slices.Contains(readVerbs, w) {
			return false
		}
	}
	return false
}

// sendsBody reports whether an input schema lets the caller choose an
// HTTP method or send a body, however the property is spelled
// (HTTP_METHOD, request_body, postData, json).
func sendsBody(props map[string]json.RawMessage) bool { return propertyWord(props, bodyWords) }

// takesURL reports whether one of the input properties is a URL the
// caller chooses (url, page_url, uri, href, endpoint, ...).
func takesURL(props map[string]json.RawMessage) bool { return propertyWord(props, urlWords) }

// propertyWord reports whether a property name holds one of words as a
// word (Words splits snake, kebab and camel case).
func propertyWord(props map[string]json.RawMessage, words []string) bool {
	for name := range props {
		for _, w := range Words(name) {
			if slices.Contains(words, w) {
				return true
			}
		}
	}
	return false
}

// maxDescription bounds how much of a description inference reads.
const maxDescription = 4096

// mentionsAny reports whether text holds one of words as a word, in any
// case ("supports POST", "the post method").
func mentionsAny(text string, words []string) bool {
	if len(text) > maxDescription {
		text = text[:maxDescription]
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if slices.Contains(words, f) {
			return true
		}
	}
	return false
}

// maxWords bounds the words taken from one name.
const maxWords = 16

// Words splits a tool name into lowercase words: at any character that is
// not a letter or digit, and at lower-to-upper case changes (camelCase).
func Words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 && len(out) < maxWords {
			out = append(out, strings.ToLower(string(cur)))
		}
		cur = cur[:0]
	}
	var prev rune
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return out
}
