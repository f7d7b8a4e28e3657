// Package policy is the guard that applies Warden's access policy
// (internal/policy) to the data path: it hides list items a principal may
// not use, so their names do not leak, refuses calls to them with the same
// rule, redacts arguments, and applies tool overrides (rename, new
// description, hide).
package policy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
	pol "github.com/warden-mcp/warden/internal/policy"
	"github.com/warden-mcp/warden/internal/policy/constraint"
)

// Name is the guard's name in configuration and audit records.
const Name = "policy"

// ApprovalKey is the Exchange.Values key under which a require_approval
// decision leaves its message for the flow guard, which asks a person.
const ApprovalKey = "policy.require_approval"

// DecisionKey is the Exchange.Values key under which the policy decision
// is left for later guards.
const DecisionKey = "policy.decision"

// maxSessions bounds the per-session call counters.
const maxSessions = 10_000

// Settings is the guard's block under guards.policy. A policy is written
// inline or kept in File (relative to the configuration file); not both.
type Settings struct {
	File        string                      `yaml:"file"`
	Default     string                      `yaml:"default"`
	Servers     map[string]pol.ServerPolicy `yaml:"servers"`
	Rules       []pol.Rule                  `yaml:"rules"`
	Overrides   []pol.Override              `yaml:"overrides"`
	Constraints []pol.Constraint            `yaml:"constraints"`
}

// Options are for tests and embedding.
type Options struct {
	// Resolver resolves host names for URL checks; nil is the system's.
	Resolver constraint.Resolver
	// Now defaults to time.Now.
	Now func() time.Time
	// Flow supplies the session's information-flow facts to rules.
	Flow *flow.Tracker
	// Labels says which labels a tool carries (tool.labels in rules).
	Labels Labeler
	// Approvals is set when a guard later in the chain (flow) asks a
	// person for require_approval decisions; without it they are refused.
	Approvals bool
}

// Labeler says which information-flow labels a tool carries.
type Labeler interface {
	Labels(server, tool string, def json.RawMessage) []string
}

// Guard applies a policy set, swapped atomically on reload.
type Guard struct {
	set  atomic.Pointer[pol.Set]
	log  *slog.Logger
	opts Options

	mu    sync.Mutex
	calls map[string]map[string]int64
}

// New builds the guard from its configuration block.
func New(gc config.GuardConfig, log *slog.Logger) (*Guard, error) {
	return NewWithOptions(gc, log, Options{})
}

// NewWithOptions is New with injectable parts.
func NewWithOptions(gc config.GuardConfig, log *slog.Logger, opts Options) (*Guard, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	g := &Guard{log: log, opts: opts, calls: map[string]map[string]int64{}}
	if err := g.Reload(gc); err != nil {
		return nil, err
	}
	return g, nil
}

// Load compiles the policy a guard block describes, without installing it.
func Load(gc config.GuardConfig, opts Options) (*pol.Set, error) {
	var s Settings
	if err := gc.Decode(&s); err != nil {
		return nil, err
	}
	popts := pol.Options{Resolver: opts.Resolver}
	if s.File != "" {
		if s.Default != "" || len(s.Servers) > 0 || len(s.Rules) > 0 || len(s.Overrides) > 0 || len(s.Constraints) > 0 {
			return nil, &config.Error{Problems: []config.Problem{gc.Problem("file", "a policy is either in file or inline, not both")}}
		}
		path := s.File
		if !filepath.IsAbs(path) {
			if f := gc.Problem("file", "").File; f != "" {
				path = filepath.Join(filepath.Dir(f), path)
			}
		}
		set, err := pol.LoadFile(path, popts)
		if err != nil {
			return nil, fmt.Errorf("loading policy file %s: %w", path, err)
		}
		return set, nil
	}
	popts.Locate = gc.Problem
	return pol.Compile(&pol.Document{
		Default: s.Default, Servers: s.Servers, Rules: s.Rules,
		Overrides: s.Overrides, Constraints: s.Constraints,
	}, popts)
}

// Reload compiles the block's policy and swaps it in; on any error the
// policy in force stays and the error says why.
func (g *Guard) Reload(gc config.GuardConfig) error {
	set, err := Load(gc, g.opts)
	if err != nil {
		return err
	}
	g.Swap(set)
	return nil
}

