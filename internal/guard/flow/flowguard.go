// Package flowguard is the information-flow guard: it records what each
// session touches (the labels of the tools it calls, untrusted content it
// ingests) and puts a person in the loop exactly when a session that has
// read private data and untrusted input calls a tool that sends data
// outside (the "lethal trifecta"), or, after untrusted input, a destructive
// tool. The person answers through MCP elicitation (the client's own user)
// or out of band (admin API, CLI, webhook) via an approval.Broker.
package flowguard

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/warden-mcp/warden/internal/approval"
	"github.com/warden-mcp/warden/internal/config"
	"github.com/warden-mcp/warden/internal/detect"
	"github.com/warden-mcp/warden/internal/flow"
	"github.com/warden-mcp/warden/internal/guard"
	policyguard "github.com/warden-mcp/warden/internal/guard/policy"
	"github.com/warden-mcp/warden/internal/mcp"
)

// Name is the guard's configuration key.
const Name = "flow"

// Mode is what a rule does when it matches.
type Mode string

const (
	// Approve holds the call until a person approves it (timeout: deny).
	Approve Mode = "approve"
	// Block refuses the call.
	Block Mode = "block"
	// Off lets the call through (a relaxation, logged at start-up).
	Off Mode = "off"
)

// Rule names, as they appear in verdicts and the audit log.
const (
	RuleTrifecta             = "flow.trifecta"
	RuleUntrustedDestructive = "flow.untrusted_destructive"
	// RulePolicy: a policy rule asked for approval (action require_approval).
	RulePolicy        = "flow.policy"
	RuleApproved      = "flow.approved"
	RuleState         = "flow.approval_state"
	RuleImpersonation = "flow.impersonation"
)

// Rules configure the built-in rules.
type Rules struct {
	// Trifecta: private data + untrusted input + external sink.
	Trifecta Mode `yaml:"trifecta"`
	// UntrustedDestructive: untrusted input + destructive tool.
	UntrustedDestructive Mode `yaml:"untrusted_destructive"`
}

// WebhookSettings configure the chat notification.
type WebhookSettings struct {
	URL string `yaml:"url"`
	// Secret must be a reference (${env:NAME} or ${file:/path}).
	Secret string `yaml:"secret"`
	// Approvers, when set, limit whose callbacks decide (Slack user ids
	// or names, or the approver a Warden-format callback names).
	Approvers []string `yaml:"approvers"`
}

// ApprovalSettings configure how a person is asked.
type ApprovalSettings struct {
	Timeout config.Duration `yaml:"timeout"`
	// Elicitation asks the client's user directly when the client
	// supports it (default true).
	Elicitation *bool           `yaml:"elicitation"`
	Webhook     WebhookSettings `yaml:"webhook"`
}

// Settings are the guard's configuration (guards.flow).
type Settings struct {
	Labels flow.LabelConfig `yaml:"labels"`
	// Infer labels from annotations and names where Labels is silent
	// (default true).
	Infer    *bool            `yaml:"infer"`
	Rules    Rules            `yaml:"rules"`
	Approval ApprovalSettings `yaml:"approval"`
}

// DefaultTimeout is how long a call waits for a person by default.
const DefaultTimeout = 5 * time.Minute

// DefaultSettings: both rules ask a person, labels are inferred, the
// client's user is asked when the client can be asked.
func DefaultSettings() Settings {
	return Settings{
		Rules:    Rules{Trifecta: Approve, UntrustedDestructive: Approve},
		Approval: ApprovalSettings{Timeout: config.Duration(DefaultTimeout)},
	}
}

func (m Mode) valid() bool { return m == Approve || m == Block || m == Off }

func boolOr(p *bool, def bool) bool {
	if p == nil {
		return def
	}
	return *p
}

