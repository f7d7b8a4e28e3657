// Package guard defines the interface every Warden guard implements and the
// chain that runs them. A guard inspects one exchange (a list result, a
// request, a result, or a server-to-client request) and returns a verdict.
//
// The chain is the only place verdicts are combined: a deny stops it, a
// modify lets later guards see the modified exchange, a hold waits for a
// decision, and a guard that errors, panics or runs out of time fails closed.
package guard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// Phase says where in the data path an exchange is.
type Phase uint8

const (
	// PhaseList: a list result (tools, prompts, resources, templates) or
	// server instructions on their way to the client. Guards may hide items.
	PhaseList Phase = iota + 1
	// PhaseRequest: a client request on its way to an upstream (tools/call,
	// resources/read, prompts/get, completion/complete, ...), or a client's
	// response to a server-to-client request (sampling, elicitation).
	PhaseRequest
	// PhaseResult: an upstream result on its way back to the client.
	PhaseResult
	// PhaseServerRequest: an upstream's request to the client (sampling,
	// elicitation, roots) on its way to the client.
	PhaseServerRequest
)

func (p Phase) String() string {
	switch p {
	case PhaseList:
		return "list"
	case PhaseRequest:
		return "request"
	case PhaseResult:
		return "result"
	case PhaseServerRequest:
		return "server_request"
	}
	return "unknown"
}

// Action is what a verdict asks for.
type Action uint8

const (
	Allow Action = iota
	// Deny refuses the exchange; Reason is shown to the client.
	Deny
	// Modify reports that the guard changed the exchange (redacted,
	// annotated, hid items). The change is already applied to the Exchange.
	Modify
	// Hold asks the chain to wait for a decision (an approval) by calling
	// Verdict.Wait, which returns the final verdict.
	Hold
	// Ask stops the chain and answers a stateless (2026-07-28) client with
	// an input_required result carrying Verdict.Input. The client retries
	// the same request with its answers (inputResponses) and the request
	// state, and the guard that asked reads them from Exchange.Params.
	Ask
)

func (a Action) String() string {
	switch a {
	case Allow:
		return "allow"
	case Deny:
		return "deny"
	case Modify:
		return "modify"
	case Hold:
		return "hold"
	case Ask:
		return "ask"
	}
	return "unknown"
}

// Principal is the authenticated caller.
type Principal struct {
	Issuer   string         `json:"iss,omitempty"`
	Subject  string         `json:"sub,omitempty"`
	ClientID string         `json:"client_id,omitempty"`
	Groups   []string       `json:"groups,omitempty"`
	Scopes   []string       `json:"scopes,omitempty"`
	Claims   map[string]any `json:"-"`
}

// String is the principal's audit identity.
func (p *Principal) String() string {
	if p == nil || p.Subject == "" {
		return "anonymous"
	}
	if p.Issuer == "" {
		return p.Subject
	}
	return p.Issuer + "#" + p.Subject
}

// Session describes the downstream client session an exchange belongs to.
type Session struct {
	// ID is the Mcp-Session-Id (or the stdio connection's id); empty for
	// the stateless protocol, which has no sessions.
	ID            string
	Principal     *Principal
	ClientName    string
	ClientVersion string
	Protocol      string
}

// Key identifies the state Warden keeps across calls of one client (rate
// limits, information-flow facts): the session when there is one, else
// (stateless protocol) the principal and the client's name together.
func (s Session) Key() string {
	if s.ID != "" {
		return "s:" + s.ID
	}
	return "p:" + s.Principal.String() + "|c:" + s.ClientName
}

// Client lets a guard talk to the client behind an exchange while it
// decides: ask its user (elicitation) and keep it informed (progress).
// Only client requests carry one (PhaseRequest of tools/call, prompts/get,
// resources/read, completion/complete).
type Client interface {
	// Can reports whether the client declared a capability, such as
	// "elicitation" (for stateless clients: in this request's _meta).
	Can(capability string) bool
	// Stateless reports whether the client speaks the stateless protocol
	// (2026-07-28): it cannot receive requests, so a guard that needs its
	// user's input returns an Ask verdict instead of calling Request.
	Stateless() bool
	// Request sends a request (elicitation/create) to a stateful client
	// and waits for its answer.
	Request(ctx context.Context, method string, params json.RawMessage) (json.RawMessage, error)
	// Progress tells the client the request is still being worked on, if
	// the request asked for progress notifications; otherwise it does
	// nothing.
	Progress(ctx context.Context, message string)
}

