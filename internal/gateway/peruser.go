package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/warden-mcp/warden/internal/guard"
	"github.com/warden-mcp/warden/internal/mcp"
	"github.com/warden-mcp/warden/internal/transport"
)

// CodeURLElicitationRequired is the 2025-11-25 URLElicitationRequiredError:
// the request can proceed once the user has completed the URL-mode
// elicitations in the error's data.
const CodeURLElicitationRequired = -32042

// PerUserOptions makes an upstream keep one connection per principal
// instead of one shared by everyone: for upstreams whose credentials
// belong to the user (token exchange, per-user authorization-code grants).
// Each connection is created on its principal's first request, runs its
// handshake with that principal's credentials, and is closed after
// IdleTimeout without requests.
type PerUserOptions struct {
	// Dialer returns the dialer of p's own connection. caller returns the
	// context of the latest request p made through the connection, without
	// its cancellation: credentials derived from the caller's own token
	// (token exchange) read it from there.
	Dialer func(p *guard.Principal, caller func() context.Context) (transport.Dialer, error)
	// Check, when set, runs before each request of p with the request's
	// context; an error refuses the request at once instead of letting a
	// connection fail its handshake (no grant yet, no caller token). An
	// error with an AuthorizationURL method becomes a URL-mode elicitation
	// for clients that support one.
	Check func(ctx context.Context, p *guard.Principal) error
	// IdleTimeout closes a connection that served no request for this long
	// (default 10 minutes).
	IdleTimeout time.Duration
	// MaxConns bounds the open connections (default 1024). When full, the
	// longest-idle connection is closed for a new principal; if every one
	// is busy, the request is refused.
	MaxConns int
}

// authorizationURLer is an error the user resolves by opening a URL in a
// browser (an authorization-code grant Warden does not have yet).
type authorizationURLer interface {
	error
	AuthorizationURL() string
}

type callerKey struct{}

// caller is who a request is served for, as the per-user upstreams need
// it: the principal, and whether its client takes URL-mode elicitations.
type caller struct {
	p       *guard.Principal
	urlMode bool
}

// WithPrincipal returns a context carrying the principal a request is
// served for. Gateway.Handle adds it to every request; per-user upstreams
// route by it and refuse requests without it.
func WithPrincipal(ctx context.Context, p *guard.Principal) context.Context {
	return context.WithValue(ctx, callerKey{}, caller{p: p})
}

// withCaller is WithPrincipal for a session: it also records whether the
// session's client declared URL-mode elicitation.
func withCaller(ctx context.Context, s *Session) context.Context {
	s.mu.Lock()
	var el struct {
		URL json.RawMessage `json:"url"`
	}
	_ = json.Unmarshal(s.clientCaps["elicitation"], &el)
	p := s.principal
	s.mu.Unlock()
	return context.WithValue(ctx, callerKey{}, caller{p: p, urlMode: el.URL != nil})
}

func callerFrom(ctx context.Context) (caller, bool) {
	c, ok := ctx.Value(callerKey{}).(caller)
	return c, ok && c.p != nil && c.p.Subject != ""
}

// userConns is the set of per-principal connections of one upstream.
type userConns struct {
	parent *Upstream
	opts   PerUserOptions

	started   chan struct{} // closed once run has set ctx
	startOnce sync.Once

	mu     sync.Mutex
	ctx    context.Context // set by run; nil until then
	conns  map[string]*userConn
	closed bool
}

type userConn struct {
	u        *Upstream
	cancel   context.CancelFunc
	done     chan struct{}
	inflight int
	last     time.Time
	caller   context.Context // the latest request's values, never cancelled
}

func newUserConns(parent *Upstream, opts PerUserOptions) *userConns {
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 10 * time.Minute
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = 1024
	}
	return &userConns{parent: parent, opts: opts, conns: map[string]*userConn{}, started: make(chan struct{})}
}

// run sweeps idle connections until ctx ends, then closes them all.
func (uc *userConns) run(ctx context.Context) {
	uc.mu.Lock()
	uc.ctx = ctx
	uc.mu.Unlock()
	uc.startOnce.Do(func() { close(uc.started) })
	tick := min(max(uc.opts.IdleTimeout/4, 10*time.Millisecond), 30*time.Second)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			uc.mu.Lock()
			uc.closed = true
			all := uc.conns
			uc.conns = map[string]*userConn{}
			uc.mu.Unlock()
			for _, c := range all {
				c.cancel()
				<-c.done
			}
			return
		case now := <-t.C:
			uc.sweep(now)
		}
	}
}

