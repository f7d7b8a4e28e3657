// Package gateway is Warden's MCP router: it terminates client sessions,
// routes each request to the upstream that owns the name it targets, merges
// lists across upstreams, bridges protocol versions, relays server-to-client
// traffic to the session that caused it, and runs every exchange through the
// guard chain. It knows guards only through the guard interface.
package gateway

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/warden-mcp/warden/internal/audit"
	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
)

// Event is one audit record as the gateway sees it. The audit package turns
// it into a hash-chained entry.
type Event struct {
	Time       time.Time
	Kind       string
	Principal  string
	Client     string
	Session    string
	Server     string
	Method     string
	Tool       string
	ArgsDigest string
	Verdict    string
	Guard      string
	Rule       string
	Reason     string
	Latency    time.Duration
	Details    map[string]any
}

// Auditor records events durably. Record returns only when the event is
// stored; an error means the gateway must fail closed. Enqueue accepts an
// event whose commit may trail (allowed calls) and fails only when the log
// cannot take it, which also means failing closed.
type Auditor interface {
	Record(ctx context.Context, ev Event) error
	Enqueue(ev Event) error
}

// Options configures a Gateway.
type Options struct {
	Name, Version string
	Upstreams     []*Upstream
	Chain         *guard.Chain
	Auditor       Auditor
	Logger        *slog.Logger
	Metrics       *Metrics
	// Separator joins server and item names when there is more than one
	// upstream.
	Separator          string
	SessionIdleTimeout time.Duration
	SessionMaxLifetime time.Duration
	MaxSessions        int
	// AuditAllows records allowed calls too, not only non-allow verdicts.
	AuditAllows bool
}

// Gateway routes MCP traffic between clients and upstreams.
type Gateway struct {
	opts     Options
	log      *slog.Logger
	ups      []*Upstream
	byName   map[string]*Upstream
	sessions sessions
	chain    atomic.Pointer[guard.Chain]
	metrics  *Metrics
	refusals *refusalAudit

	rank map[string]int // upstream → its place in the configuration

	mu sync.Mutex
	// The resource routing index (lists.go): which upstream publishes a
	// URI, or a template's literal prefix, and how far each upstream's
	// lists were read.
	resIndex      map[string]string               // resource URI → upstream name
	tmplIndex     map[string]string               // URI template prefix → upstream name
	resCount      map[string]int                  // upstream → its URIs in resIndex
	tmplCount     map[string]int                  // upstream → its prefixes in tmplIndex
	resIndexed    map[string]bool                 // upstream → lists read in full since they last changed
	resGen        map[string]uint64               // upstream → count of changes to its lists
	resTried      map[string]time.Time            // upstream → when its lists were last read for the index
	tools         map[string]map[string]*toolInfo // upstream → tool (its server's name) → its last listed definition
	lastToolIndex time.Time
	listeners     map[*listener]struct{}
	parked        map[string]*parkedCall
}

