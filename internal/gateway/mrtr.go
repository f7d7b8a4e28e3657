package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// A stateless (2026-07-28) client cannot receive requests, so when a legacy
// upstream asks for sampling, elicitation or roots in the middle of a call,
// Warden keeps the upstream call open ("parks" it), answers the client with
// an input_required result whose requestState is a Warden token, and
// resumes the call when the client retries with its answers.

const parkedPrefix = "warden-mrtr:"

// parkedTTL bounds how long a parked call waits for the client's retry.
const parkedTTL = 5 * time.Minute

// A principal may have at most maxParkedPerOwner calls waiting for its
// answers, and the gateway maxParked in all: each holds an upstream call
// open for up to parkedTTL.
const (
	maxParkedPerOwner = 64
	maxParked         = 4096
)

func isParkedToken(s string) bool { return strings.HasPrefix(s, parkedPrefix) }

type callResult struct {
	resp *mcp.Message
	err  error
}

type inputAsk struct {
	method string
	params json.RawMessage
	reply  chan *mcp.Message
}

// mrtrPeer turns an upstream's server-to-client requests into asks that the
// waiting handler converts into input_required results.
type mrtrPeer struct {
	key  string
	asks chan *inputAsk

	mu   sync.Mutex
	send Sender
}

func (p *mrtrPeer) Key() string { return p.key }

func (p *mrtrPeer) Notify(ctx context.Context, n *mcp.Message) {
	p.mu.Lock()
	send := p.send
	p.mu.Unlock()
	if send != nil {
		_ = send(ctx, n)
	}
}

func (p *mrtrPeer) Request(ctx context.Context, method string, params json.RawMessage) (*mcp.Message, error) {
	a := &inputAsk{method: method, params: params, reply: make(chan *mcp.Message, 1)}
	select {
	case p.asks <- a:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case r := <-a.reply:
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// parkedCall is an upstream call waiting for a stateless client's retry.
// Its token is a bearer secret, so the retry must also come from the same
// principal and be the same request (method, upstream, tool or prompt or
// URI, arguments): a token must not resume a call under another request's
// name, whose guards, scope checks and audit record it would skip.
type parkedCall struct {
	owner   string
	u       *Upstream
	method  string
	target  string
	args    string // argsKey of the client's arguments
	req     *guard.Exchange
	start   time.Time
	peer    *mrtrPeer
	results chan callResult
	cancel  context.CancelFunc
	asks    map[string]*inputAsk
	expires time.Time
}

func (g *Gateway) forwardMRTR(ctx context.Context, s *Session, u *Upstream, method string, p mcp.Object, send Sender, req *guard.Exchange, target, args string, start time.Time) (*mcp.Message, *mcp.Message) {
	callCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), u.opts.MaxTimeout)
	pc := &parkedCall{
		owner: s.owner(), u: u, method: method, target: target, args: args, req: req, start: start,
		peer:    &mrtrPeer{key: newSessionID(), asks: make(chan *inputAsk, 8), send: send},
		results: make(chan callResult, 1),
		cancel:  cancel,
	}
	params := p.Encode()
	peer := &guardedPeer{g: g, s: s, u: u, inner: pc.peer, tool: target}
	go func() {
		resp, err := u.Call(callCtx, method, params, peer)
		pc.results <- callResult{resp, err}
	}()
	return g.awaitParked(ctx, pc)
}

// awaitParked waits for the upstream's result or its next request for input.
func (g *Gateway) awaitParked(ctx context.Context, pc *parkedCall) (*mcp.Message, *mcp.Message) {
	select {
	case r := <-pc.results:
		pc.cancel()
		if r.err != nil {
			return nil, upstreamError(r.err)
		}
		return r.resp, nil
	case a := <-pc.peer.asks:
		pc.asks = map[string]*inputAsk{"warden-1": a}
		for i := 2; ; i++ {
			select {
			case more := <-pc.peer.asks:
				pc.asks[fmt.Sprintf("warden-%d", i)] = more
				continue
			default:
			}
			break
		}
		reqs := map[string]any{}
		for k, a := range pc.asks {
			reqs[k] = map[string]any{"method": a.method, "params": a.params}
		}
		token := parkedPrefix + newSessionID()
		pc.expires = time.Now().Add(parkedTTL)
		pc.peer.mu.Lock()
		pc.peer.send = nil
		pc.peer.mu.Unlock()
		g.mu.Lock()
		if why := g.parkFull(pc.owner); why != "" {
			g.mu.Unlock()
			pc.cancel()
			return nil, mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInternalError, "the upstream asked for input, but "+why+"; retry when earlier requests are answered", nil))
		}
		g.parked[token] = pc
		g.mu.Unlock()
		return mcp.NewResult(nil, map[string]any{
			"resultType":    mcp.ResultInputRequired,
			"inputRequests": reqs,
			"requestState":  token,
		}), nil
	case <-ctx.Done():
		pc.cancel()
		return nil, upstreamError(ctx.Err())
	}
}