// Swap installs a compiled set.
func (g *Guard) Swap(set *pol.Set) {
	if !set.Configured() {
		g.log.Warn("no access policy is set: every tool, prompt and resource is allowed to every principal; configure guards.policy")
	}
	g.set.Store(set)
}

// Set returns the policy in force.
func (g *Guard) Set() *pol.Set { return g.set.Load() }

func (g *Guard) Name() string { return Name }

// Wants lists the exchanges the policy decides.
func (g *Guard) Wants(phase guard.Phase, method string) bool {
	switch phase {
	case guard.PhaseList:
		return true
	case guard.PhaseRequest:
		_, ok := kindOf(method)
		return ok || method == methodComplete || methodVariant(method) != ""
	}
	return false
}

// decidedMethods are the request methods the policy decides.
var decidedMethods = []string{"tools/call", "prompts/get", "resources/read", "resources/subscribe", "resources/unsubscribe", methodComplete}

// methodVariant returns the decided method that method imitates: equal to
// it but for letter case, surrounding spaces or control characters. The
// gateway forwards such a method as an unknown one, which no guard
// decides, while a lenient server might run it as the real one.
func methodVariant(method string) string {
	m := strings.TrimFunc(method, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	for _, d := range decidedMethods {
		if method != d && strings.EqualFold(m, d) {
			return d
		}
	}
	return ""
}

// methodComplete asks a server for argument completions of a prompt or a
// resource template: a use of that item, decided like listing it.
const methodComplete = "completion/complete"

func kindOf(method string) (string, bool) {
	switch method {
	case "tools/call":
		return "tool", true
	case "prompts/get":
		return "prompt", true
	case "resources/read", "resources/subscribe", "resources/unsubscribe":
		return "resource", true
	}
	return "", false
}

var useMethod = map[string]string{
	"tool": "tools/call", "prompt": "prompts/get", "resource": "resources/read", "resource_template": "resources/read",
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	set := g.set.Load()
	if set == nil {
		return guard.Verdict{}, fmt.Errorf("no policy loaded")
	}
	switch ex.Phase {
	case guard.PhaseList:
		return g.list(ctx, set, ex), nil
	case guard.PhaseRequest:
		return g.request(ctx, set, ex)
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

func (g *Guard) input(ex *guard.Exchange, kind, name, method string) *pol.Input {
	in := &pol.Input{
		Principal: ex.Session.Principal, ClientName: ex.Session.ClientName, ClientVersion: ex.Session.ClientVersion,
		SessionID: ex.Session.ID, Protocol: ex.Session.Protocol,
		Server: ex.Server, Method: method, Kind: kind, Name: name, Time: g.opts.Now(),
	}
	if g.opts.Flow != nil {
		f := g.opts.Flow.Get(ex.Session.Key())
		in.Labels, in.Untrusted, in.Flagged, in.Sources, in.Secrets = f.Labels, f.Untrusted, f.Flagged, f.Sources, len(f.Secrets)
	}
	return in
}

func (g *Guard) list(ctx context.Context, set *pol.Set, ex *guard.Exchange) guard.Verdict {
	var hidden, changed []string
	for i := range ex.Items {
		it := &ex.Items[i]
		method, ok := useMethod[it.Kind]
		if !ok || it.Hidden {
			continue
		}
		in := g.input(ex, it.Kind, it.Name, method)
		if it.Kind == "tool" {
			in.Tool = it.Raw
		}
		if vis, _ := set.Visible(ctx, in); !vis {
			it.Hidden = true
			hidden = append(hidden, it.Name)
			continue
		}
		if it.Kind != "tool" {
			continue
		}
		if orig, ok := set.Original(ex.Server, it.Name); ok && orig != it.Name {
			// Another tool is renamed to this one's name: calls to the
			// name go to that one, so this one would be listed but not
			// callable. It is not shown rather than shown wrong.
			it.Hidden = true
			hidden = append(hidden, it.Name)
			continue
		}
		if o, ok := set.Override(ex.Server, it.Name); ok && (o.Rename != "" || o.Description != "") {
			raw, err := applyOverride(it.Raw, o)
			if err != nil {
				// An item we cannot rewrite is not shown rather than shown wrong.
				it.Hidden = true
				hidden = append(hidden, it.Name)
				continue
			}
			it.Raw = raw
			changed = append(changed, it.Name)
		}
	}
	if len(hidden) == 0 && len(changed) == 0 {
		return guard.Verdict{Action: guard.Allow}
	}
	return guard.Verdict{
		Action: guard.Modify, Rule: "list_filter",
		Reason:  fmt.Sprintf("policy hid %d and rewrote %d of %d items", len(hidden), len(changed), len(ex.Items)),
		Details: map[string]any{"hidden": hidden, "rewritten": changed},
	}
}

func applyOverride(raw json.RawMessage, o pol.Override) (json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, err
	}
	if o.Rename != "" {
		b, _ := json.Marshal(o.Rename)
		obj["name"] = b
	}
	if o.Description != "" {
		b, _ := json.Marshal(o.Description)
		obj["description"] = b
	}
	return json.Marshal(obj)
}

func (g *Guard) request(ctx context.Context, set *pol.Set, ex *guard.Exchange) (guard.Verdict, error) {
	if d := methodVariant(ex.Method); d != "" {
		return guard.Verdict{Action: guard.Deny, Rule: "invalid_method",
			Reason: fmt.Sprintf("method %q is not %q; refused rather than forwarded undecided", ex.Method, d)}, nil
	}
	if ex.Method == methodComplete {
		return g.complete(ctx, set, ex), nil
	}
	if !set.Configured() {
		// No policy: nothing reads the arguments, so they are checked for
		// shape without being decoded.
		return g.unconfigured(ex)
	}
	kind, _ := kindOf(ex.Method)
	in := g.input(ex, kind, ex.Name, ex.Method)
	in.Tool = ex.Tool
	if g.opts.Labels != nil && kind == "tool" {
		in.ToolLabels = g.opts.Labels.Labels(ex.Server, ex.Name, ex.Tool)
	}
	var params map[string]any
	if len(ex.Params) > 0 {
		if err := json.Unmarshal(ex.Params, &params); err != nil {
			return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: "request parameters are not a JSON object"}, nil
		}
	}
	if mcp.ArgumentsAlias(ex.Params, params) {
		return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: argumentsAliasReason}, nil
	}
	args := map[string]any{}
	if a, ok := params["arguments"]; ok && a != nil {
		m, ok := a.(map[string]any)
		if !ok {
			return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: "arguments must be a JSON object"}, nil
		}
		args = m
	}
	in.Arguments = args
	in.Calls = g.counts(sessionKey(ex.Session))
	d := set.Decide(ctx, in)
	ex.Set(DecisionKey, d)
	details := map[string]any{"action": string(d.Action)}
	if len(d.RedactRules) > 0 {
		details["redact_rules"] = d.RedactRules
	}
	switch d.Action {
	case pol.ActionDeny:
		return guard.Verdict{Action: guard.Deny, Rule: d.Rule, Reason: d.Message, Details: details}, nil
	case pol.ActionRequireApproval:
		if !g.opts.Approvals {
			return guard.Verdict{Action: guard.Deny, Rule: d.Rule, Details: details,
				Reason: d.Message + "; approvals are turned off (guards.flow), so the request was refused"}, nil
		}
		msg := d.Message
		if msg == "" {
			msg = "policy rule " + d.Rule + " requires approval"
		}
		ex.Set(ApprovalKey, msg)
	}
	g.count(sessionKey(ex.Session), ex.Name)
	if len(d.Redact) > 0 && kind == "tool" {
		// The rules read numbers as doubles; the rewrite keeps them as the
		// client wrote them, or redacting one argument would round the
		// others (an account number 2^53+1 would name another account).
		var exact map[string]any
		dec := json.NewDecoder(bytes.NewReader(ex.Params))
		dec.UseNumber()
		if err := dec.Decode(&exact); err != nil {
			return guard.Verdict{}, fmt.Errorf("decoding arguments to redact: %w", err)
		}
		exactArgs, _ := exact["arguments"].(map[string]any)
		if exactArgs == nil || !pol.Redact(exactArgs, d.Redact) {
			return guard.Verdict{Action: guard.Allow, Rule: d.Rule}, nil
		}
		b, err := json.Marshal(exact)
		if err != nil {
			return guard.Verdict{}, fmt.Errorf("re-encoding redacted arguments: %w", err)
		}
		ex.Params = b
		details["redacted"] = d.Redact
		return guard.Verdict{Action: guard.Modify, Rule: d.RedactRules[0], Details: details,
			Reason: fmt.Sprintf("policy redacted arguments %v; allowed by %s", d.Redact, d.Rule)}, nil
	}
	return guard.Verdict{Action: guard.Allow, Rule: d.Rule}, nil
}