// Input is what an Ask verdict asks a stateless client for: the
// input_required result's inputRequests (key → {"method", "params"}) and
// the requestState the client sends back with its answers.
type Input struct {
	Requests map[string]InputRequest
	State    string
}

// InputRequest is one request of an input_required result.
type InputRequest struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// StatePrefix marks requestState values that Warden's guards issue, so the
// gateway strips them (and their inputResponses) before the request goes
// upstream.
const StatePrefix = "warden-"

// Item is one entry of a list result (a tool, prompt, resource or template)
// as the upstream sent it, before namespacing.
type Item struct {
	// Kind is "tool", "prompt", "resource", "resource_template" or
	// "instructions".
	Kind string
	// Name is the item's name (the URI for resources and templates).
	Name string
	// Raw is the item's JSON object. A guard that changes it replaces Raw
	// and returns Modify.
	Raw json.RawMessage
	// Hidden removes the item from what the client sees.
	Hidden bool
}

// Exchange is one message on its way through Warden, shared by all guards
// so each message is parsed once.
type Exchange struct {
	Phase   Phase
	Session Session
	// Server is the upstream's configured name.
	Server string
	// Method is the JSON-RPC method of the request (for results, of the
	// request they answer).
	Method string
	// Name is the tool or prompt name as the upstream knows it, or the
	// resource URI, when the method has one.
	Name string
	// Tool is the tool's definition as its server last listed it (for
	// tools/call), so guards can read its schema and annotations without
	// trusting the request. Nil when the server never listed the tool.
	Tool json.RawMessage
	// Params are the request's params (PhaseRequest, PhaseServerRequest;
	// also set on PhaseResult for reference). Guards that modify replace it.
	Params json.RawMessage
	// Result is the upstream's result (PhaseResult).
	Result json.RawMessage
	// Items are the entries of a list result (PhaseList).
	Items []Item
	// Client reaches the client behind a request (nil elsewhere, and for
	// exchanges Warden makes on its own).
	Client Client `json:"-"`
	// Values guards leave for later guards or later phases of the same
	// exchange (for example a request's decision that the result phase
	// reads). Keys are the guard's name-prefixed strings.
	Values map[string]any
}

// Set stores a value for later guards.
func (e *Exchange) Set(key string, v any) {
	if e.Values == nil {
		e.Values = make(map[string]any)
	}
	e.Values[key] = v
}

// Verdict is a guard's decision on one exchange.
type Verdict struct {
	Action Action
	// Reason explains the decision; for Deny it is shown to the client.
	Reason string
	// Guard is the guard's name; the chain fills it in.
	Guard string
	// Rule names the rule that decided, when the guard has rules.
	Rule string
	// Details carries structured evidence for the audit log.
	Details map[string]any
	// Wait resolves a Hold. It must honour ctx and return Allow or Deny.
	Wait func(ctx context.Context) (Verdict, error) `json:"-"`
	// Input is what an Ask verdict asks the client for.
	Input *Input `json:"-"`
}

// Guard inspects exchanges. Implementations must be safe for concurrent
// use and must honour ctx.
type Guard interface {
	Name() string
	Inspect(ctx context.Context, ex *Exchange) (Verdict, error)
}

// Filter is optionally implemented by guards that only care about some
// exchanges, so the chain can skip them without a call.
type Filter interface {
	Wants(phase Phase, method string) bool
}

// CallKind names the kind of item a request uses, as list items name it
// ("tool", "prompt", "resource"), or "" for other methods.
func CallKind(method string) string {
	switch method {
	case "tools/call":
		return "tool"
	case "prompts/get":
		return "prompt"
	case "resources/read":
		return "resource"
	}
	return ""
}

// Finisher is implemented by guards that hold something for the length of
// a call (a concurrency slot). The gateway calls Finish once the call is
// over, however it ended: a result, a deny by a later guard, an upstream
// error, a timeout or a cancel. Finish must be idempotent.
type Finisher interface {
	Finish(ex *Exchange)
}

// Renamer is implemented by guards that show items under other names (tool
// overrides). Original maps a name the client saw back to the server's.
type Renamer interface {
	Original(server, name string) (string, bool)
}

// Finish tells every Finisher guard that the exchange's call is over.
func (c *Chain) Finish(ex *Exchange) {
	if c == nil {
		return
	}
	for _, g := range c.guards {
		if f, ok := g.(Finisher); ok {
			f.Finish(ex)
		}
	}
}