// sweep closes connections idle for longer than IdleTimeout.
func (uc *userConns) sweep(now time.Time) int {
	uc.mu.Lock()
	var idle []*userConn
	for k, c := range uc.conns {
		if c.inflight == 0 && now.Sub(c.last) >= uc.opts.IdleTimeout {
			delete(uc.conns, k)
			idle = append(idle, c)
		}
	}
	uc.mu.Unlock()
	for _, c := range idle {
		c.cancel()
		<-c.done
	}
	if len(idle) > 0 {
		uc.parent.log.Debug("idle per-user connections closed", "count", len(idle))
	}
	return len(idle)
}

// count returns the number of open per-user connections.
func (uc *userConns) count() int {
	uc.mu.Lock()
	defer uc.mu.Unlock()
	return len(uc.conns)
}

// acquire returns the connection of the request's principal, creating it
// if needed, and marks a request in flight on it (release ends it). A
// non-nil response is the refusal to send to the client instead.
func (uc *userConns) acquire(ctx context.Context) (*Upstream, func(), *mcp.Message, error) {
	name := uc.parent.opts.Name
	c, ok := callerFrom(ctx)
	if !ok {
		return nil, nil, nil, fmt.Errorf("upstream %s uses per-user credentials and this request has no authenticated user", name)
	}
	if uc.opts.Check != nil {
		if err := uc.opts.Check(ctx, c.p); err != nil {
			var au authorizationURLer
			if errors.As(err, &au) {
				return nil, nil, authorizationRequired(name, au, c.urlMode), nil
			}
			return nil, nil, nil, err
		}
	}
	// A request may arrive while the gateway is still starting.
	select {
	case <-uc.started:
	case <-ctx.Done():
		return nil, nil, nil, ctx.Err()
	case <-time.After(maxReadyWait):
		return nil, nil, nil, fmt.Errorf("upstream %s is not running", name)
	}
	key := c.p.String()
	vals := context.WithoutCancel(ctx)
	uc.mu.Lock()
	defer uc.mu.Unlock()
	if uc.closed || uc.ctx == nil {
		return nil, nil, nil, fmt.Errorf("upstream %s is not running", name)
	}
	e := uc.conns[key]
	if e == nil {
		if len(uc.conns) >= uc.opts.MaxConns && !uc.evictLocked() {
			return nil, nil, nil, fmt.Errorf("upstream %s has reached its limit of %d per-user connections; try again later", name, uc.opts.MaxConns)
		}
		var err error
		if e, err = uc.startLocked(c.p); err != nil {
			return nil, nil, nil, err
		}
		uc.conns[key] = e
	}
	e.inflight++
	e.last = time.Now()
	e.caller = vals
	return e.u, func() {
		uc.mu.Lock()
		e.inflight--
		e.last = time.Now()
		uc.mu.Unlock()
	}, nil, nil
}

// existing returns the open connection of ctx's principal, or nil.
func (uc *userConns) existing(ctx context.Context) *Upstream {
	c, ok := callerFrom(ctx)
	if !ok {
		return nil
	}
	uc.mu.Lock()
	defer uc.mu.Unlock()
	if e := uc.conns[c.p.String()]; e != nil {
		return e.u
	}
	return nil
}

// evictLocked closes the longest-idle connection with nothing in flight.
func (uc *userConns) evictLocked() bool {
	var victim string
	var oldest time.Time
	for k, c := range uc.conns {
		if c.inflight == 0 && (victim == "" || c.last.Before(oldest)) {
			victim, oldest = k, c.last
		}
	}
	if victim == "" {
		return false
	}
	c := uc.conns[victim]
	delete(uc.conns, victim)
	c.cancel() // its goroutine ends on its own; nobody waits under the lock
	return true
}

