package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
	"github.com/warden-mcp/warden/internal/transport"
)

// maxInputRounds bounds multi round-trip exchanges bridged by Warden.
const maxInputRounds = 8

// callNamed forwards tools/call and prompts/get: resolve the name, run the
// request guards, forward, run the result guards.
func (g *Gateway) callNamed(ctx context.Context, s *Session, m *mcp.Message, k itemKind, send Sender) *mcp.Message {
	p, err := mcp.ParseObject(m.Params)
	if err != nil {
		return invalidParams(err.Error())
	}
	name := p.String("name")
	u, orig := g.resolve(name)
	if u == nil || orig == "" {
		return invalidParams(fmt.Sprintf("unknown %s: %q", k.item, name))
	}
	if k == kindTool {
		// Guards rename tools only (policy overrides): a prompt that
		// bears a renamed tool's new name is still that prompt.
		if renamed, ok := g.guards().Original(u.Name(), orig); ok {
			orig = renamed
		}
	}
	if tok := p.String("requestState"); isParkedToken(tok) {
		return g.resumeParked(ctx, s, m, tok, p, u, orig)
	}
	return g.forwardGuarded(ctx, s, m, u, orig, p, send, func(p mcp.Object) { p.Set("name", orig) })
}

// toolFor returns a tool's listed definition, reading the lists once if
// the client called the tool without listing it first.
func (g *Gateway) toolFor(ctx context.Context, s *Session, server, tool string) json.RawMessage {
	if ti, ok := g.toolDef(server, tool); ok {
		return ti.raw
	}
	g.indexTools(ctx, s)
	if ti, ok := g.toolDef(server, tool); ok {
		return ti.raw
	}
	return nil
}

// forwardGuarded is the guarded path shared by every request that targets
// one item of one upstream.
func (g *Gateway) forwardGuarded(ctx context.Context, s *Session, m *mcp.Message, u *Upstream, target string, p mcp.Object, send Sender, rewrite func(mcp.Object)) *mcp.Message {
	start := time.Now()
	ex := &guard.Exchange{
		Phase: guard.PhaseRequest, Session: s.info(), Server: u.Name(),
		Method: m.Method, Name: target, Params: m.Params,
		Client: newGuardClient(s, send, m.Params),
	}
	defer g.guards().Finish(ex)
	if m.Method == mcp.MethodToolsCall && g.guards().Len() > 0 {
		ex.Tool = g.toolFor(ctx, s, u.Name(), target)
	}
	out := g.guards().Run(ctx, ex)
	argsDigest := digest(p["arguments"])
	callKey := argsKey(p["arguments"]) // the client's arguments, before any guard changed them
	if err := g.recordDecision(ctx, ex, out, time.Since(start), argsDigest); err != nil {
		return g.denied(s, m.Method, "Warden could not record this decision in its audit log, so the request was refused")
	}
	switch out.Final.Action {
	case guard.Deny:
		return g.denied(s, m.Method, out.Final.Reason)
	case guard.Ask:
		return g.inputRequired(s, out.Final.Input)
	}
	if out.Final.Action == guard.Modify {
		var err error
		if p, err = mcp.ParseObject(ex.Params); err != nil {
			return g.denied(s, m.Method, "a guard produced invalid parameters")
		}
	}
	if rewrite != nil {
		rewrite(p)
	}
	stripWardenState(p)
	p = g.upstreamParams(s, u, p)
	if info := u.Info(); info != nil && info.Modern && m.Method == mcp.MethodToolsCall {
		if h := g.upstreamParamHeaders(u.Name(), target, p["arguments"]); h != nil {
			ctx = transport.WithHeader(ctx, h)
		}
	}

	resp, errResp := g.forward(ctx, s, u, m.Method, p, send, ex, target, callKey, start)
	if errResp != nil {
		return errResp
	}
	if resp.Error != nil {
		return g.guardError(ctx, s, u, target, ex, resp.Error)
	}
	if mcp.StringField(resp.Result, "resultType") == mcp.ResultInputRequired {
		// A modern upstream's multi round-trip result for a modern client
		// passes through, the client answers and retries; but its input
		// requests are server-to-client requests like any other, and get
		// the same checks.
		res, errResp := g.guardInputRequests(ctx, s, u, resp.Result)
		if errResp != nil {
			return errResp
		}
		return mcp.NewResult(nil, res)
	}
	return g.guardResult(ctx, s, u, m.Method, target, ex, resp.Result, start)
}

