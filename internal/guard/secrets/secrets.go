// Package secretsguard is the guard that keeps credentials (and, with
// the PII pack, personal data) out of both directions of the data path:
// secrets a server returns are redacted before the model reads them, and
// secrets the model sends are redacted before a server gets them, or
// refused outright when the call goes to a tool labelled external_sink.
// Every secret seen is recorded (by digest) in the session's flow facts,
// so a later call that carries one to a sink is refused too.
package secretsguard

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/detect/secrets"
	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/guard/content"
)

// Name is the guard's configuration key.
const Name = "secrets"

// Labeler says which flow labels a tool carries (flow.ExternalSink and
// the others), from configuration and the tool's definition.
type Labeler interface {
	Labels(server, tool string, def json.RawMessage) []string
}

// Action is what the guard does with a secret outside the sink rule.
type Action string

const (
	// Redact replaces each secret with [REDACTED:<rule>] and lets the
	// message through.
	Redact Action = "redact"
	// Block refuses the message.
	Block Action = "block"
)

// Policy overrides the action for a tool (or prompt, or resource URI).
type Policy struct {
	Action Action `yaml:"action"`
}

// ServerSettings override the action for one upstream.
type ServerSettings struct {
	Action Action            `yaml:"action"`
	Tools  map[string]Policy `yaml:"tools"`
}

// Allow suppresses findings by rule id, field path glob (matched against
// "<server>/<tool>/<json path>", * any run, ? one byte) or the secret's
// digest ("sha256:<hex>", as the audit log shows it).
type Allow struct {
	Rules   []string `yaml:"rules"`
	Paths   []string `yaml:"paths"`
	Digests []string `yaml:"digests"`
}

// Settings configure the guard (guards.secrets in the configuration).
type Settings struct {
	Action Action `yaml:"action"`
	// RulesFile adds gitleaks-format TOML rules to the built-in ones (a
	// rule with a built-in's id replaces it). Relative paths are relative
	// to the configuration file.
	RulesFile string                    `yaml:"rules_file"`
	PII       bool                      `yaml:"pii"`
	Allow     Allow                     `yaml:"allow"`
	Servers   map[string]ServerSettings `yaml:"servers"`
}

// DefaultSettings redact: a secret in a result is almost always an
// accident (a config file, a log line), and the rest of the message is
// still useful; refusing is an explicit choice. Secrets on their way to
// an external sink are refused whatever the action.
func DefaultSettings() Settings { return Settings{Action: Redact} }

func (s Settings) action(server, tool string) Action {
	a := s.Action
	if ss, ok := s.Servers[server]; ok {
		if ss.Action != "" {
			a = ss.Action
		}
		if tp, ok := ss.Tools[tool]; ok && tp.Action != "" {
			a = tp.Action
		}
	}
	if a == "" {
		a = Redact
	}
	return a
}

func (s Settings) validate(gc config.GuardConfig) error {
	var ps []config.Problem
	check := func(field string, a Action) {
		if a != "" && a != Redact && a != Block {
			ps = append(ps, gc.Problem(field, fmt.Sprintf("unknown action %q (want redact or block)", a)))
		}
	}
	check("action", s.Action)
	for name, ss := range s.Servers {
		check("servers."+name+".action", ss.Action)
		for tool, tp := range ss.Tools {
			check("servers."+name+".tools."+tool+".action", tp.Action)
		}
	}
	for i, d := range s.Allow.Digests {
		h := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d)), "sha256:")
		if _, err := hex.DecodeString(h); err != nil || len(h) != 64 {
			ps = append(ps, gc.Problem(fmt.Sprintf("allow.digests[%d]", i), "want sha256:<64 hex digits>"))
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return &config.Error{Problems: ps}
}

// scanner finds secrets; *secrets.Scanner.
type scanner interface {
	ScanPath(path, text string) []secrets.Finding
}

// Guard implements guard.Guard, guard.Filter and guard.Warming.
type Guard struct {
	set    Settings
	sc     *guard.Pending[scanner] // built by guard.WarmUp or on first use
	tr     *flow.Tracker
	labels Labeler
	log    *slog.Logger
}

