// Package policy compiles Warden's access policies and decides requests
// with them. A policy is an ordered list of rules, each a CEL expression
// with an action; the first allow, deny or require_approval rule that
// matches decides, redact rules collect argument redactions on the way,
// and a default per server (or for all) decides when no rule does.
//
// Rules are compiled and type-checked once, at load; a rule that does not
// compile is refused with its file, line and column. Evaluation is bounded
// by CEL's cost limit, so a rule cannot hang a request.
package policy

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"cel.dev/cel-go/cel"
	celast "cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"

	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/policy/constraint"
)

// Action is what a rule or default does.
type Action string

const (
	ActionAllow           Action = "allow"
	ActionDeny            Action = "deny"
	ActionRequireApproval Action = "require_approval"
	ActionRedact          Action = "redact"
)

// interruptEvery is how many comprehension iterations pass between checks
// of the context during evaluation.
const interruptEvery = 64

// slowHelpers are the functions that may wait on the network or the file
// system (url_allowed resolves names, for up to urlTimeout each). A rule
// that calls one in a comprehension checks the context on every iteration:
// 64 lookups between checks would run on for half a minute after the
// guard's time bound refused the request.
var slowHelpers = []string{"url_allowed", "path_within"}

// Document is a policy as written in YAML, inline in the policy guard's
// block or in a file of its own.
type Document struct {
	// Default is the action when no rule decides: "allow" or "deny".
	// Empty means deny when there are rules and allow when there are none.
	Default string `yaml:"default"`
	// Servers set a default per upstream server name.
	Servers     map[string]ServerPolicy `yaml:"servers"`
	Rules       []Rule                  `yaml:"rules"`
	Overrides   []Override              `yaml:"overrides"`
	Constraints []Constraint            `yaml:"constraints"`
}

// ServerPolicy holds one server's settings.
type ServerPolicy struct {
	Default string `yaml:"default"`
}

// Rule is one policy rule.
type Rule struct {
	Name string `yaml:"name"`
	// When is a CEL expression of type bool over the request's inputs.
	When   string `yaml:"when"`
	Action string `yaml:"action"`
	// Message is shown to the client on deny (and require_approval).
	Message string `yaml:"message"`
	// Redact lists argument paths ("password", "auth.token") whose values
	// a redact rule replaces.
	Redact []string `yaml:"redact"`
}

// Override changes how a tool is presented to clients.
type Override struct {
	Server      string `yaml:"server"`
	Tool        string `yaml:"tool"`
	Rename      string `yaml:"rename"`
	Description string `yaml:"description"`
	Hide        bool   `yaml:"hide"`
}

// Constraint checks one argument of one tool (or of every tool of a
// server when Tool is empty or "*"). Checks apply when the argument is
// present; required-ness is the schema's business.
type Constraint struct {
	Server      string   `yaml:"server"`
	Tool        string   `yaml:"tool"`
	Argument    string   `yaml:"argument"`
	PathWithin  []string `yaml:"path_within"`
	URLHosts    []string `yaml:"url_hosts"`
	ReadOnlySQL bool     `yaml:"read_only_sql"`
	MinLength   *int     `yaml:"min_length"`
	MaxLength   *int     `yaml:"max_length"`
	Pattern     string   `yaml:"pattern"`
	Enum        []string `yaml:"enum"`
}

// Options configure compilation.
type Options struct {
	// Resolver resolves host names for url_allowed and url_hosts
	// constraints; nil means the system resolver.
	Resolver constraint.Resolver
	// Locate returns the place of a field of the document (such as
	// "rules[2].when") for error messages; nil reports field paths only.
	Locate func(field, msg string) config.Problem
}