// guardResult runs the result guards over an upstream result.
func (g *Gateway) guardResult(ctx context.Context, s *Session, u *Upstream, method, target string, req *guard.Exchange, result json.RawMessage, start time.Time) *mcp.Message {
	ex := &guard.Exchange{
		Phase: guard.PhaseResult, Session: req.Session, Server: u.Name(),
		Method: method, Name: target, Params: req.Params, Result: result, Values: req.Values, Tool: req.Tool,
	}
	t0 := time.Now()
	out := g.guards().Run(ctx, ex)
	if out.Final.Action != guard.Allow {
		if err := g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil {
			return g.denied(s, method, "Warden could not record this decision in its audit log, so the result was withheld")
		}
	}
	if out.Final.Action == guard.Deny {
		return g.denied(s, method, out.Final.Reason)
	}
	res := ex.Result
	if t := bytes.TrimLeft(res, " \t\r\n"); len(t) == 0 || t[0] != '{' {
		return upstreamError(errors.New("upstream result is not a JSON object"))
	}
	g.metrics.upstreamLatency(u.Name(), time.Since(start))
	return &mcp.Message{Result: g.finishRaw(s, res, method == mcp.MethodResourcesRead)}
}

// methodUpstreamError names, for the guards, an upstream's JSON-RPC error
// on its way to the client: its message and data are text the model
// reads, as much as a result's.
const methodUpstreamError = "warden/upstream-error"

// guardError runs the result guards over an upstream's error answer (its
// message and data, read like any other payload: an instruction or a
// secret can sit there as well as in a result). A guard that refuses it
// replaces it with Warden's own error; one that redacts it rewrites it.
func (g *Gateway) guardError(ctx context.Context, s *Session, u *Upstream, target string, req *guard.Exchange, e *mcp.Error) *mcp.Message {
	body := map[string]json.RawMessage{}
	msg, _ := json.Marshal(e.Message)
	body["message"] = msg
	if len(e.Data) > 0 {
		body["data"] = e.Data
	}
	raw, _ := json.Marshal(body)
	ex := &guard.Exchange{Phase: guard.PhaseResult, Session: req.Session, Server: u.Name(),
		Method: methodUpstreamError, Name: target, Params: req.Params, Result: raw, Tool: req.Tool}
	t0 := time.Now()
	out := g.guards().Run(ctx, ex)
	if out.Final.Action == guard.Allow {
		return mcp.NewErrorResponse(nil, e)
	}
	if err := g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil {
		return g.denied(s, req.Method, "Warden could not record this decision in its audit log, so the upstream's error was withheld")
	}
	if out.Final.Action == guard.Deny {
		return mcp.NewErrorResponse(nil, mcp.NewError(e.Code, "the upstream's error message was withheld: "+out.Final.Reason, nil))
	}
	var changed struct {
		Message string          `json:"message"`
		Data    json.RawMessage `json:"data"`
	}
	if json.Unmarshal(ex.Result, &changed) != nil {
		return mcp.NewErrorResponse(nil, mcp.NewError(e.Code, "the upstream's error message was withheld: a guard left it unreadable", nil))
	}
	return mcp.NewErrorResponse(nil, &mcp.Error{Code: e.Code, Message: changed.Message, Data: changed.Data})
}

// finishRaw is finishResult for a result kept as bytes: results can be
// large, so the fields a stateless client needs are spliced in and the rest
// is passed through untouched.
func (g *Gateway) finishRaw(s *Session, res json.RawMessage, cacheable bool) json.RawMessage {
	if !s.modern {
		return res
	}
	if _, ok := mcp.Field(res, "resultType"); !ok {
		res = mcp.WithField(res, "resultType", []byte(`"complete"`))
	}
	if cacheable {
		if _, ok := mcp.Field(res, "ttlMs"); !ok {
			res = mcp.WithField(res, "ttlMs", []byte("0"))
		}
		res = mcp.WithField(res, "cacheScope", []byte(`"private"`))
	}
	return res
}