// New builds the guard from its configuration block. tr receives the
// digests of secrets seen (may be nil); labels tells external sinks
// apart (may be nil: no tool is a sink). The settings and a rules_file's
// rules are checked here; the scanner is built later, by guard.WarmUp or
// on first use (guard.Warming).
func New(gc config.GuardConfig, tr *flow.Tracker, labels Labeler, log *slog.Logger) (guard.Guard, error) {
	s := DefaultSettings()
	if err := gc.Decode(&s); err != nil {
		return nil, err
	}
	if err := s.validate(gc); err != nil {
		return nil, err
	}
	var extra []secrets.Rule
	if s.RulesFile != "" {
		path := s.RulesFile
		if f := gc.Problem("rules_file", "").File; f != "" && !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(f), path)
		}
		// The loader keeps only rules that compile, under distinct ids, so
		// the build below cannot fail on them; the rest are named here.
		var err error
		if extra, err = loadRules(path, log); err != nil {
			return nil, &config.Error{Problems: []config.Problem{gc.Problem("rules_file", err.Error())}}
		}
	}
	g := newGuard(s, nil, tr, labels, log)
	g.sc = guard.Later(func() (scanner, error) {
		rules := secrets.BuiltinRules() // parsing them is a fair part of the build
		if extra != nil {
			rules = mergeRules(rules, extra)
		}
		sc, err := secrets.New(secrets.Options{Rules: rules, PII: s.PII, MaxFindings: maxFindings,
			Allow: secrets.Allowlist{Rules: s.Allow.Rules, Paths: s.Allow.Paths, Digests: s.Allow.Digests}})
		if err != nil {
			g.log.Error("building the secrets scanner failed; the guard refuses what it should scan", "err", err)
			return nil, fmt.Errorf("building the secrets scanner: %w", err)
		}
		return sc, nil
	})
	return g, nil
}

// newGuard makes a guard around sc; nil leaves the scanner to the caller.
func newGuard(s Settings, sc scanner, tr *flow.Tracker, labels Labeler, log *slog.Logger) *Guard {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	g := &Guard{set: s, tr: tr, labels: labels, log: log}
	if sc != nil {
		g.sc = guard.Built(sc)
	}
	return g
}

// Ready implements guard.Warming.
func (g *Guard) Ready(ctx context.Context) error {
	_, err := g.sc.Wait(ctx)
	return err
}

// Warm implements guard.Warming.
func (g *Guard) Warm() { g.sc.Run() }