// Input is everything a rule can see about one request.
type Input struct {
	Principal     *guard.Principal
	ClientName    string
	ClientVersion string
	SessionID     string
	Protocol      string
	// Labels are the labels of the tools the session has called so far
	// (information-flow facts, see internal/flow).
	Labels []string
	// Untrusted: content written by outsiders reached the session;
	// Flagged: the injection detector flagged some of it.
	Untrusted, Flagged bool
	// Sources name where untrusted content came from ("server/tool").
	Sources []string
	// Secrets is how many distinct secrets the session has seen.
	Secrets int
	// ToolLabels are the labels of the tool this request calls.
	ToolLabels []string
	// Calls counts earlier calls in the session by tool name.
	Calls map[string]int64
	// Server is the upstream's configured name.
	Server string
	// Method is the request's method; for list filtering, the method that
	// would use the item (tools/call, prompts/get, resources/read).
	Method string
	// Kind is "tool", "prompt", "resource" or "resource_template".
	Kind string
	// Name is the tool or prompt name as the server knows it, or the URI.
	Name string
	// Tool is the tool's definition as the server listed it, if known.
	Tool json.RawMessage
	// Arguments are the call's arguments; nil when listing.
	Arguments map[string]any
	Time      time.Time
}

// Decision is the outcome for one request.
type Decision struct {
	Action Action
	// Rule names what decided: a rule's name, "default", "default:SERVER",
	// "constraint:SERVER/TOOL/ARG", "hidden", or "no_policy".
	Rule    string
	Message string
	// Redact lists argument paths to redact, from every redact rule that
	// matched before the decision.
	Redact []string
	// RedactRules names the redact rules that matched.
	RedactRules []string
}

type rule struct {
	Rule
	action  Action
	prg     cel.Program
	partial cel.Program
	// tools, when not nil, are the only tool names the rule can match.
	tools map[string]bool
	// loops is set when the rule has a comprehension (exists, all, map,
	// filter): only then can evaluation run long, and only then is it
	// worth watching the context, which costs more than the rule itself.
	loops bool
}

// eval evaluates the rule's full program.
func (r *rule) eval(ctx context.Context, vars any) (bool, error) {
	var out ref.Val
	var err error
	if r.loops {
		out, _, err = r.prg.ContextEval(ctx, vars)
	} else {
		out, _, err = r.prg.Eval(vars)
	}
	if err != nil {
		return false, err
	}
	b, ok := out.(types.Bool)
	if !ok {
		return false, fmt.Errorf("rule returned %s, not a bool", typeName(out))
	}
	return bool(b), nil
}

// applies reports whether the rule could match a request for name.
func (r *rule) applies(name string) bool {
	return r.tools == nil || r.tools[name]
}

type key struct{ server, tool string }

type compiledConstraint struct {
	Constraint
	name    string
	pattern *regexp.Regexp
	url     *constraint.URLChecker
}

// Set is a compiled policy. It does not change after Compile (apart from
// a cache of parsed tool definitions) and is safe for concurrent use.
type Set struct {
	rules       []*rule
	def         Action
	servers     map[string]Action
	overrides   map[key]Override
	renamed     map[key]string // server + new name -> original
	constraints []*compiledConstraint
	configured  bool
	resolver    constraint.Resolver

	toolMu sync.Mutex
	tools  map[toolKey]map[string]any
}

// Configured reports whether the set holds any policy at all.
func (s *Set) Configured() bool { return s.configured }