// Decode reads and validates the guard's block.
func Decode(gc config.GuardConfig) (Settings, error) {
	s := DefaultSettings()
	if err := gc.Decode(&s); err != nil {
		return Settings{}, err
	}
	bad := func(field, msg string) error {
		return &config.Error{Problems: []config.Problem{gc.Problem(field, msg)}}
	}
	if !s.Rules.Trifecta.valid() {
		return Settings{}, bad("rules.trifecta", fmt.Sprintf("unknown mode %q (want approve, block or off)", s.Rules.Trifecta))
	}
	if !s.Rules.UntrustedDestructive.valid() {
		return Settings{}, bad("rules.untrusted_destructive", fmt.Sprintf("unknown mode %q (want approve, block or off)", s.Rules.UntrustedDestructive))
	}
	if s.Approval.Timeout.Std() <= 0 {
		return Settings{}, bad("approval.timeout", "must be positive")
	}
	if _, err := flow.NewLabeler(s.Labels); err != nil {
		return Settings{}, bad("labels", err.Error())
	}
	wh := &s.Approval.Webhook
	for _, a := range wh.Approvers {
		if strings.TrimSpace(a) == "" || strings.TrimSpace(a) != a {
			return Settings{}, bad("approval.webhook.approvers", fmt.Sprintf("approver %q is empty or has surrounding spaces", a))
		}
	}
	if len(wh.Approvers) > 0 && wh.Secret == "" {
		return Settings{}, bad("approval.webhook.approvers", "approvers need a webhook secret (callbacks are off without one)")
	}
	if wh.URL != "" || wh.Secret != "" {
		if wh.Secret == "" || !strings.Contains(wh.Secret, "${") {
			return Settings{}, bad("approval.webhook.secret", `a webhook needs a secret given as a reference, such as "${env:WARDEN_WEBHOOK_SECRET}"`)
		}
		var err error
		if wh.Secret, err = config.ExpandReferences(wh.Secret, ""); err != nil {
			return Settings{}, bad("approval.webhook.secret", err.Error())
		}
		if len(wh.Secret) < 16 {
			return Settings{}, bad("approval.webhook.secret", "the secret must be at least 16 characters")
		}
		if wh.URL, err = config.ExpandReferences(wh.URL, ""); err != nil {
			return Settings{}, bad("approval.webhook.url", err.Error())
		}
		if wh.URL != "" {
			u, err := url.Parse(wh.URL)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				return Settings{}, bad("approval.webhook.url", "must be an http(s) URL")
			}
		}
	}
	return s, nil
}

// NewLabeler builds the labeler the guard's block configures, for the
// application to share with other guards (secrets).
func NewLabeler(gc config.GuardConfig) (*flow.Labeler, error) {
	s, err := Decode(gc)
	if err != nil {
		return nil, err
	}
	return labelerFor(s)
}

func labelerFor(s Settings) (*flow.Labeler, error) {
	var opts []flow.LabelerOption
	if !boolOr(s.Infer, true) {
		opts = append(opts, flow.WithoutInference())
	}
	return flow.NewLabeler(s.Labels, opts...)
}

// BrokerOptions returns the approval.Options the guard's block configures
// (timeout, webhook), for the application's approval.NewBroker.
func BrokerOptions(gc config.GuardConfig) (approval.Options, error) {
	s, err := Decode(gc)
	if err != nil {
		return approval.Options{}, err
	}
	return approval.Options{
		Timeout: s.Approval.Timeout.Std(),
		Webhook: approval.Webhook{URL: s.Approval.Webhook.URL, Secret: s.Approval.Webhook.Secret, Approvers: s.Approval.Webhook.Approvers},
	}, nil
}

// Guard implements guard.Guard.
type Guard struct {
	set    Settings
	tr     *flow.Tracker
	labels *flow.Labeler
	broker *approval.Broker
	log    *slog.Logger
	// progressEvery is how often a held call tells the client it waits.
	progressEvery time.Duration
	now           func() time.Time
}

// New builds the guard. tr is the tracker shared with other guards (nil:
// one of its own); labels the shared labeler (nil: built from gc); b the
// approval broker, required unless every rule is block or off.
func New(gc config.GuardConfig, tr *flow.Tracker, labels *flow.Labeler, b *approval.Broker, log *slog.Logger) (guard.Guard, error) {
	s, err := Decode(gc)
	if err != nil {
		return nil, err
	}
	return newGuard(s, tr, labels, b, log)
}