// loadRules reads a gitleaks rules file. A rule that cannot work here (a
// regex RE2 cannot express, a repeated id, a path-only rule) is dropped
// with a warning: a team's rule never goes missing without a word.
func loadRules(path string, log *slog.Logger) ([]secrets.Rule, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading rules: %w", err)
	}
	defer f.Close()
	rules, rep, err := secrets.LoadGitleaksReport(f)
	if err != nil {
		return nil, fmt.Errorf("reading rules from %s: %w", path, err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	for _, sk := range rep.Skipped {
		log.Warn("secrets rule dropped: it cannot run here", "file", path, "rule", sk.ID, "why", sk.Reason)
	}
	return rules, nil
}

// mergeRules adds extra to base; an extra rule replaces a base rule with
// its id.
func mergeRules(base, extra []secrets.Rule) []secrets.Rule {
	ids := map[string]bool{}
	for _, r := range extra {
		ids[r.ID] = true
	}
	out := slices.DeleteFunc(slices.Clone(base), func(r secrets.Rule) bool { return ids[r.ID] })
	return append(out, extra...)
}

// Name implements guard.Guard.
func (g *Guard) Name() string { return Name }

// Scanner is the scanner the guard was built with (built-in rules, the
// rules_file's and the PII pack as configured, allowlists applied), for
// other parts that must find the same secrets; it waits for the build, and
// is nil for a test scanner or a build that failed.
func (g *Guard) Scanner() *secrets.Scanner {
	sc, _ := g.sc.Wait(context.Background())
	out, _ := sc.(*secrets.Scanner)
	return out
}

// Wants implements guard.Filter: both directions, lists excepted.
func (g *Guard) Wants(p guard.Phase, method string) bool {
	switch method {
	case "ping", "roots/list", "logging/setLevel", "resources/subscribe", "resources/unsubscribe":
		return false
	}
	return p == guard.PhaseRequest || p == guard.PhaseResult || p == guard.PhaseServerRequest
}

// Found is one secret, for the audit log: never the value.
type Found struct {
	Rule       string  `json:"rule"`
	Path       string  `json:"path"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Masked     string  `json:"masked"`
	Digest     string  `json:"digest"`
	Validated  bool    `json:"validated,omitempty"`
	Confidence float64 `json:"confidence"`
}

// maxAudited bounds the findings one verdict lists.
const maxAudited = 50

// maxFindings is the scanner's cap on the findings of one scan. A value
// that reaches it may hold more secrets that were not reported, so the
// guard refuses it rather than pass the rest unredacted.
const maxFindings = 1000

// Values shorter than minContextValue are not scanned again with their
// member name (no rule reports one); member names shorter than
// minExtra are not scanned at all (the shortest number rule wants six
// digits, the shortest credential more).
const (
	minContextValue = 6
	minExtra        = 6
	maxContextName  = 256
)

// item is one scanned piece of a payload: a field, or an extra (a member
// name or a long number in structured data).
type item struct {
	extra bool
	i     int
}

type hit struct {
	it   item
	text string
	fs   []secrets.Finding // ordered by Start, non-overlapping
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	allow := guard.Verdict{Action: guard.Allow}
	doc, target, err := content.Load(ex)
	if err != nil {
		return guard.Verdict{}, fmt.Errorf("reading the %s payload for %s: %w", ex.Method, ex.Server, err)
	}
	if doc == nil {
		return allow, nil
	}
	sc, err := g.sc.Wait(ctx)
	if err != nil {
		return guard.Verdict{}, err
	}
	tool := ex.Name
	if tool == "" {
		tool = ex.Method
	}
	prefix := ex.Server + "/" + allowSubject(tool) + "/"
	key := ex.Session.Key()
	toModel := ex.Phase != guard.PhaseRequest
	direction := "to_model"
	if !toModel {
		direction = "to_server"
	}

	// A value's path matters to the scanner only for path rules and
	// allowlists; building one per small field is most of the cost of a
	// large structured result, so without them it is left empty.
	usesPaths := true
	if up, ok := sc.(interface{ UsesPaths() bool }); ok {
		usesPaths = up.UsesPaths()
	}
	pathOf := func(path func() string) string {
		if !usesPaths {
			return ""
		}
		return prefix + path()
	}
	var hits []hit
	full := ""
	for i := range doc.Len() {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return guard.Verdict{}, err
			}
		}
		t := doc.Text(i)
		fs, capped := g.scan(sc, pathOf(func() string { return doc.Path(i) }), t, doc.Context(i))
		if capped && full == "" {
			full = doc.Path(i)
		}
		if len(fs) > 0 {
			hits = append(hits, hit{item{false, i}, t, fs})
		}
	}
	for j := range doc.Extras() {
		if j%64 == 0 {
			if err := ctx.Err(); err != nil {
				return guard.Verdict{}, err
			}
		}
		t := doc.ExtraText(j)
		if len(t) < minExtra {
			continue
		}
		fs, capped := g.scan(sc, pathOf(func() string { return doc.ExtraPath(j) }), t, doc.ExtraContext(j))
		if capped && full == "" {
			full = doc.ExtraPath(j)
		}
		if len(fs) > 0 {
			hits = append(hits, hit{item{true, j}, t, fs})
		}
	}
	if full != "" {
		// Fail closed: what lies past the scanner's cap was never looked at.
		return guard.Verdict{Action: guard.Deny, Rule: "secrets.too_many",
			Reason:  fmt.Sprintf("refused %s: a value holds %d secrets or more, too many to redact them all", describe(ex, tool), maxFindings),
			Details: map[string]any{"direction": direction, "action": "block", "path": g.auditPath(full, hits, doc)}}, nil
	}
	hits = propagate(doc, hits)

	// The model sending data to an external sink: any secret, or any
	// value the session received as a secret, is refused.
	sink := !toModel && ex.Result == nil && ex.Method == "tools/call" && g.isSink(ex)
	if sink && len(hits) == 0 {
		if f, ok := g.splitSecret(sc, prefix, doc); ok {
			return guard.Verdict{Action: guard.Deny, Rule: "secrets.sink",
				Reason: fmt.Sprintf("refused to send a secret (%s) split across arguments to %s/%s, an external sink", f.Rule, ex.Server, tool),
				Details: map[string]any{"direction": "to_server", "sink": true, "action": "block", "split": true,
					"findings": []Found{f}}}, nil
		}
		if it, d, v := g.seenSecret(doc, key); d != "" {
			return guard.Verdict{Action: guard.Deny, Rule: "secrets.sink_seen",
				Reason: fmt.Sprintf("the arguments to %s/%s, an external sink, carry a secret this session received earlier", ex.Server, tool),
				Details: map[string]any{"direction": "to_server", "sink": true, "action": "block",
					"findings": []Found{{Rule: "session-secret", Path: itemPath(doc, it), Digest: d, Masked: mask(v)}}}}, nil
		}
	}
	if len(hits) == 0 {
		return allow, nil
	}

	var found []Found
	var digests, rules []string
	count := 0
	for _, h := range hits {
		for _, f := range h.fs {
			count++
			if !slices.Contains(digests, f.Digest) {
				digests = append(digests, f.Digest)
			}
			if !slices.Contains(rules, f.RuleID) {
				rules = append(rules, f.RuleID)
			}
			if len(found) < maxAudited {
				masked := ""
				if v, ok := span(h.text, f); ok {
					masked = mask(v)
				}
				found = append(found, Found{Rule: f.RuleID, Path: g.auditPath(itemPath(doc, h.it), hits, doc), Start: f.Start, End: f.End,
					Masked: masked, Digest: f.Digest, Validated: f.Validated, Confidence: f.Confidence})
			}
		}
	}
	slices.Sort(rules)
	if g.tr != nil {
		g.tr.SawSecrets(key, digests...)
	}
	details := map[string]any{"direction": direction, "count": count, "rules": rules, "findings": found}
	what := fmt.Sprintf("%d secret%s (%s)", count, plural(count), strings.Join(rules, ", "))
	where := describe(ex, tool)

	action := g.set.action(ex.Server, tool)
	if sink {
		details["sink"] = true
		details["action"] = "block"
		return guard.Verdict{Action: guard.Deny, Rule: "secrets.sink", Details: details,
			Reason: fmt.Sprintf("refused to send %s to %s/%s, an external sink", what, ex.Server, tool)}, nil
	}
	details["action"] = string(action)
	if action == Block {
		return guard.Verdict{Action: guard.Deny, Rule: "secrets.block", Details: details,
			Reason: fmt.Sprintf("refused %s: it carries %s", where, what)}, nil
	}
	for _, h := range hits {
		red := secrets.Redact(h.text, h.fs)
		if h.it.extra {
			doc.SetExtra(h.it.i, red)
		} else {
			doc.Set(h.it.i, red)
		}
	}
	content.Store(ex, target, doc.Bytes())
	return guard.Verdict{Action: guard.Modify, Rule: "secrets.redact", Details: details,
		Reason: fmt.Sprintf("redacted %s in %s", what, where)}, nil
}

// scan finds the secrets in one value: alone, and, when it is the value
// of a named member, after its name as the JSON would show it, because
// most credentials without a fixed prefix are told by their name alone
// ({"password": "…"}, {"aws_secret_access_key": "…"}). It reports whether
// a scan reached the scanner's cap.
func (g *Guard) scan(sc scanner, path, text, name string) ([]secrets.Finding, bool) {
	fs := sc.ScanPath(path, text)
	capped := len(fs) >= maxFindings
	if dec, offs, ok := unescapeJSON(text); ok {
		// A value that is JSON text itself may spell a secret with
		// escapes; what is found there is redacted over the escaped span.
		found := sc.ScanPath(path, dec)
		capped = capped || len(found) >= maxFindings
		for _, f := range found {
			f.Start, f.End = offs[f.Start], offs[f.End]
			fs = addFinding(fs, f)
		}
	}
	if name == "" || len(name) > maxContextName || len(text) < minContextValue {
		return fs, capped
	}
	head := `"` + name + `": "`
	named := sc.ScanPath(path, head+text+`"`)
	capped = capped || len(named) >= maxFindings
	for _, f := range named {
		s, e := max(f.Start-len(head), 0), min(f.End-len(head), len(text))
		if s >= e {
			continue // in the name
		}
		if s != f.Start-len(head) || e != f.End-len(head) {
			// Part of it was the name: the digest is the value's part.
			f.Digest = digestOf(text[s:e])
			if g.allowedDigest(f.Digest) {
				continue
			}
		}
		f.Start, f.End = s, e
		fs = addFinding(fs, f)
	}
	return fs, capped
}

// addFinding inserts f into fs (ordered by Start, non-overlapping) unless
// it overlaps one already there.
func addFinding(fs []secrets.Finding, f secrets.Finding) []secrets.Finding {
	at := len(fs)
	for k, o := range fs {
		if f.Start < o.End && o.Start < f.End {
			return fs
		}
		if o.Start > f.Start && at == len(fs) {
			at = k
		}
	}
	return slices.Insert(fs, at, f)
}

// Secrets shorter than minPropagate are not looked for elsewhere (short
// personal data such as a six-digit number would match at random); at
// most maxPropagate distinct ones are.
const (
	minPropagate = 8
	maxPropagate = 64
)

// propagate finds every other occurrence of the secrets found: the same
// value in structuredContent and in a text block, or under a name that
// does not give it away, must not survive where its context was missing.
func propagate(doc *content.Doc, hits []hit) []hit {
	type value struct {
		s string
		f secrets.Finding
	}
	var vals []value
	seen := map[string]bool{}
	for _, h := range hits {
		for _, f := range h.fs {
			if v, ok := span(h.text, f); ok && len(v) >= minPropagate && !seen[v] && len(vals) < maxPropagate {
				seen[v] = true
				vals = append(vals, value{v, f})
			}
		}
	}
	if len(vals) == 0 {
		return hits
	}
	at := map[item]int{}
	for k, h := range hits {
		at[h.it] = k
	}
	visit := func(it item, text string) {
		k, ok := at[it]
		for _, v := range vals {
			for off := 0; off < len(text); {
				n := strings.Index(text[off:], v.s)
				if n < 0 {
					break
				}
				f := v.f
				f.Start, f.End = off+n, off+n+len(v.s)
				off = f.End
				if !ok {
					hits = append(hits, hit{it: it, text: text})
					k, ok = len(hits)-1, true
					at[it] = k
				}
				hits[k].fs = addFinding(hits[k].fs, f)
			}
		}
	}
	for i := range doc.Len() {
		visit(item{false, i}, doc.Text(i))
	}
	for j := range doc.Extras() {
		visit(item{true, j}, doc.ExtraText(j))
	}
	return hits
}

// splitSecret finds a secret that only the concatenation of adjacent
// values shows ({"a": "ghp_R8x2…", "b": "…QzpLA"}, ["g","h","p","_",…]),
// for arguments on their way to a sink: there the model, not an
// accident, decides how a value is cut.
func (g *Guard) splitSecret(sc scanner, prefix string, doc *content.Doc) (Found, bool) {
	if doc.Len() < 2 {
		return Found{}, false
	}
	joined, offs := doc.Joined("")
	for _, f := range sc.ScanPath(prefix, joined) {
		var fields []int
		doc.Locate(offs, f.Start, f.End, func(i, _, _ int) { fields = append(fields, i) })
		if len(fields) < 2 {
			continue // inside one value: scanned on its own already
		}
		allowed := true
		for _, i := range fields {
			allowed = allowed && g.allowedPath(prefix+doc.Path(i))
		}
		if allowed {
			continue
		}
		return Found{Rule: f.RuleID, Path: doc.Path(fields[0]), Start: f.Start - offs[fields[0]], End: f.End - offs[fields[0]],
			Masked: mask(joined[f.Start:f.End]), Digest: f.Digest, Validated: f.Validated, Confidence: f.Confidence}, true
	}
	return Found{}, false
}

func (g *Guard) allowedPath(p string) bool {
	for _, glob := range g.set.Allow.Paths {
		if flow.Glob(glob, p) {
			return true
		}
	}
	return false
}

func (g *Guard) allowedDigest(d string) bool {
	for _, a := range g.set.Allow.Digests {
		if strings.TrimPrefix(strings.ToLower(strings.TrimSpace(a)), "sha256:") == strings.TrimPrefix(d, "sha256:") {
			return true
		}
	}
	return false
}

// span is a finding's text; findings are the scanner's, checked rather
// than trusted.
func span(text string, f secrets.Finding) (string, bool) {
	if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
		return "", false
	}
	return text[f.Start:f.End], true
}

func digestOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

func itemPath(doc *content.Doc, it item) string {
	if it.extra {
		return doc.ExtraPath(it.i)
	}
	return doc.Path(it.i)
}

// auditPath is a path for the audit log: a member name that is itself a
// secret ({"ghp_…": …}) is part of the paths beneath it, so it is
// redacted there too.
func (g *Guard) auditPath(p string, hits []hit, doc *content.Doc) string {
	for _, h := range hits {
		if !h.it.extra || !doc.ExtraKey(h.it.i) {
			continue
		}
		for _, f := range h.fs {
			v, ok := span(h.text, f)
			if !ok {
				continue
			}
			q := strconv.Quote(v)
			p = strings.ReplaceAll(strings.ReplaceAll(p, v, "[REDACTED:"+f.RuleID+"]"), q[1:len(q)-1], "[REDACTED:"+f.RuleID+"]")
		}
	}
	return p
}

// mask is secrets.Mask showing at most a third of the secret: a short
// password's "prefix" (Summer-…) would show most of it in the audit log.
func mask(s string) string {
	m := secrets.Mask(s)
	if (len(m)-len("…"))*3 <= len(s) {
		return m
	}
	if _, tail, ok := strings.Cut(m, "…"); ok && len(tail)*3 <= len(s) {
		return "…" + tail
	}
	return "…"
}