// Compile type-checks and compiles doc. All problems are reported at once
// as a *config.Error.
func Compile(doc *Document, opts Options) (*Set, error) {
	if doc == nil {
		doc = &Document{}
	}
	locate := opts.Locate
	if locate == nil {
		locate = func(field, msg string) config.Problem { return config.Problem{Field: field, Msg: msg} }
	}
	var probs []config.Problem
	s := &Set{
		servers:   map[string]Action{},
		overrides: map[key]Override{},
		renamed:   map[key]string{},
		tools:     map[toolKey]map[string]any{},
		resolver:  opts.Resolver,
		configured: doc.Default != "" || len(doc.Servers) > 0 || len(doc.Rules) > 0 ||
			len(doc.Overrides) > 0 || len(doc.Constraints) > 0,
	}
	env, err := newEnv(opts.Resolver)
	if err != nil {
		return nil, fmt.Errorf("building the policy environment: %w", err)
	}
	s.def = ActionAllow
	if len(doc.Rules) > 0 {
		s.def = ActionDeny
	}
	if doc.Default != "" {
		a, ok := defaultAction(doc.Default)
		if !ok {
			probs = append(probs, locate("default", fmt.Sprintf("default must be allow or deny, got %q", doc.Default)))
		}
		s.def = a
	}
	for name, sp := range doc.Servers {
		if sp.Default == "" {
			continue
		}
		a, ok := defaultAction(sp.Default)
		if !ok {
			probs = append(probs, locate("servers."+name+".default", fmt.Sprintf("default must be allow or deny, got %q", sp.Default)))
		}
		s.servers[name] = a
	}
	names := map[string]int{}
	for i, r := range doc.Rules {
		field := fmt.Sprintf("rules[%d]", i)
		if r.Name == "" {
			probs = append(probs, locate(field, "rule has no name"))
		} else if j, dup := names[r.Name]; dup {
			probs = append(probs, locate(field+".name", fmt.Sprintf("rule name %q is also used by rules[%d]", r.Name, j)))
		}
		names[r.Name] = i
		cr := &rule{Rule: r, action: Action(r.Action)}
		switch cr.action {
		case ActionAllow, ActionDeny, ActionRequireApproval:
		case ActionRedact:
			if len(r.Redact) == 0 {
				probs = append(probs, locate(field+".redact", "a redact rule needs a list of argument paths to redact"))
			}
		default:
			probs = append(probs, locate(field+".action", fmt.Sprintf("action must be allow, deny, require_approval or redact, got %q", r.Action)))
		}
		if strings.TrimSpace(r.When) == "" {
			probs = append(probs, locate(field+".when", "rule has no when expression (write when: \"true\" to match everything)"))
			continue
		}
		ast, iss := env.Compile(r.When)
		if iss != nil && iss.Err() != nil {
			probs = append(probs, celProblem(locate, field+".when", iss))
			continue
		}
		if t := ast.OutputType(); !t.IsExactType(cel.BoolType) && !t.IsExactType(cel.DynType) {
			probs = append(probs, locate(field+".when", fmt.Sprintf("when must be a bool expression, this one is %s", t)))
			continue
		}
		// Cost tracking doubles evaluation time; instead evaluation checks
		// the request's context in comprehensions, so the guard's time
		// bound stops a runaway rule.
		every := uint(interruptEvery)
		for _, f := range slowHelpers {
			if len(celast.MatchDescendants(celast.NavigateAST(ast.NativeRep()), celast.FunctionMatcher(f))) > 0 {
				every = 1
			}
		}
		cr.prg, err = env.Program(ast, cel.EvalOptions(cel.OptOptimize), cel.InterruptCheckFrequency(every))
		if err == nil {
			cr.partial, err = env.Program(ast, cel.EvalOptions(cel.OptPartialEval), cel.InterruptCheckFrequency(every))
		}
		cr.loops = len(celast.MatchDescendants(celast.NavigateAST(ast.NativeRep()), celast.KindMatcher(celast.ComprehensionKind))) > 0
		if names := toolNames(ast.NativeRep().Expr()); names != nil {
			cr.tools = map[string]bool{}
			for _, n := range names {
				cr.tools[n] = true
			}
		}
		if err != nil {
			probs = append(probs, locate(field+".when", fmt.Sprintf("compiling: %v", err)))
			continue
		}
		s.rules = append(s.rules, cr)
	}
	for i, o := range doc.Overrides {
		field := fmt.Sprintf("overrides[%d]", i)
		if o.Server == "" || o.Tool == "" {
			probs = append(probs, locate(field, "an override needs server and tool"))
			continue
		}
		s.overrides[key{o.Server, o.Tool}] = o
		if o.Rename != "" {
			if prev, dup := s.renamed[key{o.Server, o.Rename}]; dup {
				probs = append(probs, locate(field+".rename", fmt.Sprintf("%q is already the new name of %q", o.Rename, prev)))
			}
			s.renamed[key{o.Server, o.Rename}] = o.Tool
		}
	}
	for i, c := range doc.Constraints {
		field := fmt.Sprintf("constraints[%d]", i)
		if c.Server == "" || c.Argument == "" {
			probs = append(probs, locate(field, "a constraint needs server and argument"))
			continue
		}
		cc := &compiledConstraint{Constraint: c, name: fmt.Sprintf("constraint:%s/%s/%s", c.Server, orStar(c.Tool), c.Argument)}
		if c.Pattern != "" {
			re, err := regexp.Compile(c.Pattern)
			if err != nil {
				probs = append(probs, locate(field+".pattern", fmt.Sprintf("pattern does not compile: %v", err)))
				continue
			}
			cc.pattern = re
		}
		if len(c.URLHosts) > 0 {
			cc.url = &constraint.URLChecker{Hosts: c.URLHosts, Resolver: opts.Resolver}
		}
		s.constraints = append(s.constraints, cc)
	}
	if len(probs) > 0 {
		slices.SortStableFunc(probs, func(a, b config.Problem) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Field, b.Field))
		})
		return nil, &config.Error{Problems: probs}
	}
	return s, nil
}