// forward sends a request upstream, bridging the two protocol eras: a
// legacy upstream's server-to-client requests reach a modern client as
// input_required results, and a modern upstream's input_required results
// reach a legacy client as server-to-client requests.
func (g *Gateway) forward(ctx context.Context, s *Session, u *Upstream, method string, p mcp.Object, send Sender, req *guard.Exchange, target, args string, start time.Time) (*mcp.Message, *mcp.Message) {
	info := u.Info()
	if s.modern && info != nil && !info.Modern && bridgeable(method) {
		return g.forwardMRTR(ctx, s, u, method, p, send, req, target, args, start)
	}
	peer := &guardedPeer{g: g, s: s, u: u, inner: &sessionPeer{s: s, send: send}, tool: target}
	for round := 0; ; round++ {
		resp, err := u.Call(ctx, method, p.Encode(), peer)
		if err != nil {
			g.upstreamFailed(req, u, method, err, start)
			return nil, upstreamError(err)
		}
		if s.modern || resp.Error != nil || mcp.StringField(resp.Result, "resultType") != mcp.ResultInputRequired {
			return resp, nil
		}
		if round >= maxInputRounds {
			return nil, upstreamError(errors.New("upstream asked for input too many times"))
		}
		res, _ := mcp.ParseObject(resp.Result)
		answers, errResp := g.answerInputs(ctx, s, peer, res)
		if errResp != nil {
			return nil, errResp
		}
		p["inputResponses"] = answers
		if st, ok := res["requestState"]; ok {
			p["requestState"] = st
		} else {
			delete(p, "requestState")
		}
	}
}

func bridgeable(method string) bool {
	return method == mcp.MethodToolsCall || method == mcp.MethodPromptsGet || method == mcp.MethodResourcesRead
}