const argumentsAliasReason = `request parameters name "arguments" in another letter case, which some servers read as the arguments`

// complete decides a completion/complete request. Completions are offered
// for exactly the prompts and resource templates the principal is shown in
// lists: the request names the item (ref) but carries no arguments to
// decide a call on, so rules that read args count as "maybe", as they do
// for lists, and an item hidden from the principal gets no completions.
func (g *Guard) complete(ctx context.Context, set *pol.Set, ex *guard.Exchange) guard.Verdict {
	if !set.Configured() {
		return guard.Verdict{Action: guard.Allow, Rule: "no_policy"}
	}
	var p struct {
		Ref struct {
			Type string `json:"type"`
		} `json:"ref"`
	}
	if err := json.Unmarshal(ex.Params, &p); err != nil {
		return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: "request parameters are not a JSON object"}
	}
	var kind string
	switch p.Ref.Type {
	case "ref/prompt":
		kind = "prompt"
	case "ref/resource":
		kind = "resource_template"
		if !strings.Contains(ex.Name, "{") {
			kind = "resource"
		}
	default:
		return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: "completion/complete needs a ref of type ref/prompt or ref/resource"}
	}
	in := g.input(ex, kind, ex.Name, useMethod[kind])
	if vis, rule := set.Visible(ctx, in); !vis {
		return guard.Verdict{Action: guard.Deny, Rule: rule, Details: map[string]any{"action": string(pol.ActionDeny)},
			Reason: fmt.Sprintf("the policy does not allow %s %q, so it gets no completions (%s)", kind, ex.Name, rule)}
	}
	return guard.Verdict{Action: guard.Allow}
}