// New builds a gateway. Upstreams are connected by Run.
func New(opts Options) (*Gateway, error) {
	if len(opts.Upstreams) == 0 {
		return nil, errors.New("no upstreams configured")
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Separator == "" {
		opts.Separator = "__"
	}
	if opts.Name == "" {
		opts.Name = "warden"
	}
	if opts.Metrics == nil {
		opts.Metrics = NewMetrics(nil)
	}
	g := &Gateway{
		opts:       opts,
		log:        opts.Logger,
		ups:        opts.Upstreams,
		byName:     make(map[string]*Upstream),
		rank:       make(map[string]int),
		metrics:    opts.Metrics,
		refusals:   newRefusalAudit(),
		resIndex:   make(map[string]string),
		tmplIndex:  make(map[string]string),
		resCount:   make(map[string]int),
		tmplCount:  make(map[string]int),
		resIndexed: make(map[string]bool),
		resGen:     make(map[string]uint64),
		resTried:   make(map[string]time.Time),
		tools:      make(map[string]map[string]*toolInfo),
		listeners:  make(map[*listener]struct{}),
		parked:     make(map[string]*parkedCall),
		sessions: sessions{
			byID: make(map[string]*Session),
			max:  opts.MaxSessions,
			idle: opts.SessionIdleTimeout,
			life: opts.SessionMaxLifetime,
		},
	}
	g.chain.Store(opts.Chain)
	for i, u := range opts.Upstreams {
		if _, dup := g.byName[u.Name()]; dup {
			return nil, fmt.Errorf("upstream %q configured twice", u.Name())
		}
		// Federated names are split at the first separator: a server name
		// that is empty or holds it would route items to another server.
		if u.Name() == "" || strings.Contains(u.Name(), opts.Separator) {
			return nil, fmt.Errorf("upstream name %q is empty or contains the separator %q", u.Name(), opts.Separator)
		}
		g.byName[u.Name()] = u
		g.rank[u.Name()] = i
		prev := u.opts.OnNotify
		u.opts.OnNotify = func(u *Upstream, n *mcp.Message) {
			if prev != nil {
				prev(u, n)
			}
			g.upstreamNotification(u, n)
		}
		u.opts.OnUnrelated = g.unrelatedRequest
		// A per-user connection's resource updates concern its own
		// principal's sessions only.
		u.opts.onUserUpdate = func(u *Upstream, p *guard.Principal, n *mcp.Message) {
			g.notifySubscribers(u, mcp.StringField(n.Params, "uri"), n, p.String())
		}
		prevState := u.opts.OnState
		u.opts.OnState = func(u *Upstream, up bool) {
			if prevState != nil {
				prevState(u, up)
			}
			g.metrics.upstreamUp(u.Name(), up)
			if up {
				// A restarted server may publish other resources: its
				// URIs are read again before a later server's claim on
				// one is trusted.
				g.mu.Lock()
				g.resourcesChangedLocked(u.Name())
				g.mu.Unlock()
				g.broadcastListChanged()
			}
		}
	}
	return g, nil
}

// Run connects every upstream and sweeps expired sessions until ctx ends.
func (g *Gateway) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for _, u := range g.ups {
		wg.Add(1)
		go func() { defer wg.Done(); u.Run(ctx) }()
	}
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			for _, s := range g.sessions.all() {
				g.sessions.remove(s.id)
			}
			wg.Wait()
			return
		case now := <-t.C:
			if n := g.sessions.sweep(now); n > 0 {
				g.log.Debug("expired sessions closed", "count", n)
			}
			g.metrics.sessions.Set(float64(g.sessions.count()))
			g.expireParked(now)
		}
	}
}

// guards returns the guard chain in force.
func (g *Gateway) guards() *guard.Chain { return g.chain.Load() }

// SetChain swaps the guard chain atomically (configuration reload): calls
// already past the chain finish under the old one, later calls use the new
// one. Clients are told their lists may have changed.
func (g *Gateway) SetChain(c *guard.Chain) {
	g.chain.Store(c)
	g.broadcastListChanged()
}

// Ready reports whether every upstream is connected and every guard can
// inspect (a detector may still be building at start-up).
func (g *Gateway) Ready() (bool, []string) {
	var down []string
	for _, u := range g.ups {
		if !u.Ready() {
			down = append(down, u.Name())
		}
	}
	down = append(down, g.guards().Building()...)
	return len(down) == 0, down
}

// Upstreams returns the configured upstreams.
func (g *Gateway) Upstreams() []*Upstream { return g.ups }

// federated reports whether names are namespaced.
func (g *Gateway) federated() bool { return len(g.ups) > 1 }

// NewSession creates a legacy session for principal p. The id is minted
// when initialize succeeds.
func (g *Gateway) NewSession(p *guard.Principal) *Session {
	return newSession("", p, false)
}

// StatelessSession builds the throwaway session of one 2026-07-28 request.
func (g *Gateway) StatelessSession(p *guard.Principal, params json.RawMessage) *Session {
	s := newSession("", p, true)
	meta := mcp.MetaOf(params)
	s.meta = meta.Encode()
	s.protocol = meta.String(mcp.MetaProtocolVersion)
	s.clientCaps = meta.Object(mcp.MetaClientCapabilities)
	ci := meta.Object(mcp.MetaClientInfo)
	s.clientName, s.clientVer = ci.String("name"), ci.String("version")
	return s
}

// Session returns the live session with id, or nil.
func (g *Gateway) Session(id string) *Session {
	s := g.sessions.get(id)
	if s != nil {
		s.touch()
	}
	return s
}