// answerInputs asks a legacy client each input request of an
// input_required result.
func (g *Gateway) answerInputs(ctx context.Context, s *Session, peer Peer, res mcp.Object) (json.RawMessage, *mcp.Message) {
	var reqs map[string]struct {
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if err := json.Unmarshal(res["inputRequests"], &reqs); err != nil && len(res["inputRequests"]) > 0 {
		return nil, upstreamError(fmt.Errorf("invalid inputRequests: %w", err))
	}
	answers := map[string]json.RawMessage{}
	for key, r := range reqs {
		resp, err := peer.Request(ctx, r.Method, r.Params)
		if err != nil {
			return nil, upstreamError(err)
		}
		if resp.Error != nil {
			return nil, mcp.NewErrorResponse(nil, resp.Error)
		}
		answers[key] = resp.Result
	}
	b, _ := json.Marshal(answers)
	return b, nil
}

// upstreamParams adapts params to the upstream's protocol era. A modern
// upstream needs the per-request _meta that a legacy client gave once, at
// initialize.
func (g *Gateway) upstreamParams(s *Session, u *Upstream, p mcp.Object) mcp.Object {
	info := u.Info()
	if info == nil {
		return p
	}
	if !info.Modern {
		// A legacy upstream must not see the stateless protocol's
		// per-request keys, whoever wrote them (a legacy client may too):
		// its transport would announce a version it never negotiated and
		// send the request outside the upstream's session.
		meta := p.Object("_meta")
		n := len(meta)
		for _, k := range []string{mcp.MetaProtocolVersion, mcp.MetaClientCapabilities, mcp.MetaClientInfo, mcp.MetaLogLevel} {
			delete(meta, k)
		}
		if len(meta) == n {
			return p
		}
		if len(meta) == 0 {
			delete(p, "_meta")
		} else {
			p["_meta"] = meta.Encode()
		}
		return p
	}
	if s.modern {
		return p // the stateless client's own _meta, for a stateless server
	}
	meta := p.Object("_meta")
	meta.Set(mcp.MetaProtocolVersion, info.Protocol)
	s.mu.Lock()
	caps := s.clientCaps
	name, ver := s.clientName, s.clientVer
	level := s.logLevel
	s.mu.Unlock()
	if caps == nil {
		caps = mcp.Object{}
	}
	meta.Set(mcp.MetaClientCapabilities, caps.Encode())
	meta.Set(mcp.MetaClientInfo, map[string]string{"name": name, "version": ver})
	if level != "" {
		meta.Set(mcp.MetaLogLevel, level)
	}
	p["_meta"] = meta.Encode()
	return p
}

func (g *Gateway) resourceRequest(ctx context.Context, s *Session, m *mcp.Message, send Sender) *mcp.Message {
	p, err := mcp.ParseObject(m.Params)
	if err != nil {
		return invalidParams(err.Error())
	}
	uri := p.String("uri")
	if uri == "" {
		return invalidParams("missing uri")
	}
	if tok := p.String("requestState"); isParkedToken(tok) {
		return g.resumeParked(ctx, s, m, tok, p, nil, uri)
	}
	var u *Upstream
	if m.Method == mcp.MethodResourcesUnsub {
		// The subscription ends where it was made, even if another
		// server owns the URI by now.
		s.mu.Lock()
		server := s.subs[uri]
		s.mu.Unlock()
		u = g.byName[server]
	}
	if u == nil {
		u = g.routeURI(ctx, s, uri)
	}
	if u == nil {
		code := mcp.CodeInvalidParams
		if !s.modern {
			code = mcp.CodeLegacyResourceMissing
		}
		return mcp.NewErrorResponse(nil, mcp.NewError(code, "resource not found", map[string]string{"uri": uri}))
	}
	// A subscription is a use of the resource like reading it, and goes
	// through the same guards (the policy decides it); the session is
	// subscribed only once they allowed it. Unsubscribing ends the
	// session's subscription whatever they decide.
	var rewrite func(mcp.Object)
	switch m.Method {
	case mcp.MethodResourcesSubscribe:
		rewrite = func(mcp.Object) {
			s.mu.Lock()
			s.subs[uri] = u.Name()
			s.mu.Unlock()
		}
	case mcp.MethodResourcesUnsub:
		s.mu.Lock()
		delete(s.subs, uri)
		s.mu.Unlock()
		if g.subscribedElsewhere(u, uri, s.owner()) {
			// The upstream subscription is shared (one connection per
			// upstream): it ends with the last session that holds it, so
			// that no client can silence another's updates.
			return mcp.NewResult(nil, g.finishResult(s, mcp.Object{}, false))
		}
	}
	return g.forwardGuarded(ctx, s, m, u, uri, p, send, rewrite)
}

func (g *Gateway) complete(ctx context.Context, s *Session, m *mcp.Message, send Sender) *mcp.Message {
	p, err := mcp.ParseObject(m.Params)
	if err != nil {
		return invalidParams(err.Error())
	}
	ref := p.Object("ref")
	var u *Upstream
	target := ""
	switch ref.String("type") {
	case "ref/prompt":
		name := ref.String("name")
		u, target = g.resolve(name)
		if u == nil || target == "" {
			return invalidParams(fmt.Sprintf("unknown prompt: %q", name))
		}
		ref.Set("name", target)
	case "ref/resource":
		target = ref.String("uri")
		if target == "" {
			return invalidParams("missing uri")
		}
		if u = g.routeURI(ctx, s, target); u == nil {
			return invalidParams(fmt.Sprintf("unknown resource: %q", target))
		}
	default:
		return invalidParams("completion/complete needs a ref of type ref/prompt or ref/resource")
	}
	return g.forwardGuarded(ctx, s, m, u, target, p, send, func(p mcp.Object) { p["ref"] = ref.Encode() })
}

// forwardUnknown forwards a method Warden does not interpret, untouched,
// when there is only one place it can go.
func (g *Gateway) forwardUnknown(ctx context.Context, s *Session, m *mcp.Message, send Sender) *mcp.Message {
	if real := mcp.Imitates(m.Method); real != "" {
		// Forwarded, it would pass every guard that decides the real
		// method, to a server that may take it for that method.
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, fmt.Sprintf("method not found: %q (the method is %q)", m.Method, real), nil))
	}
	var u *Upstream
	if !g.federated() {
		u = g.ups[0]
	} else if name := mcp.StringField(m.Params, "name"); name != "" {
		u, _ = g.resolve(name)
	}
	if u == nil {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, "method not found: "+m.Method, nil))
	}
	p, err := mcp.ParseObject(m.Params)
	if err != nil {
		return invalidParams(err.Error())
	}
	return g.forwardGuarded(ctx, s, m, u, "", p, send, nil)
}