// startLocked creates and starts p's connection.
func (uc *userConns) startLocked(p *guard.Principal) (*userConn, error) {
	e := &userConn{done: make(chan struct{})}
	callerCtx := func() context.Context {
		uc.mu.Lock()
		defer uc.mu.Unlock()
		if e.caller == nil {
			return context.Background()
		}
		return e.caller
	}
	d, err := uc.opts.Dialer(p, callerCtx)
	if err != nil {
		return nil, fmt.Errorf("upstream %s: preparing the connection for %s: %w", uc.parent.opts.Name, p, err)
	}
	parent := uc.parent
	o := parent.opts
	o.Dialer = d
	o.PerUser = nil
	o.OnState = func(child *Upstream, up bool) {
		if info := child.Info(); up && info != nil {
			cp := *info
			cp.ServerInfo = parent.perUserIdentity()
			parent.mu.Lock()
			parent.known = &cp
			parent.mu.Unlock()
		}
	}
	o.OnNotify = func(child *Upstream, n *mcp.Message) {
		switch n.Method {
		case mcp.NotifyResourceUpdated:
			// The update of this user's resource: for this user's
			// sessions only.
			if parent.opts.onUserUpdate != nil {
				parent.opts.onUserUpdate(parent, p, n)
			}
		case mcp.NotifyToolsChanged, mcp.NotifyPromptsChanged, mcp.NotifyResourcesChanged:
			// Hints to list or read again: each session then does so
			// over its own principal's connection.
			if parent.opts.OnNotify != nil {
				parent.opts.OnNotify(parent, n)
			}
		default:
			// Anything else from one user's connection that belongs to
			// no call (log messages) could reach another user's session
			// on the shared path; it is dropped.
			child.log.Debug("notification outside a call on a per-user connection; dropped", "method", n.Method)
		}
	}
	o.OnUnrelated = func(context.Context, *Upstream, string, json.RawMessage) (*mcp.Message, error) {
		// Roots asked outside a call: no session can be told apart as
		// this user's, and another's roots must not be shown; roots are
		// advisory, so the answer is none.
		return mcp.NewResult(nil, map[string]any{"roots": []any{}}), nil
	}
	o.Logger = parent.opts.Logger.With("user", p.String())
	e.u = NewUpstream(o)
	ctx, cancel := context.WithCancel(uc.ctx)
	e.cancel = cancel
	go func() {
		defer close(e.done)
		e.u.Run(ctx)
	}()
	return e, nil
}

// authorizationRequired is the answer to a request that needs the user to
// authorize Warden at the upstream first: a URL-mode elicitation for a
// client that takes them (2025-11-25 URLElicitationRequiredError), and
// otherwise an error whose message carries the link.
func authorizationRequired(upstream string, au authorizationURLer, urlMode bool) *mcp.Message {
	if !urlMode {
		return mcp.NewErrorResponse(nil, mcp.NewError(mcp.CodeUpstream, au.Error(), map[string]any{
			"upstream": upstream, "authorizationUrl": au.AuthorizationURL(),
		}))
	}
	msg := fmt.Sprintf("Warden needs your permission to use %s on your behalf. Open the link, sign in, and confirm; then try again.", upstream)
	return mcp.NewErrorResponse(nil, mcp.NewError(CodeURLElicitationRequired, au.Error(), map[string]any{
		"upstream": upstream, "authorizationUrl": au.AuthorizationURL(),
		"elicitations": []any{map[string]any{
			"mode":          "url",
			"elicitationId": newSessionID(),
			"url":           au.AuthorizationURL(),
			"message":       msg,
		}},
	}))
}

// noteAuthorization tells a session why a merged list lacks an upstream
// when the user has not authorized Warden there yet: a warning log message
// with the link, since the user cannot call a tool of that upstream to
// meet the error. It reports whether resp was such a refusal.
func (g *Gateway) noteAuthorization(s *Session, u *Upstream, resp *mcp.Message) bool {
	if resp == nil || resp.Error == nil || len(resp.Error.Data) == 0 {
		return false
	}
	var d struct {
		URL string `json:"authorizationUrl"`
	}
	if json.Unmarshal(resp.Error.Data, &d) != nil || d.URL == "" {
		return false
	}
	s.post(mcp.NewNotification(mcp.NotifyMessage, map[string]any{
		"level": "warning", "logger": "warden",
		"data": fmt.Sprintf("The tools of %s are not listed until you let Warden use it on your behalf: open %s", u.Name(), d.URL),
	}))
	return true
}