func newGuard(s Settings, tr *flow.Tracker, labels *flow.Labeler, b *approval.Broker, log *slog.Logger) (*Guard, error) {
	if tr == nil {
		tr = flow.New(flow.Options{})
	}
	if labels == nil {
		var err error
		if labels, err = labelerFor(s); err != nil {
			return nil, fmt.Errorf("building flow guard labels: %w", err)
		}
	}
	if b == nil && (s.Rules.Trifecta == Approve || s.Rules.UntrustedDestructive == Approve) {
		return nil, errors.New("flow guard: rules that ask for approval need an approval broker")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Guard{set: s, tr: tr, labels: labels, broker: b, log: log, progressEvery: 5 * time.Second, now: time.Now}, nil
}

// Relaxations lists what this configuration lets through that the
// defaults would not, for the start-up log.
func (g *Guard) Relaxations() []string {
	var out []string
	if g.set.Rules.Trifecta == Off {
		out = append(out, "flow: rule trifecta is off: a session that has read private data and untrusted input may call external sinks without a person's approval")
	}
	if g.set.Rules.UntrustedDestructive == Off {
		out = append(out, "flow: rule untrusted_destructive is off: destructive tools may run after untrusted input without a person's approval")
	}
	if !boolOr(g.set.Infer, true) {
		out = append(out, "flow: label inference is off: only tools labelled in guards.flow.labels count for the flow rules")
	}
	// An empty list under a glob turns inference off for every tool it
	// matches, as infer: false does for all (an exact name is a choice
	// about one tool, and not listed).
	for _, server := range slices.Sorted(maps.Keys(g.set.Labels)) {
		tools := g.set.Labels[server]
		for _, tool := range slices.Sorted(maps.Keys(tools)) {
			if len(tools[tool]) == 0 && (strings.ContainsAny(server, "*?") || strings.ContainsAny(tool, "*?")) {
				out = append(out, fmt.Sprintf("flow: labels %s/%s is empty: every tool it matches has no labels and no inference, so the flow rules ignore it", server, tool))
			}
		}
	}
	return out
}

// Name implements guard.Guard.
func (g *Guard) Name() string { return Name }

// Wants implements guard.Filter.
func (g *Guard) Wants(p guard.Phase, method string) bool {
	switch p {
	case guard.PhaseRequest:
		return method == "tools/call"
	case guard.PhaseResult:
		return guard.CallKind(method) != ""
	case guard.PhaseServerRequest:
		return method == "elicitation/create"
	}
	return false
}

// Inspect implements guard.Guard.
func (g *Guard) Inspect(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	switch {
	case ex.Phase == guard.PhaseRequest && ex.Method == "tools/call":
		return g.inspectCall(ctx, ex)
	case ex.Phase == guard.PhaseResult && guard.CallKind(ex.Method) != "":
		g.record(ex)
	case ex.Phase == guard.PhaseServerRequest && ex.Method == "elicitation/create":
		return g.inspectElicitation(ex), nil
	}
	return guard.Verdict{Action: guard.Allow}, nil
}

// record notes what a completed call touched.
func (g *Guard) record(ex *guard.Exchange) {
	g.touch(ex, g.labels.Labels(ex.Server, ex.Name, ex.Tool))
}

// touch records a call's labels in its session's facts. It runs when the
// result comes back and, earlier, when Warden lets the call go upstream:
// an upstream that answers with a JSON-RPC error, or sends notifications
// while it works, skips the result phase but still reaches the model, so
// the session must not stay clean. Recording twice changes nothing.
func (g *Guard) touch(ex *guard.Exchange, labels []string) {
	key := ex.Session.Key()
	g.tr.Touch(key, labels...)
	if slices.Contains(labels, flow.UntrustedInput) {
		g.tr.Ingest(key, ex.Server+"/"+ex.Name, false)
	}
}

// going records what a call about to go upstream touches, and passes v
// on. The flow guard is last in the chain, so a verdict it lets through
// is the call being sent.
func (g *Guard) going(ex *guard.Exchange, labels []string, v guard.Verdict) guard.Verdict {
	if v.Action == guard.Allow || v.Action == guard.Modify {
		g.touch(ex, labels)
	}
	return v
}

// callParams is the part of tools/call params the guard reads.
type callParams struct {
	Arguments      json.RawMessage            `json:"arguments"`
	RequestState   string                     `json:"requestState"`
	InputResponses map[string]json.RawMessage `json:"inputResponses"`
}

// parseCall decodes the part of tools/call params the guard reads.
func parseCall(params json.RawMessage) (callParams, error) {
	var p callParams
	if len(params) > 0 {
		if err := json.Unmarshal(params, &p); err != nil {
			return p, fmt.Errorf("reading tools/call params: %w", err)
		}
	}
	return p, nil
}

// statePrefix marks the guard's own requestState values.
const statePrefix = guard.StatePrefix + "approval:"

// inputKey names the guard's input request in an input_required result.
const inputKey = "warden-approval"

// Elicitation form values.
const (
	choiceOnce    = "approve_once"
	choiceSession = "approve_session"
	choiceDeny    = "deny"
)

func (g *Guard) inspectCall(ctx context.Context, ex *guard.Exchange) (guard.Verdict, error) {
	// Most calls need no rule: the params are decoded only for a retry
	// with Warden's state or a call a rule holds.
	if strings.HasPrefix(mcp.FieldString(ex.Params, "requestState"), statePrefix) {
		p, err := parseCall(ex.Params)
		if err != nil {
			return guard.Verdict{}, err
		}
		return g.resume(ctx, ex, p), nil
	}
	labels := g.labels.Labels(ex.Server, ex.Name, ex.Tool)
	facts := g.tr.Get(ex.Session.Key())
	rule, mode, why := g.evaluate(ex, labels, facts)
	if rule == "" {
		return g.going(ex, labels, guard.Verdict{Action: guard.Allow}), nil
	}
	p, err := parseCall(ex.Params)
	if err != nil {
		return guard.Verdict{}, err
	}
	details := map[string]any{"labels": labels, "facts": factSummary(facts)}
	if mode == Block {
		return guard.Verdict{Action: guard.Deny, Rule: rule, Details: details,
			Reason: "Warden refused this call: " + why + ". The configuration blocks such calls."}, nil
	}
	if d, ok := g.broker.Standing(ctx, ex.Session.Key(), ex.Server, ex.Name, p.Arguments); ok {
		return g.going(ex, labels, decided(d, rule, why, details, "")), nil
	}
	req := approval.Request{
		Session:   ex.Session.Key(),
		Principal: ex.Session.Principal.String(),
		Client:    strings.TrimSuffix(ex.Session.ClientName+"/"+ex.Session.ClientVersion, "/"),
		Server:    ex.Server, Tool: ex.Name,
		Arguments: p.Arguments,
		Reason:    why, Rule: rule, Labels: labels, Facts: facts,
	}
	c := ex.Client
	elicit := boolOr(g.set.Approval.Elicitation, true) && c != nil && c.Can("elicitation")
	if elicit && c.Stateless() {
		return g.ask(ctx, req, rule, details)
	}
	return guard.Verdict{
		Action: guard.Hold, Rule: rule, Details: details,
		Reason: "waiting for a person's approval: " + why,
		Wait: func(ctx context.Context) (guard.Verdict, error) {
			return g.going(ex, labels, g.await(ctx, c, elicit, req, rule, details)), nil
		},
	}, nil
}

// evaluate applies the rules; it returns the rule that matched, its mode
// and why, or "" when none did (or the matching rule is off).
func (g *Guard) evaluate(ex *guard.Exchange, labels []string, f flow.Facts) (string, Mode, string) {
	untrusted := f.Has(flow.UntrustedInput) || f.Untrusted || f.Flagged
	from := ""
	if len(f.Sources) > 0 {
		from = " (from " + strings.Join(f.Sources, ", ") + ")"
	}
	if f.Flagged {
		from += ", and the injection detector flagged some of it"
	}
	target := ex.Server + "/" + ex.Name
	// A sink that reads private data itself (send_customer_report) needs
	// no earlier read of it: the call both fetches and sends.
	private := f.Has(flow.PrivateData) || slices.Contains(labels, flow.PrivateData)
	if m := g.set.Rules.Trifecta; m != Off && untrusted && private && slices.Contains(labels, flow.ExternalSink) {
		if !f.Has(flow.PrivateData) {
			return RuleTrifecta, m, fmt.Sprintf("this session has read untrusted content%s, and %s reads private data and sends data outside (private_data, external_sink)", from, target)
		}
		return RuleTrifecta, m, fmt.Sprintf("this session has read private data and untrusted content%s, and %s sends data outside (external_sink)", from, target)
	}
	if m := g.set.Rules.UntrustedDestructive; m != Off && untrusted && slices.Contains(labels, flow.Destructive) {
		return RuleUntrustedDestructive, m, fmt.Sprintf("this session has read untrusted content%s, and %s is destructive", from, target)
	}
	// A policy rule with action require_approval hands its call here.
	if msg, ok := ex.Values[policyguard.ApprovalKey].(string); ok {
		return RulePolicy, Approve, msg
	}
	return "", "", ""
}

func factSummary(f flow.Facts) map[string]any {
	return map[string]any{"labels": f.Labels, "untrusted": f.Untrusted, "flagged": f.Flagged, "sources": f.Sources}
}

// decided turns a decision into a verdict. An approval is returned as
// Modify (nothing is changed unless the guard stripped its own state) so
// that the chain writes it, with who approved, to the audit log.
func decided(d approval.Decision, rule, why string, details map[string]any, id string) guard.Verdict {
	det := make(map[string]any, len(details)+8)
	for k, v := range details {
		det[k] = v
	}
	det["approver"] = d.Approver
	det["scope"] = d.Scope
	det["channel"] = d.Channel
	if d.Pattern != "" {
		det["pattern"] = d.Pattern
	}
	if d.Note != "" {
		det["note"] = d.Note
	}
	if id != "" {
		det["approval_id"] = id
	} else if d.Request != "" {
		det["approval_id"] = d.Request
		det["standing"] = true
	}
	det["rule"] = rule
	if d.Approve {
		return guard.Verdict{Action: guard.Modify, Rule: RuleApproved, Details: det,
			Reason: fmt.Sprintf("approved by %s (scope %s, via %s): %s", d.Approver, d.Scope, d.Channel, why)}
	}
	reason := fmt.Sprintf("Warden refused this call: a person's approval was needed because %s, and %s denied it", why, d.Approver)
	if d.Channel == approval.ChannelTimeout {
		reason = fmt.Sprintf("Warden refused this call: a person's approval was needed because %s, and none came in time", why)
	}
	return guard.Verdict{Action: guard.Deny, Rule: rule, Details: det, Reason: reason}
}

// await runs the channels for a held call and returns the final verdict.
func (g *Guard) await(ctx context.Context, c guard.Client, elicit bool, req approval.Request, rule string, details map[string]any) guard.Verdict {
	if dl, ok := ctx.Deadline(); ok {
		req.Expires = dl
	}
	id, err := g.broker.Submit(ctx, req)
	if err != nil {
		g.log.Error("flow guard could not submit an approval request", "err", err)
		return guard.Verdict{Action: guard.Deny, Rule: rule, Details: details,
			Reason: "Warden refused this call: it needs a person's approval (" + req.Reason + "), and the approval request could not be stored"}
	}
	stored, err := g.broker.Get(ctx, id)
	if err != nil {
		stored = req
		stored.ID = id
		stored.Arguments = approval.MaskArguments(req.Arguments)
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if c != nil {
		if elicit {
			go g.elicit(wctx, c, stored)
		}
		go g.progress(wctx, c, stored)
	}
	d, _ := g.broker.Wait(ctx, id)
	return decided(d, rule, req.Reason, details, id)
}

// progress tells the client, now and every few seconds, that its call
// waits for a person.
func (g *Guard) progress(ctx context.Context, c guard.Client, r approval.Request) {
	msg := fmt.Sprintf("Warden is waiting for a person to approve %s/%s (approval %s; `warden approvals show %s`)", r.Server, r.Tool, r.ID, r.ID)
	t := time.NewTicker(g.progressEvery)
	defer t.Stop()
	for {
		c.Progress(ctx, msg)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// elicit asks the client's user through elicitation/create and records
// the answer with the broker. Any failure leaves the request to the other
// channels.
func (g *Guard) elicit(ctx context.Context, c guard.Client, r approval.Request) {
	params, err := json.Marshal(ElicitParams(r))
	if err != nil {
		return
	}
	raw, err := c.Request(ctx, "elicitation/create", params)
	if err != nil {
		if ctx.Err() == nil {
			g.log.Info("asking the client's user for approval failed; waiting for other channels", "id", r.ID, "err", err)
		}
		return
	}
	d := answer(raw, r)
	if err := g.broker.Decide(context.WithoutCancel(ctx), r.ID, d); err != nil && !errors.Is(err, approval.ErrDecided) && !errors.Is(err, approval.ErrExpired) {
		g.log.Error("recording the client user's approval answer failed", "id", r.ID, "err", err)
	}
}

// answer reads an ElicitResult: only accept with an approve choice
// approves; anything else (decline, cancel, deny, garbage) denies.
func answer(raw json.RawMessage, r approval.Request) approval.Decision {
	var res struct {
		Action  string `json:"action"`
		Content struct {
			Decision string `json:"decision"`
		} `json:"content"`
	}
	d := approval.Decision{Scope: approval.ScopeOnce, Channel: approval.ChannelElicitation,
		Approver: "user of " + r.Principal + " (client " + r.Client + ")"}
	if err := json.Unmarshal(raw, &res); err != nil {
		d.Note = "unreadable answer"
		return d
	}
	if res.Action != "accept" {
		d.Note = "the user chose " + truncate(res.Action, 32)
		return d
	}
	switch res.Content.Decision {
	case choiceOnce:
		d.Approve = true
	case choiceSession:
		d.Approve, d.Scope = true, approval.ScopeSession
	default:
		d.Note = "the user chose deny"
	}
	return d
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// ElicitParams is the elicitation/create request Warden sends: a message
// that says plainly it comes from Warden and shows what will be sent, and
// a one-field form.
func ElicitParams(r approval.Request) map[string]any {
	args := string(r.Arguments)
	var pretty strings.Builder
	var v any
	if json.Unmarshal(r.Arguments, &v) == nil {
		if b, err := json.MarshalIndent(v, "", "  "); err == nil {
			args = string(b)
		}
	}
	pretty.WriteString("Approval request from Warden, the security gateway between this app and its tool servers. ")
	pretty.WriteString("This question comes from Warden itself, not from the AI model or a tool server.\n\n")
	fmt.Fprintf(&pretty, "The assistant wants to call tool %q on server %q with these arguments (secrets masked):\n%s\n\n", r.Tool, r.Server, args)
	fmt.Fprintf(&pretty, "Why Warden asks: %s.\n\n", r.Reason)
	pretty.WriteString("Approve only if you expected this call and its content. If unsure, deny.\n")
	fmt.Fprintf(&pretty, "Approval id: %s", r.ID)
	return map[string]any{
		"message": pretty.String(),
		"requestedSchema": map[string]any{
			"type": "object",
			"properties": map[string]any{
				"decision": map[string]any{
					"type":        "string",
					"title":       "Decision",
					"description": "approve_once: this call only; approve_session: this tool for the rest of this session; deny: refuse the call",
					"enum":        []string{choiceDeny, choiceOnce, choiceSession},
					"default":     choiceDeny,
				},
			},
			"required": []string{"decision"},
		},
	}
}

// ask answers a stateless client with an input_required result: the same
// form, and a requestState bound to this request.
func (g *Guard) ask(ctx context.Context, req approval.Request, rule string, details map[string]any) (guard.Verdict, error) {
	nonce := approval.NewToken()
	req.StateHash = hashNonce(nonce)
	id, err := g.broker.Submit(ctx, req)
	if err != nil {
		return guard.Verdict{}, fmt.Errorf("storing the approval request: %w", err)
	}
	stored, err := g.broker.Get(ctx, id)
	if err != nil {
		return guard.Verdict{}, fmt.Errorf("reading the approval request back: %w", err)
	}
	params, err := json.Marshal(ElicitParams(stored))
	if err != nil {
		return guard.Verdict{}, fmt.Errorf("encoding the approval question: %w", err)
	}
	det := make(map[string]any, len(details)+2)
	for k, v := range details {
		det[k] = v
	}
	det["approval_id"] = id
	det["channel"] = approval.ChannelElicitation
	return guard.Verdict{
		Action: guard.Ask, Rule: rule, Details: det,
		Reason: "asking the user to approve: " + req.Reason,
		Input: &guard.Input{
			Requests: map[string]guard.InputRequest{inputKey: {Method: "elicitation/create", Params: params}},
			State:    statePrefix + id + "." + nonce,
		},
	}, nil
}

func hashNonce(nonce string) string {
	sum := sha256.Sum256([]byte(nonce))
	return hex.EncodeToString(sum[:])
}

// resume handles a stateless client's retry carrying the guard's
// requestState: the state must name a pending request of the same session
// key, server, tool and arguments, and carry its secret; it is used once.
func (g *Guard) resume(ctx context.Context, ex *guard.Exchange, p callParams) guard.Verdict {
	deny := func(why string) guard.Verdict {
		return guard.Verdict{Action: guard.Deny, Rule: RuleState,
			Reason: "Warden refused this call: " + why + "; call the tool again to be asked anew"}
	}
	id, nonce, ok := strings.Cut(strings.TrimPrefix(p.RequestState, statePrefix), ".")
	if !ok || id == "" || nonce == "" || len(id) > 64 || len(nonce) > 64 {
		return deny("the approval state is malformed")
	}
	r, err := g.broker.Get(ctx, id)
	if err != nil {
		return deny("the approval state is unknown or expired")
	}
	want := hashNonce(nonce)
	if r.StateHash == "" || subtle.ConstantTimeCompare([]byte(want), []byte(r.StateHash)) != 1 {
		return deny("the approval state is not valid")
	}
	if r.Session != ex.Session.Key() || r.Server != ex.Server || r.Tool != ex.Name || r.ArgsDigest != approval.Digest(p.Arguments) {
		return deny("the approval state belongs to a different call")
	}
	if r.Status != approval.StatusPending {
		return deny("the approval state was already used or has expired")
	}
	raw, ok := p.InputResponses[inputKey]
	d := approval.Decision{Scope: approval.ScopeOnce, Channel: approval.ChannelElicitation,
		Approver: "user of " + r.Principal + " (client " + r.Client + ")", Note: "no answer"}
	if ok {
		d = answer(raw, r)
	}
	if err := g.broker.Decide(ctx, id, d); err != nil {
		return deny("the approval state was already used or has expired")
	}
	details := map[string]any{"labels": r.Labels, "facts": factSummary(r.Facts)}
	v := g.going(ex, g.labels.Labels(ex.Server, ex.Name, ex.Tool), decided(d, r.Rule, r.Reason, details, id))
	if v.Action == guard.Modify {
		// The upstream must not see Warden's state; strip it here as well
		// as in the gateway.
		var obj map[string]json.RawMessage
		if json.Unmarshal(ex.Params, &obj) == nil {
			delete(obj, "requestState")
			delete(obj, "inputResponses")
			if b, err := json.Marshal(obj); err == nil {
				ex.Params = b
			}
		}
	}
	return v
}

// inspectElicitation refuses an upstream's elicitation that poses as
// Warden: only Warden asks for Warden's approvals, and it never does so
// through an upstream.
func (g *Guard) inspectElicitation(ex *guard.Exchange) guard.Verdict {
	if posesAsWarden(elicitationText(ex.Params)) {
		return guard.Verdict{Action: guard.Deny, Rule: RuleImpersonation,
			Details: map[string]any{"server": ex.Server},
			Reason:  fmt.Sprintf("Warden refused an elicitation from server %s: it claims to come from Warden or asks for a Warden approval, which only Warden itself may do", ex.Server)}
	}
	return guard.Verdict{Action: guard.Allow}
}

// elicitationText is every text of an elicitation request a client may
// show: every string and key, wherever it sits (the message, the URL, the
// form's titles, descriptions, names and values, fields a later protocol
// version adds), decoded from JSON escapes, plus percent-decoded forms of
// each (a client may show a URL decoded). Params that are not JSON are
// read as they are.
func elicitationText(params json.RawMessage) string {
	var v any
	if err := json.Unmarshal(params, &v); err != nil {
		return string(params)
	}
	var b strings.Builder
	var walk func(any)
	add := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
		for range 3 { // %2557 is %57 is W
			u := percentDecode(s)
			if u == s {
				break
			}
			s = u
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			add(v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			// In key order, so the same request always reads the same.
			for _, k := range slices.Sorted(maps.Keys(v)) {
				add(k)
				walk(v[k])
			}
		}
	}
	walk(v)
	return b.String()
}

// percentDecode decodes every valid %XX in s and leaves the rest as it
// is: one stray "%" ("100% sure") must not hide the escapes after it.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := hex.DecodeString(s[i+1 : i+3]); err == nil {
				b.WriteByte(v[0])
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// posesAsWarden looks for "warden" after normalisation (case, width,
// confusables, invisible characters) and with spaces and punctuation
// removed, and for the guard's own form values.
func posesAsWarden(s string) bool {
	n := detect.Normalize(s).Text
	var squeezed strings.Builder
	for _, r := range n {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			squeezed.WriteRune(r)
		}
	}
	sq := squeezed.String()
	return strings.Contains(sq, "warden") || strings.Contains(n, choiceOnce) || strings.Contains(n, choiceSession) ||
		strings.Contains(sq, "approveonce") || strings.Contains(sq, "approvesession")
}