// sessionPeer relays an upstream's related traffic to a legacy client on
// the request's own stream, or on the session's standalone stream.
type sessionPeer struct {
	s    *Session
	send Sender
}

func (p *sessionPeer) Key() string { return p.s.peerKey() }

func (p *sessionPeer) Notify(ctx context.Context, n *mcp.Message) {
	if p.send != nil {
		if err := p.send(ctx, n); err == nil {
			return
		}
	}
	if !p.s.modern {
		p.s.post(n)
	}
}

func (p *sessionPeer) Request(ctx context.Context, method string, params json.RawMessage) (*mcp.Message, error) {
	if p.s.modern {
		return nil, mcp.NewError(mcp.CodeInvalidRequest, "the client uses the stateless protocol and cannot receive requests", nil)
	}
	send := p.send
	if send == nil {
		send = func(_ context.Context, m *mcp.Message) error { p.s.post(m); return nil }
	}
	return p.s.ask(ctx, method, params, send)
}

// guardedPeer runs the guards over an upstream's requests to the client
// (sampling, elicitation, roots) and over the client's answers, so neither
// direction of that side channel escapes inspection.
type guardedPeer struct {
	g     *Gateway
	s     *Session
	u     *Upstream
	inner Peer
	// tool is the tool, prompt or URI of the call the upstream's requests
	// and notifications come during, so that per-tool guard settings apply
	// to them too and cannot be sidestepped by sending text that way.
	tool string
}

func (p *guardedPeer) Key() string { return p.inner.Key() }

func (p *guardedPeer) Notify(ctx context.Context, n *mcp.Message) {
	if n = p.g.guardNotification(ctx, p.s.info(), p.u.Name(), p.tool, n); n != nil {
		p.inner.Notify(ctx, n)
	}
}

// notifyGuardWait bounds the guards' work on one notification: it runs in
// the upstream's read loop, which must not stall behind a detector that
// is still being built.
const notifyGuardWait = 5 * time.Second

// guardNotification runs the server-request guards over a notification an
// upstream sends a client (a log message, a progress message): text the
// client shows its user, and many clients their model. It returns the
// notification to deliver (changed if a guard redacted it), or nil when a
// guard refused it or the refusal could not be audited.
func (g *Gateway) guardNotification(ctx context.Context, sess guard.Session, server, tool string, n *mcp.Message) *mcp.Message {
	if g.guards().Len() == 0 || len(n.Params) == 0 {
		return n
	}
	ctx, cancel := context.WithTimeout(ctx, notifyGuardWait)
	defer cancel()
	ex := &guard.Exchange{Phase: guard.PhaseServerRequest, Session: sess, Server: server, Name: tool, Method: n.Method, Params: n.Params}
	t0 := time.Now()
	out := g.guards().Run(ctx, ex)
	if err := g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil {
		return nil
	}
	switch out.Final.Action {
	case guard.Allow:
		return n
	case guard.Modify:
		return &mcp.Message{Method: n.Method, Params: ex.Params}
	}
	g.log.Debug("upstream notification withheld by a guard", "upstream", server, "method", n.Method, "reason", out.Final.Reason)
	return nil
}