// resumeParked continues a parked call with the client's answers. u and
// target are what the retry names (u is nil for a resource, whose owner
// is not resolved before).
func (g *Gateway) resumeParked(ctx context.Context, s *Session, m *mcp.Message, token string, p mcp.Object, u *Upstream, target string) *mcp.Message {
	owner := s.owner()
	why := ""
	g.mu.Lock()
	pc := g.parked[token]
	switch {
	case pc == nil || pc.owner != owner:
		// Another principal's token is answered like an unknown one.
		why = "unknown or expired requestState"
	case time.Now().After(pc.expires):
		// The sweep runs every 30 s; the deadline holds to the moment.
		delete(g.parked, token)
		pc.cancel()
		why = "unknown or expired requestState"
	case pc.method != m.Method || (u != nil && pc.u != u) || pc.target != target || pc.args != argsKey(p["arguments"]):
		// Not consumed: the owner's own retry of the right request may
		// still come.
		why = "requestState belongs to a different request (retry the same " + m.Method + " with the same arguments)"
	default:
		delete(g.parked, token)
	}
	g.mu.Unlock()
	if why != "" {
		_ = g.auditAsync(Event{Kind: "session", Verdict: "deny", Principal: owner, Method: m.Method, Tool: target,
			ArgsDigest: digest(p["arguments"]), Reason: "parked call refused: " + why})
		return invalidParams(why)
	}
	var answers map[string]json.RawMessage
	if err := json.Unmarshal(p["inputResponses"], &answers); err != nil {
		pc.cancel()
		return invalidParams("inputResponses must answer every input request")
	}
	for k, a := range pc.asks {
		ans, ok := answers[k]
		if !ok {
			a.reply <- mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest, "the client did not answer", nil))
			continue
		}
		a.reply <- mcp.NewResult(nil, ans)
	}
	pc.peer.mu.Lock()
	pc.peer.send = nil
	pc.peer.mu.Unlock()
	resp, errResp := g.awaitParked(ctx, pc)
	if errResp != nil {
		return errResp
	}
	if resp.Error != nil {
		return g.guardError(ctx, s, pc.u, pc.target, pc.req, resp.Error)
	}
	if mcp.StringField(resp.Result, "resultType") == mcp.ResultInputRequired {
		// The upstream's own input requests, passing through: checked like
		// those of a first answer (forwardGuarded).
		res, errResp := g.guardInputRequests(ctx, s, pc.u, resp.Result)
		if errResp != nil {
			return errResp
		}
		return mcp.NewResult(nil, res)
	}
	return g.guardResult(ctx, s, pc.u, pc.method, pc.target, pc.req, resp.Result, pc.start)
}

// argsKey is the canonical digest of a call's arguments, absent ones
// counting as {}: a retry may spell the same arguments either way.
func argsKey(raw json.RawMessage) string {
	if len(bytes.TrimSpace(raw)) == 0 {
		raw = json.RawMessage("{}")
	}
	return digest(raw)
}

func (g *Gateway) expireParked(now time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for tok, pc := range g.parked {
		if now.After(pc.expires) {
			pc.cancel()
			delete(g.parked, tok)
		}
	}
}

// parkFull says why another call of owner cannot be parked, or "". g.mu
// is held.
func (g *Gateway) parkFull(owner string) string {
	if len(g.parked) >= maxParked {
		return fmt.Sprintf("%d calls already wait for their clients' answers", len(g.parked))
	}
	n := 0
	for _, pc := range g.parked {
		if pc.owner == owner {
			n++
		}
	}
	if n >= maxParkedPerOwner {
		return fmt.Sprintf("%d of your calls already wait for your answers", n)
	}
	return ""
}