// unconfigured answers a request when no policy is configured: the same
// shape checks and call counts as with a policy, without decoding.
func (g *Guard) unconfigured(ex *guard.Exchange) (guard.Verdict, error) {
	if p := bytes.TrimSpace(ex.Params); len(p) > 0 {
		if p[0] != '{' {
			return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: "request parameters are not a JSON object"}, nil
		}
		if a, ok := mcp.Field(p, "arguments"); ok && a[0] != '{' && string(a) != "null" {
			return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: "arguments must be a JSON object"}, nil
		}
		if mcp.ArgumentsAlias(p, nil) {
			return guard.Verdict{Action: guard.Deny, Rule: "invalid_params", Reason: argumentsAliasReason}, nil
		}
	}
	g.count(sessionKey(ex.Session), ex.Name)
	ex.Set(DecisionKey, pol.Decision{Action: pol.ActionAllow, Rule: "no_policy"})
	return guard.Verdict{Action: guard.Allow, Rule: "no_policy"}, nil
}

// sessionKey keys call counts: the session, or in the stateless protocol,
// where every request is a throwaway session without an id, the principal
// and client.
func sessionKey(s guard.Session) string {
	if s.ID != "" {
		return "s|" + s.ID
	}
	return "p|" + s.Principal.String() + "|" + s.ClientName
}

// counts returns a copy of a session's call counts.
func (g *Guard) counts(session string) map[string]int64 {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make(map[string]int64, len(g.calls[session]))
	for k, v := range g.calls[session] {
		out[k] = v
	}
	return out
}

func (g *Guard) count(session, tool string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.calls[session]
	if m == nil {
		if len(g.calls) >= maxSessions {
			// Bounded memory: start over rather than grow without limit.
			clear(g.calls)
		}
		m = map[string]int64{}
		g.calls[session] = m
	}
	m[tool]++
}

// Original maps a tool name as renamed by an override back to the name
// its server knows. The gateway must call it when routing a tools/call:
// clients only ever see the new name.
func (g *Guard) Original(server, name string) (string, bool) {
	set := g.set.Load()
	if set == nil {
		return "", false
	}
	return set.Original(server, name)
}