// EndSession closes a session (DELETE, stdio EOF).
func (g *Gateway) EndSession(ctx context.Context, s *Session, why string) {
	if s.id != "" {
		g.sessions.remove(s.id)
		g.metrics.sessions.Set(float64(g.sessions.count()))
		_ = g.auditAsync(Event{Kind: "session", Session: s.id, Principal: s.owner(), Verdict: "end", Reason: why})
	} else {
		s.close()
	}
}

// Sender delivers messages related to one request (progress, log
// messages, server-to-client requests) to the client on that request's
// stream. A nil Sender means the request has no stream of its own.
type Sender func(ctx context.Context, m *mcp.Message) error

// Handle processes one client message. For a request it returns the
// response (with the request's id); for notifications and responses nil.
func (g *Gateway) Handle(ctx context.Context, s *Session, m *mcp.Message, send Sender) *mcp.Message {
	s.touch()
	ctx = withCaller(ctx, s) // per-user upstreams route by the principal
	switch m.Kind() {
	case mcp.KindResponse:
		if !s.deliver(m) {
			g.log.Debug("client response matches no pending request", "id", string(m.ID))
		}
		return nil
	case mcp.KindNotification:
		if why := notificationRefusal(m.Method); why != "" {
			g.refused("not_a_notification", why, map[string]any{"session": s.id, "principal": s.owner()})
			return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest, why, nil))
		}
		g.clientNotification(ctx, s, m)
		return nil
	case mcp.KindRequest:
	default:
		return mcp.NewErrorResponse(m.ID, mcp.NewError(mcp.CodeInvalidRequest, "invalid message", nil))
	}
	start := time.Now()
	idKey := m.IDKey()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if t := s.tracker(); t != nil {
		if err := t.track(idKey, cancel); err != nil {
			return mcp.NewErrorResponse(m.ID, mcp.NewError(mcp.CodeInvalidRequest, err.Error(), nil))
		}
		defer t.untrack(idKey)
	}
	resp := g.request(ctx, s, m, send)
	resp.ID = m.ID
	g.metrics.request(m.Method, resp.Error == nil, time.Since(start))
	return resp
}

func (g *Gateway) request(ctx context.Context, s *Session, m *mcp.Message, send Sender) *mcp.Message {
	if s.modern {
		if removedInStateless(m.Method) {
			return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeMethodNotFound, "method not found: "+m.Method+" is not part of the stateless protocol", nil))
		}
		if e := checkModernMeta(m); e != nil {
			return mcp.NewErrorResponse(nil, e)
		}
	} else if m.Method != mcp.MethodInitialize && m.Method != mcp.MethodPing && s.id == "" {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest, "the session is not initialized", nil))
	}
	switch m.Method {
	case mcp.MethodInitialize:
		return g.initialize(ctx, s, m)
	case mcp.MethodPing:
		return mcp.NewResult(nil, nil)
	case mcp.MethodDiscover:
		return g.discover(s)
	case mcp.MethodToolsList:
		return g.list(ctx, s, m, kindTool)
	case mcp.MethodPromptsList:
		return g.list(ctx, s, m, kindPrompt)
	case mcp.MethodResourcesList:
		return g.list(ctx, s, m, kindResource)
	case mcp.MethodResourceTemplates:
		return g.list(ctx, s, m, kindTemplate)
	case mcp.MethodToolsCall:
		return g.callNamed(ctx, s, m, kindTool, send)
	case mcp.MethodPromptsGet:
		return g.callNamed(ctx, s, m, kindPrompt, send)
	case mcp.MethodResourcesRead, mcp.MethodResourcesSubscribe, mcp.MethodResourcesUnsub:
		return g.resourceRequest(ctx, s, m, send)
	case mcp.MethodComplete:
		return g.complete(ctx, s, m, send)
	case mcp.MethodSetLevel:
		return g.setLevel(ctx, s, m)
	case mcp.MethodSubscriptionsListen:
		return g.listen(ctx, s, m, send)
	}
	return g.forwardUnknown(ctx, s, m, send)
}

// removedInStateless lists methods that 2026-07-28 removed.
func removedInStateless(method string) bool {
	switch method {
	case mcp.MethodInitialize, mcp.MethodPing, mcp.MethodSetLevel, mcp.MethodResourcesSubscribe, mcp.MethodResourcesUnsub:
		return true
	}
	return false
}