func (p *guardedPeer) Request(ctx context.Context, method string, params json.RawMessage) (*mcp.Message, error) {
	// A server may ask only for what the client declared (for stateless
	// clients, in this request's _meta); anything else is refused here, so
	// it never becomes another request's input_required either.
	if capName := requestCapability(method); capName != "" && !p.s.hasCapability(capName) {
		return nil, mcp.NewError(mcp.CodeInvalidRequest, "the client did not declare the "+capName+" capability", nil)
	}
	ex := &guard.Exchange{Phase: guard.PhaseServerRequest, Session: p.s.info(), Server: p.u.Name(), Name: p.tool, Method: method, Params: params}
	t0 := time.Now()
	out := p.g.guards().Run(ctx, ex)
	if err := p.g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil {
		return nil, mcp.NewError(mcp.CodeDenied, "Warden could not audit this request", nil)
	}
	if out.Final.Action == guard.Deny {
		return nil, mcp.NewError(mcp.CodeDenied, "Warden refused this request: "+out.Final.Reason, nil)
	}
	resp, err := p.inner.Request(ctx, method, ex.Params)
	if err != nil || resp.Error != nil {
		return resp, err
	}
	// The client's answer travels toward the upstream: request phase.
	ans := &guard.Exchange{Phase: guard.PhaseRequest, Session: ex.Session, Server: p.u.Name(), Method: method,
		Params: ex.Params, Result: resp.Result, Values: ex.Values}
	t0 = time.Now()
	out = p.g.guards().Run(ctx, ans)
	if err := p.g.recordVerdicts(ctx, ans, out, time.Since(t0), digest(resp.Result)); err != nil {
		return nil, mcp.NewError(mcp.CodeDenied, "Warden could not audit this answer", nil)
	}
	if out.Final.Action == guard.Deny {
		return nil, mcp.NewError(mcp.CodeDenied, "Warden withheld the client's answer: "+out.Final.Reason, nil)
	}
	return &mcp.Message{ID: resp.ID, Result: ans.Result}, nil
}

// requestCapability names the client capability a server request needs.
func requestCapability(method string) string {
	switch method {
	case mcp.MethodSampling:
		return "sampling"
	case mcp.MethodElicit:
		return "elicitation"
	case mcp.MethodRootsList:
		return "roots"
	}
	return ""
}

func (g *Gateway) denied(s *Session, method, reason string) *mcp.Message {
	if method == mcp.MethodToolsCall {
		// A tool error lets the model read why and adjust.
		res := mcp.NewResult(nil, map[string]any{
			"content": []any{map[string]any{"type": "text", "text": "Warden blocked this call: " + reason}},
			"isError": true,
			"_meta":   map[string]any{"dev.warden/denied": true},
		})
		res.Result = g.finishRaw(s, res.Result, false)
		return res
	}
	return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeDenied, "Warden refused this request: "+reason, nil))
}

// upstreamFailed audits a request that the upstream did not answer
// usably (a timeout, a response over the size limit, a broken connection):
// the log shows every outcome, not only the guards' decisions. A client
// that went away is not a failure of the upstream.
func (g *Gateway) upstreamFailed(req *guard.Exchange, u *Upstream, method string, err error, start time.Time) {
	if errors.Is(err, context.Canceled) {
		return
	}
	kind := "upstream"
	switch {
	case errors.Is(err, ErrTimeout):
		kind = "timeout"
	case errors.Is(err, ErrResponseTooLarge), errors.Is(err, transport.ErrMessageTooLarge):
		kind = "too_large"
	}
	ev := Event{Kind: "upstream", Verdict: "error", Server: u.Name(), Method: method, Reason: err.Error(),
		Latency: time.Since(start), Details: map[string]any{"error": kind}}
	if req != nil {
		ev.Principal = req.Session.Principal.String()
		ev.Client = req.Session.ClientName + "/" + req.Session.ClientVersion
		ev.Session, ev.Tool = req.Session.ID, req.Name
	}
	_ = g.auditAsync(ev)
}

func upstreamError(err error) *mcp.Message {
	code := mcp.CodeUpstream
	switch {
	case errors.Is(err, ErrTimeout):
		code = mcp.CodeTimeout
	case errors.Is(err, ErrResponseTooLarge), errors.Is(err, transport.ErrMessageTooLarge):
		code = mcp.CodeTooLarge
	case errors.Is(err, context.Canceled):
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInternalError, "request cancelled", nil))
	}
	return mcp.NewErrorResponse(nil, mcp.NewError(code, err.Error(), nil))
}