func (g *Guard) isSink(ex *guard.Exchange) bool {
	if g.labels == nil {
		return false
	}
	return slices.Contains(g.labels.Labels(ex.Server, ex.Name, ex.Tool), flow.ExternalSink)
}

// seenSecret looks for a secret the session received in the argument
// values (the scanner may not recognise it out of context, or it may be
// allowlisted by path for the result it came in): a whole value, or a
// word of one ("here is the key: <secret>"). It returns the item, the
// digest and the matching text.
func (g *Guard) seenSecret(doc *content.Doc, key string) (item, string, string) {
	if g.tr == nil {
		return item{}, "", ""
	}
	facts := g.tr.Get(key)
	if len(facts.Secrets) == 0 {
		return item{}, "", ""
	}
	check := func(t string) (string, string) {
		if d := digestOf(t); facts.HasSecret(d) {
			return d, t
		}
		return "", ""
	}
	look := func(t string) (string, string) {
		if t = strings.TrimSpace(t); len(t) < 8 {
			return "", ""
		}
		if d, v := check(t); d != "" {
			return d, v
		}
		for _, w := range strings.FieldsFunc(t, isWordSep) {
			w = strings.TrimRight(w, ".!?")
			if len(w) < 8 || len(w) == len(t) {
				continue
			}
			if d, v := check(w); d != "" {
				return d, v
			}
			for _, part := range strings.FieldsFunc(w, isPartSep) {
				if len(part) >= 8 && len(part) < len(w) {
					if d, v := check(part); d != "" {
						return d, v
					}
				}
			}
		}
		return "", ""
	}
	for i := range doc.Len() {
		if d, v := look(doc.Text(i)); d != "" {
			return item{false, i}, d, v
		}
	}
	for j := range doc.Extras() {
		if d, v := look(doc.ExtraText(j)); d != "" {
			return item{true, j}, d, v
		}
	}
	return item{}, "", ""
}