// checkModernMeta enforces the required _meta of a stateless request.
func checkModernMeta(m *mcp.Message) *mcp.Error {
	meta := mcp.MetaOf(m.Params)
	v := meta.String(mcp.MetaProtocolVersion)
	if v == "" {
		return mcp.NewError(mcp.CodeInvalidParams, "missing required _meta field "+mcp.MetaProtocolVersion, nil)
	}
	if !mcp.IsSupported(v) || !mcp.IsModern(v) {
		return mcp.NewError(mcp.CodeUnsupportedVersion, "unsupported protocol version",
			map[string]any{"supported": mcp.ModernVersions(), "requested": v})
	}
	if _, ok := meta[mcp.MetaClientCapabilities]; !ok {
		return mcp.NewError(mcp.CodeInvalidParams, "missing required _meta field "+mcp.MetaClientCapabilities, nil)
	}
	return nil
}

func (g *Gateway) initialize(ctx context.Context, s *Session, m *mcp.Message) *mcp.Message {
	if s.id != "" {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidRequest, "session already initialized", nil))
	}
	p, err := mcp.ParseObject(m.Params)
	if err != nil {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInvalidParams, err.Error(), nil))
	}
	requested := p.String("protocolVersion")
	version := mcp.LatestLegacyVersion
	for _, v := range mcp.LegacyVersions() {
		if v == requested {
			version = v
		}
	}
	ci := p.Object("clientInfo")
	s.mu.Lock()
	s.protocol = version
	s.clientCaps = p.Object("capabilities")
	s.clientName, s.clientVer = ci.String("name"), ci.String("version")
	s.mu.Unlock()
	// Capabilities first: waiting for a starting upstream must not let
	// notifications reach the session before its initialize result.
	caps, instructions, serverInfo, err := g.merged(ctx, s, m.Method)
	if err != nil {
		return g.notStarted(s, m.Method, err)
	}
	s.id = newSessionID()
	if err := g.sessions.add(s); err != nil {
		s.id = ""
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInternalError, "Warden has reached its session limit; try again later", nil))
	}
	g.metrics.sessions.Set(float64(g.sessions.count()))
	if err := g.auditAsync(Event{Kind: "session", Session: s.id, Principal: s.owner(),
		Client: s.clientName + "/" + s.clientVer, Verdict: "start", Reason: "protocol " + version}); err != nil {
		g.sessions.remove(s.id)
		s.id = ""
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeInternalError, "Warden cannot write its audit log, so no session can start", nil))
	}
	res := map[string]any{
		"protocolVersion": version,
		"capabilities":    caps,
		"serverInfo":      serverInfo,
	}
	if instructions != "" {
		res["instructions"] = instructions
	}
	return mcp.NewResult(nil, res)
}

func (g *Gateway) discover(s *Session) *mcp.Message {
	caps, instructions, serverInfo, err := g.merged(context.Background(), s, mcp.MethodDiscover)
	if err != nil {
		return g.notStarted(s, mcp.MethodDiscover, err)
	}
	res := map[string]any{
		"resultType":        mcp.ResultComplete,
		"supportedVersions": mcp.ModernVersions(),
		"capabilities":      caps,
		"ttlMs":             0,
		"cacheScope":        "private",
		"_meta":             map[string]any{mcp.MetaServerInfo: serverInfo},
	}
	if instructions != "" {
		res["instructions"] = instructions
	}
	return mcp.NewResult(nil, res)
}

// Waits of initialize (and server/discover) for upstreams that have never
// connected. With several upstreams the wait is shared and short: the
// session starts with those that are up. With one, the session is that
// server: Warden waits as long as a slow first start takes (npx fetching
// a package), and says why if it does not come up.
const (
	federatedStartWait = 3 * time.Second
	singleStartWait    = 30 * time.Second
)