func orStar(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

func defaultAction(s string) (Action, bool) {
	switch Action(s) {
	case ActionAllow:
		return ActionAllow, true
	case ActionDeny:
		return ActionDeny, true
	}
	return ActionDeny, false
}

// celProblem places a CEL compile error at its line and column within the
// file: the expression's own position is added to where its value starts
// (exact for a one-line expression; for a block scalar the line is exact).
func celProblem(locate func(string, string) config.Problem, field string, iss *cel.Issues) config.Problem {
	errs := iss.Errors()
	msg := strings.TrimSpace(iss.Err().Error())
	if len(errs) == 0 {
		return locate(field, msg)
	}
	e := errs[0]
	line, col := e.Location.Line(), e.Location.Column()
	p := locate(field, fmt.Sprintf("%s (expression line %d, column %d)", e.Message, line, col+1))
	if p.Line > 0 {
		if line > 1 {
			p.Line += line - 1
			p.Col = col + 1
		} else {
			p.Col += col
		}
	}
	return p
}

// Decide evaluates the policy for one request. ctx bounds DNS lookups made
// by URL checks.
func (s *Set) Decide(ctx context.Context, in *Input) Decision {
	if !s.configured {
		return Decision{Action: ActionAllow, Rule: "no_policy"}
	}
	if o, ok := s.overrides[key{in.Server, in.Name}]; ok && o.Hide && in.Kind == "tool" {
		return Decision{Action: ActionDeny, Rule: "hidden", Message: fmt.Sprintf("tool %q is not available", in.Name)}
	}
	if in.Arguments != nil {
		if d, bad := s.checkConstraints(ctx, in); bad {
			return d
		}
	}
	vars, err := s.prepared(in)
	if err != nil {
		return Decision{Action: ActionDeny, Rule: "error", Message: fmt.Sprintf("policy inputs could not be prepared: %v", err)}
	}
	var d Decision
	for _, r := range s.rules {
		if !r.applies(in.Name) {
			continue
		}
		matched, err := r.eval(ctx, vars)
		if err != nil {
			return Decision{Action: ActionDeny, Rule: r.Name,
				Message: fmt.Sprintf("policy rule %q could not be evaluated, so the request was refused: %v", r.Name, err)}
		}
		if !matched {
			continue
		}
		if r.action == ActionRedact {
			d.Redact = append(d.Redact, r.Redact...)
			d.RedactRules = append(d.RedactRules, r.Name)
			continue
		}
		d.Action, d.Rule = r.action, r.Name
		if r.Message != "" && r.action != ActionAllow {
			d.Message = fmt.Sprintf("%s (rule %s)", r.Message, r.Name)
		}
		d.fillMessage(in)
		return d
	}
	d.Action, d.Rule = s.defaultFor(in.Server)
	d.fillMessage(in)
	return d
}

func (d *Decision) fillMessage(in *Input) {
	if d.Message != "" {
		return
	}
	switch d.Action {
	case ActionDeny:
		d.Message = fmt.Sprintf("policy does not allow %s %q on server %q (rule %s)", in.Kind, in.Name, in.Server, d.Rule)
	case ActionRequireApproval:
		d.Message = fmt.Sprintf("%s %q on server %q needs approval (rule %s)", in.Kind, in.Name, in.Server, d.Rule)
	}
}

func (s *Set) defaultFor(server string) (Action, string) {
	if a, ok := s.servers[server]; ok {
		return a, "default:" + server
	}
	return s.def, "default"
}

// Visible reports whether an item may be listed to the requester: whether
// some arguments could make a call to it anything but denied. Rules that
// depend on arguments are evaluated partially; a deny that depends on them
// does not hide the item, an allow that depends on them keeps it listed.
func (s *Set) Visible(ctx context.Context, in *Input) (bool, string) {
	if !s.configured {
		return true, "no_policy"
	}
	if o, ok := s.overrides[key{in.Server, in.Name}]; ok && o.Hide && in.Kind == "tool" {
		return false, "hidden"
	}
	vars := s.activation(in)
	pvars, err := cel.PartialVars(vars, cel.AttributePattern("args"))
	if err != nil {
		return false, "error"
	}
	for _, r := range s.rules {
		if !r.applies(in.Name) {
			continue
		}
		out, _, err := r.partial.ContextEval(ctx, pvars)
		if err != nil {
			// Rules that fail without arguments are decided at call time.
			continue
		}
		if r.action == ActionRedact {
			continue
		}
		if types.IsUnknown(out) {
			if r.action != ActionDeny {
				return true, r.Name
			}
			continue
		}
		if b, ok := out.Value().(bool); !ok || !b {
			continue
		}
		return r.action != ActionDeny, r.Name
	}
	a, name := s.defaultFor(in.Server)
	return a != ActionDeny, name
}

// Step is one line of an explanation.
type Step struct {
	Rule   string
	Action Action
	// Result is "match", "no match", "error: ..." or "not reached".
	Result string
}

// Explain evaluates every rule for in, including those after the one that
// decides, and returns each rule's result with the decision.
func (s *Set) Explain(ctx context.Context, in *Input) ([]Step, Decision) {
	d := s.Decide(ctx, in)
	vars, err := s.prepared(in)
	if err != nil {
		return nil, d
	}
	var steps []Step
	decided := false
	for _, r := range s.rules {
		st := Step{Rule: r.Name, Action: r.action}
		if !r.applies(in.Name) {
			st.Result = "not applicable (other tool)"
			steps = append(steps, st)
			continue
		}
		m, err := r.eval(ctx, vars)
		switch {
		case err != nil:
			st.Result = "error: " + err.Error()
		case m:
			st.Result = "match"
		default:
			st.Result = "no match"
		}
		if decided {
			st.Result += " (after the decision)"
		}
		if r.Name == d.Rule {
			decided = true
		}
		steps = append(steps, st)
	}
	return steps, d
}

// Override returns the override for a server's tool.
func (s *Set) Override(server, tool string) (Override, bool) {
	o, ok := s.overrides[key{server, tool}]
	return o, ok
}

// Original maps a renamed tool's new name back to the name its server
// knows, for routing a call made with the new name.
func (s *Set) Original(server, name string) (string, bool) {
	o, ok := s.renamed[key{server, name}]
	return o, ok
}

func typeName(v ref.Val) string {
	if v == nil {
		return "nothing"
	}
	return v.Type().TypeName()
}

// prepared returns the activation the rules of one decision share. Each
// variable is built the first time a rule reads it and kept for the later
// rules: most policies read two or three of the eight, and building the
// rest cost most of a decision's allocations.
func (s *Set) prepared(in *Input) (interpreter.Activation, error) {
	return &lazyActivation{s: s, in: in}, nil
}

// varNames are the variables of the CEL environment (see env.go), in the
// order lazyActivation keeps them.
var varNames = [...]string{"principal", "client", "server", "method", "tool", "args", "session", "now"}

// lazyActivation is a per-decision interpreter.Activation; it is used by
// one goroutine at a time (rules are evaluated in order).
type lazyActivation struct {
	s    *Set
	in   *Input
	vals [len(varNames)]any
	have [len(varNames)]bool
}

func (a *lazyActivation) ResolveName(name string) (any, bool) {
	for i, n := range varNames {
		if n != name {
			continue
		}
		if !a.have[i] {
			a.vals[i], a.have[i] = a.s.variable(a.in, name), true
		}
		return a.vals[i], true
	}
	return nil, false
}

func (a *lazyActivation) Parent() interpreter.Activation { return nil }

func (s *Set) activation(in *Input) map[string]any {
	out := make(map[string]any, len(varNames))
	for _, n := range varNames {
		out[n] = s.variable(in, n)
	}
	return out
}

// variable builds the CEL value of one variable.
func (s *Set) variable(in *Input, name string) any {
	switch name {
	case "principal":
		p := in.Principal
		if p == nil {
			p = &guard.Principal{}
		}
		claims := p.Claims
		if claims == nil {
			claims = map[string]any{}
		}
		return map[string]any{
			"issuer": p.Issuer, "subject": p.Subject, "client_id": p.ClientID,
			"groups": nonNil(p.Groups), "scopes": nonNil(p.Scopes), "claims": claims,
			"id": p.String(),
		}
	case "client":
		return map[string]any{"name": in.ClientName, "version": in.ClientVersion}
	case "server":
		return in.Server
	case "method":
		return in.Method
	case "tool":
		return withLabels(s.toolVar(in), in.ToolLabels)
	case "args":
		args := in.Arguments
		if args == nil {
			args = map[string]any{}
		}
		return args
	case "session":
		calls := in.Calls
		if calls == nil {
			calls = map[string]int64{}
		}
		return map[string]any{"id": in.SessionID, "protocol": in.Protocol, "labels": nonNil(in.Labels), "calls": calls,
			"untrusted": in.Untrusted, "flagged": in.Flagged, "sources": nonNil(in.Sources), "secrets": in.Secrets}
	case "now":
		t := in.Time
		if t.IsZero() {
			t = time.Now()
		}
		return t
	}
	return nil
}

// withLabels adds the call's tool labels to the (shared, cached) tool
// value without changing it.
func withLabels(tool map[string]any, labels []string) map[string]any {
	out := make(map[string]any, len(tool)+1)
	for k, v := range tool {
		out[k] = v
	}
	out["labels"] = nonNil(labels)
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Set) checkConstraints(ctx context.Context, in *Input) (Decision, bool) {
	for _, c := range s.constraints {
		if c.Server != in.Server || (c.Tool != "" && c.Tool != "*" && c.Tool != in.Name) {
			continue
		}
		for _, v := range lookup(in.Arguments, c.Argument) {
			if err := c.check(ctx, v); err != nil {
				return Decision{Action: ActionDeny, Rule: c.name,
					Message: fmt.Sprintf("argument %q: %v", c.Argument, err)}, true
			}
		}
	}
	return Decision{}, false
}

func (c *compiledConstraint) check(ctx context.Context, v any) error {
	str, ok := v.(string)
	if !ok {
		return fmt.Errorf("must be a string, got %T", v)
	}
	if len(c.PathWithin) > 0 {
		if err := constraint.PathWithin(str, c.PathWithin); err != nil {
			return err
		}
	}
	if c.url != nil {
		if err := c.url.Check(ctx, str); err != nil {
			return err
		}
	}
	if c.ReadOnlySQL {
		if err := constraint.ReadOnlySQL(str); err != nil {
			return err
		}
	}
	if c.MinLength != nil || c.MaxLength != nil {
		lo, hi := -1, -1
		if c.MinLength != nil {
			lo = *c.MinLength
		}
		if c.MaxLength != nil {
			hi = *c.MaxLength
		}
		if err := constraint.Length(str, lo, hi); err != nil {
			return err
		}
	}
	if c.pattern != nil {
		if err := constraint.Pattern(str, c.pattern); err != nil {
			return err
		}
	}
	if len(c.Enum) > 0 {
		if err := constraint.Enum(str, c.Enum); err != nil {
			return err
		}
	}
	return nil
}

// members returns the names in m that a server may read as name: name
// itself and any that differ from it only in letter case (Unicode simple
// folding, "PATH", "paſh"), because Go's encoding/json binds those to a
// field named name. The gateway refuses objects holding two such names;
// this still finds every one, so nothing hides behind the exact name.
func members(m map[string]any, name string) []string {
	var out []string
	if _, ok := m[name]; ok {
		out = append(out, name)
	}
	for k := range m {
		if k != name && strings.EqualFold(k, name) {
			out = append(out, k)
		}
	}
	return out
}

// lookup finds every value at a dotted path ("auth.token") in args,
// matching each part as members does.
func lookup(args map[string]any, path string) []any {
	cur := []any{args}
	for _, part := range strings.Split(path, ".") {
		var next []any
		for _, c := range cur {
			m, ok := c.(map[string]any)
			if !ok {
				continue
			}
			for _, k := range members(m, part) {
				next = append(next, m[k])
			}
		}
		cur = next
	}
	return cur
}

// Redact replaces the values at paths in args (matched as lookup does)
// with a marker and reports whether anything changed.
func Redact(args map[string]any, paths []string) bool {
	changed := false
	var walk func(m map[string]any, parts []string)
	walk = func(m map[string]any, parts []string) {
		for _, k := range members(m, parts[0]) {
			if len(parts) == 1 {
				m[k] = "[REDACTED by policy]"
				changed = true
				continue
			}
			if next, ok := m[k].(map[string]any); ok {
				walk(next, parts[1:])
			}
		}
	}
	for _, path := range paths {
		walk(args, strings.Split(path, "."))
	}
	return changed
}

// maxToolCache bounds the parsed tool definitions a set keeps.
const maxToolCache = 4096

type toolKey struct{ kind, name, def string }

// toolVar returns the tool variable for in, parsing the definition once
// per distinct definition: decisions read it, never change it.
func (s *Set) toolVar(in *Input) map[string]any {
	if len(in.Tool) == 0 {
		return parseTool(in)
	}
	k := toolKey{in.Kind, in.Name, string(in.Tool)}
	s.toolMu.Lock()
	t, ok := s.tools[k]
	s.toolMu.Unlock()
	if ok {
		return t
	}
	t = parseTool(in)
	s.toolMu.Lock()
	if len(s.tools) >= maxToolCache {
		clear(s.tools)
	}
	s.tools[k] = t
	s.toolMu.Unlock()
	return t
}

func parseTool(in *Input) map[string]any {
	tool := map[string]any{"name": in.Name, "kind": in.Kind}
	if len(in.Tool) > 0 {
		var def struct {
			Title       string          `json:"title"`
			Description string          `json:"description"`
			Annotations map[string]any  `json:"annotations"`
			InputSchema json.RawMessage `json:"inputSchema"`
			Meta        map[string]any  `json:"_meta"`
		}
		if json.Unmarshal(in.Tool, &def) == nil {
			tool["title"] = def.Title
			tool["description"] = def.Description
			if def.Annotations != nil {
				tool["annotations"] = def.Annotations
			}
			if len(def.InputSchema) > 0 {
				// Hash the compact form, so re-encoding (whitespace) by
				// the gateway or an override does not change the hash.
				var buf bytes.Buffer
				if json.Compact(&buf, def.InputSchema) == nil {
					sum := sha256.Sum256(buf.Bytes())
					tool["schema_hash"] = hex.EncodeToString(sum[:])
				}
			}
			if def.Meta != nil {
				tool["meta"] = def.Meta
			}
		}
	}
	for _, k := range []string{"title", "description", "schema_hash"} {
		if _, ok := tool[k]; !ok {
			tool[k] = ""
		}
	}
	if _, ok := tool["annotations"]; !ok {
		tool["annotations"] = map[string]any{}
	}
	return tool
}