// isWordSep splits prose and code into words; isPartSep splits a word
// further where assignments, URLs and headers join a secret to its name.
func isWordSep(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("\"'`,;()[]{}<>|", r)
}

func isPartSep(r rune) bool { return strings.ContainsRune("=:@/?&#", r) }

// allowSubject is the tool, prompt or resource URI as path allowlists
// see it. A resource URI is the client's to choose: dot segments
// (file:///repo/testdata/../.env, also %2e-encoded or with backslashes)
// are resolved first, so an allowlisted folder cannot be left by "..".
func allowSubject(name string) string {
	lower := strings.ToLower(name)
	if !strings.Contains(name, "..") && !strings.Contains(lower, "%2e") && !strings.ContainsRune(name, '\\') {
		return name
	}
	s := name
	for _, r := range [][2]string{{"%2e", "."}, {"%2E", "."}, {"%2f", "/"}, {"%2F", "/"}, {"%5c", "/"}, {"%5C", "/"}, {"\\", "/"}} {
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	rest, tail := s, ""
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		rest, tail = rest[:i], rest[i:]
	}
	head := ""
	if i := strings.Index(rest, "://"); i >= 0 {
		head, rest = rest[:i+3], rest[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			head, rest = head+rest[:j], rest[j:]
		} else {
			head, rest = head+rest, ""
		}
	}
	if rest != "" {
		cleaned := path.Clean("/" + rest)
		if !strings.HasPrefix(rest, "/") {
			cleaned = strings.TrimPrefix(cleaned, "/")
		}
		rest = cleaned
	}
	return head + rest + tail
}

func describe(ex *guard.Exchange, tool string) string {
	src := ex.Server + "/" + tool
	switch {
	case ex.Phase == guard.PhaseServerRequest:
		return "the " + ex.Method + " request from " + ex.Server
	case ex.Phase == guard.PhaseRequest && ex.Result != nil:
		return "the client's answer to " + ex.Method + " for " + ex.Server
	case ex.Phase == guard.PhaseRequest:
		return "the " + ex.Method + " request to " + src
	}
	return "the " + ex.Method + " result from " + src
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