func mustObject(raw json.RawMessage) mcp.Object {
	o, err := mcp.ParseObject(raw)
	if err != nil {
		return mcp.Object{}
	}
	return o
}

// recordDecision audits a request decision: every non-allow verdict, and
// allows too when configured.
func (g *Gateway) recordDecision(ctx context.Context, ex *guard.Exchange, out guard.Outcome, lat time.Duration, argsDigest string) error {
	if out.Final.Action == guard.Allow {
		g.metrics.verdict("", "allow")
		if !g.opts.AuditAllows {
			return nil
		}
		// Allowed calls are recorded without waiting for the commit; a log
		// that cannot take the record refuses the call.
		return g.auditAsync(g.event(ex, guard.Verdict{Action: guard.Allow}, lat, argsDigest))
	}
	return g.recordVerdicts(ctx, ex, out, lat, argsDigest)
}

func (g *Gateway) recordVerdicts(ctx context.Context, ex *guard.Exchange, out guard.Outcome, lat time.Duration, argsDigest string) error {
	var firstErr error
	for _, v := range out.Verdicts {
		g.metrics.verdict(v.Guard, v.Action.String())
		if err := g.audit(ctx, g.event(ex, v, lat, argsDigest)); err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

func (g *Gateway) event(ex *guard.Exchange, v guard.Verdict, lat time.Duration, argsDigest string) Event {
	return Event{
		Kind:       "decision",
		Principal:  ex.Session.Principal.String(),
		Client:     ex.Session.ClientName + "/" + ex.Session.ClientVersion,
		Session:    ex.Session.ID,
		Server:     ex.Server,
		Method:     ex.Method,
		Tool:       ex.Name,
		ArgsDigest: argsDigest,
		Verdict:    v.Action.String(),
		Guard:      v.Guard,
		Rule:       v.Rule,
		Reason:     v.Reason,
		Latency:    lat,
		Details:    mergeDetails(v.Details, ex.Phase),
	}
}

func mergeDetails(d map[string]any, phase guard.Phase) map[string]any {
	out := map[string]any{"phase": phase.String()}
	for k, v := range d {
		out[k] = v
	}
	return out
}

// guardInputRequests runs the server-request guards over each input request
// of an upstream's input_required result that passes through to a
// stateless client.
func (g *Gateway) guardInputRequests(ctx context.Context, s *Session, u *Upstream, result json.RawMessage) (json.RawMessage, *mcp.Message) {
	res, err := mcp.ParseObject(result)
	if err != nil {
		return nil, upstreamError(fmt.Errorf("invalid input_required result: %w", err))
	}
	var reqs map[string]guard.InputRequest
	if raw := res["inputRequests"]; len(raw) > 0 {
		if err := json.Unmarshal(raw, &reqs); err != nil {
			return nil, upstreamError(fmt.Errorf("invalid inputRequests: %w", err))
		}
	}
	changed := false
	for key, r := range reqs {
		if capName := requestCapability(r.Method); capName != "" && !s.hasCapability(capName) {
			return nil, mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest, "the upstream asked for "+capName+", which the client did not declare", nil))
		}
		ex := &guard.Exchange{Phase: guard.PhaseServerRequest, Session: s.info(), Server: u.Name(), Method: r.Method, Params: r.Params}
		t0 := time.Now()
		out := g.guards().Run(ctx, ex)
		if err := g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil {
			return nil, mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeDenied, "Warden could not audit this request", nil))
		}
		switch out.Final.Action {
		case guard.Deny, guard.Ask:
			return nil, mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeDenied, "Warden refused the upstream's request for input: "+out.Final.Reason, nil))
		case guard.Modify:
			r.Params = ex.Params
			reqs[key] = r
			changed = true
		}
	}
	if !changed {
		return result, nil
	}
	b, err := json.Marshal(reqs)
	if err != nil {
		return nil, upstreamError(fmt.Errorf("re-encoding inputRequests: %w", err))
	}
	res["inputRequests"] = b
	return res.Encode(), nil
}
