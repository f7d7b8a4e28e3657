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
	"path/filepath"
	"slices"
	"strings"

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
		sc, err := secrets.New(secrets.Options{Rules: rules, PII: s.PII,
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
	prefix := ex.Server + "/" + tool + "/"
	key := ex.Session.Key()
	toModel := ex.Phase != guard.PhaseRequest

	type hit struct {
		field int
		fs    []secrets.Finding
	}
	var hits []hit
	for i := range doc.Len() {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return guard.Verdict{}, err
			}
		}
		if fs := sc.ScanPath(prefix+doc.Path(i), doc.Text(i)); len(fs) > 0 {
			hits = append(hits, hit{i, fs})
		}
	}

	// The model sending data to an external sink: any secret, or any
	// value the session received as a secret, is refused.
	sink := !toModel && ex.Result == nil && ex.Method == "tools/call" && g.isSink(ex)
	if sink && len(hits) == 0 {
		if fi, d := g.seenSecret(doc, key); fi >= 0 {
			return guard.Verdict{Action: guard.Deny, Rule: "secrets.sink_seen",
				Reason: fmt.Sprintf("the arguments to %s/%s, an external sink, carry a secret this session received earlier", ex.Server, tool),
				Details: map[string]any{"direction": "to_server", "sink": true, "action": "block",
					"findings": []Found{{Rule: "session-secret", Path: doc.Path(fi), Digest: d, Masked: secrets.Mask(doc.Text(fi))}}}}, nil
		}
	}
	if len(hits) == 0 {
		return allow, nil
	}

	var found []Found
	var digests, rules []string
	count := 0
	for _, h := range hits {
		t := doc.Text(h.field)
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
				if f.Start >= 0 && f.End <= len(t) && f.Start < f.End {
					masked = secrets.Mask(t[f.Start:f.End])
				}
				found = append(found, Found{Rule: f.RuleID, Path: doc.Path(h.field), Start: f.Start, End: f.End,
					Masked: masked, Digest: f.Digest, Validated: f.Validated, Confidence: f.Confidence})
			}
		}
	}
	slices.Sort(rules)
	if g.tr != nil {
		g.tr.SawSecrets(key, digests...)
	}
	direction := "to_model"
	if !toModel {
		direction = "to_server"
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
		doc.Set(h.field, secrets.Redact(doc.Text(h.field), h.fs))
	}
	content.Store(ex, target, doc.Bytes())
	return guard.Verdict{Action: guard.Modify, Rule: "secrets.redact", Details: details,
		Reason: fmt.Sprintf("redacted %s in %s", what, where)}, nil
}

func (g *Guard) isSink(ex *guard.Exchange) bool {
	if g.labels == nil {
		return false
	}
	return slices.Contains(g.labels.Labels(ex.Server, ex.Name, ex.Tool), flow.ExternalSink)
}

// seenSecret looks for an argument value that is, whole, a secret the
// session received (the scanner may not recognise it out of context, or
// it may be allowlisted by path for the result it came in).
func (g *Guard) seenSecret(doc *content.Doc, key string) (int, string) {
	if g.tr == nil {
		return -1, ""
	}
	facts := g.tr.Get(key)
	if len(facts.Secrets) == 0 {
		return -1, ""
	}
	for i := range doc.Len() {
		t := strings.TrimSpace(doc.Text(i))
		if len(t) < 8 {
			continue
		}
		sum := sha256.Sum256([]byte(t))
		if d := "sha256:" + hex.EncodeToString(sum[:]); facts.HasSecret(d) {
			return i, d
		}
	}
	return -1, ""
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