// merged combines the upstreams' capabilities, instructions and identity.
// With one upstream Warden presents it as it is; with several, the union.
// The error is the single upstream's failure to start: a session without
// its only server would advertise nothing and stay empty.
func (g *Gateway) merged(ctx context.Context, s *Session, method string) (map[string]any, string, any, error) {
	caps := map[string]any{}
	var instructions string
	var serverInfo any = map[string]any{"name": g.opts.Name, "version": g.opts.Version}
	wait := federatedStartWait
	if !g.federated() {
		wait = singleStartWait
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	for _, u := range g.ups {
		info := u.LastKnown()
		if info == nil {
			// Never connected yet (starting up): wait rather than
			// advertise too little.
			err := u.WaitReady(wctx)
			if info = u.LastKnown(); info == nil {
				if g.federated() {
					continue
				}
				if err == nil { // connected and lost again meanwhile
					err = fmt.Errorf("upstream %s is not available", u.Name())
				}
				return nil, "", nil, err
			}
		}
		info, ok := g.guardServerInfo(ctx, s, u, method, info)
		if !ok {
			continue // a guard blocked this server
		}
		for k, v := range info.Capabilities {
			switch k {
			case "tools", "prompts", "resources":
				mergeCap(caps, k, v)
			case "extensions", "experimental":
				mergeCap(caps, k, v)
			default:
				caps[k] = v
			}
		}
		if !g.federated() {
			instructions = info.Instructions
			if len(info.ServerInfo) > 0 {
				serverInfo = info.ServerInfo
			}
		} else if info.Instructions != "" {
			instructions += fmt.Sprintf("## Server %q (its tools, prompts and resources are prefixed with %q)\n%s\n\n",
				u.Name(), u.Name()+g.opts.Separator, info.Instructions)
		}
	}
	// Warden itself always offers list-change notifications: guards and
	// pins change what a client may see.
	for _, k := range []string{"tools", "prompts", "resources"} {
		if c, ok := caps[k].(map[string]any); ok {
			c["listChanged"] = true
		}
	}
	return caps, instructions, serverInfo, nil
}

// notStarted answers initialize or server/discover when the only upstream
// did not come up, and records why.
func (g *Gateway) notStarted(s *Session, method string, err error) *mcp.Message {
	g.log.Warn("session refused: the upstream did not start", "err", err)
	_ = g.auditAsync(Event{Kind: "upstream", Verdict: "error", Method: method, Principal: s.owner(),
		Client: s.clientName + "/" + s.clientVer, Reason: err.Error(), Details: map[string]any{"error": "not_started"}})
	return upstreamError(err)
}

// guardServerInfo passes a server's identity and instructions through the
// list guards (poisoning, pins): instructions are text the model reads like
// a tool description. It reports false when the server itself is hidden.
func (g *Gateway) guardServerInfo(ctx context.Context, s *Session, u *Upstream, method string, info *ServerInfo) (*ServerInfo, bool) {
	if g.guards().Len() == 0 {
		return info, true
	}
	items := []guard.Item{{Kind: "server", Name: u.Name(), Raw: info.ServerInfo}}
	if info.Instructions != "" {
		raw, _ := json.Marshal(info.Instructions)
		items = append(items, guard.Item{Kind: "instructions", Name: u.Name(), Raw: raw})
	}
	ex := &guard.Exchange{Phase: guard.PhaseList, Session: s.info(), Server: u.Name(), Method: method, Items: items}
	t0 := time.Now()
	out := g.guards().Run(ctx, ex)
	if err := g.recordVerdicts(ctx, ex, out, time.Since(t0), ""); err != nil || out.Final.Action == guard.Deny {
		return nil, false // unaudited decisions fail closed: the server is left out
	}
	cp := *info
	cp.Instructions = ""
	for _, it := range ex.Items {
		switch {
		case it.Kind == "server" && it.Hidden:
			return nil, false
		case it.Kind == "instructions" && !it.Hidden:
			_ = json.Unmarshal(it.Raw, &cp.Instructions)
		}
	}
	return &cp, true
}

func mergeCap(caps map[string]any, key string, raw json.RawMessage) {
	var add map[string]any
	if json.Unmarshal(raw, &add) != nil {
		return
	}
	cur, _ := caps[key].(map[string]any)
	if cur == nil {
		cur = map[string]any{}
	}
	for k, v := range add {
		if b, ok := v.(bool); ok {
			if old, ok := cur[k].(bool); ok && old {
				continue
			}
			cur[k] = b
			continue
		}
		cur[k] = v
	}
	caps[key] = cur
}

// notificationRefusal says why a client message without an id may not be
// handled as a notification, or "". Unknown notifications are forwarded
// to the upstream untouched, past every guard: a request method sent
// without an id ({"method":"tools/call"}, or "id":null) would reach a
// server that dispatches on the method alone as an unguarded call, and an
// imitation of a notification Warden interprets as what Warden would
// have handled itself.
func notificationRefusal(method string) string {
	if !strings.HasPrefix(method, "notifications/") {
		return fmt.Sprintf("%q is not a notification: requests need an id (not null)", method)
	}
	if real := mcp.ImitatesNotification(method); real != "" {
		return fmt.Sprintf("unknown notification %q (the notification is %q)", method, real)
	}
	return ""
}

func (g *Gateway) clientNotification(ctx context.Context, s *Session, m *mcp.Message) {
	switch m.Method {
	case mcp.MethodInitialized:
		s.mu.Lock()
		s.initialized = true
		s.mu.Unlock()
	case mcp.NotifyCancelled:
		p, _ := mcp.ParseObject(m.Params)
		s.cancel(string(p["requestId"]))
	case mcp.NotifyRootsChanged:
		for _, u := range g.ups {
			if info := u.Info(); info != nil && !info.Modern {
				_ = u.Notify(ctx, m.Method, m.Params)
			}
		}
	default:
		// Unknown notifications go to the only upstream, or nowhere: with
		// several upstreams there is no telling whose they are.
		if len(g.ups) == 1 {
			_ = g.ups[0].Notify(ctx, m.Method, m.Params)
		}
	}
}

func (g *Gateway) setLevel(ctx context.Context, s *Session, m *mcp.Message) *mcp.Message {
	p, _ := mcp.ParseObject(m.Params)
	s.mu.Lock()
	s.logLevel = p.String("level")
	s.mu.Unlock()
	for _, u := range g.ups {
		info := u.Info()
		if info == nil || info.Modern {
			continue
		}
		if _, ok := info.Capabilities["logging"]; !ok {
			continue
		}
		params := g.upstreamParams(s, u, mustObject(m.Params)).Encode()
		if resp, err := u.Call(ctx, m.Method, params, nil); err == nil && resp.Error != nil && !g.federated() {
			return mcp.NewErrorResponse(nil, resp.Error)
		}
	}
	return mcp.NewResult(nil, nil)
}

// upstreamNotification handles an upstream notification that belongs to no
// call: list changes and resource updates fan out to the sessions that
// should see them; log messages go to every legacy session.
func (g *Gateway) upstreamNotification(u *Upstream, n *mcp.Message) {
	switch n.Method {
	case mcp.NotifyToolsChanged, mcp.NotifyPromptsChanged, mcp.NotifyResourcesChanged:
		switch n.Method {
		case mcp.NotifyResourcesChanged:
			g.forgetResources(u.Name())
		case mcp.NotifyToolsChanged:
			g.forgetTools(u.Name())
		}
		// A bare signal: the upstream's params would reach every session
		// of every principal past every guard.
		g.broadcast(mcp.NewNotification(n.Method, nil))
	case mcp.NotifyResourceUpdated:
		uri := mcp.StringField(n.Params, "uri")
		g.notifySubscribers(u, uri, n, "")
	default:
		// Log messages and other notifications that belong to no call
		// come from an upstream shared by every session: sending them to
		// all would leak one principal's traffic to another. They go to
		// the only session, or nowhere; and not to it either while another
		// client's call is in flight on this upstream (a stateless
		// request is no session, and a stdio server relates nothing): the
		// message may well be about that call.
		if s := g.soleSessionOf(u); s != nil {
			if n = g.guardNotification(context.Background(), s.info(), u.Name(), u.soleTool(), n); n != nil {
				s.post(n)
			}
		} else {
			g.log.Debug("upstream notification with no session to route to; dropped", "upstream", u.Name(), "method", n.Method)
		}
	}
}

// unrelatedRequest answers an upstream's roots/list that belongs to no
// call. With a single legacy client that declared roots (a desktop client
// over stdio) the client is asked; otherwise the answer is an empty list:
// roots are advisory, and one client's roots must not be shown to a server
// on behalf of another.
func (g *Gateway) unrelatedRequest(ctx context.Context, u *Upstream, method string, params json.RawMessage) (*mcp.Message, error) {
	if s := g.soleSessionOf(u); s != nil && !s.modern && s.hasCapability("roots") {
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return s.ask(wctx, method, params, func(_ context.Context, m *mcp.Message) error { s.post(m); return nil })
	}
	return mcp.NewResult(nil, map[string]any{"roots": []any{}}), nil
}

func (g *Gateway) broadcastListChanged() {
	for _, m := range []string{mcp.NotifyToolsChanged, mcp.NotifyPromptsChanged, mcp.NotifyResourcesChanged} {
		g.broadcast(mcp.NewNotification(m, nil))
	}
}

func (g *Gateway) broadcast(n *mcp.Message) {
	for _, s := range g.sessions.all() {
		s.post(n)
	}
	g.offerListeners(n)
}

// soleSessionOf returns the only session when nothing else can be what an
// upstream's unrelated message is about: no other session, and no call in
// flight on u for anyone else. Otherwise nil.
func (g *Gateway) soleSessionOf(u *Upstream) *Session {
	all := g.sessions.all()
	if len(all) != 1 || !u.onlyFor(all[0].peerKey()) {
		return nil
	}
	return all[0]
}

// notifySubscribers sends a resource update to the sessions and listeners
// subscribed to its URI (URIs are not rewritten, see lists.go) at the
// upstream that sent it: another upstream cannot speak for a URI it does
// not serve. owner, when set, is the principal whose own connection sent
// it (a per-user upstream): that user's resource is nobody else's.
func (g *Gateway) notifySubscribers(u *Upstream, uri string, n *mcp.Message, owner string) {
	for _, s := range g.sessions.all() {
		if s.subscribedTo(u, uri, owner) {
			s.post(n)
		}
	}
	for _, l := range g.listenersNow() {
		if l.subscribedTo(u, uri, owner) {
			l.push(n)
		}
	}
}

// subscribedTo reports whether the session holds a subscription to uri at
// u, for owner's connection when owner is set.
func (s *Session) subscribedTo(u *Upstream, uri, owner string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	server, ok := s.subs[uri]
	return ok && server == u.Name() && (owner == "" || s.principal.String() == owner)
}

// subscribedElsewhere reports whether any session or subscriptions/listen
// stream still holds the upstream subscription to uri that a session of
// owner ends: anyone's on a shared connection, owner's own on a per-user
// one (each principal's connection subscribes for itself).
func (g *Gateway) subscribedElsewhere(u *Upstream, uri, owner string) bool {
	if !u.PerUser() {
		owner = ""
	}
	for _, s := range g.sessions.all() {
		if s.subscribedTo(u, uri, owner) {
			return true
		}
	}
	for _, l := range g.listenersNow() {
		if l.subscribedTo(u, uri, owner) {
			return true
		}
	}
	return false
}

// listenersNow returns the open subscriptions/listen streams.
func (g *Gateway) listenersNow() []*listener {
	g.mu.Lock()
	defer g.mu.Unlock()
	ls := make([]*listener, 0, len(g.listeners))
	for l := range g.listeners {
		ls = append(ls, l)
	}
	return ls
}

// offerListeners hands a list change to every subscriptions/listen
// stream; each applies its own filter.
func (g *Gateway) offerListeners(n *mcp.Message) {
	for _, l := range g.listenersNow() {
		l.offer(n)
	}
}

// audit records an event; failures are logged and counted here, and the
// callers that must fail closed check the returned error.
func (g *Gateway) audit(ctx context.Context, ev Event) error {
	if g.opts.Auditor == nil {
		return nil
	}
	if ev.Time.IsZero() {
		ev.Time = time.Now().UTC()
	}
	if err := g.opts.Auditor.Record(context.WithoutCancel(ctx), ev); err != nil {
		g.metrics.auditErrors.Inc()
		g.log.Error("audit record failed", "err", err, "kind", ev.Kind, "verdict", ev.Verdict)
		return err
	}
	return nil
}

// auditAsync enqueues an event without waiting for its commit.
func (g *Gateway) auditAsync(ev Event) error {
	if g.opts.Auditor == nil {
		return nil
	}
	if ev.Time.IsZero() {
		ev.Time = time.Now().UTC()
	}
	if err := g.opts.Auditor.Enqueue(ev); err != nil {
		g.metrics.auditErrors.Inc()
		g.log.Error("audit record refused", "err", err, "kind", ev.Kind, "verdict", ev.Verdict)
		return err
	}
	return nil
}

// digest is the audit digest of arguments (audit.DigestArgs: SHA-256 of
// the canonical JSON), so the values never enter the log. Arguments that
// are not JSON still get a digest, of their bytes.
func digest(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	if d, err := audit.DigestArgs(raw); err == nil {
		return d
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