// Original maps a renamed item back to its server's name, if a guard
// renamed it.
func (c *Chain) Original(server, name string) (string, bool) {
	if c == nil {
		return "", false
	}
	for _, g := range c.guards {
		if r, ok := g.(Renamer); ok {
			if orig, ok := r.Original(server, name); ok {
				return orig, true
			}
		}
	}
	return "", false
}

// Outcome is the combined result of running the chain.
type Outcome struct {
	// Final is the deciding verdict: the deny that stopped the chain, or a
	// Modify if any guard modified, else Allow.
	Final Verdict
	// Verdicts are every non-allow verdict in order, for the audit log.
	Verdicts []Verdict
}

// Chain runs guards in order.
type Chain struct {
	guards  []Guard
	timeout time.Duration
	built   atomic.Bool // every Warming guard is built: Run stops asking
}

// NewChain builds a chain. timeout bounds each guard's Inspect (not a
// hold's wait); zero means no bound beyond the request's own deadline.
func NewChain(timeout time.Duration, guards ...Guard) *Chain {
	return &Chain{guards: guards, timeout: timeout}
}

// Guards returns the guards in order.
func (c *Chain) Guards() []Guard {
	if c == nil {
		return nil
	}
	return c.guards
}

// Len is the number of guards.
func (c *Chain) Len() int {
	if c == nil {
		return 0
	}
	return len(c.guards)
}

// Run passes ex through every interested guard.
func (c *Chain) Run(ctx context.Context, ex *Exchange) Outcome {
	var out Outcome
	out.Final = Verdict{Action: Allow}
	if c == nil {
		return out
	}
	warming := !c.allBuilt()
	for _, g := range c.guards {
		if f, ok := g.(Filter); ok && !f.Wants(ex.Phase, ex.Method) {
			continue
		}
		if warming {
			if err := ready(ctx, g); err != nil {
				v := failClosed(g.Name(), fmt.Errorf("not ready: %w", err))
				out.Verdicts = append(out.Verdicts, v)
				out.Final = v
				return out
			}
		}
		v := c.inspect(ctx, g, ex)
		if v.Action == Hold {
			v = c.wait(ctx, g, v)
		}
		switch v.Action {
		case Allow:
			continue
		case Deny, Ask:
			out.Verdicts = append(out.Verdicts, v)
			out.Final = v
			return out
		case Modify:
			out.Verdicts = append(out.Verdicts, v)
			if out.Final.Action == Allow {
				out.Final = v
			}
		default:
			v = failClosed(g.Name(), fmt.Errorf("unknown action %d", v.Action))
			out.Verdicts = append(out.Verdicts, v)
			out.Final = v
			return out
		}
	}
	return out
}

func (c *Chain) inspect(ctx context.Context, g Guard, ex *Exchange) (v Verdict) {
	name := g.Name()
	if c.timeout > 0 {
		lc := withLazyDeadline(ctx, c.timeout)
		defer lc.release()
		ctx = lc
	}
	defer func() {
		if r := recover(); r != nil {
			v = failClosed(name, fmt.Errorf("panic: %v", r))
		}
	}()
	v, err := g.Inspect(ctx, ex)
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		return failClosed(name, err)
	}
	v.Guard = name
	if v.Action == Hold && v.Wait == nil {
		return failClosed(name, errors.New("hold without a way to wait"))
	}
	if v.Action == Ask && (v.Input == nil || len(v.Input.Requests) == 0 || ex.Client == nil || !ex.Client.Stateless()) {
		return failClosed(name, errors.New("asked for input that this client cannot give"))
	}
	return v
}

func (c *Chain) wait(ctx context.Context, g Guard, held Verdict) (v Verdict) {
	name := g.Name()
	defer func() {
		if r := recover(); r != nil {
			v = failClosed(name, fmt.Errorf("panic while waiting: %v", r))
		}
	}()
	v, err := held.Wait(ctx)
	if err != nil {
		return failClosed(name, fmt.Errorf("waiting for a decision: %w", err))
	}
	if v.Action != Allow && v.Action != Deny && v.Action != Modify {
		return failClosed(name, fmt.Errorf("a hold resolved to %s", v.Action))
	}
	v.Guard = name
	if v.Details == nil {
		v.Details = held.Details
	}
	return v
}

// failClosed turns a guard failure into a deny that says why.
func failClosed(name string, err error) Verdict {
	reason := fmt.Sprintf("guard %s failed, request refused: %v", name, err)
	if errors.Is(err, context.DeadlineExceeded) {
		reason = fmt.Sprintf("guard %s did not decide in time, request refused", name)
	}
	return Verdict{Action: Deny, Guard: name, Reason: reason, Rule: "fail_closed"}
}
