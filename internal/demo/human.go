package demo

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/warden-mcp/warden/examples/helpdesk"
)

// How the demo's person at the desk answers Warden's approval requests.
const (
	// HumanCareful approves only what they asked the agent to do: a public
	// reply on the ordinary ticket that shows no secret. Anything else is
	// declined. This is the default.
	HumanCareful = "careful"
	// HumanDeny declines every request.
	HumanDeny = "deny"
	// HumanApprove approves every request: a rubber stamp, to show what the
	// other layers do when the person in the loop is not paying attention.
	HumanApprove = "approve"
	// HumanAway never answers; Warden's approval timeout decides (deny).
	HumanAway = "away"
)

// HumanModes lists the accepted modes.
func HumanModes() []string { return []string{HumanCareful, HumanDeny, HumanApprove, HumanAway} }

// Approval is one approval request the person was shown, and the answer.
type Approval struct {
	Message  string `json:"message"`
	Decision string `json:"decision"` // accept, decline, or "no answer"
	Why      string `json:"why"`
}

// Human answers elicitation requests for the agent's client. Warden's
// approval requests reach the person this way: the client shows them to
// its user, never to the model.
type Human struct {
	Mode string
	// Task names the ticket the person asked the agent to answer; the
	// careful person approves a public reply there and nothing else.
	Task string
	// Shown, if set, is called with every request and its answer.
	Shown func(Approval)

	mu   sync.Mutex
	seen []Approval
	gone chan struct{} // closed by Leave
}

// Leave ends the person's shift: a request still waiting for an absent
// person is dropped, so the client session can close.
func (h *Human) Leave() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.gone == nil {
		h.gone = make(chan struct{})
	}
	select {
	case <-h.gone:
	default:
		close(h.gone)
	}
}

func (h *Human) goneCh() chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.gone == nil {
		h.gone = make(chan struct{})
	}
	return h.gone
}

// Seen returns the requests the person was shown so far.
func (h *Human) Seen() []Approval {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.seen)
}

// secretShown matches what a secret (or its masked form, which keeps the
// first characters) looks like in an approval request.
var secretShown = regexp.MustCompile(`gh[pousr]_|github_pat_|sk_live|sk_test|rk_live|integration_token`)

// Handle is the client's ElicitationHandler.
func (h *Human) Handle(ctx context.Context, req *mcp.ElicitRequest) (*mcp.ElicitResult, error) {
	msg := ""
	var schema any
	if req != nil && req.Params != nil {
		msg, schema = req.Params.Message, req.Params.RequestedSchema
		if req.Params.URL != "" {
			msg += "\n" + req.Params.URL
		}
	}
	a := Approval{Message: msg}
	var res *mcp.ElicitResult
	switch h.Mode {
	case HumanAway:
		a.Decision, a.Why = "no answer", "the person is away; Warden's approval timeout decides"
		h.record(a)
		// Warden does not always cancel an elicitation it gave up on, so
		// the wait also ends when the demo is over.
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-h.goneCh():
			return nil, errors.New("the person never answered")
		}
	case HumanDeny:
		a.Decision, a.Why = "decline", "this person declines every request"
	case HumanApprove:
		a.Decision, a.Why = "accept", "this person approves everything without reading it"
	default:
		a.Decision, a.Why = h.judge(msg)
	}
	if a.Decision == "accept" {
		res = &mcp.ElicitResult{Action: "accept", Content: approveContent(schema)}
	} else {
		res = &mcp.ElicitResult{Action: "decline"}
	}
	h.record(a)
	return res, nil
}

func (h *Human) record(a Approval) {
	h.mu.Lock()
	h.seen = append(h.seen, a)
	h.mu.Unlock()
	if h.Shown != nil {
		h.Shown(a)
	}
}

// judge is the careful person: they asked the agent to answer one ticket
// publicly, so they approve a public reply on that ticket, provided the
// request shows no secret, and decline everything else.
func (h *Human) judge(msg string) (decision, why string) {
	task := h.Task
	if task == "" {
		task = helpdesk.OrdinaryTicket
	}
	switch {
	case !strings.Contains(msg, "post_public_reply"):
		return "decline", "I did not ask the agent for this"
	case !strings.Contains(msg, task):
		return "decline", fmt.Sprintf("I asked the agent to answer %s only; this posts somewhere else", task)
	case secretShown.MatchString(msg):
		return "decline", "the reply would publish a credential"
	}
	return "accept", fmt.Sprintf("this is the reply to %s I asked for, and it shows no secret", task)
}

// approveContent fills an approval form: for each field, the value that
// means "approve once" (an enum value such as once/approve/allow/yes, a
// true boolean), so it works whatever the exact form Warden sends.
func approveContent(schema any) map[string]any {
	m, _ := schema.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	out := map[string]any{}
	for name, p := range props {
		ps, _ := p.(map[string]any)
		if v, ok := pickApprove(ps); ok {
			out[name] = v
		}
	}
	return out
}

var approveWords = []string{"once", "approve_once", "approve", "approved", "allow", "allow_once", "yes", "accept"}

func pickApprove(ps map[string]any) (any, bool) {
	var enum []string
	switch e := ps["enum"].(type) {
	case []any:
		for _, v := range e {
			if s, ok := v.(string); ok {
				enum = append(enum, s)
			}
		}
	case []string:
		enum = e
	}
	if len(enum) == 0 {
		// oneOf [{const, title}] is the titled-enum form of 2025-11-25.
		if one, ok := ps["oneOf"].([]any); ok {
			for _, o := range one {
				if om, ok := o.(map[string]any); ok {
					if s, ok := om["const"].(string); ok {
						enum = append(enum, s)
					}
				}
			}
		}
	}
	if len(enum) > 0 {
		for _, w := range approveWords {
			for _, v := range enum {
				if strings.EqualFold(v, w) {
					return v, true
				}
			}
		}
		for _, v := range enum {
			l := strings.ToLower(v)
			if strings.Contains(l, "approve") || strings.Contains(l, "allow") || strings.Contains(l, "once") {
				return v, true
			}
		}
		return nil, false
	}
	switch ps["type"] {
	case "boolean":
		return true, true
	case "string":
		return "approved by the person at the desk (warden demo)", true
	}
	return nil, false
}
